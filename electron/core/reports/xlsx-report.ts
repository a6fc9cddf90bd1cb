import ExcelJS from 'exceljs';
import { formatViDate, formatViDateTime } from '../../../shared/dates';
import { vi } from '../../../shared/i18n/vi';
import { REPORT_SCHEMA_VERSION, type ReportKind, type ReportPayload } from '../../../shared/reports/schema';
import type { Progress } from '../jobs/runner';
import { CellHasher, isoToDate } from './canonical';
import { accountRows, cancellationRows, maskLogin, type ReportContext } from './data';
import { signPayload, type UnitKey } from './keys';
import type { Db } from '../db/open';

const t = vi.reports;
const FONT = 'Times New Roman';
const DATE_FORMAT = 'dd/mm/yyyy';
/** Excel caps a cell at 32,767 characters: the signed payload is split across rows. */
const PAYLOAD_CHUNK = 30_000;
export const HIDDEN_SHEET = '_attk';

type Cell = string | number | Date | null;
interface Style {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  align?: 'left' | 'center' | 'right';
  border?: boolean;
  wrap?: boolean;
  height?: number;
}
type Sheet = ExcelJS.Worksheet;

/** A4, fit to page width, margins per Decree 30 (left 30 mm, right 15 mm, top/bottom 20 mm), repeated header rows. */
function pageSetup(orientation: 'portrait' | 'landscape', titleRow?: number): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 1.18, right: 0.59, top: 0.79, bottom: 0.79, header: 0.3, footer: 0.3 },
    ...(titleRow ? { printTitlesRow: `${titleRow}:${titleRow}` } : {}),
  };
}

/**
 * Writes rows to a streamed worksheet and feeds every non-empty cell to the hasher, so the
 * signature covers exactly what the sheet holds. Text is always written as text: exceljs writes
 * strings as string cells, never formulas, whatever they start with ("=", "+", "-", "@").
 */
class SheetWriter {
  rowNumber = 0;
  constructor(
    readonly sheet: Sheet,
    private readonly hasher: CellHasher,
  ) {}

  /** Write one row; `merges` (column ranges) are applied before the row is committed, as streaming requires. */
  row(values: Cell[], style: Style = {}, dateCols: number[] = [], perCell: Record<number, Style> = {}, merges: [number, number][] = []): void {
    this.rowNumber++;
    const row = this.sheet.getRow(this.rowNumber);
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      const value = typeof v === 'string' && dateCols.includes(i) ? isoToDate(v) : v;
      const st = { ...style, ...perCell[i] };
      cell.value = value;
      cell.font = { name: FONT, size: st.size ?? 12, bold: st.bold ?? false, italic: st.italic ?? false };
      cell.alignment = { vertical: 'middle', horizontal: st.align ?? 'left', wrapText: st.wrap ?? true };
      if (value instanceof Date) cell.numFmt = DATE_FORMAT;
      if (style.border) cell.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
      this.hasher.add(this.sheet.name, this.rowNumber, i + 1, value);
    });
    if (style.height) row.height = style.height;
    for (const [from, to] of merges) this.sheet.mergeCells(this.rowNumber, from, this.rowNumber, to);
    row.commit();
  }

  /** A row whose first cell spans `from`..`to` columns. */
  merged(text: string, from: number, to: number, style: Style = {}): void {
    const values: Cell[] = [];
    values[from - 1] = text;
    this.row(values, style, [], {}, [[from, to]]);
  }

  blank(): void {
    this.rowNumber++;
  }
}

/** The Decree 30 header block: parent body + unit (left), national motto (right), number and date line. */
function officialHeader(w: SheetWriter, ctx: ReportContext, width: number, number: string): void {
  const left = Math.max(3, Math.floor(width * 0.4));
  const right = left + 1;
  const lines: [string, string, Style, Style][] = [
    [ctx.unit.parentBody.toUpperCase(), vi.campaigns.decree30.motto1, { size: 12, align: 'center' }, { size: 12, bold: true, align: 'center' }],
    [ctx.unit.name.toUpperCase(), vi.campaigns.decree30.motto2, { size: 12, bold: true, align: 'center' }, { size: 13, bold: true, align: 'center' }],
    [number, t.dateLine(ctx.unit.placeName, ctx.today), { size: 13, align: 'center' }, { size: 13, italic: true, align: 'center' }],
  ];
  for (const [l, r, ls, rs] of lines) {
    const values: Cell[] = [];
    values[0] = l || null;
    values[right - 1] = r;
    w.row(values, { ...ls, height: 20 }, [], { [right - 1]: rs }, [[1, left], [right, width]]);
  }
}

