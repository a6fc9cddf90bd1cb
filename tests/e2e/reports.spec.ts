import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { serve, type Served } from './serve';

let app: Served;
test.afterEach(async () => {
  await app?.stop();
});

test('export the signed Excel report from the UI, see the progress and where it was saved, download it', async ({ page }) => {
  app = await serve({ demo: 'unit', today: '2024-01-20' });
  await page.goto(app.url);
  await page.getByRole('link', { name: 'Báo cáo' }).click();
  await expect(page.getByRole('heading', { name: 'Báo cáo', exact: true })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Đợt rà soát' })).toContainText('123/UBND-NV');
  await page.getByRole('button', { name: 'Xuất tệp Excel' }).click();
  const saved = page.getByRole('status').filter({ hasText: 'SHA-256' });
  await expect(saved).toContainText(/exports[\\/]ATTK_BaoCao_.*\.xlsx/);
  await expect(saved).toContainText(/Mã xác thực \(in trên báo cáo giấy\): [0-9A-F]{4}-/);
  const bar = page.getByRole('progressbar', { name: 'Đang xuất…' });
  await expect(bar).toBeVisible();
  expect(await bar.getAttribute('aria-valuenow')).toBe(await bar.getAttribute('aria-valuemax'));
  const history = page.getByRole('table', { name: 'Lịch sử xuất báo cáo' });
  await expect(history.getByRole('row')).toHaveCount(2);

  const [download] = await Promise.all([page.waitForEvent('download'), saved.getByRole('button', { name: 'Tải về / Lưu bản sao' }).click()]);
  const dir = mkdtempSync(join(tmpdir(), 'attk-dl-'));
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  expect(download.suggestedFilename()).toMatch(/^ATTK_BaoCao_.*\.xlsx$/);
  expect(statSync(file).size).toBeGreaterThan(5000);
  const sheets = execFileSync('/usr/bin/python3', ['-c', 'import sys, openpyxl; print([ws.title for ws in openpyxl.load_workbook(sys.argv[1]).worksheets])', file]).toString();
  expect(sheets).toContain("'Tổng hợp', 'Tài khoản', 'Thiết bị', 'Kết nối', 'Tính năng bảo mật', 'Đề nghị hủy TK', '_attk'");
});

test('the signed report prints in the Decree 30 layout, with page numbers from page 2 and the key fingerprint', async ({ page }) => {
  app = await serve({ demo: 'unit', today: '2024-01-20' });
  await page.goto(app.url);
  await page.getByRole('link', { name: 'Báo cáo' }).click();
  await page.getByRole('link', { name: 'In báo cáo (để ký)' }).click();
  const paper = page.getByRole('article', { name: 'BÁO CÁO' });
  await expect(paper).toContainText('Kính gửi: Sở Nội vụ thành phố Hà Nội');
  await page.emulateMedia({ media: 'print' });
  const dir = mkdtempSync(join(tmpdir(), 'attk-pdf-'));
  const file = join(dir, 'baocao.pdf');
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  expect(execFileSync('pdfinfo', [file]).toString()).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts/); // A4 portrait
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
  // The unit's name wraps in the header's left column: its two lines.
  for (const s of ['UBND THÀNH PHỐ HÀ NỘI', 'UBND PHƯỜNG VĂN MIẾU', 'QUỐC TỬ GIÁM', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số:', 'BÁO CÁO', 'Kính gửi:', 'II. KẾT QUẢ RÀ SOÁT', 'Nơi nhận:', 'TM. ỦY BAN NHÂN DÂN', 'Phụ lục']) {
    expect(text, s).toContain(s);
  }
  expect(text).toMatch(/Mã xác thực tệp dữ liệu kèm theo: [0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}/);
  // The date line names the ward (Decree 30: a ward's documents carry its own name) and may wrap in its column.
  expect(text).toMatch(/Văn Miếu - Quốc Tử Giám, ngày 20 tháng 01 năm\s+(Số:\s+\/BC-UBND\s+)?2024/);
  const pages = text.split('\f');
  expect(pages.length).toBeGreaterThan(2);
  expect(pages[1]).toMatch(/^\s*2\s*$/m);

  await page.emulateMedia({ media: 'screen' });
  await page.goBack();
  await page.getByRole('link', { name: 'In văn bản đề nghị hủy tài khoản' }).click();
  await expect(page.getByRole('article', { name: /V\/v đề nghị hủy/ })).toContainText('Kính gửi:');
});

test('the unit edits section V of its report, prints it and takes it to Word: the edit is in both', async ({ page }) => {
  app = await serve({ demo: 'unit', today: '2024-01-20' });
  await page.goto(app.url);
  await page.getByRole('link', { name: 'Báo cáo' }).click();
  await page.getByRole('link', { name: 'In báo cáo (để ký)' }).click();
  const paper = page.getByRole('article', { name: 'BÁO CÁO' });
  await expect(paper).toContainText('V. ĐỀ XUẤT, KIẾN NGHỊ');
  await page.getByRole('button', { name: 'Sửa lời văn' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sửa lời văn báo cáo' });
  const section5 = dialog.getByLabel('Mục V. Đề xuất, kiến nghị');
  await expect(section5).toHaveValue(/đôn đốc việc thay đổi mật khẩu định kỳ/); // starts from the generated text
  const proposal = 'Đề nghị Sở Nội vụ cấp bổ sung 05 bản quyền phần mềm diệt virus cho bộ phận một cửa.';
  await section5.fill(proposal);
  await dialog.getByLabel('Họ tên người ký').fill('Trần Thị Bích');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toBeHidden();
  await expect(paper).toContainText(proposal);
  await expect(paper).toContainText('Trần Thị Bích');
  await expect(page.getByText('Lời văn đã được sửa')).toBeVisible();

  // Printed (Chromium's PDF of the print view).
  await page.emulateMedia({ media: 'print' });
  const dir = mkdtempSync(join(tmpdir(), 'attk-docx-'));
  const pdf = join(dir, 'in.pdf');
  writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const printed = execFileSync('pdftotext', [pdf, '-']).toString().replace(/\s+/g, ' ');
  expect(printed).toContain(proposal);
  expect(printed).toContain('Trần Thị Bích');
  await page.emulateMedia({ media: 'screen' });

  // Word: the downloaded .docx holds the same words.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải bản Word' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^ATTK_BaoCao_.*\.docx$/);
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  const xml = execFileSync('/usr/bin/python3', ['-c', 'import zipfile, sys; print(zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode())', file]).toString();
  const words = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
  expect(words).toContain(proposal);
  expect(words).toContain('Trần Thị Bích');
});
