import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { AttkError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';

// The database errors a person can meet, each with its own Vietnamese message saying what
// happened to the data and what to do — never "SQLITE_FULL" or a stack.

/** The message for an SQLite error code a person can meet, or null for one that is a bug. */
export function databaseErrorMessage(code: unknown, file?: string): string | null {
  if (typeof code !== 'string') return null;
  const D = vi.safety.db;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return D.full;
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return D.readOnly(file ?? '');
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return D.busy;
  if (code.startsWith('SQLITE_IOERR')) return D.io;
  if (code.startsWith('SQLITE_CORRUPT')) return D.corrupt;
  if (code.startsWith('SQLITE_CANTOPEN')) return D.cantOpen(file ?? '');
  return null;
}

/**
 * Refuse, before opening it for writing, a database this process cannot write: the file marked
 * read-only, a folder without write permission (WAL needs its -wal and -shm beside the file), a
 * write-protected stick. Opening it anyway would fail at the first save — after the user typed.
 */
export function assertWritable(file: string): void {
  if (file === ':memory:') return;
  try {
    if (existsSync(file)) accessSync(file, constants.W_OK);
    accessSync(dirname(file), constants.W_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new AttkError('DATABASE', vi.safety.db.readOnly(file));
    throw new AttkError('DATABASE', vi.safety.db.cantOpen(file));
  }
}
