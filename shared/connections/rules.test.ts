import { describe, expect, it } from 'vitest';
import {
  checkedWithin, connectionCheckDue, connectionCounts, connectionIssue, connectionState, connectionWindowStart, isFlagged, CONNECTION_DIRECTIONS, CONNECTION_PROTOCOLS,
  CONNECTION_STATES, CONNECTION_STATUSES, FLAGGED_CONNECTION_STATES, NO_CONNECTIONS, type ConnectionFacts, type ConnectionState,
} from './rules';

const today = '2024-05-31';
const s2s = (checkedOn: string | null, status: ConnectionFacts['status'] = 'active'): ConnectionFacts => ({ protocol: 'vpn_site_to_site', checkedOn, status });

describe('Rule 7: a connection to a system that requires site-to-site VPN', () => {
  it('is compliant only over site-to-site VPN and checked within N months', () => {
    expect(connectionState(s2s('2024-01-10'), true, today, 12)).toBe('ok');
  });

  it('is not compliant over another VPN, no VPN, or an unknown protocol, however recently checked', () => {
    for (const protocol of ['vpn_other', 'none', 'unknown'] as const) {
      expect(connectionState({ protocol, checkedOn: today, status: 'active' }, true, today, 12)).toBe('not_site_to_site');
    }
  });

  it('is unchecked when never checked or checked before the window (today − N months, clamped at month end)', () => {
    expect(connectionState(s2s(null), true, today, 3)).toBe('unchecked');
    // 31/05 − 3 months = 29/02 (2024 is a leap year): a check that day still counts, the day before does not.
    expect(connectionWindowStart(today, 3)).toBe('2024-02-29');
    expect(connectionState(s2s('2024-02-29'), true, today, 3)).toBe('ok');
    expect(connectionState(s2s('2024-02-28'), true, today, 3)).toBe('unchecked');
  });

  it('does not count a check dated in the future', () => {
    expect(checkedWithin('2024-06-01', today, 12)).toBe(false);
    expect(connectionState(s2s('2024-06-01'), true, today, 12)).toBe('unchecked');
  });

  it('is never flagged for a system that does not require it, nor when stopped', () => {
    expect(connectionState({ protocol: 'none', checkedOn: null, status: 'active' }, false, today, 12)).toBe('not_required');
    expect(connectionState({ protocol: 'none', checkedOn: null, status: 'stopped' }, true, today, 12)).toBe('stopped');
  });
});

describe('connection figures', () => {
  const rows: ConnectionFacts[] = [
    s2s('2024-05-01'), // ok
    s2s(null), // site-to-site, never checked
    { protocol: 'vpn_other', checkedOn: '2024-05-01', status: 'active' },
    { protocol: 'unknown', checkedOn: null, status: 'active' },
    { protocol: 'none', checkedOn: null, status: 'stopped' }, // not counted
  ];

  it('count active connections, site-to-site ones, Rule 7 flags and unchecked ones', () => {
    expect(connectionCounts(rows, true, today, 12)).toEqual({ connections: 4, siteToSite: 2, nonCompliant: 3, notChecked: 2 });
  });

  it('have no non-compliant connection when the system does not require site-to-site VPN', () => {
    expect(connectionCounts(rows, false, today, 12)).toEqual({ connections: 4, siteToSite: 2, nonCompliant: 0, notChecked: 2 });
  });
});

describe('a connection record', () => {
  it('names both who checked it and when, or neither', () => {
    expect(connectionIssue({ checkedBy: 'A', checkedOn: today })).toBeNull();
    expect(connectionIssue({ checkedBy: '', checkedOn: null })).toBeNull();
    expect(connectionIssue({ checkedBy: '', checkedOn: today })).toEqual({ path: 'checkedBy', issue: 'check_needs_both' });
    expect(connectionIssue({ checkedBy: 'A', checkedOn: null })).toEqual({ path: 'checkedOn', issue: 'check_needs_both' });
  });

  it('is next due N months after its last check', () => {
    expect(connectionCheckDue('2023-08-31', 6)).toBe('2024-02-29');
    expect(connectionCheckDue(null, 6)).toBeNull();
  });
});

