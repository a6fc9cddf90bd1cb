import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackupEntry } from '../../../shared/backup/schema';
import { dispatch, LATEST_SCHEMA_VERSION, listBackups, openDatabase } from '../../../electron/core';
import { backupBaseName, backupsToRemove, KEEP_EVENT_BACKUPS, parseBackupName } from '../../../electron/core/backup/files';
import { main } from '../../../electron/cli/main';
import { JobRunner } from '../../../electron/core/jobs/runner';
import { call, digest, integrity, openCore, seededDatabase, tempFixture, type Fixture } from './helpers';

let fx: Fixture;
beforeEach(() => {
  fx = tempFixture();
});
afterEach(() => fx.cleanup());

const backupsDir = () => join(fx.dir, 'backups');
const run = async (...argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

describe('backup.create', () => {
  it('writes a checked, single-file copy into backups/ beside the database, and lists it', async () => {
    seededDatabase(fx.file);
    const core = openCore(fx.file);
    const created = await call(core, 'backup.create', {});
    expect(created.path).toBe(join(backupsDir(), created.entry.name));
    expect(created.entry).toMatchObject({ kind: 'manual', restorable: true });
    expect(parseBackupName(created.entry.name)).not.toBeNull();
    // No temporary file, no -wal/-shm beside the published copy.
    expect(readdirSync(backupsDir())).toEqual([created.entry.name]);
    expect(integrity(created.path)).toBe('ok');
    const copy = new Database(created.path, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
    const list = await call(core, 'backup.list', {});
    expect(list.dir).toBe(backupsDir());
    expect(list.entries.map((e) => e.name)).toEqual([created.entry.name]);
    // The copy holds the data as it was; the audit row of the backup comes after it.
    const audit = core.db.prepare("SELECT action, entity FROM audit_log ORDER BY id DESC LIMIT 1").get();
    expect(audit).toEqual({ action: 'backup', entity: 'database' });
    core.db.close();
    const live = digest(fx.file);
    const copied = digest(created.path);
    expect({ ...copied, audit_log: '' }).toEqual({ ...live, audit_log: '' });
  });

  it('two copies in the same second get distinct names, newest listed first', async () => {
    const core = openCore(fx.file, { backupClock: () => new Date('2024-01-20T09:00:00') });
    const a = await call(core, 'backup.create', {});
    const b = await call(core, 'backup.create', {});
    expect(a.entry.name).toBe('attk-20240120-090000-manual.sqlite');
    expect(b.entry.name).toBe('attk-20240120-090000-manual-2.sqlite');
    expect(listBackups(backupsDir()).map((e) => e.name)).toEqual([b.entry.name, a.entry.name]);
    core.db.close();
  });

  it('the daily copy is made once per calendar day', async () => {
    let now = new Date('2024-01-20T08:00:00');
    const core = openCore(fx.file, { backupClock: () => now });
    expect((await core.backups.runDailyIfDue())?.entry.kind).toBe('daily');
    now = new Date('2024-01-20T17:00:00');
    expect(await core.backups.runDailyIfDue()).toBeNull();
    now = new Date('2024-01-21T07:30:00');
    expect((await core.backups.runDailyIfDue())?.entry.name).toBe('attk-20240121-073000-daily.sqlite');
    core.db.close();
  });

  it('ignores (and later sweeps) the temporary file of a copy that was killed', async () => {
    const core = openCore(fx.file);
    await call(core, 'backup.create', {});
    const stale = join(backupsDir(), '.attk-backup-999-deadbeef.tmp');
    writeFileSync(stale, 'half a copy');
    expect(listBackups(backupsDir())).toHaveLength(1);
    const old = new Date(Date.now() - 10 * 60_000);
    const { utimesSync } = await import('node:fs');
    utimesSync(stale, old, old);
    await call(core, 'backup.create', {});
    expect(existsSync(stale)).toBe(false);
    core.db.close();
  });
});

describe('rotation', () => {
  const entry = (createdAt: string, kind: BackupEntry['kind']): BackupEntry => ({
    name: `${backupBaseName(new Date(createdAt), kind)}.sqlite`,
    kind,
    createdAt,
    size: 1,
    restorable: kind !== 'damaged',
  });

  it('keeps 14 daily and 12 monthly copies, every manual copy, and 10 of each event kind', () => {
    const entries: BackupEntry[] = [];
    // One daily copy every day for 500 days back from 2024-01-20, newest first.
    for (let d = 0; d < 500; d++) {
      const day = new Date(2024, 0, 20 - d, 8, 0, 0);
      entries.push(entry(`${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}T08:00:00`, 'daily'));
    }
    for (let i = 0; i < 15; i++) entries.push(entry(`2023-06-${String(10 + i).padStart(2, '0')}T12:00:00`, 'import'));
    entries.push(entry('2020-01-01T00:00:00', 'manual'), entry('2020-01-01T00:00:00', 'damaged'));
    entries.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
    const removed = new Set(backupsToRemove(entries, { keepDaily: 14, keepMonthly: 12 }));
    const kept = entries.filter((e) => !removed.has(e.name));
    const keptDaily = kept.filter((e) => e.kind === 'daily').map((e) => e.createdAt.slice(0, 10));
    // 14 most recent days (07/01–20/01), plus the newest copy of each of 11 earlier months (12 months in all).
    expect(keptDaily.slice(0, 14)).toEqual(Array.from({ length: 14 }, (_, i) => `2024-01-${String(20 - i).padStart(2, '0')}`));
    expect(keptDaily.slice(14)).toEqual(['2023-12-31', '2023-11-30', '2023-10-31', '2023-09-30', '2023-08-31', '2023-07-31', '2023-06-30', '2023-05-31', '2023-04-30', '2023-03-31', '2023-02-28']);
    expect(kept.filter((e) => e.kind === 'import')).toHaveLength(KEEP_EVENT_BACKUPS);
    expect(kept.filter((e) => e.kind === 'manual' || e.kind === 'damaged')).toHaveLength(2);
  });

  it('follows the retention settings when a copy is made', async () => {
    let now = new Date('2024-01-01T08:00:00');
    const core = openCore(fx.file, { backupClock: () => now });
    await call(core, 'settings.save', { backupKeepDaily: 3, backupKeepMonthly: 1 });
    for (let d = 1; d <= 6; d++) {
      now = new Date(`2024-01-0${d}T08:00:00`);
      await core.backups.runDailyIfDue();
    }
    expect(listBackups(backupsDir()).map((e) => e.createdAt.slice(0, 10))).toEqual(['2024-01-06', '2024-01-05', '2024-01-04']);
    core.db.close();
  });
});

describe('backup.restore', () => {
  it('restores a backup: same rows, integrity ok; the replaced data is kept as a pre-restore copy', async () => {
    seededDatabase(fx.file);
    const core = openCore(fx.file);
    const backup = await call(core, 'backup.create', {});
    const atBackup = digest(backup.path);
    const beforeRestore = await call(core, 'people.list', { limit: 1 });
    await call(core, 'people.create', { fullName: 'Người Thêm Sau Sao Lưu' });
    expect((await call(core, 'people.list', { limit: 1 })).total).toBe(beforeRestore.total + 1);

    const result = await call(core, 'backup.restore', { name: backup.entry.name });
    expect(result.restored.name).toBe(backup.entry.name);
    expect(result.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    // The core reopened the restored file: the same object answers with the restored data.
    expect((await call(core, 'people.list', { limit: 1 })).total).toBe(beforeRestore.total);
    const audit = core.db.prepare("SELECT action, summary FROM audit_log ORDER BY id DESC LIMIT 1").get() as { action: string; summary: string };
    expect(audit.action).toBe('restore');
    expect(audit.summary).toContain(backup.entry.name);
    core.db.close();

    expect(integrity(fx.file)).toBe('ok');
    expect({ ...digest(fx.file), audit_log: '' }).toEqual({ ...atBackup, audit_log: '' });
    const preRestore = join(backupsDir(), result.preRestore!);
    expect(parseBackupName(result.preRestore!)?.kind).toBe('restore');
    const kept = new Database(preRestore, { readonly: true });
    expect(kept.prepare("SELECT count(*) AS n FROM people WHERE full_name = 'Người Thêm Sau Sao Lưu'").get()).toEqual({ n: 1 });
    kept.close();
    expect(existsSync(`${fx.file}-wal`) && readFileSync(`${fx.file}-wal`).length > 0).toBe(false);
  });

  it('refuses a damaged backup and changes nothing', async () => {
    seededDatabase(fx.file);
    const core = openCore(fx.file);
    const backup = await call(core, 'backup.create', {});
    const bytes = readFileSync(backup.path);
    bytes.fill(0x41, 4096 * 3, 4096 * 3 + 64);
    writeFileSync(backup.path, bytes);
    const before = await call(core, 'people.list', { limit: 1 });
    const r = await dispatch(core, 'backup.restore', { name: backup.entry.name });
    expect(r).toMatchObject({ ok: false, error: { code: 'DATABASE', message: expect.stringContaining('Bản sao lưu không dùng được') } });
    expect((await call(core, 'people.list', { limit: 1 })).total).toBe(before.total);
    expect(listBackups(backupsDir())).toHaveLength(1);
    core.db.close();
  });

  it('only restores names from the list: paths and unknown names are refused', async () => {
    const core = openCore(fx.file);
    for (const name of ['../attk.sqlite', '/etc/passwd', 'attk-20240101-000000-manual.sqlite', 'C:\\x.sqlite', 'attk-20240101-000000-damaged.sqlite']) {
      const r = await dispatch(core, 'backup.restore', { name });
      expect(r.ok, name).toBe(false);
      expect(['VALIDATION', 'NOT_FOUND'], name).toContain(!r.ok && r.error.code);
    }
    core.db.close();
  });

  it('waits for a running export instead of pulling the file from under it', async () => {
    const core = openCore(fx.file);
    const backup = await call(core, 'backup.create', {});
    // A running job stands for an export holding its own connection to the file.
    const original = JobRunner.prototype.hasRunning;
    JobRunner.prototype.hasRunning = () => true;
    try {
      const r = await dispatch(core, 'backup.restore', { name: backup.entry.name });
      expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    } finally {
      JobRunner.prototype.hasRunning = original;
    }
    core.db.close();
  });
});

describe('backups around imports and migrations', () => {
  it('an import is preceded by a checked backup', async () => {
    const core = openCore(fx.file);
    // The stage id does not exist, so the import itself is refused — but only after the backup ran.
    const r = await dispatch(core, 'import.commit', { stageId: 'abcdefgh12', sheet: 'Sheet1', mapping: { fullName: 1 }, duplicates: 'skip' });
    expect(r.ok).toBe(false);
    const kinds = listBackups(backupsDir()).map((e) => e.kind);
    expect(kinds).toEqual(['import']);
    core.db.close();
  });

  it('a migration is preceded by a checked copy of the old database', () => {
    seededDatabase(fx.file);
    const raw = new Database(fx.file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION - 1}`);
    raw.close();
    // Re-applying the last migration on this database fails or succeeds; either way the copy came first.
    try {
      openDatabase(fx.file).close();
    } catch {
      /* the last migration may not be re-runnable: not what this test is about */
    }
    const copies = listBackups(backupsDir());
    expect(copies.map((e) => e.kind)).toEqual(['migration']);
    const copy = new Database(join(backupsDir(), copies[0]!.name), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION - 1);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
  });
});

describe('refusals that never touch the file', () => {
  it('a database on a network path is refused by createCore and by the CLI', async () => {
    expect(() => openCore('\\\\server\\share\\attk.sqlite')).toThrow(/ổ mạng/);
    expect(() => openCore('//server/share/attk.sqlite')).toThrow(/ổ mạng/);
    const r = await run('check', '--db', '\\\\server\\share\\attk.sqlite');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/ổ mạng/);
  });

  it('a database from a newer version is refused by createCore and the CLI, byte for byte untouched', async () => {
    seededDatabase(fx.file);
    const raw = new Database(fx.file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 3}`);
    raw.close();
    const before = readFileSync(fx.file);
    expect(() => openCore(fx.file)).toThrow(/phiên bản ATTK mới hơn/);
    for (const argv of [['check', '--db', fx.file], ['init', '--db', fx.file], ['backup', '--db', fx.file], ['restore', '--db', fx.file, '--from', fx.file]]) {
      const r = await run(...argv);
      expect(r.code, argv.join(' ')).not.toBe(0);
    }
    expect(readFileSync(fx.file).equals(before)).toBe(true);
    expect(existsSync(backupsDir()) ? listBackups(backupsDir()) : []).toEqual([]);
  });
});

describe('attk backup / attk restore', () => {
  it('backs up to backups/ or --out, and restores with the app closed', async () => {
    seededDatabase(fx.file);
    const original = digest(fx.file);
    const first = await run('backup', '--db', fx.file, '--json');
    expect(first.code).toBe(0);
    const { path } = JSON.parse(first.out) as { path: string };
    expect(path.startsWith(backupsDir())).toBe(true);
    const elsewhere = join(fx.dir, 'usb');
    const second = await run('backup', '--db', fx.file, '--out', elsewhere);
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/Đã sao lưu/);
    expect(readdirSync(elsewhere)).toHaveLength(1);

    const core = openCore(fx.file);
    await call(core, 'people.create', { fullName: 'Sẽ Mất Khi Khôi Phục' });
    // While the app holds the database, restore is refused.
    const busy = await run('restore', '--db', fx.file, '--from', path);
    expect(busy.code).toBe(1);
    expect(busy.err).toMatch(/đang được một chương trình ATTK khác mở/);
    core.db.close();

    const restored = await run('restore', '--db', fx.file, '--from', path);
    expect(restored.code).toBe(0);
    expect(restored.out).toMatch(/Đã khôi phục/);
    expect({ ...digest(fx.file), audit_log: '' }).toEqual({ ...original, audit_log: '' });
    expect(listBackups(backupsDir()).map((e) => e.kind).sort()).toEqual(['manual', 'restore']);
  });
});
