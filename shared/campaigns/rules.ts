import { daysBetween } from '../dates';

// Rule 2 (PRODUCT.md "Campaign compliance"): an in-scope active account is done when it has a
// confirmation dated within [start, deadline]; one dated after the deadline makes it late; the
// rest are missing. Rule 3 ("Leavers"): an active account of a transferred/retired/left owner must
// be cancelled — it is listed "to cancel" instead of being counted for rotation.

export const CAMPAIGN_ACCOUNT_STATES = ['done', 'late', 'missing', 'to_cancel'] as const;
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

export function campaignAccountState(confirmationDates: readonly string[], start: string, deadline: string, ownerLeft: boolean): CampaignAccountState {
  if (ownerLeft) return 'to_cancel';
  if (confirmationDates.some((d) => d >= start && d <= deadline)) return 'done';
  if (confirmationDates.some((d) => d > deadline)) return 'late';
  return 'missing';
}

export interface CampaignFigures {
  /** In-scope accounts counted for the password change (leavers' accounts excluded). */
  total: number;
  admin: number;
  user: number;
  done: number;
  late: number;
  missing: number;
  /** Active accounts of leavers, to be cancelled (Rule 3). */
  toCancel: number;
}

export const emptyFigures = (): CampaignFigures => ({ total: 0, admin: 0, user: 0, done: 0, late: 0, missing: 0, toCancel: 0 });

/** Progress = done / in-scope, as a whole percentage (0 when nothing is in scope). */
export function progressPercent(f: Pick<CampaignFigures, 'done' | 'total'>): number {
  return f.total === 0 ? 0 : Math.floor((f.done * 100) / f.total);
}

/** Rule 6: days left to the deadline (negative when past). */
export function daysLeft(today: string, deadline: string): number {
  return daysBetween(today, deadline);
}
