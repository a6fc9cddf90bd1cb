import { parentPort } from 'node:worker_threads';
import { AttkError } from '../../../shared/errors';
import { ImportFileError } from './problems';
import { runTask, transferablesOf, type WorkerMessage, type WorkerRequest } from './worker-tasks';

// Worker-thread entry: reads untrusted files one task at a time with the heap cap and watchdog the
// parent set (see run-reader.ts), and posts back plain data only — an error crosses as
// { code, detail }. Built as its own entry (out/main/import-worker.js) by electron-vite; under
// vitest the parent runs the same tasks inline instead.

const port = parentPort;
if (port) {
  const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  port.on('message', ({ id, task }: WorkerRequest) => {
    runTask(task, (done, total) => post({ id, type: 'progress', done, total }))
      // A staged workbook's JSON sheets are moved to the main thread, not cloned.
      .then((result) => post({ id, type: 'done', result }, transferablesOf(result)))
      .catch((error: unknown) =>
        post({
          id, type: 'error', problem: error instanceof ImportFileError ? error.problem : null, message: error instanceof Error ? error.message : String(error),
          attk: error instanceof AttkError ? { code: error.code, path: error.path } : undefined,
          code: typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : undefined,
        }),
      );
  });
}
