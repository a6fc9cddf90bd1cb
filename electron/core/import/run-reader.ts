import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ImportFileError } from './problems';
import { DEFAULT_READ_LIMITS, readWorkbook, type ProgressFn, type RawWorkbook, type ReadLimits } from './read-workbook';
import type { WorkerMessage } from './worker';

// Where an untrusted workbook is parsed. In the built app and CLI: a worker_threads Worker with
// `resourceLimits` (a file that makes the parser allocate without bound kills the worker, not the
// app) and a watchdog that terminates it if the parse hangs (exceljs can loop on mutated input).
// Electron's packaged app disables RunAsNode, so child_process.fork is not an option; worker_threads
// run inside the main process and need nothing from the binary.
//
// Under vitest the TypeScript sources have no built worker file beside them; the parse then runs
// inline, still behind the pre-scan and the watchdog (which can only abandon, not kill, inline work).

export interface ReaderOptions {
  limits?: ReadLimits;
  /** Watchdog: give up after this long. */
  timeoutMs?: number;
  /** V8 old-generation cap for the worker. */
  heapMb?: number;
  /** The worker entry to run; `null` forces the inline parse; default: the built import-worker.js, if present. */
  workerUrl?: URL | null;
  onProgress?: ProgressFn;
}

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_HEAP_MB = 512;
const WORKER_FILE = 'import-worker.js';

/**
 * The built worker: electron-vite emits it beside the entries (out/main/import-worker.js), and the
 * code that calls it sits either in an entry (out/main/) or in a shared chunk (out/main/chunks/).
 * The file name is in a variable so the bundler leaves this `new URL` alone.
 */
export function builtWorkerUrl(): URL | null {
  for (const relative of [`./${WORKER_FILE}`, `../${WORKER_FILE}`]) {
    try {
      const url = new URL(relative, import.meta.url);
      if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
    } catch {
      // not a file URL (e.g. a test transform): fall through to inline
    }
  }
  return null;
}

export function readWorkbookSafely(bytes: Uint8Array, options: ReaderOptions = {}): Promise<RawWorkbook> {
  const limits = options.limits ?? DEFAULT_READ_LIMITS;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const url = options.workerUrl === undefined ? builtWorkerUrl() : options.workerUrl;
  if (!url) return inline(bytes, limits, timeoutMs, options.onProgress);
  return inWorker(url, bytes, limits, timeoutMs, options.heapMb ?? DEFAULT_HEAP_MB, options.onProgress).catch((error: unknown) => {
    // The worker could not even start (its file missing from a package, a loader problem): parse
    // inline rather than refuse every import. Never after the worker began reading — a file that
    // crashes the worker must not get a second chance on the main thread.
    if (error instanceof WorkerStartError) return inline(bytes, limits, timeoutMs, options.onProgress);
    throw error;
  });
}

class WorkerStartError extends Error {}
const START_FAILURES = new Set(['MODULE_NOT_FOUND', 'ERR_MODULE_NOT_FOUND', 'ERR_WORKER_PATH', 'ERR_WORKER_INIT_FAILED', 'ERR_WORKER_UNSUPPORTED_OPERATION', 'ERR_UNKNOWN_FILE_EXTENSION', 'ENOENT']);

function inWorker(url: URL, bytes: Uint8Array, limits: ReadLimits, timeoutMs: number, heapMb: number, onProgress?: ProgressFn): Promise<RawWorkbook> {
  return new Promise((resolve, reject) => {
    // A private copy is transferred (not cloned) to the worker: the caller's buffer stays usable.
    const copy = new Uint8Array(bytes);
    const worker = new Worker(url, {
      workerData: { bytes: copy, limits },
      transferList: [copy.buffer],
      resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 64, stackSizeMb: 4 },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(watchdog);
      fn();
      void worker.terminate();
    };
    const watchdog = setTimeout(() => finish(() => reject(new ImportFileError('timeout'))), timeoutMs);
    let heard = false;
    worker.on('message', (message: WorkerMessage) => {
      heard = true;
      if (message.type === 'progress') onProgress?.(message.done, message.total);
      else if (message.type === 'done') finish(() => resolve(message.workbook));
      else finish(() => reject(message.problem ? new ImportFileError(message.problem.code, message.problem.detail) : new Error(message.message)));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const cause = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new ImportFileError('outOfMemory') : !heard && START_FAILURES.has(error.code ?? '') ? new WorkerStartError(error.message) : error;
      finish(() => reject(cause));
    });
    worker.on('exit', (code) => finish(() => reject(code === 0 ? new Error('import worker exited without a result') : new ImportFileError('outOfMemory'))));
  });
}

function inline(bytes: Uint8Array, limits: ReadLimits, timeoutMs: number, onProgress?: ProgressFn): Promise<RawWorkbook> {
  let timer: NodeJS.Timeout | undefined;
  const watchdog = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ImportFileError('timeout')), timeoutMs);
  });
  return Promise.race([readWorkbook(bytes, limits, onProgress), watchdog]).finally(() => clearTimeout(timer));
}
