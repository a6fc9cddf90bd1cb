import { describe, expect, it } from 'vitest';
import { addToFigures, campaignAccountState, countedChange, daysLeft, emptyFigures, NEXT_STATUS, progressPercent, sumFigures, type AccountFacts } from './rules';

describe('campaignAccountState (Rules 2, 3, 5: one state per account)', () => {
  const start = '2024-01-10';
  const deadline = '2024-01-25';
  const facts = (dates: string[], extra: Partial<AccountFacts> = {}): AccountFacts => ({ leaver: false, confirmations: dates.map((changedOn) => ({ changedOn })), malware: [], ...extra });
  const state = (dates: string[], extra: Partial<AccountFacts> = {}) => campaignAccountState(facts(dates, extra), start, deadline);
  it('is done with a change inside [start, deadline], bounds included', () => {
    expect(state(['2024-01-10'])).toBe('done');
    expect(state(['2024-01-25'])).toBe('done');
    expect(state(['2024-01-30', '2024-01-12'])).toBe('done');
  });
  it('is late with only a change after the deadline', () => {
    expect(state(['2024-01-26'])).toBe('late');
  });
  it('is missing with no change, or only changes before the start (they do not count)', () => {
    expect(state([])).toBe('missing');
    expect(state(['2024-01-09'])).toBe('missing');
  });
  it('ignores voided confirmations', () => {
    expect(campaignAccountState({ leaver: false, confirmations: [{ changedOn: '2024-01-12', voided: true }], malware: [] }, start, deadline)).toBe('missing');
  });
  it("lists a leaver's account to cancel whatever its confirmations or malware", () => {
    expect(state(['2024-01-12'], { leaver: true, malware: [{ infectedOn: '2024-01-11', remediatedOn: null }] })).toBe('to_cancel');
  });
  it('must change while the owner\'s device is infected, whatever the confirmations', () => {
    expect(state(['2024-01-12', '2024-01-20'], { malware: [{ infectedOn: '2024-01-11', remediatedOn: null }] })).toBe('must_change');
  });
  it('after the remediation: only a change dated on or after it, recorded after it, counts', () => {
    const malware = [{ infectedOn: '2024-01-11', remediatedOn: '2024-01-15', remediationRecordedAt: '2024-01-15T10:00:00.000Z' }];
    expect(state(['2024-01-12'], { malware })).toBe('must_change');
    expect(campaignAccountState({ leaver: false, malware, confirmations: [{ changedOn: '2024-01-15', recordedAt: '2024-01-15T11:00:00.000Z' }] }, start, deadline)).toBe('done');
    // recorded while the device was still infected (the remediation was entered later, backdated)
    expect(campaignAccountState({ leaver: false, malware, confirmations: [{ changedOn: '2024-01-15', recordedAt: '2024-01-15T09:00:00.000Z' }] }, start, deadline)).toBe('must_change');
    expect(campaignAccountState({ leaver: false, malware, confirmations: [{ changedOn: '2024-01-27', recordedAt: '2024-01-27T09:00:00.000Z' }] }, start, deadline)).toBe('late');
  });
  it('an old remediation before the campaign: a change after it but before the start is not done', () => {
    const malware = [{ infectedOn: '2023-06-01', remediatedOn: '2023-06-02', remediationRecordedAt: '2023-06-02T10:00:00.000Z' }];
    expect(campaignAccountState({ leaver: false, malware, confirmations: [{ changedOn: '2023-07-01', recordedAt: '2023-07-01T10:00:00.000Z' }] }, start, deadline)).toBe('missing');
  });
});

describe('figures always add up', () => {
  it('each account adds to its state, its role and the total', () => {
    const f = emptyFigures();
    addToFigures(f, 'admin', 'must_change');
    addToFigures(f, 'user', 'done', 3);
    addToFigures(f, 'user', 'to_cancel');
    expect(f).toMatchObject({ total: 5, admin: 1, user: 4, mustChange: 1, done: 3, toCancel: 1 });
    expect(f.byRole.user).toEqual({ total: 4, toCancel: 1, mustChange: 0, done: 3, late: 0, missing: 0 });
    expect(sumFigures(f, f).byRole.admin.mustChange).toBe(2);
  });
});

describe('campaign helpers', () => {
  it('computes progress as done / in-scope', () => {
    expect(progressPercent({ done: 0, total: 0 })).toBe(0);
    expect(progressPercent({ done: 2, total: 3 })).toBe(67);
    expect(progressPercent({ done: 3, total: 3 })).toBe(100);
  });
  it('counts days left, negative after the deadline', () => {
    expect(daysLeft('2024-01-20', '2024-01-25')).toBe(5);
    expect(daysLeft('2024-01-26', '2024-01-25')).toBe(-1);
  });
  it('moves only forward draft → in_progress → reported → sent', () => {
    expect(NEXT_STATUS.draft).toBe('in_progress');
    expect(NEXT_STATUS.in_progress).toBe('reported');
    expect(NEXT_STATUS.reported).toBe('sent');
    expect(NEXT_STATUS.sent).toBeNull();
  });
});

describe('progressPercent (issue 18: rounded, never overstated)', () => {
  it('rounds to nearest: 1/6 → 17, 1/3 → 33, 2/3 → 67, 40/100 → 40', () => {
    expect(progressPercent({ done: 1, total: 6 })).toBe(17);
    expect(progressPercent({ done: 1, total: 3 })).toBe(33);
    expect(progressPercent({ done: 2, total: 3 })).toBe(67);
    expect(progressPercent({ done: 40, total: 100 })).toBe(40);
  });
  it('shows 100 only when all are done and 0 only when none is', () => {
    expect(progressPercent({ done: 199, total: 200 })).toBe(99);
    expect(progressPercent({ done: 200, total: 200 })).toBe(100);
    expect(progressPercent({ done: 1, total: 300 })).toBe(1);
    expect(progressPercent({ done: 0, total: 300 })).toBe(0);
    expect(progressPercent({ done: 0, total: 0 })).toBe(0);
  });
});

