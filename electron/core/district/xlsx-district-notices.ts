import { unitSecurityResult } from '../../../shared/district/notices';
import type { DistrictBoard } from '../../../shared/district/schema';
import { vi } from '../../../shared/i18n/vi';
import type { CellHasher } from '../reports/canonical';
import { addSheet } from '../reports/xlsx-report';
import type { CellValue, XlsxStreamWriter } from '../xlsx/stream-writer';

// The consolidated workbook's "Kết nối, bảo mật" sheet (issue 21): one row per unit that sent a
// file — its connections to the systems that require site-to-site VPN (Rule 7) and its
// security-feature checks (Rule 8), as its signed file states them — and the total row, which is
// the sum of the rows above (the same BoardNotices the board shows).

const T = vi.districtNotices;

export async function writeDistrictNoticesSheet(wb: XlsxStreamWriter, hasher: CellHasher, board: DistrictBoard, officeName: string): Promise<number> {
  const W = T.sheetColumns.length;
  const s = addSheet(wb, hasher, {
    name: T.sheet, orientation: 'landscape', printTitleRow: 4, freezeRows: 4, widths: [6, 36, 10, 10, 12, 11, 12, 14, 8, 12, 12, 13, 14],
  });
  await s.merged(T.sheetTitle, 1, W, { bold: true, size: 14, align: 'center', height: 36 });
  await s.merged(`${officeName} — ${board.campaign.directiveNumber}. ${T.lead}`, 1, W, { italic: true, align: 'center', height: 30 });
  s.blank();
  await s.row([...T.sheetColumns], { bold: true, border: true, align: 'center', height: 48 });
  const { units, total } = board.notices;
  for (const [i, u] of units.entries()) {
    const c = u.connections;
    const x = u.security;
    const values: CellValue[] = [
      i + 1, u.name, u.code,
      ...(c ? [c.connections, c.siteToSite, c.nonCompliant, c.notChecked] : [T.notStated, null, null, null]),
      ...(x ? [x.systems, x.ok, x.overdue, x.unused, x.lastCheckedOn ?? T.neverChecked, T.result[unitSecurityResult(x)]] : [T.notStated, null, null, null, null, null]),
    ];
    // Only a real date goes through the date column conversion ("Chưa kiểm tra" stays text).
    await s.row(values, { border: true, align: 'center', size: 11 }, x?.lastCheckedOn ? [11] : [], { 1: { align: 'left' } });
  }
  const c = total.connections;
  const x = total.security;
  await s.row([null, T.total, null, c.connections, c.siteToSite, c.nonCompliant, c.notChecked, x.systems, x.ok, x.overdue, x.unused, null, null], {
    border: true, bold: true, align: 'center',
  }, [], { 1: { align: 'left' } });
  if (units.length === 0) await s.merged(T.empty, 1, W, { italic: true });
  else await s.merged(T.totalUnits(total.unitsNonCompliant, total.unitsSecurityFlagged), 1, W, { italic: true, size: 11, height: 30 });
  await s.end();
  return units.length;
}
