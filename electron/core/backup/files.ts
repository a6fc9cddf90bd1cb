import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { format } from 'date-fns';
import { BACKUP_NAME, type BackupEntry, type BackupKind } from '../../../shared/backup/schema';

// Where backups live and what they are called. One folder, `backups`, beside the database: the
// clerk finds it next to the file, and a rename within one volume is atomic.

export function backupDir(dbFile: string): string {
  return join(dirname(resolve(dbFile)), 'backups');
}

/** The base name of a new backup (a `-N` suffix is added only if that name is taken). */
export function backupBaseName(at: Date, kind: BackupKind): string {
  return `attk-${format(at, 'yyyyMMdd-HHmmss')}-${kind}`;
}

/** Parse a backup file name; null for anything else (temporary files, the user's own files). */
export function parseBackupName(name: string): Omit<BackupEntry, 'size'> & { seq: number } | null {
  const m = BACKUP_NAME.exec(name);
  if (!m) return null;
  const [, d, t, kind, seq] = m;
  const createdAt = `${d!.slice(0, 4)}-${d!.slice(4, 6)}-${d!.slice(6, 8)}T${t!.slice(0, 2)}:${t!.slice(2, 4)}:${t!.slice(4, 6)}`;
  return { name, kind: kind as BackupKind, createdAt, restorable: kind !== 'damaged', seq: seq ? Number(seq) : 0 };
}

/** Backups in the folder, newest first. Temporary files of a copy in progress (or killed) are not listed. */
export function listBackups(dir: string): BackupEntry[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const entries: (BackupEntry & { seq: number })[] = [];
  for (const name of names) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    let size: number;
    try {
      const info = statSync(join(dir, name));
      if (!info.isFile()) continue;
      size = info.size;
    } catch {
      continue;
    }
    entries.push({ ...parsed, size });
  }
  entries.sort((a, b) => (a.createdAt === b.createdAt ? b.seq - a.seq : a.createdAt < b.createdAt ? 1 : -1));
  return entries.map(({ seq: _seq, ...e }) => e);
}

/** Copies made before an import, a migration or a restore: the newest this many of each kind are kept. */
export const KEEP_EVENT_BACKUPS = 10;

export interface Retention {
  keepDaily: number;
  keepMonthly: number;
}

/**
 * Which backups rotation removes (a pure function of the list, newest first).
 * Daily copies: the newest of each of the last `keepDaily` days, plus the newest of each of the
 * last `keepMonthly` months. Pre-import / pre-migration / pre-restore: the newest
 * KEEP_EVENT_BACKUPS of each. Manual copies and kept damaged files are never removed.
 */
export function backupsToRemove(entries: readonly BackupEntry[], retention: Retention): string[] {
  const remove: string[] = [];
  const days = new Set<string>();
  const months = new Set<string>();
  const events = new Map<BackupKind, number>();
  for (const e of entries) {
    if (e.kind === 'daily') {
      const day = e.createdAt.slice(0, 10);
      const month = e.createdAt.slice(0, 7);
      let keep = false;
      if (!days.has(day) && days.size < retention.keepDaily) {
        days.add(day);
        keep = true;
      }
      if (!months.has(month) && months.size < retention.keepMonthly) {
        months.add(month);
        keep = true;
      }
      if (!keep) remove.push(e.name);
    } else if (e.kind === 'import' || e.kind === 'migration' || e.kind === 'restore') {
      const n = (events.get(e.kind) ?? 0) + 1;
      events.set(e.kind, n);
      if (n > KEEP_EVENT_BACKUPS) remove.push(e.name);
    }
  }
  return remove;
}
