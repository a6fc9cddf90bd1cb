import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nextDueDate } from '../../shared/rotation/rules';
import { HOME_UNIT, makeTestCore, type TestCore } from './harness-core';

// accounts.last_changed_on / next_due are kept by triggers (migration 0007). They must always equal
// what the shared rule computes from the confirmations, whatever happens to them.
let t: TestCore;
beforeEach(async () => {
  t = makeTestCore('2025-12-31');
  await t.call('unit.save', HOME_UNIT);
});
afterEach(() => t.close());

function expectConsistent(): number {
  const rows = t.core.db
    .prepare(
      `SELECT a.id, a.role, a.last_changed_on AS last, a.next_due AS due, s.admin_interval_months AS ai, s.user_interval_months AS ui,
         (SELECT max(changed_on) FROM confirmations c WHERE c.account_id = a.id AND c.voided_at IS NULL) AS expectedLast
       FROM accounts a JOIN systems s ON s.id = a.system_id`,
    )
    .all() as { id: number; role: string; last: string | null; due: string | null; ai: number; ui: number; expectedLast: string | null }[];
  for (const r of rows) {
    expect(r.last, `account ${r.id}`).toBe(r.expectedLast);
    expect(r.due, `account ${r.id}`).toBe(r.expectedLast ? nextDueDate(r.expectedLast, r.role === 'admin' ? r.ai : r.ui) : null);
  }
  return rows.length;
}

describe('rotation columns kept by triggers', () => {
  it('follow confirmations, voids, role and system changes, and interval edits', async () => {
    const systems = await t.call('systems.list', {});
    const p = await t.call('people.create', { fullName: 'Nguyễn Văn An' });
    const accounts = [];
    for (const [i, s] of systems.entries()) {
      accounts.push(await t.call('accounts.create', { systemId: s.id, personId: p.id, loginName: `a${i}`, role: i % 2 ? 'admin' : 'user' }));
    }
    expectConsistent();
    // Month ends and leap days on purpose.
    const dates = ['2024-01-31', '2024-02-29', '2024-08-31', '2025-01-31', '2025-03-31', '2024-11-30'];
    const ids: number[] = [];
    for (const [i, d] of dates.entries()) {
      ids.push((await t.call('confirmations.create', { accountId: accounts[i % accounts.length]!.id, changedOn: d })).id);
      expectConsistent();
    }
    await t.call('confirmations.void', { id: ids[3]!, reason: 'nhầm' });
    expectConsistent();
    await t.call('confirmations.void', { id: ids[0]!, reason: 'nhầm' });
    expectConsistent();
    const a0 = accounts[0]!;
    await t.call('accounts.update', { id: a0.id, systemId: systems[2]!.id, personId: p.id, loginName: 'moved', role: 'admin' });
    expectConsistent();
    for (const s of systems) {
      await t.call('systems.update', { id: s.id, name: s.name, managingAgency: s.managingAgency, adminIntervalMonths: 2, userIntervalMonths: 5 });
      expectConsistent();
    }
    expect(expectConsistent()).toBe(3);
  });
});
