import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { foldForSearch, personSortKey } from '../../../shared/text/vietnamese';
import { checkDatabase, openDatabase, type Db } from '../db/open';
import { personSearchText } from '../people/service';
import { addDays, buildDemo, DEMO_PROGRESS_TOTAL, generateDemo } from './generate';
import { Rng } from './rng';

const TODAY = '2026-03-16';
const dirs: string[] = [];
const dbs: Db[] = [];
function freshDb(): Db {
  const dir = mkdtempSync(join(tmpdir(), 'attk-demo-'));
  dirs.push(dir);
  const db = openDatabase(join(dir, 'x.sqlite'));
  dbs.push(db);
  return db;
}
afterAll(() => {
  dbs.forEach((db) => db.open && db.close());
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

const count = (db: Db, sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { n: number }).n;
const dump = (db: Db) =>
  db
    .prepare(
      `SELECT u.name AS unit, u.code, p.full_name, p.position, p.department, p.staff_type, p.party_member, p.status, p.status_date,
         s.code AS system, a.login_name, a.role, a.status AS account_status, a.source_document, a.created_on, a.note, a.created_at
       FROM accounts a JOIN systems s ON s.id = a.system_id LEFT JOIN people p ON p.id = a.person_id
       LEFT JOIN units u ON u.id = p.unit_id ORDER BY a.id`,
    )
    .all();

function expectConsistent(db: Db): void {
  // Every stored name is NFC.
  const texts = db
    .prepare(
      `SELECT name AS t FROM units UNION ALL SELECT parent_body FROM units UNION ALL SELECT head_name FROM units
       UNION ALL SELECT full_name FROM people UNION ALL SELECT position FROM people UNION ALL SELECT department FROM people
       UNION ALL SELECT note FROM people UNION ALL SELECT source_document FROM accounts UNION ALL SELECT note FROM accounts`,
    )
    .pluck()
    .all() as string[];
  expect(texts.filter((t) => t !== t.normalize('NFC'))).toEqual([]);

  // Derived columns are what the services compute (every 37th person / account).
  const people = db
    .prepare(
      `SELECT p.full_name, p.position, p.department, u.name AS unit, p.sort_key, p.search_text
       FROM people p JOIN units u ON u.id = p.unit_id WHERE p.id % 37 = 1`,
    )
    .all() as { full_name: string; position: string; department: string; unit: string; sort_key: string; search_text: string }[];
  expect(people.length).toBeGreaterThan(0);
  for (const p of people) {
    expect(p.sort_key).toBe(personSortKey(p.full_name));
    expect(p.search_text).toBe(personSearchText(p.full_name, p.position, p.department, p.unit));
  }
  const accounts = db.prepare('SELECT login_name, search_text FROM accounts WHERE id % 37 = 1').all() as { login_name: string; search_text: string }[];
  for (const a of accounts) expect(a.search_text).toBe(foldForSearch(a.login_name));

  // Login names unique per system, ignoring case (the index enforces it; this states it).
  expect(count(db, 'SELECT count(*) AS n FROM (SELECT 1 FROM accounts GROUP BY system_id, lower(login_name) HAVING count(*) > 1)')).toBe(0);

  // What the tests of other screens search for.
  expect(count(db, "SELECT count(*) AS n FROM people WHERE full_name = 'Nguyễn Văn An'")).toBeGreaterThanOrEqual(1);
  expect(count(db, "SELECT count(*) AS n FROM people WHERE instr(search_text, 'nguyen van an') > 0")).toBeGreaterThanOrEqual(1);
  // Diacritic-free place search ("van mieu" → Văn Miếu - Quốc Tử Giám, in every size; "dong da" in the area sizes, see foundation.spec).
  expect(count(db, "SELECT count(*) AS n FROM people WHERE instr(search_text, 'van mieu') > 0")).toBeGreaterThanOrEqual(1);

  // Business invariants the rules rely on.
  expect(count(db, "SELECT count(*) AS n FROM people WHERE status <> 'working' AND (status_date IS NULL OR status_date > ?)", TODAY)).toBe(0);
  expect(count(db, "SELECT count(*) AS n FROM people WHERE status <> 'working' AND status_date < ?", addDays(TODAY, -731))).toBe(0);
  expect(count(db, 'SELECT count(*) AS n FROM accounts WHERE created_on IS NULL OR created_on >= ?', TODAY)).toBe(0);
  expect(count(db, 'SELECT count(*) AS n FROM units WHERE is_home = 1')).toBe(1);
  expect(count(db, "SELECT count(*) AS n FROM units WHERE head_name = '' OR clerk_name = ''")).toBe(0);

  const check = checkDatabase(db);
  expect(check.problems).toEqual([]);
  expect(db.pragma('foreign_key_check')).toEqual([]);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');

  // One audit row for the whole generation.
  const audit = db.prepare('SELECT actor, action, entity, summary, data FROM audit_log').all() as { action: string; data: string }[];
  expect(audit).toHaveLength(1);
  expect(audit[0]!.action).toBe('demo');
  expect(JSON.parse(audit[0]!.data)).toMatchObject({ people: count(db, 'SELECT count(*) AS n FROM people') });
}

describe('generateDemo: unit', () => {
  it('creates one home unit with ≈ 60 people and their accounts, consistent with the services', () => {
    const db = freshDb();
    const calls: [number, number][] = [];
    const counts = generateDemo(db, 'unit', { today: TODAY, onProgress: (d, t) => calls.push([d, t]) });

    expect(counts.units).toBe(1);
    expect(counts.people).toBeGreaterThanOrEqual(50);
    expect(counts.people).toBeLessThanOrEqual(70);
    expect(count(db, 'SELECT count(*) AS n FROM people')).toBe(counts.people);
    expect(count(db, 'SELECT count(*) AS n FROM accounts')).toBe(counts.accounts);
    const home = db.prepare('SELECT * FROM units').get() as Record<string, unknown>;
    expect(home).toMatchObject({
      is_home: 1, kind: 'home', name: 'UBND PHƯỜNG VĂN MIẾU - QUỐC TỬ GIÁM', parent_body: 'UBND THÀNH PHỐ HÀ NỘI', head_title: 'CHỦ TỊCH',
      sign_authority: 'TM. ỦY BAN NHÂN DÂN', place_name: 'Văn Miếu - Quốc Tử Giám', report_symbol: 'BC-UBND', recipient_name: 'Sở Nội vụ thành phố Hà Nội',
    });
    expect(home.head_name).toMatch(/^\p{Lu}/u);

    // Each person has 2–4 accounts; shared accounts have no owner.
    const perPerson = db.prepare('SELECT count(a.id) AS n FROM people p LEFT JOIN accounts a ON a.person_id = p.id GROUP BY p.id').pluck().all() as number[];
    expect(Math.min(...perPerson)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...perPerson)).toBeLessThanOrEqual(4);
    expect(count(db, 'SELECT count(*) AS n FROM accounts WHERE person_id IS NULL')).toBeGreaterThanOrEqual(1);
    // Systems are looked up by code; each has an administrator in the unit.
    expect(db.prepare("SELECT s.code FROM accounts a JOIN systems s ON s.id = a.system_id WHERE a.role = 'admin' ORDER BY s.code").pluck().all()).toEqual([
      'DGXL', 'KNTC', 'STDV',
    ]);

    // Progress: increasing, ends at total.
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.at(-1)).toEqual([DEMO_PROGRESS_TOTAL, DEMO_PROGRESS_TOTAL]);
    for (let i = 1; i < calls.length; i++) expect(calls[i]![0]).toBeGreaterThan(calls[i - 1]![0]);

    expectConsistent(db);
  });

  it('is deterministic: the same size gives the same data', () => {
    const a = freshDb();
    const b = freshDb();
    generateDemo(a, 'unit', { today: TODAY });
    generateDemo(b, 'unit', { today: TODAY });
    expect(dump(a)).toEqual(dump(b));
    const units = 'SELECT * FROM units ORDER BY id';
    expect(a.prepare(units).all()).toEqual(b.prepare(units).all());
  });

  it('refuses a database that already has data, and leaves it untouched', () => {
    const db = freshDb();
    generateDemo(db, 'unit', { today: TODAY });
    const before = count(db, 'SELECT count(*) AS n FROM accounts');
    expect(() => generateDemo(db, 'unit', { today: TODAY })).toThrow(/đã có dữ liệu/);
    expect(() => generateDemo(db, 'district', { today: TODAY })).toThrow(/đã có dữ liệu/);
    expect(count(db, 'SELECT count(*) AS n FROM accounts')).toBe(before);
    expect(count(db, 'SELECT count(*) AS n FROM audit_log')).toBe(1);
  });

  it('rejects an invalid today', () => {
    expect(() => generateDemo(freshDb(), 'unit', { today: '2026-02-30' })).toThrow();
  });
});

