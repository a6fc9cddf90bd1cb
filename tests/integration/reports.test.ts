import { execFileSync } from 'node:child_process';
import { recount } from '../oracle/recount';
import { parseSummary, readWorkbook } from '../oracle/read-summary';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_SCHEMA_VERSION, type ExportResult } from '../../shared/reports/schema';
import { generateDemo } from '../../electron/core/demo/generate';
import { verifyReportFile } from '../../electron/core/reports/verify';
import { keyPathFor } from '../../electron/core/reports/keys';
import { makeTestCore, type TestCore } from './harness-core';

// One unit-size demo database (today 20/01/2024), with staff whose names look like formulas.
let t: TestCore;
let exported: ExportResult;
let campaignId: number;

async function exportReport(kind: 'report' | 'cancellations' = 'report', showLogins = false): Promise<ExportResult> {
  const { jobId } = await t.call('reports.export', { campaignId, kind, showLogins });
  for (;;) {
    const s = await t.call('jobs.status', { id: jobId });
    if (s.state === 'done') return s.result as ExportResult;
    if (s.state === 'failed') throw new Error(s.error?.message);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));

const python = (code: string, ...args: string[]) => execFileSync('/usr/bin/python3', ['-c', code, ...args]).toString();

beforeAll(async () => {
  t = makeTestCore('2024-01-20');
  generateDemo(t.core.db, 'unit', { today: '2024-01-20' });
  const tricky = await t.call('people.create', { fullName: '=HYPERLINK("http://x","bấm")', position: '+84 912', department: '-Phòng', note: '@mention' });
  const [kntc] = await t.call('systems.list', {});
  await t.call('accounts.create', { systemId: kntc!.id, personId: tricky.id, loginName: '=1+1' });
  campaignId = (await t.call('campaigns.list', {})).find((c) => c.status === 'in_progress')!.id;
  exported = await exportReport();
});
afterAll(() => (process.env.ATTK_KEEP ? undefined : t.close()));

