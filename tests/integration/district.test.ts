import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf, MethodName, ResultOf } from '../../shared/api/contract';
import { emptyFigures, sumFigures, type CampaignFigures } from '../../shared/campaigns/rules';
import type { DistrictExportResult, SubmissionFileResult, SubmissionImportResult, UnitListImportResult } from '../../shared/district/schema';
import type { ExportResult } from '../../shared/reports/schema';
import { createCore, dispatch } from '../../electron/core';
import { generateDemo } from '../../electron/core/demo/generate';
import { main } from '../../electron/cli/main';
import { verifyReportFile } from '../../electron/core/reports/verify';
import { HOME_UNIT, makeTestCore, type TestCore } from './harness-core';

// The receiving office, end to end, with real unit-side exports: the office registers its units,
// defines a campaign and sends the signed campaign file down; units import it, record password
// changes and export their signed reports (the real reports.export job); the office imports the
// files together — some on time, some late, one altered by a single cell, one for another
// campaign, one duplicate, one from an unknown unit, one not an Excel file — pins keys, shows the
// board and exports the consolidated workbook.

type Call = <M extends MethodName>(method: M, input: InputOf<M>) => Promise<ResultOf<M>>;

const OFFICE = {
  parentBody: 'UBND QUẬN ĐỐNG ĐA', name: 'PHÒNG NỘI VỤ QUẬN ĐỐNG ĐA', code: 'PNV-DD', headName: 'Trần Thị Mai', headTitle: 'TRƯỞNG PHÒNG',
  signAuthority: '', placeName: 'Đống Đa', reportSymbol: 'BC-PNV', recipientName: 'UBND quận Đống Đa',
};

