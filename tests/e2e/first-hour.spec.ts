import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openScreen, serve, type Served } from './serve';

// Issue 18, "done when": the first hour of a new unit — setup → staff → systems → accounts →
// campaign → confirmations → device check → report — with no dead end, and axe-core (WCAG 2 A/AA
// + best practice) reporting no serious or critical violation on any screen or print view.
// axe is injected from the installed axe-core package (@axe-core/playwright needs Node 22);
// the page's CSP (script-src 'self') forbids an injected script, so this test bypasses it.

const AXE = join(dirname(createRequire(import.meta.url).resolve('axe-core')), 'axe.min.js');
const shots = process.env.ATTK_SHOTS;

let app: Served;
test.use({ bypassCSP: true });
test.afterEach(async () => {
  await app?.stop();
});

interface AxeResult {
  violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
}

/** Serious and critical axe violations on the page as it is now ("rule: selector" lines). */
async function axeProblems(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(
    () => (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<AxeResult> } }).axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] }),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

async function expectAccessible(page: Page, where: string): Promise<void> {
  expect(await axeProblems(page), where).toEqual([]);
}

test('the first hour of a new unit: setup, staff, systems, accounts, campaign, confirmations, device check, report', async ({ page }) => {
  test.setTimeout(240_000);
  app = await serve({ today: '2026-03-02' });
  await page.goto(app.url);

  // Setup: every missing field at once, then the unit's profile (a ward under the city, 2026).
  const wizard = page.getByRole('form', { name: 'Thiết lập ban đầu' });
  await wizard.getByRole('button', { name: 'Tiếp tục' }).click();
  await expect(wizard.getByRole('alert')).toContainText('cần sửa 2 ô');
  await expectAccessible(page, 'setup wizard with errors');
  await wizard.getByLabel('Cơ quan chủ quản').fill('UBND THÀNH PHỐ HÀ NỘI');
  await wizard.getByLabel(/^Tên/).fill('UBND PHƯỜNG VĂN MIẾU - QUỐC TỬ GIÁM');
  await wizard.getByLabel('Mã đơn vị').fill('VMQTG');
  await wizard.getByLabel('Địa danh').fill('Hà Nội');
  await wizard.getByLabel('Ký hiệu báo cáo').fill('/BC-UBND');
  await wizard.getByRole('button', { name: 'Tiếp tục' }).click();
  await wizard.getByLabel('Họ tên thủ trưởng').fill('Nguyễn Văn Hùng');
  await wizard.getByLabel('Chức vụ thủ trưởng').fill('CHỦ TỊCH');
  await wizard.getByLabel('Thư điện tử').fill('vanmieu hanoi');
  await wizard.getByRole('button', { name: 'Hoàn tất' }).click();
  await expect(wizard.getByRole('alert')).toContainText('Thư điện tử');
  await expect(wizard.getByLabel('Thư điện tử')).toBeFocused();
  await wizard.getByLabel('Thư điện tử').fill('vanmieu@hanoi.gov.vn');
  await wizard.getByRole('button', { name: 'Hoàn tất' }).click();

  // Tổng quan leads the way: four steps, staff first.
  await expect(page.getByRole('heading', { name: 'Tổng quan' })).toBeVisible();
  const firstRun = page.getByRole('region', { name: 'Bắt đầu sử dụng ATTK' });
  await expect(firstRun.getByRole('listitem')).toHaveCount(4);
  await expect(firstRun.locator('[aria-current="step"]')).toContainText('Nhập danh sách cán bộ');
  await expect(page.getByText('Không có việc tồn đọng')).toHaveCount(0);
  await expectAccessible(page, 'Tổng quan, new unit');
  if (shots) await page.screenshot({ path: join(shots, 'first-run.png') });

  // Staff, from the step's link.
  await firstRun.getByRole('link', { name: 'Mở Cán bộ' }).click();
  await expect(page.getByRole('heading', { name: 'Cán bộ, công chức, viên chức' })).toBeVisible();
  await expectAccessible(page, 'Cán bộ, empty');
  for (const [name, dept] of [['Nguyễn Văn An', 'Văn phòng HĐND-UBND'], ['Trần Thị Bình', 'Địa chính - Xây dựng']]) {
    await page.getByRole('button', { name: '+ Thêm cán bộ' }).click();
    const form = page.getByRole('dialog', { name: 'Thêm cán bộ' });
    await form.getByLabel('Họ và tên').fill(name!);
    await form.getByLabel('Bộ phận').fill(dept!);
    await form.getByRole('button', { name: 'Lưu' }).click();
    await expect(form).toBeHidden();
  }
  await expectAccessible(page, 'Cán bộ');

  // Systems: the step's link opens Cài đặt at the systems.
  await openScreen(page, 'Tổng quan');
  await firstRun.getByRole('link', { name: 'Mở danh sách hệ thống' }).click();
  await expect(page.getByRole('heading', { name: 'Hệ thống phần mềm' })).toBeFocused();
  await expectAccessible(page, 'Cài đặt');
  await page.getByRole('button', { name: '+ Thêm hệ thống' }).click();
  const sys = page.getByRole('dialog', { name: 'Thêm hệ thống' });
  await sys.getByLabel(/^Tên/).fill('');
  await sys.getByLabel(/quản trị, tháng/).fill('0');
  await sys.getByRole('button', { name: 'Lưu' }).click();
  await expect(sys.getByRole('alert')).toContainText('cần sửa 2 ô');
  await expect(sys.getByLabel(/^Tên/)).toBeFocused();
  await expectAccessible(page, 'Thêm hệ thống with errors');
  await sys.getByRole('button', { name: 'Hủy' }).click();

  // Accounts: an empty owner is asked about, not silently shared.
  await openScreen(page, 'Tài khoản');
  await page.getByRole('button', { name: '+ Thêm tài khoản' }).click();
  let acc = page.getByRole('dialog', { name: 'Thêm tài khoản' });
  await acc.getByLabel('Tên đăng nhập').fill('annv.vmqtg');
  await acc.getByRole('button', { name: 'Lưu' }).click();
  await expect(acc.getByRole('alert')).toContainText('Tài khoản dùng chung');
  await acc.getByRole('combobox', { name: 'Chủ tài khoản' }).fill('nguyen van an');
  // The list answers what was typed (not the list shown on focus); nothing is pre-selected:
  // Enter alone picks no one; ↓ then Enter picks the first match.
  await expect(acc.getByRole('listbox')).toHaveAttribute('aria-busy', 'false');
  await expect(acc.getByRole('listbox').getByRole('option')).not.toHaveCount(0);
  await expect(acc.getByRole('listbox').getByRole('option', { selected: true })).toHaveCount(0);
  await acc.getByRole('combobox', { name: 'Chủ tài khoản' }).press('ArrowDown');
  await acc.getByRole('combobox', { name: 'Chủ tài khoản' }).press('Enter');
  await expect(acc.getByRole('combobox', { name: 'Chủ tài khoản' })).toHaveValue('Nguyễn Văn An');
  await acc.getByRole('button', { name: 'Lưu' }).click();
  await expect(acc).toBeHidden();
  await page.getByRole('button', { name: '+ Thêm tài khoản' }).click();
  acc = page.getByRole('dialog', { name: 'Thêm tài khoản' });
  await acc.getByLabel('Tên đăng nhập').fill('binhtt.vmqtg');
  await acc.getByLabel('Tài khoản dùng chung (không có chủ)').check();
  await acc.getByRole('button', { name: 'Lưu' }).click();
  await expect(acc).toBeHidden();
  await expectAccessible(page, 'Tài khoản');

  // Campaign: every error at once, then a draft that says it must be started.
  await openScreen(page, 'Đợt rà soát');
  await expectAccessible(page, 'Đợt rà soát, empty');
  await page.getByRole('button', { name: '+ Tạo đợt rà soát' }).click();
  const form = page.getByRole('dialog', { name: 'Tạo đợt rà soát' });
  await form.getByRole('button', { name: 'Lưu' }).click();
  await expect(form.getByRole('alert')).toContainText('"Số văn bản chỉ đạo"');
  await expect(form.getByRole('alert')).toContainText('"Hạn hoàn thành"');
  await expect(form.getByRole('alert')).not.toContainText('directiveNumber');
  await expect(form.getByLabel('Số văn bản chỉ đạo')).toBeFocused();
  await expectAccessible(page, 'Tạo đợt rà soát with errors');
  await form.getByLabel('Số văn bản chỉ đạo').fill('125/SNV-CCHC');
  await form.getByLabel('Hạn hoàn thành').fill('25/03/2026');
  await form.getByLabel('Trích yếu / nội dung').fill('Rà soát thay đổi mật khẩu tài khoản phần mềm dùng chung');
  await form.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByRole('heading', { name: 'Danh sách tài khoản cần đổi mật khẩu' })).toBeVisible();
  await expect(page.getByRole('note').filter({ hasText: 'dự thảo' })).toBeVisible();
  await page.getByRole('link', { name: '← Các đợt rà soát' }).click();
  await page.getByRole('button', { name: 'Bắt đầu thực hiện' }).click();
  await expect(page.getByRole('note').filter({ hasText: 'dự thảo' })).toHaveCount(0);
  await expectAccessible(page, 'Đợt rà soát');

  // Confirmations: the dialog names the owner; the system filter offers the campaign's systems only.
  await page.getByRole('link', { name: 'Mở danh sách' }).click();
  const search = page.getByRole('searchbox', { name: 'Tìm kiếm' });
  await search.fill('nguyen van an');
  const table = page.getByRole('table', { name: 'Danh sách tài khoản cần đổi mật khẩu' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await expectAccessible(page, 'checklist');
  await search.press('Enter');
  const confirm = page.getByRole('dialog', { name: /Xác nhận đổi mật khẩu: annv.vmqtg/ });
  await expect(confirm).toContainText('Chủ tài khoản: Nguyễn Văn An');
  await expectAccessible(page, 'confirm dialog');
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await search.fill('');
  await table.getByRole('checkbox', { name: 'Chọn binhtt.vmqtg' }).check();
  await page.getByRole('button', { name: /Xác nhận 1 tài khoản đã chọn/ }).click();
  const bulk = page.getByRole('dialog', { name: /cho 1 tài khoản/ });
  await expect(bulk.getByRole('region', { name: 'Các tài khoản được xác nhận' })).toContainText('binhtt.vmqtg');
  await expectAccessible(page, 'bulk confirm dialog');
  await bulk.getByRole('button', { name: 'Xác nhận' }).click();
  await expect(bulk).toBeHidden();
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '2');

  // Device check: nothing ticked until the checker ticks it.
  await openScreen(page, 'Thiết bị');
  await expectAccessible(page, 'Thiết bị');
  await page.getByRole('button', { name: '+ Thêm thiết bị' }).click();
  const dev = page.getByRole('dialog', { name: 'Thêm thiết bị' });
  await dev.getByRole('combobox', { name: 'Người sử dụng' }).fill('nguyen van an');
  await dev.getByRole('option', { name: /^Nguyễn Văn An\b/ }).click();
  await dev.getByLabel('Mã tài sản').fill('VM-PC-01');
  await dev.getByRole('button', { name: 'Lưu' }).click();
  const detail = page.getByRole('dialog', { name: 'Thiết bị VM-PC-01' });
  await detail.getByRole('button', { name: 'Ghi nhận kiểm tra' }).click();
  const check = page.getByRole('dialog', { name: /Ghi nhận kiểm tra/ });
  await expect(check.getByLabel('Có phần mềm diệt virus')).not.toBeChecked();
  await expect(check.getByText('Không đạt')).toBeVisible();
  await expectAccessible(page, 'device check form');
  await check.getByLabel('Người kiểm tra').fill('Trần Thị Bình');
  await check.getByLabel('Có phần mềm diệt virus').check();
  await check.getByLabel('Tên phần mềm diệt virus').fill('BKAV Pro');
  await check.getByLabel('Có bản quyền').check();
  await check.getByLabel('Mẫu nhận diện virus đã cập nhật').check();
  await expect(check.getByText('Đạt', { exact: true })).toBeVisible();
  await check.getByRole('button', { name: 'Lưu' }).click();
  await expect(check).toBeHidden();
  await expect(detail).toContainText('Đạt');
  await detail.getByRole('button', { name: 'Đóng' }).first().click();
  await expect(detail).toBeHidden();

  // The first-run card is gone once every step is done.
  await openScreen(page, 'Tổng quan');
  await expect(page.getByRole('heading', { name: 'Tổng quan' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Bắt đầu sử dụng ATTK' })).toHaveCount(0);
  await expectAccessible(page, 'Tổng quan');

  // Report: the screen and its print views.
  await openScreen(page, 'Báo cáo');
  await expectAccessible(page, 'Báo cáo');
  await page.getByRole('link', { name: 'In báo cáo (để ký)' }).click();
  const paper = page.getByRole('article', { name: 'BÁO CÁO' });
  await expect(paper).toContainText('Số:');
  await expect(paper).toContainText('/BC-UBND');
  await expect(paper).not.toContainText('//BC');
  await expect(paper).toContainText('UBND phường Văn Miếu - Quốc Tử Giám báo cáo');
  await expect(paper).toContainText('(100%)');
  await expectAccessible(page, 'report print view');
  await page.goBack();
  await page.getByRole('link', { name: 'In văn bản đề nghị hủy tài khoản' }).click();
  const letter = page.getByRole('article', { name: /V\/v đề nghị hủy/ });
  await expect(letter).toContainText(/Số:\s+\/UBND/);
  await expect(letter).not.toContainText('/BC-');
  await expect(letter).toContainText('không có tài khoản đăng nhập nào');
  await expect(letter).not.toContainText('các tài khoản sau:');
  await expectAccessible(page, 'cancellation print view');
  await page.goBack();
  await openScreen(page, 'Đợt rà soát');
  await page.getByRole('link', { name: 'In phiếu xác nhận' }).first().click();
  await expect(page.getByRole('article')).toContainText('PHIẾU XÁC NHẬN');
  await expectAccessible(page, 'sign sheet print view');
});

test('axe: no serious or critical violation on the district demo screens', async ({ page }) => {
  test.setTimeout(240_000);
  app = await serve({ demo: 'district', today: '2024-01-20' });
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Tổng quan' })).toBeVisible();
  const problems: string[] = [];
  for (const screen of ['Tổng quan', 'Đợt rà soát', 'Báo cáo', 'Cán bộ', 'Tài khoản', 'Thiết bị', 'Đánh giá hằng tháng', 'Nhật ký', 'Sao lưu', 'Cài đặt']) {
    await openScreen(page, screen);
    await page.waitForTimeout(400);
    problems.push(...(await axeProblems(page)).map((p) => `${screen} — ${p}`));
  }
  await openScreen(page, 'Đợt rà soát');
  await page.getByRole('link', { name: 'Mở danh sách' }).first().click();
  await expect(page.getByRole('table', { name: 'Danh sách tài khoản cần đổi mật khẩu' }).getByRole('row').nth(1)).toBeVisible();
  problems.push(...(await axeProblems(page)).map((p) => `checklist — ${p}`));
  expect(problems).toEqual([]);
});
