import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Row, Worksheet } from 'exceljs';
import { asciiXml, storedZip, xmlText } from '../import/package-parts';
import { prescanXlsx } from '../import/zip-prescan';
import { vi } from '../../../shared/i18n/vi';
import { isReadableReportSchema, REPORT_SCHEMA_VERSION, type ReportPayload, type VerifyResult } from '../../../shared/reports/schema';
import { CellHasher, canonicalValue } from './canonical';
import { cellLookProblem, ownText, sheetProblems, workbookProblems, type CellLook, type LookProblem } from './presentation';
import { fingerprintOf, verifyPayload } from './keys';
import { HIDDEN_SHEET } from './xlsx-report';
import { loadExcelJs } from '../xlsx/exceljs';

const t = vi.reports.verify;

/**
 * Verify an ATTK export file: re-hash every visible cell (as the writer did), check the signed
 * payload's hash and row counts, and the Ed25519 signature with the public key the file carries.
 * Whether that key belongs to the unit is the receiving office's question (it pins keys per unit).
 * Reads with the streaming reader; callers pass only files that passed the zip pre-scan.
 */
export async function verifyReportFile(file: string): Promise<VerifyResult> {
  return verifyReportParts(prescanXlsx(await readFile(file)));
}

/**
 * Verify the parts of a file that passed the zip pre-scan (CRCs, sizes, names checked). The parts
 * are re-zipped the way exceljs's streaming reader reads correctly before it sees them — two of its
 * defects, measured on ATTK's own exports (issue #7's 100-file runs):
 * - fed sheets before shared strings (ATTK writes inline strings, sheets first), it spools each
 *   sheet to a temporary file and now and then loses the last sheets (3 reads in 2,000 of one
 *   file) — the signed sheet among them. Here: relationships, workbook, shared strings (an empty
 *   list when the file has none), styles, then the sheets (0 in 2,000);
 * - it decodes each chunk of a sheet as UTF-8 on its own, so a Vietnamese letter split across two
 *   chunks becomes "\uFFFD\uFFFD" (a 1.8 MB unit export never verified). Here the sheets and
 *   shared strings are pure ASCII (characters as &#N; references), as the Excel import does.
 * Cell values are unchanged, so the hash and the signature verify exactly as they were written.
 */
