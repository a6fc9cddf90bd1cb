import { describe, expect, it } from 'vitest';
import { campaignAccountState, daysLeft, NEXT_STATUS, progressPercent } from './rules';

describe('campaignAccountState (Rule 2, Rule 3)', () => {
  const start = '2024-01-10';
  const deadline = '2024-01-25';
  it('is done with a change inside [start, deadline], bounds included', () => {
    expect(campaignAccountState(['2024-01-10'], start, deadline, false)).toBe('done');
    expect(campaignAccountState(['2024-01-25'], start, deadline, false)).toBe('done');
    expect(campaignAccountState(['2024-01-30', '2024-01-12'], start, deadline, false)).toBe('done');
  });
  it('is late with only a change after the deadline', () => {
    expect(campaignAccountState(['2024-01-26'], start, deadline, false)).toBe('late');
  });
  it('is missing with no change, or only changes before the start', () => {
    expect(campaignAccountState([], start, deadline, false)).toBe('missing');
    expect(campaignAccountState(['2024-01-09'], start, deadline, false)).toBe('missing');
  });
  it('lists a leaver\'s account to cancel whatever its confirmations', () => {
    expect(campaignAccountState(['2024-01-12'], start, deadline, true)).toBe('to_cancel');
  });
});

describe('campaign helpers', () => {
  it('computes progress as done / in-scope', () => {
    expect(progressPercent({ done: 0, total: 0 })).toBe(0);
    expect(progressPercent({ done: 2, total: 3 })).toBe(66);
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
