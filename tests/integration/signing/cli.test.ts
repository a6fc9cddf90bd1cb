import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { vi } from '../../../shared/i18n/vi';
import { createTestPki, softhsmAvailable, type TestPki } from './softhsm';

// `attk sign-pdf` and `attk verify-pdf` end to end: a demo unit exports its signed workbook, the PDF
// is signed through the token with the workbook attached, and verified against a roots folder.

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

describe.skipIf(!softhsmAvailable)('attk sign-pdf / verify-pdf', () => {
  let dir: string;
  let pki: TestPki;
  let workbook: string;
  let report: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'attk-sign-cli-'));
    pki = createTestPki(dir);
    const db = join(dir, 'unit.sqlite');
    expect((await run(['demo', '--db', db, '--size', 'unit'])).code).toBe(0);
    workbook = join(dir, 'bao-cao.xlsx');
    const exported = await run(['export', 'report', '--db', db, '--campaign', '1', '--out', workbook]);
    expect(exported.code, exported.err).toBe(0);
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]).drawText('BAO CAO KET QUA', { x: 72, y: 760, size: 14 });
    report = join(dir, 'report.pdf');
    writeFileSync(report, await doc.save());
    mkdirSync(join(dir, 'roots'));
    writeFileSync(join(dir, 'roots', 'attk-test-root.crt'), pki.rootPem);
    writeFileSync(join(dir, 'roots', 'notes.txt'), 'not a certificate');
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('signs with the PIN from an environment variable, removes it, and verifies the result and its workbook', async () => {
    const out = join(dir, 'signed.pdf');
    process.env.ATTK_TEST_PIN = pki.pin;
    const signed = await run(['sign-pdf', report, '--out', out, '--pkcs11', pki.library, '--key-label', 'signer', '--pin-env', 'ATTK_TEST_PIN', '--attach', workbook, '--json']);
    expect(signed.code, signed.err).toBe(0);
    expect(process.env.ATTK_TEST_PIN).toBeUndefined();
    const s = JSON.parse(signed.out) as { sha256: string; commonName: string; serial: string };
    expect(s.commonName).toBe('Nguyễn Văn An');
    expect(signed.out + signed.err).not.toContain(pki.pin);

    const verified = await run(['verify-pdf', out, '--roots', join(dir, 'roots'), '--json']);
    expect(verified.code, verified.out).toBe(0);
    const v = JSON.parse(verified.out) as { ok: boolean; sha256: string; signer: { commonName: string; serial: string }; attachment: { fileName: string }; unit: { name: string } };
    expect(v.ok).toBe(true);
    expect(v.sha256).toBe(s.sha256);
    expect(v.signer.serial).toBe(s.serial);
    expect(v.attachment.fileName).toBe('bao-cao.xlsx');
    expect(v.unit.name).toBeTruthy();
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');

    const text = await run(['verify-pdf', out, '--roots', join(dir, 'roots')]);
    expect(text.out).toMatch(/^Hợp lệ\. Người ký: Nguyễn Văn An; tổ chức: UBND PHƯỜNG LÁNG THƯỢNG/);
  });

  it('refuses without roots (none are bundled), and refuses a wrong PIN without echoing it', async () => {
    const out = join(dir, 'signed-2.pdf');
    process.env.ATTK_TEST_PIN = pki.pin;
    expect((await run(['sign-pdf', report, '--out', out, '--pkcs11', pki.library, '--pin-env', 'ATTK_TEST_PIN', '--key-label', 'signer', '--attach', workbook])).code).toBe(0);
    const noRoots = await run(['verify-pdf', out]);
    expect(noRoots.code).toBe(1);
    expect(noRoots.out).toContain(vi.signing.verify.noRoots);

    process.env.ATTK_TEST_PIN = '000000';
    const wrong = await run(['sign-pdf', report, '--out', join(dir, 'never.pdf'), '--pkcs11', pki.library, '--pin-env', 'ATTK_TEST_PIN']);
    expect(wrong.code).toBe(1);
    expect(wrong.err.trim()).toBe(vi.signing.errors.pinIncorrect);
    expect(wrong.out + wrong.err).not.toContain('000000');

    const missing = await run(['sign-pdf', report, '--out', join(dir, 'never.pdf'), '--pkcs11', pki.library, '--pin-env', 'ATTK_NO_SUCH_VAR']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('ATTK_NO_SUCH_VAR');
  });
});
