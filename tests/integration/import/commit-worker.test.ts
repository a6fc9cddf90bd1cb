import Database from 'better-sqlite3';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, dispatch } from '../../../electron/core';
import { generateDemo } from '../../../electron/core/demo/generate';
import { parseCampaignFile, previewCampaignFile } from '../../../electron/core/district/campaign-file';
import { committedImport, planPage } from '../../../electron/core/import/commit-task';
import { stopFileWorkers, useFileWorker } from '../../../electron/core/import/run-reader';
import { vi } from '../../../shared/i18n/vi';
import { viImportCommit } from '../../../shared/i18n/vi-import-commit';
import type { ImportPreview } from '../../../shared/import/schema';
import { HOME_UNIT, makeTestCore, snapshot, type TestCore } from '../harness-core';
import { b64, staffRows, workbook } from './corpus';
import { importCore, stage } from './helpers';
import { bundleFileWorker } from '../bundled-worker';

// Issue 16 §4: while a 10,000-row import commits, the main thread keeps answering. The commit's
// plan and write run in the file worker on its own connection, in one IMMEDIATE transaction; the
// dispatcher holds every other write meanwhile. The worker is bundled from the sources the way
// electron-vite builds out/main/import-worker.js (as worker.test.ts does).
//
// "The worker is inside its transaction" is observed without timing: a probe connection with no
// busy timeout cannot take the write lock. On the old code the main thread itself held that lock
// and answered nothing meanwhile, so the probe never saw it held while app.info answered.

const NAMES = (n: number, tag = '') => Array.from({ length: n }, (_, i) => [`Nguyễn Văn ${tag}${i + 1}`, i % 3 ? 'Chuyên viên' : 'Cán sự', 'Văn phòng'] as [string, string, string]);

let dir: string;
let file10k: Buffer;
beforeAll(async () => {
  dir = (await bundleFileWorker('attk-commit-worker-')).dir;
  useFileWorker(pathToFileURL(join(dir, 'import-worker.js')));
  file10k = await workbook({ name: 'Danh sách', rows: staffRows(NAMES(10_000)) });
}, 120_000);
afterAll(() => {
  useFileWorker(undefined);
  rmSync(dir, { recursive: true, force: true });
});

/** A second connection that never waits: BUSY when another connection holds the write lock. */
function lockProbe(file: string) {
  const probe = new Database(file, { timeout: 0 });
  return {
    locked(): boolean {
      try {
        probe.exec('BEGIN IMMEDIATE');
        probe.exec('ROLLBACK');
        return false;
      } catch (e) {
        if ((e as { code?: string }).code === 'SQLITE_BUSY') return true;
        throw e;
      }
    },
    close: () => probe.close(),
  };
}

const count = (t: TestCore, sql: string) => (t.core.db.prepare(sql).get() as { n: number }).n;
const people = (t: TestCore) => count(t, 'SELECT count(*) AS n FROM people');
const imports = (t: TestCore) => count(t, "SELECT count(*) AS n FROM audit_log WHERE action = 'import'");
const commitInput = (p: ImportPreview) => ({ stageId: p.stageId, mapping: p.mapping });
const tick = () => new Promise((r) => setTimeout(r, 2));

