import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { KeyObject } from 'node:crypto';
import type { ReportKind, ReportPayload } from '../../../shared/reports/schema';
import { openDatabase } from '../db/open';
import { reportContext } from './data';
import { writeReportWorkbook } from './xlsx-report';

// The part of a report export that reads the database and writes the file, as a task for the file
// worker (import/worker-tasks.ts; issue 16 §4). On a district database the login masks and the
// report context cost ~1–2 s of synchronous work before the first row: in the worker that no longer
// holds the thread that answers the UI. Inputs and results are plain data (a KeyObject crosses to a
// worker as a clone); the worker opens its own read-only connection and reads one snapshot, like
// the reader connection the export used on the main thread. Publishing the file, recording the
// export and the audit stay on the main thread (reports/service.ts).

export interface WriteReportTask {
  type: 'writeReport';
  /** The database to read (read-only, one snapshot). */
  dbFile: string;
  nativeBinding?: string | undefined;
  campaignId: number;
  today: string;
  kind: ReportKind;
  showLogins: boolean;
  /** The unit's signing key, loaded (or created) on the main thread. */
  key: { privateKey: KeyObject; publicKeyDer: Uint8Array; fingerprint: string };
  generatedAt: string;
  /** The temporary file the publisher gave. */
  tmpPath: string;
}

export interface WrittenReport {
  figures: ReportPayload['figures'];
  rows: number;
  sha256: string;
}

export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (c) => hash.update(c))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}

export async function writeReportFile(task: WriteReportTask, progress: (done: number, total: number) => void = () => undefined): Promise<WrittenReport> {
  const reader = openDatabase(task.dbFile, { readonly: true, ...(task.nativeBinding ? { nativeBinding: task.nativeBinding } : {}) });
  try {
    reader.exec('BEGIN');
    const rctx = reportContext(reader, task.campaignId, task.today);
    // A Buffer posted to a worker arrives as a plain Uint8Array.
    const key = { privateKey: task.key.privateKey, publicKeyDer: Buffer.from(task.key.publicKeyDer), fingerprint: task.key.fingerprint };
    const written = await writeReportWorkbook(reader, rctx, {
      file: task.tmpPath, kind: task.kind, showLogins: task.showLogins, key, generatedAt: task.generatedAt, progress,
    });
    return { figures: written.payload.figures, rows: written.rows, sha256: await sha256File(task.tmpPath) };
  } finally {
    if (reader.inTransaction) reader.exec('ROLLBACK');
    reader.close();
  }
}
