import { vi } from './i18n/vi';

/** Error codes that cross the API boundary. The UI decides how to show each one. */
export type ErrorCode =
  | 'VALIDATION' // the input failed its schema or a business rule
  | 'NOT_FOUND'
  | 'CONFLICT' // unique key taken, stale state
  | 'FORBIDDEN' // harness token/origin checks, wrong sender
  | 'UNKNOWN_METHOD'
  | 'DATABASE' // the database cannot be opened or is damaged
  | 'INTERNAL'; // a bug: details go to the log, never to the user

/** The typed error every API call may return: a code, a Vietnamese message, and the field path. */
export interface ApiError {
  code: ErrorCode;
  message: string;
  /** Path of the offending field in the input, e.g. ["fullName"] or ["rows", 3, "date"]. */
  path?: (string | number)[];
}

export type Envelope<T> = { ok: true; result: T } | { ok: false; error: ApiError };

/** Thrown by services for expected failures; converted to ApiError by the dispatcher. */
export class AttkError extends Error {
  readonly code: ErrorCode;
  readonly path: (string | number)[] | undefined;
  constructor(code: ErrorCode, message: string, path?: (string | number)[]) {
    super(message);
    this.name = 'AttkError';
    this.code = code;
    this.path = path;
  }
  toApiError(): ApiError {
    return this.path ? { code: this.code, message: this.message, path: this.path } : { code: this.code, message: this.message };
  }
}

export const notFound = (what: string, id: number | string): AttkError =>
  new AttkError('NOT_FOUND', vi.errors.notFound(what, id));

export const invalid = (message: string, path?: (string | number)[]): AttkError =>
  new AttkError('VALIDATION', message, path);

/** Client side: the error a rejected API promise carries. */
export class ApiCallError extends Error implements ApiError {
  readonly code: ErrorCode;
  readonly path: (string | number)[] | undefined;
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.path = error.path;
  }
}

export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.result;
  throw new ApiCallError(envelope.error);
}
