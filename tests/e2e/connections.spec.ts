import { expect, test } from '@playwright/test';
import { openScreen, serve, type Served } from './serve';

// Rules 7 and 8 end to end on the unit demo (today 20/01/2024): a clerk records a data connection
// to the complaints database and fixes one that is not over site-to-site VPN; the dashboard and the
// figures follow. Then a security-feature check of the Party handbook (overdue in the demo) finds a
// feature unused: the system is flagged on the screen and on the dashboard.

let app: Served;
test.afterEach(async () => {
  await app?.stop();
});

test('record a data connection over site-to-site VPN and fix one that is not; the figures and the dashboard follow', async ({ page }) => {
  test.setTimeout(90_000);
  app = await serve({ demo: 'unit', today: '2024-01-20' });
  await page.goto(app.url);
  const dashConnections = page.getByRole('list', { name: 'Kết nối dữ liệu chưa đạt' });
  await expect(dashConnections.getByRole('listitem')).toHaveCount(3);
  await expect(dashConnections).toContainText('CSDL tiếp công dân của đơn vị');

  await openScreen(page, 'Kết nối dữ liệu');
  await expect(page.getByRole('heading', { name: 'Kết nối, chia sẻ dữ liệu' })).toBeVisible();
  const figures = page.getByRole('table', { name: 'KẾT NỐI, CHIA SẺ DỮ LIỆU', exact: true });
  const kntc = figures.locator('tr[data-system="KNTC"]');
  // Connections, over site-to-site VPN, not compliant, not checked in the period.
  await expect(kntc.getByRole('cell')).toHaveText(['CSDL quốc gia về khiếu nại, tố cáo', 'Có', '5', '3', '3', '2']);

  await page.getByRole('button', { name: '+ Thêm kết nối' }).click();
  let form = page.getByRole('dialog', { name: 'Thêm kết nối' });
  await expect(form.getByLabel('Hệ thống')).toHaveValue(/\d+/);
  await expect(form.getByLabel('Hệ thống').locator('option:checked')).toHaveText(/CSDL quốc gia về khiếu nại, tố cáo/);
  await form.getByLabel('CSDL / phần mềm của đơn vị').fill('Phần mềm quản lý hồ sơ thanh tra');
  await form.getByLabel('Chiều dữ liệu').selectOption({ label: 'Đơn vị → hệ thống' });
  await form.getByLabel('Cổng VPN / nhà cung cấp').fill('Fortigate 40F — Viettel');
  // Who checked it but not when: refused, with the field named.
  await form.getByLabel('Người kiểm tra kết nối').fill('Trần Văn Kiểm');
  await form.getByRole('button', { name: 'Lưu' }).click();
  // The form's banner names the field (issue 18's one form machinery).
  await expect(form.getByRole('alert')).toHaveText('Chưa lưu — Ngày kiểm tra: Cần ghi cả người kiểm tra và ngày kiểm tra.');
  await form.getByLabel('Ngày kiểm tra').fill('15/01/2024');
  await form.getByRole('button', { name: 'Lưu' }).click();
  await expect(form).toBeHidden();
  const table = page.getByRole('table', { name: 'Kết nối, chia sẻ dữ liệu', exact: true });
  const added = table.getByRole('row').filter({ hasText: 'Phần mềm quản lý hồ sơ thanh tra' });
  await expect(added).toContainText('15/01/2024 — Trần Văn Kiểm');
  await expect(added).toContainText('15/01/2025');
  await expect(added.locator('[data-state]')).toHaveText('Đạt');
  await expect(kntc.getByRole('cell')).toHaveText(['CSDL quốc gia về khiếu nại, tố cáo', 'Có', '6', '4', '3', '2']);

  // The citizen-reception database moves to the site-to-site VPN, checked today.
  await page.getByRole('button', { name: 'Sửa CSDL tiếp công dân của đơn vị' }).click();
  form = page.getByRole('dialog', { name: 'Sửa kết nối: CSDL tiếp công dân của đơn vị' });
  await form.getByLabel('Giao thức kết nối').selectOption({ label: 'VPN site-to-site' });
  await form.getByLabel('Cổng VPN / nhà cung cấp').fill('Fortigate 60F — VNPT Hà Nội');
  await form.getByLabel('Ngày kiểm tra').fill('20/01/2024');
  await form.getByRole('button', { name: 'Lưu' }).click();
  await expect(form).toBeHidden();
  await expect(table.getByRole('row').filter({ hasText: 'CSDL tiếp công dân của đơn vị' }).locator('[data-state]')).toHaveText('Đạt');
  await expect(kntc.getByRole('cell')).toHaveText(['CSDL quốc gia về khiếu nại, tố cáo', 'Có', '6', '5', '2', '2']);

  await page.getByRole('button', { name: /^Chưa đạt: / }).click();
  await expect(table.getByRole('row')).toHaveCount(3);

  await openScreen(page, 'Tổng quan');
  await expect(dashConnections.getByRole('listitem')).toHaveCount(2);
  await expect(dashConnections).not.toContainText('CSDL tiếp công dân của đơn vị');
});

