import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileProblemError, ImportFileError } from '../../../electron/core/import/problems';
import Database from 'better-sqlite3';
import { builtWorkerUrl, readWorkbookSafely, runFileTask } from '../../../electron/core/import/run-reader';
import { staffRows, unzip, workbook, zip } from './corpus';
import { bundleFileWorker } from '../bundled-worker';

// The worker path, tested from a real bundle: worker.ts is built the way electron-vite builds the
// app (an ESM entry, exceljs external) into a temporary folder and run as a worker_threads Worker
// with the heap cap and watchdog. (Under vitest the default is the inline parse: no built file
// sits beside the sources.)

let dir: string;
let workerUrl: URL;
beforeAll(async () => {
  const bundled = await bundleFileWorker();
  dir = bundled.dir;
  workerUrl = bundled.url;
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parsing in a worker thread', () => {
  it('under vitest no built worker is found beside the sources, so the parse runs inline', () => {
    expect(builtWorkerUrl()).toBeNull();
  });

  it('reads a workbook in the worker: same rows as inline, Vietnamese intact', async () => {
    const file = await workbook({ rows: staffRows([['Nguyễn Văn Mường', 'Chuyên viên', 'Văn phòng'], ['Đỗ Thị Ánh']]) });
    const viaWorker = await readWorkbookSafely(file, { workerUrl });
    const inline = await readWorkbookSafely(file, { workerUrl: null });
    expect(viaWorker).toEqual(inline);
    expect(viaWorker.sheets[0]!.rows[1]!.cells[1]).toEqual({ t: 's', v: 'Nguyễn Văn Mường' });
  });

  it('a bad file fails in the worker with the same typed problem', async () => {
    const bad = zip(unzip(await workbook({ rows: staffRows([['A B']]) })), { crc: { 'xl/workbook.xml': 1 } });
    await expect(readWorkbookSafely(bad, { workerUrl })).rejects.toMatchObject({ problem: { code: 'damaged', detail: { part: 'xl/workbook.xml' } } });
  });

  it('the watchdog terminates a worker that takes too long', async () => {
    const big = await workbook({ rows: staffRows(Array.from({ length: 5000 }, (_, i) => [`Nguyễn Văn ${i}`] as [string])) });
    const started = Date.now();
    const error = await readWorkbookSafely(big, { workerUrl, timeoutMs: 20 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as ImportFileError).problem.code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('a worker file that cannot be loaded (e.g. missing from a package) falls back to the inline parse', async () => {
    const file = await workbook({ rows: staffRows([['Nguyễn Văn An']]) });
    const missing = new URL('./no-such-worker.js', workerUrl);
    const result = await readWorkbookSafely(file, { workerUrl: missing });
    expect(result.sheets[0]!.rows).toHaveLength(2);
  });

  it('a worker that exceeds its heap cap is stopped, and reported as such — the process survives', async () => {
    const big = await workbook({ rows: staffRows(Array.from({ length: 20_000 }, (_, i) => [`Nguyễn Văn Một Hai Ba ${i}`, 'Chuyên viên chính', 'Văn phòng HĐND-UBND'] as [string, string, string])) });
    const error = await readWorkbookSafely(big, { workerUrl, heapMb: 8 }).catch((e: unknown) => e);
    expect((error as ImportFileError).problem?.code).toBe('outOfMemory');
    // …and the next file still reads.
    const ok = await readWorkbookSafely(await workbook({ rows: staffRows([['A B']]) }), { workerUrl });
    expect(ok.sheets[0]!.rows).toHaveLength(2);
  });

  it('a worker killed in the middle of a file is reported in Vietnamese, never as a raw error; the next file reads', async () => {
    // A stand-in worker that dies on its first task, as one killed from outside would.
    const dying = join(dir, 'dying-worker.mjs');
    writeFileSync(dying, "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => process.exit(3));\n");
    const file = await workbook({ rows: staffRows([['Nguyễn Văn An']]) });
    const error = await readWorkbookSafely(file, { workerUrl: pathToFileURL(dying) }).catch((e: unknown) => e);
    expect((error as ImportFileError).problem?.code).toBe('workerStopped');
    expect(fileProblemError('danh-sach.xlsx', (error as ImportFileError).problem).message).toMatch(/^Việc đọc tệp "danh-sach.xlsx" bị dừng bất thường/);
    expect((await readWorkbookSafely(file, { workerUrl })).sheets[0]!.rows).toHaveLength(2);
  });

  it('files read at the same time each get their own answer (tasks are matched by id)', async () => {
    const names = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Minh Cường'];
    const files = await Promise.all(names.map((n) => workbook({ rows: staffRows([[n]]) })));
    const results = await Promise.all(files.map((f) => readWorkbookSafely(f, { workerUrl })));
    results.forEach((r, i) => expect(r.sheets[0]!.rows[1]!.cells[1]).toEqual({ t: 's', v: names[i] }));
  });

  it("a backup's copy is checked in the worker (better-sqlite3 loads there): ok, and a damaged copy is not", async () => {
    const file = join(dir, 'copy.sqlite');
    const db = new Database(file);
    db.exec("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('Nguyễn Văn An');");
    db.close();
    expect(await runFileTask({ type: 'checkBackupCopy', path: file }, { workerUrl })).toBe('ok');
    writeFileSync(file, Buffer.alloc(4096, 7));
    const damaged = await runFileTask({ type: 'checkBackupCopy', path: file }, { workerUrl }).then(String, (e: unknown) => String(e));
    expect(damaged).not.toBe('ok');
  });
});

