import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi as vitest } from 'vitest';
import { AttkError } from '../../../shared/errors';
import { keyPathFor } from '../reports/keys';
import { checkOutputPath, publishFs, publishOutput, publishOutputSync, sweepLeftovers } from './publish';

// The shared output publisher: what every export goes through. Real files in a temporary folder.

let dir: string;
let db: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'attk-publish-'));
  db = join(dir, 'attk.sqlite');
  writeFileSync(db, 'DATABASE');
  writeFileSync(`${db}-wal`, 'WAL');
  writeFileSync(`${db}-shm`, 'SHM');
  writeFileSync(keyPathFor(db), 'KEY');
  mkdirSync(join(dir, 'backups'));
});
afterEach(() => {
  vitest.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

const errno = (code: string) => Object.assign(new Error(`${code}: injected`), { code });
const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return e instanceof AttkError ? `${e.code}:${e.message}` : `raw:${(e as Error).message}`;
  }
  return undefined;
};

describe('checkOutputPath', () => {
  it.each([['attk.sqlite'], ['attk.sqlite-wal'], ['attk.sqlite-shm'], ['attk.sqlite-journal']])('refuses the database file %s', (name) => {
    expect(codeOf(() => checkOutputPath(join(dir, name), db))).toMatch(/^VALIDATION:.*cơ sở dữ liệu/);
  });

  it('refuses the signing key', () => {
    expect(codeOf(() => checkOutputPath(keyPathFor(db), db))).toMatch(/^VALIDATION:.*khóa ký số/);
  });

  it('refuses another spelling of the database: a relative path with .., a symlink, a hard link', () => {
    expect(codeOf(() => checkOutputPath(join(dir, 'backups', '..', 'attk.sqlite'), db))).toMatch(/cơ sở dữ liệu/);
    symlinkSync(db, join(dir, 'link.sqlite'));
    expect(codeOf(() => checkOutputPath(join(dir, 'link.sqlite'), db))).toMatch(/cơ sở dữ liệu/);
    linkSync(db, join(dir, 'hard.xlsx'));
    expect(codeOf(() => checkOutputPath(join(dir, 'hard.xlsx'), db))).toMatch(/cơ sở dữ liệu/);
  });

  it('refuses anything inside backups/ unless the backup writer asks', () => {
    const target = join(dir, 'backups', 'report.xlsx');
    expect(codeOf(() => checkOutputPath(target, db))).toMatch(/^VALIDATION:.*backups/);
    expect(checkOutputPath(target, db, { allowBackups: true })).toBe(target);
  });

  it('refuses a folder and accepts an ordinary new file', () => {
    expect(codeOf(() => checkOutputPath(join(dir, 'backups'), db))).toMatch(/VALIDATION/);
    mkdirSync(join(dir, 'out'));
    expect(codeOf(() => checkOutputPath(join(dir, 'out'), db))).toMatch(/thư mục/);
    expect(checkOutputPath(join(dir, 'report.xlsx'), db)).toBe(join(dir, 'report.xlsx'));
  });
});