describe('the Excel report for the receiving office', () => {
  it('is written beside the database, recorded with its SHA-256 and figures, and signed with the unit key', async () => {
    expect(existsSync(exported.filePath)).toBe(true);
    expect(exported.filePath).toContain('/exports/');
    expect(createHash('sha256').update(readFileSync(exported.filePath)).digest('hex')).toBe(exported.sha256);
    // The key is in the database (so backups carry it), not in a file beside it.
    expect(existsSync(keyPathFor(t.file))).toBe(false);
    expect(t.core.db.prepare('SELECT fingerprint FROM signing_key').get()).toEqual({ fingerprint: exported.fingerprint });
    expect(exported.fingerprint).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);
    const history = await t.call('reports.history', { campaignId });
    expect(history[0]).toMatchObject({ id: exported.exportId, sha256: exported.sha256, exportedBy: 'tester', figures: exported.figures });
    const file = await t.call('reports.file', { exportId: exported.exportId });
    expect(Buffer.from(file.dataBase64, 'base64').equals(readFileSync(exported.filePath))).toBe(true);
  });

  it('holds figures equal to an independent SQL count', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(exported.filePath);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Tổng hợp', 'visible'],
      ['Tài khoản', 'visible'],
      ['Thiết bị', 'visible'],
      ['Kết nối', 'visible'],
      ['Tính năng bảo mật', 'visible'],
      ['Đề nghị hủy TK', 'visible'],
      ['_attk', 'veryHidden'],
    ]);
    // Every figure of "Tổng hợp" (read back by openpyxl) equals the independent recount of the rows.
    const r = recount(t.core.db, campaignId, '2024-01-20', 3);
    const summary = parseSummary(readWorkbook(exported.filePath)['Tổng hợp']!);
    const idOf = new Map((t.core.db.prepare('SELECT id, name FROM systems').all() as { id: number; name: string }[]).map((x) => [x.name, x.id]));
    expect(summary.systems.map((s) => [s.row.total, s.row.done, s.row.mustChange, s.admin.total])).toEqual(
      summary.systems.map((s) => r.bySystem.get(idOf.get(s.row.label)!)!).map((x) => [x.all.total, x.all.done, x.all.must_change, x.admin.total]),
    );
    expect(summary.total.row).toMatchObject({ total: r.overall.all.total, toCancel: r.overall.all.to_cancel, mustChange: r.overall.all.must_change, done: r.overall.all.done, late: r.overall.all.late, missing: r.overall.all.missing });
    expect(summary.devices).toMatchObject({ devices: r.devices.devices, checked: r.devices.checked, licensed: r.devices.licensed, infected: r.devices.infected, remediated: r.devices.remediated });
    expect(summary.devices.devices).toBeGreaterThan(10);
    const deviceSheet = wb.getWorksheet('Thiết bị')!;
    const distinctDevices = t.core.db
      .prepare(
        `SELECT count(*) AS n FROM devices d WHERE (d.status = 'in_use' OR (d.infected_on IS NOT NULL AND d.remediated_on IS NULL))
           AND d.id IN (SELECT device_id FROM device_systems WHERE system_id IN (SELECT system_id FROM campaign_systems WHERE campaign_id = ?))`,
      )
      .get(campaignId) as { n: number };
    expect(deviceSheet.actualRowCount - 3).toBe(distinctDevices.n);
    const accounts = wb.getWorksheet('Tài khoản')!;
    expect(accounts.actualRowCount - 3).toBe(exported.figures.total);
    // Repeated header rows, frozen panes, autofilter, A4 fit to width.
    expect(accounts.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1, orientation: 'landscape' });
    expect(accounts.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(accounts.autoFilter).toBeTruthy();
    expect(accounts.pageSetup.printTitlesRow).toBe('4:4');
  });

  it('masks logins by default, stores dates as real dates in dd/mm/yyyy, and keeps formula-like text as text (read by openpyxl)', () => {
    const out = python(
      `import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['Tài khoản']
head = [c.value for c in ws[4]]
login, date = head.index('Tên đăng nhập'), head.index('Ngày đổi gần nhất')
print('UNIT COLUMN', 'Đơn vị' in head)
for row in ws.iter_rows(min_row=5):
    v = [c.value for c in row]
    if v[1] and str(v[1]).startswith('=HYPERLINK'):
        print('NAME', row[1].data_type, row[2].data_type, row[3].data_type, repr(row[login].value), row[login].data_type)
for row in ws.iter_rows(min_row=5, max_row=400):
    if row[date].value is not None:
        print('DATE', row[date].data_type, row[date].number_format, row[date].value.date().isoformat()); break
print('LOGINS', sum(1 for r in ws.iter_rows(min_row=5) if r[login].value and '***' in str(r[login].value)), ws.max_row - 4)
print('STATE', wb['_attk'].sheet_state)`,
      exported.filePath,
    );
    expect(out).toContain("NAME s s s '=1***' s");
    expect(out).toContain('UNIT COLUMN False'); // a one-unit file does not repeat the unit's name on every row
    expect(out).toMatch(/DATE d dd\/mm\/yyyy 20\d\d-\d\d-\d\d/);
    const [, masked, total] = /LOGINS (\d+) (\d+)/.exec(out)!;
    expect(masked).toBe(total);
    expect(out).toContain('STATE veryHidden');
  });

  it('verifies: hash of every cell and the Ed25519 signature', async () => {
    const v = await verifyReportFile(exported.filePath);
    expect(v.problems).toEqual([]);
    expect(v.ok).toBe(true);
    expect(v.fingerprint).toBe(exported.fingerprint);
    expect(v.payload).toMatchObject({ schemaVersion: REPORT_SCHEMA_VERSION, kind: 'report', unit: { code: expect.any(String) }, figures: { overall: exported.figures } });
    expect(v.payload!.counts.toCancel).toBe(v.payload!.toCancel.length);
  });

  it('still verifies after another program re-saves it unchanged, and fails after one changed cell', async () => {
    const resaved = `${exported.filePath}.resaved.xlsx`;
    python(`import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nwb.save(sys.argv[2])`, exported.filePath, resaved);
    expect((await verifyReportFile(resaved)).problems).toEqual([]);

    const edited = `${exported.filePath}.edited.xlsx`;
    python(`import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nws = wb['Tổng hợp']\nfor row in ws.iter_rows():\n    if isinstance(row[0].value, int):\n        row[5].value = row[5].value + 1; break\nwb.save(sys.argv[2])`, exported.filePath, edited);
    const v = await verifyReportFile(edited);
    expect(v.ok).toBe(false);
    expect(v.problems.join(' ')).toContain('đã bị thay đổi');

    // Editing the signed sheet itself breaks the signature.
    const forged = `${exported.filePath}.forged.xlsx`;
    python(
      `import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nws = wb['_attk']\nfor row in ws.iter_rows():\n    if str(row[0].value).startswith('payload.0'):\n        row[1].value = row[1].value.replace('"done":', '"done":1', 1)\nwb.save(sys.argv[2])`,
      exported.filePath,
      forged,
    );
    const f = await verifyReportFile(forged);
    expect(f.ok).toBe(false);
    expect(f.problems.join(' ')).toMatch(/Chữ ký số không hợp lệ|hỏng/);
  });

  // LibreOffice Calc is installed by .ci/run (libreoffice-calc-nogui); without it this one check is skipped.
  it.skipIf(!soffice)('opens in LibreOffice Calc, whose re-saved copy still verifies and prints on A4 landscape pages', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'attk-lo-'));
    try {
      const profile = `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`;
      const run = (target: string) =>
        execFileSync(soffice!, [profile, '--headless', '--norestore', '--convert-to', target, '--outdir', dir, exported.filePath], { timeout: 100_000 }).toString();
      expect(run('xlsx:Calc MS Excel 2007 XML')).toContain('convert');
      const resaved = join(dir, basename(exported.filePath));
      expect((await verifyReportFile(resaved)).problems).toEqual([]);
      // Calc reads our page set-up: every printed page is A4 landscape (841.9 × 595.3 pt).
      run('pdf');
      const info = execFileSync('pdfinfo', [join(dir, basename(exported.filePath).replace(/\.xlsx$/, '.pdf'))]).toString();
      expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
      expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBeGreaterThan(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exports the cancellation list on its own, and shows logins when asked', async () => {
    const c = await exportReport('cancellations', true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(c.filePath);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Đề nghị hủy TK', '_attk']);
    const sheet = wb.getWorksheet('Đề nghị hủy TK')!;
    const leavers = t.core.db
      .prepare("SELECT count(*) AS n FROM accounts a JOIN people p ON p.id = a.person_id WHERE p.status <> 'working' AND a.status = 'active' AND a.system_id IN (SELECT system_id FROM campaign_systems WHERE campaign_id = ?)")
      .get(campaignId) as { n: number };
    // Title, subtitle, header row and the closing note that says the logins are in full.
    expect(sheet.actualRowCount - 4).toBe(leavers.n);
    expect(String(sheet.getRow(sheet.actualRowCount + 1).getCell(1).value)).toContain('Tên đăng nhập ghi đầy đủ');
    expect(String(sheet.getRow(5).getCell(10).value)).not.toContain('***');
    expect((await verifyReportFile(c.filePath)).ok).toBe(true);
  });

  it('refuses to export a draft campaign', async () => {
    const draft = await t.call('campaigns.create', { directiveNumber: '1/UBND', subject: 'x', systemIds: [1], startDate: '2024-01-10', deadline: '2024-01-25' });
    expect(await t.raw('reports.export', { campaignId: draft.id })).toMatchObject({ ok: false, error: { code: 'VALIDATION', path: ['campaignId'] } });
  });

  it('does not verify a copy whose signature was made with another key', async () => {
    const other = makeTestCore('2024-01-20');
    try {
      copyFileSync(exported.filePath, `${other.file}.copy.xlsx`);
      const v = await verifyReportFile(`${other.file}.copy.xlsx`);
      expect(v.ok).toBe(true); // self-consistent: whether the key belongs to the unit is the receiving office's pinning
      expect(v.fingerprint).toBe(exported.fingerprint);
    } finally {
      other.close();
    }
  });
});
