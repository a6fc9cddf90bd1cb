import { symbolFor } from '../../../shared/reports/symbols';
import { formatViDate } from '../../../shared/dates';
import type { DistrictBoard } from '../../../shared/district/schema';
import { vi } from '../../../shared/i18n/vi';
import type { UnitProfile } from '../../../shared/unit/schema';
import type { Db } from '../db/open';
import type { Progress } from '../jobs/runner';
import { CellHasher } from '../reports/canonical';
import { loginMasker } from '../reports/mask';
import { addSheet, officialHeader, signatureBlock } from '../reports/xlsx-report';
import { XlsxStreamWriter, type CellValue } from '../xlsx/stream-writer';
import type { CampaignFigures, StateCounts } from '../../../shared/campaigns/rules';
import type { DeviceSummary } from '../../../shared/reports/schema';
import { currentPayloads } from './board';
import { writeDistrictNoticesSheet } from './xlsx-district-notices';

// The consolidated workbook the receiving office sends upward, streamed with the same writer,
// sheet helper and Decree 30 header/signature block as a unit's report: "Tổng hợp" (per unit and
// per system, the office's signature), "Kết nối, bảo mật" (connections over site-to-site VPN and
// security-feature checks per unit), "Đề nghị hủy TK" (every unit's accounts to cancel) and
// "Chưa nộp" (units that did not submit, with their contact).

const T = vi.district.xlsx;
const R = vi.reports;
const F = vi.figures.district;

export interface DistrictWorkbookOptions {
  file: string;
  office: UnitProfile;
  board: DistrictBoard;
  generatedAt: string;
  progress: Progress;
  /** Show logins as the units' files carry them (full when a unit sent them full); default: masked, still distinguishable. */
  showLogins?: boolean;
}

