import { addDays, format, parseISO, subMonths } from 'date-fns';

// Rules 4 and 5 (PRODUCT.md "Antivirus", "Infection"), from the two notices:
// - 000_… (Sở KH&CN, 06/2023): the complaints database is used only on computers with LICENSED
//   antivirus installed (systems.requires_licensed_av marks such systems);
// - 001_… (UBND quận Đống Đa, 01/2024): install antivirus; a computer or tablet infected with
//   credential-stealing malware is cleaned AND its operating system reinstalled before anyone logs
//   in again.
// Pure functions of the records and "today" (never the clock). The core keeps SQL twins of
// infectionOf() (triggers of migration 0005) and of forcedChange() (electron/core/devices/forced.ts);
// tests/integration/devices.test.ts checks that they agree.

export const DEVICE_KINDS = ['desktop', 'laptop', 'tablet', 'phone'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];
export const DEVICE_OSES = ['windows', 'macos', 'linux', 'android', 'ios'] as const;
export type DeviceOs = (typeof DEVICE_OSES)[number];
/** in use / spare (kept in store, under repair) / retired (thanh lý). Only devices in use need checks. */
export const DEVICE_STATUSES = ['in_use', 'spare', 'retired'] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];

/** Rule 4: a device needs a check within the last N months (setting deviceCheckMonths). */
export const DEFAULT_DEVICE_CHECK_MONTHS = 3;
/** "Licence expiring" warns this many days ahead. */
export const LICENCE_EXPIRING_DAYS = 30;

const iso = (d: Date) => format(d, 'yyyy-MM-dd');

/**
 * The first day a check still counts for Rule 4: today minus N calendar months (date-fns, clamped
 * to the month's end: 31/05 − 3 months = 28/02 or 29/02). A check dated on that day counts.
 */
export function checkWindowStart(today: string, months: number): string {
  return iso(subMonths(parseISO(today), months));
}

/** Last day of the "licence expiring" warning: today + days. */
export function expiringLimit(today: string, days = LICENCE_EXPIRING_DAYS): string {
  return iso(addDays(parseISO(today), days));
}

// ---------------------------------------------------------------------------------------------
// Rule 5: infection

/** What Rule 5 reads from a check. */
export interface InfectionFacts {
  checkedOn: string;
  malwareFound: boolean;
  cleaned: boolean;
  osReinstalled: boolean;
  remediatedOn: string | null;
  /** Voided checks are ignored. */
  voided?: boolean;
  /** When the check was recorded (ISO timestamp). */
  recordedAt?: string;
}

export interface Infection {
  /** Date of the latest valid check that found malware; null if none ever did. */
  infectedOn: string | null;
  /**
   * Date of the remediation that ended that infection: the earliest valid check with cleaned AND
   * OS reinstalled whose remediation date is on or after infectedOn. null while still infected
   * (or never infected). A remediation dated before the infection does not end it, and cleaning
   * without reinstalling the OS (or the reverse) is not a remediation.
   */
  remediatedOn: string | null;
  /** When the remediating check was recorded (the earliest such check); only set when remediated and known. */
  remediationRecordedAt?: string | null;
}

export type InfectionState = 'clean' | 'infected' | 'remediated';

export function infectionOf(checks: readonly InfectionFacts[]): Infection {
  const valid = checks.filter((c) => !c.voided);
  let infectedOn: string | null = null;
  for (const c of valid) if (c.malwareFound && (infectedOn === null || c.checkedOn > infectedOn)) infectedOn = c.checkedOn;
  if (infectedOn === null) return { infectedOn: null, remediatedOn: null };
  let remediatedOn: string | null = null;
  for (const c of valid) {
    if (!c.cleaned || !c.osReinstalled || c.remediatedOn === null || c.remediatedOn < infectedOn) continue;
    if (remediatedOn === null || c.remediatedOn < remediatedOn) remediatedOn = c.remediatedOn;
  }
  if (remediatedOn === null) return { infectedOn, remediatedOn };
  let at: string | null = null;
  for (const c of valid) {
    if (c.cleaned && c.osReinstalled && c.remediatedOn === remediatedOn && c.recordedAt !== undefined && (at === null || c.recordedAt < at)) at = c.recordedAt;
  }
  return at === null ? { infectedOn, remediatedOn } : { infectedOn, remediatedOn, remediationRecordedAt: at };
}

