import { z } from 'zod';
import { choice, flag, id, isoDate, optionalIsoDate, optionalText, paging, searchQuery, type Page, nameText, optionalNameText } from '../schema/fields';
import { CAMPAIGN_ACCOUNT_STATES, CAMPAIGN_STATUSES, type CampaignAccountState, type CampaignFigures, type CampaignStatus } from './rules';
import type { AccountRole } from '../accounts/schema';
import type { ForcedChange } from '../devices/rules';
import type { RotationState } from '../rotation/rules';

const campaignFields = {
  directiveNumber: nameText(80),
  directiveDate: optionalIsoDate,
  issuer: optionalNameText(200),
  subject: nameText(500),
  systemIds: z.array(id).min(1).max(100).refine((ids) => new Set(ids).size === ids.length),
  legalIds: z.array(id).max(50).default([]),
  startDate: isoDate,
  deadline: isoDate,
  recipient: optionalText(200),
  note: optionalText(500),
};

export const CampaignCreateInput = z.strictObject(campaignFields);
export type CampaignCreateInput = z.input<typeof CampaignCreateInput>;
export const CampaignUpdateInput = z.strictObject({ id, ...campaignFields });
export type CampaignUpdateInput = z.input<typeof CampaignUpdateInput>;

/** Lifecycle steps, each with its own date: start; reported (number, date, signer); sent (date). */
export const CampaignAdvanceInput = z.discriminatedUnion('to', [
  z.strictObject({ id, to: z.literal('in_progress') }),
  z.strictObject({ id, to: z.literal('reported'), reportNumber: nameText(40), reportedOn: isoDate, signer: nameText(120) }),
  z.strictObject({ id, to: z.literal('sent'), sentOn: isoDate }),
]);
export type CampaignAdvanceInput = z.input<typeof CampaignAdvanceInput>;

export const ChecklistInput = z.strictObject({
  campaignId: id,
  q: searchQuery,
  state: choice(CAMPAIGN_ACCOUNT_STATES).optional(),
  systemId: id.optional(),
  department: optionalText(120).optional(),
  unitId: id.optional(),
  /** true: only accounts that must change their password after malware on a device (Rule 5). */
  forced: flag.optional(),
  /**
   * Where the search looks: 'name' (default) = the owner's name (word starts) and the login;
   * 'all' also matches position, department and unit ("Thanh niên", "La Thành" only when asked).
   */
  searchIn: choice(['name', 'all'] as const).optional(),
  ...paging,
});
export type ChecklistInput = z.input<typeof ChecklistInput>;

export interface Campaign {
  id: number;
  directiveNumber: string;
  directiveDate: string | null;
  issuer: string;
  subject: string;
  systemIds: number[];
  legalIds: number[];
  startDate: string;
  deadline: string;
  recipient: string;
  note: string;
  status: CampaignStatus;
  startedOn: string | null;
  reportNumber: string | null;
  reportedOn: string | null;
  signer: string | null;
  sentOn: string | null;
  /** Set when the campaign came from a receiving office's campaign file: its identifier there. */
  reference: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SystemFigures extends CampaignFigures {
  systemId: number;
  systemName: string;
}

export interface CampaignProgress {
  campaign: Campaign;
  overall: CampaignFigures;
  bySystem: SystemFigures[];
  percent: number;
  daysLeft: number;
}

export interface ChecklistRow {
  accountId: number;
  loginName: string;
  role: AccountRole;
  systemId: number;
  systemName: string;
  personId: number | null;
  personName: string | null;
  position: string;
  department: string;
  unitName: string;
  state: CampaignAccountState;
  /** The change its state counts: the latest counting one within the window (done) or after it (late); null otherwise. */
  changedOn: string | null;
  lastChangedOn: string | null;
  rotation: RotationState;
  nextDue: string | null;
  /** Rule 5: a password change forced by malware on the owner's device, whatever the campaign state; null when none. */
  forced: ForcedChange | null;
}
/** counts: per state (within every other filter); forcedCount: forced accounts within the filters but any state. */
export type ChecklistPage = Page<ChecklistRow> & { counts: Record<CampaignAccountState, number>; forcedCount: number };

export { CAMPAIGN_STATUSES };

/** A correction made after the campaign was reported: who, when, why — shown and exported as such. */
export interface Amendment {
  id: number;
  campaignId: number;
  at: string;
  actor: string;
  reason: string;
  summary: string;
}
