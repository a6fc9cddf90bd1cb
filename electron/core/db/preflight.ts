import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { AttkError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import { remoteVolumeProblem } from './location';
import { LATEST_SCHEMA_VERSION } from './open';

/**
 * The database file exists but is damaged: not a database any more, or it fails quick_check.
 * The shells offer the newest good backup; nothing ever writes to the file.
 */
export class DatabaseDamagedError extends AttkError {
  readonly file: string;
  constructor(message: string, file: string) {
    super('DATABASE', message);
    this.name = 'DatabaseDamagedError';
    this.file = file;
  }
}

const DAMAGE_CODES = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_CORRUPT_VTAB']);

/**
 * Check an existing database before the app opens it for writing. Read-only on purpose: opening
 * read-write would set WAL mode, run migrations and checkpoint on close — all writes into a file
 * that may be damaged. quick_check reads every page (≈ 0.2 s for the 18 MB district database).
 * A new (absent or empty) file passes: there is nothing to protect yet.
 */
export function preflightDatabase(file: string, options: { nativeBinding?: string | undefined } = {}): void {
  if (file === ':memory:') return;
  const remote = remoteVolumeProblem(file);
  if (remote) throw new AttkError('DATABASE', remote);
  if (!existsSync(file) || statSync(file).size === 0) return;
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  } catch (e) {
    // The addon or the file system refused (permissions, a bad native build): not damage.
    throw new AttkError('DATABASE', vi.errors.dbOpen((e as Error).message));
  }
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_SCHEMA_VERSION) throw new AttkError('DATABASE', vi.errors.dbFuture(version, LATEST_SCHEMA_VERSION));
    const result = db.pragma('quick_check', { simple: true });
    if (result !== 'ok') throw new DatabaseDamagedError(vi.errors.dbCorrupt(String(result)), file);
  } catch (e) {
    if (e instanceof AttkError) throw e;
    const code = (e as { code?: string }).code ?? '';
    if (DAMAGE_CODES.has(code)) throw new DatabaseDamagedError(vi.errors.dbOpen((e as Error).message), file);
    throw new AttkError('DATABASE', vi.errors.dbOpen((e as Error).message));
  } finally {
    db.close();
  }
}