const REGISTER_CSV = [
  'DANH SÁCH ĐƠN VỊ TRỰC THUỘC;;;',
  ';;;',
  'STT;Tên đơn vị;Mã;Loại;Liên hệ',
  '1;UBND phường Văn Miếu;PVM;Phường;Chị Lan - 0912 000 001',
  '2;UBND phường Hàng Bột;PHB;Phường;Anh Minh - 0912 000 002',
  '3;UBND phường Khâm Thiên;PKT;Phường;Chị Hoa - 0912 000 003',
  '4;Trường THCS Đống Đa;THCS-DD;Trường;Thầy Nam - thcsdongda@hanoi.edu.vn',
  '5;Phòng Tài chính - Kế hoạch;TCKH;Cơ quan;Anh Tuấn - 0243 851 0000',
  '6;UBND phường Quốc Tử Giám;PQTG;;Chị Thu - 0912 000 006',
  '7;;;;',
  '8;Đơn vị thiếu mã;;Phường;',
].join('\r\n');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function caller(core: ReturnType<typeof createCore>): Call {
  return async (method, input) => {
    const envelope = await dispatch(core, method, input);
    if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error.code} ${envelope.error.message}`);
    return envelope.result as never;
  };
}

async function runJob<R>(call: Call, start: Promise<{ jobId: string }>): Promise<R> {
  const { jobId } = await start;
  for (;;) {
    const s = await call('jobs.status', { id: jobId });
    if (s.state === 'done') return s.result as R;
    if (s.state === 'failed') throw new Error(s.error?.message);
    await sleep(10);
  }
}

/** Another connection to an existing database with its own clock (the same office, days later). */
function reopen(file: string, today: string, actor = 'van-thu') {
  const core = createCore({ file, shell: 'cli', appVersion: 'test', actor, now: () => new Date(`${today}T15:00:00`), verify: false });
  return { core, call: caller(core), close: () => core.db.close() };
}

const b64 = (path: string) => readFileSync(path).toString('base64');
const upload = (path: string, fileName = path.split('/').pop()!) => ({ fileName, dataBase64: b64(path) });
const python = (code: string, ...args: string[]) => execFileSync('/usr/bin/python3', ['-c', code, ...args]).toString();
const sum = (list: CampaignFigures[]) => list.reduce((acc, f) => sumFigures(acc, f), emptyFigures());

interface UnitSide {
  t: TestCore;
  code: string;
  campaignId: number;
  file: ExportResult;
}

let office: TestCore;
let campaignId: number;
let reference: string;
let campaignFile: { fileName: string; dataBase64: string };
const units: Record<string, UnitSide> = {};
const extra: TestCore[] = [];
let batch: SubmissionImportResult;

/** A unit's database: its profile, the campaign (from the office's file, or typed by hand), three staff, their accounts and changes; then the real export job. */
async function makeUnit(code: string, name: string, options: { manualCampaign?: boolean; changedOn?: string } = {}): Promise<UnitSide> {
  const t = makeTestCore('2024-01-22');
  await t.call('unit.save', { ...HOME_UNIT, code, name, recipientName: OFFICE.name });
  let id: number;
  if (options.manualCampaign) {
    const c = await t.call('campaigns.create', {
      directiveNumber: '123/UBND-NV', subject: 'Rà soát mật khẩu', systemIds: [1, 2], startDate: '2024-01-08', deadline: '2024-01-25',
    });
    await t.call('campaigns.advance', { id: c.id, to: 'in_progress' });
    id = c.id;
  } else {
    id = (await t.call('campaignFile.import', campaignFile)).campaign.id;
  }
  const [kntc, dgxl] = await t.call('systems.list', {});
  for (const [i, fullName] of ['Nguyễn Văn An', 'Lê Thị Bình', 'Phạm Văn Cường'].entries()) {
    const p = await t.call('people.create', { fullName: `${fullName} ${code}`, position: 'Công chức' });
    const a = await t.call('accounts.create', { systemId: kntc!.id, personId: p.id, loginName: `${code.toLowerCase()}.kntc${i}` });
    const b = await t.call('accounts.create', { systemId: dgxl!.id, personId: p.id, loginName: `${code.toLowerCase()}.dg${i}`, role: i === 0 ? 'admin' : 'user' });
    if (i < 2) await t.call('confirmations.create', { accountId: a.id, changedOn: options.changedOn ?? '2024-01-15' });
    if (i === 0) await t.call('confirmations.create', { accountId: b.id, changedOn: '2024-01-16' });
    if (i === 2) await t.call('people.setStatus', { id: p.id, status: 'transferred', statusDate: '2024-01-10' });
  }
  const file = await runJob<ExportResult>(t.call, t.call('reports.export', { campaignId: id }));
  // Kept aside: a second export in the same second (fixed clock) reuses the file name.
  const kept = `${t.file}.${code}.xlsx`;
  copyFileSync(file.filePath, kept);
  return { t, code, campaignId: id, file: { ...file, filePath: kept } };
}

beforeAll(async () => {
  office = makeTestCore('2024-01-20');
  await office.call('unit.save', OFFICE);
  await office.call('district.saveSettings', { receivingMode: true, officeLevel: 'district', officeAddress: '90 Hoàng Cầu, Đống Đa' });
  const list = await runJob<UnitListImportResult>(
    office.call,
    office.call('district.importUnits', { fileName: 'donvi.csv', dataBase64: Buffer.from(`\uFEFF${REGISTER_CSV}`).toString('base64') }),
  );
  expect(list).toMatchObject({ created: 6, updated: 0, unchanged: 0 });
  const qlvb = await office.call('systems.create', { code: 'QLVB', name: 'Hệ thống quản lý văn bản và điều hành', adminIntervalMonths: 2, userIntervalMonths: 3 });
  const law = await office.call('legal.create', { kind: 'law', number: 'Luật An ninh mạng số 116/2025/QH15', issuedOn: '2025-06-25', issuer: 'Quốc hội', title: 'Luật An ninh mạng' });
  const c = await office.call('campaigns.create', {
    directiveNumber: '123/UBND-NV', directiveDate: '2024-01-05', issuer: 'UBND quận Đống Đa', subject: 'Rà soát, thay đổi mật khẩu tài khoản các phần mềm dùng chung',
    systemIds: [1, 2, qlvb.id], legalIds: [1, law.id], startDate: '2024-01-08', deadline: '2024-01-25', recipient: OFFICE.recipientName,
  });
  campaignId = c.id;
  await office.call('campaigns.advance', { id: campaignId, to: 'in_progress' });
  const exported = await office.call('campaignFile.export', { campaignId });
  reference = exported.reference;
  campaignFile = { fileName: exported.fileName, dataBase64: exported.dataBase64 };

  units.PVM = await makeUnit('PVM', 'UBND PHƯỜNG VĂN MIẾU');
  units.PHB = await makeUnit('PHB', 'UBND PHƯỜNG HÀNG BỘT', { changedOn: '2024-01-09' });
  units.PKT = await makeUnit('PKT', 'UBND PHƯỜNG KHÂM THIÊN', { manualCampaign: true });
  units['THCS-DD'] = await makeUnit('THCS-DD', 'TRƯỜNG THCS ĐỐNG ĐA');
  units.TCKH = await makeUnit('TCKH', 'PHÒNG TÀI CHÍNH - KẾ HOẠCH');
  units.PXX = await makeUnit('PXX', 'UBND PHƯỜNG NGOÀI DANH SÁCH', { manualCampaign: true });
}, 60_000);

afterAll(() => {
  if (process.env.ATTK_KEEP) return;
  office?.close();
  for (const u of Object.values(units)) u.t.close();
  for (const t of extra) t.close();
});

describe('the register of units', () => {
  it('imports the CSV list: finds the header under a title, reads kinds, infers a missing kind, reports bad rows', async () => {
    const list = await office.call('district.units', {});
    expect(list.map((u) => [u.code, u.kind])).toEqual([
      ['TCKH', 'office'], ['PHB', 'ward'], ['PKT', 'ward'], ['PQTG', 'ward'], ['PVM', 'ward'], ['THCS-DD', 'school'],
    ]);
    expect(list.find((u) => u.code === 'PVM')).toMatchObject({ name: 'UBND phường Văn Miếu', contact: 'Chị Lan - 0912 000 001', key: null });
    // The same list again changes nothing; one bad row is reported with its number.
    const again = await runJob<UnitListImportResult>(office.call, office.call('district.importUnits', { fileName: 'donvi.csv', dataBase64: Buffer.from(REGISTER_CSV).toString('base64') }));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 6 });
    expect(again.problems).toEqual([{ row: 11, message: 'thiếu mã đơn vị.' }]);
  });

  it('imports an .xlsx list with a title above the header, and updates a unit by its code', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Danh sách');
    ws.addRow(['UBND QUẬN ĐỐNG ĐA']);
    ws.addRow(['DANH SÁCH ĐƠN VỊ']);
    ws.addRow([]);
    ws.addRow(['STT', 'TÊN ĐƠN VỊ', 'MÃ ĐƠN VỊ', 'LOẠI', 'NGƯỜI LIÊN HỆ']);
    ws.addRow([1, 'Trường Mầm non Hoa Sen', 'MN-HS', '', 'Cô Mai']);
    ws.addRow([2, 'UBND phường Khâm Thiên', 'PKT', 'Phường', 'Chị Hoa - 0912 000 333']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await runJob<UnitListImportResult>(office.call, office.call('district.importUnits', { fileName: 'ds.xlsx', dataBase64: bytes.toString('base64') }));
    expect(r).toMatchObject({ created: 1, updated: 1, problems: [] });
    const list = await office.call('district.units', {});
    expect(list.find((u) => u.code === 'MN-HS')).toMatchObject({ kind: 'school', name: 'Trường Mầm non Hoa Sen' });
    expect(list.find((u) => u.code === 'PKT')!.contact).toBe('Chị Hoa - 0912 000 333');
    // Entered by mistake: removed (only a unit without staff, files or key can be).
    const mn = list.find((u) => u.code === 'MN-HS')!;
    await office.call('district.removeUnit', { id: mn.id });
    expect((await office.call('district.units', {})).some((u) => u.code === 'MN-HS')).toBe(false);
  });

  it('refuses a code already used (the office\'s own included) and a list file without the two key columns', async () => {
    expect(await office.raw('district.saveUnit', { name: 'Trùng', code: 'pvm', kind: 'ward' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', path: ['code'] } });
    expect(await office.raw('district.saveUnit', { name: 'Trùng', code: 'PNV-DD', kind: 'office' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const bad = await office.call('district.importUnits', { fileName: 'x.csv', dataBase64: Buffer.from('Họ và tên;Chức vụ\nA;B').toString('base64') });
    const s = await (async () => {
      for (;;) {
        const st = await office.call('jobs.status', { id: bad.jobId });
        if (st.state !== 'running') return st;
        await sleep(10);
      }
    })();
    expect(s.state).toBe('failed');
    expect(s.error?.message).toContain('Tên đơn vị');
  });
});

describe('the campaign file going down', () => {
  it('is signed JSON with the reference, the systems with their intervals, the legal basis and the expected units', () => {
    const file = JSON.parse(Buffer.from(campaignFile.dataBase64, 'base64').toString('utf8')) as { format: string; payload: string; fingerprint: string };
    expect(campaignFile.fileName).toMatch(/\.attk-campaign$/);
    expect(file.format).toBe('ATTK-CAMPAIGN');
    const payload = JSON.parse(file.payload) as { reference: string; systems: { code: string; adminIntervalMonths: number }[]; units: { code: string }[]; office: { level: string; address: string } };
    expect(payload.reference).toBe(reference);
    expect(payload.systems.map((s) => s.code)).toEqual(['KNTC', 'DGXL', 'QLVB']);
    expect(payload.systems[2]!.adminIntervalMonths).toBe(2);
    expect(payload.units.map((u) => u.code).sort()).toEqual(['PHB', 'PKT', 'PQTG', 'PVM', 'TCKH', 'THCS-DD']);
    expect(payload.office).toMatchObject({ level: 'district', address: '90 Hoàng Cầu, Đống Đa' });
  });

  it('sets the unit\'s campaign up identically: missing system created with the file\'s intervals, missing law added, reference kept', async () => {
    const u = units.PVM!;
    const c = await u.t.call('campaigns.get', { id: u.campaignId });
    expect(c).toMatchObject({ reference, directiveNumber: '123/UBND-NV', deadline: '2024-01-25', startDate: '2024-01-08', status: 'in_progress', recipient: OFFICE.name });
    const systems = await u.t.call('systems.list', {});
    expect(systems.find((s) => s.code === 'QLVB')).toMatchObject({ name: 'Hệ thống quản lý văn bản và điều hành', adminIntervalMonths: 2, userIntervalMonths: 3 });
    expect(c.systemIds).toHaveLength(3);
    const legal = await u.t.call('legal.list', {});
    expect(c.legalIds.map((id) => legal.find((d) => d.id === id)?.number)).toEqual(['Nghị định số 55/2022/NĐ-CP', 'Luật An ninh mạng số 116/2025/QH15']);
    // The unit's signed report carries the reference back.
    const v = await verifyReportFile(u.file.filePath);
    expect(v.ok).toBe(true);
    expect(v.payload!.campaign.reference).toBe(reference);
    expect(v.payload!.unit.code).toBe('PVM');
  });

  it('previews, then asks a unit whose code is not listed which unit it is, and takes the office\'s code', async () => {
    const t = makeTestCore('2024-01-22');
    extra.push(t);
    await t.call('unit.save', { ...HOME_UNIT, code: 'VM-CU' });
    const preview = await t.call('campaignFile.preview', campaignFile);
    expect(preview).toMatchObject({ reference, homeUnitCode: 'VM-CU', homeCodeListed: false, existingCampaignId: null, office: { name: OFFICE.name } });
    expect(preview.systems.map((s) => s.action)).toEqual(['matched', 'matched', 'create']);
    expect(preview.legal.map((d) => d.action)).toEqual(['exists', 'add']);
    expect(await t.raw('campaignFile.import', campaignFile)).toMatchObject({ ok: false, error: { code: 'VALIDATION', path: ['unitCode'] } });
    // Picking a unit is not enough: the code changes only when the clerk confirms it.
    expect(await t.raw('campaignFile.import', { ...campaignFile, unitCode: 'PQTG' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', path: ['confirmUnitCode'] } });
    expect((await t.call('unit.get', {}))!.code).toBe('VM-CU');
    const r = await t.call('campaignFile.import', { ...campaignFile, unitCode: 'PQTG', confirmUnitCode: 'PQTG' });
    expect(r.unitCodeChanged).toEqual({ from: 'VM-CU', to: 'PQTG' });
    expect((await t.call('unit.get', {}))!.code).toBe('PQTG');
    // Importing the same file again updates the same campaign (no second one).
    const again = await t.call('campaignFile.import', campaignFile);
    expect(again.created).toBe(false);
    expect(again.campaign.id).toBe(r.campaign.id);
    expect((await t.call('campaigns.list', {})).length).toBe(1);
  });

  it('refuses a campaign file changed after signing', async () => {
    const file = JSON.parse(Buffer.from(campaignFile.dataBase64, 'base64').toString('utf8')) as { payload: string };
    file.payload = file.payload.replace('"deadline":"2024-01-25"', '"deadline":"2024-02-25"');
    const forged = { fileName: 'x.attk-campaign', dataBase64: Buffer.from(JSON.stringify(file)).toString('base64') };
    const r = await units.PHB!.t.raw('campaignFile.preview', forged);
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((r as { error: { message: string } }).error.message).toContain('Chữ ký số');
    const junk = await units.PHB!.t.raw('campaignFile.import', { fileName: 'a.attk-campaign', dataBase64: Buffer.from('hello').toString('base64') });
    expect((junk as { error: { message: string } }).error.message).toContain('không phải tệp đợt rà soát');
  });
});

describe('unit files coming up', () => {
  let altered: string;
  let otherCampaign: ExportResult;
  const byName = (name: string) => batch.results.find((r) => r.fileName === name)!;

  beforeAll(async () => {
    const pvm = units.PVM!.file.filePath;
    altered = `${pvm}.sua.xlsx`;
    // One cell of the summary changed (a "done" figure + 1), saved by another program.
    python(
      `import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nws = wb['Tổng hợp']\nfor row in ws.iter_rows():\n    if isinstance(row[0].value, int):\n        row[5].value = row[5].value + 1; break\nwb.save(sys.argv[2])`,
      units.PHB!.file.filePath,
      altered,
    );
    // PHB's report for another campaign of its own.
    const other = await units.PHB!.t.call('campaigns.create', { directiveNumber: '99/UBND-VP', subject: 'Đợt khác', systemIds: [1], startDate: '2024-01-02', deadline: '2024-02-15' });
    await units.PHB!.t.call('campaigns.advance', { id: other.id, to: 'in_progress' });
    otherCampaign = await runJob<ExportResult>(units.PHB!.t.call, units.PHB!.t.call('reports.export', { campaignId: other.id }));
    writeFileSync(`${pvm}.ghichu.xlsx`, 'Đây không phải tệp Excel');

    // The office, on 24/01 (before the deadline), takes many files at once; the clerk has checked
    // the fingerprints of PVM, PHB and PKT against their signed paper reports.
    const confirmedKeys = ['PVM', 'PHB', 'PKT'].map((c) => ({ unitCode: c, fingerprint: units[c]!.file.fingerprint }));
    const o = reopen(office.file, '2024-01-24');
    try {
      batch = await runJob<SubmissionImportResult>(
        o.call,
        o.call('district.importFiles', {
          campaignId,
          confirmedKeys,
          files: [
            upload(pvm, 'PVM.xlsx'), upload(pvm, 'PVM-ban-sao.xlsx'), upload(altered, 'PHB-da-sua.xlsx'), upload(units.PXX!.file.filePath, 'PXX.xlsx'),
            upload(otherCampaign.filePath, 'PHB-dot-khac.xlsx'), upload(`${pvm}.ghichu.xlsx`, 'ghichu.xlsx'), upload(units.PHB!.file.filePath, 'PHB.xlsx'),
            upload(units.PKT!.file.filePath, 'PKT.xlsx'), upload(units['THCS-DD']!.file.filePath, 'THCS.xlsx'),
          ],
        }),
      );
    } finally {
      o.close();
    }
  }, 60_000);

  it('accepts exactly the valid files and refuses each other one with its reason', () => {
    const outcome = batch.results.map((r) => [r.fileName, r.status, r.reason ?? null]);
    expect(outcome).toEqual([
      ['PVM.xlsx', 'accepted', null],
      ['PVM-ban-sao.xlsx', 'refused', 'duplicate'],
      ['PHB-da-sua.xlsx', 'refused', 'altered'],
      ['PXX.xlsx', 'refused', 'unknownUnit'],
      ['PHB-dot-khac.xlsx', 'refused', 'otherCampaign'],
      ['ghichu.xlsx', 'refused', 'unreadable'],
      ['PHB.xlsx', 'accepted', null],
      ['PKT.xlsx', 'accepted', null],
      ['THCS.xlsx', 'refused', 'needsKey'],
    ]);
    expect(batch).toMatchObject({ accepted: 3, refused: 6 });
    expect(byName('PVM-ban-sao.xlsx').message).toContain('trùng hoàn toàn với tệp "PVM.xlsx"');
    expect(byName('PHB-da-sua.xlsx').message).toMatch(/đã bị sửa sau khi đơn vị xuất.*đã bị thay đổi/);
    expect(byName('PHB-da-sua.xlsx').unitCode).toBe('PHB');
    expect(byName('PXX.xlsx').message).toContain('chưa có trong danh sách đơn vị trực thuộc');
    expect(byName('PHB-dot-khac.xlsx').message).toContain('99/UBND-VP');
    expect(byName('ghichu.xlsx').message).toContain('không phải tệp Excel');
    const thcs = byName('THCS.xlsx');
    expect(thcs.fingerprint).toBe(units['THCS-DD']!.file.fingerprint);
    expect(thcs.message).toContain(thcs.fingerprint);
    expect(byName('PVM.xlsx')).toMatchObject({ keyPinned: true, replaced: false, late: false, receivedOn: '2024-01-24', figures: units.PVM!.file.figures });
  });

  it('matches the campaign by reference, or by directive number + deadline for a unit that typed it in', async () => {
    const [pvm] = await office.call('district.submissions', { campaignId, unitId: unitId('PVM') });
    const [pkt] = await office.call('district.submissions', { campaignId, unitId: unitId('PKT') });
    expect(pvm!.matchedBy).toBe('reference');
    expect(pkt!.matchedBy).toBe('directive');
  });

  it('pins a key only on confirmation; files received after the deadline are late', async () => {
    const o = reopen(office.file, '2024-01-27');
    try {
      const thcs = units['THCS-DD']!.file;
      const tckh = units.TCKH!.file;
      const first = await runJob<SubmissionImportResult>(o.call, o.call('district.importFiles', { campaignId, files: [upload(tckh.filePath, 'TCKH.xlsx')] }));
      expect(first.results[0]).toMatchObject({ status: 'refused', reason: 'needsKey', fingerprint: tckh.fingerprint });
      const confirmed = await runJob<SubmissionImportResult>(
        o.call,
        o.call('district.importFiles', {
          campaignId,
          files: [upload(thcs.filePath, 'THCS.xlsx'), upload(tckh.filePath, 'TCKH.xlsx')],
          confirmedKeys: [{ unitCode: 'thcs-dd', fingerprint: thcs.fingerprint }, { unitCode: 'TCKH', fingerprint: tckh.fingerprint }],
        }),
      );
      expect(confirmed.results.map((r) => [r.status, r.late, r.keyPinned])).toEqual([['accepted', true, true], ['accepted', true, true]]);
      expect(confirmed.results[0]!.message).toContain('muộn 2 ngày');
      const register = await o.call('district.units', {});
      expect(register.find((u) => u.code === 'TCKH')!.key).toMatchObject({ fingerprint: tckh.fingerprint, confirmedBy: 'van-thu' });
    } finally {
      o.close();
    }
  });

  it('refuses a file signed with another key whatever the import options; only the explicit key change (reason, who/when) lets it in', async () => {
    const u = units.PVM!;
    // The unit's database loses its key (a copy made without it): the next export is signed with a new one.
    u.t.core.db.prepare('DELETE FROM signing_key').run();
    const later = reopen(u.t.file, '2024-01-28', 'pvm');
    const resent = await runJob<ExportResult>(later.call, later.call('reports.export', { campaignId: u.campaignId }));
    later.close();
    expect(resent.fingerprint).not.toBe(u.file.fingerprint);
    expect(resent.keyWarning).toContain(u.file.fingerprint);
    const o = reopen(office.file, '2024-01-29');
    try {
      const refused = await runJob<SubmissionImportResult>(o.call, o.call('district.importFiles', { campaignId, files: [upload(resent.filePath, 'PVM-moi.xlsx')] }));
      expect(refused.results[0]).toMatchObject({ status: 'refused', reason: 'keyChanged', fingerprint: resent.fingerprint, pinnedFingerprint: u.file.fingerprint });
      // Neither a confirmation nor --trust-new-keys replaces a pinned key.
      for (const options of [{ confirmedKeys: [{ unitCode: 'PVM', fingerprint: resent.fingerprint }] }, { trustNewKeys: true }]) {
        const again = await runJob<SubmissionImportResult>(o.call, o.call('district.importFiles', { campaignId, files: [upload(resent.filePath, 'PVM-moi.xlsx')], ...options }));
        expect(again.results[0]).toMatchObject({ status: 'refused', reason: 'keyChanged' });
      }
      const publicKey = refused.results[0]!.publicKey!;
      const wrongTyped = await dispatch(o.core, 'district.changeKey', { unitCode: 'PVM', publicKey, fingerprint: u.file.fingerprint, reason: 'Máy mới' });
      expect(wrongTyped).toMatchObject({ ok: false, error: { code: 'VALIDATION', path: ['fingerprint'] } });
      const changed = await o.call('district.changeKey', { unitCode: 'PVM', publicKey, fingerprint: resent.fingerprint, reason: 'Đơn vị thay máy tính, mất tệp khóa (công văn 12/UBND ngày 28/01/2024)' });
      expect(changed).toMatchObject({ from: u.file.fingerprint, to: resent.fingerprint });
      const accepted = await runJob<SubmissionImportResult>(o.call, o.call('district.importFiles', { campaignId, files: [upload(resent.filePath, 'PVM-moi.xlsx')] }));
      expect(accepted.results[0]).toMatchObject({ status: 'accepted', replaced: true, keyPinned: false, late: false });
      // The older file cannot come back over the newer one.
      const older = await runJob<SubmissionImportResult>(o.call, o.call('district.importFiles', { campaignId, files: [upload(u.file.filePath, 'PVM.xlsx')] }));
      expect(older.results[0]).toMatchObject({ status: 'refused', reason: 'duplicate' });
      const history = await o.call('district.submissions', { campaignId, unitId: unitId('PVM') });
      expect(history.map((h) => [h.fileName, h.current, h.fingerprint])).toEqual([
        ['PVM-moi.xlsx', true, resent.fingerprint],
        ['PVM.xlsx', false, u.file.fingerprint],
      ]);
      const keys = o.core.db
        .prepare('SELECT fingerprint, retired_at IS NOT NULL AS retired, retired_reason AS reason, confirmed_by AS confirmedBy FROM district_unit_keys WHERE unit_id = ? ORDER BY id')
        .all(unitId('PVM'));
      expect(keys).toEqual([
        { fingerprint: u.file.fingerprint, retired: 1, reason: 'Đơn vị thay máy tính, mất tệp khóa (công văn 12/UBND ngày 28/01/2024)', confirmedBy: 'van-thu' },
        { fingerprint: resent.fingerprint, retired: 0, reason: null, confirmedBy: 'van-thu' },
      ]);
      const audit = o.core.db.prepare("SELECT summary, actor FROM audit_log WHERE action = 'key' ORDER BY id DESC LIMIT 1").get() as { summary: string; actor: string };
      expect(audit.summary).toContain(`${u.file.fingerprint} → ${resent.fingerprint}`);
      expect(audit.summary).toContain('mất tệp khóa');
      expect(() => o.core.db.prepare('DELETE FROM district_submissions').run()).toThrow(/never deleted/);
      u.file = resent;
    } finally {
      o.close();
    }
  });

  it('shows the board: on time / late / not yet, days left, totals equal to the sum of the accepted files, the units to chase', async () => {
    const o = reopen(office.file, '2024-01-29');
    try {
      const board = await o.call('district.board', { campaignId });
      expect(board.daysLeft).toBe(-4);
      expect(board.counts).toEqual({ expected: 6, received: 5, onTime: 3, late: 2, missing: 1, others: 0 });
      expect(board.units.map((u) => [u.code, u.status, u.firstReceivedOn])).toEqual([
        ['TCKH', 'late', '2024-01-27'], ['PHB', 'on_time', '2024-01-24'], ['PKT', 'on_time', '2024-01-24'], ['PQTG', 'missing', null],
        ['PVM', 'on_time', '2024-01-24'], ['THCS-DD', 'late', '2024-01-27'],
      ]);
      const accepted = ['PVM', 'PHB', 'PKT', 'THCS-DD', 'TCKH'].map((c) => units[c]!.file.figures);
      expect(board.totals.overall).toEqual(sum(accepted));
      expect(board.units.find((u) => u.code === 'PVM')!.files).toBe(2);
      // Per system: the three systems of the campaign file (PKT's hand-typed campaign has two).
      expect(board.totals.bySystem.map((s) => [s.systemCode, s.units])).toEqual([['KNTC', 5], ['DGXL', 5], ['QLVB', 4]]);
      expect(sum(board.totals.bySystem)).toEqual(board.totals.overall);
      expect(board.chase.map((u) => [u.code, u.status, u.contact])).toEqual([
        ['PQTG', 'missing', 'Chị Thu - 0912 000 006'], ['TCKH', 'late', 'Anh Tuấn - 0243 851 0000'], ['THCS-DD', 'late', 'Thầy Nam - thcsdongda@hanoi.edu.vn'],
      ]);
      const schools = await o.call('district.board', { campaignId, kind: 'school' });
      expect(schools.units.map((u) => u.code)).toEqual(['THCS-DD']);
      expect(schools.totals.overall).toEqual(units['THCS-DD']!.file.figures);
      const missing = await o.call('district.board', { campaignId, status: 'missing' });
      expect(missing.units.map((u) => u.code)).toEqual(['PQTG']);
      expect(missing.counts.expected).toBe(6);
    } finally {
      o.close();
    }
  });

  it('narrows the expected units per campaign', async () => {
    const all = (await office.call('district.units', {})).map((u) => u.id);
    const without = all.filter((id) => id !== unitId('PQTG'));
    expect(await office.call('district.setExpected', { campaignId, unitIds: without })).toHaveLength(5);
    expect((await office.call('district.board', { campaignId })).counts).toMatchObject({ expected: 5, missing: 0 });
    await office.call('district.setExpected', { campaignId, unitIds: all });
  });

  it('exports the consolidated workbook: per unit and totals with the office signature block, accounts to cancel, units that did not submit', async () => {
    const r = await runJob<DistrictExportResult>(office.call, office.call('district.export', { campaignId }));
    expect(r).toMatchObject({ units: 5, missing: 1 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(r.filePath);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Kết nối, bảo mật', 'Đề nghị hủy TK', 'Chưa nộp']);
    const summary = wb.getWorksheet('Tổng hợp')!;
    const texts: string[] = [];
    const unitRows: (string | number | null)[][] = [];
    let totalRow: unknown[] | null = null;
    summary.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1);
      texts.push(values.filter((v) => typeof v === 'string').join(' '));
      if (typeof values[0] === 'number' && typeof values[2] === 'string' && totalRow === null) unitRows.push(values as never);
      if (values[1] === 'Tổng cộng' && totalRow === null) totalRow = values;
    });
    const all = texts.join('\n');
    for (const s of ['UBND QUẬN ĐỐNG ĐA', 'PHÒNG NỘI VỤ QUẬN ĐỐNG ĐA', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'TRƯỞNG PHÒNG', 'Trần Thị Mai', 'Số đơn vị phải báo cáo: 6; đã nộp: 5']) expect(all).toContain(s);
    expect(unitRows.map((u) => u[2])).toEqual(['TCKH', 'PHB', 'PKT', 'PQTG', 'PVM', 'THCS-DD']);
    const overall = (await office.call('district.board', { campaignId })).totals.overall;
    expect(totalRow!.slice(5, 11)).toEqual([overall.total, overall.toCancel, overall.mustChange, overall.done, overall.late, overall.missing]);
    const cancel = wb.getWorksheet('Đề nghị hủy TK')!;
    expect(cancel.actualRowCount - 3).toBe(overall.toCancel);
    expect(String(cancel.getRow(5).getCell(10).value)).toContain('***');
    const missing = wb.getWorksheet('Chưa nộp')!;
    expect(missing.getRow(4).values).toEqual([undefined, 1, 'UBND phường Quốc Tử Giám', 'PQTG', 'Phường', 'Chị Thu - 0912 000 006']);
    const file = await office.call('district.exportFile', { exportId: r.exportId });
    expect(Buffer.from(file.dataBase64, 'base64').equals(readFileSync(r.filePath))).toBe(true);
  });

  it('gives the print view its data: the office, its level and address, the board', async () => {
    const d = await office.call('district.reportData', { campaignId });
    expect(d.office.name).toBe(OFFICE.name);
    expect(d.settings).toMatchObject({ receivingMode: true, officeLevel: 'district', officeAddress: '90 Hoàng Cầu, Đống Đa' });
    expect(d.legal.map((l) => l.number)).toContain('Luật An ninh mạng số 116/2025/QH15');
    expect(d.toCancel).toBe(d.board.totals.overall.toCancel);
  });
});

describe('the attk command', () => {
  it('attk campaign export/import, attk district import (--trust-new-keys) and attk district export', async () => {
    const out: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => out.push(s) };
    const campaignOut = `${office.file}.dot.attk-campaign`;
    expect(await main(['campaign', 'export', '--campaign', String(campaignId), '--out', campaignOut, '--db', office.file, '--json', '--today', '2024-01-29'], io)).toBe(0);
    expect(JSON.parse(out.pop()!)).toMatchObject({ ok: true, reference });

    // A unit that has never seen the office: the campaign comes from the file, then its report goes up.
    const t = makeTestCore('2024-01-29');
    extra.push(t);
    await t.call('unit.save', { ...HOME_UNIT, code: 'PQTG', name: 'UBND PHƯỜNG QUỐC TỬ GIÁM' });
    t.core.db.close();
    const code = await main(['campaign', 'import', campaignOut, '--db', t.file, '--json', '--today', '2024-01-29'], io);
    expect(code, out.join('\n')).toBe(0);
    const imported = JSON.parse(out.pop()!) as { ok: boolean; campaignId: number; reference: string };
    expect(imported).toMatchObject({ ok: true, reference });
    const xlsx = `${t.file}.baocao.xlsx`;
    expect(await main(['export', 'report', '--db', t.file, '--campaign', String(imported.campaignId), '--out', xlsx, '--json', '--today', '2024-01-29'], io)).toBe(0);
    out.pop();

    const args = ['district', 'import', xlsx, units.PHB!.file.filePath, '--db', office.file, '--json', '--today', '2024-01-30'];
    expect(await main(args, io)).toBe(1);
    const first = JSON.parse(out.pop()!) as { results: SubmissionFileResult[] };
    expect(first.results.map((r) => r.reason)).toEqual(['needsKey', 'duplicate']);
    expect(await main([...args, '--trust-new-keys'], io)).toBe(1);
    const second = JSON.parse(out.pop()!) as { results: SubmissionFileResult[]; accepted: number };
    expect(second.results.map((r) => [r.status, r.late])).toEqual([['accepted', true], ['refused', undefined]]);

    const xOut = `${office.file}.tonghop.xlsx`;
    expect(await main(['district', 'export', '--campaign', String(campaignId), '--out', xOut, '--db', office.file, '--json', '--today', '2024-01-30'], io)).toBe(0);
    expect(JSON.parse(out.pop()!)).toMatchObject({ ok: true, units: 6, missing: 0 });
    copyFileSync(xOut, `${xOut}.copy`);
  }, 60_000);
});

describe('a hundred unit files in one go', () => {
  it('verifies and stores 100 real unit exports (100 units, 100 keys) in one job, totals equal to their sum', async () => {
    // One unit-size demo database exported as 100 different units (each with its own key).
    const unit = makeTestCore('2024-01-20');
    extra.push(unit);
    generateDemo(unit.core.db, 'unit', { today: '2024-01-20' });
    const campaign = (await unit.call('campaigns.list', {})).find((c) => c.status === 'in_progress')!;
    const { id: _id, updatedAt: _u, ...profile } = (await unit.call('unit.get', {}))!;
    const files: { fileName: string; dataBase64: string }[] = [];
    const figures: CampaignFigures[] = [];
    const rows: string[] = ['Tên đơn vị;Mã;Loại;Liên hệ'];
    for (let i = 1; i <= 100; i++) {
      const code = `U${String(i).padStart(3, '0')}`;
      await unit.call('unit.save', { ...profile, code, name: `UBND phường số ${i}` });
      unit.core.db.prepare('DELETE FROM signing_key').run();
      const r = await runJob<ExportResult>(unit.call, unit.call('reports.export', { campaignId: campaign.id }));
      files.push({ fileName: `${code}.xlsx`, dataBase64: b64(r.filePath) });
      figures.push(r.figures);
      rows.push(`UBND phường số ${i};${code};Phường;`);
    }
    const o = makeTestCore('2024-01-24');
    extra.push(o);
    await o.call('unit.save', OFFICE);
    await runJob(o.call, o.call('district.importUnits', { fileName: 'ds.csv', dataBase64: Buffer.from(rows.join('\n')).toString('base64') }));
    const c = await o.call('campaigns.create', { directiveNumber: campaign.directiveNumber, subject: 'x', systemIds: [1, 2, 3], startDate: campaign.startDate, deadline: campaign.deadline });

    const started = performance.now();
    const r = await runJob<SubmissionImportResult>(o.call, o.call('district.importFiles', { campaignId: c.id, files, trustNewKeys: true }));
    const seconds = (performance.now() - started) / 1000;
    console.log(`[district] 100 unit files (${Math.round(files.reduce((n, f) => n + f.dataBase64.length * 0.75, 0) / 1024)} kB) imported in ${seconds.toFixed(2)} s (job: ${r.ms} ms)`);
    expect(r).toMatchObject({ accepted: 100, refused: 0 });
    const board = await o.call('district.board', { campaignId: c.id });
    expect(board.counts).toMatchObject({ expected: 100, onTime: 100, missing: 0 });
    expect(board.totals.overall).toEqual(sum(figures));
  }, 180_000);
});

describe('a large unit file', () => {
  it('verifies a district-size export (29,000 accounts, 1.8 MB): Vietnamese text across the reader\'s chunk boundaries', async () => {
    const unit = makeTestCore('2024-01-20');
    extra.push(unit);
    generateDemo(unit.core.db, 'district', { today: '2024-01-20' });
    const campaign = (await unit.call('campaigns.list', {})).find((c) => c.status === 'in_progress')!;
    const exported = await runJob<ExportResult>(unit.call, unit.call('reports.export', { campaignId: campaign.id }));
    const o = makeTestCore('2024-01-24');
    extra.push(o);
    await o.call('unit.save', OFFICE);
    const home = (await unit.call('unit.get', {}))!;
    await o.call('district.saveUnit', { name: home.name, code: home.code, kind: 'other' });
    const c = await o.call('campaigns.create', { directiveNumber: campaign.directiveNumber, subject: 'x', systemIds: [1, 2, 3], startDate: campaign.startDate, deadline: campaign.deadline });
    const r = await runJob<SubmissionImportResult>(o.call, o.call('district.importFiles', { campaignId: c.id, files: [upload(exported.filePath)], trustNewKeys: true }));
    expect(r.results[0]).toMatchObject({ status: 'accepted', figures: exported.figures });
  }, 120_000);
});

function unitId(code: string): number {
  return (office.core.db.prepare('SELECT id FROM units WHERE code = ?').get(code) as { id: number }).id;
}
