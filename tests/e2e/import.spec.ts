import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { attk, openScreen, serve, type Served } from './serve';

let app: Served | undefined;
test.afterEach(async () => {
  await app?.stop();
  app = undefined;
});

/** A staff list as units really keep them: title rows, STT, a column the wizard guesses wrong, an old .VnTime row, a total row. */
async function staffFile(departmentHeader = 'Đơn vị công tác'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DS cán bộ');
  ws.addRow(['UBND PHƯỜNG VĂN MIẾU']);
  ws.addRow(['DANH SÁCH CÁN BỘ, CÔNG CHỨC NĂM 2024']);
  ws.addRow([]);
  ws.addRow(['STT', 'Họ và tên', 'Chức danh', departmentHeader, 'Đảng viên', 'Ghi chú']);
  ws.addRow([1, 'Hoàng Thị Nhập Một', 'Chuyên viên', 'Văn phòng HĐND-UBND', 'x', '']);
  ws.addRow([2, 'Vương Văn Nhập Hai', 'Công chức Tư pháp', 'Tư pháp - Hộ tịch', '', 'Mới tuyển']);
  ws.addRow([3, '', 'Kế toán', 'Tài chính - Kế hoạch', '', '']);
  const legacy = ws.addRow([4, 'Khæng ThÞ Nhập Ba', 'Chuyªn viªn', 'V¨n phßng H§ND-UBND', '', '']);
  legacy.eachCell((c) => (c.font = { name: '.VnTime' }));
  legacy.getCell(2).value = 'Khæng ThÞ NhËp Ba';
  ws.addRow(['Tổng cộng', '', '3 người']);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

test('import staff from Excel: upload, correct one column, see per-row problems, commit, see the people', async ({ page }) => {
  app = await serve({ demo: 'unit' });
  await page.goto(app!.url);
  await openScreen(page, 'Cán bộ');
  await expect(page.getByRole('heading', { name: 'Cán bộ, công chức, viên chức' })).toBeVisible();
  await page.getByRole('button', { name: 'Nhập từ Excel' }).click();
  const wizard = page.getByRole('dialog', { name: 'Nhập danh sách cán bộ từ Excel' });
  await expect(wizard).toBeVisible();

  // "Tải mẫu" gives the template workbook.
  const download = page.waitForEvent('download');
  await wizard.getByRole('button', { name: 'Tải mẫu' }).click();
  expect((await download).suggestedFilename()).toBe('Mau_nhap_can_bo.xlsx');

  await page.screenshot({ path: 'test-results/import-wizard-pick.png' });
  await wizard.getByLabel('Chọn tệp Excel (.xlsx)…').setInputFiles({
    name: 'danh-sach-can-bo.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await staffFile(),
  });

  // The header was found on row 4; "Đơn vị công tác" was taken for the unit, so rows are refused.
  await expect(wizard.getByRole('spinbutton', { name: 'Dòng tiêu đề' })).toHaveValue('4');
  const unitColumn = wizard.getByLabel('Cột D (Đơn vị công tác)');
  await expect(unitColumn).toHaveValue('unit');
  await expect(wizard.getByText(/Không có đơn vị "Văn phòng HĐND-UBND"/).first()).toBeVisible();
  await expect(wizard.getByRole('status').filter({ hasText: 'TCVN3' })).toContainText('Đã chuyển');

  // The user corrects that one column: it holds departments.
  await unitColumn.selectOption({ label: 'Bộ phận' });
  await expect(wizard.getByRole('status').filter({ hasText: 'dòng dữ liệu' })).toHaveText('4 dòng dữ liệu: 3 thêm mới, 0 cập nhật, 0 bỏ qua, 1 lỗi, 0 cảnh báo.');
  const table = wizard.getByRole('table', { name: 'Kiểm tra' });
  await expect(table.getByRole('row').filter({ hasText: 'Thiếu họ và tên.' })).toContainText('[B]');
  await expect(table.getByRole('row').filter({ hasText: 'Khổng Thị Nhập Ba' })).toContainText('Văn phòng HĐND-UBND');
  await expect(wizard.getByText('Dòng 9 là dòng tổng cộng: không nhập.')).toBeVisible();
  await page.screenshot({ path: 'test-results/import-wizard.png' });
  await table.getByRole('row').filter({ hasText: 'Thiếu họ và tên.' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/import-wizard-preview.png' });

  await wizard.getByRole('button', { name: 'Nhập 3 dòng' }).click();
  await expect(wizard.getByText('Đã nhập: 3 thêm mới, 0 cập nhật, 0 bỏ qua, 1 dòng lỗi không nhập.')).toBeVisible();
  await page.screenshot({ path: 'test-results/import-wizard-done.png' });
  await wizard.getByRole('button', { name: 'Đóng' }).last().click();
  await expect(wizard).toBeHidden();

  await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('nhap');
  const people = page.getByRole('table', { name: 'Cán bộ, công chức, viên chức' });
  await expect(people.getByRole('row').filter({ hasText: 'Hoàng Thị Nhập Một' })).toContainText('Văn phòng HĐND-UBND');
  await expect(people.getByRole('row').filter({ hasText: 'Vương Văn Nhập Hai' })).toContainText('Tư pháp - Hộ tịch');
  await expect(people.getByRole('row').filter({ hasText: 'Khổng Thị Nhập Ba' })).toBeVisible();
});

test('a bad file is refused with a message naming it, and nothing changes', async ({ page }) => {
  app = await serve({ demo: 'unit' });
  await page.goto(app!.url);
  await openScreen(page, 'Cán bộ');
  await page.getByRole('button', { name: 'Nhập từ Excel' }).click();
  const wizard = page.getByRole('dialog', { name: 'Nhập danh sách cán bộ từ Excel' });
  const ole2 = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]);
  await wizard.getByLabel('Chọn tệp Excel (.xlsx)…').setInputFiles({ name: 'bang-cu.xls', mimeType: 'application/vnd.ms-excel', buffer: ole2 });
  await expect(wizard.getByRole('alert')).toContainText('Tệp "bang-cu.xls" là định dạng Excel cũ (.xls, Excel 97–2003)');
  await page.screenshot({ path: 'test-results/import-wizard-bad-file.png' });
});

test('the accounts screen offers account lists and confirmations, and a template per kind', async ({ page }) => {
  app = await serve({ demo: 'unit' });
  await page.goto(app!.url);
  await openScreen(page, 'Tài khoản');
  await page.getByRole('button', { name: 'Nhập từ Excel' }).click();
  const wizard = page.getByRole('dialog', { name: 'Nhập danh sách tài khoản từ Excel' });
  await expect(wizard.getByLabel('Loại dữ liệu')).toHaveValue('accounts');
  await wizard.getByLabel('Loại dữ liệu').selectOption({ label: 'Xác nhận đổi mật khẩu' });
  await expect(page.getByRole('dialog', { name: 'Nhập xác nhận đổi mật khẩu từ Excel' })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Tải mẫu' }).click();
  expect((await download).suggestedFilename()).toBe('Mau_nhap_xac_nhan_doi_mat_khau.xlsx');
});

test('the built CLI imports through the worker thread and prints JSON', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'attk-e2e-import-'));
  try {
    const db = join(dir, 'db.sqlite');
    expect((await attk(['demo', '--db', db, '--size', 'unit', '--json'])).code).toBe(0);
    const file = join(dir, 'ds.xlsx');
    writeFileSync(file, await staffFile('Phòng ban'));
    const r = await attk(['import', 'staff', file, '--db', db, '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, headerRow: 4, mapping: { fullName: 'B', position: 'C', department: 'D' }, created: 3, errors: 1 });
    expect(r.code).toBe(1); // some rows were refused (the valid ones are imported)
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
