// Issue 14 item 6, the print view: the same random units as the workbook oracle
// (tests/oracle/generate.ts), entered through the harness's HTTP API, the signed report opened in
// Chromium and printed to PDF the way Electron prints it, read back with pdftotext — and every
// figure in its sentences and its summary table compared with the independent recount
// (tests/oracle/recount.ts, written apart from the production SQL), read from the database file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { expect, test, type Page } from '@playwright/test';
import { playwrightPdfOptions } from '../../electron/main/print';
import { pageSetupFor } from '../../shared/print/page-setup';
import { record, scenario, TODAY, type Envelope, type RawCall } from '../oracle/generate';
import { pdfText, printedReportProblems } from '../oracle/read-printed';
import { recount } from '../oracle/recount';
import { serve, type Served } from './serve';

const MONTHS = 3;
let app: Served | undefined;
test.afterEach(async () => {
  await app?.stop();
  app = undefined;
});

/** The harness's API as the renderer calls it: POST /api/<method> with the run's token. */
function harnessApi(url: string): RawCall {
  const token = /#token=([A-Za-z0-9_-]+)/.exec(url)![1]!;
  const origin = new URL(url).origin;
  return async (method, input) => {
    const r = await fetch(`${origin}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(input) });
    return (await r.json()) as Envelope;
  };
}

/** The report printed to PDF with Electron's options, read back with pdftotext. */
async function printedText(page: Page): Promise<string> {
  await page.emulateMedia({ media: 'print' });
  const dir = mkdtempSync(join(tmpdir(), 'attk-figures-print-'));
  try {
    const file = join(dir, 'baocao.pdf');
    writeFileSync(file, await page.pdf(playwrightPdfOptions(pageSetupFor(page.url()))));
    return pdfText(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('every figure of the printed report equals a plain recount of the rows, on random units', async ({ page }) => {
  test.setTimeout(180_000);
  // A few units with something in each part (several people, shared devices, many confirmations, two or more systems).
  const rich = scenario({ people: 6, events: 40 }).filter(
    (s) => s.people.length >= 3 && s.devices.length >= 2 && s.scope.length >= 2 && s.events.filter((e) => e.k === 'confirm').length >= 10,
  );
  const samples = fc.sample(rich, { seed: 1414, numRuns: 4 });
  for (const [run, s] of samples.entries()) {
    app = await serve({ today: TODAY });
    const campaignId = await record(s, harnessApi(app.url));
    const db = new Database(app.dbFile, { readonly: true });
    const r = recount(db, campaignId, TODAY, MONTHS);
    const systemNames = new Map((db.prepare('SELECT id, name FROM systems').all() as { id: number; name: string }[]).map((x) => [x.id, x.name]));
    db.close();

    await page.goto(app.url);
    await page.evaluate((id) => (window.location.hash = `#/print/report?campaign=${id}`), campaignId);
    await expect(page.getByRole('article', { name: 'BÁO CÁO' })).toContainText('Kính gửi');
    const layout = await printedText(page);
    expect(printedReportProblems(layout, r, systemNames, MONTHS), `run ${run}`).toEqual([]);
    await app.stop();
    app = undefined;
  }
});