test('a security-feature check finds a feature unused: the system is flagged until the next check', async ({ page }) => {
  test.setTimeout(90_000);
  app = await serve({ demo: 'unit', today: '2024-01-20' });
  await page.goto(app.url);
  const dash = page.getByRole('list', { name: 'Kiểm tra tính năng bảo mật' });
  await expect(dash.getByRole('listitem').filter({ hasText: 'Sổ tay đảng viên điện tử' })).toContainText('Quá hạn kiểm tra');

  await openScreen(page, 'Tính năng bảo mật');
  const stdv = page.getByRole('region', { name: 'Sổ tay đảng viên điện tử' });
  await expect(stdv.locator('.sec-head [data-state]')).toHaveText('Quá hạn kiểm tra');
  await stdv.getByRole('button', { name: 'Ghi nhận kiểm tra' }).click();
  const form = page.getByRole('dialog', { name: 'Kiểm tra tính năng bảo mật: Sổ tay đảng viên điện tử' });
  await expect(form.getByLabel('Ngày kiểm tra')).toHaveValue('20/01/2024');
  await form.getByLabel('Người kiểm tra').fill('Lê Thị Kiểm');
  await form
    .getByRole('radiogroup', { name: /Khóa màn hình thiết bị/ })
    .getByRole('radio', { name: 'Chưa sử dụng' })
    .check();
  await form.getByRole('button', { name: 'Lưu' }).click();
  await expect(form).toBeHidden();
  await expect(stdv.locator('.sec-head [data-state]')).toHaveText('Có tính năng chưa dùng');
  await expect(stdv).toContainText('Chưa sử dụng: Khóa màn hình thiết bị bằng mã PIN hoặc sinh trắc học');
  await expect(stdv).toContainText('Hạn kiểm tra tiếp: 20/04/2024');
  await expect(stdv.getByRole('list', { name: 'Lịch sử kiểm tra: Sổ tay đảng viên điện tử' }).getByRole('listitem').first()).toContainText('20/01/2024 · Lê Thị Kiểm · Toàn hệ thống · 3 đang dùng · 1 chưa dùng');

  await openScreen(page, 'Tổng quan');
  await expect(dash.getByRole('listitem').filter({ hasText: 'Sổ tay đảng viên điện tử' })).toContainText('Có tính năng chưa dùng');
  await expect(dash.getByRole('listitem').filter({ hasText: 'Sổ tay đảng viên điện tử' })).toContainText('hạn 20/04/2024');
});

test('the signed report states both: the connection fixed on screen and the security check recorded', async ({ page }) => {
  test.setTimeout(90_000);
  app = await serve({ demo: 'unit', today: '2024-01-20' });
  await page.goto(app.url);
  await page.getByRole('link', { name: 'Báo cáo' }).click();
  await page.getByRole('link', { name: 'In báo cáo (để ký)' }).click();
  const paper = page.getByRole('article', { name: 'BÁO CÁO' });
  await expect(paper).toContainText('III. KIỂM TRA THIẾT BỊ, KẾT NỐI DỮ LIỆU VÀ TÍNH NĂNG BẢO MẬT');
  await expect(paper).toContainText('2. Kết nối, chia sẻ dữ liệu');
  await expect(paper).toContainText('Đơn vị có 5 kết nối, chia sẻ dữ liệu đang hoạt động với các hệ thống bắt buộc kết nối qua giao thức VPN Site to Site; 3 kết nối qua VPN site-to-site; 3 kết nối chưa đạt yêu cầu');
  await expect(paper).toContainText('Nghị định số 55/2022/NĐ-CP');
  await expect(paper).toContainText('- CSDL tiếp công dân của đơn vị ↔ CSDL quốc gia về khiếu nại, tố cáo: VPN khác (client-to-site…), kiểm tra ngày 16/12/2023 — Không qua VPN site-to-site;');
  await expect(paper).toContainText('3. Kiểm tra việc sử dụng các tính năng bảo mật');
  await expect(paper.getByRole('table', { name: 'KIỂM TRA TÍNH NĂNG BẢO MẬT' }).getByRole('row').filter({ hasText: 'Sổ tay đảng viên điện tử' })).toContainText('Quá hạn kiểm tra');

  // Fix the link and record the handbook's check; the paper follows. (The print view has no sidebar.)
  await page.goBack();
  await openScreen(page, 'Kết nối dữ liệu');
  await page.getByRole('button', { name: 'Sửa CSDL tiếp công dân của đơn vị' }).click();
  const form = page.getByRole('dialog', { name: 'Sửa kết nối: CSDL tiếp công dân của đơn vị' });
  await form.getByLabel('Giao thức kết nối').selectOption({ label: 'VPN site-to-site' });
  await form.getByRole('button', { name: 'Lưu' }).click();
  await expect(form).toBeHidden();
  await openScreen(page, 'Tính năng bảo mật');
  const stdv = page.getByRole('region', { name: 'Sổ tay đảng viên điện tử' });
  await stdv.getByRole('button', { name: 'Ghi nhận kiểm tra' }).click();
  const check = page.getByRole('dialog', { name: 'Kiểm tra tính năng bảo mật: Sổ tay đảng viên điện tử' });
  await check.getByLabel('Người kiểm tra').fill('Lê Thị Kiểm');
  await check.getByRole('button', { name: 'Lưu' }).click();
  await expect(check).toBeHidden();

  await page.getByRole('link', { name: 'Báo cáo' }).click();
  await page.getByRole('link', { name: 'In báo cáo (để ký)' }).click();
  await expect(paper).toContainText('4 kết nối qua VPN site-to-site; 2 kết nối chưa đạt yêu cầu');
  await expect(paper).not.toContainText('- CSDL tiếp công dân của đơn vị ↔');
  await expect(paper.getByRole('table', { name: 'KIỂM TRA TÍNH NĂNG BẢO MẬT' }).getByRole('row').filter({ hasText: 'Sổ tay đảng viên điện tử' })).toContainText('20/01/2024');
});
