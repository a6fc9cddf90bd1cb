import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { campaignAccountState, countedChange, type CampaignAccountState } from '../../shared/campaigns/rules';
import { forcedChange, infectionOf, type OwnerDevice } from '../../shared/devices/rules';
import { params, STATED_SQL, getCampaign } from '../../electron/core/campaigns/service';
import { forcedFor } from '../../electron/core/devices/forced';
import type { Core } from '../../electron/core';
import { day, play, scenario } from '../oracle/scenario';

// The one state per account has two implementations: shared/campaigns/rules.ts (TypeScript) and
// its SQL twin (electron/core/campaigns/service.ts STATE_CASE + devices/forced.ts). On random
// histories — voided confirmations, confirmations on the start and deadline days, malware found and
// remediated (sometimes entered after a confirmation), leavers, shared accounts — and after moving
// the campaign's start and deadline by a day, both give every account the same state and date,
// and Rule 5's forced flag agrees too.

interface Raw {
  accounts: { id: number; person_id: number | null; status: string }[];
  people: Map<number, string>;
  confirmations: Map<number, { changedOn: string; recordedAt: string; voided: boolean }[]>;
  devicesOf: Map<number, OwnerDevice[]>;
}

function readRaw(core: Core): Raw {
  const db = core.db;
  const confirmations = new Map<number, { changedOn: string; recordedAt: string; voided: boolean }[]>();
  for (const c of db.prepare('SELECT account_id, changed_on, recorded_at, voided_at FROM confirmations').all() as { account_id: number; changed_on: string; recorded_at: string; voided_at: string | null }[]) {
    (confirmations.get(c.account_id) ?? confirmations.set(c.account_id, []).get(c.account_id)!).push({ changedOn: c.changed_on, recordedAt: c.recorded_at, voided: c.voided_at !== null });
  }
  type CheckRow = { id: number; device_id: number; owner_id: number; checked_on: string; recorded_at: string; voided_at: string | null; malware_found: number; cleaned: number; os_reinstalled: number; remediated_on: string | null };
  const checks = db.prepare('SELECT * FROM device_checks ORDER BY checked_on, id').all() as CheckRow[];
  const devicesOf = new Map<number, OwnerDevice[]>();
  for (const d of db.prepare('SELECT id, asset_tag FROM devices').all() as { id: number; asset_tag: string }[]) {
    const mine = checks.filter((c) => c.device_id === d.id);
    const inf = infectionOf(mine.map((c) => ({
      checkedOn: c.checked_on, malwareFound: c.malware_found === 1, cleaned: c.cleaned === 1, osReinstalled: c.os_reinstalled === 1, remediatedOn: c.remediated_on,
      voided: c.voided_at !== null, recordedAt: c.recorded_at,
    })));
    if (inf.infectedOn === null) continue;
    const owner = mine.filter((c) => c.voided_at === null && c.malware_found === 1).at(-1)!.owner_id;
    (devicesOf.get(owner) ?? devicesOf.set(owner, []).get(owner)!).push({ id: d.id, assetTag: d.asset_tag, ...inf });
  }
  return {
    accounts: db.prepare('SELECT id, person_id, status FROM accounts').all() as Raw['accounts'],
    people: new Map((db.prepare('SELECT id, status FROM people').all() as { id: number; status: string }[]).map((p) => [p.id, p.status])),
    confirmations,
    devicesOf,
  };
}

describe('one state per account: the TypeScript rule and its SQL twin agree', () => {
  it('on random histories, and after moving the start and the deadline by a day', async () => {
    let seen = new Set<CampaignAccountState>();
    let forcedSeen = 0;
    await fc.assert(
      fc.asyncProperty(scenario({ people: 5, events: 35 }), fc.integer({ min: -1, max: 1 }), fc.integer({ min: -1, max: 1 }), async (s, dStart, dDeadline) => {
        const u = await play(s);
        try {
          const raw = readRaw(u.core);
          const check = () => {
            const campaign = getCampaign(u.core.db, u.campaignId);
            const rows = u.core.db.prepare(`SELECT accountId, personId, state, changedOn FROM (${STATED_SQL})`).all(params(campaign)) as { accountId: number; personId: number | null; state: CampaignAccountState; changedOn: string | null }[];
            for (const r of rows) {
              const facts = {
                leaver: r.personId !== null && raw.people.get(r.personId) !== 'working',
                confirmations: raw.confirmations.get(r.accountId) ?? [],
                malware: r.personId === null ? [] : raw.devicesOf.get(r.personId) ?? [],
              };
              expect([r.accountId, r.state, r.changedOn]).toEqual([r.accountId, campaignAccountState(facts, campaign.startDate, campaign.deadline), countedChange(facts, campaign.startDate, campaign.deadline)]);
              seen.add(r.state);
            }
          };
          check();
          // Start-day and deadline-day changes: the same histories under a window moved by a day.
          const c = getCampaign(u.core.db, u.campaignId);
          const start = day(s.start + dStart);
          const deadline = day(Math.max(s.start + dStart, s.start + s.length + dDeadline));
          u.core.db.prepare('UPDATE campaigns SET start_date = ?, deadline = ? WHERE id = ?').run(start, deadline, c.id);
          check();
          // Rule 5: the forced flag of every account, TypeScript vs SQL.
          const forced = forcedFor(u.core.db, raw.accounts.map((a) => a.id));
          for (const a of raw.accounts) {
            const expected = forcedChange({ status: a.status, confirmations: raw.confirmations.get(a.id) ?? [] }, a.person_id === null ? [] : raw.devicesOf.get(a.person_id) ?? []);
            expect([a.id, forced.get(a.id) ?? null]).toEqual([a.id, expected]);
            if (expected) forcedSeen++;
          }
        } finally {
          u.close();
        }
      }),
      { numRuns: 25, seed: 14, endOnFailure: true },
    );
    // The generator reaches every state (else the agreement proves little).
    expect([...seen].sort()).toEqual(['done', 'late', 'missing', 'must_change', 'to_cancel']);
    expect(forcedSeen).toBeGreaterThan(0);
    seen = new Set();
  }, 240_000);
});