export function infectionState(i: Infection): InfectionState {
  if (i.infectedOn === null) return 'clean';
  return i.remediatedOn === null ? 'infected' : 'remediated';
}

// ---------------------------------------------------------------------------------------------
// Rule 5: the password changes an infection forces

export type ForcedReason = 'infected' | 'remediated';

/**
 * An account that must have its password changed because of malware on a device:
 * - 'infected': a device of the owner is still infected: it must be cleaned and its OS reinstalled
 *   first (a change made now would be stolen again); `since` = the day the malware was found;
 * - 'remediated': the device was remediated on `since`; a confirmation dated on or after that day,
 *   and recorded after the remediation was, clears the flag — one dated before it does not, nor one
 *   recorded while the device was still infected (backdating the remediation does not revive it).
 */
export interface ForcedChange {
  reason: ForcedReason;
  since: string;
  deviceId: number;
  assetTag: string;
}

/** A device whose infection history names this account's owner (Infection + identity). */
export interface OwnerDevice extends Infection {
  id: number;
  assetTag: string;
  /** When the remediation (the check that ended the infection) was recorded; null/absent: no constraint. */
  remediationRecordedAt?: string | null;
}

/** What Rule 5 (and Rule 2) read from a password-change confirmation. */
export interface ConfirmationFact {
  changedOn: string;
  /** When the clerk recorded it (ISO timestamp); absent: no constraint. */
  recordedAt?: string | null;
  voided?: boolean;
}

/**
 * What malware on the owner's devices asks of an account's confirmations: `infected` — a device is
 * still infected (nothing counts yet); otherwise a confirmation counts only if dated on or after
 * `floorOn` (the latest remediation day) and recorded at or after `floorAt` (when the latest
 * remediation was recorded). null: the owner's devices never had malware (every confirmation counts).
 */
export interface MalwareFloor {
  infected: boolean;
  floorOn: string | null;
  floorAt: string | null;
}

export function malwareFloor(devices: readonly Infection[]): MalwareFloor | null {
  let any = false;
  let infected = false;
  let floorOn: string | null = null;
  let floorAt: string | null = null;
  for (const d of devices) {
    if (d.infectedOn === null) continue;
    any = true;
    if (d.remediatedOn === null) infected = true;
    else {
      if (floorOn === null || d.remediatedOn > floorOn) floorOn = d.remediatedOn;
      const at = d.remediationRecordedAt ?? null;
      if (at !== null && (floorAt === null || at > floorAt)) floorAt = at;
    }
  }
  return any ? { infected, floorOn, floorAt } : null;
}

/** Whether a valid confirmation counts despite the owner's malware (see MalwareFloor). */
export function countsAfterMalware(c: ConfirmationFact, floor: MalwareFloor | null): boolean {
  if (c.voided) return false;
  if (floor === null) return true;
  if (floor.infected || floor.floorOn === null) return false;
  return c.changedOn >= floor.floorOn && (floor.floorAt === null || !c.recordedAt || c.recordedAt >= floor.floorAt);
}

/**
 * THE definition of "forced". An account is forced when
 *   its status is not 'cancelled' (a cancelled account cannot log in, nor be confirmed), and
 *   its owner is the person recorded as the device's owner on the device's latest valid
 *   malware-finding check (`devices` passed here are exactly those devices), and either
 *   - one of those devices is still infected (reason 'infected'; the latest infection wins), or
 *   - none is, and no valid confirmation counts after the malware (countsAfterMalware: dated on
 *     or after the latest remediation day, recorded after that remediation was) (reason
 *     'remediated'; the device with the latest remediation is named).
 * "Every account of the owner" includes the accounts used on the device (those on the device's
 * systems are the owner's accounts too); shared accounts (no owner) are never forced: nothing
 * records which of them were typed on which device. Rotation state plays no part.
 */
