import { describe, expect, it } from 'vitest';
import type { ExportResult } from '../../shared/reports/schema';
import { verifyReportFile } from '../../electron/core/reports/verify';
import { readWorkbook, type Grid } from '../oracle/read-summary';
import { buildHandUnit, type HandUnit } from '../oracle/hand-unit';

// Issue 22: the unit report's figures against a hand-built unit (tests/oracle/hand-unit.ts), every
// cell of the summary's two tables — system rows, role rows, the total row and the devices —
// written as literals counted by hand from the fixture's list, never recomputed by code.

/**
 * A fresh hand-built unit and its exported report, built inside each test (not in beforeAll):
 * Stryker activates a mutant per test, so work done in beforeAll would never run mutated code.
 */
async function exported(): Promise<{ u: HandUnit; e: ExportResult; grid: Record<string, Grid> }> {
  const u = await buildHandUnit();
  try {
    const e = await u.exportReport();
    return { u, e, grid: readWorkbook(e.filePath) };
  } catch (error) {
    u.close();
    throw error;
  }
}

const KNTC = 'CSDL quốc gia về khiếu nại, tố cáo';
const DG = 'Phần mềm đánh giá, xếp loại CBCCVC hằng tháng';
const ADMIN = '– Tài khoản quản trị';
const USER = '– Tài khoản người dùng';

/** The rows of "Tổng hợp" from the accounts header to the by-system device breakdown. */
function summaryTables(g: Grid): Grid {
  const from = g.findIndex((r) => r[2] === 'Tổng số tài khoản');
  const devices = g.findIndex((r) => r[2] === 'Thiết bị sử dụng');
  const accounts = g.slice(from + 1, from + 10);
  const deviceRows = [g[devices + 1]!, ...g.slice(devices + 3, devices + 5)];
  return [...accounts.map((r) => r.slice(0, 8)), ...deviceRows.map((r) => r.slice(0, 7))];
}