// Issue 22 (mutants of this file): the date each state is "as of", sums and the percentage, with literals.
describe('countedChange, sumFigures, progressPercent (literal cases)', () => {
  const c = (changedOn: string, voided = false) => ({ changedOn, recordedAt: `${changedOn}T09:00:00.000Z`, voided });
  const facts = (dates: ReturnType<typeof c>[], leaver = false) => ({ leaver, confirmations: dates, malware: [] });
  it('done: the latest change within the window, start and deadline days included', () => {
    expect(countedChange(facts([c('2024-01-10'), c('2024-01-25'), c('2024-01-26')]), '2024-01-10', '2024-01-25')).toBe('2024-01-25');
    expect(countedChange(facts([c('2024-01-10'), c('2024-01-09')]), '2024-01-10', '2024-01-25')).toBe('2024-01-10');
    expect(countedChange(facts([c('2024-01-12'), c('2024-01-20', true)]), '2024-01-10', '2024-01-25')).toBe('2024-01-12');
  });
  it('late: the latest change after the deadline; missing and to cancel: none', () => {
    expect(countedChange(facts([c('2024-01-26'), c('2024-02-03'), c('2024-01-05')]), '2024-01-10', '2024-01-25')).toBe('2024-02-03');
    expect(countedChange(facts([c('2024-01-05')]), '2024-01-10', '2024-01-25')).toBe(null);
    expect(countedChange(facts([c('2024-01-12')], true), '2024-01-10', '2024-01-25')).toBe(null);
    expect(campaignAccountState(facts([c('2024-01-25')]), '2024-01-10', '2024-01-25')).toBe('done');
    expect(campaignAccountState(facts([c('2024-01-26')]), '2024-01-10', '2024-01-25')).toBe('late');
  });
  it('sums figures field by field, and the percentage rounds without claiming 0 or 100', () => {
    const a = emptyFigures();
    addToFigures(a, 'admin', 'done', 2);
    addToFigures(a, 'user', 'late', 3);
    addToFigures(a, 'user', 'missing');
    const b = emptyFigures();
    addToFigures(b, 'admin', 'to_cancel');
    addToFigures(b, 'user', 'must_change', 4);
    addToFigures(b, 'user', 'done');
    expect(sumFigures(a, b)).toEqual({
      total: 12, toCancel: 1, mustChange: 4, done: 3, late: 3, missing: 1, admin: 3, user: 9,
      byRole: { admin: { total: 3, toCancel: 1, mustChange: 0, done: 2, late: 0, missing: 0 }, user: { total: 9, toCancel: 0, mustChange: 4, done: 1, late: 3, missing: 1 } },
    });
    expect([progressPercent({ done: 0, total: 5 }), progressPercent({ done: 1, total: 6 }), progressPercent({ done: 199, total: 200 }), progressPercent({ done: 1, total: 300 }), progressPercent({ done: 5, total: 5 }), progressPercent({ done: 0, total: 0 })])
      .toEqual([0, 17, 99, 1, 100, 0]);
  });
});

// Issue 22 (survivors L57, L59, L100 of the 2026-12-02 run): confirmations in any order, a leaver
// or a forced account with a change after the deadline, late and missing on both sides of a sum.
describe('countedChange and sumFigures, the remaining cases', () => {
  const c = (changedOn: string) => ({ changedOn, recordedAt: `${changedOn}T09:00:00.000Z` });
  const facts = (dates: ReturnType<typeof c>[], leaver = false) => ({ leaver, confirmations: dates, malware: [] });
  it('takes the latest change whatever the order the confirmations come in', () => {
    expect(countedChange(facts([c('2024-01-20'), c('2024-01-12')]), '2024-01-10', '2024-01-25')).toBe('2024-01-20');
    expect(countedChange(facts([c('2024-02-03'), c('2024-01-28')]), '2024-01-10', '2024-01-25')).toBe('2024-02-03');
  });
  it('has no date for an account to cancel or one that must change, even with a change after the deadline', () => {
    expect(countedChange(facts([c('2024-02-01')], true), '2024-01-10', '2024-01-25')).toBe(null);
    // Still infected: a change after the deadline does not make it late.
    const forced: AccountFacts = { leaver: false, confirmations: [c('2024-02-01')], malware: [{ infectedOn: '2024-01-05', remediatedOn: null }] };
    expect(campaignAccountState(forced, '2024-01-10', '2024-01-25')).toBe('must_change');
    expect(countedChange(forced, '2024-01-10', '2024-01-25')).toBe(null);
  });
  it('adds late and missing from both operands', () => {
    const a = emptyFigures();
    addToFigures(a, 'admin', 'late', 2);
    addToFigures(a, 'user', 'missing', 5);
    const b = emptyFigures();
    addToFigures(b, 'admin', 'late', 3);
    addToFigures(b, 'user', 'missing', 1);
    expect(sumFigures(a, b)).toEqual({
      total: 11, toCancel: 0, mustChange: 0, done: 0, late: 5, missing: 6, admin: 5, user: 6,
      byRole: { admin: { total: 5, toCancel: 0, mustChange: 0, done: 0, late: 5, missing: 0 }, user: { total: 6, toCancel: 0, mustChange: 0, done: 0, late: 0, missing: 6 } },
    });
  });
});
