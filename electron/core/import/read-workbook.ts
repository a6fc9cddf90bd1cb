import { Readable } from 'node:stream';
import type { Cell } from 'exceljs';
import { decodeLegacyText, guessLegacyEncoding, legacyFontEncoding, type LegacyEncoding } from '../../../shared/text/legacy-encodings';
import { vi } from '../../../shared/i18n/vi';
import { MAX_COLUMNS } from '../../../shared/import/schema';
import { readPackage, repackForReader, sheetFacts, xmlText, type CellRange, type SheetFacts } from './package-parts';
import { ImportFileError } from './problems';
import { DEFAULT_ZIP_LIMITS, prescanXlsx, type ZipLimits } from './zip-prescan';
import { loadExcelJs } from '../xlsx/exceljs';

// Everything that touches the untrusted bytes: pre-scan, structure, streaming parse. Runs inside
// a worker thread (worker.ts) with a heap cap and a watchdog; the result is plain data.

/** One cell, reduced to what an import needs. Text is already converted from TCVN3/VNI. */
export interface RawCell {
  /** s = text, n = number, d = date (ISO in `v`), b = boolean, e = error. */
  t: 's' | 'n' | 'd' | 'b' | 'e';
  v: string;
  n?: number;
  /** A formula cell: `v` is its cached result. */
  f?: true;
  /** Converted from this legacy encoding (the cell's font said so). */
  enc?: LegacyEncoding;
  /** Looks like legacy text, but the font does not say so: warn, do not convert. */
  guess?: LegacyEncoding;
  /** Copied from the top-left cell of a merged range. */
  m?: true;
}

export interface RawRow {
  /** 1-based row number in the sheet. */
  r: number;
  cells: (RawCell | null)[];
}

export interface RawSheet {
  name: string;
  hidden: boolean;
  rows: RawRow[];
  merges: CellRange[];
  converted: Partial<Record<LegacyEncoding, number>>;
}

export interface RawWorkbook {
  sheets: RawSheet[];
}

export interface ReadLimits {
  zip: ZipLimits;
  /** Non-empty rows across all sheets. */
  maxRows: number;
  /** Cells filled in from merged ranges. */
  maxMergeFill: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { zip: DEFAULT_ZIP_LIMITS, maxRows: 100_000, maxMergeFill: 2_000_000 };

export type ProgressFn = (done: number, total: number) => void;

const DATE_FORMAT = /[ymdhsb]/i;
/** exceljs's own test for date formats (utils.isDateFmt), for formula results it leaves as numbers. */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return DATE_FORMAT.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** Excel serial day → ISO date (1900 system counts the fictitious 29/02/1900, as Excel does). */
export function serialToIso(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  const days = Math.floor(serial + 1e-7) + (date1904 ? 1462 : 0);
  const ms = (days - 25569) * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

function numberText(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(12)));
}

function textCell(text: string, fontName: string | undefined, runs?: { text: string; font?: string }[]): RawCell {
  const cellFont = legacyFontEncoding(fontName);
  let enc: LegacyEncoding | undefined;
  let value: string;
  if (runs) {
    value = '';
    for (const run of runs) {
      const font = legacyFontEncoding(run.font ?? fontName);
      if (font) enc = font.encoding;
      value += decodeLegacyText(run.text, font);
    }
  } else {
    value = decodeLegacyText(text, cellFont);
    if (cellFont) enc = cellFont.encoding;
  }
  const cell: RawCell = { t: 's', v: value };
  if (enc && value !== text) cell.enc = enc;
  else if (!cellFont) {
    const guess = guessLegacyEncoding(value);
    if (guess) cell.guess = guess;
  }
  return cell;
}

function toRawCell(cell: Cell, date1904: boolean): RawCell | null {
  const value = cell.value as unknown;
  if (value === null || value === undefined) return null;
  const fontName = cell.font?.name;
  if (typeof value === 'string') return value === '' ? null : textCell(value, fontName);
  if (typeof value === 'number') return Number.isFinite(value) ? { t: 'n', v: numberText(value), n: value } : { t: 'e', v: '#NUM!' };
  if (typeof value === 'boolean') return { t: 'b', v: value ? '1' : '0' };
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? { t: 'e', v: '#DATE!' } : { t: 'd', v: value.toISOString().slice(0, 10) };
  }
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (Array.isArray(o.richText)) {
      const runs = (o.richText as { text?: unknown; font?: { name?: string } }[]).map((r) => ({
        text: typeof r.text === 'string' ? r.text : '',
        ...(r.font?.name ? { font: r.font.name } : {}),
      }));
      const text = runs.map((r) => r.text).join('');
      return text === '' ? null : textCell(text, fontName, runs);
    }
    if ('formula' in o || 'sharedFormula' in o) {
      // A formula: take the value Excel cached when it last calculated. We never evaluate.
      const result = o.result;
      let out: RawCell | null;
      // No cached value: written by a program that never calculated it (Excel fills it on save).
      if (result === undefined || result === null) out = { t: 'e', v: vi.import.formulaNoValue };
      else if (typeof result === 'number') {
        if (Number.isNaN(result)) out = { t: 'e', v: '#N/A' };
        else if (isDateFormat(cell.numFmt)) {
          const iso = serialToIso(result, date1904);
          out = iso ? { t: 'd', v: iso } : { t: 'n', v: numberText(result), n: result };
        } else out = { t: 'n', v: numberText(result), n: result };
      } else if (typeof result === 'string') out = result === '' ? null : textCell(result, fontName);
      else if (typeof result === 'boolean') out = { t: 'b', v: result ? '1' : '0' };
      else if (result instanceof Date) out = { t: 'd', v: result.toISOString().slice(0, 10) };
      else if (typeof result === 'object' && 'error' in (result as object)) out = { t: 'e', v: String((result as { error: unknown }).error) };
      else out = null;
      if (out) out.f = true;
      return out;
    }
    if ('error' in o) return { t: 'e', v: String(o.error) };
    if ('text' in o && typeof o.text === 'string') return o.text === '' ? null : textCell(o.text, fontName);
  }
  return null;
}

