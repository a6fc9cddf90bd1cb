import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubmissionFileResult, SubmissionImportResult } from '../../shared/district/schema';
import type { ExportResult } from '../../shared/reports/schema';
import { createCore, dispatch } from '../../electron/core';
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

/** Another database claiming to be a unit (its own fresh key): what an attacker with ATTK produces. */
async function impostor(code: string, name: string, today = '2024-01-22'): Promise<{ t: TestCore; file: ExportResult }> {
  const t = makeTestCore(today);
  generateDemo(t.core.db, 'unit', { today: '2024-01-20' });
  t.core.db.prepare('UPDATE units SET code = ?, name = ? WHERE is_home = 1').run(code, name);
  const c = (await t.call('campaigns.list', {})).find((x) => x.status === 'in_progress')!;
  const file = await runJob<ExportResult>(t, t.call('reports.export', { campaignId: c.id }));
  const kept = join(dir, `${code}-${file.fingerprint}.xlsx`);
  copyFileSync(file.filePath, kept);
  extra.push(t);
  return { t, file: { ...file, filePath: kept } };
}
const extra: TestCore[] = [];
afterAll(() => extra.forEach((t) => t.close()));

describe('forged keys', () => {
  it('refuses a file signed with another key for a pinned unit, whatever the options; the reason names both fingerprints', async () => {
    const home = (await unit.call('unit.get', {}))!;
    const fake = await impostor(home.code, home.name);
    for (const options of [{}, { trustNewKeys: true }, { confirmedKeys: [{ unitCode: home.code, fingerprint: fake.file.fingerprint }] }]) {
      const [r] = await receive([upload(fake.file.filePath)], options);
      expect(r).toMatchObject({ status: 'refused', reason: 'keyChanged', fingerprint: fake.file.fingerprint, pinnedFingerprint: original.fingerprint });
      expect(r!.message).toContain(`khác khóa đã xác nhận của ${home.name} (${original.fingerprint})`);
      expect(r!.message).toContain('có thể là tệp giả mạo');
    }
  });

  it('refuses a changed signed value (the signature no longer matches the cells)', async () => {
    const [r] = await receive([upload(forge(original.filePath, 'value'))]);
    expect(r).toMatchObject({ status: 'refused', reason: 'altered' });
    expect(r!.message).toContain('mã băm không khớp');
  });

  it('refuses a second key for the same unit in one batch, even with --trust-new-keys', async () => {
    await office.call('district.saveUnit', { name: 'UBND phường Khâm Thiên', code: 'PKT', kind: 'ward' });
    const a = await impostor('PKT', 'UBND PHƯỜNG KHÂM THIÊN');
    const b = await impostor('PKT', 'UBND PHƯỜNG KHÂM THIÊN');
    const [first, second] = await receive([upload(a.file.filePath, 'PKT-1.xlsx'), upload(b.file.filePath, 'PKT-2.xlsx')], { trustNewKeys: true });
    expect(first).toMatchObject({ status: 'accepted', keyPinned: true });
    expect(first!.message).toContain(`CHƯA đối chiếu với báo cáo giấy`);
    expect(second).toMatchObject({ status: 'refused', reason: 'keyConflict' });
    expect(second!.message).toContain(`Cùng một lần nhận có hai khóa khác nhau cho UBND phường Khâm Thiên`);
  });

  it('refuses a confirmation typed for another fingerprint', async () => {
    await office.call('district.saveUnit', { name: 'UBND phường Hàng Bột', code: 'PHB', kind: 'ward' });
    const a = await impostor('PHB', 'UBND PHƯỜNG HÀNG BỘT');
    const [r] = await receive([upload(a.file.filePath)], { confirmedKeys: [{ unitCode: 'PHB', fingerprint: original.fingerprint }] });
    expect(r).toMatchObject({ status: 'refused', reason: 'needsKey' });
    expect(r!.message).toContain(`khác mã đã nhập để xác nhận (${original.fingerprint})`);
  });
});

