import { describe, expect, it } from 'vitest';
import type { ExportResult } from '../../shared/reports/schema';
import { verifyReportFile } from '../../electron/core/reports/verify';
import { readWorkbook, type Grid } from '../oracle/read-summary';
import { buildHandUnit, type HandUnit } from '../oracle/hand-unit';
import { makeTestCore } from './harness-core';
import { dispatch } from '../../electron/core';

// Issue 22, electron/core/reports/data.ts: what a report says besides the figures of
// hand-report.test.ts — the date its documents carry, the code each system is known by at the
// receiving office, whether the lists show a "Đơn vị" column — on the hand-built unit
// (tests/oracle/hand-unit.ts, today 01/03/2024). Each test builds its own unit (never in beforeAll:
// Stryker activates a mutant per test). Expected values are literals.

async function exportOf(u: HandUnit, campaignId = u.campaignId): Promise<ExportResult> {
  const { jobId } = await u.call('reports.export', { campaignId, kind: 'report', showLogins: true });
  for (;;) {
    const s = await u.call('jobs.status', { id: jobId });
    if (s.state === 'done') return s.result as ExportResult;
    if (s.state === 'failed') throw new Error(s.error?.message);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The header row of a list sheet (row 4) and, for each row below, the cell under `column`. */
function column(g: Grid, title: string): { header: unknown[]; values: unknown[] } {
  const header = g[3]!;
  const i = header.indexOf(title);
  return { header, values: i < 0 ? [] : g.slice(4).filter((r) => typeof r[0] === 'number').map((r) => r[i]) };
}

async function withHandUnit(body: (u: HandUnit) => Promise<void>): Promise<void> {
  const u = await buildHandUnit();
  try {
    await body(u);
  } finally {
    u.close();
  }
}

describe('the date a report carries', () => {
  it('is today while the campaign has no report number, then the date given with the number — on every later export too', () =>
    withHandUnit(async (u) => {
      const before = await u.call('reports.data', { campaignId: u.campaignId });
      expect(before.documentDate).toBe('2024-03-01');
      const open = readWorkbook((await exportOf(u)).filePath)['Tổng hợp']!;
      expect(open[2]).toEqual(['Số:       /BC-UBND', null, null, 'Đống Đa, ngày 01 tháng 3 năm 2024']);

      await u.call('campaigns.advance', { id: u.campaignId, to: 'reported', reportNumber: '15/BC-UBND', reportedOn: '2024-02-20', signer: 'Nguyễn Văn Hùng' });
      const after = await u.call('reports.data', { campaignId: u.campaignId });
      expect(after.documentDate).toBe('2024-02-20');
      const e = await exportOf(u);
      const g = readWorkbook(e.filePath)['Tổng hợp']!;
      expect(g[2]).toEqual(['Số: 15/BC-UBND', null, null, 'Đống Đa, ngày 20 tháng 02 năm 2024']);
      // Re-exported after the report: the figures' own date is said, with the number and its date.
      expect(g[8]).toEqual(['Số liệu tính đến ngày 01/03/2024 (xuất lại sau Báo cáo số 15/BC-UBND ngày 20/02/2024).']);
      expect((await verifyReportFile(e.filePath)).payload!.report).toEqual({ number: '15/BC-UBND', date: '2024-02-20' });
    }));
});

describe('the code each system is known by in the signed figures', () => {
  it('is the system\'s own code, or S and its id when it has none', () =>
    withHandUnit(async (u) => {
      const systems = await u.call('systems.list', {});
      expect(systems.slice(0, 2).map((s) => s.code)).toEqual(['KNTC', 'DGXL']);
      const vb = await u.call('systems.create', { name: 'Phần mềm quản lý văn bản', adminIntervalMonths: 3, userIntervalMonths: 6 });
      expect(vb.code).toBe('');
      const c = await u.call('campaigns.create', { directiveNumber: '9/UBND', subject: 'Rà soát văn bản', systemIds: [systems[0]!.id, vb.id], startDate: '2024-02-01', deadline: '2024-02-15' });
      await u.call('campaigns.advance', { id: c.id, to: 'in_progress' });
      const v = await verifyReportFile((await exportOf(u, c.id)).filePath);
      expect(v.payload!.figures.bySystem.map((s) => [s.systemName, s.systemCode])).toEqual([
        ['CSDL quốc gia về khiếu nại, tố cáo', 'KNTC'],
        ['Phần mềm quản lý văn bản', `S${vb.id}`],
      ]);
      expect(vb.id).toBe(4);
    }));
});

describe('the "Đơn vị" column of the lists', () => {
  it('is left out when every account and device of the campaign belongs to the home unit, even if another unit has some on a system out of scope', () =>
    withHandUnit(async (u) => {
      const school = await u.call('district.saveUnit', { name: 'Trường THCS Văn Miếu', code: 'THCS-VM', kind: 'school' });
      const teacher = await u.call('people.create', { fullName: 'Đỗ Thị Giang', unitId: school.id });
      const systems = await u.call('systems.list', {});
      await u.call('accounts.create', { systemId: systems[2]!.id, personId: teacher.id, loginName: 'giang.stdv' });
      await u.call('devices.create', { deviceKind: 'laptop', os: 'windows', assetTag: 'MT-G', ownerId: teacher.id, systemIds: [systems[2]!.id], deviceStatus: 'in_use' });
      const g = readWorkbook((await exportOf(u)).filePath);
      expect(column(g['Tài khoản']!, 'Đơn vị').header).not.toContain('Đơn vị');
      expect(column(g['Thiết bị']!, 'Đơn vị').header).not.toContain('Đơn vị');
    }));

  it('is shown when another unit\'s account is on a system of the campaign', () =>
    withHandUnit(async (u) => {
      const school = await u.call('district.saveUnit', { name: 'Trường THCS Văn Miếu', code: 'THCS-VM', kind: 'school' });
      const teacher = await u.call('people.create', { fullName: 'Đỗ Thị Giang', unitId: school.id });
      const systems = await u.call('systems.list', {});
      await u.call('accounts.create', { systemId: systems[1]!.id, personId: teacher.id, loginName: 'giang.dg' });
      const g = readWorkbook((await exportOf(u)).filePath);
      const accounts = column(g['Tài khoản']!, 'Đơn vị');
      expect(accounts.values.filter((v) => v === 'Trường THCS Văn Miếu')).toHaveLength(1);
      expect(accounts.values.filter((v) => v === 'UBND PHƯỜNG VĂN MIẾU')).toHaveLength(12);
      expect(column(g['Thiết bị']!, 'Đơn vị').values).toHaveLength(9);
    }));

  it('is shown when another unit\'s only link to the campaign is a device used for one of its systems', () =>
    withHandUnit(async (u) => {
      const school = await u.call('district.saveUnit', { name: 'Trường THCS Văn Miếu', code: 'THCS-VM', kind: 'school' });
      const teacher = await u.call('people.create', { fullName: 'Đỗ Thị Giang', unitId: school.id });
      const systems = await u.call('systems.list', {});
      await u.call('devices.create', { deviceKind: 'laptop', os: 'windows', assetTag: 'MT-G', ownerId: teacher.id, systemIds: [systems[0]!.id], deviceStatus: 'in_use' });
      const g = readWorkbook((await exportOf(u)).filePath);
      expect(column(g['Thiết bị']!, 'Đơn vị').values.filter((v) => v === 'Trường THCS Văn Miếu')).toHaveLength(1);
      // 13 accounts: 12 of people of the home unit, one shared (no owner, no unit).
      expect(column(g['Tài khoản']!, 'Đơn vị').values.filter((v) => v === 'UBND PHƯỜNG VĂN MIẾU')).toHaveLength(12);
      expect(column(g['Tài khoản']!, 'Đơn vị').values).toHaveLength(13);
    }));
});

describe('reading a report of a campaign that does not exist, or before the unit is set up', () => {
  it('names the campaign field as not found', () =>
    withHandUnit(async (u) => {
      const e = await dispatch(u.core, 'reports.data', { campaignId: 99 });
      expect(e).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', path: ['campaignId'] } });
    }));

  it('refuses, in Vietnamese, a database whose unit is not set up yet', async () => {
    const t = makeTestCore('2024-03-01');
    try {
      const c = await t.call('campaigns.create', { directiveNumber: '9/UBND', subject: 'Rà soát', systemIds: [1], startDate: '2024-02-01', deadline: '2024-02-15' });
      const e = await t.raw('reports.data', { campaignId: c.id });
      expect(e).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Chưa khai báo thông tin đơn vị. Hãy hoàn tất bước thiết lập ban đầu.' } });
      // The sign sheet of the same campaign says the same, not the generic "unexpected error".
      const sheet = await t.raw('reports.signSheet', { campaignId: c.id });
      expect(sheet).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Chưa khai báo thông tin đơn vị. Hãy hoàn tất bước thiết lập ban đầu.' } });
    } finally {
      t.close();
    }
  });
});
