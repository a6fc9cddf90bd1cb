import { decodeBase64 } from '../import/base64';
import { createHash } from 'node:crypto';
import type { ParsedInputOf } from '../../../shared/api/contract';
import { MAX_UPLOAD_BYTES, type RefusalReason, type SubmissionFileResult, type SubmissionImportResult } from '../../../shared/district/schema';
import { vi } from '../../../shared/i18n/vi';
import { isReadableReportSchema, REPORT_SCHEMA_VERSION } from '../../../shared/reports/schema';
import type { CallContext } from '../api/types';
import type { Db } from '../db/open';
import { ImportFileError } from '../import/problems';
import { DEFAULT_TIMEOUT_MS, runFileTask, verifyReportSafely } from '../import/run-reader';
import type { Progress } from '../jobs/runner';
import { isPdf, officeRoots, openSignedPdf, type PdfSignature } from './signed-submission';
import { keyTrustPolicy, type KeyTrustPolicy } from './key-trust';
import { plainTrust, storeFile, type Checked, type StoredSubmission } from './store-submission';

export { systemKey } from './store-submission';

// Unit files coming up (PRODUCT.md "Consolidation"). Each file, one after another:
//  1. off any transaction, in the file worker (off the main thread): base64 → bytes, SHA-256, the
//     import's zip pre-scan (entry count, inflated size, CRC, no ../ names, no cell over 32,767
//     characters), then the report verification (schema version, row counts, the
//     SHA-256 of every visible cell and the Ed25519 signature of the hidden sheet);
//  2. in one short IMMEDIATE transaction of its own (store-submission.ts; in the file worker, on the
//     worker's own connection, when there is one): duplicate (same SHA-256 stored), unit known to
//     the register and named as the register names it (or confirmed), campaign (by reference, else
//     directive number + deadline), the unit's pinned key (key-trust.ts: a first key only on the
//     clerk's confirmation, a pinned key never replaced here), not older than the file it would
//     replace — then the submission, its figures per system and an audit row.
// A signed report PDF (signed-submission.ts) is checked first against the office's trusted roots;
// the workbook it carries then goes through the same steps, and a valid certificate chain whose
// organisation is the register's unit stands in for the clerk's key confirmation.
// A refused file writes nothing and never stops the others.

const R = vi.district.result;
type Input = ParsedInputOf<'district.importFiles'>;

/**
 * Where step 2 runs in the app: the file worker, on its own connection (issue 16 §4). `aside`
 * tells the dispatcher a write is under way on that connection, so a clerk's write on the main
 * connection waits for it instead of meeting its lock. Absent (vitest without a bundled worker,
 * `:memory:`, which a second connection cannot open): on the main connection, as before.
 */
export interface StoreOffThread {
  workerUrl: URL;
  dbFile: string;
  nativeBinding?: string | undefined;
  aside: <T>(work: () => Promise<T>) => Promise<T>;
}

async function storeInWorker(off: StoreOffThread, ctx: CallContext, input: Input, trust: KeyTrustPolicy, file: Checked): Promise<SubmissionFileResult> {
  const task = {
    type: 'storeSubmission' as const,
    dbFile: off.dbFile,
    nativeBinding: off.nativeBinding,
    who: { actor: ctx.actor, at: ctx.now().toISOString(), shell: ctx.shell, dataFile: ctx.dataFile, appVersion: ctx.appVersion },
    input: { campaignId: input.campaignId, confirmedUnits: input.confirmedUnits },
    trust: plainTrust(trust),
    file,
  };
  const stored = (await off.aside(() => runFileTask(task, { workerUrl: off.workerUrl, timeoutMs: DEFAULT_TIMEOUT_MS }))) as StoredSubmission;
  trust.batch.clear();
  for (const [unitId, key] of stored.batch) trust.batch.set(unitId, key);
  return stored.result;
}


type Refusal = { refused: SubmissionFileResult };

function refusal(fileName: string, sha256: string | null, reason: RefusalReason, message: string, extra: Partial<SubmissionFileResult> = {}): Refusal {
  return { refused: { fileName, status: 'refused', reason, message, sha256, ...extra } };
}