function signatureBlock(w: SheetWriter, ctx: ReportContext, width: number): void {
  const half = Math.floor(width / 2);
  w.blank();
  const authority = [ctx.unit.signAuthority, ctx.unit.headTitle || vi.campaigns.decree30.signFallback].filter(Boolean).map((s) => s.toUpperCase());
  const rows: [string, string][] = [
    [t.preparer, authority[0] ?? ''],
    ['', authority[1] ?? ''],
    ['', ''],
    ['', ''],
    ['', ''],
    [ctx.unit.clerkName, ctx.unit.headName],
  ];
  for (const [l, r] of rows) {
    const values: Cell[] = [];
    values[0] = l || null;
    values[half] = r || null;
    w.row(values, { bold: true, size: 13, align: 'center' }, [], {}, [[1, half], [half + 1, width]]);
  }
}

function directiveLine(ctx: ReportContext): string {
  const c = ctx.campaign;
  return t.basis(c.directiveNumber, c.directiveDate ? formatViDate(c.directiveDate) : '', c.issuer);
}

export interface WriteOptions {
  file: string;
  kind: ReportKind;
  showLogins: boolean;
  key: UnitKey;
  generatedAt: string;
  progress: Progress;
}

export interface WriteResult {
  payload: ReportPayload;
  rows: number;
}

/**
 * The workbook for the receiving office, streamed (a district's 30,000 rows never sit in memory as
 * a workbook): "Tổng hợp", "Tài khoản", "Đề nghị hủy TK", and a very hidden machine-readable sheet
 * with the figures, a SHA-256 of every visible cell and the unit's Ed25519 signature.
 * `kind: 'cancellations'` writes only the cancellation list (+ the signed sheet).
 */
