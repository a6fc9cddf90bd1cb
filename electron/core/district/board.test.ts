import { describe, expect, it } from 'vitest';
import { figuresOf } from './board';

// The office stores, per unit file and system, the totals by state and the admin ones by state;
// the user accounts by state are the rest. Figures worked out by hand.
const counts = (total: number, toCancel: number, mustChange: number, done: number, late: number, missing: number) => ({ total, toCancel, mustChange, done, late, missing });

describe('figuresOf: the summed columns of the unit files as campaign figures', () => {
  it('user accounts by state = all minus admin, in every state (an admin to cancel, an admin missing)', () => {
    const f = figuresOf({
      total: 20, admin: 6, user: 14, toCancel: 3, mustChange: 2, done: 9, late: 1, missing: 5,
      aToCancel: 1, aMustChange: 2, aDone: 2, aLate: 0, aMissing: 1,
    });
    expect(f).toEqual({
      ...counts(20, 3, 2, 9, 1, 5), admin: 6, user: 14,
      byRole: { admin: counts(6, 1, 2, 2, 0, 1), user: counts(14, 2, 0, 7, 1, 4) },
    });
  });

  it('a file without figures (a system with no account) is zeros, not nulls', () => {
    const none = {
      total: null, admin: null, user: null, toCancel: null, mustChange: null, done: null, late: null, missing: null,
      aToCancel: null, aMustChange: null, aDone: null, aLate: null, aMissing: null,
    };
    expect(figuresOf(none)).toEqual({ ...counts(0, 0, 0, 0, 0, 0), admin: 0, user: 0, byRole: { admin: counts(0, 0, 0, 0, 0, 0), user: counts(0, 0, 0, 0, 0, 0) } });
  });
});
