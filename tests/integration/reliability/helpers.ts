import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { InputOf, MethodName, ResultOf } from '../../../shared/api/contract';
import { createCore, dispatch, type AppCore, type CoreOptions } from '../../../electron/core';
import { generateDemo } from '../../../electron/core/demo/generate';

export const TODAY = '2024-01-20';

export interface Fixture {
  dir: string;
  file: string;
  cleanup: () => void;
}

export function tempFixture(prefix = 'attk-rel-'): Fixture {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, file: join(dir, 'attk.sqlite'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function openCore(file: string, options: Partial<CoreOptions> = {}): AppCore {
  return createCore({ file, shell: 'cli', appVersion: 'test', actor: 'tester', now: () => new Date(`${TODAY}T09:00:00`), ...options });
}

export async function call<M extends MethodName>(core: AppCore, method: M, input: InputOf<M>): Promise<ResultOf<M>> {
  const envelope = await dispatch(core, method, input);
  if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.result as ResultOf<M>;
}

/** A database with the deterministic "unit" demo (≈ 60 people, their accounts), closed cleanly. */
export function seededDatabase(file: string): void {
  const core = openCore(file);
  generateDemo(core.db, 'unit', { today: TODAY });
  core.db.close();
}

/** Every table's rows, hashed: two databases with equal digests hold the same data. */
export function digest(file: string): Record<string, string> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
    const out: Record<string, string> = {};
    for (const { name } of tables) {
      // Sorted in JS: WITHOUT ROWID tables have no rowid, and a copy may store pages in another order.
      const rows = (db.prepare(`SELECT * FROM "${name}"`).raw().all() as unknown[][]).map((r) => JSON.stringify(r)).sort();
      out[name] = `${rows.length}:${createHash('sha256').update(rows.join('\n')).digest('hex').slice(0, 16)}`;
    }
    return out;
  } finally {
    db.close();
  }
}

export function integrity(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}
