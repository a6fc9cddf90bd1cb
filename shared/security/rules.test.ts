import { describe, expect, it } from 'vitest';
import { checkItemsIssue, FEATURE_RESULTS, FEATURE_SCOPES, FLAGGED_SECURITY_STATES, isSecurityFlagged, resultCounts, securityCheckDue, securityState, SECURITY_STATES } from './rules';

describe('Rule 8: periodic checks of security features', () => {
  it('flags a system never checked', () => {
    expect(securityState(null, '2024-01-20', 3)).toBe('never');
  });

  it('is due N calendar months after the last check, clamped at month end, and still in time on that day', () => {
    expect(securityCheckDue('2023-11-30', 3)).toBe('2024-02-29');
    expect(securityState({ checkedOn: '2023-11-30', results: ['used'] }, '2024-02-29', 3)).toBe('ok');
    expect(securityState({ checkedOn: '2023-11-30', results: ['used'] }, '2024-03-01', 3)).toBe('overdue');
  });

  it('flags a feature found unused until the next check', () => {
    expect(securityState({ checkedOn: '2024-01-10', results: ['used', 'not_used', 'na'] }, '2024-01-20', 3)).toBe('unused');
    expect(securityState({ checkedOn: '2024-01-15', results: ['used', 'na'] }, '2024-01-20', 3)).toBe('ok');
  });

  it('reports overdue before unused (the finding is stale once the check is late)', () => {
    expect(securityState({ checkedOn: '2023-01-10', results: ['not_used'] }, '2024-01-20', 3)).toBe('overdue');
  });

  it('counts results', () => {
    expect(resultCounts(['used', 'used', 'not_used', 'na'])).toEqual({ used: 2, notUsed: 1, na: 1 });
  });
});

describe('what a check must answer', () => {
  const features = [
    { id: 1, scope: 'system' as const },
    { id: 2, scope: 'account' as const },
    { id: 3, scope: 'account' as const },
  ];

  it('a system-wide check answers every active feature exactly once', () => {
    expect(checkItemsIssue([{ featureId: 1 }, { featureId: 2 }, { featureId: 3 }], features, false)).toBeNull();
    expect(checkItemsIssue([{ featureId: 1 }, { featureId: 2 }], features, false)).toEqual({ index: -1, issue: 'missing_feature', featureId: 3 });
    expect(checkItemsIssue([{ featureId: 1 }, { featureId: 1 }], features, false)).toEqual({ index: 1, issue: 'duplicate_feature' });
    expect(checkItemsIssue([{ featureId: 9 }], features, false)).toEqual({ index: 0, issue: 'unknown_feature' });
  });

  it('a check of one account answers its personal features only', () => {
    expect(checkItemsIssue([{ featureId: 2 }, { featureId: 3 }], features, true)).toBeNull();
    expect(checkItemsIssue([{ featureId: 1 }, { featureId: 2 }, { featureId: 3 }], features, true)).toEqual({ index: 0, issue: 'not_personal' });
    expect(checkItemsIssue([], [{ id: 1, scope: 'system' }], true)).toEqual({ index: -1, issue: 'no_personal_features' });
  });
});

// Issue 22 (mutation testing): exact due days, every branch and each returned field, with literal values.
describe('Rule 8, literally', () => {
  it('is due exactly N months after the check; in time on the due day, overdue the day after', () => {
    expect(securityCheckDue('2024-01-15', 3)).toBe('2024-04-15');
    expect(securityCheckDue(null, 3)).toBeNull();
    expect(securityState({ checkedOn: '2024-01-15', results: ['used'] }, '2024-04-15', 3)).toBe('ok');
    expect(securityState({ checkedOn: '2024-01-15', results: ['used'] }, '2024-04-16', 3)).toBe('overdue');
    expect(securityState({ checkedOn: '2024-01-15', results: ['not_used'] }, '2024-04-15', 3)).toBe('unused');
    expect(securityState({ checkedOn: '2024-01-15', results: [] }, '2024-01-15', 3)).toBe('ok');
  });

  it('flags every state but ok', () => {
    expect(SECURITY_STATES.map(isSecurityFlagged)).toEqual([true, true, true, false]);
    expect(FLAGGED_SECURITY_STATES).toEqual(['never', 'overdue', 'unused']);
    expect(FEATURE_SCOPES).toEqual(['system', 'account']);
    expect(FEATURE_RESULTS).toEqual(['used', 'not_used', 'na']);
  });

  it('counts each result in its own column', () => {
    expect(resultCounts([])).toEqual({ used: 0, notUsed: 0, na: 0 });
    expect(resultCounts(['na', 'na', 'na'])).toEqual({ used: 0, notUsed: 0, na: 3 });
    expect(resultCounts(['not_used', 'not_used'])).toEqual({ used: 0, notUsed: 2, na: 0 });
    expect(resultCounts(['used'])).toEqual({ used: 1, notUsed: 0, na: 0 });
  });
});

describe('what a check must answer, literally', () => {
  const features = [
    { id: 1, scope: 'system' as const },
    { id: 2, scope: 'account' as const },
    { id: 3, scope: 'account' as const },
  ];

  it('a system-wide check of a system without features answers nothing; the first missing feature is named', () => {
    expect(checkItemsIssue([], [], false)).toBeNull();
    expect(checkItemsIssue([], features, false)).toEqual({ index: -1, issue: 'missing_feature', featureId: 1 });
    expect(checkItemsIssue([{ featureId: 1 }, { featureId: 3 }], features, false)).toEqual({ index: -1, issue: 'missing_feature', featureId: 2 });
  });

  it('a check of one account misses a personal feature, never a system one; names the offending item by index', () => {
    expect(checkItemsIssue([{ featureId: 2 }], features, true)).toEqual({ index: -1, issue: 'missing_feature', featureId: 3 });
    expect(checkItemsIssue([{ featureId: 3 }, { featureId: 2 }], features, true)).toBeNull();
    expect(checkItemsIssue([{ featureId: 2 }, { featureId: 1 }], features, true)).toEqual({ index: 1, issue: 'not_personal' });
    expect(checkItemsIssue([{ featureId: 2 }, { featureId: 2 }], features, true)).toEqual({ index: 1, issue: 'duplicate_feature' });
    expect(checkItemsIssue([{ featureId: 2 }, { featureId: 3 }, { featureId: 7 }], features, true)).toEqual({ index: 2, issue: 'unknown_feature' });
    expect(checkItemsIssue([{ featureId: 2 }], [{ id: 2, scope: 'account' }], true)).toBeNull();
  });
});
