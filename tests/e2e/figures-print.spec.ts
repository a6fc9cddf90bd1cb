// Issue 14 item 6, the print view: the same random units as the workbook oracle
// (tests/oracle/generate.ts), entered through the harness's HTTP API, the signed report opened in
// Chromium and printed to PDF the way Electron prints it, read back with pdftotext — and every
// figure in its sentences and its summary table compared with the independent recount
// (tests/oracle/recount.ts, written apart from the production SQL), read from the database file.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { expect, test, type Page } from '@playwright/test';
import { playwrightPdfOptions } from '../../electron/main/print';
import { pageSetupFor } from '../../shared/print/page-setup';
import { record, scenario, TODAY, type Envelope, type RawCall } from '../oracle/generate';
import { recount, type Counts } from '../oracle/recount';
import { serve, type Served } from './serve';

const MONTHS = 3;
let app: Served | undefined;
test.afterEach(async () => {
  await app?.stop();
  app = undefined;
});

/** The harness's API as the renderer calls it: POST /api/<method> with the run's token. */
function harnessApi(url: string): RawCall {
  const token = /#token=([A-Za-z0-9_-]+)/.exec(url)![1]!;
  const origin = new URL(url).origin;
  return async (method, input) => {
    const r = await fetch(`${origin}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(input) });
    return (await r.json()) as Envelope;
  };
}

/** The report printed to PDF with Electron's options; its text as pdftotext -layout reads it, page numbers (top of pages 2…) removed. */
async function printedText(page: Page): Promise<string> {
  await page.emulateMedia({ media: 'print' });
  const dir = mkdtempSync(join(tmpdir(), 'attk-figures-print-'));
  try {
    const file = join(dir, 'baocao.pdf');
    writeFileSync(file, await page.pdf(playwrightPdfOptions(pageSetupFor(page.url()))));
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString().normalize('NFC');
    return text
      .split('\f')
      .map((p, i) => (i === 0 ? p : p.replace(/^\s*\d+\s*\n/, '')))
      .join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const N = String.raw`(\d{1,3}(?:\.\d{3})*)`;
const int = (s: string | undefined) => Number(s!.replaceAll('.', ''));
const figures = (c: Counts) => [c.total, c.to_cancel, c.must_change, c.done, c.late, c.missing];
/** "(x%)" as the product rule states it: 0 when nothing is done, 100 only when all is done, otherwise 1–99. */
const percent = (c: Counts) => (c.total === 0 || c.done === 0 ? 0 : c.done >= c.total ? 100 : Math.min(99, Math.max(1, Math.round((c.done * 100) / c.total))));

test('every figure of the printed report equals a plain recount of the rows, on random units', async ({ page }) => {
  test.setTimeout(180_000);
  // A few units with something in each part (several people, shared devices, many confirmations, two or more systems).
  const rich = scenario({ people: 6, events: 40 }).filter(
    (s) => s.people.length >= 3 && s.devices.length >= 2 && s.scope.length >= 2 && s.events.filter((e) => e.k === 'confirm').length >= 10,
  );
  const samples = fc.sample(rich, { seed: 1414, numRuns: 4 });
  for (const [run, s] of samples.entries()) {
    app = await serve({ today: TODAY });
    const campaignId = await record(s, harnessApi(app.url));
    const db = new Database(app.dbFile, { readonly: true });
    const r = recount(db, campaignId, TODAY, MONTHS);
    const systemNames = new Map((db.prepare('SELECT id, name FROM systems').all() as { id: number; name: string }[]).map((x) => [x.id, x.name]));
    db.close();

    await page.goto(app.url);
    await page.evaluate((id) => (window.location.hash = `#/print/report?campaign=${id}`), campaignId);
    await expect(page.getByRole('article', { name: 'BÁO CÁO' })).toContainText('Kính gửi');
    const layout = await printedText(page);
    const text = layout.replace(/\s+/g, ' ');
    const at = `run ${run}`;

    // Section II's sentence: the states of all in-scope accounts, adding up to the total.
    const s2 = new RegExp(
      `Tổng số ${N} tài khoản trong phạm vi rà soát, trong đó: đề nghị hủy ${N} tài khoản \\(cán bộ đã chuyển công tác, nghỉ hưu, thôi việc\\); ` +
        `phải đổi mật khẩu sau khi xử lý mã độc ${N} tài khoản; đã thay đổi mật khẩu đúng hạn ${N} tài khoản \\((\\d+)%\\); thay đổi muộn ${N} tài khoản; chưa thay đổi ${N} tài khoản\\.`,
    ).exec(text);
    expect(s2, `${at}: section II sentence`).not.toBeNull();
    const o = r.overall.all;
    expect([s2![1], s2![2], s2![3], s2![4], s2![6], s2![7]].map(int), at).toEqual(figures(o));
    expect(int(s2![5]), `${at}: percent`).toBe(percent(o));
    // The admin / user sentences.
    for (const [role, name] of [['admin', 'Tài khoản quản trị'], ['user', 'Tài khoản người dùng']] as const) {
      const m = new RegExp(`${name}: ${N} tài khoản \\(đề nghị hủy ${N}; phải đổi sau xử lý mã độc ${N}; đúng hạn ${N}; muộn ${N}; chưa đổi ${N}\\)\\.`).exec(text);
      expect(m, `${at}: ${name}`).not.toBeNull();
      expect(m!.slice(1, 7).map(int), `${at}: ${name}`).toEqual(figures(r.overall[role]));
    }

    // The summary table, read as a person reads it: between "Chi tiết theo từng phần mềm:" and section III,
    // the numbers row by row — per system (its number, its row, admin, user), then the total with its split.
    const from = layout.indexOf('Chi tiết theo từng phần mềm:');
    const to = layout.indexOf('III. KIỂM TRA THIẾT BỊ');
    expect(from, `${at}: table start`).toBeGreaterThan(0);
    expect(to, `${at}: table end`).toBeGreaterThan(from);
    const region = layout.slice(from, to);
    const numbers = region.split(/\s+/).filter((w) => /^\d{1,3}(\.\d{3})*$/.test(w)).map(int);
    const flat = region.replace(/\s+/g, ' ');
    const order = [...r.bySystem.keys()].sort((a, b) => flat.indexOf(systemNames.get(a)!.slice(0, 10)) - flat.indexOf(systemNames.get(b)!.slice(0, 10)));
    for (const id of order) expect(flat.indexOf(systemNames.get(id)!.slice(0, 10)), `${at}: ${systemNames.get(id)}`).toBeGreaterThan(0);
    const expected = [
      ...order.flatMap((id, i) => {
        const x = r.bySystem.get(id)!;
        return [i + 1, ...figures(x.all), ...figures(x.admin), ...figures(x.user)];
      }),
      ...figures(o), ...figures(r.overall.admin), ...figures(r.overall.user),
    ];
    expect(numbers, `${at}: summary table`).toEqual(expected);
    expect(flat).toContain('Tổng cộng');

    // Section III.1: devices, each counted once.
    const d = new RegExp(
      `Có ${N} thiết bị sử dụng các phần mềm trên \\(mỗi thiết bị tính một lần\\); đã kiểm tra trong (\\d+) tháng gần nhất ${N} thiết bị; ` +
        `trong đó có phần mềm diệt virus bản quyền còn hạn ${N} thiết bị; (không phát hiện thiết bị nhiễm mã độc\\.|phát hiện nhiễm mã độc: đã diệt virus và cài đặt lại hệ điều hành ${N} thiết bị, còn ${N} thiết bị nhiễm mã độc chưa xử lý)`,
    ).exec(text);
    expect(d, `${at}: devices sentence`).not.toBeNull();
    expect(int(d![2])).toBe(MONTHS);
    const printed = { devices: int(d![1]), checked: int(d![3]), licensed: int(d![4]), infected: d![6] === undefined ? 0 : int(d![7]), remediated: d![6] === undefined ? 0 : int(d![6]) };
    expect(printed, `${at}: devices`).toEqual(r.devices);
    expect(printed.licensed).toBeLessThanOrEqual(printed.checked);
    expect(printed.checked).toBeLessThanOrEqual(printed.devices);

    await app.stop();
    app = undefined;
  }
});
