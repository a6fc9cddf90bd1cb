import { existsSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { AttkError } from '../../shared/errors';
import { vi } from '../../shared/i18n/vi';
import {
  backupDir, createCore, databaseInUse, DatabaseDamagedError, findNewestGoodBackup, openDatabase, preflightDatabase,
  swapInBackup, verifyBackupFile, writeBackup, writeBackupSync,
} from '../core';
import { writeAudit } from '../core/audit/service';
import { backupIdentity, belongsTo, readIdentity, setDatabaseId, type DatabaseIdentity } from '../core/backup/identity';
import { assertForeignConfirmed } from '../core/backup/service';

// `attk backup` and `attk restore`: the same checked copy and the same safe swap as the app's
// Sao lưu / Khôi phục screen, for a clerk with a shell or a scheduled task.

const R = vi.reliability;

interface CommandArgs {
  db: string;
  json: boolean;
  out: (text: string) => void;
}

/** attk backup --db FILE [--out DIR]: a checked copy (online backup API) in DIR or backups/ beside the file. */
export async function backupCommand(args: CommandArgs & { dir?: string | undefined }): Promise<number> {
  const file = resolve(args.db);
  if (!existsSync(file)) throw new AttkError('NOT_FOUND', vi.errors.dbOpen(file));
  // Read-only: a backup never migrates or otherwise touches the file it copies.
  const db = openDatabase(file, { readonly: true });
  try {
    const dir = args.dir ? resolve(args.dir) : backupDir(file);
    // --out names a folder; a backup gets a fresh name there and never replaces a file.
    if (existsSync(dir) && !statSync(dir).isDirectory()) throw new AttkError('VALIDATION', vi.safety.output.backupOutNotFolder(args.dir ?? dir));
    const entry = await writeBackup(db, { dir, kind: 'manual', at: new Date() });
    args.out(args.json ? JSON.stringify({ ok: true, path: entry.path, name: entry.name, size: entry.size }) : R.cli.backupDone(entry.path, R.backup.sizeOf(entry.size)));
    return 0;
  } finally {
    db.close();
  }
}

/**
 * attk restore --db FILE --from BACKUP: verify the backup, keep the current file (a checked
 * 'restore' copy, or the damaged file itself byte for byte), swap, reopen and audit.
 * Refused while the app or `attk serve` holds the database.
 */
export function restoreCommand(args: CommandArgs & { from: string; appVersion: string; confirmUnit?: string | undefined }): number {
  const file = resolve(args.db);
  const from = resolve(args.from);
  verifyBackupFile(from);
  // Whose copy is it? Another database's (another unit's file in the same folder) only with --confirm-unit CODE.
  const theirs = backupIdentity(from);
  let mine: DatabaseIdentity | null = null;
  try {
    if (existsSync(file)) {
      const ro = new Database(file, { readonly: true, fileMustExist: true });
      try {
        mine = readIdentity(ro);
      } finally {
        ro.close();
      }
    }
  } catch {
    mine = null; // a damaged file cannot say who it is: the backup's unit is still shown and confirmed below
  }
  // A file too damaged to read its settings and units says nothing of who it is (not "nobody"):
  // its own backups must stay restorable, so an empty identity counts as unknown.
  if (mine && !mine.id && !mine.unit) mine = null;
  const foreign = mine !== null && !belongsTo(theirs, mine);
  if (foreign) {
    try {
      assertForeignConfirmed({ name: basename(from), kind: 'manual', createdAt: '', size: 0, restorable: true, unit: theirs?.unit ?? null }, mine?.unit ?? null, args.confirmUnit);
    } catch (e) {
      throw new AttkError('CONFLICT', `${(e as Error).message}\n${vi.safety.backup.cliNeedsConfirm(theirs?.unit ?? null)}`);
    }
  }
  let damaged = false;
  try {
    preflightDatabase(file);
  } catch (e) {
    if (!(e instanceof DatabaseDamagedError)) throw e;
    damaged = true;
  }
  let kept: string | null = null;
  if (existsSync(file) && !damaged) {
    if (databaseInUse(file)) throw new AttkError('CONFLICT', R.errors.inUse);
    // Fold a WAL left by a crash into the file (a normal checkpoint), so the copy and the swap see it all.
    const rw = new Database(file, { fileMustExist: true });
    rw.pragma('wal_checkpoint(TRUNCATE)');
    rw.close();
    const ro = openDatabase(file, { readonly: true });
    try {
      kept = join(backupDir(file), writeBackupSync(ro, { dir: backupDir(file), kind: 'restore', at: new Date() }).name);
    } finally {
      ro.close();
    }
  }
  const damagedName = swapInBackup(file, from, { replaced: damaged ? 'damaged' : 'backed-up', at: new Date() });
  if (damagedName) kept = join(backupDir(file), damagedName);
  // Open as the app would (an older backup is migrated, with its own pre-migration copy) and record it.
  const core = createCore({ file, shell: 'cli', appVersion: args.appVersion });
  try {
    const db = core.db;
    db.transaction(() => {
      // The file stays itself (its own daily copies and list), whatever data it now holds.
      if (foreign && mine?.id) setDatabaseId(db, mine.id);
      writeAudit(db, core.context(), { action: 'restore', entity: 'database', entityId: null, summary: R.backup.auditRestore(from), data: { from, kept, ...(foreign ? { otherUnit: theirs?.unit ?? null } : {}) } });
    }).immediate();
  } finally {
    core.db.close();
  }
  args.out(args.json ? JSON.stringify({ ok: true, file, from, kept }) : R.cli.restoreDone(from, kept ?? '—'));
  return 0;
}

/** What to tell the user when the database is damaged: the newest good backup, and the command to restore it. */
export function damageHint(dbFile: string): { text: string; backup: string | null } {
  const file = resolve(dbFile);
  const good = findNewestGoodBackup(file);
  return good ? { text: R.damaged.cliHint(good.path, file), backup: good.path } : { text: R.damaged.noBackup, backup: null };
}
