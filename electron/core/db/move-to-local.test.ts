// The one-time move out of the roaming folder, on real SQLite files.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { vi } from '../../../shared/i18n/vi';
import { moveDatabaseOnce } from './move-to-local';
import { loadOrCreateUnitKey } from '../reports/keys';
import { openDatabase } from './open';

let root: string;
let from: string;
let to: string;
const options = { now: new Date('2026-12-02T08:00:00Z'), formatDate: () => '02/12/2026 15:00' };
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'attk-move-'));
  mkdirSync(join(root, 'Roaming', 'ATTK'), { recursive: true });
  from = join(root, 'Roaming', 'ATTK', 'attk.sqlite');
  to = join(root, 'Local', 'ATTK', 'attk.sqlite');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A unit's database: the full schema plus rows, the last ones still only in the WAL. */
function unitDatabase(): Database.Database {
  const db = openDatabase(from);
  db.exec('CREATE TABLE ghi_chu (id INTEGER PRIMARY KEY, noi_dung TEXT NOT NULL) STRICT');
  const insert = db.prepare('INSERT INTO ghi_chu (noi_dung) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 500; i++) insert.run(`Ghi chú số ${i} — Đống Đa`);
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  insert.run('chỉ có trong WAL');
  return db;
}

describe('moveDatabaseOnce', () => {
  it('copies, checks and publishes the database; the original stays as it was, with a note beside it', () => {
    const writer = unitDatabase();
    const before = sha(from);
    const outcome = moveDatabaseOnce(from, to, options);
    const after = sha(from);
    writer.close();

    expect(outcome.status).toBe('moved');
    const moved = new Database(to, { readonly: true });
    expect(moved.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(moved.prepare('SELECT count(*) FROM ghi_chu').pluck().get()).toBe(501);
    expect(moved.prepare("SELECT noi_dung FROM ghi_chu ORDER BY id DESC LIMIT 1").pluck().get()).toBe('chỉ có trong WAL');
    expect(outcome.status === 'moved' && outcome.tables.ghi_chu).toBe(501);
    moved.close();
    expect(after).toBe(before);
    expect(readFileSync(`${from}.moved.txt`, 'utf8')).toBe(vi.windows.move.note(to, '02/12/2026 15:00'));
    expect(readdirSync(join(root, 'Local', 'ATTK'))).toEqual(['attk.sqlite']);
  });

  it('takes the unit’s signing key along, so the fingerprint the office pinned stays the same', () => {
    unitDatabase().close();
    const key = loadOrCreateUnitKey(from);
    expect(moveDatabaseOnce(from, to, options).status).toBe('moved');
    expect(readFileSync(`${to}.signing-key.pem`)).toEqual(readFileSync(`${from}.signing-key.pem`));
    expect(loadOrCreateUnitKey(to).fingerprint).toBe(key.fingerprint);
  });

  it('never replaces a different signing key already at the destination (and then moves nothing)', () => {
    unitDatabase().close();
    loadOrCreateUnitKey(from);
    mkdirSync(join(root, 'Local', 'ATTK'), { recursive: true });
    const other = loadOrCreateUnitKey(to);
    const outcome = moveDatabaseOnce(from, to, options);
    expect(outcome.status === 'failed' && outcome.detail).toMatch(/đã có một khóa ký khác/);
    expect(existsSync(to)).toBe(false);
    expect(loadOrCreateUnitKey(to).fingerprint).toBe(other.fingerprint);
  });

  it('happens once: a database already in the new place is never overwritten', () => {
    unitDatabase().close();
    expect(moveDatabaseOnce(from, to, options).status).toBe('moved');
    const first = sha(to);
    const again = new Database(from);
    again.exec("INSERT INTO ghi_chu (noi_dung) VALUES ('sau khi chuyển')");
    again.close();
    expect(moveDatabaseOnce(from, to, options)).toEqual({ status: 'already-local' });
    expect(sha(to)).toBe(first);
  });

  it('does nothing when there is no old database', () => {
    expect(moveDatabaseOnce(from, to, options)).toEqual({ status: 'nothing-to-move' });
    expect(existsSync(to)).toBe(false);
  });

  it('fails without leaving anything when the old file is not a database, and keeps it untouched', () => {
    writeFileSync(from, 'Đây không phải cơ sở dữ liệu'.repeat(200));
    const before = sha(from);
    const outcome = moveDatabaseOnce(from, to, options);
    expect(outcome.status).toBe('failed');
    expect(existsSync(to)).toBe(false);
    expect(readdirSync(join(root, 'Local', 'ATTK'))).toEqual([]);
    expect(sha(from)).toBe(before);
    expect(existsSync(`${from}.moved.txt`)).toBe(false);
  });

  it('fails when the old database is damaged, before copying anything', () => {
    unitDatabase().close();
    const bytes = readFileSync(from);
    // Overwrite a page in the middle of the file (not the header): the b-tree no longer adds up.
    bytes.fill(0x5a, 4096 * 3, 4096 * 3 + 2000);
    writeFileSync(from, bytes);
    rmSync(`${from}-wal`, { force: true });
    rmSync(`${from}-shm`, { force: true });
    const outcome = moveDatabaseOnce(from, to, options);
    expect(outcome.status === 'failed' && outcome.detail).toMatch(/^tệp dữ liệu cũ bị hỏng \(/);
    expect(existsSync(to)).toBe(false);
    expect(readdirSync(join(root, 'Local', 'ATTK'))).toEqual([]);
  });

  it('refuses to move into a network folder', () => {
    unitDatabase().close();
    const probe = { platform: 'linux' as const, realpath: (p: string) => p, statfsType: () => 0xff534d42 };
    const outcome = moveDatabaseOnce(from, to, { ...options, probe });
    expect(outcome).toEqual({ status: 'failed', detail: vi.windows.location.remoteFolder(join(root, 'Local', 'ATTK')) });
  });
});