export async function verifyReportParts(parts: Map<string, Buffer>): Promise<VerifyResult> {
  const dir = mkdtempSync(join(tmpdir(), 'attk-verify-'));
  const file = join(dir, 'file.xlsx');
  try {
    writeFileSync(file, readerOrdered(parts));
    return await verifyNormalised(file, sheetOrder(parts), parts);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function verifyNormalised(file: string, sheets: { id: number; name: string }[], parts: Map<string, Buffer>): Promise<VerifyResult> {
  const hasher = new CellHasher();
  const look = new LookProblems();
  const maxCol = new Map<string, number>();
  const meta = new Map<string, string>();
  // The reader numbers sheets by part file (it is given no worksheet relationships: readerOrdered);
  // the id may arrive as a string.
  const nameOf = (id: number | string) => sheets.find((s) => s.id === Number(id))?.name ?? `#${id}`;
  const ExcelJS = await loadExcelJs();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit' });
  for await (const sheet of reader) {
    const ws = sheet as unknown as Worksheet & AsyncIterable<Row>;
    const name = nameOf(ws.id);
    for await (const row of ws) {
      if (name === HIDDEN_SHEET) {
        const key = row.getCell(1).value;
        const value = row.getCell(2).value;
        if (typeof key === 'string') meta.set(key, value === null || value === undefined ? '' : String(value));
        continue;
      }
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        // Merged slave cells repeat the master's value when read back; the writer hashed the master only.
        if (cell.type === ExcelJS.ValueType.Merge) return;
        hasher.add(name, row.number, col, cell.value);
        if (canonicalValue(cell.value) === null) return;
        if (col > (maxCol.get(name) ?? 0)) maxCol.set(name, col);
        const problem = cellLookProblem(cell.value, { numFmt: cell.numFmt, font: cell.font as CellLook['font'], fill: cell.fill as CellLook['fill'] });
        if (problem) look.cell(name, row.number, col, problem, cell.numFmt, cell.value);
      });

    }
  }
  const visible = sheets.filter((s) => s.name !== HIDDEN_SHEET).map((s) => ({ key: s.name, name: s.name }));
  presentationOf(parts, sheets, maxCol, look);

  const problems: string[] = [];
  if (meta.get('format') !== 'ATTK') return { ok: false, problems: [t.notAttk], payload: null, publicKey: null, fingerprint: null };
  if (!isReadableReportSchema(meta.get('schemaVersion'))) problems.push(t.schema(meta.get('schemaVersion'), REPORT_SCHEMA_VERSION));
  const chunks = Number(meta.get('payloadChunks'));
  let json = '';
  for (let i = 0; i < chunks; i++) json += meta.get(`payload.${i}`) ?? '';
  let payload: ReportPayload | null = null;
  try {
    payload = JSON.parse(json) as ReportPayload;
  } catch {
    problems.push(t.payload);
  }
  const publicKey = meta.get('publicKey') ?? null;
  const signature = meta.get('signature') ?? '';
  if (!publicKey || !verifyPayload(publicKey, json, signature)) problems.push(t.signature);
  const fingerprint = publicKey ? fingerprintOf(Buffer.from(publicKey, 'base64')) : null;
  if (payload) {
    if (payload.fingerprint !== fingerprint || meta.get('fingerprint') !== fingerprint) problems.push(t.fingerprint);
    if (payload.cellsSha256 !== hasher.digest(visible) || payload.counts.cells !== hasher.count) problems.push(t.cells);
    if (payload.counts.toCancel !== payload.toCancel.length) problems.push(t.counts(vi.reports.sheets.cancellations, payload.counts.toCancel, payload.toCancel.length));
    // The figures of Rules 7 and 8 against the rows the signed sheets list (the cell hash covers the rows).
    const { connections, security } = payload.figures;
    if (connections) {
      const listed = connections.bySystem.reduce((sum, s) => sum + s.connections, 0);
      if (payload.counts.connectionRows !== listed) problems.push(t.counts(vi.connections.report.sheet, listed, payload.counts.connectionRows));
    }
    if (security) {
      const listed = security.systems.reduce((sum, s) => sum + (s.lastCheckedOn ? s.used + s.notUsed + s.na : s.features), 0);
      if (payload.counts.securityRows !== listed) problems.push(t.counts(vi.security.report.sheet, listed, payload.counts.securityRows));
    }
  }
  // What a reader sees: the signed values are not enough if the file shows or prints something else.
  problems.push(...look.messages());
  return { ok: problems.length === 0, problems, payload, publicKey, fingerprint };
}

const tl = vi.trust.look;

/** Presentation problems, at most a few of each kind (one forged format can touch thousands of cells). */
class LookProblems {
  private readonly byKind = new Map<string, string[]>();
  add(kind: string, message: string): void {
    const list = this.byKind.get(kind) ?? [];
    list.push(message);
    this.byKind.set(kind, list);
  }
  cell(sheet: string, row: number, col: number, p: { problem: LookProblem; shown?: string }, format: string | undefined, value: unknown): void {
    const at = `${sheet}!${columnLetter(col)}${row}`;
    const own = ownText(value) ?? '';
    if (p.problem === 'format') this.add('format', p.shown !== undefined ? tl.format(at, p.shown, own) : tl.oddFormat(at, format ?? '', own));
    else if (p.problem === 'contrast') this.add('contrast', tl.contrast(at));
    else this.add('tiny', tl.tiny(at));
  }
  messages(): string[] {
    const out: string[] = [];
    for (const list of this.byKind.values()) {
      out.push(...list.slice(0, 3));
      if (list.length > 3) out.push(tl.more(list.length - 3));
    }
    return out;
  }
}

