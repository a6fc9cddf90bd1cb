import { expect, test, type Page } from '@playwright/test';
import { openScreen, serve, type Served } from './serve';

// Rule 5 end to end: a check finds credential-stealing malware on Nguyễn Văn An's computer → his
// accounts are flagged in Tài khoản and first on the dashboard → the remediation (cleaned + OS
// reinstalled) is recorded → the flag becomes "phải đổi mật khẩu sau khi xử lý mã độc" → the
// password changes are confirmed → the flags clear. Today is 20/01/2024 (attk serve --today).

let app: Served;
test.afterEach(async () => {
  await app?.stop();
});

const nav = openScreen;

/** An's accounts as listed in Tài khoản with the "Phải đổi MK sau xử lý mã độc" filter on: the text of their flag. */
async function expectAnFlags(page: Page, expected: string[]): Promise<void> {
  await nav(page, 'Tài khoản');
  await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('nguyen van an');
  const chip = page.getByRole('button', { name: 'Phải đổi MK sau xử lý mã độc' });
  if ((await chip.getAttribute('aria-pressed')) !== 'true') await chip.click();
  await expect(chip).toHaveAttribute('aria-pressed', 'true');
  const table = page.getByRole('table', { name: 'Tài khoản phần mềm' });
  // The row count sits under the table, outside its ARIA rows (issue 18, axe aria-required-children).
  await expect(page.locator('.vtable', { has: table }).locator('.vtable-foot')).toHaveText(`${expected.length} dòng`);
  await expect.poll(() => table.locator('[data-forced]').allInnerTexts()).toEqual(expected);
}

