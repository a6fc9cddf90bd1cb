import { z } from 'zod';
import { vi as zodVietnamese } from 'zod/locales';
import { contract, isMethodName, type MethodName } from '../../../shared/api/contract';
import { AttkError, type ApiError, type Envelope } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import type { Db } from '../db/open';
import { databaseErrorMessage } from '../db/errors';
import { fileErrorMessage } from '../output/file-errors';
import type { CallContext, Handlers } from './types';

// zod's own messages (for checks a schema does not word itself) in Vietnamese too: whatever
// crosses the boundary is read by a clerk.
z.config(zodVietnamese());

export interface Core {
  db: Db;
  handlers: Handlers;
  context: () => CallContext;
  /** Where unexpected errors (bugs) are logged with their stack; the caller only sees a generic message. */
  log?: (message: string, error: unknown) => void;
  /** Asked before anything else; an error refuses the call unread (the app lock). */
  gate?: (method: MethodName) => ApiError | null;
  /** Awaited before a write's transaction opens or a job starts (the safety backup before an import). */
  beforeWrite?: (method: MethodName) => Promise<void>;
  /** True while a background job runs (it may write on the main connection): a bulk write waits for it. */
  jobsRunning?: () => boolean;
}

/**
 * One per core: a `bulk` write (the import's commit) runs its transaction on another connection,
 * in the file worker. While it runs — and while one is queued — every other write, job and admin
 * call waits here, so nothing interleaves with it and no write on the main connection meets the
 * worker's lock (SQLITE_BUSY, or the main thread blocked in the busy timeout). Reads never wait:
 * they see the database as it was until the worker commits (WAL).
 */
class WriteGate {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private aside = 0;
  private drained: (() => void)[] = [];

  /** Run `work` after every bulk write queued before it; others wait until it ends. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    this.pending++;
    const run = this.tail.then(work).finally(() => this.pending--);
    this.tail = run.catch(() => undefined);
    return run;
  }

  /**
   * A running job's write on another connection (a received unit file stored by the file worker):
   * writes on the main connection wait until it ends. It does not queue behind a bulk write — a
   * bulk write waits for running jobs, so waiting for it here would deadlock, and none runs while
   * a job does.
   */
  async writeAside<T>(work: () => Promise<T>): Promise<T> {
    this.aside++;
    try {
      return await work();
    } finally {
      if (--this.aside === 0) for (const wake of this.drained.splice(0)) wake();
    }
  }

  /** Resolves once no bulk write is running or queued and no job writes aside (at once, usually). */
  async idle(): Promise<void> {
    for (;;) {
      if (this.pending > 0) await this.tail;
      else if (this.aside > 0) await new Promise<void>((wake) => this.drained.push(wake));
      else return;
    }
  }
}

const gates = new WeakMap<Core, WriteGate>();
function gateOf(core: Core): WriteGate {
  let gate = gates.get(core);
  if (!gate) gates.set(core, (gate = new WriteGate()));
  return gate;
}

/** For a job: run `work` (a write on another connection) while writes on the main connection wait (WriteGate.writeAside). */
export function writeAside<T>(core: Core, work: () => Promise<T>): Promise<T> {
  return gateOf(core).writeAside(work);
}

/** A bulk write first waits for running jobs: they write on the main connection. */
async function jobsDone(core: Core): Promise<void> {
  while (core.jobsRunning?.()) await new Promise((r) => setTimeout(r, 20));
}

/**
 * The one entry point for every call from outside the core (IPC, HTTP, CLI).
 * Unknown method → typed error. Input → validated by the contract's schema before any service
 * runs. Writes → one IMMEDIATE transaction: the change and its audit row land together or not at all.
 * Bulk writes → their own transaction off the main thread, every other write held meanwhile (WriteGate).
 * The app lock (core.gate) is asked first: while locked, a call is refused before its input is read.
 * Never throws; never returns a stack.
 */