function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Sheet- and workbook-level presentation: hidden sheets and columns, print area, header/footer, shapes. */
function presentationOf(parts: Map<string, Buffer>, sheets: { id: number; name: string }[], maxCol: Map<string, number>, look: LookProblems): void {
  const byLower = new Map([...parts.keys()].map((k) => [k.toLowerCase(), k]));
  const text = (name: string) => {
    const key = byLower.get(name.toLowerCase());
    return key ? xmlText(parts.get(key)!, key) : null;
  };
  const wb = workbookProblems(text('xl/workbook.xml') ?? '', HIDDEN_SHEET, decodeXml);
  for (const name of wb.hiddenSheets) look.add('hiddenSheet', tl.hiddenSheet(name));
  for (const area of wb.printAreas) look.add('printArea', tl.printArea(area));
  for (const sheet of sheets) {
    if (sheet.name === HIDDEN_SHEET) continue;
    const xml = text(`xl/worksheets/sheet${sheet.id}.xml`) ?? '';
    const rels = text(`xl/worksheets/_rels/sheet${sheet.id}.xml.rels`) ?? '';
    const drawing = (rid: string) => {
      const target = new RegExp(`<Relationship\\b[^>]*\\bId="${rid.replace(/[^A-Za-z0-9]/g, '')}"[^>]*>`).exec(rels)?.[0];
      const path = target && /\bTarget="([^"]+)"/.exec(target)?.[1];
      return path ? text(`xl/${path.replace(/^\.\.\//, '').replace(/^\/xl\//, '')}`) : null;
    };
    for (const p of sheetProblems(xml, maxCol.get(sheet.name) ?? 0, drawing)) {
      if (p.kind === 'hiddenColumn') look.add('hiddenColumn', tl.hiddenColumn(sheet.name, columnLetter(p.col)));
      else if (p.kind === 'hiddenRow' || p.kind === 'lowRow') look.add(p.kind, tl[p.kind](sheet.name, p.row));
      else if (p.kind === 'headerFooter') look.add('headerFooter', tl.headerFooter(sheet.name, p.text));
      else look.add(p.kind, tl[p.kind](sheet.name));
    }
  }
}

/**
 * Sheet names in workbook order with the number of their part (xl/worksheets/sheetN.xml), read
 * from workbook.xml and its relationships: the streaming reader numbers sheets by part.
 */
function sheetOrder(parts: Map<string, Buffer>): { id: number; name: string }[] {
  const text = (name: string) => {
    const key = [...parts.keys()].find((k) => k.toLowerCase() === name);
    return key ? xmlText(parts.get(key)!, key) : '';
  };
  const workbook = text('xl/workbook.xml');
  const rels = text('xl/_rels/workbook.xml.rels');
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target);
  }
  const result: { id: number; name: string }[] = [];
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = decodeXml(/\bname="([^"]*)"/.exec(m[0])?.[1] ?? '');
    const rid = /\br:id="([^"]+)"/.exec(m[0])?.[1] ?? /\bid="([^"]+)"/.exec(m[0])?.[1] ?? '';
    const part = /sheet(\d+)\.xml$/.exec(targets.get(rid) ?? '')?.[1];
    if (part) result.push({ id: Number(part), name });
  }
  return result;
}

const EMPTY_SST = Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>');
/**
 * What the reader gets as the workbook's relationships: none. Given the real ones, exceljs numbers a
 * sheet by its sheetId (workbook.xml) instead of its part — a forger who swaps two sheets' sheetIds
 * and their parts' contents then has the payload read from the part every other program shows as
 * "Tổng hợp" (with figures of his choosing beside it) while the real summary, hidden as "_attk",
 * is hashed. Without them every sheet is its part number, named here from the same relationships
 * other programs follow (sheetOrder). The reader needs no relationship to find shared strings or styles.
 */
const EMPTY_RELS = Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>');

function readerOrdered(parts: Map<string, Buffer>): Buffer {
  const first = ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'];
  const byLower = new Map([...parts.keys()].map((k) => [k.toLowerCase(), k]));
  const ascii = (name: string, data: Buffer) => (/^xl\/(worksheets\/[^/]+|sharedStrings)\.xml$/i.test(name) ? Buffer.from(asciiXml(xmlText(data, name))) : data);
  const entries: { name: string; data: Buffer }[] = [];
  for (const name of first) {
    const key = byLower.get(name.toLowerCase());
    if (name === 'xl/_rels/workbook.xml.rels') entries.push({ name, data: EMPTY_RELS });
    else if (key) entries.push({ name: key, data: ascii(key, parts.get(key)!) });
    else if (name === 'xl/sharedStrings.xml') entries.push({ name, data: EMPTY_SST });
  }
  const taken = new Set(entries.map((e) => e.name));
  // Drawings and the sheets' relationships are inspected as XML (presentationOf), never read by exceljs.
  for (const [name, data] of parts) if (!taken.has(name) && !/^xl\/(drawings\/|worksheets\/_rels\/)/i.test(name)) entries.push({ name, data: ascii(name, data) });
  return storedZip(entries);
}

function decodeXml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]!);
}
