import { z } from 'zod';
import type { ForcedChange } from '../devices/rules';
import type { PersonStatus } from '../people/schema';
import type { RotationState } from '../rotation/rules';
import { choice, flag, id, optionalIsoDate, optionalText, paging, requiredText, searchQuery, type Page, optionalNameText } from '../schema/fields';

export const ACCOUNT_ROLES = ['admin', 'user'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];
export const ACCOUNT_STATUSES = ['active', 'cancel_requested', 'cancelled', 'locked'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

// Deliberately no field that could hold a password: the schemas are strict, so an input carrying
// "password" or anything else unknown is refused, and the database has no column for it.
const accountFields = {
  systemId: id,
  /** null = a shared or service account with no single owner. */
  personId: z.union([id, z.null()]).default(null),
  loginName: requiredText(120),
  role: choice(ACCOUNT_ROLES).default('user'),
  sourceDocument: optionalNameText(300),
  /** When the account was issued, if known; confirmations before it are refused. */
  createdOn: optionalIsoDate,
  note: optionalText(500),
};

export const AccountCreateInput = z.strictObject({ ...accountFields, status: choice(ACCOUNT_STATUSES).default('active') });
export type AccountCreateInput = z.input<typeof AccountCreateInput>;
export const AccountUpdateInput = z.strictObject({ id, ...accountFields });
export type AccountUpdateInput = z.input<typeof AccountUpdateInput>;
export const AccountStatusInput = z.strictObject({ id, status: choice(ACCOUNT_STATUSES) });
export type AccountStatusInput = z.input<typeof AccountStatusInput>;

export const AccountsListInput = z.strictObject({
  q: searchQuery,
  systemId: id.optional(),
  personId: id.optional(),
  unitId: id.optional(),
  role: choice(ACCOUNT_ROLES).optional(),
  status: choice(ACCOUNT_STATUSES).optional(),
  /** true: only accounts that must change their password after malware on a device (Rule 5). */
  forced: flag.optional(),
  ...paging,
});
export type AccountsListInput = z.input<typeof AccountsListInput>;

export interface Account {
  id: number;
  systemId: number;
  systemName: string;
  personId: number | null;
  personName: string | null;
  personStatus: PersonStatus | null;
  department: string;
  unitName: string;
  loginName: string;
  role: AccountRole;
  status: AccountStatus;
  sourceDocument: string;
  createdOn: string | null;
  note: string;
  createdAt: string;
  updatedAt: string;
  /** Latest valid password-change confirmation. */
  lastChangedOn: string | null;
  /** Rule 1 for this account as of today. */
  rotation: RotationState;
  nextDue: string | null;
  daysLeft: number | null;
  /** Rule 5: a password change forced by malware on the owner's device, whatever the rotation state; null when none. */
  forced: ForcedChange | null;
}
export type AccountsPage = Page<Account>;