export function forcedChange(
  account: { status: string; confirmations: readonly ConfirmationFact[] },
  devices: readonly OwnerDevice[],
): ForcedChange | null {
  if (account.status === 'cancelled') return null;
  const floor = malwareFloor(devices);
  if (floor === null) return null;
  if (!floor.infected && account.confirmations.some((c) => countsAfterMalware(c, floor))) return null;
  return forcedDevice(devices);
}

/** Which device a forced account names: infected beats remediated; the latest date wins, then the lowest id. */
export function forcedDevice(devices: readonly OwnerDevice[]): ForcedChange | null {
  let infected: OwnerDevice | null = null;
  let remediated: OwnerDevice | null = null;
  for (const d of devices) {
    if (d.infectedOn === null) continue;
    if (d.remediatedOn === null) {
      if (!infected || d.infectedOn > infected.infectedOn! || (d.infectedOn === infected.infectedOn && d.id < infected.id)) infected = d;
    } else if (!remediated || d.remediatedOn > remediated.remediatedOn! || (d.remediatedOn === remediated.remediatedOn && d.id < remediated.id)) remediated = d;
  }
  if (infected) return { reason: 'infected', since: infected.infectedOn!, deviceId: infected.id, assetTag: infected.assetTag };
  if (remediated) return { reason: 'remediated', since: remediated.remediatedOn!, deviceId: remediated.id, assetTag: remediated.assetTag };
  return null;
}

// ---------------------------------------------------------------------------------------------
// Rule 4: compliance of a device

/** The antivirus facts of the latest valid check. */
export interface AntivirusFacts {
  checkedOn: string;
  avInstalled: boolean;
  avLicensed: boolean;
  licenceExpiresOn: string | null;
}

/**
 * One state per device, most urgent first:
 * infected → unchecked (no valid check within N months) → no_antivirus (latest check: none
 * installed; 001_ asks every unit to install one) → unlicensed / expired (only for devices used
 * for a system that requires LICENSED antivirus, 000_) → ok. Devices not in use are 'not_in_use'
 * unless infected (an infection is never hidden).
 */
export const DEVICE_STATES = ['infected', 'unchecked', 'no_antivirus', 'unlicensed', 'expired', 'ok', 'not_in_use'] as const;
export type DeviceState = (typeof DEVICE_STATES)[number];

export interface DeviceFacts extends Infection {
  status: DeviceStatus;
  /** Used for at least one system with requires_licensed_av. */
  needsLicensedAv: boolean;
  lastCheck: AntivirusFacts | null;
}

export function deviceState(d: DeviceFacts, today: string, months = DEFAULT_DEVICE_CHECK_MONTHS): DeviceState {
  if (infectionState(d) === 'infected') return 'infected';
  if (d.status !== 'in_use') return 'not_in_use';
  const c = d.lastCheck;
  if (!c || c.checkedOn < checkWindowStart(today, months)) return 'unchecked';
  if (!c.avInstalled) return 'no_antivirus';
  if (d.needsLicensedAv && !c.avLicensed) return 'unlicensed';
  if (d.needsLicensedAv && c.licenceExpiresOn !== null && c.licenceExpiresOn < today) return 'expired';
  return 'ok';
}

/** Licensed, not yet expired, and expiring within `days` (today counts as not expired). */
export function licenceExpiringSoon(c: AntivirusFacts | null, today: string, days = LICENCE_EXPIRING_DAYS): boolean {
  return !!c && c.avInstalled && c.avLicensed && c.licenceExpiresOn !== null && c.licenceExpiresOn >= today && c.licenceExpiresOn <= expiringLimit(today, days);
}

