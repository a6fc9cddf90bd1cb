import { createSign } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AttkError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import { listTokenCertificates } from '../../../electron/core/signing/pkcs11';
import { signPdfWith, signPdfWithToken } from '../../../electron/core/signing/pdf-sign';
import { verifySignedPdf } from '../../../electron/core/signing/pdf-verify';
import { createNssDatabase, createTestPki, softhsmAvailable, type TestPki } from './softhsm';

const t = vi.signing;

async function reportPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]).drawText('BAO CAO', { x: 72, y: 760, size: 14 });
  doc.addPage([595, 842]).drawText('Trang 2', { x: 72, y: 760, size: 14 });
  return Buffer.from(await doc.save());
}
const workbook = Buffer.from('PK\u0003\u0004 stand-in for the unit workbook bytes');

function pdfsig(dir: string, pdf: Buffer): string {
  const file = join(dir, `pdfsig-${Date.now()}.pdf`);
  writeFileSync(file, pdf);
  try {
    return execFileSync('pdfsig', ['-nssdir', createNssDatabase(join(dir, 'nss')), file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? '');
  }
}

describe.skipIf(!softhsmAvailable)('PDF signing through a PKCS#11 token (SoftHSM2)', () => {
  let dir: string;
  let pki: TestPki;
  let now: Date;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'attk-sign-'));
    pki = createTestPki(dir);
    // After the test root exists: it is valid from the second it was made.
    now = new Date(Date.now() + 1000);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists the certificates on the token without a PIN', async () => {
    const certs = await listTokenCertificates(pki.library);
    expect(certs.map((c) => c.label).sort()).toEqual(['expired', 'signer', 'untrusted']);
    expect(certs.find((c) => c.label === 'signer')!.der.equals(pki.keys.signer.certDer)).toBe(true);
    expect(certs.every((c) => c.tokenLabel === pki.tokenLabel && c.slot === 0)).toBe(true);
  });

  it('signs PAdES B-B that ATTK and pdfsig both verify over the whole file, with the workbook attached', async () => {
    const signed = await signPdfWithToken({ pdf: await reportPdf(), attachment: { fileName: 'bao-cao.xlsx', data: workbook }, signingTime: now }, { library: pki.library, keyLabel: 'signer' }, pki.pin);
    expect(signed.certificate.commonName).toBe('Nguyễn Văn An');
    expect(signed.certificate.organisation).toBe('UBND PHƯỜNG LÁNG THƯỢNG');

    const result = await verifySignedPdf(signed.pdf, [pki.rootDer], now);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.chainTrusted).toBe(true);
    expect(result.signer?.commonName).toBe('Nguyễn Văn An');
    expect(result.signer?.serial).toBe(signed.certificate.serial);
    expect(result.sha256).toBe(signed.sha256);
    expect(result.attachment?.fileName).toBe('bao-cao.xlsx');
    expect(result.attachment?.data.equals(workbook)).toBe(true);

    const report = pdfsig(dir, signed.pdf);
    expect(report).toContain('Signature is Valid');
    expect(report).toContain('Total document signed');
    expect(report).toContain('Signer Certificate Common Name: Nguyễn Văn An');
    expect(report).toContain('Signature Type: ETSI.CAdES.detached');

    // The attachment is marked as the document's data (PDF/A-3 associated file).
    const doc = await PDFDocument.load(signed.pdf);
    expect(doc.catalog.get(PDFName.of('AF'))).toBeDefined();
  });

  it('refuses a PDF changed after signing, inside the signed bytes or appended', async () => {
    const signed = await signPdfWithToken({ pdf: await reportPdf(), attachment: { fileName: 'bao-cao.xlsx', data: workbook }, signingTime: now }, { library: pki.library, keyLabel: 'signer' }, pki.pin);
    const changed = Buffer.from(signed.pdf);
    const at = changed.indexOf('BAO CAO') >= 0 ? changed.indexOf('BAO CAO') : changed.indexOf('/MediaBox');
    changed[at + 1] = changed[at + 1] === 0x41 ? 0x42 : 0x41;
    const inside = await verifySignedPdf(changed, [pki.rootDer], now);
    expect(inside.ok).toBe(false);
    expect(inside.problems).toContain(t.verify.digest);
    expect(pdfsig(dir, changed)).not.toContain('Signature is Valid');

    // An incremental update after the signature (how a PDF editor would add a page or change text).
    const doc = await PDFDocument.load(signed.pdf);
    doc.setTitle('Sửa sau khi ký');
    const appended = Buffer.concat([signed.pdf, Buffer.from('\n'), Buffer.from(await doc.save({ useObjectStreams: false })).subarray(0, 10)]);
    const after = await verifySignedPdf(appended, [pki.rootDer], now);
    expect(after.ok).toBe(false);
    expect(after.problems).toEqual([t.verify.notWholeFile]);
  });

  it('refuses a certificate from a CA outside the trust list, naming the issuer', async () => {
    const signed = await signPdfWithToken({ pdf: await reportPdf(), attachment: { fileName: 'bao-cao.xlsx', data: workbook }, signingTime: now }, { library: pki.library, keyLabel: 'untrusted' }, pki.pin);
    const result = await verifySignedPdf(signed.pdf, [pki.rootDer], now);
    expect(result.ok).toBe(false);
    expect(result.chainTrusted).toBe(false);
    expect(result.problems).toEqual([t.verify.untrusted('Untrusted Test CA')]);
    // Trusting that CA makes the same file acceptable: the decision is the trust list's.
    expect((await verifySignedPdf(signed.pdf, [pki.rootDer, pki.otherRootDer], now)).ok).toBe(true);
    // And an office with no roots at all is told to import one.
    expect((await verifySignedPdf(signed.pdf, [], now)).problems).toEqual([t.verify.noRoots]);
  });

  it('refuses an expired certificate: the token will not sign with it, and the office rejects a PDF signed with it', async () => {
    await expect(
      signPdfWithToken({ pdf: await reportPdf(), signingTime: now }, { library: pki.library, keyLabel: 'expired' }, pki.pin),
    ).rejects.toThrow(t.errors.certExpiredNow('01/01/2021'));

    // Made with the same key outside ATTK (any tool can sign with an expired certificate).
    const expired = await signPdfWith(
      { pdf: await reportPdf(), attachment: { fileName: 'bao-cao.xlsx', data: workbook }, signingTime: now },
      { certificate: pki.keys.expired.certDer, chain: [], sign: (data) => createSign('sha256').update(data).sign(pki.keys.expired.keyPem) },
    );
    const result = await verifySignedPdf(expired.pdf, [pki.rootDer], now);
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatch(/^Chứng thư số không có hiệu lực tại thời điểm ký/);
  });

  it('refuses a wrong PIN with a Vietnamese reason that never contains the PIN', async () => {
    const wrong = '975310';
    const error = await signPdfWithToken({ pdf: await reportPdf(), signingTime: now }, { library: pki.library, keyLabel: 'signer' }, wrong).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AttkError);
    expect((error as AttkError).message).toBe(t.errors.pinIncorrect);
    const everything = JSON.stringify({ message: (error as Error).message, stack: (error as Error).stack, api: (error as AttkError).toApiError() });
    expect(everything).not.toContain(wrong);
    expect(everything).not.toContain(pki.pin);
  });

  it('refuses a PDF with no signature, and one whose /M claims a time in the future', async () => {
    expect((await verifySignedPdf(await reportPdf(), [pki.rootDer], now)).problems).toEqual([t.verify.noSignature]);
    const future = new Date(now.getTime() + 3 * 24 * 3600_000);
    const signed = await signPdfWithToken({ pdf: await reportPdf(), attachment: { fileName: 'bao-cao.xlsx', data: workbook }, signingTime: future }, { library: pki.library, keyLabel: 'signer' }, pki.pin);
    const result = await verifySignedPdf(signed.pdf, [pki.rootDer], now);
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatch(/ở tương lai/);
    expect(PDFString.of('x')).toBeDefined();
  });
});