// Issue 22 (mutation testing): the exact boundary days and every branch, with literal values.
describe('Rule 7 boundaries, literally', () => {
  it('counts a check dated today, and the window\'s first day, but not the day before nor tomorrow', () => {
    expect(connectionWindowStart('2024-05-15', 12)).toBe('2023-05-15');
    expect(checkedWithin('2024-05-15', '2024-05-15', 12)).toBe(true);
    expect(checkedWithin('2023-05-15', '2024-05-15', 12)).toBe(true);
    expect(checkedWithin('2023-05-14', '2024-05-15', 12)).toBe(false);
    expect(checkedWithin('2024-05-16', '2024-05-15', 12)).toBe(false);
    expect(checkedWithin(null, '2024-05-15', 12)).toBe(false);
    expect(connectionState(s2s('2024-05-15'), true, '2024-05-15', 12)).toBe('ok');
    expect(connectionState(s2s('2023-05-14'), true, '2024-05-15', 12)).toBe('unchecked');
  });

  it('a stopped connection is "stopped" whatever its protocol or the system\'s requirement', () => {
    expect(connectionState({ protocol: 'vpn_site_to_site', checkedOn: today, status: 'stopped' }, false, today, 12)).toBe('stopped');
    expect(connectionState({ protocol: 'vpn_site_to_site', checkedOn: today, status: 'stopped' }, true, today, 12)).toBe('stopped');
  });

  it('a system that does not require site-to-site VPN lists its connections as not required, even over site-to-site and checked', () => {
    expect(connectionState(s2s(today), false, today, 12)).toBe('not_required');
    expect(connectionState(s2s(null), false, today, 12)).toBe('not_required');
  });

  it('flags exactly the two non-compliant states', () => {
    expect(['not_site_to_site', 'unchecked', 'ok', 'not_required', 'stopped'].map((s) => isFlagged(s as ConnectionState))).toEqual([true, true, false, false, false]);
    expect(FLAGGED_CONNECTION_STATES).toEqual(['not_site_to_site', 'unchecked']);
    expect(CONNECTION_STATES).toEqual(['not_site_to_site', 'unchecked', 'ok', 'not_required', 'stopped']);
    expect(CONNECTION_PROTOCOLS).toEqual(['vpn_site_to_site', 'vpn_other', 'none', 'unknown']);
    expect(CONNECTION_DIRECTIONS).toEqual(['to_system', 'from_system', 'both']);
    expect(CONNECTION_STATUSES).toEqual(['active', 'stopped']);
  });

  it('counts each figure on its own: a connection over another VPN checked today is neither site-to-site nor unchecked', () => {
    expect(connectionCounts([], true, today, 12)).toEqual({ connections: 0, siteToSite: 0, nonCompliant: 0, notChecked: 0 });
    expect(NO_CONNECTIONS).toEqual({ connections: 0, siteToSite: 0, nonCompliant: 0, notChecked: 0 });
    expect(connectionCounts([{ protocol: 'vpn_other', checkedOn: today, status: 'active' }], true, today, 12)).toEqual({ connections: 1, siteToSite: 0, nonCompliant: 1, notChecked: 0 });
    expect(connectionCounts([s2s(today)], true, today, 12)).toEqual({ connections: 1, siteToSite: 1, nonCompliant: 0, notChecked: 0 });
    expect(connectionCounts([s2s('2024-06-01')], true, today, 12)).toEqual({ connections: 1, siteToSite: 1, nonCompliant: 1, notChecked: 1 });
    expect(connectionCounts([s2s(today, 'stopped'), s2s(null, 'stopped')], true, today, 12)).toEqual({ connections: 0, siteToSite: 0, nonCompliant: 0, notChecked: 0 });
    // The counts do not share the constant.
    expect(NO_CONNECTIONS.connections).toBe(0);
  });

  it('is next due exactly N months after the check', () => {
    expect(connectionCheckDue('2024-01-15', 12)).toBe('2025-01-15');
    expect(connectionCheckDue('2024-01-31', 1)).toBe('2024-02-29');
  });
});
