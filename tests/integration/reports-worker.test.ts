import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ExportResult } from '../../shared/reports/schema';
import { generateDemo } from '../../electron/core/demo/generate';
import { runFileTask, useFileWorker } from '../../electron/core/import/run-reader';
import { loadOrCreateUnitKey } from '../../electron/core/reports/keys';
import { AttkError } from '../../shared/errors';
import { writeReportFile } from '../../electron/core/reports/write-task';
import { verifyReportFile } from '../../electron/core/reports/verify';
import { makeTestCore, type TestCore } from './harness-core';
import { bundleFileWorker } from './bundled-worker';

// Issue 16 §4: a report export reads the database and writes its workbook in the file worker, so
// the main thread only publishes and records it. The worker is bundled from the sources the way
// electron-vite builds out/main/import-worker.js (as tests/integration/import/worker.test.ts does);
// the same export run inline (no built worker, as under vitest by default) must give the same
// figures and a file that verifies just the same.

// Counts the inline calls in this thread; the worker bundle has its own copy of the module.
vi.mock('../../electron/core/reports/write-task', async (original) => {
  const actual = await original<typeof import('../../electron/core/reports/write-task')>();
  return { ...actual, writeReportFile: vi.fn(actual.writeReportFile) };
});

let dir: string;
let t: TestCore;
let campaignId: number;

async function exportReport(kind: 'report' | 'cancellations', showLogins = false): Promise<ExportResult> {
  const { jobId } = await t.call('reports.export', { campaignId, kind, showLogins });
  for (;;) {
    const s = await t.call('jobs.status', { id: jobId });
    if (s.state === 'done') return s.result as ExportResult;
    if (s.state === 'failed') throw new Error(s.error?.message);
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  dir = (await bundleFileWorker('attk-report-worker-')).dir;
  t = makeTestCore('2024-01-20');
  generateDemo(t.core.db, 'unit', { today: '2024-01-20' });
  campaignId = (await t.call('campaigns.list', {})).find((c) => c.status === 'in_progress')!.id;
}, 120_000);

afterAll(() => {
  useFileWorker(undefined);
  t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the report export in the file worker', () => {
  it.each([
    ['report', false],
    ['report', true],
    ['cancellations', false],
  ] as const)('%s (full logins: %s): the worker writes a file that verifies, with the same figures and rows as the inline export', async (kind, showLogins) => {
    const inlineCalls = vi.mocked(writeReportFile);
    inlineCalls.mockClear();

    useFileWorker(pathToFileURL(join(dir, 'import-worker.js')));
    const viaWorker = await exportReport(kind, showLogins);
    // Written in the worker: this thread's writer was never called.
    expect(inlineCalls).not.toHaveBeenCalled();

    useFileWorker(null);
    const inline = await exportReport(kind, showLogins);
    expect(inlineCalls).toHaveBeenCalledTimes(1);

    expect(viaWorker.filePath).not.toBe(inline.filePath);
    expect(viaWorker.rows).toBeGreaterThan(0);
    expect(viaWorker.figures).toEqual(inline.figures);
    expect(viaWorker.rows).toBe(inline.rows);
    expect(viaWorker.fingerprint).toBe(inline.fingerprint);
    expect(createHash('sha256').update(readFileSync(viaWorker.filePath)).digest('hex')).toBe(viaWorker.sha256);

    const [a, b] = [await verifyReportFile(viaWorker.filePath), await verifyReportFile(inline.filePath)];
    expect(a.ok).toBe(true);
    expect(b.ok).toBe(true);
    expect(a.payload?.figures).toEqual(b.payload?.figures);
    expect(a.payload?.fingerprint).toBe(viaWorker.fingerprint);
    // The history records the same figures for both.
    const history = await t.call('reports.history', { campaignId });
    expect(history.find((h) => h.id === viaWorker.exportId)?.figures).toEqual(history.find((h) => h.id === inline.exportId)?.figures);
  }, 60_000);

  it('an error inside the worker comes back as the same typed error, with nothing left behind', async () => {
    const url = pathToFileURL(join(dir, 'import-worker.js'));
    const key = loadOrCreateUnitKey(t.core.db, t.file);
    const task = {
      type: 'writeReport', dbFile: t.file, campaignId: 999_999, today: '2024-01-20', kind: 'report', showLogins: false,
      key, generatedAt: '2024-01-20T02:00:00.000Z', tmpPath: join(dir, 'never.xlsx'),
    } as const;
    const [viaWorker, inline] = await Promise.all([runFileTask(task, { workerUrl: url }).catch((e: unknown) => e), runFileTask(task, { workerUrl: null }).catch((e: unknown) => e)]);
    expect(viaWorker).toBeInstanceOf(AttkError);
    expect(viaWorker).toMatchObject({ code: (inline as AttkError).code, message: (inline as AttkError).message, path: ['campaignId'] });
    expect(existsSync(task.tmpPath)).toBe(false);
    const missing = await runFileTask({ ...task, dbFile: join(dir, 'missing.sqlite') }, { workerUrl: url }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 'DATABASE' });
  }, 60_000);
});
