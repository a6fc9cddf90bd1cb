import { bestField, normaliseHeader } from '../../../shared/import/headers';
import { FIELDS_OF, REQUIRED_OF, type ImportColumn, type ImportField, type ImportKind, type ImportMapping } from '../../../shared/import/schema';
import { cleanText } from '../../../shared/text/vietnamese';
import { columnLetter } from './package-parts';
import type { RawCell, RawRow, RawSheet } from './read-workbook';

// Finding the header row of a hand-made list. It is often not row 1: above it sit the unit's name,
// the national motto, a title and a date; it may be two rows tall (a merged "Tài khoản" over
// "Hệ thống" | "Tên đăng nhập"); an "STT" column comes first. We score every row near the top by
// how many known header names it holds (alone, and joined with the row below), and keep the best.

export interface DetectedHeader {
  /** The last row of the header (data starts below it); null when nothing was recognised. */
  headerRow: number | null;
  headerRows: 1 | 2;
  mapping: ImportMapping;
}

const SEARCH_ROWS = 40;

export function cellText(cell: RawCell | null | undefined): string {
  if (!cell || cell.t === 'e') return '';
  return cleanText(cell.v);
}

interface Assignment {
  mapping: ImportMapping;
  quality: number;
}

/** Greedy: the strongest (column, field) pairs first, each field and column used once. */
function assign(labels: string[], kind: ImportKind, merged: boolean[]): Assignment {
  const fields = FIELDS_OF[kind];
  const pairs: { col: number; field: ImportField; score: number }[] = [];
  labels.forEach((label, i) => {
    const best = label ? bestField(label, fields) : null;
    if (best) pairs.push({ col: i + 1, field: best.field, score: best.score });
  });
  pairs.sort((a, b) => b.score - a.score || a.col - b.col);
  const mapping: ImportMapping = {};
  const used = new Set<number>();
  let quality = 0;
  for (const pair of pairs) {
    if (used.has(pair.col)) continue;
    let field = pair.field;
    if (mapping[field] !== undefined) {
      // "Họ và tên" merged over two columns (family name | given name): the second is the given name.
      if (field === 'fullName' && fields.includes('givenName') && mapping.givenName === undefined && (merged[pair.col - 1] || mapping.fullName === pair.col - 1)) {
        field = 'givenName';
      } else continue;
    }
    mapping[field] = pair.col;
    used.add(pair.col);
    quality += pair.score >= 1000 ? 3 : pair.score >= 500 ? 2 : 1;
  }
  // A lone "Tên" column is the full name.
  if (mapping.givenName !== undefined && mapping.fullName === undefined) {
    mapping.fullName = mapping.givenName;
    delete mapping.givenName;
  }
  return { mapping, quality };
}

function isHeaderLike(a: Assignment, kind: ImportKind): boolean {
  const fields = Object.keys(a.mapping).filter((f) => f !== 'seq');
  const hasRequired = REQUIRED_OF[kind].some((f) => a.mapping[f] !== undefined);
  return (hasRequired && fields.length >= 1 && a.quality >= 2) || fields.length >= 2;
}

function labelsOf(row: RawRow | undefined, width: number): string[] {
  return Array.from({ length: width }, (_, i) => cellText(row?.cells[i]));
}

