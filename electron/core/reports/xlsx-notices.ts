import { vi } from '../../../shared/i18n/vi';
import type { ConnectionReportFigures } from '../../../shared/connections/schema';
import type { SecurityReportFigures } from '../../../shared/security/schema';
import type { Db } from '../db/open';
import type { SheetOptions } from '../xlsx/stream-writer';
import { connectionReportFigures, connectionReportRows, securityReportFigures, securityReportRows } from './notice-figures';
import type { SheetWriter } from './xlsx-report';

/** Opens a hashed sheet in the report workbook (xlsx-report.ts addSheet bound to its writer and hasher). */
export type OpenSheet = (options: SheetOptions) => SheetWriter;

// The report workbook's part for the two remaining requirements of the notices (issue 21):
// figures on "Tổng hợp" (Rule 7 per system, Rule 8 per system), and two list sheets, "Kết nối" and
// "Tính năng bảo mật", whose rows are what the figures count. Every cell goes through the sheet's
// hasher, so the signature covers them; the signed payload carries the same figures.

export interface NoticeFigures {
  connections: ConnectionReportFigures;
  security: SecurityReportFigures;
}

export function noticeFigures(db: Db, today: string): NoticeFigures {
  return { connections: connectionReportFigures(db, today), security: securityReportFigures(db, today) };
}

const centre = { align: 'center' as const };

/** Two small tables on the summary sheet, under the account and device figures. */
export async function writeNoticeSummary(w: SheetWriter, f: NoticeFigures, width: number): Promise<void> {
  const c = vi.connections.report;
  const s = vi.security.report;
  w.blank();
  await w.merged(c.summaryTitle, 1, width, { bold: true, size: 12 });
  await w.row(c.summaryColumns as unknown as string[], { bold: true, border: true, align: 'center', height: 36 });
  for (const [i, x] of f.connections.bySystem.entries()) {
    await w.row([i + 1, x.systemName, x.requiresSiteToSite ? c.yes : c.no, x.connections, x.siteToSite, x.nonCompliant, x.notChecked], { border: true, align: 'center' }, [], { 1: { align: 'left' } });
  }
  await w.merged(c.note(f.connections.checkMonths), 1, width, { italic: true, size: 11 });
  w.blank();
  await w.merged(s.summaryTitle, 1, width, { bold: true, size: 12 });
  await w.row(s.summaryColumns as unknown as string[], { bold: true, border: true, align: 'center', height: 36 });
  for (const [i, x] of f.security.systems.entries()) {
    const checked = x.lastCheckedOn !== null;
    await w.row(
      [i + 1, x.systemName, x.features, x.lastCheckedOn, checked ? x.used : null, checked ? x.notUsed : null, checked ? x.na : null, x.nextDue, vi.security.state[x.state]],
      { border: true, align: 'center' }, [3, 7], { 1: { align: 'left' }, 8: { align: 'left' } },
    );
  }
  await w.merged(s.note(f.security.checkMonths), 1, width, { italic: true, size: 11 });
}

/** "Kết nối": every active connection with its Rule 7 state. Returns the number of rows listed. */
export async function writeConnectionSheet(open: OpenSheet, db: Db, today: string, unitName: string, months: number): Promise<number> {
  const c = vi.connections.report;
  const t = vi.connections;
  const sheet = open({
    name: c.sheet, orientation: 'landscape', printTitleRow: 4, freezeRows: 4, autoFilter: { row: 4, columns: 11 },
    widths: [6, 26, 30, 16, 18, 26, 20, 13, 14, 24, 26],
  });
  await sheet.merged(c.title, 1, 11, { bold: true, size: 14, align: 'center', height: 22 });
  await sheet.merged(`${unitName} — ${c.note(months)}`, 1, 11, { italic: true, align: 'center' });
  sheet.blank();
  await sheet.row(c.columns as unknown as string[], { bold: true, border: true, align: 'center', height: 36 });
  let n = 0;
  for (const x of connectionReportRows(db, today)) {
    n++;
    await sheet.row(
      [n, x.systemName, x.localSystem, t.direction[x.direction], t.protocol[x.protocol], x.gateway || null, x.checkedBy || null, x.checkedOn, t.status[x.connectionStatus], t.state[x.state], x.note || null],
      { border: true, size: 11 }, [7], { 0: centre, 7: centre },
    );
  }
  await sheet.end();
  return n;
}

/** "Tính năng bảo mật": each system's features as its latest system-wide check found them. Returns the number of rows. */
export async function writeSecuritySheet(open: OpenSheet, db: Db, today: string, unitName: string, months: number): Promise<number> {
  const s = vi.security.report;
  const sheet = open({
    name: s.sheet, orientation: 'landscape', printTitleRow: 4, freezeRows: 4, autoFilter: { row: 4, columns: 9 },
    widths: [6, 30, 46, 14, 13, 22, 16, 14, 22],
  });
  await sheet.merged(s.title, 1, 9, { bold: true, size: 14, align: 'center', height: 22 });
  await sheet.merged(`${unitName} — ${s.note(months)}`, 1, 9, { italic: true, align: 'center' });
  sheet.blank();
  await sheet.row(s.columns as unknown as string[], { bold: true, border: true, align: 'center', height: 36 });
  let n = 0;
  for (const r of securityReportRows(db, today)) {
    n++;
    await sheet.row([n, r.systemName, r.featureName, r.scope, r.checkedOn, r.checker, r.result, r.nextDue, r.state], { border: true, size: 11 }, [4, 7], { 0: centre, 4: centre, 7: centre });
  }
  await sheet.end();
  return n;
}

