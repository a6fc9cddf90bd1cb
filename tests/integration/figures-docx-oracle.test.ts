import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pdfText, printedReportProblems } from '../oracle/read-printed';
import { recount } from '../oracle/recount';
import { play, scenario, TODAY } from '../oracle/scenario';

// Issue 14 item 6, the Word file: the same random units, the report downloaded as .docx
// (reports.docx, made from the same document model as the print view), converted to PDF by
// LibreOffice (an independent reader), read back with pdftotext, and every figure of its
// sentences and summary table compared with the independent recount (tests/oracle/read-printed.ts).

const MONTHS = 3;

describe('the independent oracle over the Word file', () => {
  it('every figure of the .docx report equals a plain recount of the rows, on random units', async () => {
    const rich = scenario({ people: 6, events: 40 }).filter((s) => s.people.length >= 3 && s.devices.length >= 2 && s.scope.length >= 2);
    await fc.assert(
      fc.asyncProperty(rich, async (s) => {
        const u = await play(s);
        const dir = mkdtempSync(join(tmpdir(), 'attk-docx-oracle-'));
        try {
          const docx = await u.call('reports.docx', { campaignId: u.campaignId, kind: 'report' });
          const file = join(dir, 'baocao.docx');
          writeFileSync(file, Buffer.from(docx.dataBase64, 'base64'));
          // Its own profile directory: never touches (or waits for) a user's LibreOffice.
          execFileSync('soffice', [`-env:UserInstallation=file://${dir}/lo`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'ignore', timeout: 120_000 });
          const r = recount(u.core.db, u.campaignId, TODAY, MONTHS);
          const names = new Map((u.core.db.prepare('SELECT id, name FROM systems').all() as { id: number; name: string }[]).map((x) => [x.id, x.name]));
          expect(printedReportProblems(pdfText(join(dir, 'baocao.pdf')), r, names, MONTHS)).toEqual([]);
        } finally {
          rmSync(dir, { recursive: true, force: true });
          u.close();
        }
      }),
      { numRuns: 3, seed: 1616, endOnFailure: true },
    );
  }, 240_000);
});
