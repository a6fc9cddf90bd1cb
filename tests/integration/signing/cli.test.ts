import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

// Issue 16 item 1: `attk sign-pdf --out` goes through the publisher like every other output. The
// target is checked before the token is touched, so these need no token (the library path is bogus:
// reaching it would be a different error).
describe('attk sign-pdf --out never replaces what it did not create', () => {
  let dir: string;
  let db: string;
  let pdf: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'attk-sign-out-'));
    db = join(dir, 'attk.sqlite');
    expect((await run(['init', '--db', db])).code).toBe(0);
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]);
    pdf = join(dir, 'report.pdf');
    writeFileSync(pdf, await doc.save());
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const sign = (out: string, ...extra: string[]) => {
    process.env.ATTK_TEST_PIN = '123456';
    return run(['sign-pdf', pdf, '--out', out, '--pkcs11', join(dir, 'no-such-pkcs11.so'), '--pin-env', 'ATTK_TEST_PIN', ...extra]);
  };

  it('refuses the database, its -wal, and the unit key — with or without --db, even with --replace', async () => {
    const before = readFileSync(db);
    writeFileSync(`${db}.signing-key.pem`, 'KEY');
    for (const extra of [['--db', db], ['--db', db, '--replace'], ['--replace']]) {
      const r = await sign(db, ...extra);
      expect(r.code, r.err).toBe(1);
      expect(r.err).toContain('cơ sở dữ liệu của ATTK');
      expect(process.env.ATTK_TEST_PIN).toBeUndefined();
    }
    writeFileSync(`${db}-wal`, '');
    expect((await sign(`${db}-wal`, '--replace')).err).toContain('cơ sở dữ liệu');
    expect((await sign(`${db}.signing-key.pem`, '--replace')).err).toContain('khóa ký số');
    expect((await sign(`${db}.signing-key.pem`, '--db', db, '--replace')).err).toContain('khóa ký số');
    expect(readFileSync(db).equals(before)).toBe(true);
    expect(readFileSync(`${db}.signing-key.pem`, 'utf8')).toBe('KEY');
  });

  it('refuses an existing file unless --replace (then the token is reached); nothing is left behind', async () => {
    const existing = join(dir, 'signed.pdf');
    writeFileSync(existing, 'OLD');
    const refused = await sign(existing);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('đã có');
    expect(readFileSync(existing, 'utf8')).toBe('OLD');
    // With --replace the check passes and the command goes on to the (missing) token library.
    const replaced = await sign(existing, '--replace');
    expect(replaced.err).not.toContain('đã có');
    expect(readFileSync(existing, 'utf8')).toBe('OLD');
    expect(readdirSync(dir).filter((n) => n.endsWith('.part'))).toEqual([]);
    expect(existsSync(join(dir, 'backups'))).toBe(false);
  });
});

