import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { attk, openScreen, serve, type Served } from './serve';

// Sao lưu / Khôi phục, the app lock and Nhật ký, in the real UI against `attk serve`.
let app: Served | null = null;
test.afterEach(async () => {
  await app?.stop();
  app = null;
});

const shots = process.env.ATTK_SCREENSHOTS;

test('backup now, then restore it: the change made after the backup is gone', async ({ page }) => {
  app = await serve({ demo: 'unit' });
  await page.goto(app.url);
  await openScreen(page, 'Sao lưu');
  await expect(page.getByRole('heading', { name: 'Sao lưu / Khôi phục' })).toBeVisible();
  await page.getByRole('button', { name: 'Sao lưu ngay' }).click();
  await expect(page.getByText(/^Đã sao lưu: attk-\d{8}-\d{6}-manual\.sqlite$/)).toBeVisible();
  const table = page.getByRole('table', { name: 'Các bản sao lưu' });
  await expect(table.getByRole('row').filter({ hasText: 'Sao lưu thủ công' })).toHaveCount(1);
  await expect(page.getByText(`${app.dbFile.replace(/attk\.sqlite$/, '')}backups`)).toBeVisible();

  // A change after the backup.
  await openScreen(page, 'Cán bộ');
  await page.getByRole('button', { name: '+ Thêm cán bộ' }).click();
  const form = page.getByRole('dialog', { name: 'Thêm cán bộ' });
  await form.getByLabel('Họ và tên').fill('Người Thêm Sau Sao Lưu');
  await form.getByRole('button', { name: 'Lưu' }).click();
  await expect(form).toBeHidden();
  await page.getByPlaceholder(/Tìm/).first().fill('nguoi them sau');
  await expect(page.getByRole('table', { name: 'Cán bộ, công chức, viên chức' }).getByText('Người Thêm Sau Sao Lưu')).toBeVisible();

  // Restore: a confirmation first, then the interface starts again on the restored data.
  await openScreen(page, 'Sao lưu');
  await table.getByRole('button', { name: /^Khôi phục / }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Khôi phục dữ liệu' });
  await expect(dialog).toContainText('dữ liệu hiện tại được giữ lại thành bản sao lưu "Trước khi khôi phục"');
  if (shots) await page.screenshot({ path: `${shots}/backup-restore-dialog.png` });
  await dialog.getByRole('button', { name: 'Khôi phục' }).click();
  await expect(page.getByText(/^Đã khôi phục dữ liệu về bản sao lưu lúc/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Sao lưu / Khôi phục' })).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: 'Trước khi khôi phục' })).toHaveCount(1);
  if (shots) await page.screenshot({ path: `${shots}/backup-screen.png`, fullPage: true });
  await openScreen(page, 'Cán bộ');
  await page.getByPlaceholder(/Tìm/).first().fill('nguoi them sau');
  await expect(page.getByText('Không tìm thấy cán bộ phù hợp.')).toBeVisible();
});

test('the app lock: set in Cài đặt, lock now, the API refuses, wrong and right passphrase', async ({ page }) => {
  app = await serve({ demo: 'unit' });
  await page.goto(app.url);
  await openScreen(page, 'Cài đặt');
  const card = page.getByRole('region', { name: 'Khóa ứng dụng' });
  await expect(card).toContainText('không liên quan đến mật khẩu các tài khoản phần mềm được theo dõi');
  await card.getByLabel('Mật khẩu mở khóa mới').fill('ngắn');
  await card.getByLabel('Nhập lại mật khẩu mở khóa').fill('ngắn');
  await card.getByRole('button', { name: 'Bật khóa ứng dụng' }).click();
  await expect(card.getByRole('alert')).toContainText('ít nhất 6 ký tự');
  await card.getByLabel('Mật khẩu mở khóa mới').fill('Văn Miếu 2024');
  await card.getByLabel('Nhập lại mật khẩu mở khóa').fill('Văn Miếu 2024');
  await card.getByRole('button', { name: 'Bật khóa ứng dụng' }).click();
  await expect(page.getByText('Đã bật khóa ứng dụng.', { exact: true })).toBeVisible();
  if (shots) await card.screenshot({ path: `${shots}/lock-card.png` });

  await card.getByRole('button', { name: 'Khóa ngay' }).click();
  const lock = page.getByRole('form', { name: 'ATTK đang khóa' });
  await expect(lock).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Điều hướng chính' })).toHaveCount(0);
  // Real, not cosmetic: the core refuses the data to anyone calling the API directly.
  const refused = await page.evaluate(async () => {
    const token = sessionStorage.getItem('attk.harnessToken');
    const r = await fetch('/api/people.list', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: '{}' });
    return r.json();
  });
  expect(refused).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'ATTK đang khóa. Hãy nhập mật khẩu mở khóa để tiếp tục.' } });

  await lock.getByLabel('Mật khẩu mở khóa').fill('sai mật khẩu');
  await lock.getByLabel('Mật khẩu mở khóa').press('Enter');
  await expect(lock.getByRole('alert')).toHaveText('Mật khẩu mở khóa không đúng.');
  if (shots) await page.screenshot({ path: `${shots}/lock-screen.png` });
  await lock.getByLabel('Mật khẩu mở khóa').fill('Văn Miếu 2024');
  await lock.getByRole('button', { name: 'Mở khóa' }).click();
  await expect(page.getByRole('navigation', { name: 'Điều hướng chính' })).toBeVisible();
  // Ctrl+L locks again; a reload keeps it locked (the lock is in the core, not the page).
  await page.keyboard.press('Control+l');
  await expect(lock).toBeVisible();
  await page.reload();
  await expect(page.getByRole('form', { name: 'ATTK đang khóa' })).toBeVisible();
});

