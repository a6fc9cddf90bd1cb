import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOrCreateUnitKey, signPayload } from '../../electron/core/reports/keys';
import { verifyReportFile } from '../../electron/core/reports/verify';
import { HIDDEN_SHEET } from '../../electron/core/reports/xlsx-report';
import type { DistrictExportResult, SubmissionImportResult } from '../../shared/district/schema';
import { REPORT_SCHEMA_VERSION, type ExportResult } from '../../shared/reports/schema';
import { HOME_UNIT, makeTestCore, type TestCore } from './harness-core';

// Issue 14 item 5 at the receiving office: the signed payload carries the report's identity — the
// number the head signed and the date that number was given — and the office's board shows it.
// Schema 4 adds it; a schema-3 file (a unit that has not updated ATTK) is still received, with its
// figures, as "not numbered"; an older schema is refused with its reason.

type Call = TestCore['call'];
async function runJob<R>(call: Call, start: Promise<{ jobId: string }>): Promise<R> {
  const { jobId } = await start;
  for (;;) {
    const s = await call('jobs.status', { id: jobId });
    if (s.state === 'done') return s.result as R;
    if (s.state === 'failed') throw new Error(s.error?.message);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The same file as an older ATTK would have written it: payload without `report`, the given schema version, signed again with the unit's key. */
function asOlderSchema(unit: TestCore, file: string, out: string, version: number): void {
  const read = `
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb[sys.argv[2]]
print(json.dumps({str(r[0].value): r[1].value for r in ws.iter_rows()}, ensure_ascii=False))`;
  const meta = JSON.parse(execFileSync('/usr/bin/python3', ['-c', read, file, HIDDEN_SHEET]).toString()) as Record<string, string | number>;
  let json = '';
  for (let i = 0; i < Number(meta.payloadChunks); i++) json += String(meta[`payload.${i}`]);
  const { report: _report, ...rest } = JSON.parse(json) as Record<string, unknown>;
  const older = JSON.stringify({ ...rest, schemaVersion: version });
  const key = loadOrCreateUnitKey(unit.core.db, unit.file);
  const write = `
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb[sys.argv[2]]
rows = json.loads(sys.argv[4])
ws.delete_rows(1, ws.max_row)
for k, v in rows:
    ws.append([k, v])
wb.save(sys.argv[3])`;
  const rows: [string, string | number][] = [
    ['format', 'ATTK'], ['schemaVersion', version], ['unitCode', String(meta.unitCode)], ['generatedAt', String(meta.generatedAt)], ['fingerprint', String(meta.fingerprint)],
    ['publicKey', String(meta.publicKey)], ['signature', signPayload(key, older)], ['payloadChunks', Math.ceil(older.length / 30_000)],
  ];
  for (let i = 0; i < older.length; i += 30_000) rows.push([`payload.${i / 30_000}`, older.slice(i, i + 30_000)]);
  execFileSync('/usr/bin/python3', ['-c', write, file, HIDDEN_SHEET, out, JSON.stringify(rows)]);
}

let office: TestCore;
const units: Record<string, { t: TestCore; file: ExportResult }> = {};
let campaignId: number;

async function unit(code: string, name: string, numbered: boolean) {
  const t = makeTestCore('2024-01-26');
  await t.call('unit.save', { ...HOME_UNIT, code, name });
  const c = await t.call('campaigns.create', { directiveNumber: '77/UBND-NV', subject: 'Rà soát mật khẩu', systemIds: [1, 2], startDate: '2024-01-08', deadline: '2024-01-25' });
  await t.call('campaigns.advance', { id: c.id, to: 'in_progress' });
  const p = await t.call('people.create', { fullName: `Nguyễn Văn An ${code}` });
  const a = await t.call('accounts.create', { systemId: 1, personId: p.id, loginName: `${code.toLowerCase()}.an`, role: 'admin' });
  await t.call('accounts.create', { systemId: 2, personId: p.id, loginName: `${code.toLowerCase()}.an2` });
  await t.call('confirmations.create', { accountId: a.id, changedOn: '2024-01-15' });
  if (numbered) await t.call('campaigns.advance', { id: c.id, to: 'reported', reportNumber: '05/BC-UBND', reportedOn: '2024-01-24', signer: 'Nguyễn Văn Hùng' });
  const file = await runJob<ExportResult>(t.call, t.call('reports.export', { campaignId: c.id }));
  units[code] = { t, file };
}

beforeAll(async () => {
  office = makeTestCore('2024-01-26');
  await office.call('unit.save', { ...HOME_UNIT, code: 'PNV', name: 'PHÒNG NỘI VỤ' });
  await office.call('district.saveSettings', { receivingMode: true, officeLevel: 'district', officeAddress: '' });
  const csv = ['STT;Tên đơn vị;Mã;Loại', '1;UBND PHƯỜNG MỘT;P1;Phường', '2;UBND PHƯỜNG HAI;P2;Phường', '3;UBND PHƯỜNG BA;P3;Phường'].join('\r\n');
  await runJob(office.call, office.call('district.importUnits', { fileName: 'donvi.csv', dataBase64: Buffer.from(csv).toString('base64') }));
  const c = await office.call('campaigns.create', { directiveNumber: '77/UBND-NV', subject: 'Rà soát mật khẩu', systemIds: [1, 2], startDate: '2024-01-08', deadline: '2024-01-25' });
  await office.call('campaigns.advance', { id: c.id, to: 'in_progress' });
  campaignId = c.id;
  await unit('P1', 'UBND PHƯỜNG MỘT', true);
  await unit('P2', 'UBND PHƯỜNG HAI', false);
  await unit('P3', 'UBND PHƯỜNG BA', true);
}, 60_000);

afterAll(() => {
  office?.close();
  for (const u of Object.values(units)) u.t.close();
});

const send = (files: { code: string; path: string }[]) =>
  runJob<SubmissionImportResult>(
    office.call,
    office.call('district.importFiles', {
      campaignId, files: files.map((f) => ({ fileName: `${f.code}.xlsx`, dataBase64: readFileSync(f.path).toString('base64') })),
      confirmedKeys: files.map((f) => ({ unitCode: f.code, fingerprint: units[f.code]!.file.fingerprint })),
    }),
  );

describe('the report\'s identity in the signed file', () => {
  it('carries the report number and the date it was given (schema 4), null before the campaign is reported', async () => {
    expect(REPORT_SCHEMA_VERSION).toBe(4);
    const numbered = await verifyReportFile(units.P1!.file.filePath);
    expect(numbered.ok).toBe(true);
    expect(numbered.payload).toMatchObject({ schemaVersion: 4, report: { number: '05/BC-UBND', date: '2024-01-24' } });
    const open = await verifyReportFile(units.P2!.file.filePath);
    expect(open.payload!.report).toBeNull();
  });

  it('the office board shows each unit\'s number and date; a schema-3 file is received with its figures, as not numbered; schema 2 is refused', async () => {
    const v3 = `${units.P3!.file.filePath}.v3.xlsx`;
    asOlderSchema(units.P3!.t, units.P3!.file.filePath, v3, 3);
    const v2 = `${units.P3!.file.filePath}.v2.xlsx`;
    asOlderSchema(units.P3!.t, units.P3!.file.filePath, v2, 2);
    const verified3 = await verifyReportFile(v3);
    expect([verified3.ok, verified3.problems, verified3.payload!.schemaVersion, 'report' in verified3.payload!]).toEqual([true, [], 3, false]);

    const refused = await send([{ code: 'P3', path: v2 }]);
    expect(refused.results[0]).toMatchObject({ status: 'refused', reason: 'notReport' });
    expect(refused.results[0]!.message).toContain('Phiên bản dữ liệu của tệp (2)');

    const r = await send([{ code: 'P1', path: units.P1!.file.filePath }, { code: 'P2', path: units.P2!.file.filePath }, { code: 'P3', path: v3 }]);
    expect(r.results.map((x) => x.status)).toEqual(['accepted', 'accepted', 'accepted']);
    const board = await office.call('district.board', { campaignId });
    const byCode = new Map(board.units.map((u) => [u.code, u]));
    expect(byCode.get('P1')!.report).toEqual({ number: '05/BC-UBND', date: '2024-01-24' });
    expect(byCode.get('P2')!.report).toBeNull();
    expect(byCode.get('P3')!.report).toBeNull();
    // The schema-3 file's figures are read as before: the role split and the devices.
    expect(byCode.get('P3')!.figures).toMatchObject({ total: 2, done: 1, missing: 1, byRole: { admin: { total: 1, done: 1 }, user: { total: 1, missing: 1 } } });
    expect(byCode.get('P3')!.devices).toEqual({ devices: 0, checked: 0, licensedAv: 0, infected: 0, remediated: 0 });

    // The consolidated workbook says the same per unit, in section I's last column (read by openpyxl).
    const exported = await runJob<DistrictExportResult>(office.call, office.call('district.export', { campaignId }));
    const read = execFileSync('/usr/bin/python3', ['-c', [
      'import sys, json, openpyxl',
      "ws = openpyxl.load_workbook(sys.argv[1])['Tổng hợp']",
      'found = {}',
      'for r in ws.iter_rows(values_only=True):',
      '    if isinstance(r[0], int) and r[2] in ("P1", "P2", "P3"): found.setdefault(str(r[2]), r[11])',
      'print(json.dumps(found))',
    ].join('\n'), exported.filePath]).toString();
    expect(JSON.parse(read)).toEqual({ P1: '05/BC-UBND ngày 24/01/2024', P2: 'Chưa ghi số', P3: 'Chưa ghi số' });
  });
});
