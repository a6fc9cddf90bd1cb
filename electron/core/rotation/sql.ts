// The SQL twin of shared/rotation/rules.ts nextDueDate(): calendar months clamped to the month's
// end. SQLite's own '+N months' overflows (31/01 + 1 month = 02/03); taking the smaller of it and
// the last day of the target month gives date-fns' answer. Pure SQL keeps the aggregation in the
// database (no JS call per row); rotation/sql.test.ts proves both agree on every day of 2023–2025.

/** SQL expression: next due date for `last` (ISO text) plus `months` (integer expression). */
export function nextDueSql(last: string, months: string): string {
  return `min(date(${last}, '+' || (${months}) || ' months'), date(${last}, 'start of month', '+' || ((${months}) + 1) || ' months', '-1 day'))`;
}

/** Interval of an account's role on its system (aliases a = accounts, s = systems). */
export const INTERVAL_SQL = "CASE a.role WHEN 'admin' THEN s.admin_interval_months ELSE s.user_interval_months END";

/** Latest valid confirmation date per account (alias a = accounts): a column kept by triggers (migration 0007). */
export const LAST_CHANGED_SQL = 'a.last_changed_on';

/** Next due date per account (alias a): a column kept by triggers with nextDueSql's rule. */
export const NEXT_DUE_SQL = 'a.next_due';