test('Nhật ký: who did what when, filtered, and exported as CSV for Excel', async ({ page }) => {
  app = await serve({ demo: 'unit' });
  await page.goto(app.url);
  await openScreen(page, 'Cán bộ');
  await page.getByRole('button', { name: '+ Thêm cán bộ' }).click();
  const form = page.getByRole('dialog', { name: 'Thêm cán bộ' });
  await form.getByLabel('Họ và tên').fill('Đặng Thị Nhật Ký');
  await form.getByRole('button', { name: 'Lưu' }).click();
  await expect(form).toBeHidden();

  await openScreen(page, 'Nhật ký');
  await expect(page.getByRole('heading', { name: 'Nhật ký thay đổi' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Nhật ký thay đổi' });
  await expect(table.getByRole('row').filter({ hasText: 'Đặng Thị Nhật Ký' })).toContainText('Tạo mới');
  await page.getByLabel('Đối tượng').selectOption({ label: 'Cán bộ' });
  await page.getByLabel('Tìm kiếm').fill('dang thi nhat ky');
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(page.getByText('1 dòng')).toBeVisible();
  if (shots) await page.screenshot({ path: `${shots}/audit-screen.png` });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^ATTK_NhatKy_\d{8}_\d{6}\.csv$/);
  const bytes = readFileSync((await file.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').slice(1);
  expect(text.split('\r\n')[0]).toBe('"Thời điểm","Người thực hiện","Thao tác","Đối tượng","Mã đối tượng","Nội dung","Dữ liệu"');
  expect(text).toContain('"Tạo mới","Cán bộ"');
  expect(text).toContain('Đặng Thị Nhật Ký');
  expect(text.trim().split('\r\n')).toHaveLength(2);
});

test('attk serve and attk check on a damaged database: the message, the newest good backup, exit ≠ 0', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'attk-e2e-damaged-'));
  test.info().attach('folder', { body: dir });
  const db = join(dir, 'attk.sqlite');
  const made = await attk(['demo', '--db', db, '--size', 'unit', '--json']);
  expect(made.code).toBe(0);
  const backup = await attk(['backup', '--db', db, '--json']);
  expect(backup.code).toBe(0);
  const { path } = JSON.parse(backup.stdout) as { path: string };
  const bytes = readFileSync(db);
  bytes.write('garbage over the header', 0, 'latin1');
  writeFileSync(db, bytes);

  const served = await attk(['serve', '--db', db]);
  expect(served.code).not.toBe(0);
  expect(served.stderr).toContain('Không mở được cơ sở dữ liệu');
  expect(served.stderr).toContain(`Bản sao lưu còn tốt gần nhất: ${path}`);
  const checked = await attk(['check', '--db', db]);
  expect(checked.code).not.toBe(0);
  expect(checked.stderr).toContain(`attk restore --db "${db}" --from "${path}"`);
  expect(readFileSync(db).equals(bytes)).toBe(true);

  const restored = await attk(['restore', '--db', db, '--from', path]);
  expect(restored.code).toBe(0);
  expect((await attk(['check', '--db', db])).code).toBe(0);
  rmSync(dir, { recursive: true, force: true });
});