test('an infected check flags the owner\'s accounts; remediation and new passwords clear them', async ({ page }) => {
  test.setTimeout(120_000);
  app = await serve({ demo: 'unit', today: '2024-01-20' });
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Tổng quan' })).toBeVisible();
  await expectAnFlags(page, []);

  // Thiết bị: add An's computer (its systems default to those of his accounts).
  await nav(page, 'Thiết bị');
  await expect(page.getByRole('heading', { name: 'Thiết bị và kiểm tra an toàn' })).toBeVisible();
  await page.getByRole('button', { name: '+ Thêm thiết bị' }).click();
  const form = page.getByRole('dialog', { name: 'Thêm thiết bị' });
  await form.getByRole('combobox', { name: 'Người sử dụng' }).fill('nguyen van an');
  await form.getByRole('option', { name: /^Nguyễn Văn An\b/ }).click();
  await expect(form.getByRole('combobox', { name: 'Người sử dụng' })).toHaveValue('Nguyễn Văn An');
  // An's two accounts are on the evaluation software: that is the default, editable.
  await expect(form.getByRole('checkbox', { name: /Phần mềm đánh giá/ })).toBeChecked();
  await expect(form.getByRole('checkbox', { name: /CSDL quốc gia/ })).not.toBeChecked();
  await form.getByLabel('Mã tài sản').fill('E2E-MT-01');
  await form.getByLabel('Vị trí đặt máy').fill('Văn phòng, tầng 2');
  await form.getByRole('button', { name: 'Lưu' }).click();

  // The detail opens; record a check that finds credential-stealing malware.
  const detail = page.getByRole('dialog', { name: 'Thiết bị E2E-MT-01' });
  await expect(detail).toContainText('Nguyễn Văn An');
  await detail.getByRole('button', { name: 'Ghi nhận kiểm tra' }).click();
  let check = page.getByRole('dialog', { name: 'Ghi nhận kiểm tra: E2E-MT-01' });
  await expect(check.getByLabel('Ngày kiểm tra')).toHaveValue('20/01/2024');
  await expect(check.getByLabel('Ngày kiểm tra')).toBeFocused();
  await check.getByLabel('Người kiểm tra').fill('Trần Văn Kiểm');
  // Nothing starts ticked: the checker records what was seen (issue 18, no default pass).
  await expect(check.getByLabel('Có phần mềm diệt virus')).not.toBeChecked();
  await expect(check.getByText('Không đạt')).toBeVisible();
  await check.getByLabel('Có phần mềm diệt virus').check();
  await check.getByLabel('Tên phần mềm diệt virus').fill('BKAV Pro');
  await check.getByLabel('Có bản quyền').check();
  await check.getByLabel('Hạn bản quyền').fill('31/12/2024');
  await check.getByLabel('Phát hiện mã độc').check();
  await check.getByLabel('Mã độc đánh cắp tài khoản, mật khẩu').check();
  await check.getByLabel('Loại mã độc').fill('Trojan đánh cắp mật khẩu trình duyệt');
  await expect(check.getByText('Không đạt')).toBeVisible();
  await check.getByRole('button', { name: 'Lưu' }).click();
  await expect(check).toBeHidden();
  await expect(detail).toContainText('Máy nhiễm mã độc (phát hiện ngày 20/01/2024)');
  await expect(detail.getByRole('list', { name: 'Tài khoản phải đổi mật khẩu do mã độc' }).getByRole('listitem')).toHaveCount(2);
  await detail.getByRole('button', { name: 'Đóng' }).click();

  // Tài khoản: An's accounts (and only his) carry the flag "clean the device first".
  await expectAnFlags(page, ['Máy nhiễm mã độc, chờ xử lý', 'Máy nhiễm mã độc, chờ xử lý']);
  await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('');
  const all = page.getByRole('table', { name: 'Tài khoản phần mềm' });
  await expect(all.getByRole('row').filter({ hasText: 'Nguyễn Văn An' })).toHaveCount(2);

  // Tổng quan: they come first, before anything overdue; the device leads the device to-dos.
  await nav(page, 'Tổng quan');
  const todos = page.getByRole('list', { name: 'Việc cần làm' }).getByRole('listitem');
  await expect(todos.first()).toContainText('Thiết bị nhiễm mã độc: phải làm sạch, cài lại hệ điều hành trước');
  await expect(todos.filter({ hasText: 'Nguyễn Văn An' }).first()).toContainText('phát hiện 20/01/2024');
  const deviceTodos = page.getByRole('list', { name: 'Thiết bị cần xử lý' }).getByRole('listitem');
  await expect(deviceTodos.filter({ hasText: 'E2E-MT-01' })).toContainText('Nhiễm mã độc');

  // Record the remediation from the list, by keyboard: search, Enter opens the check form.
  await nav(page, 'Thiết bị');
  const search = page.getByRole('searchbox', { name: 'Tìm kiếm' });
  await search.fill('e2e-mt');
  const table = page.getByRole('table', { name: 'Thiết bị và kiểm tra an toàn' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('row').nth(1)).toContainText('Nhiễm mã độc');
  await search.press('Enter');
  check = page.getByRole('dialog', { name: 'Ghi nhận kiểm tra: E2E-MT-01' });
  await expect(check.getByLabel('Người kiểm tra')).toHaveValue('Trần Văn Kiểm');
  await check.getByLabel('Có phần mềm diệt virus').check();
  await check.getByLabel('Có bản quyền').check();
  await check.getByLabel('Mẫu nhận diện virus đã cập nhật').check();
  await check.getByLabel('Đã làm sạch mã độc').check();
  await check.getByLabel('Đã cài lại hệ điều hành').check();
  await expect(check.getByLabel('Ngày xử lý xong')).toHaveValue('20/01/2024');
  await expect(check.getByText('Đạt', { exact: true })).toBeVisible();
  await check.getByLabel('Ngày kiểm tra').press('Enter');
  await expect(check).toBeHidden();
  await expect(search).toBeFocused();

  // Now: "phải đổi mật khẩu sau khi xử lý mã độc", in Tài khoản and on the dashboard.
  await expectAnFlags(page, ['Phải đổi MK sau xử lý mã độc', 'Phải đổi MK sau xử lý mã độc']);
  await nav(page, 'Tổng quan');
  await expect(todos.filter({ hasText: 'Nguyễn Văn An' })).toHaveCount(2);
  await expect(todos.filter({ hasText: 'Nguyễn Văn An' }).first()).toContainText('Phải đổi mật khẩu sau khi xử lý mã độc');

  // Confirm the new passwords from the dashboard: the account detail explains the flag.
  for (let i = 0; i < 2; i++) {
    await todos.filter({ hasText: 'Nguyễn Văn An' }).first().getByRole('button', { name: 'Ghi nhận đổi mật khẩu' }).click();
    const account = page.getByRole('dialog', { name: /Chi tiết tài khoản/ });
    await expect(account.getByRole('note')).toContainText('Chỉ lần đổi mật khẩu từ ngày 20/01/2024 trở đi mới được tính.');
    await account.getByRole('button', { name: 'Ghi nhận đổi mật khẩu' }).click();
    const confirm = page.getByRole('dialog', { name: /Xác nhận đổi mật khẩu/ });
    await expect(confirm.getByLabel('Ngày đổi mật khẩu')).toHaveValue('20/01/2024');
    await page.keyboard.press('Enter');
    await expect(confirm).toBeHidden();
    await expect(account.getByRole('note')).toHaveCount(0);
    await account.getByRole('button', { name: 'Đóng' }).click();
    await expect(todos.filter({ hasText: 'Nguyễn Văn An' })).toHaveCount(1 - i);
  }

  // The flags are gone everywhere.
  await expectAnFlags(page, []);
  await nav(page, 'Thiết bị');
  await search.fill('e2e-mt');
  await expect(table.getByRole('row').nth(1)).toContainText('Đạt');
  await expect(table.getByRole('row').nth(1)).toContainText('Đã xử lý mã độc');
  await expect(table.getByRole('row').nth(1)).not.toContainText('phải đổi MK');
});
