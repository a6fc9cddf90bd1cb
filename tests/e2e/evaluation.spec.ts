import { expect, test } from '@playwright/test';
import { openScreen, serve, type Served } from './serve';

// Today is Wednesday 24/01/2024: individuals are self-evaluating (22–24), the unit evaluates
// tomorrow, and the PDF is due "before the 29th" — the 28th, a Sunday, so Friday 26th is advised.
let app: Served;
test.afterEach(async () => {
  await app?.stop();
});

test('monthly evaluation: the calendar, recording months, the year view and the reminder banner', async ({ page }) => {
  app = await serve({ demo: 'unit', today: '2024-01-24' });
  await page.goto(app.url);

  // The banner is on every screen, before anyone opens the evaluation calendar.
  const banner = page.getByRole('region', { name: 'Nhắc việc đánh giá hằng tháng' });
  await expect(banner).toContainText('Tháng 01/2024: gửi kết quả PDF chậm nhất Chủ nhật 28/01/2024 (còn 4 ngày).');
  await expect(banner).toContainText('Nên gửi chậm nhất Thứ Sáu 26/01/2024');
  await expect(banner).toContainText('cá nhân tự đánh giá trên phần mềm từ 22/01/2024 đến 24/01/2024');

  await openScreen(page, 'Đánh giá hằng tháng');
  await expect(page.getByRole('heading', { name: 'Đánh giá hằng tháng', level: 1 })).toBeVisible();
  await expect(page.getByText('Hôm nay: Thứ Tư, 24/01/2024')).toBeVisible();

  // The current month and the next two, with today's place and days left.
  const jan = page.getByRole('article', { name: 'Tháng 01/2024' });
  await expect(jan).toContainText('Đang trong thời gian cá nhân tự đánh giá');
  await expect(jan).toContainText('Thứ Năm 25/01/2024');
  await expect(jan).toContainText('chậm nhất Chủ nhật 28/01/2024');
  await expect(jan).toContainText('còn 4 ngày');
  await expect(jan).toContainText('rơi vào Chủ nhật');
  await expect(page.getByRole('article', { name: 'Tháng 02/2024' })).toContainText('chậm nhất Thứ Tư 28/02/2024');
  await expect(page.getByRole('article', { name: 'Tháng 03/2024' })).toBeVisible();

  // Record January's self-evaluation from the keyboard; a date in the future is refused inline.
  await jan.getByRole('button', { name: 'Ghi nhận đánh giá tháng 01/2024' }).click();
  let dialog = page.getByRole('dialog', { name: 'Ghi nhận đánh giá tháng 01/2024' });
  await expect(dialog.getByLabel('Ngày cá nhân hoàn thành tự đánh giá')).toBeFocused();
  await page.keyboard.type('23/01/2024');
  await dialog.getByLabel('Ngày gửi kết quả PDF').fill('25/01/2024');
  await dialog.getByLabel('Gửi tới (thư điện tử)').fill('sonoivu@hanoi.gov.vn');
  await dialog.getByLabel('Gửi tới (thư điện tử)').press('Enter');
  await expect(dialog.getByRole('alert')).toContainText('Ngày không được sau hôm nay.');
  await dialog.getByLabel('Ngày gửi kết quả PDF').fill('');
  await dialog.getByLabel('Ngày gửi kết quả PDF').press('Enter');
  await expect(dialog).toBeHidden();
  await expect(jan).toContainText('đã thực hiện 23/01/2024');
  await expect(banner).not.toContainText('cá nhân tự đánh giá trên phần mềm');
  await expect(banner).toContainText('chậm nhất Chủ nhật 28/01/2024');

  // December 2023: the unit evaluated but no PDF is recorded yet → late, in the banner.
  const year = page.getByRole('region', { name: 'Tổng hợp năm 2024' });
  await expect(year.getByRole('row').filter({ hasText: '01/2024' })).toContainText('Chưa gửi');
  await page.getByRole('button', { name: '‹ Năm trước' }).click();
  const table2023 = page.getByRole('table', { name: 'Đánh giá hằng tháng năm 2023' });
  await table2023.getByRole('button', { name: 'Ghi nhận đánh giá tháng 12/2023' }).click();
  dialog = page.getByRole('dialog', { name: 'Ghi nhận đánh giá tháng 12/2023' });
  await dialog.getByLabel('Ngày đơn vị đánh giá').fill('26/12/2023');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toBeHidden();
  const dec = table2023.getByRole('row').filter({ hasText: '12/2023' });
  await expect(dec).toContainText('Chưa gửi – quá hạn');
  await expect(dec).toContainText('Không đúng ngày');
  await expect(page.getByText('Số tháng gửi muộn: 1')).toBeVisible();
  await expect(banner).toContainText('Tháng 12/2023: chưa gửi kết quả PDF, đã quá hạn 28/12/2023 (27 ngày).');

  // Correct December: the PDF went on the 29th — still late (on or after the 29th), no longer unsent.
  await table2023.getByRole('button', { name: 'Ghi nhận đánh giá tháng 12/2023' }).click();
  await dialog.getByLabel('Ngày gửi kết quả PDF').fill('29/12/2023');
  // The address comes from the unit profile ("Địa chỉ nhận báo cáo"); the clerk may change it.
  await expect(dialog.getByLabel('Gửi tới (thư điện tử)')).toHaveValue('sonoivu@hanoi.gov.vn');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toBeHidden();
  await expect(dec.getByText('Muộn', { exact: true })).toBeVisible();
  await expect(dec).toContainText('29/12/2023');
  await expect(page.getByText('Số tháng gửi muộn: 1')).toBeVisible();
  await expect(banner).not.toContainText('Tháng 12/2023');

  // The address used last time is proposed next time.
  await page.getByRole('button', { name: 'Năm sau ›' }).click();
  await jan.getByRole('button', { name: 'Ghi nhận đánh giá tháng 01/2024' }).click();
  dialog = page.getByRole('dialog', { name: 'Ghi nhận đánh giá tháng 01/2024' });
  await expect(dialog.getByLabel('Gửi tới (thư điện tử)')).toHaveValue('sonoivu@hanoi.gov.vn');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // The windows are settings: an inconsistent order is refused under its field.
  const settings = page.getByRole('form', { name: 'Thời gian đánh giá' });
  await expect(settings.getByLabel('Gửi kết quả PDF trước ngày')).toHaveValue('29');
  await settings.getByLabel('Gửi kết quả PDF trước ngày').fill('25');
  await settings.getByRole('button', { name: 'Lưu' }).click();
  await expect(settings.getByRole('alert')).toContainText('Hạn gửi PDF phải sau ngày đơn vị đánh giá.');

  // For a human look at the screen (not an assertion).
  await page.getByRole('heading', { name: 'Đánh giá hằng tháng', level: 1 }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/eval.png' });
});
