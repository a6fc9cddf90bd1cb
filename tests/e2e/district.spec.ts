import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { attk, openScreen, serve, type Served } from './serve';

// The receiving office in the browser: turn receiving mode on, register a unit, upload several
// unit files at once (real `attk export` files; one altered, one not Excel, one duplicate), see
// each accepted or refused with its reason, confirm a fingerprint, see the board, print the
// office's report. And the unit side: import the office's campaign file.

let app: Served;
const dirs: string[] = [];
test.afterEach(async () => {
  await app?.stop();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const shots = process.env.ATTK_SHOTS;

/** A unit's real export: a unit-size demo database and `attk export report` (as the unit would). */
async function unitFile(dir: string, name: string): Promise<{ file: string; fingerprint: string }> {
  const db = join(dir, `${name}.sqlite`);
  const demo = await attk(['demo', '--db', db, '--size', 'unit', '--today', '2024-01-20', '--json']);
  expect(demo.code, demo.stderr).toBe(0);
  const file = join(dir, `${name}.xlsx`);
  const r = await attk(['export', 'report', '--db', db, '--campaign', '2', '--out', file, '--today', '2024-01-20', '--json']);
  expect(r.code, r.stderr).toBe(0);
  return { file, fingerprint: (JSON.parse(r.stdout) as { fingerprint: string }).fingerprint };
}

/**
 * Issue 21, recounted from the unit's own database (not from its file): connections to the systems that
 * require site-to-site VPN (`attk connections list`) and each system's security check (`attk security list`),
 * as the board's cells should read them.
 */
async function noticeCells(db: string, today: string): Promise<string[]> {
  const c = await attk(['connections', 'list', '--db', db, '--today', today, '--json']);
  const s = await attk(['security', 'list', '--db', db, '--today', today, '--json']);
  expect(c.code, c.stderr).toBe(0);
  expect(s.code, s.stderr).toBe(0);
  type Sys = { requiresSiteToSite: boolean; connections: number; siteToSite: number; nonCompliant: number; notChecked: number };
  const required = (JSON.parse(c.stdout) as { bySystem: Sys[] }).bySystem.filter((x) => x.requiresSiteToSite);
  const add = (k: keyof Omit<Sys, 'requiresSiteToSite'>) => String(required.reduce((n, x) => n + x[k], 0));
  const systems = (JSON.parse(s.stdout) as { systems: { systemActive: boolean; state: string; lastCheck: { checkedOn: string } | null }[] }).systems.filter((x) => x.systemActive);
  const count = (...states: string[]) => systems.filter((x) => states.includes(x.state)).length;
  const last = systems.map((x) => x.lastCheck?.checkedOn ?? '').sort().at(-1)!;
  return [
    add('connections'), add('siteToSite'), add('nonCompliant'), add('notChecked'), String(systems.length), String(count('never', 'overdue')), String(count('unused')),
    last.split('-').reverse().join('/'), count('never', 'overdue', 'unused') > 0 ? 'Chưa đạt' : 'Đạt',
  ];
}

test('receive several unit files at once: accepted and refused with reasons, confirm a fingerprint, see the board and print', async ({ page }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'attk-district-e2e-'));
  dirs.push(dir);
  const first = await unitFile(dir, 'vanmieu');
  const other = await unitFile(dir, 'vanmieu-maykhac');
  const altered = join(dir, 'vanmieu-dasua.xlsx');
  execFileSync('/usr/bin/python3', [
    '-c',
    "import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nws = wb['Tổng hợp']\nfor row in ws.iter_rows():\n    if isinstance(row[0].value, int):\n        row[5].value = row[5].value + 1; break\nwb.save(sys.argv[2])",
    first.file,
    altered,
  ]);
  const copy = join(dir, 'vanmieu-gui-lai.xlsx');
  copyFileSync(first.file, copy);
  const junk = join(dir, 'ghi-chu.xlsx');
  writeFileSync(junk, 'Đây là ghi chú, không phải tệp Excel');

  app = await serve({ demo: 'district', today: '2024-01-20' });
  await page.goto(app.url);
  await expect(page.getByRole('link', { name: 'Tổng hợp' })).toHaveCount(0);

  // Cài đặt: receiving mode on → "Tổng hợp" appears.
  await openScreen(page, 'Cài đặt');
  const mode = page.getByRole('form', { name: 'Chế độ cơ quan tiếp nhận báo cáo' });
  await mode.getByLabel('Bật chế độ cơ quan tiếp nhận').check();
  await mode.getByLabel('Địa chỉ cơ quan').fill('107 Tôn Đức Thắng, Đống Đa, Hà Nội');
  await mode.getByRole('button', { name: 'Lưu' }).click();
  await openScreen(page, 'Tổng hợp');
  await expect(page.getByRole('heading', { name: 'Tổng hợp báo cáo của các đơn vị' })).toBeVisible();

  // The register: the demo's 100 units, plus the ward whose files are coming.
  await page.getByRole('tab', { name: 'Đơn vị trực thuộc' }).click();
  await expect(page.getByText('100 đơn vị')).toBeVisible();
  await page.getByRole('button', { name: '+ Thêm đơn vị' }).click();
  const form = page.getByRole('dialog', { name: 'Thêm đơn vị' });
  await form.getByLabel('Tên đơn vị').fill('UBND phường Văn Miếu - Quốc Tử Giám (mới)');
  await form.getByLabel('Mã đơn vị').fill('VMQTG');
  await form.getByLabel('Liên hệ').fill('Chị Lan - 0912 345 678');
  await form.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('101 đơn vị')).toBeVisible();
  if (shots) await page.screenshot({ path: join(shots, 'district-register.png') });

  // Upload four files at once.
  await page.getByRole('tab', { name: 'Theo dõi' }).click();
  await expect(page.getByRole('combobox', { name: 'Đợt rà soát' })).toContainText('123/UBND-NV');
  await page.getByLabel('Chọn tệp…').setInputFiles([first.file, altered, junk, copy]);
  const results = page.getByRole('table', { name: 'Nhận tệp báo cáo của các đơn vị' });
  await expect(page.getByRole('status').filter({ hasText: 'Đã nhận 0 tệp, từ chối 4 tệp.' })).toBeVisible();
  const row = (file: string) => results.getByRole('row').filter({ has: page.getByRole('cell', { name: file, exact: true }) });
  // The register names VMQTG "… (mới)", the file "UBND PHƯỜNG VĂN MIẾU - QUỐC TỬ GIÁM": refused until confirmed.
  await expect(row('vanmieu.xlsx')).toContainText('Không nhận cho đến khi xác nhận');
  await expect(row('vanmieu-dasua.xlsx')).toContainText('Tệp đã bị sửa sau khi đơn vị xuất');
  await expect(row('ghi-chu.xlsx')).toContainText('không phải tệp Excel');
  await expect(row('vanmieu-gui-lai.xlsx')).toContainText('trùng hoàn toàn');
  if (shots) await page.screenshot({ path: join(shots, 'district-upload.png'), fullPage: true });

  await row('vanmieu.xlsx').getByRole('button', { name: /Xác nhận đây là/ }).click();
  const who = page.getByRole('dialog', { name: 'Xác nhận đơn vị gửi tệp' });
  await expect(who).toContainText('UBND PHƯỜNG VĂN MIẾU - QUỐC TỬ GIÁM');
  await who.getByRole('button', { name: /Xác nhận đây là/ }).click();
  await expect(row('vanmieu.xlsx')).toContainText('Cần xác nhận mã');
  await expect(row('vanmieu.xlsx')).toContainText(first.fingerprint);

  // The clerk compares the fingerprint with the signed paper report and confirms it.
  await row('vanmieu.xlsx').getByRole('button', { name: `Xác nhận mã ${first.fingerprint}…` }).click();
  const dialog = page.getByRole('dialog', { name: 'Xác nhận mã xác thực của đơn vị' });
  await expect(dialog).toContainText(first.fingerprint);
  await expect(dialog.getByRole('button', { name: 'Xác nhận và nhận tệp' })).toBeDisabled();
  await dialog.getByLabel('Tôi đã đối chiếu: mã trên báo cáo giấy trùng khớp hoàn toàn').check();
  if (shots) await page.screenshot({ path: join(shots, 'district-confirm-key.png') });
  await dialog.getByRole('button', { name: 'Xác nhận và nhận tệp' }).click();
  await expect(row('vanmieu.xlsx')).toContainText('Đã nhận tệp của UBND phường Văn Miếu - Quốc Tử Giám (mới) (đúng hạn)');
  await expect(row('vanmieu.xlsx')).toContainText('Đã xác nhận tệp ghi "UBND PHƯỜNG VĂN MIẾU - QUỐC TỬ GIÁM"');

  // The board: one on time, the hundred others not yet, with their contact in the chase list.
  const stats = page.getByRole('group', { name: 'Tình trạng' });
  // Exact figures (a substring '1' would pass for 10 or 100).
  await expect(stats.getByRole('button', { name: /Phải báo cáo/ }).locator('.stat-value')).toHaveText('101');
  await expect(stats.getByRole('button', { name: /Đúng hạn/ }).locator('.stat-value')).toHaveText('1');
  await expect(stats.getByRole('button', { name: /Nộp muộn/ }).locator('.stat-value')).toHaveText('0');
  await expect(stats.getByRole('button', { name: /Chưa nộp/ }).locator('.stat-value')).toHaveText('100');
  const boardTable = page.getByRole('table', { name: 'Tổng hợp báo cáo của các đơn vị' });
  await expect(boardTable.getByRole('row').filter({ hasText: 'Quốc Tử Giám (mới)' })).toContainText('Đúng hạn');
  await page.getByLabel('Loại đơn vị').selectOption('school');
  await expect(boardTable.getByRole('row').filter({ hasText: 'Quốc Tử Giám (mới)' })).toHaveCount(0);
  await expect(boardTable.getByRole('row').first()).toBeVisible();
  await page.getByLabel('Loại đơn vị').selectOption('');
  // Issue 21: the unit's connections over site-to-site VPN and its security-feature checks, per unit, with the total.
  const notices = page.getByRole('table', { name: 'Kết nối dữ liệu qua VPN site-to-site và kiểm tra tính năng bảo mật theo đơn vị' });
  const expected = await noticeCells(join(dir, 'vanmieu.sqlite'), '2024-01-20');
  await expect(notices.getByRole('row').filter({ hasText: 'Quốc Tử Giám (mới)' }).getByRole('cell')).toHaveText([/VMQTG/, ...expected]);
  await expect(notices.getByRole('row').filter({ hasText: 'Tổng cộng' }).getByRole('cell')).toHaveText(['Tổng cộng', ...expected.slice(0, 7), '', '']);
  if (shots) await page.getByTestId('board-notices').screenshot({ path: join(shots, 'district-notices.png') });
  if (shots) {
    // The screen scrolls inside its own pane: a tall window shows the whole board.
    await page.setViewportSize({ width: 1366, height: 2600 });
    await page.screenshot({ path: join(shots, 'district-board.png') });
    await page.setViewportSize({ width: 1366, height: 768 });
  }
  await stats.getByRole('button', { name: /Đúng hạn/ }).click();
  await expect(boardTable.getByRole('row')).toHaveCount(2);

  // Another file of the same unit signed with another key is refused; only the explicit key change lets it in.
  await page.getByLabel('Chọn tệp…').setInputFiles([other.file]);
  await row('vanmieu-maykhac.xlsx').getByRole('button', { name: /Xác nhận đây là/ }).click();
  await page.getByRole('dialog', { name: 'Xác nhận đơn vị gửi tệp' }).getByRole('button', { name: /Xác nhận đây là/ }).click();
  await expect(row('vanmieu-maykhac.xlsx')).toContainText(`khác khóa đã xác nhận của UBND phường Văn Miếu - Quốc Tử Giám (mới) (${first.fingerprint})`);
  await row('vanmieu-maykhac.xlsx').getByRole('button', { name: 'Đổi khóa…' }).click();
  const change = page.getByRole('dialog', { name: 'Đổi khóa ký của đơn vị' });
  await expect(change.getByLabel('Khóa đang dùng')).toHaveText(first.fingerprint);
  await expect(change.getByLabel('Khóa mới trong tệp')).toHaveText(other.fingerprint);
  await change.getByLabel('Nhập mã mới in trên báo cáo giấy').fill(first.fingerprint);
  await change.getByLabel('Lý do đổi khóa').fill('Phường thay máy tính, mất tệp khóa');
  await change.getByRole('button', { name: 'Đổi khóa' }).click();
  await expect(change.getByRole('alert')).toContainText('khác mã đã nhập');
  await change.getByLabel('Nhập mã mới in trên báo cáo giấy').fill(other.fingerprint);
  if (shots) await page.screenshot({ path: join(shots, 'district-change-key.png') });
  await change.getByRole('button', { name: 'Đổi khóa' }).click();
  await expect(row('vanmieu-maykhac.xlsx')).toContainText('Đã nhận tệp của UBND phường Văn Miếu - Quốc Tử Giám (mới)');

  // The consolidated workbook and the office's own report.
  await page.getByRole('button', { name: 'Xuất bảng tổng hợp (Excel)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'SHA-256' })).toContainText(/ATTK_TongHop_SNV_.*\.xlsx/);
  await page.getByRole('link', { name: 'In báo cáo tổng hợp (để ký)' }).click();
  const paper = page.getByRole('article', { name: 'BÁO CÁO' });
  await expect(paper).toContainText('Kính gửi: UBND thành phố Hà Nội');
  await page.emulateMedia({ media: 'print' });
  const pdf = join(dir, 'tonghop.pdf');
  writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
  for (const s of ['UBND THÀNH PHỐ HÀ NỘI', 'SỞ NỘI VỤ THÀNH PHỐ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'II. TÌNH HÌNH NỘP BÁO CÁO', 'đã nộp 1 đơn vị', 'Nơi nhận:', 'Phụ lục', 'KẾT QUẢ CỦA TỪNG ĐƠN VỊ']) {
    expect(text, s).toContain(s);
  }
  if (shots) execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '3', pdf, join(shots, 'district-report')]);
});

