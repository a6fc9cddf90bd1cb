import type Database from 'better-sqlite3';

// An independent recount of a campaign's figures, written apart from the production code: it reads
// the raw rows (accounts, people, confirmations, device checks — never the trigger-kept columns,
// the production SQL or shared/campaigns/rules.ts) and applies PRODUCT.md's rules 2–5 in plain
// TypeScript. The oracle tests compare every figure a document shows with this.

export type State = 'to_cancel' | 'must_change' | 'done' | 'late' | 'missing';
export interface Counts { total: number; to_cancel: number; must_change: number; done: number; late: number; missing: number }
export interface DeviceCounts { devices: number; checked: number; licensed: number; infected: number; remediated: number }
export interface Recount {
  /** accountId → state, for every in-scope account. */
  states: Map<number, State>;
  bySystem: Map<number, { all: Counts; admin: Counts; user: Counts }>;
  overall: { all: Counts; admin: Counts; user: Counts };
  devices: DeviceCounts;
  devicesBySystem: Map<number, DeviceCounts>;
  /** deviceId → the system ids (in scope) it is used for, for the devices counted. */
  deviceIds: number[];
}

const zero = (): Counts => ({ total: 0, to_cancel: 0, must_change: 0, done: 0, late: 0, missing: 0 });
const zeroD = (): DeviceCounts => ({ devices: 0, checked: 0, licensed: 0, infected: 0, remediated: 0 });

