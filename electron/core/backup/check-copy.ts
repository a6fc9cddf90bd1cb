import Database from 'better-sqlite3';

/**
 * Make a backup's temporary copy one self-contained file (no -wal beside it, whatever the source
 * used) and check it: 'ok' or what quick_check found. On a district database this reads ~25 MB
 * (0.2–0.5 s), so the app's backups run it in the file worker (run-reader.ts), off the main thread.
 */
export function checkBackupCopy(path: string, nativeBinding?: string): string {
  const check = new Database(path, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    check.pragma('journal_mode = DELETE');
    return String(check.pragma('quick_check', { simple: true }));
  } finally {
    check.close();
  }
}