export function detectHeader(sheet: RawSheet, kind: ImportKind): DetectedHeader {
  const top = sheet.rows.slice(0, SEARCH_ROWS);
  let best: (DetectedHeader & { quality: number }) | null = null as (DetectedHeader & { quality: number }) | null;
  const singles = top.map((row) => assign(labelsOf(row, row.cells.length), kind, row.cells.map((c) => c?.m === true)));
  top.forEach((row, i) => {
    const single = singles[i]!;
    if (isHeaderLike(single, kind) && (!best || single.quality > best.quality)) {
      best = { headerRow: row.r, headerRows: 1, mapping: single.mapping, quality: single.quality };
    }
    const next = top[i + 1];
    if (next && next.r === row.r + 1) {
      const w = Math.max(row.cells.length, next.cells.length);
      const upper = labelsOf(row, w);
      const lower = labelsOf(next, w);
      // Per column, the first that names a field of: the lower label (a sub-header is the specific
      // one: "Hệ thống" under "Tài khoản"), "upper lower", the upper label.
      const labels = upper.map((u, c) => {
        const l = lower[c]!;
        const options = [l, u && l && u !== l ? `${u} ${l}` : '', u].filter(Boolean);
        return options.find((option) => bestField(option, FIELDS_OF[kind])) ?? '';
      });
      const merged = upper.map((_, c) => row.cells[c]?.m === true || next.cells[c]?.m === true);
      const double = assign(labels, kind, merged);
      // Two rows when together they say more than the upper row alone, and at least as much as the
      // lower one (vertical merges copy the upper labels down, so the lower row alone may tie).
      // A title above the header (one distinct text) is never the upper half.
      const upperTexts = new Set(upper.filter(Boolean));
      if (
        isHeaderLike(double, kind) && upperTexts.size >= 2 && double.quality > single.quality &&
        double.quality >= singles[i + 1]!.quality && (!best || double.quality >= best.quality)
      ) {
        best = { headerRow: next.r, headerRows: 2, mapping: double.mapping, quality: double.quality };
      }
    }
  });
  if (!best) return { headerRow: null, headerRows: 1, mapping: {} };
  return { headerRow: best.headerRow, headerRows: best.headerRows, mapping: best.mapping };
}

/** The mapping a given row implies when the user says it is the header. */
export function mappingForRow(sheet: RawSheet, headerRow: number, kind: ImportKind): ImportMapping {
  const row = sheet.rows.find((r) => r.r === headerRow);
  if (!row) return {};
  return assign(labelsOf(row, row.cells.length), kind, row.cells.map((c) => c?.m === true)).mapping;
}

/** Columns as the mapping step shows them: letter, header text (both rows of a two-row header), sample values. */
export function describeColumns(sheet: RawSheet, headerRow: number | null, headerRows: number): ImportColumn[] {
  const headerIndex = headerRow === null ? -1 : sheet.rows.findIndex((r) => r.r === headerRow);
  const header = headerIndex >= 0 ? sheet.rows[headerIndex] : undefined;
  const upper = headerRows === 2 && headerIndex > 0 && sheet.rows[headerIndex - 1]!.r === headerRow! - 1 ? sheet.rows[headerIndex - 1] : undefined;
  const data = sheet.rows.filter((r) => headerRow === null || r.r > headerRow);
  const width = Math.min(
    200,
    Math.max(header?.cells.length ?? 0, upper?.cells.length ?? 0, ...data.slice(0, 200).map((r) => r.cells.length), 0),
  );
  const columns: ImportColumn[] = [];
  for (let c = 1; c <= width; c++) {
    const top = cellText(upper?.cells[c - 1]);
    const bottom = cellText(header?.cells[c - 1]);
    const label = top && bottom && top !== bottom ? `${top} / ${bottom}` : bottom || top;
    const samples: string[] = [];
    for (const row of data) {
      const text = cellText(row.cells[c - 1]);
      if (text && row.cells[c - 1]?.t !== 'd') samples.push(text.slice(0, 40));
      else if (text) samples.push(text.split('-').reverse().join('/'));
      if (samples.length >= 3) break;
    }
    if (!label && samples.length === 0) continue;
    columns.push({ index: c, letter: columnLetter(c), label, samples });
  }
  return columns;
}

/** The header's own texts, folded: a data row repeating them is a header repeated on a printed page. */
export function headerKeys(sheet: RawSheet, headerRow: number | null, mapping: ImportMapping): Map<number, string> {
  const keys = new Map<number, string>();
  const header = sheet.rows.find((r) => r.r === headerRow);
  if (!header) return keys;
  for (const col of Object.values(mapping)) {
    const key = normaliseHeader(cellText(header.cells[col - 1]));
    if (key) keys.set(col, key);
  }
  return keys;
}
