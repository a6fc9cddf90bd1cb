// Issue 18: the sign sheet's signature block is never printed alone on a page — it stays with the
// last rows of the list. Printed the way Electron prints (Chromium print to PDF with the main
// process's options), read page by page with pdftotext, for every list length from 1 to MAX
// accounts: so whatever length puts the table's end at the bottom of a page is covered.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { playwrightPdfOptions } from '../../electron/main/print';
import { pageSetupFor } from '../../shared/print/page-setup';
import { serve, type Served } from './serve';

const MAX = Number(process.env.ATTK_KEEP_MAX ?? 34);
const shots = process.env.ATTK_SHOTS;
let app: Served | undefined;
test.afterEach(async () => {
  await app?.stop();
  app = undefined;
});

function harnessApi(url: string) {
  const token = /#token=([A-Za-z0-9_-]+)/.exec(url)![1]!;
  const origin = new URL(url).origin;
  return async <T = { id: number }>(method: string, input: unknown): Promise<T> => {
    const r = await fetch(`${origin}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(input) });
    const e = (await r.json()) as { ok: boolean; result: T; error?: { message: string } };
    if (!e.ok) throw new Error(`${method}: ${e.error?.message}`);
    return e.result;
  };
}

async function pagesOf(page: Page, dir: string, n: number): Promise<string[]> {
  await page.emulateMedia({ media: 'print' });
  const file = join(dir, `phieu-${n}.pdf`);
  writeFileSync(file, await page.pdf(playwrightPdfOptions(pageSetupFor(page.url()))));
  await page.emulateMedia({ media: 'screen' });
  return execFileSync('pdftotext', ['-layout', file, '-']).toString().normalize('NFC').split('\f').filter((p) => p.trim() !== '');
}

test(`the sign sheet keeps its signature block with the last rows, for 1 to ${MAX} accounts`, async ({ page }) => {
  test.setTimeout(240_000);
  app = await serve({ today: '2024-01-20' });
  const call = harnessApi(app.url);
  await call('unit.save', {
    parentBody: 'UBND THÀNH PHỐ HÀ NỘI', name: 'UBND PHƯỜNG VĂN MIẾU - QUỐC TỬ GIÁM', code: 'VMQTG', headName: 'Nguyễn Văn Hùng', headTitle: 'CHỦ TỊCH',
    signAuthority: 'TM. ỦY BAN NHÂN DÂN', clerkName: 'Trần Thị Thu Hà', placeName: 'Văn Miếu - Quốc Tử Giám', reportSymbol: 'BC-UBND', recipientName: 'Sở Nội vụ thành phố Hà Nội',
  });
  const campaign = await call('campaigns.create', { directiveNumber: '15/SNV-CCHC', subject: 'Rà soát mật khẩu', systemIds: [1], startDate: '2024-01-08', deadline: '2024-01-25' });
  await call('campaigns.advance', { id: campaign.id, to: 'in_progress' });
  const dir = mkdtempSync(join(tmpdir(), 'attk-keep-'));
  const multi: number[] = [];
  try {
    await page.goto(app.url);
    for (let n = 1; n <= MAX; n++) {
      const p = await call('people.create', { fullName: `Nguyễn Văn Thử ${String(n).padStart(2, '0')}`, position: 'Công chức' });
      await call('accounts.create', { systemId: 1, personId: p.id, loginName: `vanmieu.thu${String(n).padStart(2, '0')}` });
      // Away and back: the view loads its data when it opens.
      await page.evaluate(() => (window.location.hash = '#/'));
      await expect(page.locator('article.paper')).toHaveCount(0);
      await page.evaluate((id) => (window.location.hash = `#/print/sign-sheet?campaign=${id}`), campaign.id);
      await expect(page.locator('article.paper')).toContainText(`vanmieu.thu${String(n).padStart(2, '0')}`);
      const pages = await pagesOf(page, dir, n);
      const last = pages.at(-1)!;
      const at = `${n} accounts, page ${pages.length}`;
      // The signature block (both signers' names) and at least one account row on the last page.
      expect(last, at).toContain('Trần Thị Thu Hà');
      expect(last, at).toContain('Nguyễn Văn Hùng');
      expect(last, at).toMatch(/vanmieu\.thu\d\d/);
      // Every row printed once, the last one on the last page.
      expect(last, at).toContain(`vanmieu.thu${String(n).padStart(2, '0')}`);
      expect(pages.join('\n').match(/vanmieu\.thu\d\d/g), at).toHaveLength(n);
      if (pages.length > 1) multi.push(n);
      // For the README: 6 accounts, and 15 (the length that used to leave the signature alone on page 3).
      if (shots && (n === 6 || n === 15)) copyFileSync(join(dir, `phieu-${n}.pdf`), join(shots, `sign-sheet-${n}.pdf`));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // The lengths tried include lists that run over a page (the case the rule is about).
  expect(multi.length).toBeGreaterThan(5);
});
