import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { vi } from '../../../shared/i18n/vi';
import { REPORT_SCHEMA_VERSION, type ReportPayload, type VerifyResult } from '../../../shared/reports/schema';
import { CellHasher } from './canonical';
import { fingerprintOf, verifyPayload } from './keys';
import { HIDDEN_SHEET } from './xlsx-report';

const t = vi.reports.verify;

/**
 * Verify an ATTK export file: re-hash every visible cell (as the writer did), check the signed
 * payload's hash and row counts, and the Ed25519 signature with the public key the file carries.
 * Whether that key belongs to the unit is the receiving office's question (it pins keys per unit).
 * Reads with the streaming reader; callers pass only files that passed the zip pre-scan.
 */
export async function verifyReportFile(file: string): Promise<VerifyResult> {
  const hasher = new CellHasher();
  const meta = new Map<string, string>();
  const sheets = await sheetOrder(file);
  // The reader numbers sheets by part file; the id may arrive as a string.
  const nameOf = (id: number | string) => sheets.find((s) => s.id === Number(id))?.name ?? `#${id}`;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit' });
  for await (const sheet of reader) {
    const ws = sheet as unknown as ExcelJS.Worksheet & AsyncIterable<ExcelJS.Row>;
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
  }
  return { ok: problems.length === 0, problems, payload, publicKey, fingerprint };
}

/**
 * Sheet names in workbook order with the number of their part (xl/worksheets/sheetN.xml), read
 * from workbook.xml and its relationships: the streaming reader numbers sheets by part.
 */
async function sheetOrder(file: string): Promise<{ id: number; name: string }[]> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
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

function decodeXml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]!);
}
