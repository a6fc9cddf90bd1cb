import Database from 'better-sqlite3';
import { AttkError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import { foldForSearch } from '../../../shared/text/vietnamese';
import { backupDir } from '../backup/files';
import { writeBackupSync } from '../backup/write';
import { remoteVolumeProblem } from './location';
import { ensureDatabaseIdentity } from '../backup/identity';
import { assertWritable, databaseErrorMessage } from './errors';
import { migrations } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path to the native addon built for the running runtime (Electron's differs from Node's). */
  nativeBinding?: string;
  /** Open without writing anything (no migrations): for `attk check` and inspection. */
  readonly?: boolean;
  /** Create the file when it does not exist (default true). */
  create?: boolean;
  /** Copy the database into backups/ before upgrading its schema (default true; never for a new file). */
  backupBeforeMigration?: boolean;
}

export const LATEST_SCHEMA_VERSION = migrations.length;

// UNC paths, mapped network drives and network folders break WAL (it needs shared memory on one
// host), and an office share is the classic way a clerk "backs up" the live file: refused up front.
export { isNetworkPath } from './location';

/**
 * Open (and create or upgrade) the database. Never overwrites or "repairs" a file it cannot use:
 * a database from a newer app version, or one that is not a database, is refused untouched.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const remote = file === ':memory:' ? null : remoteVolumeProblem(file);
  if (remote) throw new AttkError('DATABASE', remote);
  // A database this process cannot write is refused before anything is typed into it (issue 16 §6).
  if (!options.readonly) assertWritable(file);
  let db: Db;
  try {
    db = new Database(file, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly === true || options.create === false,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (e) {
    throw new AttkError('DATABASE', openErrorMessage(e, file));
  }
  try {
    // Reading user_version is the first touch of the file: a non-database fails here.
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_SCHEMA_VERSION) {
      throw new AttkError('DATABASE', vi.errors.dbFuture(version, LATEST_SCHEMA_VERSION));
    }
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    registerFunctions(db);
    if (!options.readonly) {
      if (version > 0 && version < LATEST_SCHEMA_VERSION && file !== ':memory:' && options.backupBeforeMigration !== false) {
        backupBeforeMigration(db, file, options.nativeBinding);
      }
      migrate(db);
      // Every database knows itself: its backups carry this id (electron/core/backup/identity.ts).
      ensureDatabaseIdentity(db);
    }
    return db;
  } catch (e) {
    db.close();
    if (e instanceof AttkError) throw e;
    throw new AttkError('DATABASE', openErrorMessage(e, file));
  }
}

/** Read-only, full, busy: their own message; anything else (not a database, damaged) as before. */
function openErrorMessage(e: unknown, file: string): string {
  const code = (e as { code?: unknown }).code;
  const specific = typeof code === 'string' && !code.startsWith('SQLITE_CORRUPT') ? databaseErrorMessage(code, file) : null;
  return specific ?? vi.errors.dbOpen((e as Error).message);
}

function registerFunctions(db: Db): void {
  // SQLite's own folding cannot map đ → d; this one is the same function the core indexes with.
  db.function('vi_fold', { deterministic: true }, (v: unknown) => (typeof v === 'string' ? foldForSearch(v) : v));
}

/** A checked copy of the database as it was, before a migration changes it (electron/core/backup). */
function backupBeforeMigration(db: Db, file: string, nativeBinding: string | undefined): void {
  try {
    writeBackupSync(db, { dir: backupDir(file), kind: 'migration', at: new Date(), nativeBinding });
  } catch (e) {
    throw new AttkError('DATABASE', vi.reliability.errors.backupBeforeMigration((e as Error).message));
  }
}

/** Apply pending migrations, each in its own transaction, tracked by PRAGMA user_version. */
export function migrate(db: Db): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let v = current; v < migrations.length; v++) {
    const sql = migrations[v]!;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
  return db.pragma('user_version', { simple: true }) as number;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export interface CheckResult {
  ok: boolean;
  schemaVersion: number;
  latest: number;
  problems: string[];
}

/** integrity_check + foreign_key_check + schema version. */
export function checkDatabase(db: Db): CheckResult {
  const problems: string[] = [];
  const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
  for (const row of integrity) if (row.integrity_check !== 'ok') problems.push(row.integrity_check);
  const fk = db.pragma('foreign_key_check') as unknown[];
  if (fk.length > 0) problems.push(`foreign_key_check: ${fk.length}`);
  const version = schemaVersion(db);
  if (version !== LATEST_SCHEMA_VERSION) problems.push(`user_version ${version} ≠ ${LATEST_SCHEMA_VERSION}`);
  return { ok: problems.length === 0, schemaVersion: version, latest: LATEST_SCHEMA_VERSION, problems };
}
