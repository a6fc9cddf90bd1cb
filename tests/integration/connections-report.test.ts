import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportResult } from '../../shared/reports/schema';
import { generateDemo } from '../../electron/core/demo/generate';
import { verifyReportFile } from '../../electron/core/reports/verify';
import { makeTestCore, type TestCore } from './harness-core';

// Rules 7 and 8 in the signed Excel file, recounted independently: openpyxl (not our reader)
// reads the "Kết nối" and "Tính năng bảo mật" sheets and the summary tables; the figures are counted
// again from the listed rows, by the notices' words — not by our rule functions — and must equal
// the summary sheet, the signed payload, the print view's data and the receiving office's board.
let t: TestCore;
let exported: ExportResult;
let campaignId: number;

async function exportReport(): Promise<ExportResult> {
  const { jobId } = await t.call('reports.export', { campaignId, kind: 'report', showLogins: false });
  for (;;) {
    const s = await t.call('jobs.status', { id: jobId });
    if (s.state === 'done') return s.result as ExportResult;
    if (s.state === 'failed') throw new Error(s.error?.message);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The workbook as openpyxl sees it: every visible sheet's rows of values (dates as dd/mm/yyyy). */
function readWorkbook(file: string): Record<string, (string | number | null)[][]> {
  const code = `
import sys, json, openpyxl, datetime
wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb.worksheets:
    if ws.sheet_state != 'visible': continue
    rows = []
    for row in ws.iter_rows(values_only=True):
        rows.append([v.strftime('%d/%m/%Y') if isinstance(v, datetime.datetime) else v for v in row])
    out[ws.title] = rows
print(json.dumps(out))`;
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', code, file], { maxBuffer: 64 * 1024 * 1024 }).toString()) as Record<string, (string | number | null)[][]>;
}

/** Rows after the header row that starts with `headers`, up to the first row without a number in column A. */
function table(rows: (string | number | null)[][], ...headers: string[]): (string | number | null)[][] {
  const start = rows.findIndex((r) => headers.every((h, i) => r[i] === h));
  expect(start).toBeGreaterThanOrEqual(0);
  const out: (string | number | null)[][] = [];
  for (const r of rows.slice(start + 1)) {
    if (typeof r[0] !== 'number') break;
    out.push(r);
  }
  return out;
}

beforeAll(async () => {
  t = makeTestCore('2024-01-20');
  generateDemo(t.core.db, 'unit', { today: '2024-01-20' });
  campaignId = (await t.call('campaigns.list', {})).find((c) => c.status === 'in_progress')!.id;
  exported = await exportReport();
}, 120_000);
afterAll(() => t.close());

describe('the report file states Rules 7 and 8, and every figure equals a recount of the rows it lists', () => {
  it('Kết nối: connections, over site-to-site VPN, not compliant, not checked — per system, from the listed rows', async () => {
    const wb = readWorkbook(exported.filePath);
    expect(Object.keys(wb)).toEqual(['Tổng hợp', 'Tài khoản', 'Thiết bị', 'Kết nối', 'Tính năng bảo mật', 'Đề nghị hủy TK']);
    const months = 12;
    const windowStart = '2023-01-20'; // 20/01/2024 − 12 months
    const toIso = (d: unknown) => (typeof d === 'string' && /^\d\d\/\d\d\/\d{4}$/.test(d) ? `${d.slice(6)}-${d.slice(3, 5)}-${d.slice(0, 2)}` : null);
    const listed = table(wb['Kết nối']!, 'STT', 'Hệ thống');
    expect(listed.length).toBe(6); // the demo's 7 connections, one stopped
    // Which systems require site-to-site VPN: the summary's own column (checked against the settings below).
    const summary = table(wb['Tổng hợp']!, 'STT', 'Hệ thống', 'Bắt buộc VPN site-to-site');
    const required = new Map(summary.map((r) => [r[1] as string, r[2] === 'Có']));
    expect(required).toEqual(new Map([['CSDL quốc gia về khiếu nại, tố cáo', true], ['Phần mềm đánh giá, xếp loại CBCCVC hằng tháng', false]]));
    const recount = new Map<string, [number, number, number, number]>();
    for (const r of listed) {
      const system = r[1] as string;
      const siteToSite = r[4] === 'VPN site-to-site';
      const checkedOn = toIso(r[7]);
      const checked = checkedOn !== null && checkedOn >= windowStart && checkedOn <= '2024-01-20';
      const f = recount.get(system) ?? [0, 0, 0, 0];
      f[0]++;
      if (siteToSite) f[1]++;
      if (required.get(system) && !(siteToSite && checked)) f[2]++;
      if (!checked) f[3]++;
      recount.set(system, f);
      // The state column says the same.
      expect(r[9]).toBe(!required.get(system) ? 'Không bắt buộc VPN' : !siteToSite ? 'Không qua VPN site-to-site' : !checked ? 'Site-to-site, chưa kiểm tra định kỳ' : 'Đạt');
    }
    expect(new Map(summary.map((r) => [r[1] as string, r.slice(3, 7)]))).toEqual(recount);

    // The signed payload carries the same figures; the file verifies.
    const v = await verifyReportFile(exported.filePath);
    expect(v.problems).toEqual([]);
    const c = v.payload!.figures.connections!;
    expect(c.checkMonths).toBe(months);
    expect(new Map(c.bySystem.map((s) => [s.systemName, [s.connections, s.siteToSite, s.nonCompliant, s.notChecked]]))).toEqual(recount);
    expect(c.required).toEqual({ connections: 5, siteToSite: 3, nonCompliant: 3, notChecked: 2 });
    expect(v.payload!.counts.connectionRows).toBe(listed.length);

    // The print view's data (the signed paper) states the same.
    const data = await t.call('reports.data', { campaignId });
    expect(data.connections).toEqual(c);
    expect(data.noticeBasis.connections).toContain('TB-SKHCN');
    expect(data.noticeBasis.connections).toContain('Nghị định số 55/2022/NĐ-CP');
  });

  it('Tính năng bảo mật: each system\'s latest check, its results recounted from the listed features', async () => {
    const wb = readWorkbook(exported.filePath);
    const listed = table(wb['Tính năng bảo mật']!, 'STT', 'Hệ thống');
    const summary = table(wb['Tổng hợp']!, 'STT', 'Hệ thống', 'Số tính năng');
    const recount = new Map<string, { features: number; date: unknown; used: number; notUsed: number; na: number; state: unknown }>();
    for (const r of listed) {
      const s = recount.get(r[1] as string) ?? { features: 0, date: r[4], used: 0, notUsed: 0, na: 0, state: r[8] };
      s.features++;
      if (r[6] === 'Đang sử dụng') s.used++;
      else if (r[6] === 'Chưa sử dụng') s.notUsed++;
      else if (r[6] === 'Không áp dụng') s.na++;
      recount.set(r[1] as string, s);
    }
    const stated = new Map(summary.map((r) => [r[1] as string, { features: r[2], date: r[3], used: r[4], notUsed: r[5], na: r[6], state: r[8] }]));
    expect(stated).toEqual(new Map([...recount].map(([k, s]) => [k, s.date === null ? { ...s, used: null, notUsed: null, na: null } : s])));
    expect([...stated.values()].map((s) => s.state)).toEqual(['Đạt', 'Có tính năng chưa dùng', 'Quá hạn kiểm tra']);

    const v = await verifyReportFile(exported.filePath);
    expect(v.payload!.figures.security!.counts).toEqual({ systems: 3, ok: 1, overdue: 1, unused: 1 });
    expect(v.payload!.counts.securityRows).toBe(listed.length);
  });
});
