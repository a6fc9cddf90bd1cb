import { symbolFor } from '../../../shared/reports/symbols';
import { formatViDate, formatViDateTime } from '../../../shared/dates';
import { vi } from '../../../shared/i18n/vi';
import { REPORT_SCHEMA_VERSION, type DeviceSummary, type ReportKind, type ReportPayload } from '../../../shared/reports/schema';
import type { Db } from '../db/open';
import type { Progress } from '../jobs/runner';
import { XlsxStreamWriter, type CellStyle, type CellValue, type SheetOptions, type SheetStream } from '../xlsx/stream-writer';
import { CellHasher, isoToDate } from './canonical';
import { accountRows, cancellationRows, deviceRows, unitsInScope, type ReportContext } from './data';
import { listLayout } from './list-layout';
import type { CampaignFigures, StateCounts } from '../../../shared/campaigns/rules';
import { loginMasker } from './mask';
import { deviceState, type DeviceStatus } from '../../../shared/devices/rules';
import { signPayload, type UnitKey } from './keys';
import { noticeFigures, writeConnectionSheet, writeNoticeSummary, writeSecuritySheet } from './xlsx-notices';

const t = vi.reports;
const F = vi.figures;
/** Excel caps a cell at 32,767 characters: the signed payload is split across rows. */
const PAYLOAD_CHUNK = 30_000;
export const HIDDEN_SHEET = '_attk';

type Style = CellStyle & { height?: number };

// The list sheets' columns (which are centred, which hold dates, whether "Đơn vị" is shown, widths
// that print legibly) come from listLayout (./list-layout.ts).

/**
 * A streamed worksheet that feeds every non-empty cell to the hasher, so the signature covers
 * exactly what the sheet holds. A4, fit to page width, Decree 30 margins (set by the writer).
 */
export class SheetWriter {
  constructor(
    readonly sheet: SheetStream,
    private readonly hasher: CellHasher,
  ) {}

  get rowNumber(): number {
    return this.sheet.row;
  }

  /** Write one row; ISO strings in `dateCols` become real dates; `merges` are column ranges on this row. */
  async row(values: CellValue[], style: Style = {}, dateCols: number[] = [], perCell: Record<number, Style> = {}, merges: [number, number][] = []): Promise<void> {
    const { height, ...cellStyle } = style;
    const cells = values.slice();
    for (const i of dateCols) if (typeof cells[i] === 'string' && cells[i] !== '') cells[i] = isoToDate(cells[i]);
    const r = await this.sheet.add(cells, cellStyle, { ...(height ? { height } : {}), perCell, merges });
    const name = this.sheet.options.name;
    for (let i = 0; i < cells.length; i++) this.hasher.add(name, r, i + 1, cells[i]);
  }

  /** A row whose first cell spans `from`..`to` columns. */
  merged(text: string, from: number, to: number, style: Style = {}): Promise<void> {
    const values: CellValue[] = [];
    values[from - 1] = text;
    return this.row(values, style, [], {}, [[from, to]]);
  }

  blank(): void {
    this.sheet.skip();
  }

  end(): Promise<void> {
    return this.sheet.end();
  }
}

export function addSheet(wb: XlsxStreamWriter, hasher: CellHasher, options: SheetOptions): SheetWriter {
  return new SheetWriter(wb.addSheet(options), hasher);
}

/** The Decree 30 header block: parent body + unit (left), national motto (right), number and date line. */
export async function officialHeader(w: SheetWriter, unit: ReportContext['unit'], today: string, width: number, number: string): Promise<void> {
  const left = Math.max(3, Math.floor(width * 0.4));
  const right = left + 1;
  const lines: [string, string, Style, Style][] = [
    [unit.parentBody.toUpperCase(), vi.campaigns.decree30.motto1, { size: 12, align: 'center' }, { size: 12, bold: true, align: 'center' }],
    [unit.name.toUpperCase(), vi.campaigns.decree30.motto2, { size: 12, bold: true, align: 'center' }, { size: 13, bold: true, align: 'center' }],
    [number, t.dateLine(unit.placeName, today), { size: 13, align: 'center' }, { size: 13, italic: true, align: 'center' }],
  ];
  for (const [l, r, ls, rs] of lines) {
    const values: CellValue[] = [];
    values[0] = l || null;
    values[right - 1] = r;
    await w.row(values, { ...ls, height: 20 }, [], { [right - 1]: rs }, [[1, left], [right, width]]);
  }
}