describe('the unit report of a hand-built unit: every summary figure as counted by hand', () => {
  it('accounts by system, role and state, the total row, and the devices counted once', async () => {
    const { u, grid } = await exported();
    u.close();
    const g = grid['Tổng hợp']!;
    expect(g.find((r) => r[2] === 'Tổng số tài khoản')).toEqual(['STT', 'Hệ thống / loại tài khoản', 'Tổng số tài khoản', 'Đề nghị hủy', 'Phải đổi MK sau xử lý mã độc', 'Đã đổi đúng hạn', 'Đổi muộn', 'Chưa đổi']);
    expect(g.find((r) => r[2] === 'Thiết bị sử dụng')!.slice(0, 7)).toEqual(['STT', 'Nội dung', 'Thiết bị sử dụng', 'Đã kiểm tra trong 3 tháng', 'Diệt virus bản quyền còn hạn', 'Nhiễm mã độc chưa xử lý', 'Đã xử lý mã độc (diệt virus, cài lại HĐH)']);
    expect(summaryTables(g)).toEqual([
      //   label         total cancel malware done late missing
      [1, KNTC, 7, 1, 1, 2, 2, 1],
      [null, ADMIN, 3, 0, 1, 1, 1, 0],
      [null, USER, 4, 1, 0, 1, 1, 1],
      [2, DG, 6, 0, 1, 3, 0, 2],
      [null, ADMIN, 1, 0, 1, 0, 0, 0],
      [null, USER, 5, 0, 0, 3, 0, 2],
      [null, 'Tổng cộng', 13, 1, 2, 5, 2, 3],
      [null, ADMIN, 4, 0, 2, 1, 1, 0],
      [null, USER, 9, 1, 0, 4, 1, 3],
      //   label         devices checked licensed infected remediated
      [null, 'Tổng số thiết bị', 9, 6, 4, 1, 1],
      [1, KNTC, 6, 4, 3, 1, 0],
      [2, DG, 4, 3, 1, 0, 1],
    ]);
  }, 60_000);

  it('lists each account with the state the summary counts', async () => {
    const { u, grid } = await exported();
    u.close();
    const rows = grid['Tài khoản']!.slice(4);
    const login = grid['Tài khoản']![3]!.indexOf('Tên đăng nhập');
    const state = grid['Tài khoản']![3]!.indexOf('Trạng thái');
    const last = grid['Tài khoản']![3]!.indexOf('Ngày đổi gần nhất');
    expect(Object.fromEntries(rows.map((r) => [r[login], [r[state], r[last]]]))).toEqual({
      'an.qt': ['Đã đổi đúng hạn', '2024-02-05'],
      'binh.qt': ['Đổi muộn', '2024-02-16'],
      'binh.nd': ['Đổi muộn', '2024-02-20'],
      'binh.huy': ['Chưa đổi', '2024-01-10'],
      'cuong.nd': ['Cần hủy TK', null],
      'dung.qt': ['Phải đổi MK sau xử lý mã độc', '2024-02-05'],
      'em.nd': ['Đã đổi đúng hạn', '2024-02-15'],
      'em.dg': ['Đã đổi đúng hạn', '2024-02-08'],
      'an.dg': ['Đã đổi đúng hạn', '2024-02-15'],
      'an.dg2': ['Chưa đổi', '2024-01-31'],
      'an.dg3': ['Đã đổi đúng hạn', '2024-02-01'],
      'em.qt': ['Phải đổi MK sau xử lý mã độc', '2024-02-06'],
      'chung.dg': ['Chưa đổi', null],
    });
    // Rule 3 within the campaign's scope: Cường's account on a system out of scope is not listed.
    const cancel = grid['Đề nghị hủy TK']!;
    const cancelLogin = cancel[3]!.indexOf('Tên đăng nhập');
    expect(cancel.slice(4).filter((r) => typeof r[0] === 'number').map((r) => r[cancelLogin])).toEqual(['cuong.nd']);
    const devices = grid['Thiết bị']!;
    const tag = devices[3]!.indexOf('Mã tài sản');
    expect(devices.slice(4).map((r) => r[tag]).sort()).toEqual(['MT-A', 'MT-B', 'MT-D', 'MT-E', 'MT-N', 'MT-O', 'MT-T', 'MT-V', 'MT-W']);
  }, 60_000);

  it('signs the same figures, and the screens show them', async () => {
    const { u, e: exportedReport } = await exported();
    try {
      const v = await verifyReportFile(exportedReport.filePath);
      expect(v.ok).toBe(true);
      const f = v.payload!.figures;
      const counts = (total: number, toCancel: number, mustChange: number, done: number, late: number, missing: number) => ({ total, toCancel, mustChange, done, late, missing });
      const overall = { ...counts(13, 1, 2, 5, 2, 3), admin: 4, user: 9, byRole: { admin: counts(4, 0, 2, 1, 1, 0), user: counts(9, 1, 0, 4, 1, 3) } };
      expect(f.overall).toEqual(overall);
      expect(f.bySystem.map(({ systemName, total, toCancel, mustChange, done, late, missing, admin, user, byRole }) => ({ systemName, total, toCancel, mustChange, done, late, missing, admin, user, byRole }))).toEqual([
        { systemName: KNTC, ...counts(7, 1, 1, 2, 2, 1), admin: 3, user: 4, byRole: { admin: counts(3, 0, 1, 1, 1, 0), user: counts(4, 1, 0, 1, 1, 1) } },
        { systemName: DG, ...counts(6, 0, 1, 3, 0, 2), admin: 1, user: 5, byRole: { admin: counts(1, 0, 1, 0, 0, 0), user: counts(5, 0, 0, 3, 0, 2) } },
      ]);
      expect(f.devices).toEqual({ devices: 9, checked: 6, licensedAv: 4, infected: 1, remediated: 1 });
      expect(f.devicesBySystem.map(({ systemId: _s, ...x }) => x)).toEqual([
        { devices: 6, checked: 4, licensedAv: 3, infected: 1, remediated: 0 },
        { devices: 4, checked: 3, licensedAv: 1, infected: 0, remediated: 1 },
      ]);
      expect(exportedReport.figures).toEqual(overall);
      const progress = await u.call('campaigns.progress', { id: u.campaignId });
      expect(progress.overall).toEqual(overall);
      expect(progress.percent).toBe(38); // done 5 of 13
      const checklist = await u.call('campaigns.checklist', { campaignId: u.campaignId });
      expect([checklist.total, checklist.counts, checklist.forcedCount]).toEqual([13, { to_cancel: 1, must_change: 2, done: 5, late: 2, missing: 3 }, 2]);
    } finally {
      u.close();
    }
  }, 60_000);
});