describe('the import commit in the file worker', () => {
  it('10,000 rows: app.info and reads answer while the worker holds its transaction, reads see none of the import, a write made meanwhile lands after it', async () => {
    const t = await importCore();
    const probe = lockProbe(t.file);
    try {
      const p = await stage(t, 'staff', file10k, 'ds-10000.xlsx');
      expect(p.counts).toMatchObject({ rows: 10_000, create: 10_000, error: 0 });
      const before = people(t);
      let done = false;
      const committing = t.raw('import.commit', commitInput(p)).finally(() => (done = true));
      let answeredWhileLocked = 0;
      let write: ReturnType<TestCore['raw']> | undefined;
      while (!done) {
        const info = await t.raw('app.info', {});
        expect(info.ok).toBe(true);
        if (probe.locked()) {
          answeredWhileLocked++;
          // Reads on the main connection: the database as it was, never half an import.
          expect(people(t)).toBe(before);
          expect((await t.call('people.list', { limit: 1 })).total).toBe(before);
          // A clerk's own write meanwhile: held by the dispatcher, never BUSY, never interleaved.
          write ??= t.raw('people.create', { fullName: 'Trần Thị Giữa Chừng' });
        }
        await tick();
      }
      const r = await committing;
      expect(r).toEqual({ ok: true, result: { kind: 'staff', fileName: 'ds-10000.xlsx', sheet: 'Danh sách', created: 10_000, updated: 0, skipped: 0, errors: 0 } });
      expect(answeredWhileLocked).toBeGreaterThan(0);
      expect(write).toBeDefined();
      const written = await write!;
      expect(written.ok).toBe(true);
      const personId = (written as { result: { id: number } }).result.id;

      expect(people(t)).toBe(before + 10_000 + 1);
      expect(count(t, "SELECT count(*) AS n FROM people WHERE full_name LIKE 'Nguyễn Văn %'")).toBe(10_000);
      expect(count(t, "SELECT max(id) AS n FROM people WHERE full_name LIKE 'Nguyễn Văn %'")).toBeLessThan(personId);
      // Exactly one import audit row, by the caller, at the call's time; the clerk's write after it.
      const audit = t.core.db.prepare("SELECT id, actor, at, data FROM audit_log WHERE action = 'import'").all() as { id: number; actor: string; at: string; data: string }[];
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actor: 'tester', at: new Date('2024-01-20T09:00:00').toISOString() });
      const createdAudit = count(t, "SELECT max(id) AS n FROM audit_log WHERE entity = 'person'");
      expect(createdAudit).toBeGreaterThan(audit[0]!.id);
      // The rows carry the call's time and the same search text the form would store.
      expect(t.core.db.prepare("SELECT created_at AS c, search_text AS s FROM people WHERE full_name = 'Nguyễn Văn 8'").get()).toEqual({
        c: new Date('2024-01-20T09:00:00').toISOString(), s: expect.stringContaining('nguyen van 8'),
      });
      // The result can be read back from the audit row by its batch (what a stopped worker's caller does).
      const batchId = (JSON.parse(audit[0]!.data) as { batchId: string }).batchId;
      expect(committedImport(t.core.db, batchId)).toEqual((r as { result: unknown }).result);
      expect(committedImport(t.core.db, 'no-such-batch')).toBeNull();
      expect(t.core.db.pragma('integrity_check', { simple: true })).toBe('ok');
      // Used once.
      expect(await t.raw('import.commit', commitInput(p))).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: vi.import.errors.stageExpired, path: ['stageId'] } });
    } finally {
      probe.close();
      t.close();
    }
  }, 180_000);

  it('a row the database refuses (a constraint, in the worker) writes nothing, says so in Vietnamese, and the same stage can be committed after', async () => {
    const t = await importCore();
    try {
      const file = await workbook({ rows: staffRows(NAMES(2_000, 'R')) });
      const p = await stage(t, 'staff', file, 'ds.xlsx');
      t.core.db.exec("CREATE TRIGGER refuse_last BEFORE INSERT ON people WHEN NEW.full_name = 'Nguyễn Văn R2000' BEGIN SELECT RAISE(ABORT, 'refused'); END");
      const before = snapshot(t.core);
      expect(await t.raw('import.commit', commitInput(p))).toEqual({ ok: false, error: { code: 'CONFLICT', message: vi.errors.conflict } });
      expect(snapshot(t.core)).toEqual(before);
      t.core.db.exec('DROP TRIGGER refuse_last');
      expect(await t.call('import.commit', commitInput(p))).toMatchObject({ created: 2_000 });
      expect(imports(t)).toBe(1);
    } finally {
      t.close();
    }
  }, 60_000);

  it('a worker stopped inside its transaction writes nothing; the clerk reads why, and the same stage imports on the next try', async () => {
    const t = await importCore();
    const probe = lockProbe(t.file);
    try {
      const p = await stage(t, 'staff', file10k, 'ds-10000.xlsx');
      const before = snapshot(t.core);
      let done = false;
      const committing = t.raw('import.commit', commitInput(p)).finally(() => (done = true));
      while (!done && !probe.locked()) await tick();
      expect(done).toBe(false);
      await stopFileWorkers();
      expect(await committing).toEqual({ ok: false, error: { code: 'DATABASE', message: viImportCommit.stopped('ds-10000.xlsx') } });
      expect(snapshot(t.core)).toEqual(before);
      expect(probe.locked()).toBe(false);
      expect(await t.call('import.commit', commitInput(p))).toMatchObject({ created: 10_000 });
      expect(imports(t)).toBe(1);
    } finally {
      probe.close();
      t.close();
    }
  }, 180_000);

  it('two commits of one stage at once: one imports, the other is refused — one audit row', async () => {
    const t = await importCore();
    try {
      const p = await stage(t, 'staff', await workbook({ rows: staffRows(NAMES(300, 'D')) }), 'ds.xlsx');
      const [a, b] = await Promise.all([t.raw('import.commit', commitInput(p)), t.raw('import.commit', commitInput(p))]);
      expect([a.ok, b.ok].sort()).toEqual([false, true]);
      expect((a.ok ? b : a) as unknown).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: vi.import.errors.stageExpired, path: ['stageId'] } });
      expect(count(t, "SELECT count(*) AS n FROM people WHERE full_name LIKE 'Nguyễn Văn D%'")).toBe(300);
      expect(imports(t)).toBe(1);
    } finally {
      t.close();
    }
  }, 60_000);

  it('the preview planned in the worker is the page planned on the main connection', async () => {
    const t = await importCore();
    try {
      await t.call('people.create', { fullName: 'Nguyễn Văn P3', department: 'Văn phòng' });
      const rows = [...staffRows(NAMES(5, 'P')), [6, '1234', 'Chuyên viên', 'Văn phòng']];
      const p = await stage(t, 'staff', await workbook({ rows }), 'ds.xlsx');
      const viaWorker = await t.call('import.preview', { stageId: p.stageId, filter: 'problems', limit: 50 });
      expect(viaWorker.counts).toMatchObject({ rows: 6, create: 4, skip: 1, error: 1 });
      const { readWorkbookSafely } = await import('../../../electron/core/import/run-reader');
      const sheet = (await readWorkbookSafely(await workbook({ rows }), { workerUrl: null })).sheets[0]!;
      const inline = planPage(t.core.db, sheet, { kind: 'staff', headerRow: p.headerRow!, mapping: p.mapping, duplicates: 'skip', today: '2024-01-20' }, { filter: 'problems', offset: 0, limit: 50 });
      expect({ counts: viaWorker.counts, notes: viaWorker.notes, total: viaWorker.total, rows: viaWorker.rows }).toEqual({ counts: inline.counts, notes: inline.notes, total: inline.total, rows: inline.rows });
    } finally {
      t.close();
    }
  }, 60_000);

  it('a header the clerk picks below the first 300 rows (only the head is decoded on the main thread) still maps and plans', async () => {
    const t = await importCore();
    try {
      const rows = [...staffRows(NAMES(320, 'A')), [], ['STT', 'Họ và tên', 'Chức vụ', 'Bộ phận'], [1, 'Lê Thị Dưới', 'Kế toán', 'Tài chính'], [2, 'Phạm Văn Cuối', '', 'Tài chính']];
      const p = await stage(t, 'staff', await workbook({ rows }), 'ds.xlsx');
      expect(p.headerRow).toBe(1);
      expect(p.sheets[0]!.rows).toBe(324);
      const below = await t.call('import.preview', { stageId: p.stageId, headerRow: 323 });
      expect(below.mapping).toEqual(p.mapping);
      expect(below.columns.map((c) => c.label)).toEqual(['STT', 'Họ và tên', 'Chức vụ', 'Bộ phận']);
      expect(below.counts).toMatchObject({ rows: 2, create: 2 });
      expect(below.rows.map((r) => r.values.fullName)).toEqual(['Lê Thị Dưới', 'Phạm Văn Cuối']);
      expect(await t.call('import.commit', { stageId: p.stageId, headerRow: 323, mapping: below.mapping })).toMatchObject({ created: 2 });
      expect(count(t, "SELECT count(*) AS n FROM people WHERE department = 'Tài chính'")).toBe(2);
    } finally {
      t.close();
    }
  }, 60_000);

  it('a campaign file is parsed and verified in the worker: the same preview as inline; a tampered one refused in the same words', async () => {
    const t = makeTestCore('2024-01-20');
    try {
      generateDemo(t.core.db, 'unit', { today: '2024-01-20' });
      const campaignId = (await t.call('campaigns.list', {})).find((c) => c.status === 'in_progress')!.id;
      const exported = await t.call('campaignFile.export', { campaignId });
      const file = { fileName: exported.fileName, dataBase64: exported.dataBase64 };
      const viaWorker = await t.call('campaignFile.preview', file);
      expect(viaWorker).toEqual(previewCampaignFile(t.core.db, parseCampaignFile(file.fileName, file.dataBase64)));
      expect(viaWorker.reference).toBe(exported.reference);
      const envelope = JSON.parse(Buffer.from(exported.dataBase64, 'base64').toString('utf8')) as { payload: string };
      envelope.payload = envelope.payload.replace(exported.reference, `${exported.reference}X`);
      const tampered = { fileName: file.fileName, dataBase64: Buffer.from(JSON.stringify(envelope)).toString('base64') };
      const inlineError = (() => {
        try {
          parseCampaignFile(tampered.fileName, tampered.dataBase64);
        } catch (e) {
          return (e as Error).message;
        }
        return null;
      })();
      expect(inlineError).toBe(vi.district.campaignFile.badSignature(tampered.fileName));
      expect(await t.raw('campaignFile.preview', tampered)).toEqual({ ok: false, error: { code: 'VALIDATION', message: inlineError, path: ['dataBase64'] } });
    } finally {
      t.close();
    }
  }, 60_000);

  it('a restore verifies the backup and copies the current data off the main thread: restored, or a damaged copy refused with nothing changed', async () => {
    const t = await importCore();
    try {
      await t.call('people.create', { fullName: 'Nguyễn Văn Trước' });
      const good = await t.call('backup.create', {});
      await t.call('people.create', { fullName: 'Nguyễn Văn Sau' });
      const bad = await t.call('backup.create', {});
      const bytes = readFileSync(bad.path);
      bytes.fill(0x41, 4096 * 3, 4096 * 3 + 64);
      writeFileSync(bad.path, bytes);
      const before = snapshot(t.core);
      expect(await t.raw('backup.restore', { name: bad.entry.name })).toMatchObject({ ok: false, error: { code: 'DATABASE', message: expect.stringContaining('Bản sao lưu không dùng được') } });
      expect(snapshot(t.core)).toEqual(before);
      const restored = await t.call('backup.restore', { name: good.entry.name });
      expect(restored.restored.name).toBe(good.entry.name);
      expect((await t.call('people.list', { limit: 10 })).rows.map((p) => p.fullName)).toEqual(['Nguyễn Văn Trước']);
      expect(restored.preRestore).toMatch(/-restore\.sqlite$/);
    } finally {
      t.close();
    }
  }, 60_000);

  it('an in-memory database (no second connection can open it) commits on the main connection, all or nothing as before', async () => {
    const core = createCore({ file: ':memory:', shell: 'cli', appVersion: 'test', actor: 'tester', now: () => new Date('2024-01-20T09:00:00') });
    try {
      expect((await dispatch(core, 'unit.save', HOME_UNIT)).ok).toBe(true);
      const p = (await dispatch(core, 'import.stage', { kind: 'staff', fileName: 'ds.xlsx', dataBase64: b64(await workbook({ rows: staffRows(NAMES(50, 'M')) })) })) as { ok: true; result: ImportPreview };
      expect(p.result.counts).toMatchObject({ create: 50 });
      expect(await dispatch(core, 'import.commit', commitInput(p.result))).toMatchObject({ ok: true, result: { created: 50 } });
      expect((core.db.prepare("SELECT count(*) AS n FROM people WHERE full_name LIKE 'Nguyễn Văn M%'").get() as { n: number }).n).toBe(50);
    } finally {
      core.db.close();
    }
  }, 60_000);
});
