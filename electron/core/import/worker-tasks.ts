import type { VerifyResult } from '../../../shared/reports/schema';
import type { ImportFileError } from './problems';
import { readWorkbook, type ProgressFn, type RawWorkbook, type ReadLimits } from './read-workbook';
import { prescanXlsx } from './zip-prescan';
import { verifyReportParts } from '../reports/verify';
import { checkBackupCopy } from '../backup/check-copy';
import { verifyBackupFile } from '../backup/restore';
import { writeReportFile, type WriteReportTask, type WrittenReport } from '../reports/write-task';
import type { ErrorCode } from '../../../shared/errors';
import { parseCampaignFile, type ParsedCampaignFile } from '../district/campaign-file';
import type { ImportCommitResult, ImportKind } from '../../../shared/import/schema';
import { storeSubmissionTask, type StoreSubmissionTask, type StoredSubmission } from '../district/store-submission';
import { runCommitTask, runPlanTask, stageSheet, type CommitImportTask, type PlanImportTask, type PlannedPage, type StagedSheet } from './commit-task';

// The work the file worker does (worker.ts runs it in a worker thread; run-reader.ts runs it inline
// when no built worker exists). Inputs and results are plain data: they cross a thread boundary.

export type FileTask =
  | { type: 'readWorkbook'; bytes: Uint8Array; limits: ReadLimits }
  /** The import's stage: the same read; each sheet sent back as UTF-8 JSON bytes (moved, not cloned), its head, facts and detected header (commit-task.ts). */
  | { type: 'stageWorkbook'; bytes: Uint8Array; limits: ReadLimits; kind: ImportKind }
  /** The import's preview page, planned on a read-only connection (import/commit-task.ts). */
  | PlanImportTask
  /** The import's commit: plan + write + audit in one transaction of the worker's own connection (import/commit-task.ts). */
  | CommitImportTask
  /** A received unit file stored: its checks and writes in one transaction of the worker's own connection (district/store-submission.ts). */
  | StoreSubmissionTask
  /** A backup about to be restored: integrity_check, schema version, ATTK tables (backup/restore.ts). */
  | { type: 'verifyBackupFile'; path: string; nativeBinding?: string | undefined }
  /** A campaign file from the office: decoded, signature checked, payload validated (district/campaign-file-worker.ts). */
  | { type: 'parseCampaignFile'; fileName: string; dataBase64: string }
  | { type: 'verifyReport'; bytes: Uint8Array }
  /** A backup's temporary copy: single-file journal, then quick_check (backup/write.ts). */
  | { type: 'checkBackupCopy'; path: string; nativeBinding?: string | undefined }
  /** A report export's workbook, written from a read-only snapshot to the publisher's temporary file (reports/write-task.ts). */
  | WriteReportTask;

/** A workbook as the import's stage keeps it. */
export interface StagedWorkbook {
  staged: StagedSheet[];
}

export type TaskResult = StoredSubmission | RawWorkbook | StagedWorkbook | VerifyResult | WrittenReport | PlannedPage | ImportCommitResult | ParsedCampaignFile | { schemaVersion: number } | string;

/** The buffers a result can give up to the receiving thread instead of being cloned. */
export function transferablesOf(result: TaskResult): ArrayBuffer[] {
  if (typeof result === 'object' && 'staged' in result) return result.staged.map((s) => s.json.buffer as ArrayBuffer);
  return [];
}

export interface WorkerRequest {
  id: number;
  task: FileTask;
}

export type WorkerMessage =
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'done'; result: TaskResult }
  | {
      id: number;
      type: 'error';
      problem: ImportFileError['problem'] | null;
      message: string;
      /** An AttkError's code and field path, or a system error's code (ENOSPC, SQLITE_BUSY…): the main thread rebuilds the same error. */
      attk?: { code: ErrorCode; path?: (string | number)[] | undefined } | undefined;
      code?: string | undefined;
    };

export async function runTask(task: FileTask, onProgress?: ProgressFn): Promise<TaskResult> {
  switch (task.type) {
    case 'readWorkbook':
      return readWorkbook(task.bytes, task.limits, onProgress);
    case 'stageWorkbook': {
      const workbook = await readWorkbook(task.bytes, task.limits, onProgress);
      return { staged: workbook.sheets.map((sheet) => stageSheet(sheet, task.kind)) };
    }
    case 'planImport':
      return runPlanTask(task);
    case 'commitImport':
      return runCommitTask(task, onProgress);
    case 'storeSubmission':
      return storeSubmissionTask(task);
    case 'verifyBackupFile':
      return verifyBackupFile(task.path, task.nativeBinding ? { nativeBinding: task.nativeBinding } : {});
    case 'parseCampaignFile':
      return parseCampaignFile(task.fileName, task.dataBase64);
    case 'verifyReport':
      return verifyReportParts(prescanXlsx(task.bytes));
    case 'checkBackupCopy':
      return checkBackupCopy(task.path, task.nativeBinding);
    case 'writeReport':
      return writeReportFile(task, onProgress);
  }
}
