import { forcedDevice, type ForcedChange, type OwnerDevice } from '../../../shared/devices/rules';
import type { Db } from '../db/open';

// Rule 5 in SQL: the password changes an infection forces. The definition is
// shared/devices/rules.ts forcedChange(); this is its twin over the whole database, fast at
// district scale because it starts from the few devices that ever had malware (partial index
// devices_infection).
//
// Per owner (MALWARE_FLOOR_SQL): whether one of the devices whose latest malware finding names
// them is still infected, the latest remediation day, and when the latest remediation was
// recorded. An account of that owner that is not cancelled is forced while a device is infected,
// or while no valid confirmation counts after the malware (COUNTS_AFTER_MALWARE: dated on or after
// the remediation day AND recorded after the remediation was — a change made while the device was
// infected never clears it, even if the remediation is later entered with an earlier date).
// tests/integration/campaign-state.test.ts checks both agree on random histories.

/** One row per owner whose device ever had malware (the latest finding names them). */
export const MALWARE_FLOOR_SQL = `
  SELECT d.infected_owner_id AS personId, max(d.remediated_on IS NULL) AS infectedNow, max(d.remediated_on) AS floorOn,
    max((SELECT min(k.recorded_at) FROM device_checks k WHERE k.device_id = d.id AND k.voided_at IS NULL
         AND k.cleaned = 1 AND k.os_reinstalled = 1 AND k.remediated_on = d.remediated_on)) AS floorAt
  FROM devices d WHERE d.infected_on IS NOT NULL GROUP BY d.infected_owner_id`;

/** A confirmation `c` of account `a` counts despite the malware floor `m` (m.personId NULL: no malware, every valid one counts). */
export const COUNTS_AFTER_MALWARE = `c.account_id = a.id AND c.voided_at IS NULL
  AND (m.personId IS NULL OR (NOT m.infectedNow AND c.changed_on >= m.floorOn AND c.recorded_at >= m.floorAt))`;

const CLEARED = `EXISTS (SELECT 1 FROM confirmations c WHERE ${COUNTS_AFTER_MALWARE})`;

/** (account, device) pairs: the account is forced; every device of its owner that had malware (forcedDevice() names one). */
const PENDING_SQL = `
  SELECT a.id AS accountId, d.id AS deviceId, d.asset_tag AS assetTag, d.infected_on AS infectedOn, d.remediated_on AS remediatedOn
  FROM (${MALWARE_FLOOR_SQL}) m
  JOIN accounts a ON a.person_id = m.personId AND a.status <> 'cancelled'
  JOIN devices d ON d.infected_owner_id = m.personId AND d.infected_on IS NOT NULL
  WHERE NOT ${CLEARED}`;

/** Ids of every forced account: for `… IN (FORCED_ACCOUNT_IDS_SQL)` filters. */
export const FORCED_ACCOUNT_IDS_SQL = `SELECT DISTINCT accountId FROM (${PENDING_SQL})`;

interface PendingRow {
  accountId: number;
  deviceId: number;
  assetTag: string;
  infectedOn: string;
  remediatedOn: string | null;
}

function group(rows: PendingRow[]): Map<number, ForcedChange> {
  const byAccount = new Map<number, OwnerDevice[]>();
  for (const r of rows) {
    let devices = byAccount.get(r.accountId);
    if (!devices) byAccount.set(r.accountId, (devices = []));
    devices.push({ id: r.deviceId, assetTag: r.assetTag, infectedOn: r.infectedOn, remediatedOn: r.remediatedOn });
  }
  const out = new Map<number, ForcedChange>();
  for (const [id, devices] of byAccount) {
    const f = forcedDevice(devices);
    if (f) out.set(id, f);
  }
  return out;
}

/** The forced change of each of these accounts (absent = not forced): one query for a page of rows. */
export function forcedFor(db: Db, accountIds: readonly number[]): Map<number, ForcedChange> {
  if (accountIds.length === 0) return new Map();
  const rows = db.prepare(`${PENDING_SQL} AND a.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(accountIds)) as PendingRow[];
  return group(rows);
}

/** Every forced account (the dashboard's to-dos): small — only owners of devices that had malware. */
export function forcedAll(db: Db): Map<number, ForcedChange> {
  return group(db.prepare(PENDING_SQL).all() as PendingRow[]);
}

/** How many forced accounts of its owner each of these devices accounts for (0 when absent). */
export function pendingByDevice(db: Db, deviceIds: readonly number[]): Map<number, number> {
  if (deviceIds.length === 0) return new Map();
  const rows = db
    .prepare(`SELECT deviceId, count(*) AS n FROM (${PENDING_SQL} AND d.id IN (SELECT value FROM json_each(?))) GROUP BY deviceId`)
    .all(JSON.stringify(deviceIds)) as { deviceId: number; n: number }[];
  return new Map(rows.map((r) => [r.deviceId, r.n]));
}