/** Fill every cell of a merged range with its top-left value (vertically merged departments, two-row headers). */
function applyMerges(rows: RawRow[], merges: CellRange[], limits: ReadLimits, sheet: string): void {
  if (merges.length === 0) return;
  const byNumber = new Map(rows.map((row) => [row.r, row]));
  let filled = 0;
  for (const range of merges) {
    const origin = byNumber.get(range.top)?.cells[range.left - 1];
    if (!origin) continue;
    const right = Math.min(range.right, MAX_COLUMNS);
    // Visit only rows that exist: a merge over a million empty rows costs nothing.
    for (const row of rows) {
      if (row.r < range.top || row.r > range.bottom) continue;
      for (let c = range.left; c <= right; c++) {
        if (row.r === range.top && c === range.left) continue;
        if (!row.cells[c - 1]) {
          row.cells[c - 1] = { ...origin, m: true };
          if (++filled > limits.maxMergeFill) throw new ImportFileError('tooComplex', { sheet });
        }
      }
    }
  }
}

/** Cross-checks against the sheet's own XML: the streaming reader must not silently stop early. */
function verifySheet(name: string, facts: SheetFacts, rowEvents: number, lastRow: number): void {
  if (!facts.complete || rowEvents !== facts.rowElements) {
    throw new ImportFileError('sheetTruncated', { sheet: name, row: lastRow, count: Math.max(facts.rowElements, facts.dimension?.bottom ?? 0) });
  }
  const dim = facts.dimension;
  if (dim && (dim.bottom > dim.top || dim.right > dim.left) && rowEvents > 0 && lastRow < dim.bottom) {
    throw new ImportFileError('sheetTruncated', { sheet: name, row: lastRow, count: dim.bottom });
  }
}

/**
 * Read every worksheet of an .xlsx held in memory. Throws ImportFileError for any file it will not
 * read; never returns partial data.
 */
export async function readWorkbook(bytes: Uint8Array, limits: ReadLimits = DEFAULT_READ_LIMITS, onProgress?: ProgressFn): Promise<RawWorkbook> {
  const parts = prescanXlsx(bytes, limits.zip);
  const info = readPackage(parts);
  const xml = info.sheets.map((s) => xmlText(parts.get(s.path)!, s.path));
  const facts = info.sheets.map((s, i) => sheetFacts(xml[i]!, s.name));
  const totalRows = facts.reduce((sum, f) => sum + f.rowElements, 0);
  const packed = repackForReader(parts, info, xml);
  xml.length = 0;
  parts.clear();

  const sheets: RawSheet[] = info.sheets.map((s) => ({ name: s.name, hidden: s.hidden, rows: [], merges: [], converted: {} }));
  const ExcelJS = await loadExcelJs();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([packed]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let kept = 0;
  let seen = 0;
  const emitted = new Set<number>();
  try {
    for await (const worksheet of reader) {
      const index = Number((worksheet as unknown as { id: number | string }).id) - 1;
      const sheet = sheets[index];
      if (!sheet) continue;
      emitted.add(index);
      let rowEvents = 0;
      let lastRow = 0;
      for await (const row of worksheet) {
        rowEvents++;
        lastRow = Math.max(lastRow, row.number);
        if (++seen % 2000 === 0) onProgress?.(seen, totalRows);
        const cells: (RawCell | null)[] = [];
        let any = false;
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          if (col > MAX_COLUMNS) return;
          const raw = toRawCell(cell, info.date1904);
          if (raw) {
            cells[col - 1] = raw;
            any = true;
            if (raw.enc) sheet.converted[raw.enc] = (sheet.converted[raw.enc] ?? 0) + 1;
          }
        });
        if (!any) continue;
        for (let c = 0; c < cells.length; c++) cells[c] ??= null;
        if (++kept > limits.maxRows) throw new ImportFileError('tooManyRows', { sheet: sheet.name, limit: limits.maxRows });
        sheet.rows.push({ r: row.number, cells });
      }
      verifySheet(sheet.name, facts[index]!, rowEvents, lastRow);
      sheet.merges = facts[index]!.merges;
      applyMerges(sheet.rows, sheet.merges, limits, sheet.name);
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    // saxes reports malformed XML as a plain Error: the part is damaged.
    throw new ImportFileError('badXml', {});
  }
  // A sheet exceljs never emitted although its XML has rows would otherwise look empty: refuse it.
  facts.forEach((f, i) => {
    if (f.rowElements > 0 && !emitted.has(i)) throw new ImportFileError('sheetTruncated', { sheet: sheets[i]!.name, row: 0, count: f.rowElements });
  });
  onProgress?.(totalRows, totalRows);
  return { sheets };
}
