import { parentPort, workerData } from 'node:worker_threads';
import { ImportFileError } from './problems';
import { readWorkbook, type ReadLimits } from './read-workbook';

// Worker-thread entry: parse one untrusted workbook with the heap cap and watchdog the parent set
// (see run-reader.ts), and post back plain data only — an error crosses as { code, detail }.
// Built as its own entry (out/main/import-worker.js) by electron-vite; under vitest the parent
// runs the same readWorkbook() inline instead.

export interface WorkerInput {
  bytes: Uint8Array;
  limits: ReadLimits;
}

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; workbook: Awaited<ReturnType<typeof readWorkbook>> }
  | { type: 'error'; problem: ImportFileError['problem'] | null; message: string };

const port = parentPort;
if (port) {
  const { bytes, limits } = workerData as WorkerInput;
  const post = (message: WorkerMessage) => port.postMessage(message);
  readWorkbook(bytes, limits, (done, total) => post({ type: 'progress', done, total }))
    .then((workbook) => post({ type: 'done', workbook }))
    .catch((error: unknown) =>
      post({ type: 'error', problem: error instanceof ImportFileError ? error.problem : null, message: error instanceof Error ? error.message : String(error) }),
    );
}
