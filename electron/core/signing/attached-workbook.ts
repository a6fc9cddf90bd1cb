import { vi } from '../../../shared/i18n/vi';
import type { VerifyResult } from '../../../shared/reports/schema';
import { ImportFileError } from '../import/problems';
import { verifyReportSafely } from '../import/run-reader';

/**
 * The workbook a signed PDF carries, checked as any unit file is: the import's zip pre-scan, then
 * the hidden sheet's payload, every visible cell's hash and its Ed25519 signature.
 */
export async function verifyAttachedWorkbook(data: Buffer, fileName = 'attachment.xlsx'): Promise<VerifyResult> {
  try {
    return await verifyReportSafely(data);
  } catch (error) {
    const message =
      error instanceof ImportFileError ? vi.import.fileErrors[error.problem.code](fileName, error.problem.detail ?? {}) : vi.district.result.unreadable(fileName);
    return { ok: false, problems: [message], payload: null, publicKey: null, fingerprint: null };
  }
}
