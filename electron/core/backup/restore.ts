import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { BackupEntry } from '../../../shared/backup/schema';
import { AttkError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import { LATEST_SCHEMA_VERSION } from '../db/open';
import { backupBaseName, backupDir, listBackups } from './files';
import { backupIdentity, belongsTo } from './identity';
import { fsyncDir, fsyncFile } from './write';

const R = vi.reliability;

export interface NativeOptions {
  nativeBinding?: string | undefined;
}

/**
 * Is this file a complete ATTK database this version can use? Full integrity_check, schema
 * version known, and it is ours. Opened read-only: checking a backup never changes it.
 */
export function verifyBackupFile(path: string, options: NativeOptions = {}): { schemaVersion: number } {
  if (!existsSync(path) || !statSync(path).isFile()) throw new AttkError('NOT_FOUND', R.errors.backupNotFound(basename(path)));
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  } catch (e) {
    throw new AttkError('DATABASE', R.errors.backupBad((e as Error).message));
  }
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_SCHEMA_VERSION) throw new AttkError('DATABASE', R.errors.backupFuture);
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new AttkError('DATABASE', R.errors.backupBad(String(integrity)));
    const ours = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('units', 'accounts', 'audit_log')").get() as { n: number };
    if (version < 1 || ours.n !== 3) throw new AttkError('DATABASE', R.errors.backupNotAttk);
    return { schemaVersion: version };
  } catch (e) {
    if (e instanceof AttkError) throw e;
    throw new AttkError('DATABASE', R.errors.backupBad((e as Error).message));
  } finally {
    db.close();
  }
}

/** The newest backup beside this database that passes verifyBackupFile, or null. */
export function findNewestGoodBackup(dbFile: string, options: NativeOptions = {}): (BackupEntry & { path: string }) | null {
  const dir = backupDir(dbFile);
  // Only this database's copies, when the damaged file can still say who it is (another unit's
  // database may share the folder); if it cannot, the caller shows the backup's unit.
  const own = backupIdentity(resolve(dbFile), options.nativeBinding);
  for (const entry of listBackups(dir)) {
    if (!entry.restorable) continue;
    const path = join(dir, entry.name);
    if (own?.id && !belongsTo(backupIdentity(path, options.nativeBinding), own)) continue;
    try {
      verifyBackupFile(path, options);
      return { ...entry, path };
    } catch {
      /* try the next older one */
    }
  }
  return null;
}

/**
 * Is another connection (the app, `attk serve`) holding this database? Asks SQLite for an
 * exclusive lock without waiting. Only for a file that opens; a damaged file is nobody's.
 */
export function databaseInUse(dbFile: string, options: NativeOptions = {}): boolean {
  const db = new Database(dbFile, { fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return false;
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_BUSY' || (e as { code?: string }).code === 'SQLITE_LOCKED') return true;
    throw e;
  } finally {
    db.close();
  }
}

export interface SwapOptions extends NativeOptions {
  /**
   * What happens to the file being replaced. 'damaged': moved, byte for byte with its -wal/-shm,
   * into the backups folder (evidence; never overwritten). 'backed-up': the caller already made
   * a checked copy of it (a 'restore' backup) and closed every connection.
   */
  replaced: 'damaged' | 'backed-up';
  at: Date;
}

/**
 * Put a backup in place of the database while no connection is open: copy it beside the
 * database, check the copy, fsync, then rename it over the database (atomic on one volume: the path
 * always holds either the old file or the restored one) and fsync the folder. A crash before the rename leaves the old file; after it, the restored one.
 * Returns the name the damaged file was kept under, if any.
 */
export function swapInBackup(dbFile: string, backupPath: string, options: SwapOptions): string | null {
  const file = resolve(dbFile);
  const folder = dirname(file);
  const tmp = join(folder, `.${basename(file)}.restore-${randomBytes(6).toString('hex')}.tmp`);
  let kept: string | null = null;
  try {
    copyFileSync(backupPath, tmp);
    const check = new Database(tmp, { fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
    try {
      check.pragma('journal_mode = DELETE');
      const integrity = check.pragma('integrity_check', { simple: true });
      if (integrity !== 'ok') throw new AttkError('DATABASE', R.errors.backupBad(String(integrity)));
    } finally {
      check.close();
    }
    fsyncFile(tmp);

    if (options.replaced === 'damaged') {
      if (existsSync(file)) {
        const dir = backupDir(file);
        mkdirSync(dir, { recursive: true });
        let name = `${backupBaseName(options.at, 'damaged')}.sqlite`;
        for (let n = 2; existsSync(join(dir, name)); n++) name = `${backupBaseName(options.at, 'damaged')}-${n}.sqlite`;
        // Copied, not moved: until the final rename the database path always holds a file. The WAL
        // belongs to the damaged file: it is kept with it, and never left beside the restored one.
        for (const suffix of ['', '-wal', '-shm']) {
          if (!existsSync(file + suffix)) continue;
          copyFileSync(file + suffix, join(dir, name + suffix));
          fsyncFile(join(dir, name + suffix));
        }
        fsyncDir(dir);
        kept = name;
        rmSync(`${file}-wal`, { force: true });
        rmSync(`${file}-shm`, { force: true });
      }
    } else {
      const wal = `${file}-wal`;
      if (existsSync(wal) && statSync(wal).size > 0) throw new AttkError('CONFLICT', R.errors.inUse);
      rmSync(wal, { force: true });
      rmSync(`${file}-shm`, { force: true });
    }
    renameSync(tmp, file);
    fsyncDir(folder);
    return kept;
  } finally {
    rmSync(tmp, { force: true });
  }
}
