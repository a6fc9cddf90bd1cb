import { checkResult, type CheckFacts, type DeviceKind, type DeviceOs, type DeviceStatus } from '../../../shared/devices/rules';
import { vi } from '../../../shared/i18n/vi';
import { foldForSearch } from '../../../shared/text/vietnamese';
import { addDays, type DemoContext, type DemoPerson, type DemoStep } from './generate';
import type { Rng } from './rng';

// Demo step: a device for most people (a second one — a phone for the Party handbook, a laptop —
// for some) and their checks, as a clerk would have recorded them over the last months:
// - most devices checked within the last 3 months, some not for longer, a few never;
// - a few without licensed antivirus, a few licences expired, some expiring within 30 days;
// - exactly two infections, at every size: one found 9 days ago and remediated (cleaned + OS
//   reinstalled) 6 days ago, whose owner has NO password change since — so the flag
//   "phải đổi mật khẩu sau khi xử lý mã độc" shows in the demo; one found 2 days ago, not yet
//   cleaned (the owner's accounts flagged "clean the device first").
// Writes with prepared statements; the triggers of migration 0005 keep the devices' derived columns.

const t = vi.devices;

const AV_PRODUCTS: readonly (readonly [string, boolean])[] = [
  // [product, comes with an expiring licence]
  ['BKAV Pro', true],
  ['Kaspersky Endpoint Security', true],
  ['ESET Endpoint Security', true],
  ['CMC Antivirus', true],
  ['Trend Micro Apex One', true],
  ['Microsoft Defender', false],
];
const WINDOWS = ['Windows 10 Pro', 'Windows 10 Pro', 'Windows 10 Pro', 'Windows 11 Pro', 'Windows 11 Pro', 'Windows 7 Professional'] as const;
const TAG_PREFIX: Record<DeviceKind, string> = { desktop: 'MT', laptop: 'LT', tablet: 'MTB', phone: 'DT' };

interface DemoDevice {
  id: number;
  ownerId: number;
  unitId: number;
  kind: DeviceKind;
  status: DeviceStatus;
  needsLicensedAv: boolean;
  lastCheckedOn: string | null;
}

