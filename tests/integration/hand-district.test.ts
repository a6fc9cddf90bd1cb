import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf, MethodName, ResultOf } from '../../shared/api/contract';
import type { DistrictExportResult, SubmissionImportResult } from '../../shared/district/schema';
import type { ExportResult } from '../../shared/reports/schema';
import { createCore, dispatch, type Core } from '../../electron/core';
import { readWorkbook } from '../oracle/read-summary';
import { recordSignature } from '../../electron/core/district/signed-submission';
import { buildHandUnit, HAND_HOME, type HandUnit } from '../oracle/hand-unit';

// Issue 22: the receiving office checked against hand-counted unit figures, not against sums of
// the units' own exported figures. Two hand-built units (tests/oracle/hand-unit.ts): PVM as listed
// there (13 accounts, 9 devices), PHB without Trần Thị Bình's three accounts (10 accounts); PKT
// sends nothing. PVM's file is received on the deadline day (on time), PHB's the day after (late).
// Every expected figure below was added up by hand from the fixture's list.

let dir: string;
let office: Core | undefined;
let officeNo = 0;
let today = '2024-02-10';
let campaignId: number;
const units: HandUnit[] = [];
const files: Record<string, ExportResult> = {};

const call = async <M extends MethodName>(method: M, input: InputOf<M>): Promise<ResultOf<M>> => {
  const e = await dispatch(office!, method, input);
  if (!e.ok) throw new Error(`${method}: ${e.error.message}`);
  return e.result as ResultOf<M>;
};
async function job<R>(start: Promise<{ jobId: string }>): Promise<R> {
  const { jobId } = await start;
  for (;;) {
    const s = await call('jobs.status', { id: jobId });
    if (s.state === 'done') return s.result as R;
    if (s.state === 'failed') throw new Error(s.error?.message);
    await new Promise((r) => setTimeout(r, 10));
  }
}
/** The office receives file `name` (default: the unit's code) of unit `code` on `day`. */
const importOn = async (day: string, code: string, name = code) => {
  today = day;
  const f = files[name]!;
  return job<SubmissionImportResult>(call('district.importFiles', {
    campaignId, files: [{ fileName: `${name}.xlsx`, dataBase64: readFileSync(f.filePath).toString('base64') }], confirmedKeys: [{ unitCode: code, fingerprint: f.fingerprint }],
  }));
};

/**
 * A fresh office that registers the three units, defines the campaign and receives PVM's file on
 * the deadline day and PHB's the day after. Done inside each test, not in beforeAll: Stryker
 * activates a mutant per test, so office work done in beforeAll would never run mutated code
 * (the units' own exports, which the office run does not mutate, stay in beforeAll).
 */
async function freshOffice(
  opts: { receive?: boolean; register?: [string, string][]; deadline?: string; homeCode?: string } = {},
): Promise<{ pvm: SubmissionImportResult; phb: SubmissionImportResult } | null> {
  office?.db.close();
  officeNo++;
  today = '2024-02-10';
  office = createCore({ file: join(dir, `office-${officeNo}.sqlite`), shell: 'cli', appVersion: 'test', actor: 'van-thu', now: () => new Date(`${today}T15:00:00`) });
  await call('unit.save', { ...HAND_HOME, name: 'PHÒNG NỘI VỤ QUẬN ĐỐNG ĐA', code: opts.homeCode ?? 'PNV-DD', signAuthority: '', reportSymbol: 'BC-PNV', recipientName: 'UBND quận Đống Đa' });
  await call('district.saveSettings', { receivingMode: true, officeLevel: 'district', officeAddress: '90 Hoàng Cầu, Đống Đa' });
  const register = opts.register ?? [['PVM', 'UBND PHƯỜNG VĂN MIẾU'], ['PHB', 'UBND PHƯỜNG HÀNG BỘT'], ['PKT', 'UBND PHƯỜNG KHÂM THIÊN']];
  for (const [code, name] of register) await call('district.saveUnit', { code, name, kind: 'ward' });
  const c = await call('campaigns.create', {
    directiveNumber: '123/UBND-NV', subject: 'Rà soát, thay đổi mật khẩu tài khoản các phần mềm', systemIds: [1, 2], startDate: '2024-02-01', deadline: opts.deadline ?? '2024-02-15',
  });
  campaignId = c.id;
  await call('campaigns.advance', { id: campaignId, to: 'in_progress' });
  if (opts.receive === false) return null;
  const pvm = await importOn('2024-02-15', 'PVM');
  const phb = await importOn('2024-02-16', 'PHB');
  today = '2024-02-20';
  return { pvm, phb };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'attk-hand-office-'));
  for (const [code, name, drop] of [['PVM', 'UBND PHƯỜNG VĂN MIẾU', []], ['PHB', 'UBND PHƯỜNG HÀNG BỘT', ['binh.qt', 'binh.nd', 'binh.huy']]] as const) {
    const u = await buildHandUnit({ code, name, dir, drop: [...drop] });
    units.push(u);
    files[code] = await u.exportReport();
  }
  // PVM's second file: the same figures, exported after its campaign was reported under a number.
  const pvm = units[0]!;
  await pvm.call('campaigns.advance', { id: pvm.campaignId, to: 'reported', reportNumber: '12/BC-UBND', reportedOn: '2024-02-29', signer: 'Nguyễn Văn Hùng' });
  files.PVM2 = await pvm.exportReport();
}, 120_000);
afterAll(() => {
  for (const u of units) u.close();
  office?.db.close();
  rmSync(dir, { recursive: true, force: true });
});

