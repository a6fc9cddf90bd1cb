import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo, type DemoSize } from '../../electron/core/demo/generate';
import type { ExportResult } from '../../shared/reports/schema';
import { checkUnitWorkbook, loginsOf } from '../oracle/check-unit-workbook';
import { recount } from '../oracle/recount';
import { readWorkbook } from '../oracle/read-summary';
import { makeTestCore, type TestCore } from './harness-core';

// Issue 14 "Done when": on the demos too, every figure of the signed report equals the independent
// recount (tests/oracle/recount.ts, written apart from the production SQL). The unit demo: every
// campaign it has; the district demo (≈ 10k people, 30k accounts): its campaign in progress.

const TODAY = '2026-11-20';

async function exportReport(t: TestCore, campaignId: number): Promise<ExportResult> {
  const { jobId } = await t.call('reports.export', { campaignId, showLogins: true });
  for (;;) {
    const s = await t.call('jobs.status', { id: jobId });
    if (s.state === 'done') return s.result as ExportResult;
    if (s.state === 'failed') throw new Error(s.error?.message);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.each<[DemoSize, 'all' | 'in_progress']>([
  ['unit', 'all'],
  ['district', 'in_progress'],
])('the %s demo', (size, which) => {
  let t: TestCore;
  beforeAll(() => {
    t = makeTestCore(TODAY);
    generateDemo(t.core.db, size, { today: TODAY });
  }, 240_000);
  afterAll(() => t?.close());

  it('every figure of each report equals the independent recount of its rows', async () => {
    const campaigns = (await t.call('campaigns.list', {})).filter((c) => c.status !== 'draft' && (which === 'all' || c.status === 'in_progress'));
    expect(campaigns.length).toBeGreaterThan(0);
    const months = (await t.call('settings.get', {})).deviceCheckMonths;
    const { names, loginIds } = loginsOf(t);
    const seen = { to_cancel: 0, must_change: 0, done: 0, late: 0, missing: 0, devices: 0 };
    for (const c of campaigns) {
      const exported = await exportReport(t, c.id);
      const r = recount(t.core.db, c.id, TODAY, months);
      // The demo is not empty: accounts in several states, devices counted.
      expect(r.overall.all.total, c.subject).toBeGreaterThan(0);
      checkUnitWorkbook(readWorkbook(exported.filePath), r, names, loginIds, names, TODAY, months);
      expect(exported.figures.total, c.subject).toBe(r.overall.all.total);
      for (const k of ['to_cancel', 'must_change', 'done', 'late', 'missing'] as const) seen[k] += r.overall.all[k];
      seen.devices += r.devices.devices;
    }
    // Every state (malware-forced included) and devices occur, so the check is not vacuous (a
    // campaign still before its deadline has no late change yet).
    for (const [k, n] of Object.entries(seen)) if (k !== 'late' || which === 'all') expect(n, k).toBeGreaterThan(0);
  }, 600_000);
});
