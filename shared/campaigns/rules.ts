import { daysBetween } from '../dates';
import { countsAfterMalware, malwareFloor, type ConfirmationFact, type Infection } from '../devices/rules';

// Rule 2 (PRODUCT.md "Campaign compliance"): every in-scope account (an active account on a system
// in the campaign's scope) has exactly ONE state, in this precedence, so the states always add up
// to the total:
//   to_cancel    its owner transferred, retired or left (Rule 3): listed for the cancellation request;
//   must_change  malware on the owner's device (Rule 5): a device is still infected, or no
//                confirmation counts after the remediation (dated on/after it, recorded after it was);
//   done         a counting confirmation dated within [start, deadline];
//   late         a counting confirmation dated after the deadline (and none within);
//   missing      the rest (no confirmation, or only ones dated before the start).
// A confirmation counts when it is not voided and, if the owner's device had malware, it is dated
// on or after the remediation and was recorded after the remediation was (countsAfterMalware).
// SQL twin: electron/core/campaigns/state-sql.ts (tests/integration/campaign-state.test.ts checks
// that both agree on random histories). Every screen, document and file reads one of the two.

export const CAMPAIGN_ACCOUNT_STATES = ['to_cancel', 'must_change', 'done', 'late', 'missing'] as const;
export type CampaignAccountState = (typeof CAMPAIGN_ACCOUNT_STATES)[number];

export const CAMPAIGN_STATUSES = ['draft', 'in_progress', 'reported', 'sent'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** The one forward path of a campaign: draft → in progress → reported → sent. */
export const NEXT_STATUS: Record<CampaignStatus, CampaignStatus | null> = {
  draft: 'in_progress',
  in_progress: 'reported',
  reported: 'sent',
  sent: null,
};

export interface AccountFacts {
  /** The owner is transferred, retired or left (Rule 3). */
  leaver: boolean;
  /** Every confirmation of the account (voided ones are ignored). */
  confirmations: readonly ConfirmationFact[];
  /** The devices whose latest malware finding names the account's owner (none for a shared account). */
  malware: readonly Infection[];
}

/** THE state of one in-scope account in a campaign [start, deadline]. */
export function campaignAccountState(a: AccountFacts, start: string, deadline: string): CampaignAccountState {
  if (a.leaver) return 'to_cancel';
  const floor = malwareFloor(a.malware);
  const counting = a.confirmations.filter((c) => countsAfterMalware(c, floor));
  if (floor !== null && (floor.infected || counting.length === 0)) return 'must_change';
  if (counting.some((c) => c.changedOn >= start && c.changedOn <= deadline)) return 'done';
  if (counting.some((c) => c.changedOn > deadline)) return 'late';
  return 'missing';
}

/** The date a state is "as of": the latest counting change within the window (done) or after it (late). */
export function countedChange(a: AccountFacts, start: string, deadline: string): string | null {
  const state = campaignAccountState(a, start, deadline);
  const floor = malwareFloor(a.malware);
  const dates = a.confirmations.filter((c) => countsAfterMalware(c, floor)).map((c) => c.changedOn);
  const pick = (ds: string[]) => (ds.length ? ds.reduce((x, y) => (y > x ? y : x)) : null);
  if (state === 'done') return pick(dates.filter((d) => d >= start && d <= deadline));
  if (state === 'late') return pick(dates.filter((d) => d > deadline));
  return null;
}

/** Accounts of one role by state; `total` = the sum of the five states. */
export interface StateCounts {
  total: number;
  toCancel: number;
  mustChange: number;
  done: number;
  late: number;
  missing: number;
}

export interface CampaignFigures extends StateCounts {
  /** Accounts per role (= byRole.admin.total, byRole.user.total). */
  admin: number;
  user: number;
  byRole: { admin: StateCounts; user: StateCounts };
}

export const STATE_KEYS: Record<CampaignAccountState, keyof Omit<StateCounts, 'total'>> = {
  to_cancel: 'toCancel', must_change: 'mustChange', done: 'done', late: 'late', missing: 'missing',
};

export const emptyCounts = (): StateCounts => ({ total: 0, toCancel: 0, mustChange: 0, done: 0, late: 0, missing: 0 });
export const emptyFigures = (): CampaignFigures => ({ ...emptyCounts(), admin: 0, user: 0, byRole: { admin: emptyCounts(), user: emptyCounts() } });

/** Count `n` accounts of `role` in `state` into `f` (the only way figures grow, so they always add up). */
export function addToFigures(f: CampaignFigures, role: 'admin' | 'user', state: CampaignAccountState, n = 1): void {
  const k = STATE_KEYS[state];
  f.total += n;
  f[k] += n;
  f[role] += n;
  f.byRole[role].total += n;
  f.byRole[role][k] += n;
}

/** a + b, field by field. */
export function sumFigures(a: CampaignFigures, b: CampaignFigures): CampaignFigures {
  const c = (x: StateCounts, y: StateCounts): StateCounts => ({
    total: x.total + y.total, toCancel: x.toCancel + y.toCancel, mustChange: x.mustChange + y.mustChange, done: x.done + y.done, late: x.late + y.late, missing: x.missing + y.missing,
  });
  return { ...c(a, b), admin: a.admin + b.admin, user: a.user + b.user, byRole: { admin: c(a.byRole.admin, b.byRole.admin), user: c(a.byRole.user, b.byRole.user) } };
}

/**
 * Progress = done / in-scope, as a whole percentage rounded to nearest (1/6 → 17 %, not the 16 %
 * a floor shows; issue 18), 0 when nothing is in scope. Rounding never claims what is not so:
 * 100 % only when every account is done, 0 % only when none is (199/200 → 99 %, 1/300 → 1 %).
 */
export function progressPercent(f: Pick<CampaignFigures, 'done' | 'total'>): number {
  if (f.total === 0 || f.done === 0) return 0;
  if (f.done >= f.total) return 100;
  return Math.min(99, Math.max(1, Math.round((f.done * 100) / f.total)));
}

/** Rule 6: days left to the deadline (negative when past). */
export function daysLeft(today: string, deadline: string): number {
  return daysBetween(today, deadline);
}
