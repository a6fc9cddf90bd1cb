import { describe, expect, it } from 'vitest';
import { sumNotices, unitSecurityResult, type UnitNotices } from './notices';

const unit = (code: string, c: [number, number, number, number] | null, s: [number, number, number, number] | null): UnitNotices => ({
  unitId: code.length, code, name: code, submissionId: 1,
  connections: c && { connections: c[0], siteToSite: c[1], nonCompliant: c[2], notChecked: c[3] },
  security: s && { systems: s[0], ok: s[1], overdue: s[2], unused: s[3], lastCheckedOn: null },
});

describe('the receiving office\'s notice figures', () => {
  it('a unit\'s security result: ok only when every system is ok; none when it has no system to check', () => {
    expect(unitSecurityResult({ systems: 3, ok: 3, overdue: 0, unused: 0, lastCheckedOn: '2024-01-10' })).toBe('ok');
    expect(unitSecurityResult({ systems: 3, ok: 2, overdue: 1, unused: 0, lastCheckedOn: '2024-01-10' })).toBe('flagged');
    expect(unitSecurityResult({ systems: 3, ok: 2, overdue: 0, unused: 1, lastCheckedOn: '2024-01-10' })).toBe('flagged');
    expect(unitSecurityResult({ systems: 0, ok: 0, overdue: 0, unused: 0, lastCheckedOn: null })).toBe('none');
  });

  it('sums the units that state the figures and counts the units with something to fix', () => {
    const t = sumNotices([unit('A', [3, 2, 1, 1], [3, 1, 1, 1]), unit('B', [2, 2, 0, 0], [3, 3, 0, 0]), unit('C', null, null)]);
    expect(t).toEqual({
      connections: { connections: 5, siteToSite: 4, nonCompliant: 1, notChecked: 1 },
      security: { systems: 6, ok: 4, overdue: 1, unused: 1 },
      unitsNonCompliant: 1,
      unitsSecurityFlagged: 1,
    });
  });

  it('sums to zero over no unit', () => {
    expect(sumNotices([])).toEqual({
      connections: { connections: 0, siteToSite: 0, nonCompliant: 0, notChecked: 0 }, security: { systems: 0, ok: 0, overdue: 0, unused: 0 },
      unitsNonCompliant: 0, unitsSecurityFlagged: 0,
    });
  });
});