const KNTC = 'CSDL quốc gia về khiếu nại, tố cáo';
const DG = 'Phần mềm đánh giá, xếp loại CBCCVC hằng tháng';
const ADMIN = '– Tài khoản quản trị';
const USER = '– Tài khoản người dùng';
const counts = (total: number, toCancel: number, mustChange: number, done: number, late: number, missing: number) => ({ total, toCancel, mustChange, done, late, missing });

describe('the receiving office with hand-built units: receipt days and every consolidated figure as counted by hand', () => {
  it('a file received on the deadline day is on time; the next day it is late', async () => {
    const { pvm, phb } = (await freshOffice())!;
    expect(pvm.results.map((r) => [r.unitCode, r.status, r.receivedOn, r.late])).toEqual([['PVM', 'accepted', '2024-02-15', false]]);
    const pinned = (code: string) => ` Đã lưu mã xác thực ${files[code]!.fingerprint} của đơn vị (đã đối chiếu với báo cáo giấy).`;
    // The result carries the file's own overall figures (the board checks them per system).
    expect([pvm.results[0]!.figures?.total, pvm.results[0]!.figures?.missing, phb.results[0]!.figures?.total]).toEqual([13, 3, 10]);
    expect(pvm.results.map((r) => [r.message, r.keyPinned, r.replaced])).toEqual([[`Đã nhận tệp của UBND PHƯỜNG VĂN MIẾU (đúng hạn).${pinned('PVM')}`, true, false]]);
    expect(phb.results.map((r) => [r.unitCode, r.status, r.receivedOn, r.late])).toEqual([['PHB', 'accepted', '2024-02-16', true]]);
    expect(phb.results.map((r) => [r.message, r.keyPinned, r.replaced])).toEqual([[`Đã nhận tệp của UBND PHƯỜNG HÀNG BỘT (muộn 1 ngày).${pinned('PHB')}`, true, false]]);
  });

  it('units chosen as expected: a unit not chosen that sent a file is shown as not expected, and not counted as expected', async () => {
    await freshOffice();
    const before = await call('district.board', { campaignId });
    const pvm = before.units.find((u) => u.code === 'PVM')!;
    const pkt = before.units.find((u) => u.code === 'PKT')!;
    await call('district.setExpected', { campaignId, unitIds: [pvm.unitId, pkt.unitId] });
    const board = await call('district.board', { campaignId });
    expect(board.units.map((u) => [u.code, u.expected, u.status])).toEqual([
      ['PHB', false, 'late'], ['PKT', true, 'missing'], ['PVM', true, 'on_time'],
    ]);
    // PHB's file is listed and counted, and the sentence says it is outside the list (2 expected, 2
    // sent, 1 missing would otherwise read as a contradiction).
    expect(board.counts).toEqual({ expected: 2, received: 2, onTime: 1, late: 1, missing: 1, others: 1 });
    const r = await job<DistrictExportResult>(call('district.export', { campaignId }));
    const line = readWorkbook(r.filePath)['Tổng hợp']!.flat().find((v) => typeof v === 'string' && v.startsWith('Số đơn vị phải báo cáo'));
    expect(line).toBe('Số đơn vị phải báo cáo: 2; đã nộp: 2 (đúng hạn 1, muộn 1; trong đó 1 đơn vị ngoài danh sách phải báo cáo); chưa nộp: 1.');
  });

  it('the board: on time, late, not yet; totals per system and overall, and the devices', async () => {
    await freshOffice();
    const board = await call('district.board', { campaignId });
    expect(board.counts).toEqual({ expected: 3, received: 2, onTime: 1, late: 1, missing: 1, others: 0 });
    expect(board.units.map((u) => [u.code, u.status, u.firstReceivedOn, u.figures?.total ?? null, u.devices?.devices ?? null])).toEqual([
      ['PHB', 'late', '2024-02-16', 10, 9],
      ['PKT', 'missing', null, null, null],
      ['PVM', 'on_time', '2024-02-15', 13, 9],
    ]);
    expect(board.chase.map((u) => u.code)).toEqual(['PKT', 'PHB']);
    // A unit that sent nothing has no figures and no devices (not zeros); no unit signed a PDF or reported a number.
    expect(board.units.map((u) => [u.code, u.figures === null, u.devices === null, u.signer, u.report])).toEqual([
      ['PHB', false, false, null, null], ['PKT', true, true, null, null], ['PVM', false, false, null, null],
    ]);
    // The status and kind filters, and each unit's history of files.
    const byStatus = async (status: 'on_time' | 'late' | 'missing') => (await call('district.board', { campaignId, status })).units.map((u) => u.code);
    expect([await byStatus('on_time'), await byStatus('late'), await byStatus('missing')]).toEqual([['PVM'], ['PHB'], ['PKT']]);
    expect((await call('district.board', { campaignId, kind: 'school' })).units).toEqual([]);
    const pvm = board.units.find((u) => u.code === 'PVM')!;
    expect((await call('district.submissions', { campaignId, unitId: pvm.unitId })).map((e) => [e.fileName, e.receivedOn, e.current, e.matchedBy, e.figures.total, e.figures.byRole.user.missing]))
      .toEqual([['PVM.xlsx', '2024-02-15', true, 'directive', 13, 3]]);
    expect(board.totals.overall).toEqual({ ...counts(23, 2, 4, 10, 2, 5), admin: 7, user: 16, byRole: { admin: counts(7, 0, 4, 2, 1, 0), user: counts(16, 2, 0, 8, 1, 5) } });
    expect(board.totals.bySystem.map(({ systemName, units: n, total, toCancel, mustChange, done, late, missing, admin, user, byRole }) => ({ systemName, n, total, toCancel, mustChange, done, late, missing, admin, user, byRole }))).toEqual([
      { systemName: KNTC, n: 2, ...counts(11, 2, 2, 4, 2, 1), admin: 5, user: 6, byRole: { admin: counts(5, 0, 2, 2, 1, 0), user: counts(6, 2, 0, 2, 1, 1) } },
      { systemName: DG, n: 2, ...counts(12, 0, 2, 6, 0, 4), admin: 2, user: 10, byRole: { admin: counts(2, 0, 2, 0, 0, 0), user: counts(10, 0, 0, 6, 0, 4) } },
    ]);
    expect(board.totals.devices).toEqual({ devices: 18, checked: 12, licensedAv: 8, infected: 2, remediated: 2 });
  });

  it('a unit that sent two files: the newer one is current (its report number and date shown), the first receipt day decides the status', async () => {
    await freshOffice();
    const second = await importOn('2024-03-02', 'PVM', 'PVM2');
    // Received after the deadline, but PVM's first file came on the deadline day: still on time.
    expect(second.results.map((r) => [r.unitCode, r.status, r.replaced, r.receivedOn, r.late])).toEqual([['PVM', 'accepted', true, '2024-03-02', false]]);
    expect(second.results.map((r) => [r.message, r.keyPinned])).toEqual([['Đã nhận tệp của UBND PHƯỜNG VĂN MIẾU (đúng hạn), thay cho tệp gửi trước — tệp cũ vẫn lưu trong lịch sử.', false]]);
    today = '2024-03-05';
    const board = await call('district.board', { campaignId });
    expect(board.units.map((u) => [u.code, u.status, u.firstReceivedOn, u.lastReceivedOn, u.files, u.fileName, u.report])).toEqual([
      ['PHB', 'late', '2024-02-16', '2024-02-16', 1, 'PHB.xlsx', null],
      ['PKT', 'missing', null, null, 0, null, null],
      ['PVM', 'on_time', '2024-02-15', '2024-03-02', 2, 'PVM2.xlsx', { number: '12/BC-UBND', date: '2024-02-29' }],
    ]);
    // The replaced file is not counted twice.
    expect(board.counts).toEqual({ expected: 3, received: 2, onTime: 1, late: 1, missing: 1, others: 0 });
    expect(board.totals.overall.total).toBe(23);
    const pvm = board.units.find((u) => u.code === 'PVM')!;
    expect((await call('district.submissions', { campaignId, unitId: pvm.unitId })).map((e) => [e.fileName, e.receivedOn, e.current, e.figures.total]))
      .toEqual([['PVM2.xlsx', '2024-03-02', true, 13], ['PVM.xlsx', '2024-02-15', false, 13]]);
    // A filtered board still counts every unit.
    const late = await call('district.board', { campaignId, status: 'late' });
    expect([late.units.map((u) => u.code), late.counts]).toEqual([['PHB'], { expected: 3, received: 2, onTime: 1, late: 1, missing: 1, others: 0 }]);
  });

  it('the signer of a signed PDF, as recorded at receipt, is shown with the unit', async () => {
    await freshOffice();
    const before = await call('district.board', { campaignId });
    const pvm = before.units.find((u) => u.code === 'PVM')!;
    // What the import records for a signed PDF (signed-submission.ts); the PKI path itself is tests/integration/signing/office.test.ts.
    recordSignature(office!.db, pvm.submissionId!, {
      commonName: 'Nguyễn Văn Hùng', organisation: 'UBND PHƯỜNG VĂN MIẾU', subject: 'CN=Nguyễn Văn Hùng', serial: '01AF', issuer: 'CN=Test CA', signingTime: '2024-02-15T08:00:00Z', rootSha256: 'ab'.repeat(32),
    });
    const board = await call('district.board', { campaignId });
    expect(board.units.map((u) => [u.code, u.signer])).toEqual([
      ['PHB', null], ['PKT', null], ['PVM', { commonName: 'Nguyễn Văn Hùng', organisation: 'UBND PHƯỜNG VĂN MIẾU' }],
    ]);
  });

  it('the consolidated workbook: every cell of its tables, total rows included', async () => {
    await freshOffice();
    const r = await job<DistrictExportResult>(call('district.export', { campaignId }));
    const grid = readWorkbook(r.filePath);
    const g = grid['Tổng hợp']!;
    expect(g).toContainEqual(['Số đơn vị phải báo cáo: 3; đã nộp: 2 (đúng hạn 1, muộn 1); chưa nộp: 1.']);
    const from = g.findIndex((row) => row[0] === 'STT');
    const to = g.findIndex((row) => typeof row[0] === 'string' && row[0].startsWith('Số liệu theo tệp'));
    expect(g.slice(from, to)).toEqual([
      ['STT', 'Đơn vị', 'Mã', 'Ngày nhận', 'Tình trạng', 'Tổng số tài khoản', 'Đề nghị hủy', 'Phải đổi MK sau xử lý mã độc', 'Đã đổi đúng hạn', 'Đổi muộn', 'Chưa đổi', 'Báo cáo số, ngày (theo tệp đã nhận)'],
      [1, 'UBND PHƯỜNG HÀNG BỘT', 'PHB', '2024-02-16', 'Nộp muộn', 10, 1, 2, 5, 0, 2, 'Chưa ghi số'],
      [null, ADMIN, null, null, null, 3, 0, 2, 1, 0, 0],
      [null, USER, null, null, null, 7, 1, 0, 4, 0, 2],
      [2, 'UBND PHƯỜNG KHÂM THIÊN', 'PKT', null, 'Chưa nộp', null, null, null, null, null, null, null],
      [3, 'UBND PHƯỜNG VĂN MIẾU', 'PVM', '2024-02-15', 'Đúng hạn', 13, 1, 2, 5, 2, 3, 'Chưa ghi số'],
      [null, ADMIN, null, null, null, 4, 0, 2, 1, 1, 0],
      [null, USER, null, null, null, 9, 1, 0, 4, 1, 3],
      [null, 'Tổng cộng', null, null, null, 23, 2, 4, 10, 2, 5],
      [null, ADMIN, null, null, null, 7, 0, 4, 2, 1, 0],
      [null, USER, null, null, null, 16, 2, 0, 8, 1, 5],
      [],
      ['TỔNG HỢP THEO HỆ THỐNG / PHẦN MỀM'],
      ['STT', 'Hệ thống / phần mềm', 'Số đơn vị', 'Tổng số tài khoản', 'Đề nghị hủy', 'Phải đổi MK sau xử lý mã độc', 'Đã đổi đúng hạn', 'Đổi muộn', 'Chưa đổi'],
      [1, KNTC, 2, 11, 2, 2, 4, 2, 1],
      [null, ADMIN, null, 5, 0, 2, 2, 1, 0],
      [null, USER, null, 6, 2, 0, 2, 1, 1],
      [2, DG, 2, 12, 0, 2, 6, 0, 4],
      [null, ADMIN, null, 2, 0, 2, 0, 0, 0],
      [null, USER, null, 10, 0, 0, 6, 0, 4],
      [null, 'Tổng cộng', null, 23, 2, 4, 10, 2, 5],
      [null, ADMIN, null, 7, 0, 4, 2, 1, 0],
      [null, USER, null, 16, 2, 0, 8, 1, 5],
      [],
      ['III. THIẾT BỊ THEO ĐƠN VỊ (mỗi thiết bị tính một lần trong đơn vị của nó)'],
      ['STT', 'Đơn vị', 'Mã', 'Thiết bị sử dụng', 'Đã kiểm tra trong thời hạn', 'Diệt virus bản quyền còn hạn', 'Nhiễm mã độc chưa xử lý', 'Đã xử lý mã độc (diệt virus, cài lại HĐH)'],
      [1, 'UBND PHƯỜNG HÀNG BỘT', 'PHB', 9, 6, 4, 1, 1],
      [2, 'UBND PHƯỜNG VĂN MIẾU', 'PVM', 9, 6, 4, 1, 1],
      [null, 'Tổng cộng', null, 18, 12, 8, 2, 2],
    ]);
    expect(grid['Chưa nộp']!.slice(3)).toEqual([[1, 'UBND PHƯỜNG KHÂM THIÊN', 'PKT', 'Phường', null]]);
    expect(grid['Đề nghị hủy TK']!.slice(4).map((row) => [row[1], row[2], row[9]])).toEqual([
      ['UBND PHƯỜNG HÀNG BỘT', 'Lê Văn Cường', 'cu***.nd'],
      ['UBND PHƯỜNG VĂN MIẾU', 'Lê Văn Cường', 'cu***.nd'],
    ]);
  });
});

