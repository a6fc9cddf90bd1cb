import { randomBytes } from 'node:crypto';
import {
  closeSync, fsyncSync, linkSync, openSync, readdirSync, readSync, realpathSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync, writeSync,
} from 'node:fs';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import { AttkError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import { keyPathFor } from '../reports/keys';
import { fileErrorMessage } from './file-errors';

// The one way every export (report, cancellation request, consolidated workbook, audit CSV,
// campaign file, backup) puts a file on disk, from the CLI and from the API alike:
//   1. the target is checked: never the database, its -wal/-shm/-journal, the signing key, nor a
//      file inside backups/ (an export there would be offered as a backup) — compared after
//      resolving links and by device/inode, so another spelling of the same file is caught too;
//   2. the content is written to a temporary name in the target's folder and fsynced;
//   3. it is published: without replacing anything (link(), or copy + fsync + exclusive create on
//      file systems without hard links), or by an atomic rename only when the user chose to replace;
//   4. the folder is fsynced. Temporary files left by a killed export are swept on the next publish.

/** How an existing file at the target is treated. */
export type PublishMode =
  /** Refuse: the user named a file that is already there and did not ask to replace it. */
  | 'refuse'
  /** The user chose to replace it: atomic rename over it. */
  | 'replace'
  /** The app's own folders (exports/, backups/): take the first free name, `-2`, `-3`… */
  | 'unique';

export interface PublishOptions {
  /** The database this output comes from: its files are never a target. */
  dbFile: string;
  mode: PublishMode;
  /** Only the backup writer may publish inside backups/. */
  allowBackups?: boolean;
}

/** Where our temporary files start: `.attk-<random>-<final name>.part`. */
export const TEMP_PREFIX = '.attk-';
const TEMP_SUFFIX = '.part';

/**
 * File-system calls that can fail on the user's disk, in one object so tests can inject the
 * errors a FAT32/exFAT stick or a network drive returns (EISDIR, EINVAL, EPERM, ENOTSUP…).
 */
export const publishFs = {
  link: (from: string, to: string): void => linkSync(from, to),
};

/** Errors link() gives where the file system has no hard links: fall back to copy + exclusive create. */
const NO_HARD_LINKS = new Set(['EISDIR', 'EINVAL', 'EPERM', 'ENOTSUP', 'ENOSYS', 'EOPNOTSUPP', 'EXDEV', 'EMLINK']);

const sameCase = process.platform === 'win32' || process.platform === 'darwin';
const norm = (p: string) => (sameCase ? p.toLowerCase() : p);

/** The path with every existing ancestor's links resolved (the file itself may not exist yet). */
function canonical(path: string): string {
  const abs = resolve(path);
  try {
    return realpathSync(abs);
  } catch {
    const parent = dirname(abs);
    if (parent === abs) return abs;
    return join(canonical(parent), basename(abs));
  }
}

function identity(path: string): string | null {
  try {
    const s = statSync(path);
    return `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}

/** The files of a database no output may replace, and the backups folder beside it. */
export function protectedPaths(dbFile: string): { database: string[]; key: string[]; backups: string } {
  const db = resolve(dbFile);
  return {
    database: [db, `${db}-wal`, `${db}-shm`, `${db}-journal`],
    key: [keyPathFor(db)],
    backups: join(dirname(db), 'backups'),
  };
}

/**
 * Check an output path before anything is written: returns the absolute target, or throws a
 * Vietnamese VALIDATION error naming the path. `allowBackups` lets the backup writer into backups/.
 */
export function checkOutputPath(target: string, dbFile: string, options: { allowBackups?: boolean } = {}): string {
  const abs = resolve(target);
  const real = norm(canonical(abs));
  const guard = protectedPaths(dbFile);
  const ids = new Set<string>();
  const matches = (paths: string[]) =>
    paths.some((p) => {
      if (norm(canonical(p)) === real) return true;
      const id = identity(p);
      if (id) ids.add(id);
      return false;
    });
  if (matches(guard.database)) throw new AttkError('VALIDATION', vi.safety.output.isDatabase(target), ['out']);
  if (matches(guard.key)) throw new AttkError('VALIDATION', vi.safety.output.isKey(target), ['out']);
  // The same file under another name (a hard link, another case on Windows, an 8.3 name).
  const own = identity(abs);
  if (own && guard.database.some((p) => identity(p) === own)) throw new AttkError('VALIDATION', vi.safety.output.isDatabase(target), ['out']);
  if (own && guard.key.some((p) => identity(p) === own)) throw new AttkError('VALIDATION', vi.safety.output.isKey(target), ['out']);
  if (!options.allowBackups) {
    const backups = norm(canonical(guard.backups));
    if (real === backups || real.startsWith(backups + sep)) throw new AttkError('VALIDATION', vi.safety.output.inBackups(target), ['out']);
  }
  try {
    if (statSync(abs).isDirectory()) throw new AttkError('VALIDATION', vi.safety.output.isFolder(target), ['out']);
  } catch (e) {
    if (e instanceof AttkError) throw e;
  }
  return abs;
}

function tempFor(target: string): string {
  return join(dirname(target), `${TEMP_PREFIX}${randomBytes(6).toString('hex')}-${basename(target)}${TEMP_SUFFIX}`);
}

export function fsyncPath(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Make a rename/link durable (POSIX syncs the folder; Windows cannot open a folder, NTFS journals it). */
export function fsyncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch (e) {
    if (process.platform !== 'win32') throw e;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Copy `from` into a new file `to` that must not exist yet ('wx'), fsynced; the new file is removed if the copy fails. */
function copyExclusive(from: string, to: string): void {
  const out = openSync(to, 'wx');
  let ok = false;
  try {
    const input = openSync(from, 'r');
    try {
      const buf = Buffer.allocUnsafe(1 << 20);
      for (;;) {
        const n = readSync(input, buf, 0, buf.length, null);
        if (n === 0) break;
        let off = 0;
        while (off < n) off += writeSync(out, buf, off, n - off);
      }
    } finally {
      closeSync(input);
    }
    fsyncSync(out);
    ok = true;
  } finally {
    closeSync(out);
    if (!ok) rmSync(to, { force: true });
  }
}

/**
 * Give a complete, fsynced temporary file its final name without replacing anything: a hard link
 * (fails with EEXIST if the name is taken), or — where the file system has no hard links — a copy
 * into an exclusively created file. The temporary name is removed. Throws EEXIST if taken.
 */
export function placeExclusive(tmp: string, target: string): void {
  try {
    publishFs.link(tmp, target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (!NO_HARD_LINKS.has(code)) throw e;
    copyExclusive(tmp, target);
  }
  unlinkSync(tmp);
}

function withSuffix(target: string, n: number): string {
  if (n === 1) return target;
  const ext = target.endsWith('.attk-campaign') ? '.attk-campaign' : extname(target);
  return `${target.slice(0, target.length - ext.length)}-${n}${ext}`;
}

/** Publish the finished temporary file; returns the final path (differs from target only in 'unique' mode). */
function place(tmp: string, target: string, mode: PublishMode): string {
  if (mode === 'replace') {
    renameSync(tmp, target);
    return target;
  }
  for (let n = 1; n < 1000; n++) {
    const candidate = withSuffix(target, n);
    try {
      placeExclusive(tmp, candidate);
      return candidate;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      if (mode === 'refuse') throw new AttkError('CONFLICT', vi.safety.output.exists(target), ['out']);
    }
  }
  throw new AttkError('CONFLICT', vi.safety.output.tooMany(target), ['out']);
}

/**
 * Everything that can be known before the work starts: a safe path, an existing folder, and (unless
 * the user chose to replace) no file of that name. The CLI calls it before running an export.
 */
export function checkOutput(target: string, options: PublishOptions): string {
  const abs = checkOutputPath(target, options.dbFile, { allowBackups: options.allowBackups ?? false });
  const dir = dirname(abs);
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new AttkError('VALIDATION', vi.safety.output.noFolder(dir), ['out']);
  }
  if (options.mode === 'refuse' && identity(abs)) throw new AttkError('CONFLICT', vi.safety.output.exists(target), ['out']);
  if (options.mode === 'replace') refuseOtherDatabases(abs, target);
  return abs;
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

function isSqliteFile(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(SQLITE_MAGIC.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(SQLITE_MAGIC);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * "Replace" never means another database: a ward's and the district office's databases may share a
 * folder, and a command that knows no database at all (`attk sign-pdf`) must not replace one either.
 * Any SQLite file, its -wal/-shm/-journal, or a unit's signing key at the target is refused.
 */
function refuseOtherDatabases(abs: string, target: string): void {
  if (isSqliteFile(abs)) throw new AttkError('VALIDATION', vi.safety.output.isDatabase(target), ['out']);
  const side = /-(wal|shm|journal)$/.exec(abs);
  if (side && isSqliteFile(abs.slice(0, side.index))) throw new AttkError('VALIDATION', vi.safety.output.isDatabase(target), ['out']);
  if (/\.signing-key\.pem$/i.test(abs)) throw new AttkError('VALIDATION', vi.safety.output.isKey(target), ['out']);
}

function prepare(target: string, options: PublishOptions): { abs: string; tmp: string } {
  const abs = checkOutput(target, options);
  sweepLeftovers(dirname(abs));
  return { abs, tmp: tempFor(abs) };
}

function finish(tmp: string, abs: string, options: PublishOptions): string {
  fsyncPath(tmp);
  const final = place(tmp, abs, options.mode);
  fsyncFolder(dirname(final));
  return final;
}

function fail(e: unknown, target: string): never {
  if (e instanceof AttkError) throw e;
  const message = fileErrorMessage(e, target);
  if (message) throw new AttkError('VALIDATION', message, ['out']);
  throw e;
}

/**
 * Write an output through a temporary file and publish it. `write` receives the temporary path
 * and fills it (a stream writer, a copy…). Returns the final path.
 */
export async function publishOutput(target: string, write: (tmp: string) => Promise<void> | void, options: PublishOptions): Promise<string> {
  const { abs, tmp } = prepare(target, options);
  try {
    await write(tmp);
    return finish(tmp, abs, options);
  } catch (e) {
    return fail(e, target);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** An output being written by someone else (Chromium's download of a Save-As): see beginPublish. */
export interface PendingOutput {
  /** The checked final path. */
  readonly target: string;
  /** Where the writer must put the content (a temporary name in the target's folder). */
  readonly tmp: string;
  /** The content is complete: fsync and publish it; returns the final path. */
  commit(): string;
  /** The writer failed or was cancelled: remove the temporary file, leave the target as it was. */
  abort(): void;
}

/**
 * The publisher in two steps, for a writer that is not a function of ours — the Electron shell's
 * Save-As, where Chromium writes the download: the target is checked now (before anything is
 * written), the writer fills `tmp`, and `commit` publishes it exactly as publishOutput does.
 */
export function beginPublish(target: string, options: PublishOptions): PendingOutput {
  const { abs, tmp } = prepare(target, options);
  let settled = false;
  return {
    target: abs,
    tmp,
    commit() {
      if (settled) throw new Error('output already settled');
      settled = true;
      try {
        return finish(tmp, abs, options);
      } catch (e) {
        return fail(e, target);
      } finally {
        rmSync(tmp, { force: true });
      }
    },
    abort() {
      settled = true;
      rmSync(tmp, { force: true });
    },
  };
}

/** The same for content already in memory (campaign file, CSV), or a synchronous writer. */
export function publishOutputSync(target: string, data: Buffer | string | ((tmp: string) => void), options: PublishOptions): string {
  const { abs, tmp } = prepare(target, options);
  try {
    if (typeof data === 'function') data(tmp);
    else writeFileSync(tmp, data, { flag: 'wx' });
    return finish(tmp, abs, options);
  } catch (e) {
    return fail(e, target);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** Temporary files of an output killed half-way (older than a minute, so never one in progress). */
export function sweepLeftovers(dir: string, now = Date.now()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const ours = name.startsWith(TEMP_PREFIX) && (name.endsWith(TEMP_SUFFIX) || name.endsWith('.tmp'));
    // Before this module, exports wrote `<name>.xlsx.part` in exports/.
    const legacy = /\.(xlsx|attk-campaign)\.part$/.test(name);
    if (!ours && !legacy) continue;
    const path = join(dir, name);
    try {
      const info = statSync(path);
      if (info.isFile() && now - info.mtimeMs > 60_000) {
        rmSync(path, { force: true });
        removed.push(name);
      }
    } catch {
      /* best effort */
    }
  }
  return removed;
}
