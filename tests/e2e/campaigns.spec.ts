import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openScreen, serve, type Served } from './serve';

let app: Served;
test.afterEach(async () => {
  await app?.stop();
});

/** The number on a state chip of the checklist, e.g. "Chưa đổi: 12". */
async function chip(page: Page, label: string): Promise<number> {
  const text = await page.getByRole('group', { name: 'Trạng thái' }).getByRole('button', { name: new RegExp(`^${label}:`) }).innerText();
  return Number(text.split(':')[1]!.replace(/\D/g, ''));
}

test('a clerk creates a campaign, confirms 20 accounts by keyboard, bulk-confirms, and sees progress everywhere', async ({ page }) => {
  test.setTimeout(120_000);
  app = await serve({ demo: 'unit', today: '2024-01-20' });
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Tổng quan' })).toBeVisible();

  // Create a campaign from a directive.
  await openScreen(page, 'Đợt rà soát');
  await page.getByRole('button', { name: '+ Tạo đợt rà soát' }).click();
  const form = page.getByRole('dialog', { name: 'Tạo đợt rà soát' });
  await form.getByLabel('Số văn bản chỉ đạo').fill('45/UBND-NV');
  await form.getByLabel('Ngày văn bản').fill('12/01/2024');
  await form.getByLabel('Cơ quan ban hành').fill('UBND thành phố Hà Nội');
  await form.getByLabel('Ngày bắt đầu').fill('19/01/2024');
  await form.getByLabel('Hạn hoàn thành').fill('31/01/2024');
  await form.getByLabel('Trích yếu / nội dung').fill('Rà soát thay đổi mật khẩu tài khoản phần mềm dùng chung');
  await form.getByLabel(/3347-CV\/BTCTU/).check();
  await form.getByRole('button', { name: 'Lưu' }).click();

  // The checklist opens on the new campaign.
  await expect(page.getByRole('heading', { name: 'Danh sách tài khoản cần đổi mật khẩu' })).toBeVisible();
  await expect(page.getByRole('link', { name: /45\/UBND-NV/ })).toBeVisible();
  const table = page.getByRole('table', { name: 'Danh sách tài khoản cần đổi mật khẩu' });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  const missing0 = await chip(page, 'Chưa đổi');
  const done0 = await chip(page, 'Đã đổi đúng hạn');
  expect(missing0).toBeGreaterThan(25);
  const bar = page.getByRole('progressbar');
  const before = Number(await bar.getAttribute('aria-valuenow'));
  expect(before).toBe(done0);

  // Keyboard only: filter "Chưa đổi", then Enter (opens the dialog, date = today), Enter (saves), 20 times.
  await page.getByRole('group', { name: 'Trạng thái' }).getByRole('button', { name: /^Chưa đổi:/ }).click();
  const search = page.getByRole('searchbox', { name: 'Tìm kiếm' });
  await search.focus();
  for (let i = 0; i < 20; i++) {
    await expect(search).toBeFocused();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: /Xác nhận đổi mật khẩu/ });
    await expect(dialog.getByLabel('Ngày đổi mật khẩu')).toHaveValue('20/01/2024');
    await expect(dialog.getByLabel('Ngày đổi mật khẩu')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect.poll(() => chip(page, 'Chưa đổi')).toBe(missing0 - i - 1);
  }
  expect(await chip(page, 'Đã đổi đúng hạn')).toBe(done0 + 20);

  // Search without diacritics, then confirm the found row with the keyboard.
  const firstName = (await table.getByRole('row').nth(1).getByRole('cell').nth(1).innerText()).trim();
  const folded = firstName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
  await search.fill(folded);
  await expect(table.getByRole('row').nth(1)).toContainText(firstName);
  await search.press('Enter');
  await page.keyboard.press('Enter');
  await expect.poll(() => chip(page, 'Chưa đổi')).toBe(missing0 - 21);
  await expect(search).toHaveValue('');

  // Bulk: tick three rows and confirm them together from one signed sheet.
  for (let i = 1; i <= 3; i++) await table.getByRole('row').nth(i).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Xác nhận 3 tài khoản đã chọn' }).click();
  const bulk = page.getByRole('dialog', { name: /cho 3 tài khoản/ });
  await expect(bulk.getByLabel('Hình thức xác nhận')).toHaveValue('sign_sheet');
  await bulk.getByRole('button', { name: 'Xác nhận' }).click();
  await expect(bulk).toBeHidden();
  await expect.poll(() => chip(page, 'Chưa đổi')).toBe(missing0 - 24);
  await expect(bar).toHaveAttribute('aria-valuenow', String(done0 + 24));

  // The dashboard shows the same figures for this campaign.
  await openScreen(page, 'Tổng quan');
  const card = page.getByRole('article', { name: 'Rà soát thay đổi mật khẩu tài khoản phần mềm dùng chung' });
  // Exact figures (a substring would pass for a number that merely contains them).
  await expect(card.getByRole('link', { name: /Đã đổi đúng hạn/ })).toHaveText(`Đã đổi đúng hạn: ${(done0 + 24).toLocaleString('vi-VN')}`);
  await expect(card.getByRole('link', { name: /Chưa đổi/ })).toHaveText(`Chưa đổi: ${(missing0 - 24).toLocaleString('vi-VN')}`);
  await expect(card).toContainText('Còn 11 ngày');
});

test('the sign sheet renders to an A4 PDF with Vietnamese text and page numbers', async ({ page }) => {
  app = await serve({ demo: 'unit', today: '2024-01-20' });
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Tổng quan' })).toBeVisible();
  await openScreen(page, 'Đợt rà soát');
  await page.getByRole('link', { name: 'In phiếu xác nhận' }).first().click();
  const paper = page.getByRole('article', { name: 'PHIẾU XÁC NHẬN ĐỔI MẬT KHẨU TÀI KHOẢN' });
  await expect(paper).toContainText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  await expect(paper.locator('tbody.person-group').first()).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const dir = mkdtempSync(join(tmpdir(), 'attk-pdf-'));
  const file = join(dir, 'phieu.pdf');
  writeFileSync(file, pdf);
  const info = execFileSync('pdfinfo', [file]).toString();
  const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  expect(pages).toBeGreaterThan(1);
  expect(info).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+ pts/); // A4 landscape
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
  expect(text).toContain('PHIẾU XÁC NHẬN ĐỔI MẬT KHẨU TÀI KHOẢN');
  expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
  expect(text).toContain('Ký xác nhận');
  expect(text).toMatch(/Nguyễn Văn An/);
  // Page numbers from page 2 on, none on page 1.
  const perPage = text.split('\f');
  expect(perPage[0]).not.toMatch(/^\s*1\s*$/m);
  expect(perPage[1]).toMatch(/^\s*2\s*$/m);
});