describe('publishOutput', () => {
  it('given the database as the target, writes nothing and leaves the database byte for byte', async () => {
    let wrote = false;
    await expect(publishOutput(db, () => void (wrote = true), { dbFile: db, mode: 'replace' })).rejects.toThrow(/cơ sở dữ liệu/);
    expect(wrote).toBe(false);
    expect(readFileSync(db, 'utf8')).toBe('DATABASE');
    expect(readFileSync(`${db}-wal`, 'utf8')).toBe('WAL');
  });

  it('refuses an existing file unless the user chose to replace it; replacing is atomic', async () => {
    const target = join(dir, 'report.xlsx');
    writeFileSync(target, 'OLD');
    await expect(publishOutput(target, (tmp) => writeFileSync(tmp, 'NEW'), { dbFile: db, mode: 'refuse' })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(readFileSync(target, 'utf8')).toBe('OLD');
    expect(await publishOutput(target, (tmp) => writeFileSync(tmp, 'NEW'), { dbFile: db, mode: 'replace' })).toBe(target);
    expect(readFileSync(target, 'utf8')).toBe('NEW');
    expect(readdirSync(dir).filter((n) => n.endsWith('.part'))).toEqual([]);
  });

  it('a file that appears while the export runs is not replaced either (exclusive publish)', async () => {
    const target = join(dir, 'report.xlsx');
    const publishing = publishOutput(target, (tmp) => (writeFileSync(target, 'SOMEONE ELSE'), writeFileSync(tmp, 'NEW')), { dbFile: db, mode: 'refuse' });
    await expect(publishing).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(readFileSync(target, 'utf8')).toBe('SOMEONE ELSE');
  });

  it('in the app’s own folder takes the next free name', () => {
    const target = join(dir, 'BaoCao.xlsx');
    expect(publishOutputSync(target, 'A', { dbFile: db, mode: 'unique' })).toBe(target);
    expect(publishOutputSync(target, 'B', { dbFile: db, mode: 'unique' })).toBe(join(dir, 'BaoCao-2.xlsx'));
    expect(publishOutputSync(join(dir, 'x.attk-campaign'), 'C', { dbFile: db, mode: 'unique' })).toBe(join(dir, 'x.attk-campaign'));
    expect(publishOutputSync(join(dir, 'x.attk-campaign'), 'D', { dbFile: db, mode: 'unique' })).toBe(join(dir, 'x-2.attk-campaign'));
    expect(readFileSync(target, 'utf8')).toBe('A');
  });

  it('a writer that fails leaves no file and no temporary file', async () => {
    const target = join(dir, 'report.xlsx');
    await expect(publishOutput(target, (tmp) => (writeFileSync(tmp, 'half'), Promise.reject(new Error('boom'))), { dbFile: db, mode: 'refuse' })).rejects.toThrow('boom');
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir).filter((n) => n.includes('.part'))).toEqual([]);
  });

  it('a missing folder is named in Vietnamese', () => {
    expect(codeOf(() => publishOutputSync(join(dir, 'nope', 'a.csv'), 'x', { dbFile: db, mode: 'refuse' }))).toMatch(/^VALIDATION:Không có thư mục/);
  });

  it('a full disk says so in Vietnamese', () => {
    vitest.spyOn(publishFs, 'link').mockImplementation(() => {
      throw errno('ENOSPC');
    });
    expect(codeOf(() => publishOutputSync(join(dir, 'a.csv'), 'x', { dbFile: db, mode: 'refuse' }))).toMatch(/^VALIDATION:Ổ đĩa đầy/);
    expect(existsSync(join(dir, 'a.csv'))).toBe(false);
  });

  // Issue 17: FAT32/exFAT and some network file systems have no hard links.
  it.each(['EISDIR', 'EINVAL', 'EPERM', 'ENOTSUP'])('without hard links (%s) copies into an exclusively created file', (code) => {
    const link = vitest.spyOn(publishFs, 'link').mockImplementation(() => {
      throw errno(code);
    });
    const target = join(dir, 'a.csv');
    expect(publishOutputSync(target, 'CONTENT', { dbFile: db, mode: 'refuse' })).toBe(target);
    expect(link).toHaveBeenCalled();
    expect(readFileSync(target, 'utf8')).toBe('CONTENT');
    // …and still never replaces: the exclusive create fails on an existing name.
    writeFileSync(join(dir, 'b.csv'), 'OLD');
    expect(publishOutputSync(join(dir, 'b.csv'), 'NEW', { dbFile: db, mode: 'unique' })).toBe(join(dir, 'b-2.csv'));
    expect(readFileSync(join(dir, 'b.csv'), 'utf8')).toBe('OLD');
    expect(readdirSync(dir).filter((n) => n.includes('.part'))).toEqual([]);
  });
});

describe('sweepLeftovers', () => {
  it('removes temporary files older than a minute, keeps recent ones and everything else', () => {
    const old = join(dir, '.attk-abc-report.xlsx.part');
    const legacy = join(dir, 'ATTK_BaoCao_X.xlsx.part');
    const recent = join(dir, '.attk-def-report.xlsx.part');
    const user = join(dir, 'my notes.part');
    for (const f of [old, legacy, recent, user]) writeFileSync(f, 'x');
    const past = new Date(Date.now() - 5 * 60_000);
    for (const f of [old, legacy, user]) utimesSync(f, past, past);
    expect(sweepLeftovers(dir).sort()).toEqual(['.attk-abc-report.xlsx.part', 'ATTK_BaoCao_X.xlsx.part']);
    expect(existsSync(recent)).toBe(true);
    expect(existsSync(user)).toBe(true);
  });
});
