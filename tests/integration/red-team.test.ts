import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubmissionFileResult, SubmissionImportResult } from '../../shared/district/schema';
import type { ExportResult } from '../../shared/reports/schema';
import { generateDemo } from '../../electron/core/demo/generate';
import { verifyReportFile } from '../../electron/core/reports/verify';
import { makeTestCore, type TestCore } from './harness-core';

// The red team (issue 15): every way we know to make the receiving office accept a file that is
// not what the unit sent, or that shows something else than it signed — each refused, case by
// case, with a Vietnamese reason a clerk can act on. Forgeries are made with another program
// (openpyxl, tests/red-team/forge.py); re-saving unchanged in LibreOffice and openpyxl still verifies.

const FORGE = join(__dirname, '..', 'red-team', 'forge.py');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const dir = mkdtempSync(join(tmpdir(), 'attk-redteam-'));

async function runJob<R>(t: TestCore, start: Promise<{ jobId: string }>): Promise<R> {
  const { jobId } = await start;
  for (;;) {
    const s = await t.call('jobs.status', { id: jobId });
    if (s.state === 'done') return s.result as R;
    if (s.state === 'failed') throw new Error(s.error?.message);
    await sleep(10);
  }
}

const upload = (path: string, fileName = path.split('/').pop()!) => ({ fileName, dataBase64: readFileSync(path).toString('base64') });

function forge(src: string, mode: string): string {
  const out = join(dir, `${mode}.xlsx`);
  execFileSync('/usr/bin/python3', [FORGE, src, out, mode]);
  return out;
}

let unit: TestCore;
let office: TestCore;
let campaignId: number;
let unitCampaignId: number;
let original: ExportResult;

async function receive(files: { fileName: string; dataBase64: string }[], options: Record<string, unknown> = {}): Promise<SubmissionFileResult[]> {
  const r = await runJob<SubmissionImportResult>(office, office.call('district.importFiles', { campaignId, files, ...options }));
  return r.results;
}

beforeAll(async () => {
  unit = makeTestCore('2024-01-22');
  generateDemo(unit.core.db, 'unit', { today: '2024-01-20' });
  const campaign = (await unit.call('campaigns.list', {})).find((c) => c.status === 'in_progress')!;
  unitCampaignId = campaign.id;
  original = await runJob<ExportResult>(unit, unit.call('reports.export', { campaignId: campaign.id }));
  copyFileSync(original.filePath, join(dir, 'original.xlsx'));
  original = { ...original, filePath: join(dir, 'original.xlsx') };
  const home = (await unit.call('unit.get', {}))!;

  office = makeTestCore('2024-01-24');
  await office.call('unit.save', { parentBody: 'UBND QUẬN ĐỐNG ĐA', name: 'PHÒNG NỘI VỤ', code: 'PNV', headName: 'Trần Thị Mai', headTitle: 'TRƯỞNG PHÒNG', placeName: 'Đống Đa' });
  await office.call('district.saveSettings', { receivingMode: true });
  await office.call('district.saveUnit', { name: home.name, code: home.code, kind: 'ward' });
  await office.call('district.saveUnit', { name: 'Trường THCS Đống Đa', code: 'THCS-DD', kind: 'school' });
  const c = await office.call('campaigns.create', { directiveNumber: campaign.directiveNumber, subject: 'Rà soát', systemIds: [1, 2, 3], startDate: campaign.startDate, deadline: campaign.deadline });
  campaignId = c.id;
  // The clerk pins the ward's key after comparing it with the signed paper report.
  const [first] = await receive([upload(original.filePath)], { confirmedKeys: [{ unitCode: home.code, fingerprint: original.fingerprint }] });
  expect(first).toMatchObject({ status: 'accepted', keyPinned: true });
}, 120_000);

afterAll(() => {
  unit?.close();
  office?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('presentation forgeries: the signed values unchanged, what a reader sees changed', () => {
  const cases: [string, RegExp][] = [
    ['numfmt', /Ô Tổng hợp!H\d+ hiển thị "\d+" trong khi giá trị đã ký là "\d+" \(định dạng số đã bị sửa\)/],
    ['hidden-rows', /Trang "Tài khoản" có hàng \d+ bị ẩn/],
    ['hidden-columns', /Trang "Tài khoản" có cột K bị ẩn/],
    ['white-font', /Ô Tổng hợp!H\d+ có chữ cùng màu hoặc gần màu nền \(ví dụ chữ trắng\)/],
    ['header', /Trang "Tổng hợp" có đầu trang\/chân trang "BẢN ĐÃ ĐƯỢC PHÊ DUYỆT" không do ATTK tạo/],
    ['hidden-sheet', /Tệp có trang tính bị ẩn "Ghi chú"/],
    ['conditional', /Trang "Tổng hợp" có định dạng có điều kiện/],
    ['print-area', /Tệp đặt vùng in .* làm một phần nội dung không được in ra/],
  ];
  for (const [mode, reason] of cases) {
    it(`refuses ${mode} with its Vietnamese reason, the signature itself still valid`, async () => {
      const forged = forge(original.filePath, mode);
      const verified = await verifyReportFile(forged);
      expect(verified.ok).toBe(false);
      expect(verified.problems.join('\n')).toMatch(reason);
      // Only the presentation is wrong: the values and the signature are intact (so the check is what refuses it).
      expect(verified.problems.join('\n')).not.toContain(vi_signature);
      const [r] = await receive([upload(forged)]);
      expect(r).toMatchObject({ status: 'refused', reason: 'altered' });
      expect(r!.message).toMatch(reason);
    });
  }

  it('still verifies a copy re-saved unchanged by openpyxl and by LibreOffice', async () => {
    const resaved = forge(original.filePath, 'resave');
    expect(await verifyReportFile(resaved)).toMatchObject({ ok: true, problems: [] });
    const lo = join(dir, 'lo');
    execFileSync('soffice', ['--headless', '--convert-to', 'xlsx', '--outdir', lo, original.filePath], { stdio: 'ignore', timeout: 120_000 });
    const loFile = join(lo, 'original.xlsx');
    expect(existsSync(loFile)).toBe(true);
    expect(await verifyReportFile(loFile)).toMatchObject({ ok: true, problems: [] });
  }, 180_000);
});

const vi_signature = 'Chữ ký số không hợp lệ';
