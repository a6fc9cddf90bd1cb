import { appendFileSync, statSync, renameSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

// Technical details of unexpected errors (stacks) go to a log file beside the database, never to
// the person: they see a Vietnamese message that names this file, and can send it to whoever helps.

export function errorLogPath(dbFile: string): string {
  return join(dirname(resolve(dbFile)), 'attk-errors.log');
}

const MAX_LOG_BYTES = 2 * 1024 * 1024;

/** Append one entry (time, what, stack). Never throws: logging must not turn one error into two. */
export function appendErrorLog(dbFile: string, message: string, error: unknown): string | null {
  const path = errorLogPath(dbFile);
  try {
    try {
      // One previous generation is kept: the file never grows without bound.
      if (statSync(path).size > MAX_LOG_BYTES) renameSync(path, `${path}.1`);
    } catch {
      /* no log yet */
    }
    const detail = error instanceof Error ? `${error.stack ?? error.message}${(error as { code?: unknown }).code ? ` [${String((error as { code?: unknown }).code)}]` : ''}` : String(error);
    appendFileSync(path, `${new Date().toISOString()} ${message}\n${detail}\n\n`, 'utf8');
    return path;
  } catch {
    return null;
  }
}
