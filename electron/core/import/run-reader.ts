import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AttkError } from '../../../shared/errors';
import type { VerifyResult } from '../../../shared/reports/schema';
import { ImportFileError } from './problems';
import { DEFAULT_READ_LIMITS, type ProgressFn, type RawWorkbook, type ReadLimits } from './read-workbook';
import { runTask, type FileTask, type TaskResult, type WorkerMessage, type WorkerRequest } from './worker-tasks';

// Where untrusted files are read: every .xlsx the app receives (staff/account import in the wizard
// and `attk import`, the office's register list, unit files received at the office, the workbook a
// signed PDF carries) is pre-scanned, repacked and parsed here, never on the thread that answers
// the UI (issue 16: one 19 MB file held the main thread for 30 s).
//
// In the built app and CLI: a worker_threads Worker with `resourceLimits` (a file that makes the
// parser allocate without bound kills the worker, not the app) and a watchdog that terminates it if
// a task hangs (exceljs can loop on mutated input). Electron's packaged app disables RunAsNode, so
// child_process.fork is not an option; worker_threads run inside the main process and need nothing
// from the binary. A worker is kept for a few seconds after its task (100 files received in one
// job reuse it instead of loading exceljs 100 times) and never keeps the process alive.
//
// Under vitest the TypeScript sources have no built worker file beside them; tasks then run inline,
// still behind the pre-scan and the watchdog (which can only abandon, not kill, inline work) —
// unless a test bundles the worker and passes its URL (`workerUrl`, or `useFileWorker`).

export interface ReaderOptions {
  limits?: ReadLimits;
  /** Watchdog: give up after this long. */
  timeoutMs?: number;
  /** V8 old-generation cap for the worker. */
  heapMb?: number;
  /** The worker entry to run; `null` forces the inline parse; default: the built import-worker.js, if present. */
  workerUrl?: URL | null;
  onProgress?: ProgressFn;
  /**
   * The caller gives its buffer up: it is moved to the worker, not copied (a 19 MB copy is ~50 ms
   * of the main thread). Only a buffer that owns its memory is moved; a small one from Node's shared
   * pool is always copied.
   */
  transfer?: boolean;
  /**
   * A stopped worker (watchdog, crash, out of memory) is rejected only once its thread has ended —
   * for a task that writes the database: after the rejection nothing of it may still be running,
   * so the caller can look at what it left (the import's commit checks for its audit row).
   */
  settleAfterExit?: boolean;
}

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_HEAP_MB = 512;
/** An idle worker is ended after this long. */
const IDLE_MS = 5_000;
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

let configuredUrl: URL | null | undefined;
/** Tests that bundle the worker point every reader at it (undefined: back to the default). */
export function useFileWorker(url: URL | null | undefined): void {
  configuredUrl = url;
  for (const worker of idle.splice(0)) void worker.worker.terminate();
}

/** The worker a task would run in (null: inline on this thread). */
export function fileWorkerUrl(options: Pick<ReaderOptions, 'workerUrl'> = {}): URL | null {
  return workerUrlFor(options);
}

function workerUrlFor(options: ReaderOptions): URL | null {
  if (options.workerUrl !== undefined) return options.workerUrl;
  if (configuredUrl !== undefined) return configuredUrl;
  return builtWorkerUrl();
}

/** Read an untrusted workbook: pre-scan, structure, streaming parse — off the main thread. */
export function readWorkbookSafely(bytes: Uint8Array, options: ReaderOptions = {}): Promise<RawWorkbook> {
  return runFileTask({ type: 'readWorkbook', bytes, limits: options.limits ?? DEFAULT_READ_LIMITS }, options) as Promise<RawWorkbook>;
}

/**
 * Verify an ATTK report workbook (the bytes of an .xlsx): the zip pre-scan, then the signed payload,
 * every visible cell's hash and the signature — off the main thread. A file the pre-scan refuses
 * rejects with its ImportFileError.
 */
export function verifyReportSafely(bytes: Uint8Array, options: Omit<ReaderOptions, 'limits' | 'onProgress'> = {}): Promise<VerifyResult> {
  return runFileTask({ type: 'verifyReport', bytes }, options) as Promise<VerifyResult>;
}

export function runFileTask(task: FileTask, options: ReaderOptions = {}): Promise<TaskResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const url = workerUrlFor(options);
  if (!url) return inline(task, timeoutMs, options.onProgress);
  return inWorker(url, task, timeoutMs, options.heapMb ?? DEFAULT_HEAP_MB, options.onProgress, options.transfer === true, options.settleAfterExit === true).catch((error: unknown) => {
    // The worker could not even start (its file missing from a package, a loader problem): run
    // inline rather than refuse every file. Never after the worker began the task — a file that
    // crashes the worker must not get a second chance on the main thread.
    if (error instanceof WorkerStartError) return inline(task, timeoutMs, options.onProgress);
    throw error;
  });
}

class WorkerStartError extends Error {}
const START_FAILURES = new Set(['MODULE_NOT_FOUND', 'ERR_MODULE_NOT_FOUND', 'ERR_WORKER_PATH', 'ERR_WORKER_INIT_FAILED', 'ERR_WORKER_UNSUPPORTED_OPERATION', 'ERR_UNKNOWN_FILE_EXTENSION', 'ENOENT']);

interface PooledWorker {
  worker: Worker;
  key: string;
  /** Has it ever answered? (A worker that never did and fails is a start failure.) */
  heard: boolean;
  idleTimer?: NodeJS.Timeout;
}