const upload = (name: string, as = `${name}.xlsx`) => ({ fileName: as, dataBase64: readFileSync(files[name]!.filePath).toString('base64') });
const keyOf = (code: string, name = code) => ({ unitCode: code, fingerprint: files[name]!.fingerprint });
const outcome = (r: SubmissionImportResult) => r.results.map((x) => [x.fileName, x.status, x.reason ?? null, x.message]);
const stored = () => office!.db.prepare('SELECT count(*) AS n FROM district_submissions').get() as { n: number };

describe('the receiving office with hand-built units: each file refused for its reason, and nothing stored for it', () => {
  it('an accepted file is audited with what was matched; the same file again (stored, or twice in one batch) is refused as a duplicate', async () => {
    await freshOffice();
    const receipts = office!.db.prepare("SELECT summary, json_extract(data, '$.matchedBy') AS by, json_extract(data, '$.figures.total') AS total FROM audit_log WHERE action = 'receive' ORDER BY id").all();
    expect(receipts).toEqual([
      { summary: 'Nhận tệp báo cáo của UBND PHƯỜNG VĂN MIẾU: PVM.xlsx', by: 'directive', total: 13 },
      { summary: 'Nhận tệp báo cáo của UBND PHƯỜNG HÀNG BỘT: PHB.xlsx', by: 'directive', total: 10 },
    ]);
    const again = await importOn('2024-02-17', 'PVM');
    expect(outcome(again)).toEqual([['PVM.xlsx', 'refused', 'duplicate', 'Tệp này đã được nhận ngày 15/02/2024 (UBND PHƯỜNG VĂN MIẾU) — trùng hoàn toàn, không nhận lại.']]);
    const started = performance.now();
    const batch = await job<SubmissionImportResult>(call('district.importFiles', {
      campaignId, files: [upload('PVM2', 'a.xlsx'), upload('PVM2', 'b.xlsx'), upload('PVM2', 'c.xlsx')], confirmedKeys: [keyOf('PVM', 'PVM2')],
    }));
    const elapsed = performance.now() - started;
    expect(outcome(batch).map((r) => r.slice(0, 3))).toEqual([['a.xlsx', 'accepted', null], ['b.xlsx', 'refused', 'duplicate'], ['c.xlsx', 'refused', 'duplicate']]);
    // Each later copy names the first one.
    expect(batch.results.slice(1).map((r) => r.message)).toEqual(['b', 'c'].map(() => 'Tệp trùng hoàn toàn với tệp "a.xlsx" trong lần nhận này.'));
    expect([batch.accepted, batch.refused]).toEqual([1, 2]);
    expect(Number.isInteger(batch.ms) && batch.ms >= 0 && batch.ms <= elapsed + 1).toBe(true);
    expect(stored()).toEqual({ n: 3 });
  });

  it('before any file: every unit to chase, by kind then name, filtered or not', async () => {
    await freshOffice({ receive: false });
    for (const filter of [{}, { kind: 'ward' as const }, { status: 'missing' as const }]) {
      const board = await call('district.board', { campaignId, ...filter });
      expect([board.units.map((u) => u.code), board.chase.map((u) => u.code), board.counts]).toEqual([
        ['PHB', 'PKT', 'PVM'], ['PHB', 'PKT', 'PVM'], { expected: 3, received: 0, onTime: 0, late: 0, missing: 3, others: 0 },
      ]);
    }
  });

  it('an older file after a newer one is refused; the newer stays current', async () => {
    await freshOffice({ receive: false });
    expect(outcome(await importOn('2024-02-14', 'PVM', 'PVM2')).map((r) => r.slice(0, 3))).toEqual([['PVM2.xlsx', 'accepted', null]]);
    const old = await importOn('2024-02-15', 'PVM');
    expect(old.results.map((r) => [r.fileName, r.status, r.reason, r.campaignId])).toEqual([['PVM.xlsx', 'refused', 'older', campaignId]]);
    expect(old.results[0]!.message).toMatch(/^Đơn vị đã gửi một tệp mới hơn \(xuất lúc \d\d\/\d\d\/2024 \d\d:\d\d\); tệp này xuất lúc \d\d\/\d\d\/2024 \d\d:\d\d nên không thay thế tệp mới hơn\.$/);
    const board = await call('district.board', { campaignId });
    expect(board.units.filter((u) => u.files > 0).map((u) => [u.code, u.files, u.fileName, u.firstReceivedOn])).toEqual([['PVM', 1, 'PVM2.xlsx', '2024-02-14']]);
  });

  it('a unit not in the register, or registered under another name, is refused until the clerk confirms which unit it is', async () => {
    await freshOffice({ receive: false, register: [['PVM', 'UBND phường Văn Miếu - Quốc Tử Giám']] });
    const unknown = await importOn('2024-02-15', 'PHB');
    expect(outcome(unknown)).toEqual([['PHB.xlsx', 'refused', 'unknownUnit',
      'Đơn vị "UBND PHƯỜNG HÀNG BỘT" (mã PHB) chưa có trong danh sách đơn vị trực thuộc. Thêm đơn vị (đúng mã) vào danh sách rồi nhận lại tệp, hoặc đề nghị đơn vị kiểm tra mã đơn vị.']]);
    const renamed = await importOn('2024-02-15', 'PVM');
    expect(renamed.results.map((r) => [r.status, r.reason, r.unitName, r.fileUnitName])).toEqual([['refused', 'identity', 'UBND phường Văn Miếu - Quốc Tử Giám', 'UBND PHƯỜNG VĂN MIẾU']]);
    expect(stored()).toEqual({ n: 0 });
    // Confirmed for another code: still refused; for this code (typed in lower case): accepted, the note says so.
    const confirm = (unitCode: string) => job<SubmissionImportResult>(call('district.importFiles', { campaignId, files: [upload('PVM')], confirmedKeys: [keyOf('PVM')], confirmedUnits: [{ unitCode, unitName: '' }] }));
    expect((await confirm('PHB')).results.map((r) => r.reason)).toEqual(['identity']);
    // Confirmed for this code but naming another unit: still refused.
    const named = (unitName: string) => job<SubmissionImportResult>(call('district.importFiles', { campaignId, files: [upload('PVM')], confirmedKeys: [keyOf('PVM')], confirmedUnits: [{ unitCode: 'PVM', unitName }] }));
    expect((await named('UBND PHƯỜNG HÀNG BỘT')).results.map((r) => r.reason)).toEqual(['identity']);
    const ok = await confirm('pvm');
    expect(ok.results.map((r) => [r.status, r.unitName])).toEqual([['accepted', 'UBND phường Văn Miếu - Quốc Tử Giám']]);
    expect(ok.results[0]!.message).toBe(
      `Đã nhận tệp của UBND phường Văn Miếu - Quốc Tử Giám (đúng hạn). Đã lưu mã xác thực ${files.PVM!.fingerprint} của đơn vị (đã đối chiếu với báo cáo giấy).`
      + ' Đã xác nhận tệp ghi "UBND PHƯỜNG VĂN MIẾU" là UBND phường Văn Miếu - Quốc Tử Giám.',
    );
    expect(stored()).toEqual({ n: 1 });
  });

  it('a file carrying the office\'s own code is not the office\'s: refused as a unit not in the register', async () => {
    await freshOffice({ receive: false, register: [['PVM', 'UBND PHƯỜNG VĂN MIẾU']], homeCode: 'PHB' });
    expect((await importOn('2024-02-15', 'PHB')).results.map((r) => [r.status, r.reason])).toEqual([['refused', 'unknownUnit']]);
    expect(stored()).toEqual({ n: 0 });
  });

  it('a file of another campaign is refused for the chosen one, matched without a choice; none matching: said so', async () => {
    await freshOffice({ receive: false });
    const first = campaignId;
    const other = await call('campaigns.create', { directiveNumber: '999/UBND-NV', subject: 'Đợt khác', systemIds: [1], startDate: '2024-02-01', deadline: '2024-02-15' });
    campaignId = other.id;
    const refused = await importOn('2024-02-15', 'PVM');
    expect(outcome(refused)).toEqual([['PVM.xlsx', 'refused', 'otherCampaign', 'Tệp thuộc đợt rà soát khác (văn bản 123/UBND-NV, hạn 15/02/2024), không phải đợt đang chọn.']]);
    expect(refused.results[0]!.campaignId).toBe(first);
    const auto = await job<SubmissionImportResult>(call('district.importFiles', { files: [upload('PVM')], confirmedKeys: [keyOf('PVM')] }));
    expect(auto.results.map((r) => [r.status, r.campaignId, r.late])).toEqual([['accepted', first, false]]);

    await freshOffice({ receive: false, deadline: '2024-02-16' });
    const none = await job<SubmissionImportResult>(call('district.importFiles', { files: [upload('PVM')], confirmedKeys: [keyOf('PVM')] }));
    expect(outcome(none)).toEqual([['PVM.xlsx', 'refused', 'noCampaign', 'Tệp báo cáo cho đợt rà soát theo văn bản 123/UBND-NV (hạn 15/02/2024) — không có đợt này trong các đợt rà soát của cơ quan.']]);
    // The same file with a campaign chosen: it belongs to another campaign (none here).
    const chosen = await job<SubmissionImportResult>(call('district.importFiles', { campaignId, files: [upload('PVM')], confirmedKeys: [keyOf('PVM')] }));
    expect(outcome(chosen)).toEqual([['PVM.xlsx', 'refused', 'otherCampaign', 'Tệp thuộc đợt rà soát khác (văn bản 123/UBND-NV, hạn 15/02/2024), không phải đợt đang chọn.']]);
    expect(stored()).toEqual({ n: 0 });
  });

  it('matched by directive number (typed with other spacing or case) and deadline: the chosen campaign, else the newest of the same', async () => {
    await freshOffice({ receive: false });
    const first = campaignId;
    const twin = await call('campaigns.create', { directiveNumber: '123 / ubnd-NV', subject: 'Cùng văn bản', systemIds: [1, 2], startDate: '2024-02-01', deadline: '2024-02-15' });
    await call('campaigns.advance', { id: twin.id, to: 'in_progress' });
    const send = (name: string, chosen?: number) =>
      job<SubmissionImportResult>(call('district.importFiles', { ...(chosen ? { campaignId: chosen } : {}), files: [upload(name)], confirmedKeys: [keyOf(name)] }));
    today = '2024-02-15';
    expect((await send('PVM', first)).results.map((r) => [r.status, r.campaignId])).toEqual([['accepted', first]]);
    expect((await send('PHB')).results.map((r) => [r.status, r.campaignId])).toEqual([['accepted', twin.id]]);
    const rows = office!.db.prepare('SELECT campaign_id AS c, matched_by AS by FROM district_submissions ORDER BY id').all();
    expect(rows).toEqual([{ c: first, by: 'directive' }, { c: twin.id, by: 'directive' }]);
  });

  it('a first file needs its key confirmed: refused without, kept but said unchecked with --trust-new-keys', async () => {
    await freshOffice({ receive: false });
    today = '2024-02-15';
    const fp = files.PHB!.fingerprint;
    const none = await job<SubmissionImportResult>(call('district.importFiles', { campaignId, files: [upload('PHB')] }));
    expect(none.results.map((r) => [r.status, r.reason, r.campaignId, r.fingerprint, typeof r.publicKey, 'pinnedFingerprint' in r])).toEqual([['refused', 'needsKey', campaignId, fp, 'string', false]]);
    expect(stored()).toEqual({ n: 0 });
    const trusted = await job<SubmissionImportResult>(call('district.importFiles', { campaignId, files: [upload('PHB')], trustNewKeys: true }));
    expect(trusted.results.map((r) => [r.status, r.keyPinned, r.message])).toEqual([[
      'accepted', true, `Đã nhận tệp của UBND PHƯỜNG HÀNG BỘT (đúng hạn). Đã lưu mã xác thực ${fp} của đơn vị theo --trust-new-keys (CHƯA đối chiếu với báo cáo giấy — hãy đối chiếu ngay).`,
    ]]);
  });

  it('broken transfer, not an Excel file, not an ATTK report: refused with the file\'s name, nothing stored', async () => {
    await freshOffice({ receive: false });
    const r = await job<SubmissionImportResult>(call('district.importFiles', {
      campaignId, files: [{ fileName: 'hong.xlsx', dataBase64: 'QUJD*' }, { fileName: 'ghi-chu.xlsx', dataBase64: Buffer.from('không phải tệp Excel').toString('base64') }],
    }));
    expect(r.results.map((x) => [x.fileName, x.status, x.reason, x.sha256 === null])).toEqual([['hong.xlsx', 'refused', 'unreadable', true], ['ghi-chu.xlsx', 'refused', 'unreadable', false]]);
    expect(r.results[0]!.message).toBe('Không nhận được nội dung tệp "hong.xlsx" (dữ liệu truyền bị hỏng). Hãy chọn lại tệp.');
    expect(r.results[1]!.message).toContain('"ghi-chu.xlsx"');
    expect([r.accepted, r.refused]).toEqual([0, 2]);
    expect(stored()).toEqual({ n: 0 });
  });
});