export async function writeReportWorkbook(db: Db, ctx: ReportContext, options: WriteOptions): Promise<WriteResult> {
  const hasher = new CellHasher();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: options.file, useStyles: true, useSharedStrings: false });
  wb.creator = vi.app.name;
  wb.created = new Date(options.generatedAt);
  const total = ctx.progress.overall.total + ctx.progress.overall.toCancel + 10;
  let done = 0;
  const tick = async (n = 1) => {
    done += n;
    if (done % 1000 < n) {
      options.progress(done, total);
      // Let the zip stream drain: memory stays flat whatever the row count.
      await new Promise((r) => setImmediate(r));
    }
  };
  const toCancel = cancellationRows(db, ctx.campaign);
  let accountCount = 0;

  if (options.kind === 'report') {
    // ---- Tổng hợp
    const WIDTH = 9;
    const summary = new SheetWriter(wb.addWorksheet(t.sheets.summary, { pageSetup: pageSetup('landscape'), properties: { defaultRowHeight: 18 } }), hasher);
    summary.sheet.columns = [{ width: 6 }, { width: 42 }, { width: 11 }, { width: 11 }, { width: 11 }, { width: 12 }, { width: 11 }, { width: 11 }, { width: 11 }];
    officialHeader(summary, ctx, WIDTH, `${t.numberPrefix}${ctx.campaign.reportNumber ?? `      /${ctx.unit.reportSymbol || 'BC'}`}`);
    summary.blank();
    summary.merged(t.summaryTitle, 1, WIDTH, { bold: true, size: 14, align: 'center', height: 22 });
    summary.merged(ctx.campaign.subject, 1, WIDTH, { bold: true, size: 13, align: 'center', height: 34 });
    summary.merged(directiveLine(ctx), 1, WIDTH, { italic: true, size: 12, align: 'center', height: 32 });
    summary.merged(t.period(formatViDate(ctx.campaign.startDate), formatViDate(ctx.campaign.deadline)), 1, WIDTH, { italic: true, size: 12, align: 'center' });
    summary.blank();
    const headerRow = summary.rowNumber + 1;
    summary.row(t.summaryColumns as unknown as string[], { bold: true, border: true, align: 'center', height: 48 });
    ctx.progress.bySystem.forEach((s, i) => {
      summary.row([i + 1, s.systemName, s.total, s.admin, s.user, s.done, s.late, s.missing, s.toCancel], { border: true, align: 'center' }, [], { 1: { align: 'left' } });
    });
    const o = ctx.progress.overall;
    summary.row([null, t.total, o.total, o.admin, o.user, o.done, o.late, o.missing, o.toCancel], { border: true, bold: true, align: 'center' }, [], { 1: { align: 'left' } });
    summary.sheet.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
    summary.merged(t.fingerprintLine(options.key.fingerprint), 1, WIDTH, { italic: true, size: 11 });
    if (ctx.amendments.length > 0) {
      summary.blank();
      summary.merged(t.amendmentsTitle, 1, WIDTH, { bold: true, size: 12 });
      for (const a of ctx.amendments) summary.merged(t.amendmentLine(formatViDateTime(a.at), a.actor, a.summary, a.reason), 1, WIDTH, { size: 11 });
    }
    signatureBlock(summary, ctx, WIDTH);
    summary.sheet.commit();
    await tick(10);

    // ---- Tài khoản
    const accounts = new SheetWriter(
      wb.addWorksheet(t.sheets.accounts, { pageSetup: pageSetup('landscape', 4), views: [{ state: 'frozen', ySplit: 4, xSplit: 0 }] }),
      hasher,
    );
    accounts.sheet.columns = [6, 24, 20, 20, 24, 28, 11, 16, 13, 13, 16, 24].map((width) => ({ width }));
    accounts.merged(t.accountsTitle, 1, 12, { bold: true, size: 14, align: 'center', height: 22 });
    accounts.merged(`${ctx.unit.name} — ${directiveLine(ctx)}`, 1, 12, { italic: true, align: 'center' });
    accounts.blank();
    accounts.row(t.accountColumns as unknown as string[], { bold: true, border: true, align: 'center', height: 36 });
    accounts.sheet.autoFilter = { from: { row: 4, column: 1 }, to: { row: 4, column: 12 } };
    for (const r of accountRows(db, ctx.campaign)) {
      accountCount++;
      accounts.row(
        [
          accountCount, r.personName ?? vi.accounts.shared, r.position, r.department, r.unitName, r.systemName, vi.accountRole[r.role],
          options.showLogins ? r.loginName : maskLogin(r.loginName), r.lastChangedOn, r.nextDue, vi.campaigns.state[r.state], r.changedOn ? t.changedOnNote(formatViDate(r.changedOn)) : null,
        ],
        { border: true, size: 11 },
        [8, 9],
      );
      await tick();
    }
    accounts.sheet.commit();
  }

  // ---- Đề nghị hủy TK
  const cancel = new SheetWriter(
    wb.addWorksheet(t.sheets.cancellations, { pageSetup: pageSetup('landscape', 4), views: [{ state: 'frozen', ySplit: 4, xSplit: 0 }] }),
    hasher,
  );
  cancel.sheet.columns = [6, 24, 20, 20, 24, 16, 13, 28, 24, 16, 11, 16].map((width) => ({ width }));
  cancel.merged(t.cancellationsTitle, 1, 12, { bold: true, size: 14, align: 'center', height: 22 });
  cancel.merged(`${ctx.unit.name} — ${directiveLine(ctx)}`, 1, 12, { italic: true, align: 'center' });
  cancel.blank();
  cancel.row(t.cancellationColumns as unknown as string[], { bold: true, border: true, align: 'center', height: 36 });
  cancel.sheet.autoFilter = { from: { row: 4, column: 1 }, to: { row: 4, column: 12 } };
  for (const [i, r] of toCancel.entries()) {
    cancel.row(
      [
        i + 1, r.personName, r.position, r.department, r.unitName, vi.personStatus[r.personStatus as keyof typeof vi.personStatus] ?? r.personStatus, r.statusDate,
        r.systemName, r.managingAgency, options.showLogins ? r.loginName : maskLogin(r.loginName), vi.accountRole[r.role as 'admin' | 'user'],
        vi.accountStatus[r.accountStatus as keyof typeof vi.accountStatus],
      ],
      { border: true, size: 11 },
      [6],
    );
    await tick();
  }
  cancel.sheet.commit();

  // ---- the signed, machine-readable sheet (very hidden: not offered by "Unhide")
  const payload: ReportPayload = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    kind: options.kind,
    unit: { code: ctx.unit.code, name: ctx.unit.name, parentBody: ctx.unit.parentBody },
    campaign: {
      directiveNumber: ctx.campaign.directiveNumber, directiveDate: ctx.campaign.directiveDate, issuer: ctx.campaign.issuer, subject: ctx.campaign.subject,
      startDate: ctx.campaign.startDate, deadline: ctx.campaign.deadline, reference: ctx.campaign.reference ?? null,
    },
    generatedAt: options.generatedAt,
    today: ctx.today,
    figures: {
      overall: ctx.progress.overall,
      bySystem: ctx.progress.bySystem.map((s) => ({ ...s, systemCode: ctx.systemCodes.get(s.systemId) ?? '' })),
    },
    toCancel,
    amendments: ctx.amendments.map(({ at, actor, reason, summary }) => ({ at, actor, reason, summary })),
    counts: { accountRows: accountCount, toCancel: toCancel.length, deviceRows: 0, cells: hasher.count },
    cellsSha256: hasher.digest(),
    fingerprint: options.key.fingerprint,
  };
  const json = JSON.stringify(payload);
  const hidden = wb.addWorksheet(HIDDEN_SHEET, { state: 'veryHidden' });
  const meta: [string, string | number][] = [
    ['format', 'ATTK'],
    ['schemaVersion', REPORT_SCHEMA_VERSION],
    ['unitCode', ctx.unit.code],
    ['generatedAt', options.generatedAt],
    ['fingerprint', options.key.fingerprint],
    ['publicKey', options.key.publicKeyDer.toString('base64')],
    ['signature', signPayload(options.key, json)],
    ['payloadChunks', Math.ceil(json.length / PAYLOAD_CHUNK)],
  ];
  for (let i = 0; i < json.length; i += PAYLOAD_CHUNK) meta.push([`payload.${i / PAYLOAD_CHUNK}`, json.slice(i, i + PAYLOAD_CHUNK)]);
  for (const [k, v] of meta) hidden.addRow([k, v]).commit();
  hidden.commit();
  await wb.commit();
  options.progress(total, total);
  return { payload, rows: accountCount + toCancel.length };
}