const idle: PooledWorker[] = [];
/** Workers running a task now. */
const busy = new Set<Worker>();
let nextId = 1;

/**
 * Stop every worker that is running a task (the app quitting; tests that stop an import's commit
 * mid-transaction). Each task fails as a stopped worker; a commit's transaction is rolled back with
 * its connection. Resolves when the threads have ended.
 */
export async function stopFileWorkers(): Promise<void> {
  await Promise.all([...busy].map((worker) => worker.terminate()));
}

function takeWorker(url: URL, heapMb: number): PooledWorker {
  const key = `${url.href}#${heapMb}`;
  const i = idle.findIndex((w) => w.key === key);
  if (i >= 0) {
    const pooled = idle.splice(i, 1)[0]!;
    clearTimeout(pooled.idleTimer);
    pooled.worker.ref();
    return pooled;
  }
  const worker = new Worker(url, {
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 64, stackSizeMb: 4 },
    stdout: false,
    stderr: false,
  });
  return { worker, key, heard: false };
}

function release(pooled: PooledWorker): void {
  pooled.worker.removeAllListeners('message');
  pooled.worker.removeAllListeners('error');
  pooled.worker.removeAllListeners('exit');
  // Keep one idle worker per kind; it must never keep the process alive.
  pooled.worker.on('error', () => undefined);
  pooled.worker.on('exit', () => {
    const i = idle.indexOf(pooled);
    if (i >= 0) idle.splice(i, 1);
  });
  pooled.worker.unref();
  if (idle.some((w) => w.key === pooled.key)) {
    void pooled.worker.terminate();
    return;
  }
  pooled.idleTimer = setTimeout(() => {
    const i = idle.indexOf(pooled);
    if (i >= 0) idle.splice(i, 1);
    void pooled.worker.terminate();
  }, IDLE_MS);
  pooled.idleTimer.unref();
  idle.push(pooled);
}

function inWorker(url: URL, task: FileTask, timeoutMs: number, heapMb: number, onProgress: ProgressFn | undefined, transfer: boolean, settleAfterExit: boolean): Promise<TaskResult> {
  return new Promise((resolve, reject) => {
    let pooled: PooledWorker;
    try {
      pooled = takeWorker(url, heapMb);
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      reject(START_FAILURES.has(code) ? new WorkerStartError((error as Error).message) : error);
      return;
    }
    const { worker } = pooled;
    const id = nextId++;
    let settled = false;
    busy.add(worker);
    const finish = (fn: () => void, keep: boolean) => {
      if (settled) return;
      settled = true;
      busy.delete(worker);
      clearTimeout(watchdog);
      if (keep) release(pooled);
      else {
        worker.removeAllListeners();
        worker.on('error', () => undefined);
        const ended = worker.terminate();
        if (settleAfterExit) {
          void ended.then(fn, fn);
          return;
        }
      }
      fn();
    };
    const watchdog = setTimeout(() => finish(() => reject(new ImportFileError('timeout')), false), timeoutMs);
    worker.on('message', (message: WorkerMessage) => {
      if (message.id !== id) return;
      pooled.heard = true;
      if (message.type === 'progress') onProgress?.(message.done, message.total);
      else if (message.type === 'done') finish(() => resolve(message.result), true);
      else finish(() => reject(workerError(message)), true);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const cause =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new ImportFileError('outOfMemory')
        : !pooled.heard && START_FAILURES.has(error.code ?? '') ? new WorkerStartError(error.message)
        : new ImportFileError('workerStopped');
      finish(() => reject(cause), false);
    });
    // Ended without answering (an out-of-memory end comes with its error event first): killed.
    worker.on('exit', () => finish(() => reject(new ImportFileError('workerStopped')), false));
    // A private copy is transferred (not cloned) to the worker: the caller's buffer stays usable —
    // unless the caller gave it up and it is not a slice of Node's shared pool (≤ 4 KB buffers).
    if (task.type === 'planImport' || task.type === 'commitImport') {
      // The sheet's JSON is the caller's own copy, made for this task: moved, never cloned.
      worker.postMessage({ id, task } satisfies WorkerRequest, [task.sheet.buffer as ArrayBuffer]);
      return;
    }
    if (!('bytes' in task)) {
      worker.postMessage({ id, task } satisfies WorkerRequest);
      return;
    }
    const own = transfer && task.bytes.byteLength > Buffer.poolSize && !(task.bytes.buffer instanceof SharedArrayBuffer);
    const bytes = own ? task.bytes : new Uint8Array(task.bytes);
    const request: WorkerRequest = { id, task: { ...task, bytes } };
    worker.postMessage(request, [bytes.buffer as ArrayBuffer]);
  });
}

/** The error a task threw in the worker, rebuilt on this side: the same typed problem, AttkError or system error code. */
function workerError(message: Extract<WorkerMessage, { type: 'error' }>): Error {
  if (message.problem) return new ImportFileError(message.problem.code, message.problem.detail);
  if (message.attk) return new AttkError(message.attk.code, message.message, message.attk.path);
  const error = new Error(message.message) as Error & { code?: string };
  if (message.code) error.code = message.code;
  return error;
}

function inline(task: FileTask, timeoutMs: number, onProgress?: ProgressFn): Promise<TaskResult> {
  let timer: NodeJS.Timeout | undefined;
  const watchdog = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ImportFileError('timeout')), timeoutMs);
  });
  return Promise.race([runTask(task, onProgress), watchdog]).finally(() => clearTimeout(timer));
}
