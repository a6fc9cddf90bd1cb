import { addMonths, format, parseISO } from 'date-fns';
import { daysBetween } from '../dates';
import type { AccountRole } from '../accounts/schema';

// Rule 1 (PRODUCT.md "Rotation"): next change due = last confirmed change + the system's interval
// for the account's role, in calendar months. Notices: complaints DB at least monthly
// (000_…, Sở KH&CN 06/2023); evaluation software every 3 months and Party handbook every 6
// (001_…, UBND quận Đống Đa 01/2024).

export const ROTATION_STATES = ['ok', 'due_soon', 'overdue', 'never'] as const;
export type RotationState = (typeof ROTATION_STATES)[number];

export const DEFAULT_DUE_SOON_DAYS = 14;

/**
 * Calendar-month addition clamped to the month's end (date-fns): 31/01 + 1 → 29/02 in a leap
 * year, 28/02 otherwise; 31/08 + 1 → 30/09. The SQL twin in electron/core must agree (tested).
 */
export function nextDueDate(lastChanged: string, intervalMonths: number): string {
  return format(addMonths(parseISO(lastChanged), intervalMonths), 'yyyy-MM-dd');
}

export function intervalFor(role: AccountRole, system: { adminIntervalMonths: number; userIntervalMonths: number }): number {
  return role === 'admin' ? system.adminIntervalMonths : system.userIntervalMonths;
}

export interface Rotation {
  state: RotationState;
  /** null when never confirmed. */
  nextDue: string | null;
  /** Days from today to nextDue (negative when overdue); null when never confirmed. */
  daysLeft: number | null;
}

/** ok / due soon (≤ dueSoonDays left, due today included) / overdue (past the due date) / never confirmed. */
export function rotationState(lastChanged: string | null, intervalMonths: number, today: string, dueSoonDays = DEFAULT_DUE_SOON_DAYS): Rotation {
  if (!lastChanged) return { state: 'never', nextDue: null, daysLeft: null };
  const nextDue = nextDueDate(lastChanged, intervalMonths);
  const daysLeft = daysBetween(today, nextDue);
  const state: RotationState = daysLeft < 0 ? 'overdue' : daysLeft <= dueSoonDays ? 'due_soon' : 'ok';
  return { state, nextDue, daysLeft };
}
