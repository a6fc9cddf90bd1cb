import { z } from 'zod';
import { FileUpload } from '../district/schema';
import { id } from '../schema/fields';

/** A PKCS#11 library: a file name Windows finds in System32, or a full path; .dll/.so/.dylib only. */
export const Pkcs11Library = z
  .string()
  .trim()
  .min(1)
  .max(1000)
  .regex(/\.(dll|so(\.\d+)*|dylib)$/i);

export const TokenCertificatesInput = z.strictObject({ library: Pkcs11Library });

export const SignReportInput = z.strictObject({
  campaignId: id,
  library: Pkcs11Library,
  slot: z.number().int().min(0).max(255),
  /** CKA_ID (hex) of the chosen certificate and its key. */
  certificateId: z.string().regex(/^[0-9a-f]{0,128}$/),
  /** Used for C_Login only: never stored, logged or echoed. */
  pin: z.string().min(1).max(64),
  visible: z.boolean().default(false),
  /** The report PDF the browser made (harness); the desktop app prints it itself. */
  pdfBase64: z.string().max(40_000_000).optional(),
});

export const SignedReportsInput = z.strictObject({ campaignId: id.optional() });
export const TrustedRootsImportInput = z.strictObject({ files: z.array(FileUpload).min(1).max(50) });

export interface TokenCertificateEntry {
  slot: number;
  tokenLabel: string;
  label: string;
  id: string;
  commonName: string;
  organisation: string;
  subject: string;
  issuer: string;
  serial: string;
  notBefore: string;
  notAfter: string;
}

export interface SigningStatus {
  /** pkcs11js loads in this process. */
  available: boolean;
  /** The shell prints the report to PDF itself (desktop); otherwise the page uploads one. */
  printsPdf: boolean;
}

export interface SignedReport {
  id: number;
  campaignId: number;
  exportId: number | null;
  fileName: string;
  sha256: string;
  subject: string;
  serial: string;
  commonName: string;
  organisation: string;
  issuer: string;
  signedAt: string;
  signedBy: string;
}

export interface TrustedRoot {
  id: number;
  sha256: string;
  subject: string;
  commonName: string;
  notBefore: string;
  notAfter: string;
  addedAt: string;
  addedBy: string;
}

/** The signature of a unit file received as a signed PDF, as the board shows it. */
export interface SubmissionSignature {
  commonName: string;
  organisation: string;
  serial: string;
  issuer: string;
  signingTime: string;
}
