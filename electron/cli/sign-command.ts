import { readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { formatViDateTime } from '../../shared/dates';
import { vi } from '../../shared/i18n/vi';
import { certificateDer } from '../core/signing/certificates';
import { signPdfWithToken } from '../core/signing/pdf-sign';
import { verifySignedPdf } from '../core/signing/pdf-verify';
import { verifyAttachedWorkbook } from '../core/signing/attached-workbook';
import { checkOutput, publishOutputSync, type PublishOptions } from '../core/output/publish';

const t = vi.signing;

export class SignUsageError extends Error {}

export interface SignCommandInput {
  command: 'sign-pdf' | 'verify-pdf';
  positionals: string[];
  out: string | undefined;
  pkcs11: string | undefined;
  slot: string | undefined;
  keyLabel: string | undefined;
  pinEnv: string | undefined;
  attach: string | undefined;
  roots: string | undefined;
  /** The database the PDF belongs to, when given: its files and key are never the output. */
  db: string | undefined;
  /** Replace an existing --out file (default: refuse). */
  replace: boolean;
  json: boolean;
  now: () => Date;
  write: (text: string) => void;
}

/**
 * `attk sign-pdf IN.pdf --out OUT.pdf --pkcs11 LIB [--slot N] [--key-label L] --pin-env VAR [--attach FILE.xlsx] [--db FILE] [--replace]`
 * `attk verify-pdf FILE.pdf [--roots DIR]`
 * The PIN is read from the environment variable named by --pin-env (never a command-line argument,
 * which other users of the machine can see in the process list) and removed from this process's
 * environment once read. The signed PDF is written through the publisher (a temporary name, then
 * published): never over a database, its -wal/-shm, a signing key or into backups/, and never over
 * an existing file unless --replace — checked before the token is asked for anything.
 */
export async function signCommand(input: SignCommandInput): Promise<number> {
  const file = input.positionals[0];
  if (!file) throw new SignUsageError(vi.cli.missingOption('FILE.pdf'));
  if (input.command === 'sign-pdf') {
    if (!input.out) throw new SignUsageError(vi.cli.missingOption('--out'));
    if (!input.pkcs11) throw new SignUsageError(vi.cli.missingOption('--pkcs11'));
    if (!input.pinEnv) throw new SignUsageError(vi.cli.missingOption('--pin-env'));
    const pin = process.env[input.pinEnv] ?? '';
    delete process.env[input.pinEnv];
    if (!pin) throw new SignUsageError(t.cli.pinEnv(input.pinEnv));
    // Without --db the publisher still refuses any SQLite database or key file at --out (on --replace).
    const outOptions: PublishOptions = { dbFile: resolve(input.db ?? join(resolve(input.out), '..', '.attk-no-database')), mode: input.replace ? 'replace' : 'refuse' };
    checkOutput(input.out, outOptions);
    const slot = input.slot === undefined ? undefined : Number(input.slot);
    if (slot !== undefined && (!Number.isInteger(slot) || slot < 0)) throw new SignUsageError(vi.cli.missingOption('--slot N'));
    const attachment = input.attach ? { fileName: basename(input.attach), data: readFileSync(input.attach) } : null;
    const signed = await signPdfWithToken(
      { pdf: readFileSync(file), attachment, signingTime: input.now() },
      { library: input.pkcs11, slot, keyLabel: input.keyLabel },
      pin,
    );
    const out = publishOutputSync(input.out, signed.pdf, outOptions);
    const c = signed.certificate;
    input.write(
      input.json
        ? JSON.stringify({ ok: true, out, sha256: signed.sha256, subject: c.subject, serial: c.serial, commonName: c.commonName, organisation: c.organisation })
        : `${t.cli.signed(out, signed.sha256)}\n${t.certSummary(c.subject, c.serial)}`,
    );
    return 0;
  }

  const roots = input.roots ? readRoots(input.roots) : [];
  const result = await verifySignedPdf(readFileSync(file), roots, input.now());
  const workbook = result.attachment ? await verifyAttachedWorkbook(result.attachment.data) : null;
  const problems = [...result.problems, ...(workbook?.problems ?? [])];
  const ok = problems.length === 0;
  const s = result.signer;
  if (input.json) {
    input.write(
      JSON.stringify({
        ok,
        problems,
        sha256: result.sha256,
        signer: s ? { commonName: s.commonName, organisation: s.organisation, subject: s.subject, serial: s.serial, issuer: s.issuer } : null,
        signingTime: result.signingTime,
        chainTrusted: result.chainTrusted,
        attachment: result.attachment ? { fileName: result.attachment.fileName, bytes: result.attachment.data.length } : null,
        unit: workbook?.payload?.unit ?? null,
      }),
    );
  } else if (ok) {
    input.write(t.cli.verified(s?.commonName ?? '', s?.organisation ?? '', formatViDateTime(result.signingTime)));
  } else {
    input.write([t.cli.refused, ...problems.map((p) => `- ${p}`)].join('\n'));
  }
  return ok ? 0 : 1;
}

/** Every .cer/.crt/.pem/.der file of a folder, as DER. */
function readRoots(dir: string): Buffer[] {
  return readdirSync(dir)
    .filter((name) => ['.cer', '.crt', '.pem', '.der'].includes(extname(name).toLowerCase()))
    .map((name) => certificateDer(readFileSync(join(dir, name))))
    .filter((der): der is Buffer => der !== null);
}
