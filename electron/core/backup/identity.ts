import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { BackupUnit } from '../../../shared/backup/schema';
import type { Db } from '../db/open';

// Which database a backup belongs to. Two databases may sit in one folder (a ward's and the
// district's, an ATTK_DB on a USB stick next to the usual one) and share one backups/ folder, so a
// backup's name says when, not whose. Each database gets an id when it is created (first opened by
// this version, for older files), kept in its settings table; every backup is a copy of the
// database, so it carries that id and the home unit's name and code with it. The list, the daily
// copy, rotation and restore compare them.

const ID_KEY = 'database_id';

export interface DatabaseIdentity {
  /** Null only in backups made before identities existed. */
  id: string | null;
  unit: BackupUnit | null;
}

/** Give the database its id if it has none yet (a new file, or one made before this version). */
export function ensureDatabaseIdentity(db: Db): string {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(ID_KEY) as { value: string } | undefined;
  const current = row ? parseId(row.value) : null;
  if (current) return current;
  const id = randomUUID();
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(ID_KEY, JSON.stringify(id));
  return id;
}

/** Keep this file's id (after a confirmed restore of another database's copy, the file stays itself). */
export function setDatabaseId(db: Db, id: string): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(ID_KEY, JSON.stringify(id));
}

function parseId(value: string): string | null {
  try {
    const v = JSON.parse(value) as unknown;
    return typeof v === 'string' && v.length > 0 ? v : null;
  } catch {
    return null;
  }
}

/** The identity of an open database (the live one, or a backup opened read-only). */
export function readIdentity(db: Db | Database.Database): DatabaseIdentity {
  let id: string | null = null;
  let unit: BackupUnit | null = null;
  try {
    const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(ID_KEY) as { value: string } | undefined;
    id = row ? parseId(row.value) : null;
  } catch {
    /* not an ATTK database, or too old */
  }
  try {
    const home = db.prepare('SELECT name, code FROM units WHERE is_home = 1 LIMIT 1').get() as BackupUnit | undefined;
    unit = home ? { name: home.name, code: home.code } : null;
  } catch {
    /* no units table */
  }
  return { id, unit };
}

const cache = new Map<string, { stamp: string; identity: DatabaseIdentity | null }>();

/**
 * The identity recorded in a backup file, read-only; null if the file cannot be read (a damaged
 * copy kept as evidence). Cached by size and modification time: the list is read often.
 */
export function backupIdentity(path: string, nativeBinding?: string): DatabaseIdentity | null {
  let stamp: string;
  try {
    const s = statSync(path);
    stamp = `${s.size}:${s.mtimeMs}`;
  } catch {
    return null;
  }
  const hit = cache.get(path);
  if (hit && hit.stamp === stamp) return hit.identity;
  let identity: DatabaseIdentity | null;
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    try {
      identity = readIdentity(db);
    } finally {
      db.close();
    }
  } catch {
    identity = null;
  }
  if (cache.size > 2000) cache.clear();
  cache.set(path, { stamp, identity });
  return identity;
}

/**
 * Is this backup a copy of the database whose identity is `own`? By id when the backup has one;
 * a backup made before ids existed belongs if its home unit is the same (or neither has one).
 */
export function belongsTo(backup: DatabaseIdentity | null, own: DatabaseIdentity): boolean {
  if (!backup) return false;
  if (backup.id) return backup.id === own.id;
  if (!backup.unit || !own.unit) return !backup.unit && !own.unit;
  return backup.unit.code === own.unit.code && backup.unit.name === own.unit.name;
}
