import { z } from 'zod';
import { vi } from '../i18n/vi';

// Backups of the database: automatic daily, before every import, migration and restore, and on
// demand. They live in a `backups` folder beside the database file.

export const BACKUP_KINDS = ['daily', 'manual', 'import', 'migration', 'restore', 'damaged'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/**
 * attk-YYYYMMDD-HHMMSS-<kind>[-N].sqlite — local time of the copy; N only when two copies share a
 * second. Restore takes a name from the list, never a path: nothing outside the folder is reachable.
 */
export const BACKUP_NAME = /^attk-(\d{8})-(\d{6})-(daily|manual|import|migration|restore|damaged)(?:-(\d{1,4}))?\.sqlite$/;

export const BackupRestoreInput = z.strictObject({
  name: z.string({ error: vi.errors.badType }).max(80, { error: vi.errors.invalidInput }).regex(BACKUP_NAME, { error: vi.errors.invalidInput }),
  /**
   * Restoring a copy of another database (another unit's, or one this database cannot claim) is
   * refused unless the user confirmed the unit named on screen: its code, as the list showed it.
   */
  confirmUnitCode: z.string({ error: vi.errors.badType }).max(200, { error: vi.errors.invalidInput }).optional(),
});
export type BackupRestoreInput = z.input<typeof BackupRestoreInput>;

/** The home unit recorded in a backup (it is a copy of the database). */
export interface BackupUnit {
  name: string;
  code: string;
}

export interface BackupEntry {
  name: string;
  kind: BackupKind;
  /** Local time the copy was made, ISO without zone ('2024-01-20T09:00:00'). */
  createdAt: string;
  size: number;
  /** A kept damaged file is evidence, not a restore point. */
  restorable: boolean;
  /** The unit whose data the copy holds (null: none set up yet, or unreadable). Filled by the list. */
  unit?: BackupUnit | null;
}

export interface BackupList {
  dir: string;
  /** This database's copies, newest first. */
  entries: BackupEntry[];
  /** Copies of other databases in the same folder (another unit's file beside this one), newest first. */
  others: BackupEntry[];
  /** This database's home unit, as the list compares it. */
  unit: BackupUnit | null;
}

export interface BackupCreated {
  entry: BackupEntry;
  path: string;
  /** Older automatic copies removed by rotation. */
  removed: string[];
}

export interface RestoreResult {
  restored: BackupEntry;
  /** The replaced database, kept in the backups folder. */
  preRestore: string | null;
  schemaVersion: number;
}
