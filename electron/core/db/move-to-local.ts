// The one-time move of the database out of the roaming profile (data-location.ts), checked before
// anything depends on it:
//   1. only when the new place has no database (never overwrite) and the old one exists;
//   2. the old file is opened read-only, must pass PRAGMA quick_check, and is copied with VACUUM INTO (a consistent snapshot that
//      includes what is still in its WAL) to a temporary file beside the destination;
//   3. the copy must pass PRAGMA integrity_check and have the same schema version and the same row
//      count in every table as the original; then it is fsynced and renamed into place;
//   4. the unit's signing key beside it is copied too (its fingerprint is pinned by the office);
//   5. the original is never deleted or changed: a note beside it says where the data went, and
//      the unit's IT person removes the old folder once they have seen the app open the data.
// If any step fails the temporary file is removed, nothing else changes, and the caller goes on
// with the old file (the next start tries again).
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { vi } from '../../../shared/i18n/vi';
import { keyPathFor } from '../reports/keys';
import { remoteVolumeProblem, type VolumeProbe } from './location';

export type MoveOutcome =
  | { status: 'nothing-to-move' }
  | { status: 'already-local' }
  | { status: 'moved'; tables: Record<string, number> }
  | { status: 'failed'; detail: string };

export interface MoveOptions {
  nativeBinding?: string | undefined;
  now: Date;
  /** For the date in the note left beside the old file, e.g. formatViDateTime. */
  formatDate: (at: Date) => string;
  probe?: VolumeProbe;
}

/** Row count of every table (virtual ones included), in name order. */
function rowCounts(db: Database.Database): Record<string, number> {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
    .pluck()
    .all() as string[];
  const counts: Record<string, number> = {};
  for (const name of tables) counts[name] = db.prepare(`SELECT count(*) FROM "${name.replaceAll('"', '""')}"`).pluck().get() as number;
  return counts;
}

function fsyncPath(path: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/**
 * The unit's signing key lives beside the database (reports/keys.ts). It travels with it, before
 * the database is published: a new key would change the fingerprint the receiving office pinned,
 * and that office would then refuse the unit's files. A different key already at the destination
 * is never replaced.
 */
function moveUnitKey(from: string, to: string): void {
  const source = keyPathFor(from);
  const target = keyPathFor(to);
  if (!existsSync(source)) return;
  const bytes = readFileSync(source);
  if (existsSync(target)) {
    if (readFileSync(target).equals(bytes)) return;
    throw new Error(vi.windows.move.keyConflict(target));
  }
  const tmp = `${target}.moving-${process.pid}`;
  writeFileSync(tmp, bytes, { mode: 0o600 });
  fsyncPath(tmp);
  renameSync(tmp, target);
  if (!readFileSync(target).equals(bytes)) throw new Error(vi.windows.move.keyConflict(target));
}

export function moveDatabaseOnce(from: string, to: string, options: MoveOptions): MoveOutcome {
  if (existsSync(to) && statSync(to).size > 0) return { status: 'already-local' };
  if (!existsSync(from)) return { status: 'nothing-to-move' };
  const remote = remoteVolumeProblem(to, options.probe);
  if (remote) return { status: 'failed', detail: remote };
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  const tmp = `${to}.moving-${process.pid}`;
  const cleanUp = () => {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${tmp}${suffix}`, { force: true });
  };
  let source: Database.Database | null = null;
  let copy: Database.Database | null = null;
  try {
    mkdirSync(dirname(to), { recursive: true });
    cleanUp();
    source = new Database(from, { readonly: true, fileMustExist: true, ...binding });
    // A damaged original is not moved: the app goes on with it, and its startup check offers the
    // newest good backup (a copy could look whole while rows were lost in the damaged pages).
    const sourceCheck = source.pragma('quick_check', { simple: true });
    if (sourceCheck !== 'ok') throw new Error(vi.windows.move.damaged(String(sourceCheck)));
    const version = source.pragma('user_version', { simple: true }) as number;
    const expected = rowCounts(source);
    source.prepare('VACUUM INTO ?').run(tmp);
    source.close();
    source = null;

    copy = new Database(tmp, { fileMustExist: true, ...binding });
    const integrity = copy.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(vi.windows.move.integrity(String(integrity)));
    if (copy.pragma('user_version', { simple: true }) !== version) throw new Error(vi.windows.move.integrity(`user_version ≠ ${version}`));
    const actual = rowCounts(copy);
    for (const name of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
      if (expected[name] !== actual[name]) throw new Error(vi.windows.move.counts(name, expected[name] ?? 0, actual[name] ?? 0));
    }
    copy.close();
    copy = null;
    fsyncPath(tmp);
    // The destination appeared meanwhile (another process): keep it, drop the copy.
    if (existsSync(to) && statSync(to).size > 0) {
      cleanUp();
      return { status: 'already-local' };
    }
    moveUnitKey(from, to);
    renameSync(tmp, to);
    fsyncPath(dirname(to));
    try {
      writeFileSync(`${from}.moved.txt`, vi.windows.move.note(to, options.formatDate(options.now)), { flag: 'w' });
    } catch {
      // The old folder may be read-only or offline; the move stands without the note.
    }
    return { status: 'moved', tables: actual };
  } catch (error) {
    source?.close();
    copy?.close();
    cleanUp();
    return { status: 'failed', detail: error instanceof Error ? error.message : String(error) };
  }
}
