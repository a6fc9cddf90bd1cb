import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf, MethodName, ResultOf } from '../../../shared/api/contract';
import { toIsoDate } from '../../../shared/dates';
import type { SubmissionImportResult } from '../../../shared/district/schema';
import { vi } from '../../../shared/i18n/vi';
import type { SignedReport } from '../../../shared/signing/schema';
import { createCore, dispatch } from '../../../electron/core';
import { createTestPki, softhsmAvailable, type TestPki } from './softhsm';

// The unit signs its report through the token (signing.signReport: the PDF, its workbook attached,
// recorded in the report history); the receiving office files the signed PDF with no key pinning —
// once it trusts the test CA — and refuses untrusted, altered and mislabelled ones.

type Call = <M extends MethodName>(method: M, input: InputOf<M>) => Promise<ResultOf<M>>;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const day = (offset: number) => toIsoDate(new Date(Date.now() + offset * 86_400_000));

function side(dir: string, name: string) {
  const core = createCore({ file: join(dir, `${name}.sqlite`), shell: 'cli', appVersion: 'test', actor: name });
  const call: Call = async (method, input) => {
    const e = await dispatch(core, method, input);
    if (!e.ok) throw new Error(`${method}: ${e.error.message}`);
    return e.result as never;
  };
  return { core, call, raw: (method: MethodName, input: unknown) => dispatch(core, method, input) };
}

async function job<R>(call: Call, started: Promise<{ jobId: string }>): Promise<{ ok: true; result: R } | { ok: false; message: string }> {
  const { jobId } = await started;
  for (;;) {
    const s = await call('jobs.status', { id: jobId });
    if (s.state === 'done') return { ok: true, result: s.result as R };
    if (s.state === 'failed') return { ok: false, message: s.error?.message ?? '' };
    await sleep(20);
  }
}

async function reportPdf(): Promise<string> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]).drawText('BAO CAO KET QUA RA SOAT', { x: 72, y: 760, size: 14 });
  return Buffer.from(await doc.save()).toString('base64');
}

const CAMPAIGN = { directiveNumber: '45/UBND-VP', subject: 'Rà soát mật khẩu', systemIds: [1], startDate: day(-10), deadline: day(10) };
const PROFILE = { parentBody: 'UBND QUẬN ĐỐNG ĐA', headName: 'Nguyễn Văn An', headTitle: 'CHỦ TỊCH', signAuthority: '', placeName: 'Đống Đa', reportSymbol: 'BC-UBND', recipientName: 'Phòng Nội vụ' };