/** today minus n calendar months, the day clamped to the month's length (31/05 − 3 = 28 or 29/02). */
export function monthsBefore(today: string, n: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  let month = m - n;
  let year = y;
  while (month < 1) {
    month += 12;
    year -= 1;
  }
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

interface Check {
  id: number; device_id: number; owner_id: number; checked_on: string; recorded_at: string; voided_at: string | null;
  malware_found: number; cleaned: number; os_reinstalled: number; remediated_on: string | null;
  av_installed: number; av_licensed: number; licence_expires_on: string | null;
}

export function recount(db: Database.Database, campaignId: number, today: string, months: number): Recount {
  const campaign = db.prepare('SELECT start_date AS start, deadline FROM campaigns WHERE id = ?').get(campaignId) as { start: string; deadline: string };
  const systems = new Set((db.prepare('SELECT system_id FROM campaign_systems WHERE campaign_id = ?').all(campaignId) as { system_id: number }[]).map((r) => r.system_id));
  const people = new Map((db.prepare('SELECT id, status FROM people').all() as { id: number; status: string }[]).map((p) => [p.id, p.status]));
  const checks = db.prepare('SELECT * FROM device_checks').all() as Check[];
  const devices = db.prepare('SELECT id, status FROM devices').all() as { id: number; status: string }[];

  // Each device's infection, from its valid checks.
  const byDevice = new Map<number, Check[]>();
  for (const c of checks) if (c.voided_at === null) (byDevice.get(c.device_id) ?? byDevice.set(c.device_id, []).get(c.device_id)!).push(c);
  const infection = new Map<number, { owner: number; infectedOn: string; remediatedOn: string | null; remediatedAt: string | null }>();
  const lastCheck = new Map<number, Check>();
  for (const [id, list] of byDevice) {
    const sorted = [...list].sort((a, b) => (a.checked_on < b.checked_on ? -1 : a.checked_on > b.checked_on ? 1 : a.id - b.id));
    lastCheck.set(id, sorted[sorted.length - 1]!);
    const found = sorted.filter((c) => c.malware_found === 1);
    if (found.length === 0) continue;
    const latest = found[found.length - 1]!;
    const fixes = list.filter((c) => c.cleaned === 1 && c.os_reinstalled === 1 && c.remediated_on !== null && c.remediated_on >= latest.checked_on);
    let remediatedOn: string | null = null;
    for (const f of fixes) if (remediatedOn === null || f.remediated_on! < remediatedOn) remediatedOn = f.remediated_on;
    let remediatedAt: string | null = null;
    for (const f of fixes) if (f.remediated_on === remediatedOn && (remediatedAt === null || f.recorded_at < remediatedAt)) remediatedAt = f.recorded_at;
    infection.set(id, { owner: latest.owner_id, infectedOn: latest.checked_on, remediatedOn, remediatedAt });
  }
  // What malware asks of each owner's accounts.
  const owners = new Map<number, { infected: boolean; on: string; at: string }>();
  for (const i of infection.values()) {
    const o = owners.get(i.owner) ?? { infected: false, on: '', at: '' };
    if (i.remediatedOn === null) o.infected = true;
    else {
      if (i.remediatedOn > o.on) o.on = i.remediatedOn;
      if (i.remediatedAt! > o.at) o.at = i.remediatedAt!;
    }
    owners.set(i.owner, o);
  }

  const confs = new Map<number, { changed_on: string; recorded_at: string }[]>();
  for (const c of db.prepare('SELECT account_id, changed_on, recorded_at FROM confirmations WHERE voided_at IS NULL').all() as { account_id: number; changed_on: string; recorded_at: string }[]) {
    (confs.get(c.account_id) ?? confs.set(c.account_id, []).get(c.account_id)!).push(c);
  }
  const states = new Map<number, State>();
  const bySystem = new Map<number, { all: Counts; admin: Counts; user: Counts }>();
  for (const s of systems) bySystem.set(s, { all: zero(), admin: zero(), user: zero() });
  const overall = { all: zero(), admin: zero(), user: zero() };
  const accounts = db.prepare("SELECT id, system_id, person_id, role FROM accounts WHERE status = 'active'").all() as { id: number; system_id: number; person_id: number | null; role: 'admin' | 'user' }[];
  for (const a of accounts) {
    if (!systems.has(a.system_id)) continue;
    let state: State;
    const mine = confs.get(a.id) ?? [];
    const malware = a.person_id === null ? undefined : owners.get(a.person_id);
    if (a.person_id !== null && people.get(a.person_id) !== 'working') state = 'to_cancel';
    else {
      const counting = malware === undefined ? mine : malware.infected ? [] : mine.filter((c) => c.changed_on >= malware.on && c.recorded_at >= malware.at);
      if (malware !== undefined && counting.length === 0) state = 'must_change';
      else if (counting.some((c) => c.changed_on >= campaign.start && c.changed_on <= campaign.deadline)) state = 'done';
      else if (counting.some((c) => c.changed_on > campaign.deadline)) state = 'late';
      else state = 'missing';
    }
    states.set(a.id, state);
    for (const target of [bySystem.get(a.system_id)!, overall]) {
      for (const c of [target.all, target[a.role]]) {
        c.total++;
        c[state]++;
      }
    }
  }

  // Devices: used for a system in scope; in use, or still infected.
  const usedFor = new Map<number, number[]>();
  for (const r of db.prepare('SELECT device_id, system_id FROM device_systems').all() as { device_id: number; system_id: number }[]) {
    if (systems.has(r.system_id)) (usedFor.get(r.device_id) ?? usedFor.set(r.device_id, []).get(r.device_id)!).push(r.system_id);
  }
  const windowStart = monthsBefore(today, months);
  const deviceTotals = zeroD();
  const devicesBySystem = new Map<number, DeviceCounts>();
  for (const s of systems) devicesBySystem.set(s, zeroD());
  const deviceIds: number[] = [];
  for (const d of devices) {
    const inf = infection.get(d.id);
    const stillInfected = inf !== undefined && inf.remediatedOn === null;
    if (!usedFor.has(d.id) || (d.status !== 'in_use' && !stillInfected)) continue;
    deviceIds.push(d.id);
    const last = lastCheck.get(d.id);
    const checked = last !== undefined && last.checked_on >= windowStart;
    const licensed = checked && last!.av_installed === 1 && last!.av_licensed === 1 && (last!.licence_expires_on === null || last!.licence_expires_on >= today);
    const add = (x: DeviceCounts) => {
      x.devices++;
      if (checked) x.checked++;
      if (licensed) x.licensed++;
      if (stillInfected) x.infected++;
      if (inf !== undefined && inf.remediatedOn !== null) x.remediated++;
    };
    add(deviceTotals);
    for (const s of usedFor.get(d.id)!) add(devicesBySystem.get(s)!);
  }
  return { states, bySystem, overall, devices: deviceTotals, devicesBySystem, deviceIds };
}