// ---------------------------------------------------------------------------------------------
// One check: its consistency and its result

export interface CheckFacts extends InfectionFacts {
  avInstalled: boolean;
  avLicensed: boolean;
  licenceExpiresOn: string | null;
  definitionsCurrent: boolean;
  credentialStealing: boolean;
  malwareKind: string;
}

export type CheckProblem = 'no_antivirus' | 'unlicensed' | 'expired' | 'definitions_outdated' | 'malware_not_remediated';
export type CheckResult = 'pass' | 'fail';

/**
 * What the check found wrong, as of its own date. Outdated definitions are noted but do not fail
 * the check (Rule 4 asks for antivirus installed, licensed and not expired); malware — found now,
 * or still open on the device since `openInfection` — fails it unless this record shows the device
 * cleaned and its OS reinstalled on or after the finding.
 */
export function checkProblems(c: CheckFacts, needsLicensedAv: boolean, openInfection: string | null = null): CheckProblem[] {
  const out: CheckProblem[] = [];
  if (!c.avInstalled) out.push('no_antivirus');
  else {
    if (needsLicensedAv && !c.avLicensed) out.push('unlicensed');
    if (needsLicensedAv && c.avLicensed && c.licenceExpiresOn !== null && c.licenceExpiresOn < c.checkedOn) out.push('expired');
    if (!c.definitionsCurrent) out.push('definitions_outdated');
  }
  const remediates = (since: string) => c.cleaned && c.osReinstalled && c.remediatedOn !== null && c.remediatedOn >= since;
  if ((c.malwareFound && !remediates(c.checkedOn)) || (openInfection !== null && !remediates(openInfection))) out.push('malware_not_remediated');
  return out;
}

/** 'fail' when anything but outdated definitions is wrong; `openInfection`: the device's infection date while it is still infected. */
export function checkResult(c: CheckFacts, needsLicensedAv: boolean, openInfection: string | null = null): CheckResult {
  return checkProblems(c, needsLicensedAv, openInfection).some((p) => p !== 'definitions_outdated') ? 'fail' : 'pass';
}

/** Why a check record is inconsistent (field + reason), or null. Dates in the future are checked by the core against its clock. */
export type CheckIssue =
  | { path: 'avLicensed' | 'licenceExpiresOn' | 'avProduct'; issue: 'needs_antivirus' }
  | { path: 'credentialStealing' | 'malwareKind'; issue: 'needs_malware' }
  | { path: 'remediatedOn'; issue: 'remediation_date_missing' | 'remediation_date_without_action' | 'remediation_before_check' };

export function checkIssue(c: CheckFacts & { avProduct: string }): CheckIssue | null {
  if (!c.avInstalled) {
    if (c.avLicensed) return { path: 'avLicensed', issue: 'needs_antivirus' };
    if (c.licenceExpiresOn !== null) return { path: 'licenceExpiresOn', issue: 'needs_antivirus' };
    if (c.avProduct !== '') return { path: 'avProduct', issue: 'needs_antivirus' };
  }
  if (!c.malwareFound) {
    if (c.credentialStealing) return { path: 'credentialStealing', issue: 'needs_malware' };
    if (c.malwareKind !== '') return { path: 'malwareKind', issue: 'needs_malware' };
  }
  const acted = c.cleaned || c.osReinstalled;
  if (acted && c.remediatedOn === null) return { path: 'remediatedOn', issue: 'remediation_date_missing' };
  if (!acted && c.remediatedOn !== null) return { path: 'remediatedOn', issue: 'remediation_date_without_action' };
  // Found and fixed in one record: the fix cannot precede the finding.
  if (c.malwareFound && c.remediatedOn !== null && c.remediatedOn < c.checkedOn) return { path: 'remediatedOn', issue: 'remediation_before_check' };
  return null;
}
