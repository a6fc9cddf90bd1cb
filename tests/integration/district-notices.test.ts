import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DistrictExportResult, SubmissionImportResult } from '../../shared/district/schema';
import type { ExportResult } from '../../shared/reports/schema';
import type { FeatureResult } from '../../shared/security/rules';
import { HOME_UNIT, makeTestCore, type TestCore } from './harness-core';

// Issue 21 at the receiving office: units record known data connections and security-feature
// checks, export their signed reports; the office receives them and its board and consolidated
// workbook show, per unit and in total, figures equal to the counts worked out by hand below.
// The campaign file going down carries each system's "connections must use site-to-site VPN",
// and importing it applies the office's setting at the unit (audited).

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function runJob<R>(t: TestCore, start: Promise<{ jobId: string }>): Promise<R> {
  const { jobId } = await start;
  for (;;) {
    const s = await t.call('jobs.status', { id: jobId });
    if (s.state === 'done') return s.result as R;
    if (s.state === 'failed') throw new Error(s.error?.message);
    await sleep(10);
  }
}

const TODAY = '2024-01-22';
let office: TestCore;
let campaignId: number;
let campaignFile: { fileName: string; dataBase64: string };
const sides: TestCore[] = [];
const files: Record<string, string> = {};

type Conn = [system: string, protocol: 'vpn_site_to_site' | 'vpn_other' | 'none' | 'unknown', checkedOn: string | null, status?: 'active' | 'stopped'];
type Check = [system: string, checkedOn: string, unused?: number];

/** One unit: imports the campaign file, records its connections and system-wide checks, exports its report. */
async function unitSide(code: string, name: string, connections: Conn[], checks: Check[], before?: (t: TestCore) => Promise<void>) {
  const t = makeTestCore(TODAY);
  sides.push(t);
  await t.call('unit.save', { ...HOME_UNIT, code, name });
  if (before) await before(t);
  const imported = await t.call('campaignFile.import', campaignFile);
  const systems = new Map((await t.call('systems.list', {})).map((s) => [s.code, s.id]));
  for (const [i, [system, protocol, checkedOn, status]] of connections.entries()) {
    await t.call('connections.create', {
      systemId: systems.get(system)!, localSystem: `CSDL ${code} ${i + 1}`, direction: 'both', protocol, gateway: protocol === 'none' ? '' : 'Fortigate 60F',
      checkedBy: checkedOn ? 'Lê Văn Kiểm' : '', checkedOn, connectionStatus: status ?? 'active',
    });
  }
  for (const [system, checkedOn, unused = 0] of checks) {
    const features = await t.call('security.features', { systemId: systems.get(system)! });
    await t.call('security.recordCheck', {
      systemId: systems.get(system)!, checkedOn, checker: 'Lê Văn Kiểm',
      items: features.map((f, i) => ({ featureId: f.id, result: (i < unused ? 'not_used' : 'used') as FeatureResult })),
    });
  }
  const file = await runJob<ExportResult>(t, t.call('reports.export', { campaignId: imported.campaign.id }));
  files[code] = file.filePath;
  return { t, imported };
}

