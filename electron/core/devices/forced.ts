import { forcedChange, type ForcedChange, type OwnerDevice } from '../../../shared/devices/rules';
import type { Db } from '../db/open';

// Rule 5 in SQL: the password changes an infection forces. The definition is
// shared/devices/rules.ts forcedChange(); this is its twin over the whole database, fast at
// district scale because it starts from the few devices that ever had malware (partial index
// devices_infection) and reads each account's latest valid change from accounts.last_changed_on
// (kept by triggers, migration 0007), never from the confirmations themselves.
//
// An (account, device) pair is PENDING when
//   d.infected_on IS NOT NULL                       the device had malware (latest valid finding),
//   a.person_id = d.infected_owner_id               the account belongs to the owner recorded on that finding,
//   a.status <> 'cancelled'                         the account can still log in,
//   d.remediated_on IS NULL                         still infected: clean it first, or
//   OR d.remediated_on > coalesce(a.last_changed_on, '')   no valid change on or after the remediation day.
// An account is forced when it has at least one pending pair; forcedChange() picks which device
// to name (infected beats remediated; the latest date wins).

const PENDING_SQL = `
  SELECT a.id AS accountId, a.status, a.last_changed_on AS lastChangedOn,
    d.id AS deviceId, d.asset_tag AS assetTag, d.infected_on AS infectedOn, d.remediated_on AS remediatedOn
  FROM devices d JOIN accounts a ON a.person_id = d.infected_owner_id
  WHERE d.infected_on IS NOT NULL AND a.status <> 'cancelled'
    AND (d.remediated_on IS NULL OR d.remediated_on > coalesce(a.last_changed_on, ''))`;

/** Ids of every forced account: for `… IN (FORCED_ACCOUNT_IDS_SQL)` filters. */
export const FORCED_ACCOUNT_IDS_SQL = `SELECT accountId FROM (${PENDING_SQL})`;

interface PendingRow {
  accountId: number;
  status: string;
  lastChangedOn: string | null;
  deviceId: number;
  assetTag: string;
  infectedOn: string;
  remediatedOn: string | null;
}

function group(rows: PendingRow[]): Map<number, ForcedChange> {
  const byAccount = new Map<number, { account: { status: string; lastChangedOn: string | null }; devices: OwnerDevice[] }>();
  for (const r of rows) {
    let entry = byAccount.get(r.accountId);
    if (!entry) byAccount.set(r.accountId, (entry = { account: { status: r.status, lastChangedOn: r.lastChangedOn }, devices: [] }));
    entry.devices.push({ id: r.deviceId, assetTag: r.assetTag, infectedOn: r.infectedOn, remediatedOn: r.remediatedOn });
  }
  const out = new Map<number, ForcedChange>();
  for (const [id, { account, devices }] of byAccount) {
    const f = forcedChange(account, devices);
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

/** How many accounts each of these devices still forces (0 when absent). */
export function pendingByDevice(db: Db, deviceIds: readonly number[]): Map<number, number> {
  if (deviceIds.length === 0) return new Map();
  const rows = db
    .prepare(`SELECT deviceId, count(*) AS n FROM (${PENDING_SQL} AND d.id IN (SELECT value FROM json_each(?))) GROUP BY deviceId`)
    .all(JSON.stringify(deviceIds)) as { deviceId: number; n: number }[];
  return new Map(rows.map((r) => [r.deviceId, r.n]));
}