/** Step 1: everything that can be known from the file alone. */
async function checkFile(file: { fileName: string; dataBase64: string }, roots: Buffer[], now: Date): Promise<Checked | Refusal> {
  const { fileName } = file;
  const bytes = decodeBase64(file.dataBase64);
  if (!bytes) return refusal(fileName, null, 'unreadable', R.badBase64(fileName));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (bytes.length > MAX_UPLOAD_BYTES) return refusal(fileName, sha256, 'unreadable', vi.import.fileErrors.tooLarge(fileName, { limit: MAX_UPLOAD_BYTES }));
  let signature: PdfSignature | undefined;
  let workbook: Buffer = bytes;
  if (isPdf(bytes)) {
    const pdf = await openSignedPdf(fileName, bytes, roots, now);
    if (!pdf.ok) return refusal(fileName, sha256, 'signature', pdf.message);
    signature = pdf.signature;
    workbook = pdf.workbook;
  }
  // The pre-scan and the verification read the file in the file worker, off the main thread.
  let verified;
  try {
    verified = await verifyReportSafely(workbook);
  } catch (error) {
    if (error instanceof ImportFileError) {
      const message = vi.import.fileErrors[error.problem.code](fileName, error.problem.detail ?? {});
      return refusal(fileName, sha256, 'unreadable', message);
    }
    return refusal(fileName, sha256, 'unreadable', R.unreadable(fileName));
  }
  const t = vi.reports.verify;
  if (verified.problems[0] === t.notAttk) return refusal(fileName, sha256, 'notReport', R.notAttk(fileName));
  const payload = verified.payload;
  // A file from another version of ATTK: say so, rather than "altered" (schema 3 is still read: see READABLE_REPORT_SCHEMAS).
  if (payload && !isReadableReportSchema(payload.schemaVersion)) return refusal(fileName, sha256, 'notReport', t.schema(payload.schemaVersion, REPORT_SCHEMA_VERSION));
  if (!verified.ok || !payload || !verified.publicKey || !verified.fingerprint) {
    return refusal(fileName, sha256, 'altered', R.altered(verified.problems.join(' ')), payload ? { unitCode: payload.unit?.code, unitName: payload.unit?.name } : {});
  }
  if (payload.kind !== 'report') return refusal(fileName, sha256, 'notReport', R.cancellationsOnly(fileName), { unitCode: payload.unit.code, unitName: payload.unit.name });
  return { fileName, sha256, bytes, payload, publicKey: verified.publicKey, fingerprint: verified.fingerprint, ...(signature ? { signature } : {}) };
}

/** The job: files in the order given, each verified then stored on its own; returns every file's outcome. */
export async function importSubmissions(db: Db, ctx: CallContext, input: Input, progress: Progress, off?: StoreOffThread): Promise<SubmissionImportResult> {
  const started = performance.now();
  const trust = keyTrustPolicy(input.confirmedKeys, input.trustNewKeys);
  const results: SubmissionFileResult[] = [];
  const seen = new Map<string, string>();
  const total = input.files.length;
  const roots = officeRoots(db);
  for (const [i, file] of input.files.entries()) {
    progress(i, total);
    const checked = await checkFile(file, roots, ctx.now());
    let result: SubmissionFileResult;
    if ('refused' in checked) result = checked.refused;
    else if (seen.has(checked.sha256)) {
      result = { fileName: file.fileName, status: 'refused', reason: 'duplicate', message: R.duplicateInBatch(seen.get(checked.sha256)!), sha256: checked.sha256, unitCode: checked.payload.unit.code, unitName: checked.payload.unit.name };
    } else {
      result = off ? await storeInWorker(off, ctx, input, trust, checked) : db.transaction(() => storeFile(db, ctx, input, trust, checked)).immediate();
    }
    if (result.sha256 && !seen.has(result.sha256)) seen.set(result.sha256, file.fileName);
    results.push(result);
  }
  progress(total, total);
  const accepted = results.filter((r) => r.status === 'accepted').length;
  return { results, accepted, refused: results.length - accepted, ms: Math.round(performance.now() - started) };
}
