// The print views printed the way Electron prints them: Chromium's print to PDF with the print
// media, the views' own CSS (@page size, margins, page numbers) and the options the main process
// passes to webContents.printToPDF (electron/main/print.ts → playwrightPdfOptions). Checked with
// poppler: paper size and orientation (pdfinfo), page numbers at the top from page 2 (pdftotext).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { playwrightPdfOptions } from '../../electron/main/print';
import { pageSetupFor } from '../../shared/print/page-setup';
import { serve, type Served } from './serve';

let app: Served;
test.afterEach(async () => {
  await app?.stop();
});

/** Prints the view on screen to a PDF with Electron's settings; returns its pages' text and pdfinfo. */
async function printed(page: Page, name: string) {
  const setup = pageSetupFor(page.url());
  // The route's paper and the view's own layout agree (PrintFrame's `landscape`).
  expect(await page.locator('.print-root').evaluate((el) => el.classList.contains('landscape'))).toBe(setup.landscape);
  await page.emulateMedia({ media: 'print' });
  const file = join(mkdtempSync(join(tmpdir(), 'attk-print-')), `${name}.pdf`);
  writeFileSync(file, await page.pdf(playwrightPdfOptions(setup)));
  await page.emulateMedia({ media: 'screen' });
  const info = execFileSync('pdfinfo', [file]).toString();
  const count = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  const pages = Array.from({ length: count }, (_, i) =>
    execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), file, '-']).toString(),
  );
  return { info, pages };
}

const A4_PORTRAIT = /Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/;
const A4_LANDSCAPE = /Page size:\s+84[12](\.\d+)? x 59[45](\.\d+)? pts \(A4\)/;
const firstLine = (text: string) => text.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';

/** Page 1 carries no number; every later page starts with its own number (print.css @top-center). */
function expectPageNumbers(pages: string[]) {
  expect(pages.length).toBeGreaterThan(1);
  expect(firstLine(pages[0]!)).not.toBe('1');
  pages.slice(1).forEach((text, i) => expect(firstLine(text), `page ${i + 2}`).toBe(String(i + 2)));
}

test('the sign sheet prints on A4 landscape, numbered from page 2, with its header on every page', async ({ page }) => {
  app = await serve({ demo: 'unit', today: '2024-01-20' });
  await page.goto(app.url);
  await page.getByRole('link', { name: 'Đợt rà soát' }).first().click();
  await page.getByRole('link', { name: 'In phiếu xác nhận' }).first().click();
  await expect(page.locator('article.paper')).toBeVisible();
  const { info, pages } = await printed(page, 'phieu');
  expect(info).toMatch(A4_LANDSCAPE);
  expectPageNumbers(pages);
  expect(pages[0]).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  // The table's header row repeats on each page (thead as table-header-group).
  const header = /Ký xác nhận/;
  for (const [i, text] of pages.entries()) if (i < pages.length - 1) expect(text, `page ${i + 1}`).toMatch(header);
});

test('the report and the cancellation letter print on A4 portrait, numbered from page 2', async ({ page }) => {
  app = await serve({ demo: 'unit', today: '2024-01-20' });
  await page.goto(app.url);
  await page.getByRole('link', { name: 'Báo cáo' }).click();
  await page.getByRole('link', { name: 'In báo cáo (để ký)' }).click();
  await expect(page.getByRole('article', { name: 'BÁO CÁO' })).toContainText('Kính gửi');
  const report = await printed(page, 'baocao');
  expect(report.info).toMatch(A4_PORTRAIT);
  expectPageNumbers(report.pages);
  expect(report.pages.join('\f')).toContain('Nơi nhận:');

  await page.goBack();
  await page.getByRole('link', { name: 'In văn bản đề nghị hủy tài khoản' }).click();
  await expect(page.getByRole('article', { name: /V\/v đề nghị hủy/ })).toContainText('Kính gửi:');
  const letter = await printed(page, 'denghihuy');
  expect(letter.info).toMatch(A4_PORTRAIT);
  if (letter.pages.length > 1) expectPageNumbers(letter.pages);
  else expect(firstLine(letter.pages[0]!)).not.toBe('1');
});
