import { createHash } from 'node:crypto';
import { SignPdf } from '@signpdf/signpdf';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { AFRelationship, PDFDocument } from 'pdf-lib';
import { AttkError } from '../../../shared/errors';
import { formatViDate } from '../../../shared/dates';
import { vi } from '../../../shared/i18n/vi';
import { certificateInfo, parseCertificate, type CertificateInfo } from './certificates';
import { buildDetachedCms } from './cms';
import { withTokenSigner, type TokenTarget } from './pkcs11';

const t = vi.signing.errors;

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Room for the CMS (bytes): a 2048/4096-bit signature and a chain of up to ~6 certificates. */
const SIGNATURE_BYTES = 16_384;

export interface PdfSigningInput {
  pdf: Buffer;
  /** The unit's signed Excel file, carried inside the PDF (PDF/A-3 style, AFRelationship Data). */
  attachment?: { fileName: string; data: Buffer } | null | undefined;
  signingTime: Date;
  reason?: string | undefined;
  location?: string | undefined;
}

export interface PdfSigned {
  pdf: Buffer;
  sha256: string;
  certificate: CertificateInfo;
}

/**
 * The PDF with its attachment and an empty signature field (ETSI.CAdES.detached), written in full
 * by pdf-lib: everything after this is one signature over the whole file.
 */
export async function preparePdf(input: PdfSigningInput, signerName: string): Promise<Buffer> {
  if (input.pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new AttkError('VALIDATION', t.notPdf, ['pdf']);
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(input.pdf, { updateMetadata: false });
  } catch (error) {
    const encrypted = error instanceof Error && /encrypt/i.test(error.message);
    throw new AttkError('VALIDATION', encrypted ? t.pdfEncrypted : t.pdfBroken, ['pdf']);
  }
  if (input.attachment) {
    await doc.attach(input.attachment.data, input.attachment.fileName, {
      mimeType: XLSX_MIME,
      description: vi.signing.attach,
      creationDate: input.signingTime,
      modificationDate: input.signingTime,
      afRelationship: AFRelationship.Data,
    });
  }
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: input.reason ?? vi.signing.title,
    contactInfo: '',
    name: signerName,
    location: input.location ?? '',
    signingTime: input.signingTime,
    signatureLength: SIGNATURE_BYTES,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: vi.app.shortName,
  });
  // Classic cross-reference table and no object streams: every reader (pdfsig, Acrobat, Foxit,
  // the ministry portals' verifiers) finds the signature dictionary the same way.
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** @signpdf's Signer that builds the CMS with a callback doing the private-key operation. */
class CallbackSigner extends Signer {
  constructor(
    private readonly certificate: Buffer,
    private readonly chain: Buffer[],
    private readonly signRaw: (data: Buffer) => Buffer | Promise<Buffer>,
  ) {
    super();
  }
  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    return buildDetachedCms({ content: pdfBuffer, certificate: this.certificate, chain: this.chain, sign: this.signRaw });
  }
}

/**
 * Sign with any private-key operation (the token in the app; a software key in tests that must build
 * PDFs no token would sign, e.g. with an expired certificate).
 */
export async function signPdfWith(
  input: PdfSigningInput,
  key: { certificate: Buffer; chain: Buffer[]; sign: (data: Buffer) => Buffer | Promise<Buffer> },
): Promise<PdfSigned> {
  const cert = parseCertificate(key.certificate);
  if (!cert) throw new AttkError('VALIDATION', t.noCertificate);
  const info = certificateInfo(cert);
  const prepared = await preparePdf(input, info.commonName || info.subject);
  const pdf = await new SignPdf().sign(prepared, new CallbackSigner(key.certificate, key.chain, key.sign));
  return { pdf, sha256: createHash('sha256').update(pdf).digest('hex'), certificate: info };
}

/**
 * Sign the PDF through the unit's token. A certificate outside its validity at the signing time is
 * refused: the office would refuse the file anyway.
 */
export async function signPdfWithToken(input: PdfSigningInput, target: TokenTarget, pin: string): Promise<PdfSigned> {
  return withTokenSigner(target, pin, async (token) => {
    const cert = parseCertificate(token.certificate.der);
    if (!cert) throw new AttkError('VALIDATION', t.noCertificate);
    const info = certificateInfo(cert);
    const at = input.signingTime.toISOString();
    if (at > info.notAfter) throw new AttkError('VALIDATION', t.certExpiredNow(formatViDate(info.notAfter)));
    if (at < info.notBefore) throw new AttkError('VALIDATION', t.certNotYet(formatViDate(info.notBefore)));
    return signPdfWith(input, { certificate: token.certificate.der, chain: token.others, sign: token.sign });
  });
}