/** NGƯỜI LẬP BIỂU (left) and the head's authority, title and name (right). */
export async function signatureBlock(w: SheetWriter, unit: ReportContext['unit'], width: number, preparer: string = t.preparer): Promise<void> {
  const half = Math.floor(width / 2);
  w.blank();
  const authority = [unit.signAuthority, unit.headTitle || vi.campaigns.decree30.signFallback].filter(Boolean).map((x) => x.toUpperCase());
  const rows: [string, string][] = [[preparer, authority[0] ?? ''], ['', authority[1] ?? ''], ['', ''], ['', ''], ['', ''], [unit.clerkName, unit.headName]];
  for (const [l, r] of rows) {
    const values: CellValue[] = [];
    values[0] = l || null;
    values[half] = r || null;
    await w.row(values, { bold: true, size: 13, align: 'center' }, [], {}, [[1, half], [half + 1, width]]);
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
  const wb = new XlsxStreamWriter(options.file, { creator: vi.app.name, created: new Date(options.generatedAt) });
  // Progress counts rows written; the device count is an upper bound (some devices are out of scope).
  const allDevices = (db.prepare('SELECT count(*) AS n FROM devices').get() as { n: number }).n;
  const total = ctx.progress.overall.total + ctx.progress.overall.toCancel + allDevices + 10;
  let done = 0;
  const tick = (n = 1) => {
    done += n;
    if (done % 1000 < n) options.progress(done, total);
  };
  // Nothing hidden that is not shown (issue 15): the signed payload carries each login exactly as
  // its visible cell shows it. Masks stay distinguishable across all the database's logins. The
  // cancellation request itself always shows full logins — it must be actionable — and says so.
  const fullLogins = options.showLogins || options.kind === 'cancellations';
  const mask = loginMasker(db.prepare('SELECT login_name FROM accounts').pluck().all() as string[]);
  const shownLogin = (login: string) => (fullLogins ? login : mask(login));
  const toCancel = cancellationRows(db, ctx.campaign).map((r) => ({ ...r, loginName: shownLogin(r.loginName) }));
  let accountCount = 0;
  let deviceCount = 0;
  const multiUnit = unitsInScope(db, ctx.campaign) > 1;
  // Rules 7 and 8 (issue 21): data connections over site-to-site VPN, security-feature checks.
  const notices = options.kind === 'report' ? noticeFigures(db, ctx.today) : null;
  let connectionCount = 0;
  let securityCount = 0;

  if (options.kind === 'report') {
    // ---- Tổng hợp: I. accounts by state (per system, with the role split), II. devices counted once
    const WIDTH = 8;
    const summary = addSheet(wb, hasher, {
      name: t.sheets.summary, orientation: 'landscape', widths: [6, 48, 14, 13, 16, 14, 13, 13],
    });
    await officialHeader(summary, ctx.unit, ctx.documentDate, WIDTH, `${t.numberPrefix}${ctx.campaign.reportNumber ?? `      /${symbolFor('report', ctx.unit.reportSymbol)}`}`);
    summary.blank();
    await summary.merged(t.summaryTitle, 1, WIDTH, { bold: true, size: 14, align: 'center', height: 36 });
    await summary.merged(ctx.campaign.subject, 1, WIDTH, { bold: true, size: 13, align: 'center', height: 34 });
    await summary.merged(directiveLine(ctx), 1, WIDTH, { italic: true, size: 12, align: 'center', height: 32 });
    await summary.merged(t.period(formatViDate(ctx.campaign.startDate), formatViDate(ctx.campaign.deadline)), 1, WIDTH, { italic: true, size: 12, align: 'center' });
    const reissued = ctx.campaign.reportNumber !== null && ctx.documentDate !== ctx.today;
    if (reissued) {
      await summary.merged(F.asOf(formatViDate(ctx.today), ctx.campaign.reportNumber!, formatViDate(ctx.documentDate)), 1, WIDTH, { italic: true, size: 12, align: 'center' });
    }
    summary.blank();
    await summary.merged(F.accountsSection, 1, WIDTH, { bold: true, size: 12 });
    await summary.row([...F.accountColumns], { bold: true, border: true, align: 'center', height: 48 });
    summary.sheet.options.printTitleRow = summary.rowNumber;
    const counts = (c: StateCounts): CellValue[] => [c.total, c.toCancel, c.mustChange, c.done, c.late, c.missing];
    const block = async (no: number | null, label: string, f: CampaignFigures, bold: boolean) => {
      await summary.row([no, label, ...counts(f)], { border: true, align: 'center', bold }, [], { 1: { align: 'left' } });
      for (const role of ['admin', 'user'] as const) {
        await summary.row([null, F.roleRow[role], ...counts(f.byRole[role])], { border: true, align: 'center', italic: true, size: 11 }, [], { 1: { align: 'left' } });
      }
    };
    for (const [i, s] of ctx.progress.bySystem.entries()) await block(i + 1, s.systemName, s, false);
    await block(null, t.total, ctx.progress.overall, true);
    summary.blank();
    await summary.merged(F.devicesSection, 1, WIDTH, { bold: true, size: 12 });
    await summary.row(F.deviceColumns(ctx.deviceCheckMonths), { bold: true, border: true, align: 'center', height: 48 });
    const dv = (d: DeviceSummary): CellValue[] => [d.devices, d.checked, d.licensedAv, d.infected, d.remediated];
    await summary.row([null, F.deviceTotalRow, ...dv(ctx.devices)], { border: true, bold: true, align: 'center' }, [], { 1: { align: 'left' } });
    await summary.merged(F.bySystemTitle, 1, WIDTH, { italic: true, size: 11, height: 30 });
    const devicesOf = new Map(ctx.devicesBySystem.map((d) => [d.systemId, d]));
    const none: DeviceSummary = { devices: 0, checked: 0, licensedAv: 0, infected: 0, remediated: 0 };
    for (const [i, s] of ctx.progress.bySystem.entries()) {
      await summary.row([i + 1, s.systemName, ...dv(devicesOf.get(s.systemId) ?? none)], { border: true, align: 'center', size: 11 }, [], { 1: { align: 'left' } });
    }
    await summary.merged(F.deviceScopeNote(ctx.deviceCheckMonths), 1, WIDTH, { italic: true, size: 11, height: 30 });
    await writeNoticeSummary(summary, notices!, WIDTH);
    await summary.merged(t.fingerprintLine(options.key.fingerprint), 1, WIDTH, { italic: true, size: 11 });
    if (ctx.amendments.length > 0 || reissued) {
      summary.blank();
      await summary.merged(t.amendmentsTitle, 1, WIDTH, { bold: true, size: 12 });
      for (const a of ctx.amendments) await summary.merged(t.amendmentLine(formatViDateTime(a.at), a.actor, a.summary, a.reason), 1, WIDTH, { size: 11 });
      if (ctx.amendments.length === 0) await summary.merged(F.noAmendments, 1, WIDTH, { size: 11 });
    }
    await signatureBlock(summary, ctx.unit, WIDTH);
    await summary.end();
    tick(10);

    // ---- Tài khoản
    const al = listLayout(
      t.accountColumns.map((title, i) => ({ title, width: [5, 24, 20, 20, 24, 28, 9, 16, 11, 11, 16, 24][i]!, fixed: [0, 8, 9].includes(i), date: i === 8 || i === 9, centred: i === 0, unit: i === 4 })),
      multiUnit,
    );
    const accounts = addSheet(wb, hasher, {
      name: t.sheets.accounts, orientation: 'landscape', printTitleRow: 4, freezeRows: 4, autoFilter: { row: 4, columns: al.count }, widths: al.widths,
    });
    await accounts.merged(t.accountsTitle, 1, al.count, { bold: true, size: 14, align: 'center', height: 22 });
    await accounts.merged(`${ctx.unit.name} — ${directiveLine(ctx)}`, 1, al.count, { italic: true, align: 'center' });
    accounts.blank();
    await accounts.row(al.titles, { bold: true, border: true, align: 'center', size: 11, height: 36 });
    for (const r of accountRows(db, ctx.campaign)) {
      accountCount++;
      await accounts.row(
        al.pick([
          accountCount, r.personName ?? vi.accounts.shared, r.position, r.department, r.unitName, r.systemName, vi.accountRole[r.role],
          shownLogin(r.loginName), r.lastChangedOn, r.nextDue, vi.campaigns.state[r.state], r.changedOn ? t.changedOnNote(formatViDate(r.changedOn)) : null,
        ]),
        { border: true, size: 11 },
        al.dateCols,
        al.centred,
      );
      tick();
    }
    await accounts.end();

    // ---- Thiết bị: every device the summary counts, once, with the systems it is used for
    const dl = listLayout(
      F.deviceSheetColumns.map((title, i) => ({
        title, width: [5, 20, 18, 9, 10, 11, 12, 22, 11, 14, 9, 11, 20, 13, 18][i]!, fixed: [0, 8, 11].includes(i), date: i === 8 || i === 11, centred: i === 0 || i === 10, unit: i === 2,
      })),
      multiUnit,
    );
    const deviceSheet = addSheet(wb, hasher, {
      name: t.sheets.devices, orientation: 'landscape', printTitleRow: 4, freezeRows: 4, autoFilter: { row: 4, columns: dl.count }, widths: dl.widths,
    });
    await deviceSheet.merged(t.devicesTitle, 1, dl.count, { bold: true, size: 14, align: 'center', height: 22 });
    await deviceSheet.merged(`${ctx.unit.name} — ${F.deviceScopeNote(ctx.deviceCheckMonths)}`, 1, dl.count, { italic: true, align: 'center', height: 30 });
    deviceSheet.blank();
    await deviceSheet.row(dl.titles, { bold: true, border: true, align: 'center', size: 11, height: 36 });
    for (const d of deviceRows(db, ctx.campaign)) {
      deviceCount++;
      const state = deviceState(
        {
          infectedOn: d.infectedOn, remediatedOn: d.remediatedOn, status: d.status as DeviceStatus, needsLicensedAv: d.needsLicensedAv === 1,
          lastCheck: d.checkedOn ? { checkedOn: d.checkedOn, avInstalled: d.avInstalled === 1, avLicensed: d.avLicensed === 1, licenceExpiresOn: d.licenceExpiresOn } : null,
        },
        ctx.today, ctx.deviceCheckMonths,
      );
      // A device checked longer ago than N months is overdue, not "never checked".
      const stateText = state === 'unchecked' && d.checkedOn ? F.overdueCheck(formatViDate(d.checkedOn)) : vi.devices.state[state];
      await deviceSheet.row(
        dl.pick([
          deviceCount, d.ownerName, d.unitName, vi.devices.kind[d.kind], vi.devices.os[d.os as keyof typeof vi.devices.os] ?? d.os, d.assetTag, d.location, d.systems, d.checkedOn,
          d.avInstalled ? d.avProduct || vi.common.yes : d.checkedOn ? vi.common.no : null, d.avInstalled ? (d.avLicensed ? vi.common.yes : vi.common.no) : null,
          d.licenceExpiresOn,
          d.infectedOn ? F.malwareFound(formatViDate(d.infectedOn), d.credentialStealing === 1) : d.checkedOn ? F.malwareNone : null,
          d.remediatedOn ? F.reinstalledOn(formatViDate(d.remediatedOn)) : d.infectedOn ? F.notReinstalled : null,
          stateText,
        ]),
        { border: true, size: 11 },
        dl.dateCols,
        dl.centred,
      );
      tick();
    }
    await deviceSheet.end();

    // ---- Kết nối, Tính năng bảo mật
    const open = (o: SheetOptions) => addSheet(wb, hasher, o);
    connectionCount = await writeConnectionSheet(open, db, ctx.today, ctx.unit.name, notices!.connections.checkMonths);
    securityCount = await writeSecuritySheet(open, db, ctx.today, ctx.unit.name, notices!.security.checkMonths);
  }

  // ---- Đề nghị hủy TK
  const cl = listLayout(
    t.cancellationColumns.map((title, i) => ({ title, width: [5, 24, 20, 20, 24, 14, 11, 28, 24, 16, 9, 14][i]!, fixed: i === 0 || i === 6, date: i === 6, centred: i === 0, unit: i === 4 })),
    multiUnit,
  );
  const cancel = addSheet(wb, hasher, {
    name: t.sheets.cancellations, orientation: 'landscape', printTitleRow: 4, freezeRows: 4, autoFilter: { row: 4, columns: cl.count }, widths: cl.widths,
  });
  await cancel.merged(t.cancellationsTitle, 1, cl.count, { bold: true, size: 14, align: 'center', height: 36 });
  await cancel.merged(`${ctx.unit.name} — ${directiveLine(ctx)}`, 1, cl.count, { italic: true, align: 'center' });
  cancel.blank();
  await cancel.row(cl.titles, { bold: true, border: true, align: 'center', size: 11, height: 36 });
  for (const [i, r] of toCancel.entries()) {
    await cancel.row(
      cl.pick([
        i + 1, r.personName, r.position, r.department, r.unitName, vi.personStatus[r.personStatus as keyof typeof vi.personStatus] ?? r.personStatus, r.statusDate,
        r.systemName, r.managingAgency, r.loginName, vi.accountRole[r.role as 'admin' | 'user'],
        vi.accountStatus[r.accountStatus as keyof typeof vi.accountStatus],
      ]),
      { border: true, size: 11 },
      cl.dateCols,
      cl.centred,
    );
    tick();
  }
  await cancel.merged(fullLogins ? vi.trust.logins.fullNote : vi.trust.logins.maskedNote, 1, cl.count, { italic: true, size: 11 });
  await cancel.end();

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
    report: ctx.campaign.reportNumber && ctx.campaign.reportedOn ? { number: ctx.campaign.reportNumber, date: ctx.campaign.reportedOn } : null,
    figures: {
      devices: ctx.devices,
      devicesBySystem: ctx.devicesBySystem,
      overall: ctx.progress.overall,
      bySystem: ctx.progress.bySystem.map((s) => ({ ...s, systemCode: ctx.systemCodes.get(s.systemId) ?? '' })),
      connections: notices?.connections ?? null,
      security: notices?.security ?? null,
    },
    toCancel,
    amendments: ctx.amendments.map(({ at, actor, reason, summary }) => ({ at, actor, reason, summary })),
    counts: { accountRows: accountCount, toCancel: toCancel.length, deviceRows: deviceCount, connectionRows: connectionCount, securityRows: securityCount, cells: hasher.count },
    cellsSha256: hasher.digest(),
    fingerprint: options.key.fingerprint,
  };
  const json = JSON.stringify(payload);
  const hidden = wb.addSheet({ name: HIDDEN_SHEET, state: 'veryHidden' });
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
  for (const [k, v] of meta) await hidden.add([k, v], { wrap: false });
  await hidden.end();
  await wb.finish();
  options.progress(total, total);
  return { payload, rows: accountCount + toCancel.length };
}
