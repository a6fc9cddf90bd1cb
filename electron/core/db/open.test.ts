import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { checkDatabase, isNetworkPath, LATEST_SCHEMA_VERSION, openDatabase } from './open';

const dirs: string[] = [];
const tempFile = (name = 'attk.sqlite') => {
  const dir = mkdtempSync(join(tmpdir(), 'attk-open-'));
  dirs.push(dir);
  return join(dir, name);
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('openDatabase', () => {
  it('creates a new database at the latest schema with WAL, full sync and foreign keys', () => {
    const db = openDatabase(tempFile());
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(checkDatabase(db).ok).toBe(true);
    db.close();
  });

  it('seeds the three systems of the notices with their intervals', () => {
    const db = openDatabase(tempFile());
    const rows = db.prepare('SELECT code, admin_interval_months a, user_interval_months u, requires_licensed_av av FROM systems ORDER BY sort_order').all();
    expect(rows).toEqual([
      { code: 'KNTC', a: 1, u: 1, av: 1 },
      { code: 'DGXL', a: 3, u: 3, av: 0 },
      { code: 'STDV', a: 6, u: 6, av: 0 },
    ]);
    db.close();
  });

  it('uses STRICT tables only', () => {
    const db = openDatabase(tempFile());
    const tables = db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string; strict: number }[];
    expect(tables.length).toBeGreaterThan(4);
    for (const t of tables) expect(t, t.name).toMatchObject({ strict: 1 });
    db.close();
  });

  it('has no column that could hold a password, in any table', () => {
    const db = openDatabase(tempFile());
    const cols = db
      .prepare("SELECT t.name AS tbl, c.name AS col FROM pragma_table_list t, pragma_table_info(t.name) c WHERE t.schema = 'main'")
      .all() as { tbl: string; col: string }[];
    const suspicious = cols.filter((c) => /pass|pwd|secret|mat_?khau|matkhau/i.test(c.col));
    expect(suspicious).toEqual([]);
    db.close();
  });

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const file = tempFile();
    openDatabase(file).close();
    const raw = openDatabase(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(/phiên bản ATTK mới hơn/);
    const again = new Database(file, { readonly: true });
    expect(again.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 5);
    expect(again.prepare('SELECT count(*) AS n FROM systems').get()).toEqual({ n: 3 });
    again.close();
  });

  it('refuses a file that is not a database without overwriting it', () => {
    const file = tempFile();
    const junk = 'this is not sqlite '.repeat(300);
    writeFileSync(file, junk);
    expect(() => openDatabase(file)).toThrow(/Không mở được cơ sở dữ liệu/);
    expect(readFileSync(file, 'utf8')).toBe(junk);
  });

  it('refuses network paths', () => {
    expect(isNetworkPath('\\\\server\\share\\attk.sqlite')).toBe(true);
    expect(isNetworkPath('//server/share/attk.sqlite')).toBe(true);
    expect(isNetworkPath('C:\\Users\\a\\attk.sqlite')).toBe(false);
    expect(isNetworkPath('/home/a/attk.sqlite')).toBe(false);
    expect(() => openDatabase('\\\\server\\share\\x.sqlite')).toThrow(/ổ mạng/);
  });

  it('keeps the audit log append-only at the database level', () => {
    const db = openDatabase(tempFile());
    db.prepare("INSERT INTO audit_log (at, actor, action, entity, summary) VALUES ('2024-01-01T00:00:00Z', 'a', 'create', 'x', 's')").run();
    expect(() => db.prepare("UPDATE audit_log SET actor = 'b'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    db.close();
  });
});

describe('migration files', () => {
  it('are numbered 1..n without gaps or repeats', async () => {
    const { orderMigrations } = await import('./migrations');
    expect(orderMigrations({ './migrations/0002_b.sql': 'B', './migrations/0001_a.sql': 'A' })).toEqual(['A', 'B']);
    expect(() => orderMigrations({ './migrations/0001_a.sql': 'A', './migrations/0003_c.sql': 'C' })).toThrow(/without gaps/);
    expect(() => orderMigrations({ './migrations/0001_a.sql': 'A', './migrations/0001_b.sql': 'B' })).toThrow(/without gaps/);
    expect(() => orderMigrations({ './migrations/1_a.sql': 'A' })).toThrow(/NNNN_name/);
  });
});
