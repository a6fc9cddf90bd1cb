import { addMonths, format, parseISO } from 'date-fns';

// Rule 8 (PRODUCT.md "Security features"), from seed 001 (UBND quận Đống Đa, 01/2024): "Cơ quan,
// đơn vị thường xuyên đôn đốc, kiểm tra việc thực hiện các tính năng bảo mật của 02 phần mềm theo
// đúng quy định." Each tracked system has an editable list of required security features; the unit
// inspects their use periodically (default every 3 months, setting securityCheckMonths). A check
// records each feature as used / not used / not applicable. A system whose check is not done in
// time, or whose latest check found a feature unused, is flagged until the next check.
// Features of scope 'account' are personal (e.g. one-time-code sign-in): besides the system-wide
// inspection, a check may be recorded for one account; its unused personal features flag that
// account until its next check.

export const FEATURE_SCOPES = ['system', 'account'] as const;
export type FeatureScope = (typeof FEATURE_SCOPES)[number];
export const FEATURE_RESULTS = ['used', 'not_used', 'na'] as const;
export type FeatureResult = (typeof FEATURE_RESULTS)[number];

/** Seed 001 says "thường xuyên" (regularly); the same quarterly rhythm as the device checks is the default. */
export const DEFAULT_SECURITY_CHECK_MONTHS = 3;

/** never checked → overdue (next due date passed) → unused (latest check found a feature not used) → ok. */
export const SECURITY_STATES = ['never', 'overdue', 'unused', 'ok'] as const;
export type SecurityState = (typeof SECURITY_STATES)[number];
export const FLAGGED_SECURITY_STATES = ['never', 'overdue', 'unused'] as const satisfies readonly SecurityState[];

const iso = (d: Date) => format(d, 'yyyy-MM-dd');

/** Next inspection due: last inspection + N calendar months (date-fns clamps 30/11 + 3 → 28/02 or 29/02). */
export function securityCheckDue(checkedOn: string | null, months: number): string | null {
  return checkedOn === null ? null : iso(addMonths(parseISO(checkedOn), months));
}

export interface SecurityCheckFacts {
  checkedOn: string;
  results: readonly FeatureResult[];
}

/** THE definition of Rule 8 for one system (or one account): from its latest valid check. Due on day D is still in time on D. */
export function securityState(latest: SecurityCheckFacts | null, today: string, months: number): SecurityState {
  if (latest === null) return 'never';
  if (securityCheckDue(latest.checkedOn, months)! < today) return 'overdue';
  if (latest.results.includes('not_used')) return 'unused';
  return 'ok';
}

export const isSecurityFlagged = (s: SecurityState): boolean => s !== 'ok';

export interface ResultCounts {
  used: number;
  notUsed: number;
  na: number;
}

export function resultCounts(results: readonly FeatureResult[]): ResultCounts {
  const out = { used: 0, notUsed: 0, na: 0 };
  for (const r of results) {
    if (r === 'used') out.used++;
    else if (r === 'not_used') out.notUsed++;
    else out.na++;
  }
  return out;
}

/**
 * What a check must answer: a system-wide check answers every active feature of the system; a check
 * of one account answers every active personal (scope 'account') feature. Each exactly once.
 * Returns the index of the first offending item and why, or null.
 */
export type ItemsIssue =
  | { index: number; issue: 'unknown_feature' | 'duplicate_feature' | 'not_personal' }
  | { index: -1; issue: 'missing_feature'; featureId: number }
  | { index: -1; issue: 'no_personal_features' };

export function checkItemsIssue(
  items: readonly { featureId: number }[],
  features: readonly { id: number; scope: FeatureScope }[],
  perAccount: boolean,
): ItemsIssue | null {
  const required = features.filter((f) => !perAccount || f.scope === 'account');
  if (perAccount && required.length === 0) return { index: -1, issue: 'no_personal_features' };
  const byId = new Map(features.map((f) => [f.id, f]));
  const seen = new Set<number>();
  for (const [index, item] of items.entries()) {
    const f = byId.get(item.featureId);
    if (!f) return { index, issue: 'unknown_feature' };
    if (seen.has(item.featureId)) return { index, issue: 'duplicate_feature' };
    if (perAccount && f.scope !== 'account') return { index, issue: 'not_personal' };
    seen.add(item.featureId);
  }
  const missing = required.find((f) => !seen.has(f.id));
  return missing ? { index: -1, issue: 'missing_feature', featureId: missing.id } : null;
}
