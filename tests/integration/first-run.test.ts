import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setupDone } from '../../shared/dashboard/schema';
import { HOME_UNIT, makeTestCore, type TestCore } from './harness-core';

// Issue 18: a brand-new unit sees staff → systems → accounts → campaign on Tổng quan, each step
// done only when it really is (a campaign in draft is not started).
let t: TestCore;
beforeEach(async () => {
  t = makeTestCore('2026-03-02');
  await t.call('unit.save', HOME_UNIT);
});
afterEach(() => t.close());

describe('first-run path', () => {
  it('counts each step from the data, and a draft campaign does not complete the last one', async () => {
    let setup = (await t.call('dashboard.summary', {})).setup;
    // Systems are seeded on first run (PRODUCT.md), so that step starts done.
    expect(setup).toMatchObject({ people: 0, accounts: 0, campaignsStarted: 0, campaignsDraft: 0 });
    expect(setup.systems).toBeGreaterThan(0);
    expect(setupDone(setup)).toEqual({ people: false, systems: true, accounts: false, campaign: false });

    const p = await t.call('people.create', { fullName: 'Nguyễn Văn An' });
    const [kntc] = (await t.call('systems.list', {})).map((s) => s.id) as [number];
    await t.call('accounts.create', { systemId: kntc, personId: p.id, loginName: 'annv' });
    const c = await t.call('campaigns.create', { directiveNumber: '12/UBND-VP', subject: 'Rà soát', systemIds: [kntc], startDate: '2026-03-02', deadline: '2026-03-25' });
    setup = (await t.call('dashboard.summary', {})).setup;
    expect(setup).toMatchObject({ people: 1, accounts: 1, campaignsStarted: 0, campaignsDraft: 1 });
    expect(setupDone(setup).campaign).toBe(false);

    await t.call('campaigns.advance', { id: c.id, to: 'in_progress' });
    setup = (await t.call('dashboard.summary', {})).setup;
    expect(setupDone(setup)).toEqual({ people: true, systems: true, accounts: true, campaign: true });
  });

  it('a person who left does not count as staff set up', async () => {
    const p = await t.call('people.create', { fullName: 'Trần Văn Bình' });
    await t.call('people.setStatus', { id: p.id, status: 'retired', statusDate: '2026-03-01' });
    expect((await t.call('dashboard.summary', {})).setup.people).toBe(0);
  });
});