describe.skipIf(!softhsmAvailable)('signed report PDF: unit signs, office files it through its trusted roots', () => {
  let dir: string;
  let pki: TestPki;
  let unit: ReturnType<typeof side>;
  let office: ReturnType<typeof side>;
  let unitCampaign: number;
  let officeCampaign: number;
  let signed: SignedReport;

  async function unitSigns(u: ReturnType<typeof side>, campaignId: number, certificateLabel: string, pin = pki.pin) {
    const certs = await u.call('signing.certificates', { library: pki.library });
    const cert = certs.find((c) => c.label === certificateLabel)!;
    return job<SignedReport>(u.call, u.call('signing.signReport', { campaignId, library: pki.library, slot: cert.slot, certificateId: cert.id, pin, pdfBase64: await reportPdf() }));
  }
  const fileOf = async (u: ReturnType<typeof side>, id: number) => u.call('signing.file', { id });
  const officeImports = async (files: { fileName: string; dataBase64: string }[]) => {
    const r = await job<SubmissionImportResult>(office.call, office.call('district.importFiles', { campaignId: officeCampaign, files }));
    if (!r.ok) throw new Error(r.message);
    return r.result;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'attk-sign-office-'));
    pki = createTestPki(dir);
    unit = side(dir, 'unit');
    await unit.call('unit.save', { ...PROFILE, name: 'UBND PHƯỜNG LÁNG THƯỢNG', code: 'PLT' });
    const p = await unit.call('people.create', { fullName: 'Trần Văn Bình', position: 'Công chức' });
    await unit.call('accounts.create', { systemId: 1, personId: p.id, loginName: 'plt.binh' });
    unitCampaign = (await unit.call('campaigns.create', CAMPAIGN)).id;
    await unit.call('campaigns.advance', { id: unitCampaign, to: 'in_progress' });

    office = side(dir, 'office');
    await office.call('unit.save', { ...PROFILE, name: 'PHÒNG NỘI VỤ QUẬN ĐỐNG ĐA', code: 'PNV' });
    await office.call('district.saveSettings', { receivingMode: true, officeLevel: 'district', officeAddress: '' });
    await office.call('district.saveUnit', { name: 'UBND phường Láng Thượng', code: 'PLT', kind: 'ward' });
    await office.call('district.saveUnit', { name: 'UBND phường Khâm Thiên', code: 'PKT', kind: 'ward' });
    officeCampaign = (await office.call('campaigns.create', CAMPAIGN)).id;
    await office.call('campaigns.advance', { id: officeCampaign, to: 'in_progress' });
  }, 120_000);
  afterAll(() => {
    unit?.core.db.close();
    office?.core.db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('signs the report through the token, attaches the exported workbook and records SHA-256, subject and serial', async () => {
    const status = await unit.call('signing.status', {});
    expect(status).toEqual({ available: true, printsPdf: false });
    const r = await unitSigns(unit, unitCampaign, 'signer');
    if (!r.ok) throw new Error(r.message);
    signed = r.result;
    expect(signed).toMatchObject({ campaignId: unitCampaign, commonName: 'Nguyễn Văn An', organisation: 'UBND PHƯỜNG LÁNG THƯỢNG' });
    expect(signed.serial).toMatch(/^[0-9A-F]+$/);
    expect(await unit.call('signing.history', { campaignId: unitCampaign })).toEqual([signed]);
    const file = await fileOf(unit, signed.id);
    expect(file.fileName).toMatch(/-KySo\.pdf$/);
    expect(Buffer.from(file.dataBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    // The workbook attached is the export the history lists (exported first: there was none).
    expect((await unit.call('reports.history', { campaignId: unitCampaign })).map((e) => e.id)).toEqual([signed.exportId]);
  });

  it('refuses a wrong PIN in Vietnamese; the PIN is in no audit row, job status or recorded file', async () => {
    const wrong = '864209';
    const r = await unitSigns(unit, unitCampaign, 'signer', wrong);
    expect(r).toEqual({ ok: false, message: vi.signing.errors.pinIncorrect });
    const audit = JSON.stringify(unit.core.db.prepare('SELECT * FROM audit_log').all());
    expect(audit).toContain('sign');
    for (const pin of [wrong, pki.pin]) {
      expect(audit).not.toContain(pin);
      expect(JSON.stringify(unit.core.db.prepare('SELECT * FROM report_signatures').all())).not.toContain(pin);
    }
    expect(await unit.call('signing.history', { campaignId: unitCampaign })).toHaveLength(1);
  });

  it('the office refuses the signed PDF while it trusts no root, then files it without key pinning once it trusts the CA', async () => {
    const pdf = await fileOf(unit, signed.id);
    const before = await officeImports([pdf]);
    expect(before.results[0]).toMatchObject({ status: 'refused', reason: 'signature' });
    expect(before.results[0]!.message).toContain(vi.signing.verify.noRoots);

    expect(await office.call('trustedRoots.import', { files: [{ fileName: 'test-root.crt', dataBase64: Buffer.from(pki.rootPem).toString('base64') }] })).toEqual({ added: 1 });
    const after = await officeImports([pdf]);
    expect(after.results[0]).toMatchObject({ status: 'accepted', unitCode: 'PLT', keyPinned: true });
    expect(after.results[0]!.message).toContain('Chữ ký số hợp lệ: Nguyễn Văn An — UBND PHƯỜNG LÁNG THƯỢNG');
    const board = await office.call('district.board', { campaignId: officeCampaign });
    expect(board.units.find((u) => u.code === 'PLT')).toMatchObject({ status: 'on_time', signer: { commonName: 'Nguyễn Văn An', organisation: 'UBND PHƯỜNG LÁNG THƯỢNG' }, figures: { total: 1 } });
    // The key of the workbook inside is now the unit's, vouched for by the certificate (audit says so).
    const audit = office.core.db.prepare("SELECT summary FROM audit_log WHERE action = 'key'").all() as { summary: string }[];
    expect(audit.map((a) => a.summary).join('\n')).toContain('được xác nhận qua chữ ký số');
    // The PDF itself is what the office keeps.
    const stored = office.core.db.prepare('SELECT file, sha256 FROM district_submissions').get() as { file: Buffer; sha256: string };
    expect(stored.file.equals(Buffer.from(pdf.dataBase64, 'base64'))).toBe(true);
    expect(stored.sha256).toBe(signed.sha256);
  });

  it('refuses a certificate from an untrusted CA, an altered PDF, and a certificate of another organisation', async () => {
    const untrusted = await unitSigns(unit, unitCampaign, 'untrusted');
    if (!untrusted.ok) throw new Error(untrusted.message);
    const altered = Buffer.from((await fileOf(unit, signed.id)).dataBase64, 'base64');
    const at = altered.indexOf('/MediaBox');
    altered[at + 12] = altered[at + 12] === 0x30 ? 0x31 : 0x30;

    // A unit whose register name is not the certificate's organisation.
    const other = side(dir, 'other');
    await other.call('unit.save', { ...PROFILE, name: 'UBND PHƯỜNG KHÂM THIÊN', code: 'PKT' });
    const c = (await other.call('campaigns.create', CAMPAIGN)).id;
    await other.call('campaigns.advance', { id: c, to: 'in_progress' });
    const mislabelled = await unitSigns(other, c, 'signer');
    if (!mislabelled.ok) throw new Error(mislabelled.message);

    const r = await officeImports([
      await fileOf(unit, untrusted.result.id),
      { fileName: 'sua.pdf', dataBase64: altered.toString('base64') },
      await fileOf(other, mislabelled.result.id),
    ]);
    other.core.db.close();
    expect(r.results.map((x) => [x.status, x.reason])).toEqual([['refused', 'signature'], ['refused', 'signature'], ['refused', 'signature']]);
    expect(r.results[0]!.message).toContain(vi.signing.verify.untrusted('Untrusted Test CA'));
    expect(r.results[1]!.message).toContain(vi.signing.verify.digest);
    expect(r.results[2]!.message).toBe(vi.signing.office.orgMismatch('UBND PHƯỜNG LÁNG THƯỢNG', 'UBND phường Khâm Thiên'));
  });

  it('imports only CA certificates into the trust list, all or none, and removes one as a record', async () => {
    const leaf = { fileName: 'nguoi-ky.cer', dataBase64: pki.keys.signer.certDer.toString('base64') };
    const junk = { fileName: 'rac.crt', dataBase64: Buffer.from('not a certificate').toString('base64') };
    const other = { fileName: 'other.cer', dataBase64: pki.otherRootDer.toString('base64') };
    expect(await office.raw('trustedRoots.import', { files: [other, leaf] })).toMatchObject({ ok: false, error: { message: vi.signing.roots.notCa('nguoi-ky.cer'), path: ['files', 1] } });
    expect(await office.raw('trustedRoots.import', { files: [junk] })).toMatchObject({ ok: false, error: { message: vi.signing.roots.notCertificate('rac.crt') } });
    expect(await office.raw('trustedRoots.import', { files: [{ fileName: 'again.pem', dataBase64: Buffer.from(pki.rootPem).toString('base64') }] })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const list = await office.call('trustedRoots.list', {});
    expect(list.map((r) => r.commonName)).toEqual(['ATTK Test Root CA']);
    await office.call('trustedRoots.remove', { id: list[0]!.id });
    expect(await office.call('trustedRoots.list', {})).toEqual([]);
    expect((office.core.db.prepare('SELECT count(*) AS n FROM trusted_roots').get() as { n: number }).n).toBe(1);
    expect(readFileSync(join(dir, 'office.sqlite')).length).toBeGreaterThan(0);
  });
});
