import { z } from 'zod';
import { choice, id, isoDate, optionalText, requiredText } from '../schema/fields';

// A password-change confirmation records THAT a password was changed — never the password.
export const CONFIRMED_BY = ['owner', 'clerk'] as const;
export type ConfirmedBy = (typeof CONFIRMED_BY)[number];
export const CONFIRMATION_METHODS = ['sign_sheet', 'self_declared', 'seen_on_screen'] as const;
export type ConfirmationMethod = (typeof CONFIRMATION_METHODS)[number];

const confirmationFields = {
  changedOn: isoDate,
  confirmedBy: choice(CONFIRMED_BY).default('owner'),
  method: choice(CONFIRMATION_METHODS).default('sign_sheet'),
  note: optionalText(500),
  campaignId: id.optional(),
  /** Required when the change touches a campaign already reported: recorded as an amendment. */
  amendmentReason: optionalText(500),
};

export const ConfirmationCreateInput = z.strictObject({ accountId: id, ...confirmationFields });
export type ConfirmationCreateInput = z.input<typeof ConfirmationCreateInput>;

/** Many accounts confirmed from one signed sheet: one transaction, all or nothing. */
export const ConfirmationBulkInput = z.strictObject({
  accountIds: z.array(id).min(1).max(5000).refine((ids) => new Set(ids).size === ids.length),
  ...confirmationFields,
});
export type ConfirmationBulkInput = z.input<typeof ConfirmationBulkInput>;

export const ConfirmationVoidInput = z.strictObject({ id, reason: requiredText(300) });
export type ConfirmationVoidInput = z.input<typeof ConfirmationVoidInput>;

export const ConfirmationHistoryInput = z.strictObject({ accountId: id });

export interface Confirmation {
  id: number;
  accountId: number;
  changedOn: string;
  confirmedBy: ConfirmedBy;
  method: ConfirmationMethod;
  note: string;
  campaignId: number | null;
  batchId: string | null;
  recordedBy: string;
  recordedAt: string;
  voidedAt: string | null;
  voidedBy: string | null;
  voidReason: string | null;
}

export interface BulkResult {
  batchId: string;
  count: number;
}

/**
 * Before saving: which of these accounts' confirmation dated `changedOn` will NOT count (for the
 * campaign, when given), and why — Rule 2 (before the campaign start) and Rule 5 (the owner's
 * device still infected, or the change dated before its remediation).
 */
export const ConfirmationPreviewInput = z.strictObject({
  accountIds: z.array(id).min(1).max(5000),
  changedOn: isoDate,
  campaignId: id.optional(),
});
export type ConfirmationPreviewInput = z.input<typeof ConfirmationPreviewInput>;

export const NOT_COUNTED_REASONS = ['infected', 'before_remediation', 'before_start'] as const;
export type NotCountedReason = (typeof NOT_COUNTED_REASONS)[number];

export interface NotCounted {
  accountId: number;
  loginName: string;
  reason: NotCountedReason;
  /** infected: the day malware was found; before_remediation: the remediation day; before_start: the campaign start. */
  date: string;
  /** The device named (infected / before_remediation). */
  assetTag: string | null;
}

export interface ConfirmationPreview {
  /** At most 50 accounts listed; `count` says how many in all. */
  notCounted: NotCounted[];
  count: number;
}