export async function dispatch(core: Core, method: unknown, rawInput: unknown): Promise<Envelope<unknown>> {
  if (!isMethodName(method)) {
    return { ok: false, error: { code: 'UNKNOWN_METHOD', message: vi.errors.unknownMethod(typeof method === 'string' ? method.slice(0, 80) : typeof method) } };
  }
  const def = contract[method];
  try {
    const refused = core.gate?.(method);
    if (refused) return { ok: false, error: refused };
    const parsed = safeParse(def.input as z.ZodType, rawInput);
    if (!parsed.success) return { ok: false, error: parsed.error ? zodToApiError(parsed.error) : { code: 'VALIDATION', message: vi.errors.invalidInput } };
    const handler = core.handlers[method] as (input: unknown, ctx: CallContext) => unknown;
    const ctx = core.context();
    let result: unknown;
    if (def.kind === 'bulk') {
      // The safety backup, then the handler's own transaction (off the main thread), all behind the gate.
      result = await gateOf(core).exclusive(async () => {
        // A restore refuses while a job runs (its own check: the clerk is told to wait) rather than wait here.
        if (method !== 'backup.restore') await jobsDone(core);
        await core.beforeWrite?.(method);
        return await handler(parsed.data, ctx);
      });
      return { ok: true, result };
    }
    if ((def.kind === 'write' || def.kind === 'job') && core.beforeWrite) await core.beforeWrite(method);
    // Nothing awaited between this and the write's transaction (or the job's start).
    if (def.kind !== 'read') await gateOf(core).idle();
    if (def.kind === 'write') {
      result = core.db
        .transaction(() => {
          const value = handler(parsed.data, ctx);
          if (value instanceof Promise) throw new Error(`write handler ${method} must be synchronous`);
          return value;
        })
        .immediate();
    } else {
      result = await handler(parsed.data, ctx);
    }
    return { ok: true, result };
  } catch (error) {
    return { ok: false, error: toApiError(error, method, core.log ?? defaultLog) };
  }
}

/**
 * Validate input that is anything a page or a socket sent. A value that cannot even be read (a
 * throwing getter or proxy, in-process callers only) is invalid input, not a bug.
 */
function safeParse(schema: z.ZodType, input: unknown): { success: true; data: unknown } | { success: false; error: z.ZodError | null } {
  try {
    const r = schema.safeParse(input);
    return r.success ? { success: true, data: r.data } : { success: false, error: r.error };
  } catch {
    return { success: false, error: null };
  }
}

/** Any thrown value → the typed error the caller sees; bugs are logged with their stack, never returned. */
export function toApiError(error: unknown, where: string, log: (message: string, error: unknown) => void = defaultLog): ApiError {
  if (error instanceof AttkError) return error.toApiError();
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) return { code: 'CONFLICT', message: vi.errors.conflict };
  // Errors of the disk and the file a person can meet: a specific Vietnamese message (issue 16 §6).
  const dbMessage = databaseErrorMessage(code);
  if (dbMessage) {
    log(`database error in ${where}`, error);
    return { code: 'DATABASE', message: dbMessage };
  }
  const fsMessage = typeof code === 'string' && code.startsWith('E') ? fileErrorMessage(error, vi.safety.files.dataFolder) : null;
  if (fsMessage) {
    log(`file error in ${where}`, error);
    return { code: 'DATABASE', message: fsMessage };
  }
  if (error instanceof z.ZodError) return zodToApiError(error);
  log(`unexpected error in ${where}`, error);
  return { code: 'INTERNAL', message: vi.errors.internal };
}

const defaultLog = (message: string, error: unknown) => console.error(`[attk] ${message}:`, error);

/** First zod issue → Vietnamese message naming the field, with its path. */
export function zodToApiError(error: z.ZodError): ApiError {
  const issue = error.issues[0];
  if (!issue) return { code: 'VALIDATION', message: vi.errors.invalidInput };
  const path = issue.path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number');
  if (issue.code === 'unrecognized_keys') {
    const key = String(issue.keys[0] ?? '');
    return { code: 'VALIDATION', message: vi.errors.unknownField(key), path: [...path, key] };
  }
  const field = [...path].reverse().find((p): p is string => typeof p === 'string');
  const label = field ? (vi.fields[field] ?? vi.forms.unnamedField) : undefined;
  const message = label ? vi.errors.field(label, issue.message) : `${vi.errors.invalidInput} ${issue.message}`;
  return { code: 'VALIDATION', message, path };
}
