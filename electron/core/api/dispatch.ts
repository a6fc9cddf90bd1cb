import type { z } from 'zod';
import { contract, isMethodName } from '../../../shared/api/contract';
import { AttkError, type ApiError, type Envelope } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import type { Db } from '../db/open';
import type { CallContext, Handlers } from './types';

export interface Core {
  db: Db;
  handlers: Handlers;
  context: () => CallContext;
  /** Where unexpected errors (bugs) are logged with their stack; the caller only sees a generic message. */
  log?: (message: string, error: unknown) => void;
}

/**
 * The one entry point for every call from outside the core (IPC, HTTP, CLI).
 * Unknown method → typed error. Input → validated by the contract's schema before any service
 * runs. Writes → one IMMEDIATE transaction: the change and its audit row land together or not at all.
 * Never throws; never returns a stack.
 */
export async function dispatch(core: Core, method: unknown, rawInput: unknown): Promise<Envelope<unknown>> {
  if (!isMethodName(method)) {
    return { ok: false, error: { code: 'UNKNOWN_METHOD', message: vi.errors.unknownMethod(String(method).slice(0, 80)) } };
  }
  const def = contract[method];
  const parsed = (def.input as z.ZodType).safeParse(rawInput);
  if (!parsed.success) return { ok: false, error: zodToApiError(parsed.error) };
  const handler = core.handlers[method] as (input: unknown, ctx: CallContext) => unknown;
  const ctx = core.context();
  try {
    let result: unknown;
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

/** Any thrown value → the typed error the caller sees; bugs are logged with their stack, never returned. */
export function toApiError(error: unknown, where: string, log: (message: string, error: unknown) => void = defaultLog): ApiError {
  if (error instanceof AttkError) return error.toApiError();
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) return { code: 'CONFLICT', message: vi.errors.conflict };
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_CORRUPT' || code === 'SQLITE_IOERR' || code === 'SQLITE_FULL') {
    log(`database error in ${where}`, error);
    return { code: 'DATABASE', message: vi.errors.dbOpen(String(code)) };
  }
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
  const label = field ? (vi.fields[field] ?? field) : undefined;
  const message = label ? vi.errors.field(label, issue.message) : `${vi.errors.invalidInput} ${issue.message}`;
  return { code: 'VALIDATION', message, path };
}
