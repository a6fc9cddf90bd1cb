// Issue 14 at the receiving office's screen: a unit (the unit demo, its campaign reported with a
// number and date) exports its signed report; an office receives it; the board (Tổng hợp → Theo
// dõi) shows the unit's report number with its date, and its accounts by role and state and its
// devices counted once — each figure equal to the independent recount of the unit's own rows
// (tests/oracle/recount.ts over the unit's database), not to what the screen computes.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { playwrightPdfOptions } from '../../electron/main/print';
import { vi } from '../../shared/i18n/vi';
import { pageSetupFor } from '../../shared/print/page-setup';
import type { Envelope, RawCall } from '../oracle/generate';
import { pdfText } from '../oracle/read-printed';
import { recount, type Counts } from '../oracle/recount';
import { openScreen, serve, type Served } from './serve';

const TODAY = '2024-01-20';
// axe-core injected from the installed package (the page's CSP forbids it: bypassed for this test).
const AXE = join(dirname(createRequire(import.meta.url).resolve('axe-core')), 'axe.min.js');
test.use({ bypassCSP: true });
const served: Served[] = [];
const dirs: string[] = [];
test.afterEach(async () => {
  for (const s of served.splice(0)) await s.stop();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function harnessApi(url: string) {
  const token = /#token=([A-Za-z0-9_-]+)/.exec(url)![1]!;
  const origin = new URL(url).origin;
  const raw: RawCall = async (method, input) => {
    const r = await fetch(`${origin}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(input) });
    return (await r.json()) as Envelope;
  };
  const call = async <T>(method: Parameters<RawCall>[0], input: unknown): Promise<T> => {
    const e = await raw(method, input);
    if (!e.ok) throw new Error(`${method}: ${e.error.message}`);
    return e.result as T;
  };
  const job = async <T>(method: Parameters<RawCall>[0], input: unknown): Promise<T> => {
    const { jobId } = await call<{ jobId: string }>(method, input);
    for (;;) {
      const s = await call<{ state: string; result?: T; error?: { message: string } }>('jobs.status', { id: jobId });
      if (s.state === 'done') return s.result as T;
      if (s.state === 'failed') throw new Error(s.error?.message);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return { call, job };
}

const n = (x: number) => x.toLocaleString('vi-VN');
const figures = (c: Counts) => [c.total, c.to_cancel, c.must_change, c.done, c.late, c.missing];
const row = (c: Counts) => figures(c).map(n);
const N = String.raw`(\d{1,3}(?:\.\d{3})*)`;
const int = (x: string | undefined) => Number(x!.replaceAll('.', ''));
/** The numbers of a printed region in reading order (dates and words left out). */
const numbersIn = (region: string) => region.split(/\s+/).filter((w) => /^\d{1,3}(\.\d{3})*$/.test(w)).map(int);

test('the office board shows each unit\'s report number and date, its accounts by role and state and its devices, equal to a recount of the unit\'s rows', async ({ page }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'attk-figures-board-'));
  dirs.push(dir);

  // The unit: its open campaign reported as "07/BC-UBND" on 19/01/2024, then the signed export.
  const unitApp = await serve({ demo: 'unit', today: TODAY });
  served.push(unitApp);
  const unit = harnessApi(unitApp.url);
  const db = new Database(unitApp.dbFile, { readonly: true });
  const home = db.prepare('SELECT code, name FROM units WHERE is_home = 1').get() as { code: string; name: string };
  const campaign = db.prepare("SELECT id, directive_number AS directive, start_date AS start, deadline FROM campaigns WHERE status = 'in_progress' ORDER BY id LIMIT 1").get() as {
    id: number; directive: string; start: string; deadline: string;
  };
  db.close();
  await unit.call('campaigns.advance', { id: campaign.id, to: 'reported', reportNumber: '07/BC-UBND', reportedOn: '2024-01-19', signer: 'Nguyễn Văn Hùng' });
  const exported = await unit.job<{ filePath: string; fingerprint: string }>('reports.export', { campaignId: campaign.id });
  const file = join(dir, 'unit.xlsx');
  copyFileSync(exported.filePath, file);
  const recountDb = new Database(unitApp.dbFile, { readonly: true });
  const r = recount(recountDb, campaign.id, TODAY, 3);
  recountDb.close();

  // The office: receiving mode, the unit registered, the same campaign (directive + deadline), the file received.
  const officeApp = await serve({ today: TODAY });
  served.push(officeApp);
  const office = harnessApi(officeApp.url);
  await office.call('unit.save', {
    parentBody: 'UBND THÀNH PHỐ', name: 'PHÒNG NỘI VỤ', code: 'PNV', headName: 'Trần Thị Mai', headTitle: 'TRƯỞNG PHÒNG', signAuthority: '', placeName: 'Hà Nội', reportSymbol: 'BC-PNV', recipientName: 'UBND thành phố',
  });
  await office.call('district.saveSettings', { receivingMode: true, officeLevel: 'district', officeAddress: '' });
  const csv = `STT;Tên đơn vị;Mã;Loại\r\n1;${home.name};${home.code};Phường`;
  await office.job('district.importUnits', { fileName: 'donvi.csv', dataBase64: Buffer.from(csv).toString('base64') });
  const oc = await office.call<{ id: number }>('campaigns.create', { directiveNumber: campaign.directive, subject: 'Rà soát mật khẩu', systemIds: [1, 2, 3], startDate: campaign.start, deadline: campaign.deadline });
  await office.call('campaigns.advance', { id: oc.id, to: 'in_progress' });
  const received = await office.job<{ results: { status: string; message: string }[] }>('district.importFiles', {
    campaignId: oc.id, files: [{ fileName: 'unit.xlsx', dataBase64: readFileSync(file).toString('base64') }], confirmedKeys: [{ unitCode: home.code, fingerprint: exported.fingerprint }],
  });
  expect(received.results[0]!.status, received.results[0]!.message).toBe('accepted');

  await page.goto(officeApp.url);
  await openScreen(page, 'Tổng hợp');
  const board = page.getByRole('table', { name: vi.district.title });
  const unitRow = board.getByRole('row').filter({ hasText: home.code });
  await expect(unitRow).toContainText(vi.figures.board.reportOn('07/BC-UBND', '19/01/2024'));

  const B = vi.figures.board;
  const detail = page.getByRole('table', { name: B.detailTitle });
  const group = detail.locator(`tbody[data-unit="${home.code}"]`);
  await expect(group).toContainText(home.name);
  for (const role of ['admin', 'user'] as const) {
    const cells = await group.locator(`tr[data-role="${role}"] td.num`).allInnerTexts();
    expect(cells.slice(0, 6), role).toEqual(row(r.overall[role]));
    expect(await group.locator(`tr[data-role="${role}"] td`).first().innerText()).toBe(B.role[role]);
  }
  const devices = await group.locator('tr[data-role="admin"] td.num').allInnerTexts();
  expect(devices.slice(6)).toEqual([r.devices.devices, r.devices.checked, r.devices.licensed, r.devices.infected, r.devices.remediated].map(n));
  // Not a vacuous check: the demo has both roles and devices with malware.
  expect(r.overall.admin.total).toBeGreaterThan(0);
  expect(r.devices.devices).toBeGreaterThan(0);
  // The new tables pass axe (WCAG 2 A/AA + best practice): no serious or critical violation.
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string | null }[] }> } }).axe;
    const r = await axe.run({ include: [['.district-detail'], ['.district-board']] }, { runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
  });
  expect(violations).toEqual([]);
  // The office's own printed report: its sentences and tables equal the recount (one unit received).
  await page.evaluate((id) => (window.location.hash = `#/print/district-report?campaign=${id}`), oc.id);
  await expect(page.getByRole('article', { name: 'BÁO CÁO' })).toContainText(vi.district.print.appendixTitle);
  await page.emulateMedia({ media: 'print' });
  const pdf = join(dir, 'tonghop.pdf');
  writeFileSync(pdf, await page.pdf(playwrightPdfOptions(pageSetupFor(page.url()))));
  await page.emulateMedia({ media: 'screen' });
  if (process.env.ATTK_SHOTS) execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(process.env.ATTK_SHOTS, 'district-report-figures')]);
  const layout = pdfText(pdf);
  const text = layout.replace(/\s+/g, ' ');
  const s3 = new RegExp(
    `Tổng số ${N} tài khoản trong phạm vi rà soát của các đơn vị đã nộp, trong đó: đề nghị hủy ${N} tài khoản; phải đổi mật khẩu sau khi xử lý mã độc ${N} tài khoản; ` +
      `đã thay đổi mật khẩu đúng hạn ${N} tài khoản \\((\\d+)%\\); thay đổi muộn ${N} tài khoản; chưa thay đổi ${N} tài khoản\\.`,
  ).exec(text);
  expect(s3, 'section III').not.toBeNull();
  expect([s3![1], s3![2], s3![3], s3![4], s3![6], s3![7]].map(int)).toEqual(figures(r.overall.all));
  for (const [role, name] of [['admin', 'Tài khoản quản trị'], ['user', 'Tài khoản người dùng']] as const) {
    const m = new RegExp(`${name}: ${N} tài khoản \\(đề nghị hủy ${N}; phải đổi sau xử lý mã độc ${N}; đúng hạn ${N}; muộn ${N}; chưa đổi ${N}\\)\\.`).exec(text);
    expect(m, name).not.toBeNull();
    expect(m!.slice(1, 7).map(int), name).toEqual(figures(r.overall[role]));
  }
  const dm = new RegExp(
    `Các đơn vị đã nộp có ${N} thiết bị sử dụng các phần mềm trên \\(mỗi thiết bị tính một lần trong đơn vị của nó\\); đã kiểm tra trong thời hạn ${N} thiết bị; ` +
      `có phần mềm diệt virus bản quyền còn hạn ${N} thiết bị; còn ${N} thiết bị nhiễm mã độc chưa xử lý; đã diệt virus và cài đặt lại hệ điều hành ${N} thiết bị\\.`,
  ).exec(text);
  expect(dm, 'devices').not.toBeNull();
  expect(dm!.slice(1, 6).map(int)).toEqual([r.devices.devices, r.devices.checked, r.devices.licensed, r.devices.infected, r.devices.remediated]);
  // Per system (its number, units, its row, admin, user), then the total with its split.
  const systemsRegion = layout.slice(layout.indexOf(vi.figures.s2Detail), layout.indexOf(vi.district.print.s4));
  const flat = systemsRegion.replace(/\s+/g, ' ');
  const unitDb = new Database(unitApp.dbFile, { readonly: true });
  const names = new Map((unitDb.prepare('SELECT id, name FROM systems').all() as { id: number; name: string }[]).map((x) => [x.id, x.name]));
  unitDb.close();
  const pos = (id: number) => flat.indexOf(names.get(id)!.slice(0, 10));
  for (const id of r.bySystem.keys()) expect(pos(id), names.get(id)).toBeGreaterThan(0);
  const order = [...r.bySystem.keys()].sort((a, b) => pos(a) - pos(b));
  expect(numbersIn(systemsRegion)).toEqual([
    ...order.flatMap((id, i) => [i + 1, 1, ...figures(r.bySystem.get(id)!.all), ...figures(r.bySystem.get(id)!.admin), ...figures(r.bySystem.get(id)!.user)]),
    1, ...figures(r.overall.all), ...figures(r.overall.admin), ...figures(r.overall.user),
  ]);
  // The appendix: one row (its number, then the unit's total and five states, adding up to it).
  const appendix = layout.slice(layout.lastIndexOf(vi.district.print.appendixTitle));
  expect(appendix).toContain(home.name.slice(0, 8));
  expect(numbersIn(appendix.slice(appendix.indexOf('STT')))).toEqual([1, ...figures(r.overall.all)]);
  await page.goBack();
  if (process.env.ATTK_SHOTS) await detail.screenshot({ path: join(process.env.ATTK_SHOTS, 'district-board-detail.png') });
});