function generateDevices(ctx: DemoContext, progress: (done: number, total: number) => void): void {
  const { db, today, now } = ctx;
  const rng = ctx.rng.fork('devices');
  const units = new Map(ctx.units.map((u) => [u.id, u]));
  const people = new Map(ctx.people.map((p) => [p.id, p]));
  const kntcId = ctx.systems.KNTC;
  const avSystems = new Set((db.prepare('SELECT id FROM systems WHERE requires_licensed_av = 1').all() as { id: number }[]).map((r) => r.id));
  // Systems per person: those of their accounts that are not cancelled (the app's default).
  const systemsOf = new Map<number, number[]>();
  for (const a of ctx.accounts) {
    if (a.personId === null || a.status === 'cancelled') continue;
    const list = systemsOf.get(a.personId) ?? [];
    if (!list.includes(a.systemId)) list.push(a.systemId);
    systemsOf.set(a.personId, list);
  }

  const insertDevice = db.prepare(
    `INSERT INTO devices (kind, os, os_version, asset_tag, owner_id, location, status, note, search_text, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?)`,
  );
  const insertSystem = db.prepare('INSERT INTO device_systems (device_id, system_id) VALUES (?, ?)');
  const insertCheck = db.prepare(
    `INSERT INTO device_checks (device_id, owner_id, checked_on, checker, av_installed, av_product, av_licensed, licence_expires_on,
       definitions_current, malware_found, malware_kind, credential_stealing, cleaned, os_reinstalled, remediated_on, result, note,
       recorded_by, recorded_at)
     VALUES (@deviceId, @ownerId, @checkedOn, @checker, @avInstalled, @avProduct, @avLicensed, @licenceExpiresOn, @definitionsCurrent,
       @malwareFound, @malwareKind, @credentialStealing, @cleaned, @osReinstalled, @remediatedOn, @result, @note, 'demo', @recordedAt)`,
  );

  const seq = new Map<string, number>();
  const devices: DemoDevice[] = [];
  const add = (p: DemoPerson, kind: DeviceKind, systems: number[]): void => {
    const unit = units.get(p.unitId)!;
    const os = osFor(rng, kind);
    const osVersion = os.version;
    const key = `${unit.id}:${kind}`;
    const n = (seq.get(key) ?? 0) + 1;
    seq.set(key, n);
    const assetTag = `${unit.code}-${TAG_PREFIX[kind]}-${String(n).padStart(3, '0')}`;
    const location = kind === 'phone' ? '' : locationFor(rng, p, unit.kind);
    const r = rng.next();
    const status: DeviceStatus = r < 0.95 ? 'in_use' : r < 0.98 ? 'spare' : 'retired';
    const search = foldForSearch(`${assetTag} ${location} ${osVersion} ${t.kind[kind]} ${t.os[os.os]}`);
    const id = Number(insertDevice.run(kind, os.os, osVersion, assetTag, p.id, location, status, search, now, now).lastInsertRowid);
    for (const s of systems) insertSystem.run(id, s);
    devices.push({ id, ownerId: p.id, unitId: unit.id, kind, status, needsLicensedAv: systems.some((s) => avSystems.has(s)), lastCheckedOn: null });
  };

  const working = ctx.people.filter((p) => p.status === 'working');
  working.forEach((p, i) => {
    if (i % 1000 === 0) progress(i, working.length * 2);
    const systems = systemsOf.get(p.id) ?? [];
    const school = units.get(p.unitId)!.kind === 'school';
    if (rng.chance(0.93)) add(p, rng.chance(school ? 0.35 : 0.2) ? 'laptop' : 'desktop', systems);
    // The Party handbook is a phone app: some members record the phone they use it on.
    if (systems.includes(ctx.systems.STDV) && rng.chance(0.12)) add(p, rng.chance(0.85) ? 'phone' : 'tablet', [ctx.systems.STDV]);
  });

  // Checks: as recorded by each unit's clerk.
  const clerkOf = new Map(ctx.units.map((u) => [u.id, people.get(u.clerkPersonId)?.fullName ?? 'Văn thư']));
  let checks = 0;
  const record = (d: DemoDevice, checkedOn: string, facts: Omit<CheckFacts, 'checkedOn'> & { avProduct: string }, note = '') => {
    const all = { ...facts, checkedOn };
    insertCheck.run({
      deviceId: d.id, ownerId: d.ownerId, checkedOn, checker: clerkOf.get(d.unitId)!,
      avInstalled: +all.avInstalled, avProduct: all.avProduct, avLicensed: +all.avLicensed, licenceExpiresOn: all.licenceExpiresOn,
      definitionsCurrent: +all.definitionsCurrent, malwareFound: +all.malwareFound, malwareKind: all.malwareKind,
      credentialStealing: +all.credentialStealing, cleaned: +all.cleaned, osReinstalled: +all.osReinstalled, remediatedOn: all.remediatedOn,
      result: checkResult(all, d.needsLicensedAv), note, recordedAt: `${checkedOn}T03:30:00.000Z`,
    });
    if (!d.lastCheckedOn || checkedOn > d.lastCheckedOn) d.lastCheckedOn = checkedOn;
    checks++;
  };
  const quiet = { malwareFound: false, malwareKind: '', credentialStealing: false, cleaned: false, osReinstalled: false, remediatedOn: null };
  /** The antivirus a check finds on a device (licence dates are relative to today). */
  const antivirus = (d: DemoDevice) => {
    const mobile = d.kind === 'phone' || d.kind === 'tablet';
    if (rng.chance(mobile ? 0.12 : 0.015)) return { avInstalled: false, avProduct: '', avLicensed: false, licenceExpiresOn: null, definitionsCurrent: false };
    const [avProduct, expires] = mobile ? (['BKAV Mobile Security', true] as const) : rng.pick(AV_PRODUCTS);
    // Units buy licences for the machines that must have them (the few exceptions are placed below);
    // elsewhere a free edition is common.
    const avLicensed = d.needsLicensedAv || rng.chance(0.8);
    const r = rng.next();
    // The same licence at every check of a device would be more exact; per check is close enough for a demo.
    const licenceExpiresOn = !avLicensed || !expires ? null
      : r < 0.03 && !d.needsLicensedAv ? addDays(today, -rng.int(1, 40)) // lapsed
      : r < 0.09 ? addDays(today, rng.int(0, 30)) // expiring within 30 days
      : addDays(today, rng.int(31, 365));
    return { avInstalled: true, avProduct, avLicensed, licenceExpiresOn, definitionsCurrent: rng.chance(0.9) };
  };

  devices.forEach((d, i) => {
    if (i % 1000 === 0) progress(working.length + Math.floor((i * working.length) / devices.length), working.length * 2);
    if (d.status === 'retired') return;
    const r = rng.next();
    if (r < 0.04) return; // never checked
    const recent = r < 0.9;
    const last = recent ? addDays(today, -rng.int(1, 85)) : addDays(today, -rng.int(95, 240));
    if (rng.chance(0.6)) record(d, addDays(last, -rng.int(80, 100)), { ...antivirus(d), ...quiet });
    record(d, last, { ...antivirus(d), ...quiet });
  });

  /** Checked within the last 85 days but before `day` (the devices left unchecked stay so). */
  const inWindow = (d: DemoDevice, day: string) => d.lastCheckedOn !== null && d.lastCheckedOn >= addDays(today, -85) && d.lastCheckedOn < day;
  // A few devices that must have licensed antivirus and do not: ≈ 1 % unlicensed, ≈ 1.5 % with a
  // licence that lapsed since their last check — at least one of each at every size. Their check is
  // their latest (dated after any routine one) and after the infections below (which are elsewhere).
  const mustHave = rng.shuffle(devices.filter((d) => d.status === 'in_use' && d.needsLicensedAv && d.kind !== 'phone' && inWindow(d, addDays(today, -8))));
  const unlicensed = Math.max(1, Math.round(mustHave.length * 0.01));
  const lapsed = Math.max(1, Math.round(mustHave.length * 0.015));
  const placed = new Set(mustHave.slice(0, unlicensed + lapsed));
  mustHave.slice(0, unlicensed).forEach((d) => {
    const on = addDays(today, -rng.int(1, 8));
    record(d, on, { avInstalled: true, avProduct: 'Kaspersky Free (bản miễn phí)', avLicensed: false, licenceExpiresOn: null, definitionsCurrent: true, ...quiet }, 'Chưa có bản quyền, đã đề nghị mua.');
  });
  mustHave.slice(unlicensed, unlicensed + lapsed).forEach((d) => {
    const on = addDays(today, -rng.int(3, 8));
    record(d, on, { avInstalled: true, avProduct: rng.pick(AV_PRODUCTS.filter(([, e]) => e))[0], avLicensed: true, licenceExpiresOn: addDays(today, -rng.int(1, 2)), definitionsCurrent: true, ...quiet });
  });

  // The two infections (credential-stealing malware, the case the Đống Đa letter describes).
  const lastChanged = db.prepare(
    "SELECT max(coalesce(a.last_changed_on, '')) AS last, count(*) AS n FROM accounts a WHERE a.person_id = ? AND a.status <> 'cancelled'",
  );
  const hasKntc = new Set(ctx.accounts.filter((a) => a.systemId === kntcId && a.status === 'active' && a.personId !== null).map((a) => a.personId!));
  const remediatedOn = addDays(today, -6);
  const foundOn = addDays(today, -9);
  const stillOn = addDays(today, -2);
  /**
   * A computer or tablet in use whose routine checks all predate `day` (the history then reads in
   * order), preferably of someone working on the complaints database; `accept` narrows the choice.
   */
  const pickDevice = (day: string, accept: (d: DemoDevice) => boolean): DemoDevice | undefined => {
    const usable = rng.shuffle(devices.filter((d) => d.status === 'in_use' && d.kind !== 'phone' && inWindow(d, day) && !placed.has(d)));
    return usable.find((d) => hasKntc.has(d.ownerId) && accept(d)) ?? usable.find(accept) ?? usable[0];
  };
  const stealer = { malwareFound: true, malwareKind: 'Trojan đánh cắp mật khẩu lưu trên trình duyệt (infostealer)', credentialStealing: true };
  // Remediated: an owner with no change on or after the remediation, so the flag is there to see.
  const remediated = pickDevice(foundOn, (d) => {
    const row = lastChanged.get(d.ownerId) as { last: string; n: number };
    return row.n > 1 && row.last < remediatedOn;
  });
  if (remediated) {
    record(remediated, foundOn, { ...antivirus(remediated), ...quiet, ...stealer }, 'Phát hiện khi quét định kỳ; đã ngắt mạng máy tính.');
    record(remediated, remediatedOn, { ...antivirus(remediated), ...quiet, cleaned: true, osReinstalled: true, remediatedOn }, 'Đã làm sạch, cài lại hệ điều hành; chưa đăng nhập lại phần mềm.');
  }
  const infected = pickDevice(stillOn, (d) => d.ownerId !== remediated?.ownerId && (lastChanged.get(d.ownerId) as { n: number }).n > 0);
  if (infected && infected !== remediated) {
    record(infected, stillOn, { ...antivirus(infected), ...quiet, ...stealer, malwareKind: 'Mã độc đánh cắp thông tin đăng nhập lây qua USB' }, 'Chờ cài lại hệ điều hành.');
  }

  ctx.counts.devices = devices.length;
  ctx.counts.deviceChecks = checks;
  progress(1, 1);
}

function osFor(rng: Rng, kind: DeviceKind): { os: DeviceOs; version: string } {
  if (kind === 'phone' || kind === 'tablet') return rng.chance(0.7) ? { os: 'android', version: `Android ${rng.int(10, 14)}` } : { os: 'ios', version: `iOS ${rng.int(15, 17)}` };
  const r = rng.next();
  if (kind === 'laptop' && r < 0.05) return { os: 'macos', version: 'macOS 13' };
  if (r < 0.015) return { os: 'linux', version: 'Ubuntu 22.04' };
  return { os: 'windows', version: rng.pick(WINDOWS) };
}

function locationFor(rng: Rng, p: DemoPerson, unitKind: string): string {
  if (unitKind === 'school') return p.department || 'Văn phòng nhà trường';
  return `${p.department || 'Văn phòng'}, tầng ${rng.int(1, 4)}`;
}

export const devicesStep: DemoStep = { name: 'devices', weight: 5, run: generateDevices };