describe('identity swaps', () => {
  it('refuses a ward\'s file carrying a school\'s code until the clerk confirms it is that school', async () => {
    const swapped = await impostor('THCS-DD', 'UBND PHƯỜNG VĂN MIẾU - QUỐC TỬ GIÁM');
    const [r] = await receive([upload(swapped.file.filePath)], { confirmedKeys: [{ unitCode: 'THCS-DD', fingerprint: swapped.file.fingerprint }] });
    expect(r).toMatchObject({ status: 'refused', reason: 'identity', unitName: 'Trường THCS Đống Đa', fileUnitName: 'UBND PHƯỜNG VĂN MIẾU - QUỐC TỬ GIÁM' });
    expect(r!.message).toContain('trong danh sách đơn vị trực thuộc mã THCS-DD là "Trường THCS Đống Đa"');
  });

  it('never changes a unit\'s own code silently when it imports a campaign file', async () => {
    const o = await office.call('campaignFile.export', { campaignId });
    const t = makeTestCore('2024-01-22');
    extra.push(t);
    await t.call('unit.save', { parentBody: 'UBND QUẬN ĐỐNG ĐA', name: 'UBND PHƯỜNG VĂN MIẾU', code: 'VM-CU', headName: 'A', headTitle: 'CHỦ TỊCH', placeName: 'Đống Đa' });
    const file = { fileName: o.fileName, dataBase64: o.dataBase64 };
    const refused = await t.raw('campaignFile.import', { ...file, unitCode: 'THCS-DD' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', path: ['confirmUnitCode'] } });
    expect((refused as { error: { message: string } }).error.message).toContain('Mã đơn vị sẽ đổi từ VM-CU thành THCS-DD ("Trường THCS Đống Đa" trong tệp)');
    expect((await t.call('unit.get', {}))!.code).toBe('VM-CU');
  });
});

describe('replays', () => {
  it('refuses the same file twice, and an older file after a newer one', async () => {
    const [again] = await receive([upload(original.filePath)]);
    expect(again).toMatchObject({ status: 'refused', reason: 'duplicate' });
    expect(again!.message).toContain('trùng hoàn toàn');
    // The unit exports again a day later (same key): accepted, replaces; then the first day's
    // copy of an even earlier export comes back: refused as older.
    const later = createCore({ file: unit.file, shell: 'cli', appVersion: 'test', actor: 'u', now: () => new Date('2024-01-23T10:00:00'), verify: false });
    const earlier = createCore({ file: unit.file, shell: 'cli', appVersion: 'test', actor: 'u', now: () => new Date('2024-01-21T10:00:00'), verify: false });
    try {
      const exp = async (core: typeof later) => {
        const started = await dispatch(core, 'reports.export', { campaignId: unitCampaignId });
        const jobId = (started as { result: { jobId: string } }).result.jobId;
        for (;;) {
          const s = (await dispatch(core, 'jobs.status', { id: jobId })) as { result: { state: string; result: ExportResult } };
          if (s.result.state === 'done') return s.result.result;
          await sleep(10);
        }
      };
      const newer = await exp(later);
      const old = await exp(earlier);
      const [n] = await receive([upload(newer.filePath, 'moi.xlsx')]);
      expect(n).toMatchObject({ status: 'accepted', replaced: true });
      const [o] = await receive([upload(old.filePath, 'cu.xlsx')]);
      expect(o).toMatchObject({ status: 'refused', reason: 'older' });
      expect(o!.message).toContain('Đơn vị đã gửi một tệp mới hơn');
    } finally {
      later.db.close();
      earlier.db.close();
    }
  });

  it('refuses a cancellation list sent as the report', async () => {
    const c = await runJob<ExportResult>(unit, unit.call('reports.export', { campaignId: unitCampaignId, kind: 'cancellations' }));
    const [r] = await receive([upload(c.filePath, 'huy.xlsx')]);
    expect(r).toMatchObject({ status: 'refused', reason: 'notReport' });
  });
});
