import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Row, Worksheet } from 'exceljs';
import { asciiXml, storedZip, xmlText } from '../import/package-parts';
import { prescanXlsx } from '../import/zip-prescan';
import { vi } from '../../../shared/i18n/vi';
import { REPORT_SCHEMA_VERSION, type ReportPayload, type VerifyResult } from '../../../shared/reports/schema';
import { CellHasher } from './canonical';
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
    return await verifyNormalised(file, sheetOrder(parts));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function verifyNormalised(file: string, sheets: { id: number; name: string }[]): Promise<VerifyResult> {
  const hasher = new CellHasher();
  const meta = new Map<string, string>();
  // The reader numbers sheets by part file; the id may arrive as a string.
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
      });
    }
  }
  const visible = sheets.filter((s) => s.name !== HIDDEN_SHEET).map((s) => ({ key: s.name, name: s.name }));

  const problems: string[] = [];
  if (meta.get('format') !== 'ATTK') return { ok: false, problems: [t.notAttk], payload: null, publicKey: null, fingerprint: null };
  if (Number(meta.get('schemaVersion')) !== REPORT_SCHEMA_VERSION) problems.push(t.schema(meta.get('schemaVersion'), REPORT_SCHEMA_VERSION));
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
  return { ok: problems.length === 0, problems, payload, publicKey, fingerprint };
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

function readerOrdered(parts: Map<string, Buffer>): Buffer {
  const first = ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'];
  const byLower = new Map([...parts.keys()].map((k) => [k.toLowerCase(), k]));
  const ascii = (name: string, data: Buffer) => (/^xl\/(worksheets\/[^/]+|sharedStrings)\.xml$/i.test(name) ? Buffer.from(asciiXml(xmlText(data, name))) : data);
  const entries: { name: string; data: Buffer }[] = [];
  for (const name of first) {
    const key = byLower.get(name.toLowerCase());
    if (key) entries.push({ name: key, data: ascii(key, parts.get(key)!) });
    else if (name === 'xl/sharedStrings.xml') entries.push({ name, data: EMPTY_SST });
  }
  const taken = new Set(entries.map((e) => e.name));
  for (const [name, data] of parts) if (!taken.has(name)) entries.push({ name, data: ascii(name, data) });
  return storedZip(entries);
}

function decodeXml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]!);
}