test('a unit imports the office\'s campaign file: sees the office and its fingerprint, picks its unit, gets the campaign', async ({ page }) => {
  test.setTimeout(90_000);
  const dir = mkdtempSync(join(tmpdir(), 'attk-campaignfile-e2e-'));
  dirs.push(dir);
  const officeDb = join(dir, 'office.sqlite');
  expect((await attk(['demo', '--db', officeDb, '--size', 'district', '--today', '2024-01-20', '--json'])).code).toBe(0);
  const file = join(dir, 'dot2.attk-campaign');
  const exported = await attk(['campaign', 'export', '--campaign', '2', '--out', file, '--db', officeDb, '--today', '2024-01-20', '--json']);
  expect(exported.code, exported.stderr).toBe(0);
  const { fingerprint } = JSON.parse(exported.stdout) as { fingerprint: string };

  app = await serve({ demo: 'unit', today: '2024-01-20' });
  await page.goto(app.url);
  await openScreen(page, 'Đợt rà soát');
  await page.getByRole('button', { name: 'Nhập tệp đợt rà soát' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nhập tệp đợt rà soát từ cơ quan cấp trên' });
  await dialog.getByLabel('Chọn tệp .attk-campaign').setInputFiles(file);
  await expect(dialog).toContainText('Cơ quan gửi: SỞ NỘI VỤ THÀNH PHỐ HÀ NỘI');
  await expect(dialog).toContainText(fingerprint);
  await expect(dialog).toContainText('Mã đơn vị hiện tại (VMQTG) không có trong danh sách');
  await dialog.getByLabel('Đơn vị của bạn trong danh sách').selectOption({ label: 'UBND phường Văn Miếu - Quốc Tử Giám (DD-PVMQTG)' });
  await expect(dialog).toContainText('Mã đơn vị sẽ đổi từ VMQTG thành DD-PVMQTG');
  // Never silently: the import waits for the clerk to confirm which unit this is.
  await expect(dialog.getByRole('button', { name: 'Nhập đợt rà soát' })).toBeDisabled();
  await dialog.getByLabel('Tôi xác nhận đơn vị của tôi là "UBND phường Văn Miếu - Quốc Tử Giám": đổi mã đơn vị từ VMQTG thành DD-PVMQTG.').check();
  if (shots) await page.screenshot({ path: join(shots, 'campaign-file-import.png') });
  await dialog.getByRole('button', { name: 'Nhập đợt rà soát' }).click();
  await expect(page).toHaveURL(/#\/campaigns\/\d+$/);
  await openScreen(page, 'Đợt rà soát');
  await expect(page.locator('.campaign-row')).toHaveCount(3);
});
