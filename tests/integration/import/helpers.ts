import type { ImportKind, ImportMapping, ImportPreview } from '../../../shared/import/schema';
import type { ApiError } from '../../../shared/errors';
import { HOME_UNIT, makeTestCore, snapshot, type TestCore } from '../harness-core';
import { b64 } from './corpus';

/** A test core with the home unit set up (today = 2024-01-20). */
export async function importCore(today?: string): Promise<TestCore> {
  const t = makeTestCore(today);
  await t.call('unit.save', HOME_UNIT);
  return t;
}

export function stage(t: TestCore, kind: ImportKind, file: Buffer, fileName = 'danh-sach.xlsx', sheet?: string): Promise<ImportPreview> {
  return t.call('import.stage', { kind, fileName, dataBase64: b64(file), ...(sheet ? { sheet } : {}) });
}

/** Stage a file that must be refused: returns the typed error, and checks nothing was written. */
export async function refused(t: TestCore, kind: ImportKind, file: Buffer, fileName = 'danh-sach.xlsx'): Promise<ApiError> {
  const before = snapshot(t.core);
  const r = await t.raw('import.stage', { kind, fileName, dataBase64: b64(file) });
  if (r.ok) throw new Error(`expected ${fileName} to be refused`);
  if (JSON.stringify(snapshot(t.core)) !== JSON.stringify(before)) throw new Error('a refused import changed the database');
  return r.error;
}

export async function allRows(t: TestCore, p: ImportPreview, options: { mapping?: ImportMapping; duplicates?: 'skip' | 'update' | 'create'; systemId?: number } = {}) {
  const page = await t.call('import.preview', { stageId: p.stageId, limit: 1000, ...options });
  return page;
}

export async function commit(t: TestCore, p: ImportPreview, options: { mapping?: ImportMapping; duplicates?: 'skip' | 'update' | 'create'; systemId?: number } = {}) {
  return t.call('import.commit', { stageId: p.stageId, mapping: options.mapping ?? p.mapping, ...(options.duplicates ? { duplicates: options.duplicates } : {}), ...(options.systemId ? { systemId: options.systemId } : {}) });
}

export async function peopleNames(t: TestCore): Promise<string[]> {
  return (await t.call('people.list', { limit: 1000, sort: 'recent' })).rows.map((p) => p.fullName).reverse();
}