describe('generateDemo: district', () => {
  it('creates the city\'s Department of Home Affairs and 100 units of one area (2026: wards, communes, the hub ward\'s units, schools), ≈ 10,000 people and ≈ 30,000 accounts', () => {
    const db = freshDb();
    const started = performance.now();
    const ctx = buildDemo(db, 'district', { today: TODAY });
    const ms = performance.now() - started;
    console.info(`district demo: ${Math.round(ms)} ms, ${ctx.counts.people} people, ${ctx.counts.accounts} accounts`);

    expect(ctx.counts.units).toBe(101);
    expect(count(db, 'SELECT count(*) AS n FROM units')).toBe(101);
    expect(ctx.counts.people).toBeGreaterThanOrEqual(9_000);
    expect(ctx.counts.people).toBeLessThanOrEqual(11_000);
    expect(ctx.counts.accounts).toBeGreaterThanOrEqual(27_000);
    expect(ctx.counts.accounts).toBeLessThanOrEqual(33_000);
    expect(count(db, 'SELECT count(*) AS n FROM accounts')).toBe(ctx.counts.accounts);

    const kinds = Object.fromEntries(
      (db.prepare('SELECT kind, count(*) AS n FROM units GROUP BY kind').all() as { kind: string; n: number }[]).map((r) => [r.kind, r.n]),
    );
    expect(kinds).toEqual({ home: 1, office: 15, ward: 21, school: 64 });
    expect(count(db, "SELECT count(*) AS n FROM units WHERE name = 'UBND phường Văn Miếu - Quốc Tử Giám'")).toBe(1);
    expect(count(db, "SELECT count(*) AS n FROM units WHERE name = 'UBND xã Sóc Sơn'")).toBe(1);
    expect(count(db, "SELECT count(*) AS n FROM units WHERE name = 'Văn phòng HĐND và UBND phường Đống Đa'")).toBe(1);
    // Who receives (since 07/2025): wards and communes → Sở Nội vụ; the hub ward's units → its office; schools → its Phòng Văn hóa - Xã hội.
    expect(db.prepare("SELECT name, parent_body AS parentBody, recipient_name AS recipient FROM units WHERE kind = 'home'").get()).toEqual({
      name: 'SỞ NỘI VỤ THÀNH PHỐ HÀ NỘI', parentBody: 'UBND THÀNH PHỐ HÀ NỘI', recipient: 'UBND thành phố Hà Nội',
    });
    expect(db.prepare("SELECT DISTINCT recipient_name FROM units WHERE kind = 'ward'").pluck().all()).toEqual(['Sở Nội vụ thành phố Hà Nội']);
    expect(db.prepare("SELECT DISTINCT recipient_name FROM units WHERE kind = 'school'").pluck().all()).toEqual(['Phòng Văn hóa - Xã hội phường Đống Đa']);
    expect(db.prepare("SELECT DISTINCT recipient_name FROM units WHERE kind = 'office' ORDER BY 1").pluck().all()).toEqual([
      'UBND phường Đống Đa', 'Văn phòng HĐND và UBND phường Đống Đa',
    ]);
    // No district level in 2026: no "quận"/"huyện" in any unit, person or account text.
    const texts = db
      .prepare(
        `SELECT name || ' ' || parent_body || ' ' || place_name || ' ' || recipient_name AS t FROM units
         UNION ALL SELECT position || ' ' || department FROM people UNION ALL SELECT note FROM accounts`,
      )
      .pluck()
      .all() as string[];
    expect(texts.filter((t) => /quận|huyện/i.test(t))).toEqual([]);
    expect(count(db, "SELECT count(*) AS n FROM people WHERE instr(search_text, 'dong da') > 0")).toBeGreaterThanOrEqual(1);
    const sizes = db.prepare('SELECT count(*) AS n FROM people GROUP BY unit_id').pluck().all() as number[];
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(30);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(250);

    // Shape of the staff: mostly working, ≈ 45 % Party members, schools staffed by viên chức.
    const share = (where: string) => count(db, `SELECT count(*) AS n FROM people WHERE ${where}`) / ctx.counts.people;
    expect(share("status = 'working'")).toBeGreaterThan(0.92);
    expect(share("status = 'working'")).toBeLessThan(0.97);
    expect(share('party_member = 1')).toBeGreaterThan(0.38);
    expect(share('party_member = 1')).toBeLessThan(0.52);
    expect(share("full_name LIKE 'Nguyễn %'")).toBeGreaterThan(0.33);
    expect(share("full_name LIKE 'Nguyễn %'")).toBeLessThan(0.43);
    const schoolVienChuc =
      count(db, "SELECT count(*) AS n FROM people p JOIN units u ON u.id = p.unit_id WHERE u.kind = 'school' AND p.staff_type = 'vien_chuc'") /
      count(db, "SELECT count(*) AS n FROM people p JOIN units u ON u.id = p.unit_id WHERE u.kind = 'school'");
    expect(schoolVienChuc).toBeGreaterThan(0.8);

    // Accounts: DGXL for nearly everyone, STDV only for Party members, ≈ 1 admin per unit and system,
    // mostly active; leavers' accounts mostly still active (the ones to cancel).
    const sys = (code: string) => (db.prepare('SELECT id FROM systems WHERE code = ?').get(code) as { id: number }).id;
    const onDgxl = count(db, 'SELECT count(DISTINCT person_id) AS n FROM accounts WHERE system_id = ?', sys('DGXL'));
    expect(onDgxl / ctx.counts.people).toBeGreaterThan(0.95);
    expect(count(db, 'SELECT count(*) AS n FROM accounts a JOIN people p ON p.id = a.person_id WHERE a.system_id = ? AND p.party_member = 0', sys('STDV'))).toBe(0);
    const admins = count(db, "SELECT count(*) AS n FROM accounts WHERE role = 'admin'");
    expect(admins).toBeGreaterThanOrEqual(101 * 3 - 5);
    expect(admins).toBeLessThanOrEqual(101 * 3);
    expect(count(db, "SELECT count(*) AS n FROM accounts WHERE status = 'active'") / ctx.counts.accounts).toBeGreaterThan(0.88);
    const leaverAccounts = count(db, "SELECT count(*) AS n FROM accounts a JOIN people p ON p.id = a.person_id WHERE p.status <> 'working'");
    const leaverActive = count(db, "SELECT count(*) AS n FROM accounts a JOIN people p ON p.id = a.person_id WHERE p.status <> 'working' AND a.status = 'active'");
    expect(leaverActive / leaverAccounts).toBeGreaterThan(0.55);
    expect(leaverActive / leaverAccounts).toBeLessThan(0.8);
    expect(count(db, 'SELECT count(*) AS n FROM accounts WHERE person_id IS NULL')).toBeGreaterThan(0);

    // The context carries the ids a later step builds on.
    expect(ctx.homeUnitId).toBe((db.prepare('SELECT id FROM units WHERE is_home = 1').get() as { id: number }).id);
    expect(ctx.people).toHaveLength(ctx.counts.people);
    expect(ctx.accounts).toHaveLength(ctx.counts.accounts);
    expect(new Set(ctx.units.map((u) => u.headPersonId)).size).toBe(101);

    expectConsistent(db);
  }, 60_000);
});

describe('Rng', () => {
  it('repeats for a seed and forks independently of how much was drawn', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(a.fork('x').next()).toBe(new Rng(42).fork('x').next());
    expect(a.fork('x').next()).not.toBe(a.fork('y').next());
  });
});

// The province size (1,001 units, ≈ 100,000 people, ≈ 300,000 accounts): ≈ 30 s of CPU, but it
// writes ≈ 100 MB, and on a busy 2-core machine with a shared disk the wall time reached 107–127 s.
// The limit is only there to stop a hang; speed is measured by `npm run bench`, not asserted here.
describe('generateDemo: province', () => {
  it('creates 1,001 units and ≈ 100,000 people', { timeout: 400_000 }, () => {
    const counts = generateDemo(freshDb(), 'province', { today: TODAY });
    expect(counts.units).toBe(1001);
  });
});
