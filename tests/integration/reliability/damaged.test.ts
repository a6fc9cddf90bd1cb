import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseDamagedError, findNewestGoodBackup, listBackups, swapInBackup } from '../../../electron/core';
import { main } from '../../../electron/cli/main';
import { call, digest, integrity, openCore, seededDatabase, tempFixture, type Fixture } from './helpers';

/**
 * A damaged database at start: never overwritten, explained in Vietnamese, and the newest good
 * backup offered. Damage is made by hand in a copy: the header, or one page in the middle.
 */
let fx: Fixture;
beforeEach(() => {
  fx = tempFixture('attk-damaged-');
});
afterEach(() => fx.cleanup());

const run = async (...argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

/** A page in the middle of the people table, by the database's own page map. */
function middlePageOf(file: string, table: string): { page: number; pageSize: number } {
  const db = new Database(file, { readonly: true });
  const pages = (db.prepare('SELECT pageno FROM dbstat WHERE name = ? AND pagetype = ? ORDER BY pageno').all(table, 'leaf') as { pageno: number }[]).map((r) => r.pageno);
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  return { page: pages[Math.floor(pages.length / 2)]!, pageSize };
}

type Damage = 'header' | 'middle page';
function damage(file: string, how: Damage): Buffer {
  const bytes = readFileSync(file);
  if (how === 'header') bytes.write('This is not SQLite!', 0, 'latin1');
  else {
    const { page, pageSize } = middlePageOf(file, 'people');
    // Scribble over the b-tree page header and its first cells.
    bytes.fill(0xfe, (page - 1) * pageSize, (page - 1) * pageSize + 200);
  }
  writeFileSync(file, bytes);
  return bytes;
}

/** A healthy database with a checked backup of it, closed; returns the backup's path and digest. */
async function databaseWithBackup() {
  seededDatabase(fx.file);
  const core = openCore(fx.file);
  const created = await call(core, 'backup.create', {});
  core.db.close();
  return { path: created.path, name: created.entry.name, digest: digest(created.path) };
}

describe.each<Damage>(['header', 'middle page'])('a database damaged in its %s', (how) => {
  it('is refused at open, explained in Vietnamese, and left byte for byte as it was', async () => {
    await databaseWithBackup();
    const damaged = damage(fx.file, how);
    let error: unknown;
    try {
      openCore(fx.file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseDamagedError);
    expect((error as Error).message).toMatch(/^(Không mở được cơ sở dữ liệu|Cơ sở dữ liệu bị hỏng)/);
    expect(readFileSync(fx.file).equals(damaged)).toBe(true);
    expect(existsSync(`${fx.file}-wal`) && readFileSync(`${fx.file}-wal`).length > 0).toBe(false);
  });

  it('attk check reports it with the newest good backup and the command to restore it', async () => {
    const backup = await databaseWithBackup();
    const damaged = damage(fx.file, how);
    const r = await run('check', '--db', fx.file);
    expect(r.code).toBe(1);
    const text = `${r.out}\n${r.err}`;
    expect(text).toMatch(/Cơ sở dữ liệu (bị hỏng|có lỗi)|Không mở được cơ sở dữ liệu/);
    expect(text).toContain(`Bản sao lưu còn tốt gần nhất: ${backup.path}`);
    expect(text).toContain(`attk restore --db "${fx.file}" --from "${backup.path}"`);
    const json = await run('check', '--db', fx.file, '--json');
    expect(JSON.parse(json.out)).toMatchObject({ ok: false, backup: backup.path });
    expect(readFileSync(fx.file).equals(damaged)).toBe(true);
  });

  it('restoring the newest good backup yields the backed-up database; the damaged file is kept intact', async () => {
    const backup = await databaseWithBackup();
    const damaged = damage(fx.file, how);
    const good = findNewestGoodBackup(fx.file);
    expect(good?.path).toBe(backup.path);
    const kept = swapInBackup(fx.file, good!.path, { replaced: 'damaged', at: new Date('2024-01-21T08:00:00') });
    expect(kept).toBe('attk-20240121-080000-damaged.sqlite');
    expect(readFileSync(join(fx.dir, 'backups', kept!)).equals(damaged)).toBe(true);
    expect(integrity(fx.file)).toBe('ok');
    expect(digest(fx.file)).toEqual(backup.digest);
    // The app opens it again, and the kept damaged file is listed but never offered for restore.
    const core = openCore(fx.file);
    const listed = (await call(core, 'backup.list', {})).entries.map((e) => `${e.kind}:${e.restorable}`);
    expect(listed.sort()).toEqual(['damaged:false', 'manual:true']);
    core.db.close();
  });
});

describe('the newest good backup', () => {
  it('skips a newer backup that is itself damaged', async () => {
    const older = await databaseWithBackup();
    const newer = join(fx.dir, 'backups', 'attk-29991231-235959-daily.sqlite');
    copyFileSync(older.path, newer);
    damage(newer, 'middle page');
    expect(listBackups(join(fx.dir, 'backups'))[0]?.name).toBe('attk-29991231-235959-daily.sqlite');
    expect(findNewestGoodBackup(fx.file)?.path).toBe(older.path);
  });

  it('is none when there are no backups: the message says so, and the file is still untouched', async () => {
    seededDatabase(fx.file);
    const damaged = damage(fx.file, 'header');
    expect(findNewestGoodBackup(fx.file)).toBeNull();
    const r = await run('check', '--db', fx.file);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Không có bản sao lưu nào còn tốt');
    expect(readFileSync(fx.file).equals(damaged)).toBe(true);
  });
});
