import { expect, test } from '@playwright/test';
import { openScreen, serve, type Served } from './serve';

let app: Served;
test.afterEach(async () => {
  await app?.stop();
});

test('first run: the wizard sets up the unit, then a person and an account are added', async ({ page }) => {
  app = await serve();
  await page.goto(app.url);

  // The wizard: step 1 refuses an empty name, inline, in Vietnamese.
  const wizard = page.getByRole('form', { name: 'Thiết lập ban đầu' });
  await expect(wizard).toBeVisible();
  await wizard.getByRole('button', { name: 'Tiếp tục' }).click();
  // Every error at once (issue 18): the banner names both fields by label, each field says why,
  // and the first one has the focus.
  await expect(wizard.getByRole('alert')).toHaveText('Chưa lưu: cần sửa 2 ô — "Tên", "Mã đơn vị".');
  await expect(wizard.getByLabel(/^Tên/)).toHaveAccessibleDescription('Chưa nhập.');
  await expect(wizard.getByLabel('Mã đơn vị')).toHaveAccessibleDescription('Chưa nhập.');
  await expect(wizard.getByLabel(/^Tên/)).toBeFocused();
  await wizard.getByLabel('Cơ quan chủ quản').fill('UBND THÀNH PHỐ HÀ NỘI');
  await wizard.getByLabel(/^Tên/).fill('UBND PHƯỜNG VĂN MIẾU');
  await wizard.getByLabel('Mã đơn vị').fill('VM');
  await wizard.getByLabel('Địa danh').press('Enter');
  await wizard.getByLabel('Họ tên thủ trưởng').fill('Nguyễn Văn Hùng');
  await wizard.getByLabel('Chức vụ thủ trưởng').fill('CHỦ TỊCH');
  await wizard.getByRole('button', { name: 'Hoàn tất' }).click();

  // The app opens on the dashboard; go to Cán bộ, still empty.
  await expect(page.getByRole('heading', { name: 'Tổng quan' })).toBeVisible();
  await openScreen(page, 'Cán bộ');
  await expect(page.getByRole('heading', { name: 'Cán bộ, công chức, viên chức' })).toBeVisible();
  await expect(page.getByText('UBND PHƯỜNG VĂN MIẾU')).toBeVisible();
  await expect(page.getByText('Chưa có cán bộ nào')).toBeVisible();

  // Add a person with the keyboard: Insert opens the form, Enter saves.
  await page.keyboard.press('Insert');
  const form = page.getByRole('dialog', { name: 'Thêm cán bộ' });
  await form.getByLabel('Họ và tên').fill('Nguyễn Văn An');
  await form.getByLabel('Chức vụ').fill('Chuyên viên');
  await form.getByLabel('Bộ phận').fill('Văn phòng HĐND-UBND');
  await form.getByLabel('Họ và tên').press('Enter');
  await expect(form).toBeHidden();
  const table = page.getByRole('table', { name: 'Cán bộ, công chức, viên chức' });
  await expect(table.getByRole('row').filter({ hasText: 'Nguyễn Văn An' })).toBeVisible();

  // A blank name is refused inline and nothing is added.
  await page.getByRole('button', { name: '+ Thêm cán bộ' }).click();
  await page.getByRole('dialog', { name: 'Thêm cán bộ' }).getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('dialog', { name: 'Thêm cán bộ' }).getByRole('alert')).toHaveText('Chưa lưu — Họ và tên: Chưa nhập.');
  await expect(page.getByRole('dialog', { name: 'Thêm cán bộ' }).getByLabel('Họ và tên')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByText('1 dòng')).toBeVisible();

  // Add an account for that person from their accounts list.
  await table.getByRole('link', { name: 'Tài khoản của Nguyễn Văn An' }).click();
  await expect(page.getByRole('heading', { name: 'Tài khoản của Nguyễn Văn An' })).toBeVisible();
  await page.getByRole('button', { name: '+ Thêm tài khoản' }).click();
  const accountForm = page.getByRole('dialog', { name: 'Thêm tài khoản' });
  await expect(accountForm.getByLabel('Chủ tài khoản')).toHaveValue('Nguyễn Văn An');
  await expect(accountForm.getByText(/không bao giờ lưu mật khẩu/)).toBeVisible();
  await expect(accountForm.locator('input[type="password"]')).toHaveCount(0);
  await accountForm.getByLabel('Tên đăng nhập').fill('annv.vm');
  await accountForm.getByLabel('Loại tài khoản').selectOption({ label: 'Quản trị' });
  await accountForm.getByRole('button', { name: 'Lưu' }).click();
  await expect(accountForm).toBeHidden();
  const accounts = page.getByRole('table', { name: 'Tài khoản phần mềm' });
  await expect(accounts.getByRole('row').filter({ hasText: 'annv.vm' })).toContainText('Quản trị');

  // The same login on the same system is refused, under its field.
  await page.getByRole('button', { name: '+ Thêm tài khoản' }).click();
  await accountForm.getByLabel('Tên đăng nhập').fill('ANNV.VM');
  await accountForm.getByRole('button', { name: 'Lưu' }).click();
  await expect(accountForm.getByRole('alert')).toContainText('đã có trên hệ thống');
});

test('search ignores diacritics and answers while typing, on 10,000 people', async ({ page }) => {
  test.setTimeout(120_000);
  app = await serve({ demo: 'district' });
  await page.goto(app.url);
  await openScreen(page, 'Cán bộ');
  const table = page.getByRole('table', { name: 'Cán bộ, công chức, viên chức' });
  await expect(table).toHaveAttribute('aria-rowcount', /^(9|10|11)\d{3}$/);
  // Virtualised: only a window of rows is in the DOM.
  expect(await table.getByRole('row').count()).toBeLessThan(120);

  const search = page.getByRole('searchbox', { name: 'Tìm kiếm' });
  await search.pressSequentially('nguyen van an', { delay: 30 });
  await expect(table.getByRole('row').filter({ hasText: 'Nguyễn Văn An' }).first()).toBeVisible();
  // The row can show while an earlier prefix ("nguyen van a") is still the latest answer on a
  // busy machine: wait for the count of the whole query instead of reading it once.
  await expect
    .poll(async () => Number(await table.getAttribute('aria-rowcount')))
    .toBeLessThan(3000);
  expect(Number(await table.getAttribute('aria-rowcount'))).toBeGreaterThan(0);

  await search.fill('dong da');
  await expect(table.getByRole('row').nth(1)).toContainText(/Đống Đa/);

  // Scroll deep into the full list: rows load on demand, the DOM stays small.
  await search.fill('');
  await expect(table).toHaveAttribute('aria-rowcount', /^(9|10|11)\d{3}$/);
  await page.locator('.vtable-body').evaluate((el) => el.scrollTo(0, el.scrollHeight / 2));
  await expect(table.locator('.vtable-row[aria-rowindex]').filter({ hasNot: page.locator('.placeholder') }).first()).toBeVisible();
  expect(await table.getByRole('row').count()).toBeLessThan(120);
});
