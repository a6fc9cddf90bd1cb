// Demo data: a realistic, deterministic Vietnamese organisation (units, staff, their accounts)
// written into a fresh database in one transaction. Used by `attk demo`, the e2e tests and the bench.
//
// Extending: the work is a list of steps (STEPS below) sharing one DemoContext. A later step
// (confirmations, campaigns, devices …) reads ctx.units / ctx.people / ctx.accounts (ids included),
// draws from its own generator `ctx.rng.fork('<step name>')` (so it never shifts earlier steps'
// data), writes with prepared statements, and adds its counts to ctx.counts.

import { isIsoDate, toIsoDate } from '../../../shared/dates';
import { AttkError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import type { PersonStatus, StaffType } from '../../../shared/people/schema';
import type { UnitKind } from '../../../shared/unit/schema';
import { foldForSearch, personSortKey } from '../../../shared/text/vietnamese';
import type { Db } from '../db/open';
import { personSearchText } from '../people/service';
import { Rng, Weighted } from './rng';
import {
  DONG_DA, FAMILY_NAMES, HANOI, FEMALE_GIVEN_NAMES, FEMALE_MIDDLE_NAMES, FEMALE_SECOND_MIDDLE, HANOI_DISTRICTS, KINDERGARTEN_NAMES,
  KNOWN_PERSON, MALE_GIVEN_NAMES, MALE_MIDDLE_NAMES, OFFICES, SCHOOL_LEVEL_NAMES, SCHOOL_NAMES, SECONDARY_ACCOUNT_NOTES,
  SOURCE_DOCUMENTS, SYSTEM_CODES, officeRoster, provinceHomeRoster, schoolRoster, splitWard, wardRoster,
  type District, type Role, type RoleTag, type Roster, type SchoolLevel, type SystemCode,
} from './vocab';
import { campaignsStep } from './campaigns';
import { devicesStep } from './devices';
import { connectionsStep } from './connections';

export type DemoSize = 'unit' | 'district' | 'province';

export interface DemoOptions {
  /** Called about every 1 % (done ≤ total; the last call has done = total). */
  onProgress?: (done: number, total: number) => void;
  /** ISO date the data is "as of" (status dates, account dates, timestamps). Default: today's local date. */
  today?: string;
}

export interface DemoCounts {
  units: number;
  people: number;
  accounts: number;
}

/** One seed per size: the same size always gives the same data. */
export const DEMO_SEEDS: Readonly<Record<DemoSize, number>> = { unit: 0x5eed0001, district: 0x5eed0002, province: 0x5eed0003 };

/** Time of day of every generated timestamp: 02:00 UTC = 09:00 in Việt Nam, on `today`. */
export const DEMO_TIME_OF_DAY = 'T02:00:00.000Z';

const SIZE_LABELS: Record<DemoSize, string> = { unit: 'một đơn vị', district: 'một khu vực (nhiều phường, xã)', province: 'tỉnh/thành phố' };

/** The `total` passed to onProgress. */
export const DEMO_PROGRESS_TOTAL = 1000;

export interface DemoUnit {
  id: number;
  isHome: boolean;
  kind: UnitKind;
  name: string;
  code: string;
  /** Area of the city the unit belongs to (named after its hub ward; the city for the home unit of the larger sizes). */
  district: string;
  headPersonId: number;
  clerkPersonId: number;
}

export interface DemoPerson {
  id: number;
  unitId: number;
  fullName: string;
  position: string;
  department: string;
  staffType: StaffType;
  partyMember: boolean;
  status: PersonStatus;
  statusDate: string | null;
  /** Roles this person plays in the unit (head, deputy, clerk, kntc = works on complaints). */
  tags: readonly RoleTag[];
}

export interface DemoAccount {
  id: number;
  systemId: number;
  system: SystemCode;
  personId: number | null;
  unitId: number;
  loginName: string;
  role: 'admin' | 'user';
  status: 'active' | 'cancel_requested' | 'cancelled' | 'locked';
  createdOn: string | null;
}

/** Everything a step needs, and everything earlier steps produced. */
export interface DemoContext {
  db: Db;
  size: DemoSize;
  /** Root generator of this size; steps use `rng.fork(name)`. */
  rng: Rng;
  today: string;
  /** ISO timestamp used for created_at / updated_at / audit. */
  now: string;
  /** System ids by code, read from the database. */
  systems: Readonly<Record<SystemCode, number>>;
  homeUnitId: number;
  units: DemoUnit[];
  people: DemoPerson[];
  accounts: DemoAccount[];
  /** Row counts by table or kind; steps add theirs. */
  counts: DemoCounts & Record<string, number>;
}

export interface DemoStep {
  name: string;
  /** Share of the progress bar, relative to the other steps. */
  weight: number;
  run: (ctx: DemoContext, progress: (done: number, total: number) => void) => void;
}

/** Generate and return the counts (what the CLI reports). */
export function generateDemo(db: Db, size: DemoSize, options: DemoOptions = {}): DemoCounts {
  const { units, people, accounts } = buildDemo(db, size, options).counts;
  return { units, people, accounts };
}

/** Generate and return the whole context (ids of every unit, person and account) for callers that build on it. */
export function buildDemo(db: Db, size: DemoSize, options: DemoOptions = {}): DemoContext {
  const today = options.today ?? toIsoDate(new Date());
  if (!isIsoDate(today)) throw new AttkError('VALIDATION', vi.errors.invalidDate, ['today']);
  const filled = db.prepare('SELECT EXISTS (SELECT 1 FROM people) OR EXISTS (SELECT 1 FROM units) AS filled').get() as { filled: number };
  if (filled.filled) {
    throw new AttkError('CONFLICT', 'Cơ sở dữ liệu đã có dữ liệu. Chỉ tạo dữ liệu mẫu vào một tệp dữ liệu mới.');
  }
  const ctx: DemoContext = {
    db,
    size,
    rng: new Rng(DEMO_SEEDS[size]),
    today,
    now: `${today}${DEMO_TIME_OF_DAY}`,
    systems: readSystems(db),
    homeUnitId: 0,
    units: [],
    people: [],
    accounts: [],
    counts: { units: 0, people: 0, accounts: 0 },
  };

  const report = progressReporter(options.onProgress);
  const totalWeight = STEPS.reduce((sum, s) => sum + s.weight, 0);
  db.transaction(() => {
    let before = 0;
    for (const step of STEPS) {
      step.run(ctx, (done, total) => report((before + (step.weight * Math.min(done, total)) / Math.max(total, 1)) / totalWeight));
      before += step.weight;
    }
    ctx.counts.units = ctx.units.length;
    ctx.counts.people = ctx.people.length;
    ctx.counts.accounts = ctx.accounts.length;
    db.prepare('INSERT INTO audit_log (at, actor, action, entity, entity_id, summary, data) VALUES (?, ?, ?, ?, NULL, ?, ?)').run(
      ctx.now, 'demo', 'demo', 'database',
      `Tạo dữ liệu mẫu (${SIZE_LABELS[size]}): ${ctx.counts.units} đơn vị, ${ctx.counts.people} cán bộ, ${ctx.counts.accounts} tài khoản`,
      JSON.stringify({ size, seed: DEMO_SEEDS[size], today, ...ctx.counts }),
    );
  }).immediate();
  report(1);
  return ctx;
}

function readSystems(db: Db): Record<SystemCode, number> {
  const rows = db.prepare('SELECT id, code FROM systems').all() as { id: number; code: string }[];
  const out = {} as Record<SystemCode, number>;
  for (const code of SYSTEM_CODES) {
    const row = rows.find((r) => r.code === code);
    if (!row) throw new AttkError('DATABASE', `Thiếu hệ thống ${code} trong danh mục; không thể tạo dữ liệu mẫu.`);
    out[code] = row.id;
  }
  return out;
}

/** Turns a fraction into onProgress calls, at most one per 1 %. */
function progressReporter(onProgress: DemoOptions['onProgress']): (fraction: number) => void {
  let last = -1;
  return (fraction) => {
    if (!onProgress) return;
    const done = Math.min(DEMO_PROGRESS_TOTAL, Math.floor(fraction * DEMO_PROGRESS_TOTAL));
    if (done < DEMO_PROGRESS_TOTAL && done - last < DEMO_PROGRESS_TOTAL / 100) return;
    if (done === last) return;
    last = done;
    onProgress(done, DEMO_PROGRESS_TOTAL);
  };
}

// =============================================================================================
// Dates

/** ISO date plus n days (UTC arithmetic: no time-zone or DST surprises). */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

// =============================================================================================
// Step 1: units, their staff and the staff's accounts

interface UnitPlan {
  isHome: boolean;
  kind: UnitKind;
  name: string;
  code: string;
  /** Suffix of DGXL logins ("annv.vm"). */
  loginSuffix: string;
  district: District;
  /** ASCII slug prefixing KNTC logins ("dongda.annv"). */
  kntcPrefix: string;
  roster: Roster;
  /** Head count range drawn from before scaling to the size's total. */
  headcount: readonly [number, number];
  /** Final head count. */
  people: number;
  parentBody: string;
  placeName: string;
  reportSymbol: string;
  recipientName: string;
  recipientAddress: string;
  email: string;
  /** Shared (ownerless) accounts to create. */
  shared: readonly { system: SystemCode; login: string; note: string }[];
}

const staffStep: DemoStep = { name: 'staff', weight: 10, run: generateStaff };

/** The steps, in order. Later issues append theirs (e.g. confirmations, campaigns, devices). */
const STEPS: readonly DemoStep[] = [staffStep, campaignsStep, devicesStep, connectionsStep];

const upperVi = (s: string) => s.toLocaleUpperCase('vi');
const ascii = (s: string) => foldForSearch(s).replace(/[^a-z0-9]/g, '');
/** "Ô Chợ Dừa" → "OCD", "Văn Miếu - Quốc Tử Giám" → "VMQTG", "Mỹ Đình 1" → "MD1". */
const initials = (s: string) =>
  foldForSearch(s)
    .split(' ')
    .filter((w) => /[a-z0-9]/.test(w))
    .map((w) => (/^\d+$/.test(w) ? w : w.charAt(0)))
    .join('')
    .toUpperCase();

function uniqueIn(used: Set<string>, base: string, fallback: (n: number) => string): string {
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = fallback(n);
  used.add(name.toLowerCase());
  return name;
}

function planUnits(size: DemoSize, rng: Rng): UnitPlan[] {
  if (size === 'unit') {
    const d = DONG_DA;
    return [
      {
        isHome: true,
        kind: 'home',
        name: 'UBND PHƯỜNG VĂN MIẾU - QUỐC TỬ GIÁM',
        code: 'VMQTG',
        loginSuffix: 'vm',
        district: d,
        kntcPrefix: d.slug,
        roster: wardRoster('phường'),
        headcount: [57, 63],
        people: rng.int(57, 63),
        // Since 07/2025 a ward reports to the city (Sở Nội vụ); the date line names the ward (Decree 30, Appendix I).
        parentBody: 'UBND THÀNH PHỐ HÀ NỘI',
        placeName: 'Văn Miếu - Quốc Tử Giám',
        reportSymbol: 'BC-UBND',
        recipientName: 'Sở Nội vụ thành phố Hà Nội',
        recipientAddress: 'sonoivu@hanoi.gov.vn',
        email: 'vanmieuquoctugiam@hanoi.gov.vn',
        shared: [{ system: 'DGXL', login: 'vanthu.vm', note: 'Tài khoản dùng chung của bộ phận văn thư' }],
      },
    ];
  }

  const plans: UnitPlan[] = [];
  const names = new Set<string>();
  const codes = new Set<string>();
  const province = size === 'province';
  // The receiving office of both sizes is the city's Department of Home Affairs (since 07/2025 wards and
  // communes report to it): for the district size, one area of the city (a multi-ward set); for the
  // province size, ten. The district size keeps its former head count range so benches stay comparable.
  plans.push({
    isHome: true, kind: 'home', name: 'SỞ NỘI VỤ THÀNH PHỐ HÀ NỘI', code: 'SNV', loginSuffix: 'snv', district: HANOI,
    kntcPrefix: HANOI.slug, roster: provinceHomeRoster(), headcount: province ? [150, 190] : [100, 130], people: 0, parentBody: 'UBND THÀNH PHỐ HÀ NỘI',
    placeName: 'Hà Nội', reportSymbol: 'BC-SNV', recipientName: 'UBND thành phố Hà Nội', recipientAddress: 'vp.ubnd@hanoi.gov.vn',
    email: 'sonoivu@hanoi.gov.vn', shared: [],
  });
  names.add(plans[0]!.name.toLowerCase());
  codes.add(plans[0]!.code.toLowerCase());

  for (const d of province ? HANOI_DISTRICTS : [DONG_DA]) {
    // The hub ward's own units report to its office (or to its People's Committee); its schools to its
    // Phòng Văn hóa - Xã hội; the wards and communes to Sở Nội vụ.
    const hub = `phường ${d.name}`;
    const hubBody = `UBND ${upperVi(hub)}`;
    const snv = { recipientName: 'Sở Nội vụ thành phố Hà Nội', recipientAddress: 'sonoivu@hanoi.gov.vn' };
    const vp = { recipientName: `Văn phòng HĐND và UBND ${hub}`, recipientAddress: `vp.${d.slug}@hanoi.gov.vn` };
    const vhxh = { recipientName: `Phòng Văn hóa - Xã hội ${hub}`, recipientAddress: `vhxh.${d.slug}@hanoi.gov.vn` };
    const localCodes = new Set<string>();
    type Fields = Omit<UnitPlan, 'isHome' | 'code' | 'loginSuffix' | 'district' | 'kntcPrefix' | 'parentBody' | 'placeName' | 'people' | 'shared'> &
      Partial<Pick<UnitPlan, 'parentBody' | 'placeName'>>;
    const sub = ({ local: wanted, parentBody = hubBody, placeName = d.name, ...p }: Fields & { local: string }): void => {
      const local = uniqueIn(localCodes, wanted, (n) => `${wanted}${n}`);
      const code = uniqueIn(codes, `${d.code}-${local}`, (n) => `${d.code}-${local}-${n}`);
      const name = uniqueIn(names, p.name, (n) => (n === 2 ? `${p.name} (${d.name})` : `${p.name} (${d.name}) ${n}`));
      const loginSuffix = (province ? `${d.code}${local}` : local).toLowerCase();
      const shared: { system: SystemCode; login: string; note: string }[] = [];
      if (p.kind !== 'school' && rng.chance(0.35)) shared.push({ system: 'DGXL', login: `vanthu.${loginSuffix}`, note: 'Tài khoản dùng chung của bộ phận văn thư' });
      if ((p.kind === 'ward' && rng.chance(0.3)) || local === 'TCD') {
        shared.push({ system: 'KNTC', login: `${d.slug}.tcd.${loginSuffix}`, note: 'Tài khoản dùng chung của bộ phận tiếp công dân' });
      }
      plans.push({
        ...p, isHome: false, code, name, loginSuffix, district: d, kntcPrefix: d.slug, parentBody, placeName, people: 0, shared,
      });
    };

    for (const office of OFFICES) {
      sub({
        kind: 'office', name: `${office.name} ${hub}`, local: office.code, roster: officeRoster(office), headcount: [30, 90], reportSymbol: `BC-${office.code}`,
        ...(office.toCommittee ? { recipientName: `UBND ${hub}`, recipientAddress: `ubnd.${d.slug}@hanoi.gov.vn` } : vp),
        email: `${office.code.toLowerCase()}.${d.slug}@hanoi.gov.vn`,
      });
    }
    for (const ward of d.wards) {
      const { type, name } = splitWard(ward);
      sub({
        kind: 'ward', name: `UBND ${ward}`, local: `${type === 'xã' ? 'X' : 'P'}${initials(name)}`, roster: wardRoster(type), headcount: [60, 160], reportSymbol: 'BC-UBND',
        parentBody: 'UBND THÀNH PHỐ HÀ NỘI', placeName: name, ...snv, email: `${ascii(name)}@hanoi.gov.vn`,
      });
    }
    // Schools fill the area's 100 subordinate units: ~38 % kindergartens, 32 % primary, 30 % lower secondary.
    const wardNames = d.wards.map((w) => splitWard(w).name);
    const schools = 100 - OFFICES.length - d.wards.length;
    const mn = Math.round(schools * 0.38);
    const th = Math.round(schools * 0.32);
    // Named after wards and after the usual names; the lists are long enough for every district.
    const levels: [SchoolLevel, number, readonly string[]][] = [
      ['MN', mn, rng.shuffle([...wardNames, ...KINDERGARTEN_NAMES])],
      ['TH', th, rng.shuffle([...wardNames, ...SCHOOL_NAMES.slice(0, 20)])],
      ['THCS', schools - mn - th, rng.shuffle([...wardNames, ...SCHOOL_NAMES.slice(12)])],
    ];
    const headcount: Record<SchoolLevel, readonly [number, number]> = { MN: [40, 110], TH: [60, 180], THCS: [70, 250] };
    for (const [level, count, pool] of levels) {
      const roster = schoolRoster(level);
      for (let i = 0; i < count; i++) {
        const base = pool[i] ?? `số ${i - pool.length + 1}`;
        sub({
          kind: 'school', name: `${SCHOOL_LEVEL_NAMES[level]} ${base}${province ? ` (${d.name})` : ''}`, local: `${level}${initials(base)}`,
          roster, headcount: headcount[level], reportSymbol: `BC-${level}`, ...vhxh, email: `${level.toLowerCase()}${ascii(base)}.${d.slug}@hanoi.edu.vn`,
        });
      }
    }
  }

  // Head counts: drawn per kind, then scaled so the whole is ≈ 100 per unit, each unit within 30–250.
  const raw = plans.map((p) => rng.int(...p.headcount));
  plans[0]!.people = raw[0]!;
  const target = 100 * (plans.length - 1) - raw[0]!;
  const scale = target / (raw.reduce((a, b) => a + b, 0) - raw[0]!);
  plans.forEach((p, i) => {
    if (i > 0) p.people = Math.max(30, Math.min(250, Math.round(raw[i]! * scale)));
  });
  return plans;
}

// ---------------------------------------------------------------------------------------------
// People

interface DrawnName {
  family: string;
  middle: string;
  given: string;
  full: string;
}

const familyNames = new Weighted(FAMILY_NAMES);
const maleMiddle = new Weighted(MALE_MIDDLE_NAMES);
const femaleMiddle = new Weighted(FEMALE_MIDDLE_NAMES);
const maleGiven = new Weighted(MALE_GIVEN_NAMES);
const femaleGiven = new Weighted(FEMALE_GIVEN_NAMES);

function drawName(rng: Rng, female: boolean): DrawnName {
  const family = familyNames.pick(rng);
  let middle = (female ? femaleMiddle : maleMiddle).pick(rng);
  if (female && middle === 'Thị' && rng.chance(0.15)) middle = `Thị ${rng.pick(FEMALE_SECOND_MIDDLE)}`;
  let given = (female ? femaleGiven : maleGiven).pick(rng);
  while (middle.endsWith(given) || given === family) given = (female ? femaleGiven : maleGiven).pick(rng);
  return { family, middle, given, full: `${family} ${middle} ${given}` };
}

interface AccountDraft {
  system: SystemCode;
  primary: boolean;
  loginName: string;
  role: 'admin' | 'user';
  status: DemoAccount['status'];
  sourceDocument: string;
  createdOn: string | null;
  note: string;
}

interface PersonDraft {
  role: Role;
  name: DrawnName;
  department: string;
  partyMember: boolean;
  status: PersonStatus;
  statusDate: string | null;
  note: string;
  accounts: AccountDraft[];
}

const LEAVER_STATUSES = new Weighted<PersonStatus>([['transferred', 50], ['retired', 30], ['left', 20]]);
const ACCOUNTS_PER_PERSON = new Weighted<number>([[2, 25], [3, 45], [4, 30]]);
type AccountStatus = DemoAccount['status'];
const STATUS_WORKING_PRIMARY = new Weighted<AccountStatus>([['active', 97.5], ['locked', 1.2], ['cancel_requested', 0.5], ['cancelled', 0.8]]);
const STATUS_WORKING_SECONDARY = new Weighted<AccountStatus>([['active', 85], ['locked', 5], ['cancel_requested', 3], ['cancelled', 7]]);
const STATUS_LEAVER_PRIMARY = new Weighted<AccountStatus>([['active', 70], ['cancel_requested', 15], ['cancelled', 10], ['locked', 5]]);
const STATUS_LEAVER_SECONDARY = new Weighted<AccountStatus>([['active', 65], ['cancel_requested', 10], ['cancelled', 20], ['locked', 5]]);
/** Extra accounts a person may hold on one system besides the main one, and how likely each system is to hold them. */
const MAX_EXTRA_ACCOUNTS: Record<SystemCode, number> = { DGXL: 2, STDV: 1, KNTC: 1 };
const EXTRA_ACCOUNT_WEIGHT: Record<SystemCode, number> = { DGXL: 3, STDV: 2, KNTC: 2 };

function partyChance(role: Role): number {
  if (role.tags?.includes('head')) return 1;
  if (role.tags?.includes('deputy')) return 0.97;
  switch (role.staffType) {
    case 'can_bo': return 0.9;
    case 'cong_chuc': return 0.55;
    case 'vien_chuc': return 0.4;
    case 'hop_dong': return 0.12;
  }
}

/** Login names, unique per system (case-insensitive), with counters so numbered variants stay cheap. */
class Logins {
  private readonly used: Record<SystemCode, Set<string>> = { KNTC: new Set(), DGXL: new Set(), STDV: new Set() };
  private readonly next = new Map<string, number>();

  /** Reserve a fixed name (shared accounts); false when taken. */
  reserve(system: SystemCode, name: string): boolean {
    const key = name.toLowerCase();
    if (this.used[system].has(key)) return false;
    this.used[system].add(key);
    return true;
  }

  /** `make(1)` is the plain form, `make(2)`, `make(3)` … the numbered ones ("hoa.lt2"). */
  claim(system: SystemCode, key: string, make: (n: number) => string): string {
    const counterKey = `${system}|${key}`;
    let n = this.next.get(counterKey) ?? 1;
    let name = make(n);
    while (this.used[system].has(name)) name = make(++n);
    this.used[system].add(name);
    this.next.set(counterKey, n + 1);
    return name;
  }
}

function generateStaff(ctx: DemoContext, progress: (done: number, total: number) => void): void {
  const { db, today, now } = ctx;
  const rng = ctx.rng.fork('staff');
  const plans = planUnits(ctx.size, rng);
  const totalPeople = plans.reduce((sum, p) => sum + p.people, 0);
  const logins = new Logins();
  const sortKeys = new Map<string, string>();

  const insertUnit = db.prepare(
    `INSERT INTO units (is_home, kind, name, code, parent_body, head_name, head_title, sign_authority, clerk_name, place_name,
       report_symbol, recipient_name, recipient_address, email, phone, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?)`,
  );
  const insertPerson = db.prepare(
    `INSERT INTO people (unit_id, full_name, position, department, staff_type, party_member, status, status_date, note,
       sort_key, search_text, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAccount = db.prepare(
    `INSERT INTO accounts (system_id, person_id, login_name, role, status, source_document, created_on, note, search_text, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  /** A document that could have created an account before `limit`, and the creation date. */
  const issue = (system: SystemCode, limit: string, latest: boolean): { sourceDocument: string; createdOn: string } => {
    const docs = SOURCE_DOCUMENTS[system].filter((d) => d.date < limit);
    if (docs.length === 0) return { sourceDocument: '', createdOn: addDays(limit, -rng.int(30, 400)) };
    const doc = latest && rng.chance(0.4) ? docs[docs.length - 1]! : rng.pick(docs);
    const created = addDays(doc.date, rng.int(0, 45));
    return { sourceDocument: doc.text, createdOn: created < limit ? created : addDays(limit, -1) };
  };

  let peopleDone = 0;
  for (const plan of plans) {
    const { roster } = plan;
    const restRoles = new Weighted(roster.rest.map((role) => [role, role.weight ?? 1] as const));

    // 1. The staff, in roster order (head first).
    const drafts: PersonDraft[] = [];
    for (let i = 0; i < plan.people; i++) {
      const knownPerson = plan.isHome && i === roster.fixed.length;
      const role = i < roster.fixed.length ? roster.fixed[i]! : knownPerson ? roster.rest[0]! : restRoles.pick(rng);
      const female = knownPerson ? false : rng.chance(role.female ?? roster.female);
      const name = knownPerson
        ? { ...KNOWN_PERSON, full: `${KNOWN_PERSON.family} ${KNOWN_PERSON.middle} ${KNOWN_PERSON.given}` }
        : drawName(rng, female);
      const department = typeof role.department === 'string' ? role.department : rng.pick(role.department);
      const partyMember = rng.chance(partyChance(role));
      const keepsWorking = knownPerson || (role.tags?.some((t) => t === 'head' || t === 'deputy' || t === 'clerk') ?? false);
      let status: PersonStatus = 'working';
      let statusDate: string | null = null;
      let note = '';
      if (!keepsWorking && rng.chance(0.06)) {
        status = LEAVER_STATUSES.pick(rng);
        statusDate = addDays(today, -rng.int(1, 730));
        const decision = `${rng.int(100, 4999)}/QĐ-UBND`;
        note =
          status === 'transferred' ? `Chuyển công tác theo Quyết định số ${decision}`
          : status === 'retired' ? `Nghỉ hưu theo Quyết định số ${decision}`
          : 'Thôi việc theo nguyện vọng cá nhân';
      }
      drafts.push({ role, name, department, partyMember, status, statusDate, note, accounts: [] });
    }

    // 2. Their accounts: one per system they use, then extra ones (older, re-issued, per-module) up to 2–4 in all.
    for (const p of drafts) {
      const tags = p.role.tags ?? [];
      const systems: SystemCode[] = [];
      if (tags.includes('kntc') || tags.includes('clerk')) systems.push('KNTC');
      if (p.role.staffType !== 'hop_dong' || rng.chance(0.6) || !p.partyMember) systems.push('DGXL');
      if (p.partyMember) systems.push('STDV');
      const wanted = Math.max(ACCOUNTS_PER_PERSON.pick(rng), systems.length);
      const extraNotes = new Map(systems.map((s) => [s, rng.shuffle(SECONDARY_ACCOUNT_NOTES[s]).slice(0, MAX_EXTRA_ACCOUNTS[s])]));
      const leaver = p.status !== 'working';
      const limit = leaver ? p.statusDate! : today;
      const given = ascii(p.name.given);
      const ini = initials(`${p.name.family} ${p.name.middle}`).toLowerCase();
      // Party-handbook logins carry a two-digit birth year, as people usually choose ("hoa.lt85").
      const birthYear = String((p.status === 'retired' ? rng.int(1961, 1966) : rng.int(1966, 2001)) % 100).padStart(2, '0');
      for (let k = 0; k < wanted; k++) {
        const primary = k < systems.length;
        let system: SystemCode;
        let note = '';
        if (primary) system = systems[k]!;
        else {
          const open = systems.filter((s) => extraNotes.get(s)!.length > 0);
          if (open.length === 0) break;
          system = new Weighted(open.map((s) => [s, EXTRA_ACCOUNT_WEIGHT[s]] as const)).pick(rng);
          note = extraNotes.get(system)!.pop()!;
        }
        const loginName =
          system === 'DGXL' ? logins.claim(system, `${given}${ini}.${plan.loginSuffix}`, (n) => `${given}${ini}${n > 1 ? n : ''}.${plan.loginSuffix}`)
          : system === 'STDV' ? logins.claim(system, `${given}.${ini}${birthYear}`, (n) => `${given}.${ini}${birthYear}${n > 1 ? `.${n}` : ''}`)
          : logins.claim(system, `${plan.kntcPrefix}.${given}${ini}`, (n) => `${plan.kntcPrefix}.${given}${ini}${n > 1 ? n : ''}`);
        const status = (leaver ? (primary ? STATUS_LEAVER_PRIMARY : STATUS_LEAVER_SECONDARY) : primary ? STATUS_WORKING_PRIMARY : STATUS_WORKING_SECONDARY).pick(rng);
        const { sourceDocument, createdOn } = issue(system, limit, primary);
        p.accounts.push({ system, primary, loginName, role: 'user', status, sourceDocument, createdOn, note });
      }
    }

    // 3. One administrator per system: the clerk on DGXL, a deputy (else the clerk) on KNTC, a Party member on STDV.
    const primaryOf = (p: PersonDraft, system: SystemCode) => p.accounts.find((a) => a.primary && a.system === system);
    const makeAdmin = (candidates: PersonDraft[], system: SystemCode) => {
      for (const p of candidates) {
        const account = primaryOf(p, system);
        if (p.status === 'working' && account) {
          account.role = 'admin';
          account.status = 'active';
          return;
        }
      }
    };
    const clerk = drafts.find((p) => p.role.tags?.includes('clerk')) ?? drafts[drafts.length - 1]!;
    const head = drafts[0]!;
    makeAdmin([clerk, ...drafts], 'DGXL');
    makeAdmin([...drafts.filter((p) => p.role.tags?.includes('deputy')), clerk, ...drafts], 'KNTC');
    makeAdmin(drafts.slice(1), 'STDV');

    // 4. Write.
    const unitId = Number(
      insertUnit.run(
        plan.isHome ? 1 : 0, plan.kind, plan.name, plan.code, plan.parentBody, head.name.full, roster.headTitle, roster.signAuthority,
        clerk.name.full, plan.placeName, plan.reportSymbol, plan.recipientName, plan.recipientAddress, plan.email, now,
      ).lastInsertRowid,
    );
    let headId = 0;
    let clerkId = 0;
    for (const p of drafts) {
      let sortKey = sortKeys.get(p.name.full);
      if (sortKey === undefined) sortKeys.set(p.name.full, (sortKey = personSortKey(p.name.full)));
      const position = p.role.position;
      const personId = Number(
        insertPerson.run(
          unitId, p.name.full, position, p.department, p.role.staffType, p.partyMember ? 1 : 0, p.status, p.statusDate, p.note,
          sortKey, personSearchText(p.name.full, position, p.department, plan.name), now, now,
        ).lastInsertRowid,
      );
      progress(++peopleDone, totalPeople);
      if (p === head) headId = personId;
      if (p === clerk) clerkId = personId;
      ctx.people.push({
        id: personId, unitId, fullName: p.name.full, position, department: p.department, staffType: p.role.staffType,
        partyMember: p.partyMember, status: p.status, statusDate: p.statusDate, tags: p.role.tags ?? [],
      });
      for (const a of p.accounts) {
        const systemId = ctx.systems[a.system];
        const accountId = Number(
          insertAccount.run(systemId, personId, a.loginName, a.role, a.status, a.sourceDocument, a.createdOn, a.note, foldForSearch(a.loginName), now, now)
            .lastInsertRowid,
        );
        ctx.accounts.push({ id: accountId, systemId, system: a.system, personId, unitId, loginName: a.loginName, role: a.role, status: a.status, createdOn: a.createdOn });
      }
    }
    for (const s of plan.shared) {
      if (!logins.reserve(s.system, s.login)) continue;
      const { sourceDocument, createdOn } = issue(s.system, today, false);
      const systemId = ctx.systems[s.system];
      const accountId = Number(
        insertAccount.run(systemId, null, s.login, 'user', 'active', sourceDocument, createdOn, s.note, foldForSearch(s.login), now, now).lastInsertRowid,
      );
      ctx.accounts.push({ id: accountId, systemId, system: s.system, personId: null, unitId, loginName: s.login, role: 'user', status: 'active', createdOn });
    }
    ctx.units.push({
      id: unitId, isHome: plan.isHome, kind: plan.kind, name: plan.name, code: plan.code, district: plan.district.name,
      headPersonId: headId, clerkPersonId: clerkId,
    });
    if (plan.isHome) ctx.homeUnitId = unitId;
  }
}
