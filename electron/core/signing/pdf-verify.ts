import { createHash } from 'node:crypto';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFString, type PDFObject } from 'pdf-lib';
import { formatViDateTime } from '../../../shared/dates';
import { vi } from '../../../shared/i18n/vi';
import { allowsSigning, certificateInfo, parseCertificate, pkijs, type CertificateInfo } from './certificates';
import { parseCms, sha256, verifyCmsSignature } from './cms';

const t = vi.signing.verify;
const XLSX_NAME = /\.xlsx$/i;

export interface PdfVerification {
  ok: boolean;
  /** Vietnamese reasons, empty when ok. */
  problems: string[];
  signer: CertificateInfo | null;
  /** The claimed signing time (/M of the signature dictionary, PAdES B-B), ISO. */
  signingTime: string | null;
  /** True when the chain reached one of the trusted roots (at the signing time). */
  chainTrusted: boolean;
  /** SHA-256 of the trusted root the chain ended at. */
  rootSha256: string | null;
  /** The embedded unit workbook (exactly one .xlsx), or null. */
  attachment: { fileName: string; data: Buffer } | null;
  sha256: string;
}

interface SignatureField {
  byteRange: number[];
  contents: Buffer;
  subFilter: string;
  time: Date | null;
}

/**
 * Verify a signed report PDF for the receiving office:
 * - exactly one signature, whose ByteRange is [0, a, b, c] with b + c = file length and the gap
 *   exactly the /Contents hex string: the signature covers the whole file, nothing appended after;
 * - the CMS's message digest is SHA-256 of those bytes and the signature verifies with the signer's
 *   certificate, which signing-certificate-v2 names (ETSI.CAdES.detached);
 * - the signer's certificate was valid at the claimed signing time (not in the future), allows
 *   signing, and chains up to one of `roots` at that time (pkijs's path validation);
 * - the unit workbook is attached (the caller runs the workbook's own checks on it).
 * Every failure is a Vietnamese reason; nothing is thrown for bad input.
 */
export async function verifySignedPdf(pdf: Buffer, roots: Buffer[], now: Date): Promise<PdfVerification> {
  const result: PdfVerification = {
    ok: false,
    problems: [],
    signer: null,
    signingTime: null,
    chainTrusted: false,
    rootSha256: null,
    attachment: null,
    sha256: createHash('sha256').update(pdf).digest('hex'),
  };
  const fail = (problem: string) => {
    result.problems.push(problem);
    return result;
  };
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') return fail(vi.signing.errors.notPdf);
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true });
  } catch {
    return fail(vi.signing.errors.pdfBroken);
  }
  const fields = signatureFields(doc);
  if (fields.length === 0) return fail(t.noSignature);
  if (fields.length > 1) return fail(t.manySignatures(fields.length));
  const field = fields[0]!;

  if (!coversWholeFile(pdf, field)) return fail(t.notWholeFile);
  if (field.subFilter !== 'ETSI.CAdES.detached' && field.subFilter !== 'adbe.pkcs7.detached') return fail(t.subFilter(field.subFilter));
  const cms = parseCms(field.contents);
  if (!cms) return fail(t.cms);
  if (!cms.signer) return fail(t.noSignerCert);
  const signer = cms.signer;
  result.signer = certificateInfo(signer);

  const [, a, b, c] = field.byteRange as [number, number, number, number];
  const signed = Buffer.concat([pdf.subarray(0, a), pdf.subarray(b, b + c)]);
  const { digestOk, signatureOk } = await verifyCmsSignature(cms, signed);
  if (!digestOk) return fail(t.digest);
  if (!signatureOk) return fail(t.signature);
  const signerDer = Buffer.from(signer.toSchema().toBER());
  if (field.subFilter === 'ETSI.CAdES.detached' && !(cms.essCertHash && cms.essCertHash.equals(sha256(signerDer)))) return fail(t.signingCertificate);

  if (!field.time) return fail(t.noTime);
  result.signingTime = field.time.toISOString();
  const time = formatViDateTime(result.signingTime);
  // Five minutes of clock drift between the unit's PC and the office's.
  if (field.time.getTime() > now.getTime() + 5 * 60_000) fail(t.futureTime(time));
  if (field.time < signer.notBefore.value || field.time > signer.notAfter.value) {
    fail(t.notValidAtTime(time, formatViDateTime(result.signer.notBefore), formatViDateTime(result.signer.notAfter)));
  }
  if (!allowsSigning(signer)) fail(t.keyUsage);

  const trusted = roots.map((der) => parseCertificate(der)).filter((x): x is pkijs.Certificate => x !== null);
  if (trusted.length === 0) fail(t.noRoots);
  else {
    // pkijs takes the last of `certs` as the end-entity: intermediates (CA certificates the CMS
    // carries) first, the signer last; other end-entity certificates in the CMS are left out.
    const intermediates = cms.others.filter((c) => certificateInfo(c).isCa);
    const engine = new pkijs.CertificateChainValidationEngine({ trustedCerts: trusted, certs: [...intermediates, signer], checkDate: field.time });
    const chain = await engine.verify();
    result.chainTrusted = chain.result === true;
    const root = chain.certificatePath?.[chain.certificatePath.length - 1];
    if (result.chainTrusted && root) result.rootSha256 = certificateInfo(root).sha256;
    if (!result.chainTrusted) {
      const issuerKnown = [...trusted, ...cms.others].some((x) => x.subject.isEqual(signer.issuer));
      fail(issuerKnown ? t.chain(vi.signing.verify.chainDetail) : t.untrusted(result.signer.issuerCommonName));
    }
  }

  const attachments = embeddedFiles(doc).filter((f) => XLSX_NAME.test(f.fileName));
  if (attachments.length === 0) fail(t.noAttachment);
  else if (attachments.length > 1) fail(t.manyAttachments(attachments.length));
  else result.attachment = attachments[0]!;

  result.ok = result.problems.length === 0;
  return result;
}

