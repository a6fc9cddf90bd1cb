import { vi } from '../../../shared/i18n/vi';
import { foldForSearch } from '../../../shared/text/vietnamese';
import type { CallContext } from '../api/types';
import { writeAudit } from '../audit/service';
import type { Db } from '../db/open';
import { verifySignedPdf } from '../signing/pdf-verify';
import { trustedRootsDer } from '../signing/service';

// A unit file that arrives as a signed report PDF (issue 20): the PDF's signature is checked against
// the office's trusted roots, then the workbook it carries goes through the same checks as an .xlsx
// file. A certificate chain to a trusted root is the unit's identity — it replaces the clerk's
// fingerprint confirmation (key pinning) for that file, provided the certificate's organisation is
// the unit the register names.

const S = vi.signing.office;

export const isPdf = (bytes: Buffer) => bytes.subarray(0, 5).toString('latin1') === '%PDF-';

export interface PdfSignature {
  commonName: string;
  organisation: string;
  subject: string;
  serial: string;
  issuer: string;
  signingTime: string;
  rootSha256: string;
}

/** The office's trust list, read once per import (before the files, outside their transactions). */
export const officeRoots = (db: Db): Buffer[] => trustedRootsDer(db);

/** The PDF's signature checked; the workbook inside returned for the usual checks. */
export async function openSignedPdf(
  fileName: string,
  bytes: Buffer,
  roots: Buffer[],
  now: Date,
): Promise<{ ok: true; workbook: Buffer; signature: PdfSignature } | { ok: false; message: string }> {
  const v = await verifySignedPdf(bytes, roots, now);
  if (!v.ok || !v.signer || !v.attachment || !v.signingTime || !v.rootSha256) return { ok: false, message: S.refused(fileName, v.problems.join(' ')) };
  const s = v.signer;
  return {
    ok: true,
    workbook: v.attachment.data,
    signature: { commonName: s.commonName, organisation: s.organisation, subject: s.subject, serial: s.serial, issuer: s.issuer, signingTime: v.signingTime, rootSha256: v.rootSha256 },
  };
}

const folded = (s: string) => foldForSearch(s).replace(/[^a-z0-9]+/g, ' ').trim();

/**
 * The certificate's organisation (O) against the register's name: equal once case, diacritics and
 * punctuation are set aside, or the register's name whole at the start of O (CAs often append the
 * district and province: "UBND phường Láng Thượng - quận Đống Đa - Hà Nội").
 */
export function organisationMatches(organisation: string, unitName: string): boolean {
  const o = folded(organisation);
  const u = folded(unitName);
  return u !== '' && (o === u || o.startsWith(`${u} `));
}

/** The signature row beside the submission, and the audit line when the certificate vouched for a new workbook key. */
export function recordSignature(db: Db, submissionId: number, s: PdfSignature): void {
  db.prepare(
    `INSERT INTO district_submission_signatures (submission_id, common_name, organisation, subject, serial, issuer, signing_time, root_sha256)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(submissionId, s.commonName, s.organisation, s.subject, s.serial, s.issuer, s.signingTime, s.rootSha256);
}

export function auditVouchedKey(db: Db, ctx: CallContext, unit: { id: number; name: string }, fingerprint: string, s: PdfSignature): void {
  writeAudit(db, ctx, {
    action: 'key', entity: 'unit', entityId: unit.id, summary: S.auditVouched(unit.name, fingerprint, s.subject, s.serial),
    data: { fingerprint, certificate: { subject: s.subject, serial: s.serial, issuer: s.issuer } },
  });
}
