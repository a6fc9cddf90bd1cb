import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExportResult } from '../../shared/reports/schema';
import { checkUnitWorkbook, loginsOf } from '../oracle/check-unit-workbook';
import { recount } from '../oracle/recount';
import { readWorkbook } from '../oracle/read-summary';
import { play, scenario, TODAY, type Played } from '../oracle/scenario';

// Issue 14 item 6: the independent oracle. fast-check generates random units (see
// tests/oracle/scenario.ts), the app exports the signed report, openpyxl reads the workbook back,
// and every figure on "Tổng hợp" (total row included) must equal a plain recount over the rows
// (tests/oracle/recount.ts — not the production SQL, not shared/campaigns/rules.ts). The detail
// sheets must agree with both.

const MONTHS = 3;

async function runJob<R>(u: Pick<Played, 'call'>, start: Promise<{ jobId: string }>): Promise<R> {
  const { jobId } = await start;
  for (;;) {
    const s = await u.call('jobs.status', { id: jobId });
    if (s.state === 'done') return s.result as R;
    if (s.state === 'failed') throw new Error(s.error?.message);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('the independent oracle', () => {
  it('every figure of the unit report equals a plain recount of the rows, on random units', async () => {
    await fc.assert(
      fc.asyncProperty(scenario({ people: 6, events: 40 }), async (s) => {
        const u = await play(s);
        try {
          const exported = await runJob<ExportResult>(u, u.call('reports.export', { campaignId: u.campaignId, showLogins: true }));
          const r = recount(u.core.db, u.campaignId, TODAY, MONTHS);
          const { names, loginIds } = loginsOf(u);
          checkUnitWorkbook(readWorkbook(exported.filePath), r, names, loginIds, names, TODAY, MONTHS);
          expect(exported.figures.total).toBe(r.overall.all.total);
        } finally {
          u.close();
        }
      }),
      { numRuns: 8, seed: 1414, endOnFailure: true },
    );
  }, 240_000);

});