beforeAll(async () => {
  office = makeTestCore(TODAY);
  await office.call('unit.save', {
    ...HOME_UNIT, parentBody: 'UBND THÀNH PHỐ HÀ NỘI', name: 'SỞ NỘI VỤ THÀNH PHỐ HÀ NỘI', code: 'SNV-HN', headTitle: 'GIÁM ĐỐC', signAuthority: '', placeName: 'Hà Nội', reportSymbol: 'BC-SNV',
  });
  await office.call('district.saveSettings', { receivingMode: true, officeLevel: 'province', officeAddress: '' });
  for (const [code, name] of [
    ['PVM', 'UBND phường Văn Miếu - Quốc Tử Giám'], ['PDD', 'UBND phường Đống Đa'], ['POCD', 'UBND phường Ô Chợ Dừa'], ['XSS', 'UBND xã Sóc Sơn'], ['PLB', 'UBND phường Láng'],
  ] as const) {
    await office.call('district.saveUnit', { code, name, kind: 'ward' });
  }
  // The office's own system that requires site-to-site VPN: units that lack it get it from the file, setting included.
  const qlvb = await office.call('systems.create', { code: 'QLVB', name: 'Hệ thống quản lý văn bản và điều hành', adminIntervalMonths: 2, userIntervalMonths: 3, requiresSiteToSiteVpn: true });
  const c = await office.call('campaigns.create', {
    directiveNumber: '15/SNV-CCHC', directiveDate: '2024-01-05', issuer: 'Sở Nội vụ', subject: 'Rà soát an toàn tài khoản',
    systemIds: [1, 2, 3, qlvb.id], startDate: '2024-01-08', deadline: '2024-01-25',
  });
  campaignId = c.id;
  await office.call('campaigns.advance', { id: campaignId, to: 'in_progress' });
  const exported = await office.call('campaignFile.export', { campaignId });
  campaignFile = { fileName: exported.fileName, dataBase64: exported.dataBase64 };

  // Hand count (today 22/01/2024; connections checked within 12 months, features every 3 months):
  // PVM — KNTC: s2s checked ✓, other VPN checked ✗, s2s never checked ✗ (not checked), s2s stopped (not counted);
  //       DGXL (not required): none — not counted; QLVB (required, from the file): s2s checked ✓.
  //       → connections 4, site-to-site 3, not compliant 2, not checked 1.
  //       Checks: KNTC 15/01/2024 all used (ok), DGXL 01/09/2023 (due 01/12/2023: overdue), STDV never → 3 systems, ok 1, overdue 2, unused 0.
  // PDD — KNTC: s2s checked 05/01/2024 ✓ → 1, 1, 0, 0. Checks: KNTC 20/01/2024 one feature not used (unused),
  //       DGXL 10/01/2024 ok, STDV 30/11/2023 (due 29/02/2024) ok → 3 systems, ok 2, overdue 0, unused 1.
  // POCD — no connection → 0, 0, 0, 0. Checks: all three on 18/01/2024, all used → 3, 3, 0, 0.
  // XSS — no connection, no check yet → 0, 0, 0, 0; 3 systems, ok 0, overdue (never checked) 3, unused 0, no last check.
  await unitSide('PVM', 'UBND PHƯỜNG VĂN MIẾU - QUỐC TỬ GIÁM', [
    ['KNTC', 'vpn_site_to_site', '2023-06-01'], ['KNTC', 'vpn_other', '2024-01-10'], ['KNTC', 'vpn_site_to_site', null],
    ['KNTC', 'vpn_site_to_site', null, 'stopped'], ['DGXL', 'none', null], ['QLVB', 'vpn_site_to_site', '2023-12-01'],
  ], [['KNTC', '2024-01-15'], ['DGXL', '2023-09-01']]);
  await unitSide('PDD', 'UBND PHƯỜNG ĐỐNG ĐA', [['KNTC', 'vpn_site_to_site', '2024-01-05']], [['KNTC', '2024-01-20', 1], ['DGXL', '2024-01-10'], ['STDV', '2023-11-30']]);
  await unitSide('POCD', 'UBND PHƯỜNG Ô CHỢ DỪA', [], [['KNTC', '2024-01-18'], ['DGXL', '2024-01-18'], ['STDV', '2024-01-18']]);
  await unitSide('XSS', 'UBND XÃ SÓC SƠN', [], []);

  const b64 = (p: string) => readFileSync(p).toString('base64');
  const r = await runJob<SubmissionImportResult>(office, office.call('district.importFiles', {
    campaignId, trustNewKeys: true, files: Object.entries(files).map(([code, p]) => ({ fileName: `${code}.xlsx`, dataBase64: b64(p) })),
  }));
  expect(r.results.map((x) => x.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
}, 60_000);

afterAll(() => {
  for (const t of sides) t.close();
  office?.close();
});

describe('the receiving office sees connections and security checks per unit', () => {
  it('the board: each unit\'s figures as its signed file states them, and their sum', async () => {
    const board = await office.call('district.board', { campaignId });
    const rows = board.notices.units.map((u) => [u.code, u.connections, u.security]);
    expect(rows).toEqual([
      ['PDD', { connections: 1, siteToSite: 1, nonCompliant: 0, notChecked: 0 }, { systems: 3, ok: 2, overdue: 0, unused: 1, lastCheckedOn: '2024-01-20' }],
      ['POCD', { connections: 0, siteToSite: 0, nonCompliant: 0, notChecked: 0 }, { systems: 3, ok: 3, overdue: 0, unused: 0, lastCheckedOn: '2024-01-18' }],
      ['PVM', { connections: 4, siteToSite: 3, nonCompliant: 2, notChecked: 1 }, { systems: 3, ok: 1, overdue: 2, unused: 0, lastCheckedOn: '2024-01-15' }],
      ['XSS', { connections: 0, siteToSite: 0, nonCompliant: 0, notChecked: 0 }, { systems: 3, ok: 0, overdue: 3, unused: 0, lastCheckedOn: null }],
    ]);
    expect(board.notices.total).toEqual({
      connections: { connections: 5, siteToSite: 4, nonCompliant: 2, notChecked: 1 },
      security: { systems: 12, ok: 6, overdue: 5, unused: 1 },
      unitsNonCompliant: 1,
      unitsSecurityFlagged: 3,
    });
    // The unit that sent nothing is on the board as missing, not in these figures.
    expect(board.units.find((u) => u.code === 'PLB')!.status).toBe('missing');
    // A filter narrows the figures to the units shown.
    const narrowed = await office.call('district.board', { campaignId, status: 'on_time' });
    expect(narrowed.notices.units).toHaveLength(4);
    const none = await office.call('district.board', { campaignId, status: 'missing' });
    expect(none.notices).toEqual({ units: [], total: { connections: { connections: 0, siteToSite: 0, nonCompliant: 0, notChecked: 0 }, security: { systems: 0, ok: 0, overdue: 0, unused: 0 }, unitsNonCompliant: 0, unitsSecurityFlagged: 0 } });
  });

  it('the consolidated workbook: the "Kết nối, bảo mật" sheet lists each unit and the total', async () => {
    const r = await runJob<DistrictExportResult>(office, office.call('district.export', { campaignId }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(r.filePath);
    expect(wb.worksheets.map((w) => w.name)).toContain('Kết nối, bảo mật');
    const ws = wb.getWorksheet('Kết nối, bảo mật')!;
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const header = rows.findIndex((v) => v[0] === 'STT');
    expect(rows[header]).toEqual([
      'STT', 'Đơn vị', 'Mã', 'Số kết nối', 'Qua VPN site-to-site', 'Kết nối chưa đạt', 'Chưa kiểm tra trong kỳ',
      'Hệ thống phải kiểm tra tính năng bảo mật', 'Đạt', 'Chưa kiểm tra / quá hạn', 'Có tính năng chưa dùng', 'Lần kiểm tra gần nhất', 'Kết quả',
    ]);
    const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
    expect(rows.slice(header + 1, header + 6)).toEqual([
      [1, 'UBND phường Đống Đa', 'PDD', 1, 1, 0, 0, 3, 2, 0, 1, date('2024-01-20'), 'Chưa đạt'],
      [2, 'UBND phường Ô Chợ Dừa', 'POCD', 0, 0, 0, 0, 3, 3, 0, 0, date('2024-01-18'), 'Đạt'],
      [3, 'UBND phường Văn Miếu - Quốc Tử Giám', 'PVM', 4, 3, 2, 1, 3, 1, 2, 0, date('2024-01-15'), 'Chưa đạt'],
      [4, 'UBND xã Sóc Sơn', 'XSS', 0, 0, 0, 0, 3, 0, 3, 0, 'Chưa kiểm tra', 'Chưa đạt'],
      [undefined, 'Tổng cộng', undefined, 5, 4, 2, 1, 12, 6, 5, 1],
    ]);
    // The total row is the sum of the unit rows (an independent recount of the sheet's own cells).
    for (let col = 3; col <= 10; col++) {
      expect(rows[header + 5]![col]).toBe(rows.slice(header + 1, header + 5).reduce((s, v) => s + (v[col] as number), 0));
    }
    expect(String(rows[header + 6]![0])).toContain('1 đơn vị có kết nối chưa đạt; 3 đơn vị');
    // An independent reader opens it too (a text in a date column once made openpyxl fail).
    const py = execFileSync('/usr/bin/python3', ['-c', "import sys, openpyxl\nws = openpyxl.load_workbook(sys.argv[1])['Kết nối, bảo mật']\nprint(sum(1 for r in ws.iter_rows(values_only=True) if isinstance(r[0], int)))", r.filePath]);
    expect(py.toString().trim()).toBe('4');
  });
});

describe('the campaign file carries "connections must use site-to-site VPN"', () => {
  it('creates a missing system with the office\'s setting, and turns a unit\'s setting back to the office\'s, audited', async () => {
    const t = makeTestCore(TODAY);
    sides.push(t);
    await t.call('unit.save', { ...HOME_UNIT, code: 'PLB', name: 'UBND PHƯỜNG LÁNG' });
    const kntc = (await t.call('systems.list', {})).find((s) => s.code === 'KNTC')!;
    expect(kntc.requiresSiteToSiteVpn).toBe(true);
    await t.call('systems.update', {
      id: kntc.id, name: kntc.name, managingAgency: kntc.managingAgency, adminIntervalMonths: kntc.adminIntervalMonths, userIntervalMonths: kntc.userIntervalMonths,
      requiresLicensedAv: kntc.requiresLicensedAv, active: kntc.active, requiresSiteToSiteVpn: false,
    });
    const preview = await t.call('campaignFile.preview', campaignFile);
    expect(preview.systems.map((s) => [s.code, s.action, s.requiresSiteToSiteVpn, s.siteToSiteChanges])).toEqual([
      ['KNTC', 'matched', true, true], ['DGXL', 'matched', false, false], ['STDV', 'matched', false, false], ['QLVB', 'create', true, undefined],
    ]);
    const r = await t.call('campaignFile.import', campaignFile);
    expect(r.siteToSiteApplied).toEqual([{ name: kntc.name, requiresSiteToSiteVpn: true }]);
    const after = new Map((await t.call('systems.list', {})).map((s) => [s.code, s.requiresSiteToSiteVpn]));
    expect(Object.fromEntries(after)).toMatchObject({ KNTC: true, DGXL: false, STDV: false, QLVB: true });
    const audit = t.core.db.prepare("SELECT action, entity_id AS entityId, summary, data FROM audit_log WHERE entity = 'system' ORDER BY id").all() as {
      action: string; entityId: number; summary: string; data: string;
    }[];
    const applied = audit.filter((a) => a.summary.includes('VPN site-to-site') && a.summary.includes('tệp đợt rà soát'));
    expect(applied).toHaveLength(1);
    expect(applied[0]).toMatchObject({ action: 'update', entityId: kntc.id });
    expect(applied[0]!.summary).toBe(`Bật yêu cầu kết nối dữ liệu qua VPN site-to-site của hệ thống ${kntc.name} theo tệp đợt rà soát của SỞ NỘI VỤ THÀNH PHỐ HÀ NỘI`);
    expect(JSON.parse(applied[0]!.data)).toMatchObject({ requiresSiteToSiteVpn: { from: false, to: true } });
    // Importing the same file again changes nothing more.
    const again = await t.call('campaignFile.import', campaignFile);
    expect(again.siteToSiteApplied).toEqual([]);
  });
});
