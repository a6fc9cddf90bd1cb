import { z } from 'zod';
import type { PersonStatus } from '../people/schema';
import { choice, flag, id, isoDate, optionalIsoDate, optionalText, paging, requiredText, searchQuery, type Page, nameText } from '../schema/fields';
import {
  DEVICE_KINDS, DEVICE_OSES, DEVICE_STATES, DEVICE_STATUSES,
  type CheckResult, type DeviceKind, type DeviceOs, type DeviceState, type DeviceStatus, type InfectionState,
} from './rules';

// Field names are unique across the contract (deviceKind, not kind): vi.fields labels them in errors.

const systemIds = z.array(id).max(100).refine((ids) => new Set(ids).size === ids.length);

const deviceFields = {
  deviceKind: choice(DEVICE_KINDS),
  os: choice(DEVICE_OSES),
  osVersion: optionalText(60),
  assetTag: optionalText(60),
  /** The person who uses the device. */
  ownerId: id,
  location: optionalText(200),
  deviceStatus: choice(DEVICE_STATUSES).default('in_use'),
  note: optionalText(500),
};

/** systemIds omitted: the systems of the owner's accounts (not cancelled), stored explicitly so they can be corrected. */
export const DeviceCreateInput = z.strictObject({ ...deviceFields, systemIds: systemIds.optional() });
export type DeviceCreateInput = z.input<typeof DeviceCreateInput>;
export const DeviceUpdateInput = z.strictObject({ id, ...deviceFields, systemIds });
export type DeviceUpdateInput = z.input<typeof DeviceUpdateInput>;

export const DeviceDefaultSystemsInput = z.strictObject({ ownerId: id });

/**
 * List filters (chips): a Rule 4 state, or "licence expiring within 30 days", or "remediated"
 * (had malware, now cleaned and reinstalled).
 */
export const DEVICE_FILTERS = ['infected', 'unchecked', 'no_antivirus', 'unlicensed', 'expired', 'expiring', 'remediated'] as const;
export type DeviceFilter = (typeof DEVICE_FILTERS)[number];

export const DevicesListInput = z.strictObject({
  q: searchQuery,
  filter: choice(DEVICE_FILTERS).optional(),
  deviceStatus: choice(DEVICE_STATUSES).optional(),
  unitId: id.optional(),
  ownerId: id.optional(),
  ...paging,
});
export type DevicesListInput = z.input<typeof DevicesListInput>;

/** One device check. Never edited: a mistake is voided with a reason and entered again. */
export const DeviceCheckInput = z.strictObject({
  deviceId: id,
  checkedOn: isoDate,
  checker: nameText(120),
  avInstalled: flag,
  avProduct: optionalText(120),
  avLicensed: flag.default(false),
  licenceExpiresOn: optionalIsoDate,
  definitionsCurrent: flag.default(false),
  malwareFound: flag.default(false),
  malwareKind: optionalText(200),
  credentialStealing: flag.default(false),
  cleaned: flag.default(false),
  osReinstalled: flag.default(false),
  remediatedOn: optionalIsoDate,
  note: optionalText(500),
});
export type DeviceCheckInput = z.input<typeof DeviceCheckInput>;

export const DeviceCheckVoidInput = z.strictObject({ id, reason: requiredText(300) });
export const DeviceChecksInput = z.strictObject({ deviceId: id });

export interface DeviceCheck {
  id: number;
  deviceId: number;
  /** The device's owner when the check was recorded: an infection forces this person's accounts. */
  ownerId: number;
  ownerName: string;
  checkedOn: string;
  checker: string;
  avInstalled: boolean;
  avProduct: string;
  avLicensed: boolean;
  licenceExpiresOn: string | null;
  definitionsCurrent: boolean;
  malwareFound: boolean;
  malwareKind: string;
  credentialStealing: boolean;
  cleaned: boolean;
  osReinstalled: boolean;
  remediatedOn: string | null;
  /** Computed when recorded (shared/devices/rules.ts checkResult), kept as concluded then. */
  result: CheckResult;
  note: string;
  recordedBy: string;
  recordedAt: string;
  voidedAt: string | null;
  voidedBy: string | null;
  voidReason: string | null;
}

export interface Device {
  id: number;
  deviceKind: DeviceKind;
  os: DeviceOs;
  osVersion: string;
  assetTag: string;
  ownerId: number;
  ownerName: string;
  ownerStatus: PersonStatus;
  unitId: number;
  unitName: string;
  department: string;
  location: string;
  deviceStatus: DeviceStatus;
  note: string;
  systemIds: number[];
  /** Used for a system that requires licensed antivirus (000_). */
  needsLicensedAv: boolean;
  lastCheck: DeviceCheck | null;
  infectedOn: string | null;
  /** The owner recorded on the check that found the malware: whose accounts it forces (may differ from ownerId after a hand-over). */
  infectedOwnerId: number | null;
  remediatedOn: string | null;
  infection: InfectionState;
  /** Rule 4 state as of today (infected first). */
  state: DeviceState;
  licenceExpiringSoon: boolean;
  /** Accounts whose password change this device still forces (Rule 5). */
  pendingAccounts: number;
  createdAt: string;
  updatedAt: string;
}

/** counts: per filter chip, within the other filters; all: every device within the other filters. */
export type DevicesPage = Page<Device> & { counts: Record<DeviceFilter, number>; all: number };

/** Device to-dos on the dashboard, infected first. */
export const DEVICE_TODO_KINDS = ['infected', 'unchecked', 'no_antivirus', 'unlicensed', 'expired'] as const;
export type DeviceTodoKind = (typeof DEVICE_TODO_KINDS)[number];

export interface DeviceTodo {
  kind: DeviceTodoKind;
  deviceId: number;
  assetTag: string;
  deviceKind: DeviceKind;
  ownerName: string;
  unitName: string;
  /** infected: the day the malware was found; unchecked: the last check (null = never); otherwise the licence expiry or the check date. */
  date: string | null;
  /** Accounts forced by this device (infected only). */
  pendingAccounts: number;
}

export interface DeviceTodos {
  counts: Record<DeviceTodoKind, number>;
  /** Infected first, then unchecked, no antivirus, unlicensed, expired; capped for display. */
  todos: DeviceTodo[];
}

export { DEVICE_KINDS, DEVICE_OSES, DEVICE_STATES, DEVICE_STATUSES };
