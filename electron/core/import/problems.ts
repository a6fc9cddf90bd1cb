import { AttkError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';

/**
 * Why a file cannot be read at all. Thrown by the pre-scan and the sheet reader — possibly inside
 * a worker thread, where only plain data crosses back — and turned into an AttkError naming the
 * file (and the sheet, row and column where that applies) on the core's side.
 */
export type FileProblemCode = keyof typeof vi.import.fileErrors;

export interface FileProblem {
  code: FileProblemCode;
  /** Extra facts for the message: a part name, a sheet, a row, a column letter, a count. */
  detail?: { part?: string; sheet?: string; row?: number; column?: string; count?: number; limit?: number };
}

export class ImportFileError extends Error {
  readonly problem: FileProblem;
  constructor(code: FileProblemCode, detail?: FileProblem['detail']) {
    super(code);
    this.name = 'ImportFileError';
    this.problem = detail ? { code, detail } : { code };
  }
}

export function isFileProblem(value: unknown): value is FileProblem {
  return typeof value === 'object' && value !== null && typeof (value as FileProblem).code === 'string' && (value as FileProblem).code in vi.import.fileErrors;
}

/** The Vietnamese message for a problem, naming the file; the path points the UI at the file field. */
export function fileProblemError(fileName: string, problem: FileProblem): AttkError {
  const message = vi.import.fileErrors[problem.code](fileName, problem.detail ?? {});
  return new AttkError('VALIDATION', message, ['dataBase64']);
}
