import type { Amendment, Campaign, CampaignProgress } from '../../../shared/campaigns/schema';
import type { CampaignAccountState } from '../../../shared/campaigns/rules';
import type { LegalDocument } from '../../../shared/legal/schema';
import type { CancellationRow, DeviceFigures, DeviceSummary } from '../../../shared/reports/schema';
import type { UnitProfile } from '../../../shared/unit/schema';
import { AttkError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import { checkWindowStart, type DeviceKind } from '../../../shared/devices/rules';
import { campaignAmendments, campaignProgress, getCampaign, params, STATED_SQL } from '../campaigns/service';
import type { Db } from '../db/open';
import { getLegalDocuments } from '../legal/service';
import { getHomeUnit } from '../unit/service';
import { readSettings } from '../settings/service';

/** Everything a report on one campaign says, read from one consistent snapshot. */
export interface ReportContext {
  amendments: Amendment[];
  unit: UnitProfile;
  campaign: Campaign;
  legal: LegalDocument[];
  progress: CampaignProgress;
  systemCodes: Map<number, string>;
  today: string;
  /**
   * The date the documents carry: once the campaign has a report number and date, that date —
   * one number never appears with two dates; before, today's (the number is left blank).
   */
  documentDate: string;
  deviceCheckMonths: number;
  devices: DeviceSummary;
  devicesBySystem: DeviceFigures[];
}

export function reportContext(db: Db, campaignId: number, today: string): ReportContext {
  const unit = getHomeUnit(db);
  if (!unit) throw new AttkError('VALIDATION', vi.errors.noHomeUnit);
  const campaign = getCampaign(db, campaignId, ['campaignId']);
  const systemCodes = new Map(
    (db.prepare('SELECT id, code FROM systems').all() as { id: number; code: string }[]).map((s) => [s.id, s.code || `S${s.id}`]),
  );
  const deviceCheckMonths = readSettings(db).deviceCheckMonths;
  return {
    unit, campaign, legal: getLegalDocuments(db, campaign.legalIds, today), progress: campaignProgress(db, campaign, today), systemCodes, today,
    amendments: campaignAmendments(db, campaign.id),
    documentDate: campaign.reportNumber && campaign.reportedOn ? campaign.reportedOn : today,
    deviceCheckMonths,
    devices: deviceSummary(db, campaign, today, deviceCheckMonths),
    devicesBySystem: deviceFigures(db, campaign, today, deviceCheckMonths),
  };
}

export interface AccountReportRow {
  personName: string | null;
  position: string;
  department: string;
  unitName: string;
  systemName: string;
  role: 'admin' | 'user';
  loginName: string;
  lastChangedOn: string | null;
  nextDue: string | null;
  state: CampaignAccountState;
  changedOn: string | null;
}

/** In-scope accounts of the campaign in report order (unit, person, system), streamed. */
export function accountRows(db: Db, campaign: Campaign): IterableIterator<AccountReportRow> {
  return db
    .prepare(
      `SELECT personName, position, department, unitName, systemName, role, loginName, lastChangedOn, nextDue, state, changedOn
       FROM (${STATED_SQL}) ORDER BY unitName, sortKey, systemOrder, loginName`,
    )
    .iterate(params(campaign)) as IterableIterator<AccountReportRow>;
}

/** Rule 3: accounts of transferred/retired/left staff still active (listed until a cancellation is requested), on the campaign's systems. */
export function cancellationRows(db: Db, campaign: Campaign): CancellationRow[] {
  return db
    .prepare(
      `SELECT a.id AS accountId, p.full_name AS personName, p.position, p.department, u.name AS unitName, u.code AS unitCode,
         p.status AS personStatus, p.status_date AS statusDate, s.name AS systemName, s.managing_agency AS managingAgency,
         a.login_name AS loginName, a.role, a.status AS accountStatus
       FROM accounts a JOIN people p ON p.id = a.person_id JOIN units u ON u.id = p.unit_id JOIN systems s ON s.id = a.system_id
       WHERE p.status <> 'working' AND a.status = 'active'
         AND a.system_id IN (SELECT system_id FROM campaign_systems WHERE campaign_id = @campaignId)
       ORDER BY s.sort_order, s.id, u.name, p.sort_key, a.login_name`,
    )
    .all({ campaignId: campaign.id }) as CancellationRow[];
}

// The two SQL fragments below are built by functions, not module constants: a constant is evaluated
// once at import, so a mutation test (Stryker) can only try it by reloading every test, and its
// incremental mode never re-runs such a "static" mutant once it survived (bench/mutation.md).

/**
 * The devices a campaign's report counts (Rules 4 and 5): used for at least one of the campaign's
 * systems (device_systems), and in use — or still infected whatever its status, so an infection is
 * never hidden by setting the device aside. Each device once, whatever the number of systems.
 */
const deviceScope = () => `d.id IN (SELECT device_id FROM device_systems WHERE system_id IN (SELECT system_id FROM campaign_systems WHERE campaign_id = @campaignId))
  AND (d.status = 'in_use' OR (d.infected_on IS NOT NULL AND d.remediated_on IS NULL))`;

/**
 * The device figures of the summary, each a subset of the one before where it says so:
 * checked = latest valid check within the last N months; licensedAv = of those, the latest check
 * shows antivirus installed, licensed and not expired today (so licensedAv ≤ checked ≤ devices);
 * infected = malware found and not yet remediated; remediated = malware found, then cleaned AND
 * the OS reinstalled.
 */
const deviceSums = () => `count(*) AS devices,
  coalesce(sum(d.last_checked_on >= @windowStart), 0) AS checked,
  coalesce(sum(d.last_checked_on >= @windowStart AND c.av_installed = 1 AND c.av_licensed = 1 AND (c.licence_expires_on IS NULL OR c.licence_expires_on >= @today)), 0) AS licensedAv,
  coalesce(sum(d.infected_on IS NOT NULL AND d.remediated_on IS NULL), 0) AS infected,
  coalesce(sum(d.remediated_on IS NOT NULL), 0) AS remediated`;

function deviceParams(campaign: Campaign, today: string, months: number) {
  return { campaignId: campaign.id, today, windowStart: checkWindowStart(today, months) };
}

/** The devices of the campaign counted once each (the summary's and the signed payload's figures). */
export function deviceSummary(db: Db, campaign: Campaign, today: string, months: number): DeviceSummary {
  return db
    .prepare(`SELECT ${deviceSums()} FROM devices d LEFT JOIN device_checks c ON c.id = d.last_check_id WHERE ${deviceScope()}`)
    .get(deviceParams(campaign, today, months)) as DeviceSummary;
}

/** The same figures per system in scope (labelled as a breakdown; a device counts under each system it is used for). */
export function deviceFigures(db: Db, campaign: Campaign, today: string, months: number): DeviceFigures[] {
  return db
    .prepare(
      `SELECT ds.system_id AS systemId, ${deviceSums()}
       FROM device_systems ds JOIN devices d ON d.id = ds.device_id LEFT JOIN device_checks c ON c.id = d.last_check_id
       WHERE ds.system_id IN (SELECT system_id FROM campaign_systems WHERE campaign_id = @campaignId) AND ${deviceScope()}
       GROUP BY ds.system_id`,
    )
    .all(deviceParams(campaign, today, months)) as DeviceFigures[];
}

export interface DeviceReportRow {
  ownerName: string;
  unitName: string;
  kind: DeviceKind;
  os: string;
  assetTag: string;
  location: string;
  status: string;
  /** The campaign's systems the device is used for, in system order, joined by "; ". */
  systems: string;
  checkedOn: string | null;
  avInstalled: number | null;
  avProduct: string | null;
  avLicensed: number | null;
  licenceExpiresOn: string | null;
  infectedOn: string | null;
  remediatedOn: string | null;
  /** The latest valid malware finding: 1 credential-stealing, 0 not, null no malware. */
  credentialStealing: number | null;
  needsLicensedAv: number;
}

/** Devices of the campaign (deviceScope), with their latest check, in report order (unit, owner). */
export function deviceRows(db: Db, campaign: Campaign): IterableIterator<DeviceReportRow> {
  return db
    .prepare(
      `SELECT p.full_name AS ownerName, u.name AS unitName, d.kind, d.os, d.asset_tag AS assetTag, d.location, d.status,
         (SELECT group_concat(name, '; ') FROM (SELECT s.name FROM device_systems x JOIN systems s ON s.id = x.system_id
            WHERE x.device_id = d.id AND x.system_id IN (SELECT system_id FROM campaign_systems WHERE campaign_id = @campaignId)
            ORDER BY s.sort_order, s.id)) AS systems,
         d.last_checked_on AS checkedOn, c.av_installed AS avInstalled, c.av_product AS avProduct, c.av_licensed AS avLicensed,
         c.licence_expires_on AS licenceExpiresOn, d.infected_on AS infectedOn, d.remediated_on AS remediatedOn,
         CASE WHEN d.infected_on IS NOT NULL THEN (SELECT k.credential_stealing FROM device_checks k WHERE k.device_id = d.id AND k.voided_at IS NULL
           AND k.malware_found = 1 ORDER BY k.checked_on DESC, k.id DESC LIMIT 1) END AS credentialStealing,
         d.needs_licensed_av AS needsLicensedAv
       FROM devices d JOIN people p ON p.id = d.owner_id JOIN units u ON u.id = p.unit_id LEFT JOIN device_checks c ON c.id = d.last_check_id
       WHERE ${deviceScope()}
       ORDER BY u.name, p.sort_key, d.id`,
    )
    .iterate({ campaignId: campaign.id }) as IterableIterator<DeviceReportRow>;
}

/** How many units the campaign's accounts and devices belong to: the lists show "Đơn vị" only when more than one. */
export function unitsInScope(db: Db, campaign: Campaign): number {
  return (
    db
      .prepare(
        `SELECT count(DISTINCT unit_id) AS n FROM people WHERE id IN (
           SELECT a.person_id FROM accounts a WHERE a.system_id IN (SELECT system_id FROM campaign_systems WHERE campaign_id = @campaignId)
           UNION SELECT d.owner_id FROM devices d JOIN device_systems ds ON ds.device_id = d.id
             WHERE ds.system_id IN (SELECT system_id FROM campaign_systems WHERE campaign_id = @campaignId))`,
      )
      .get({ campaignId: campaign.id }) as { n: number }
  ).n;
}