function coversWholeFile(pdf: Buffer, field: SignatureField): boolean {
  const br = field.byteRange;
  if (br.length !== 4 || !br.every((n) => Number.isInteger(n) && n >= 0)) return false;
  const [start, a, b, c] = br as [number, number, number, number];
  if (start !== 0 || a >= b || b + c !== pdf.length) return false;
  // The gap is exactly "<hex>": the only unsigned bytes are the signature itself.
  if (pdf[a] !== 0x3c || pdf[b - 1] !== 0x3e) return false;
  return /^[0-9a-fA-F]*$/.test(pdf.subarray(a + 1, b - 1).toString('latin1'));
}

/** Every signature dictionary in the file (/ByteRange and /Contents), wherever it is referenced from. */
function signatureFields(doc: PDFDocument): SignatureField[] {
  const fields: SignatureField[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    const byteRange = object.get(PDFName.of('ByteRange'));
    const contents = object.get(PDFName.of('Contents'));
    if (!(byteRange instanceof PDFArray) || !(contents instanceof PDFHexString)) continue;
    const subFilter = object.get(PDFName.of('SubFilter'));
    const m = object.get(PDFName.of('M'));
    let time: Date | null;
    try {
      time = m instanceof PDFString || m instanceof PDFHexString ? m.decodeDate() : null;
    } catch {
      time = null;
    }
    fields.push({
      byteRange: byteRange.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : -1)),
      contents: Buffer.from(contents.asBytes()),
      subFilter: subFilter instanceof PDFName ? subFilter.decodeText() : '',
      time,
    });
  }
  return fields;
}

/** The files in the catalog's /Names /EmbeddedFiles name tree (leaves and kids). */
export function embeddedFiles(doc: PDFDocument): { fileName: string; data: Buffer }[] {
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const tree = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  const files: { fileName: string; data: Buffer }[] = [];
  const visit = (node: PDFDict | undefined, depth: number) => {
    if (!node || depth > 16) return;
    const leaves = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    for (let i = 0; leaves && i + 1 < leaves.size(); i += 2) {
      const spec = leaves.lookup(i + 1);
      if (spec instanceof PDFDict) {
        const file = fileOf(spec);
        if (file) files.push(file);
      }
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let i = 0; kids && i < kids.size(); i++) visit(kids.lookupMaybe(i, PDFDict), depth + 1);
  };
  visit(tree, 0);
  return files;
}

function fileOf(spec: PDFDict): { fileName: string; data: Buffer } | null {
  const text = (o: PDFObject | undefined) => (o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : '');
  const fileName = text(spec.lookup(PDFName.of('UF'))) || text(spec.lookup(PDFName.of('F')));
  const ef = spec.lookupMaybe(PDFName.of('EF'), PDFDict);
  const stream = ef?.lookup(PDFName.of('F'));
  if (!(stream instanceof PDFRawStream)) return null;
  try {
    return { fileName, data: Buffer.from(decodePDFRawStream(stream).decode()) };
  } catch {
    return null;
  }
}
