import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { open } from 'node:fs/promises';
import type { BackupEntry, BackupKind } from '../../../shared/backup/schema';
import { AttkError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import type { Db } from '../db/open';
import { fsyncFolder as fsyncDir, fsyncPath as fsyncFile, placeExclusive } from '../output/publish';
import { backupBaseName, parseBackupName } from './files';
import { checkBackupCopy } from './check-copy';
import { runFileTask } from '../import/run-reader';

// Writing a backup so that a crash at any moment never leaves a damaged file under a backup's name:
//   copy to a temporary file in the backups folder (the online backup API, or VACUUM INTO when the
//   caller cannot wait) → switch the copy to a single-file journal → PRAGMA quick_check on it →
//   fsync the file → publish it under its final name → fsync the folder.
// Listing ignores temporary files, so a copy killed half-way is invisible (and swept next time).

export interface WriteOptions {
  /** The database file (backups are named after the moment, not the file). */
  dir: string;
  kind: BackupKind;
  at: Date;
  nativeBinding?: string | undefined;
}

const TMP_PREFIX = '.attk-backup-';

function tempPath(dir: string): string {
  return join(dir, `${TMP_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
}

/** The online backup API: pages are copied in steps, so the app keeps answering during a large copy. */
export async function writeBackup(db: Db, options: WriteOptions): Promise<BackupEntry & { path: string }> {
  mkdirSync(options.dir, { recursive: true });
  const tmp = tempPath(options.dir);
  try {
    await db.backup(tmp);
    // The check reads the whole copy: in the file worker, not on the thread that answers the UI.
    const result = (await runFileTask({ type: 'checkBackupCopy', path: tmp, nativeBinding: options.nativeBinding }, { timeoutMs: 10 * 60_000 })) as string;
    if (result !== 'ok') throw new AttkError('DATABASE', vi.reliability.errors.backupFailed(result));
    await fsyncAsync(tmp);
    return place(tmp, options);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/**
 * VACUUM INTO: a consistent copy in one synchronous call. Used where the caller cannot await —
 * before a migration (inside openDatabase) — and never inside a transaction.
 */
export function writeBackupSync(db: Db, options: WriteOptions): BackupEntry & { path: string } {
  mkdirSync(options.dir, { recursive: true });
  const tmp = tempPath(options.dir);
  try {
    db.prepare('VACUUM INTO ?').run(tmp);
    return publish(tmp, options);
  } finally {
    rmSync(tmp, { force: true });
  }
}

function publish(tmp: string, options: WriteOptions): BackupEntry & { path: string } {
  // A backup is one self-contained file: no -wal beside it, whatever the source used.
  const result = checkBackupCopy(tmp, options.nativeBinding);
  if (result !== 'ok') throw new AttkError('DATABASE', vi.reliability.errors.backupFailed(result));
  fsyncFile(tmp);
  return place(tmp, options);
}

/** fsync through libuv's thread pool: a 25 MB copy on an HDD must not hold the main thread. */
async function fsyncAsync(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function place(tmp: string, options: WriteOptions): BackupEntry & { path: string } {
  const name = publishUnique(tmp, options.dir, backupBaseName(options.at, options.kind));
  fsyncDir(options.dir);
  const parsed = parseBackupName(name)!;
  const { seq: _seq, ...entry } = parsed;
  return { ...entry, size: statSync(join(options.dir, name)).size, path: join(options.dir, name) };
}

/**
 * Give the checked temporary file its final name without ever replacing an existing backup:
 * link() fails if the name is taken (two copies in the same second get -2, -3…); where the file
 * system has no hard links (FAT32/exFAT on a USB stick: EISDIR, EINVAL, EPERM, ENOTSUP) the shared
 * output publisher copies into an exclusively created file and fsyncs it. Either way no existing
 * file is replaced, and the temporary name is dropped.
 */
function publishUnique(tmp: string, dir: string, base: string): string {
  for (let n = 1; n < 1000; n++) {
    const name = n === 1 ? `${base}.sqlite` : `${base}-${n}.sqlite`;
    try {
      placeExclusive(tmp, join(dir, name));
      return name;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw e;
    }
  }
  throw new AttkError('DATABASE', vi.reliability.errors.backupFailed('too many backups in one second'));
}

// One definition of the durable-write helpers, shared with every export (output/publish.ts).
export { fsyncPath as fsyncFile, fsyncFolder as fsyncDir } from '../output/publish';

/** Remove temporary files left by a copy that was killed (older than a minute, so never one in progress). */
export function sweepTemporary(dir: string, names: readonly string[], now = Date.now()): void {
  for (const name of names) {
    if (!name.startsWith(TMP_PREFIX)) continue;
    const path = join(dir, name);
    try {
      if (existsSync(path) && now - statSync(path).mtimeMs > 60_000) rmSync(path, { force: true });
    } catch {
      /* best effort */
    }
  }
}