export async function writeDistrictWorkbook(db: Db, o: DistrictWorkbookOptions): Promise<{ rows: number }> {
  const { board, office } = o;
  const c = board.campaign;
  // The helpers feed every cell to a hasher (what a unit's signature covers); the office's
  // consolidated file is not signed, so its digest is not used.
  const hasher = new CellHasher();
  const wb = new XlsxStreamWriter(o.file, { creator: vi.app.name, created: new Date(o.generatedAt) });
  const payloads = currentPayloads(db, c.id);
  const total = board.units.length + payloads.length + 10;
  let done = 0;
  const tick = () => o.progress(++done, total);

  // ---- Tổng hợp: I. accounts per unit by state with the role split, II. per system, III. devices per unit
  // Section I has 12 columns (the last: each unit's report number and date, from its signed file).
  const W = 12;
  const s = addSheet(wb, hasher, { name: T.sheets.summary, orientation: 'landscape', widths: [6, 36, 10, 12, 12, 11, 10, 13, 11, 10, 10, 22] });
  await officialHeader(s, office, c.reportNumber && c.reportedOn ? c.reportedOn : board.today, W, `${R.numberPrefix}${c.reportNumber ?? `      /${symbolFor('report', office.reportSymbol)}`}`);
  s.blank();
  await s.merged(T.title, 1, W, { bold: true, size: 14, align: 'center', height: 36 });
  await s.merged(c.subject, 1, W, { bold: true, size: 13, align: 'center', height: 34 });
  await s.merged(R.basis(c.directiveNumber, c.directiveDate ? formatViDate(c.directiveDate) : '', c.issuer), 1, W, { italic: true, size: 12, align: 'center', height: 32 });
  await s.merged(R.period(formatViDate(c.startDate), formatViDate(c.deadline)), 1, W, { italic: true, size: 12, align: 'center' });
  const n = board.counts;
  await s.merged(T.submissionLine(n.expected, n.received, n.onTime, n.late, n.missing, n.others), 1, W, { size: 12, align: 'center', height: 20 });
  s.blank();
  await s.merged(F.unitsSection, 1, W, { bold: true, size: 12 });
  await s.row([...F.unitColumns], { bold: true, border: true, align: 'center', height: 48 });
  s.sheet.options.printTitleRow = s.rowNumber;
  const counts = (f: StateCounts | undefined): CellValue[] => (f ? [f.total, f.toCancel, f.mustChange, f.done, f.late, f.missing] : [null, null, null, null, null, null]);
  const roles = async (f: CampaignFigures, lead: number) => {
    for (const role of ['admin', 'user'] as const) {
      await s.row([null, vi.figures.roleRow[role], ...Array<null>(lead).fill(null), ...counts(f.byRole[role])], { border: true, align: 'center', italic: true, size: 11 }, [], { 1: { align: 'left' } });
    }
  };
  for (const [i, u] of board.units.entries()) {
    const identity = u.submissionId === null ? null : u.report ? vi.figures.board.reportOn(u.report.number, formatViDate(u.report.date)) : vi.figures.board.notNumbered;
    await s.row([i + 1, u.name, u.code, u.firstReceivedOn, vi.district.status[u.status], ...counts(u.figures ?? undefined), identity], { border: true, align: 'center', size: 11 }, [3], { 1: { align: 'left' } });
    if (u.figures) await roles(u.figures, 3);
    tick();
  }
  const t = board.totals.overall;
  await s.row([null, R.total, null, null, null, ...counts(t)], { border: true, bold: true, align: 'center' }, [], { 1: { align: 'left' } });
  await roles(t, 3);
  s.blank();
  await s.merged(T.systemsTitle, 1, W, { bold: true, size: 12, align: 'left' });
  await s.row([...F.systemColumns], { bold: true, border: true, align: 'center', height: 48 });
  for (const [i, sys] of board.totals.bySystem.entries()) {
    await s.row([i + 1, sys.systemName, sys.units, ...counts(sys)], { border: true, align: 'center', size: 11 }, [], { 1: { align: 'left' } });
    await roles(sys, 1);
  }
  await s.row([null, R.total, null, ...counts(t)], { border: true, bold: true, align: 'center' }, [], { 1: { align: 'left' } });
  await roles(t, 1);
  s.blank();
  await s.merged(F.devicesSection, 1, W, { bold: true, size: 12 });
  await s.row([...F.deviceColumns], { bold: true, border: true, align: 'center', height: 48 });
  const dv = (d: DeviceSummary | null): CellValue[] => (d ? [d.devices, d.checked, d.licensedAv, d.infected, d.remediated] : [null, null, null, null, null]);
  let k0 = 0;
  for (const u of board.units) {
    if (u.submissionId === null) continue;
    await s.row([++k0, u.name, u.code, ...dv(u.devices)], { border: true, align: 'center', size: 11 }, [], { 1: { align: 'left' } });
  }
  await s.row([null, R.total, null, ...dv(board.totals.devices)], { border: true, bold: true, align: 'center' }, [], { 1: { align: 'left' } });
  await s.merged(F.note, 1, W, { italic: true, size: 11, height: 30 });
  await signatureBlock(s, office, W);
  await s.end();

  // ---- Kết nối, bảo mật (Rules 7 and 8 per unit, issue 21)
  await writeDistrictNoticesSheet(wb, hasher, board, office.name);

  // ---- Đề nghị hủy TK (every unit's list, logins masked as in the units' own files)
  const x = addSheet(wb, hasher, {
    name: T.sheets.cancellations, orientation: 'landscape', printTitleRow: 4, freezeRows: 4, autoFilter: { row: 4, columns: 11 },
    widths: [6, 28, 24, 20, 20, 16, 12, 28, 24, 16, 11],
  });
  await x.merged(T.cancellationsTitle, 1, 11, { bold: true, size: 14, align: 'center', height: 22 });
  await x.merged(`${office.name} — ${c.directiveNumber}. ${o.showLogins ? vi.trust.logins.officeFull : vi.trust.logins.officeMasked}`, 1, 11, { italic: true, align: 'center' });
  const mask = loginMasker(payloads.flatMap(({ payload }) => payload.toCancel.map((r) => r.loginName)));
  x.blank();
  await x.row([...T.cancellationColumns], { bold: true, border: true, align: 'center', height: 36 });
  let k = 0;
  for (const { unitName, payload } of payloads) {
    for (const r of payload.toCancel) {
      await x.row(
        [
          ++k, unitName, r.personName, r.position, r.department, vi.personStatus[r.personStatus as keyof typeof vi.personStatus] ?? r.personStatus, r.statusDate,
          r.systemName, r.managingAgency, o.showLogins ? r.loginName : mask(r.loginName), vi.accountRole[r.role as 'admin' | 'user'] ?? r.role,
        ],
        { border: true, size: 11 },
        [6],
      );
    }
    tick();
  }
  await x.end();

  // ---- Chưa nộp
  const m = addSheet(wb, hasher, { name: T.sheets.missing, orientation: 'portrait', printTitleRow: 3, widths: [6, 40, 14, 18, 40] });
  await m.merged(T.missingTitle, 1, 5, { bold: true, size: 14, align: 'center', height: 22 });
  m.blank();
  await m.row([...T.missingColumns], { bold: true, border: true, align: 'center', height: 30 });
  const missing = board.units.filter((u) => u.status === 'missing');
  for (const [i, u] of missing.entries()) {
    await m.row([i + 1, u.name, u.code, vi.district.kinds[u.kind], u.contact], { border: true, size: 11 }, [], { 0: { align: 'center' } });
  }
  if (missing.length === 0) await m.merged(T.noneMissing, 1, 5, { italic: true });
  await m.end();

  await wb.finish();
  o.progress(total, total);
  return { rows: board.units.length + k + missing.length };
}
