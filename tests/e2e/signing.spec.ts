import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { attk, serve, type Served } from './serve';
import { createNssDatabase, createTestPki, softhsmAvailable, type TestPki } from '../integration/signing/softhsm';

// Ký số in the browser harness: the clerk picks the token library, finds the certificates, saves the
// print view (with the visible signature block) as PDF the way the browser makes it, types the PIN
// and signs. The signed PDF is then checked by pdfsig and by `attk verify-pdf`; a wrong PIN is
// refused in Vietnamese and never shown back.

let app: Served;
let dir: string;
let pki: TestPki;
test.skip(!softhsmAvailable, 'SoftHSM2 is not installed');
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'attk-e2e-sign-'));
  pki = createTestPki(dir);
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));
test.afterEach(async () => {
  await app?.stop();
});

const today = () => new Date().toISOString().slice(0, 10);

test('sign the report with a PKCS#11 token from the Reports screen; pdfsig and attk verify-pdf accept it', async ({ page, context }) => {
  app = await serve({ demo: 'unit', today: today() });
  await page.goto(app.url);
  await page.getByRole('link', { name: 'Báo cáo' }).click();
  const card = page.locator('.card', { has: page.getByRole('heading', { name: 'Ký số báo cáo' }) });
  await card.getByLabel('Thư viện PKCS#11 của token').fill(pki.library);
  await card.getByRole('button', { name: 'Tìm chứng thư số trên token' }).click();
  const certs = card.getByRole('group', { name: 'Chứng thư số' });
  await expect(certs.getByRole('radio')).toHaveCount(3);
  await certs.getByRole('radio', { name: /Nguyễn Văn An/ }).check();

  // The browser makes the PDF: the print view with the visible block, printed by Chromium.
  const [print] = await Promise.all([context.waitForEvent('page'), card.getByRole('button', { name: 'In báo cáo (để ký)' }).click()]);
  await expect(print.getByTestId('digital-signature')).toContainText('Nguyễn Văn An');
  await print.emulateMedia({ media: 'print' });
  const pdfFile = join(dir, 'bao-cao.pdf');
  writeFileSync(pdfFile, await print.pdf({ preferCSSPageSize: true, printBackground: true }));
  await print.close();
  await card.getByLabel('Tệp PDF của báo cáo (lưu từ hộp thoại In → Lưu dưới dạng PDF)').setInputFiles(pdfFile);

  // A wrong PIN first: refused in Vietnamese, the field emptied, the PIN nowhere on the page.
  const pin = card.getByLabel('Mã PIN của token');
  await pin.fill('975310');
  await card.getByRole('button', { name: 'Ký số', exact: true }).click();
  await expect(card.getByRole('alert')).toHaveText('Mã PIN không đúng. Lưu ý: nhập sai nhiều lần liên tiếp token sẽ bị khóa.');
  await expect(pin).toHaveValue('');
  expect(await page.content()).not.toContain('975310');

  await pin.fill(pki.pin);
  await card.getByRole('button', { name: 'Ký số', exact: true }).click();
  const done = card.getByRole('status').filter({ hasText: 'Đã ký số' });
  await expect(done).toContainText(/-KySo\.pdf/);
  await expect(done).toContainText('CN=Nguyễn Văn An');
  await expect(card.getByRole('table', { name: 'PDF ký số' }).getByRole('row')).toHaveCount(2);

  const [download] = await Promise.all([page.waitForEvent('download'), done.getByRole('button', { name: 'Tải tệp PDF đã ký' }).click()]);
  const signed = join(dir, download.suggestedFilename());
  await download.saveAs(signed);
  const report = execFileSync('pdfsig', ['-nssdir', createNssDatabase(join(dir, 'nss')), signed], { encoding: 'utf8' });
  expect(report).toContain('Signature is Valid');
  expect(report).toContain('Total document signed');
  expect(report).toContain('Signer Certificate Common Name: Nguyễn Văn An');
  const text = execFileSync('pdftotext', ['-layout', signed, '-']).toString();
  expect(text).toContain('ĐÃ KÝ SỐ');
  expect(text).toContain('UBND THÀNH PHỐ HÀ NỘI');

  mkdirSync(join(dir, 'roots'), { recursive: true });
  writeFileSync(join(dir, 'roots', 'root.crt'), pki.rootPem);
  // The harness's clock says 09:00 today (--today): verify on the same clock.
  const verified = await attk(['verify-pdf', signed, '--roots', join(dir, 'roots'), '--today', today()]);
  expect(verified.stdout).toContain('Hợp lệ. Người ký: Nguyễn Văn An');
  expect(verified.code).toBe(0);
});

test('the receiving office imports a trusted root in Settings', async ({ page }) => {
  app = await serve({ demo: 'unit', today: today() });
  await page.goto(app.url);
  await page.getByRole('link', { name: 'Cài đặt' }).click();
  const card = page.locator('.card', { has: page.getByRole('heading', { name: 'Chứng thư số gốc tin cậy' }) });
  await expect(card).toContainText('Chưa có chứng thư gốc tin cậy nào.');
  const rootFile = join(dir, 'goc.crt');
  writeFileSync(rootFile, pki.rootPem);
  await card.getByLabel('Nhập tệp .cer/.crt…').setInputFiles(rootFile);
  await expect(card.getByRole('table', { name: 'Chứng thư số gốc tin cậy' })).toContainText('ATTK Test Root CA');
  const leaf = join(dir, 'nguoi-ky.cer');
  writeFileSync(leaf, pki.keys.signer.certDer);
  await card.getByLabel('Nhập tệp .cer/.crt…').setInputFiles(leaf);
  await expect(card.getByRole('alert')).toContainText('không phải chứng thư của tổ chức chứng thực');
});
