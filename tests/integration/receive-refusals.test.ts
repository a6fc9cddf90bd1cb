import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf, MethodName, ResultOf } from '../../shared/api/contract';
import type { SubmissionImportResult } from '../../shared/district/schema';
import type { ExportResult } from '../../shared/reports/schema';
import { createCore, dispatch } from '../../electron/core';
import { storedZip } from '../../electron/core/import/package-parts';
import { prescanXlsx } from '../../electron/core/import/zip-prescan';
import { buildHandUnit, HAND_HOME, type HandUnit } from '../oracle/hand-unit';

// Issue 22: what the office answers for each file it cannot accept, decided from the file alone
// (district/submissions.ts checkFile) — every reason and its exact Vietnamese message — and what
// an accepted file stores (district/store-submission.ts). The units' exports are made once in
// beforeAll (they do not run the code under test); each office is built inside its test, so
// mutation testing exercises it.

let dir: string;
let unit: HandUnit;
let report: ExportResult;
let cancellations: ExportResult;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'attk-receive-refusals-'));
  unit = await buildHandUnit({ code: 'PVM', name: 'UBND PHƯỜNG VĂN MIẾU', dir });
  report = await unit.exportReport();
  const { jobId } = await unit.call('reports.export', { campaignId: unit.campaignId, kind: 'cancellations', showLogins: true });
  for (;;) {
    const s = await unit.call('jobs.status', { id: jobId });
    if (s.state === 'done') {
      cancellations = s.result as ExportResult;
      break;
    }
    if (s.state === 'failed') throw new Error(s.error?.message);
    await new Promise((r) => setTimeout(r, 10));
  }
}, 120_000);
afterAll(() => {
  unit?.close();
  rmSync(dir, { recursive: true, force: true });
});

let officeNo = 0;
async function receive(files: { fileName: string; bytes: Buffer }[]) {
  const core = createCore({ file: join(dir, `office-${++officeNo}.sqlite`), shell: 'cli', appVersion: 'test', actor: 'van-thu', now: () => new Date('2024-02-15T15:00:00') });
  const call = async <M extends MethodName>(method: M, input: InputOf<M>): Promise<ResultOf<M>> => {
    const e = await dispatch(core, method, input);
    if (!e.ok) throw new Error(`${method}: ${e.error.message}`);
    return e.result as ResultOf<M>;
  };
  await call('unit.save', { ...HAND_HOME, name: 'PHÒNG NỘI VỤ QUẬN ĐỐNG ĐA', code: 'PNV-DD', signAuthority: '', reportSymbol: 'BC-PNV', recipientName: 'UBND quận Đống Đa' });
  await call('district.saveSettings', { receivingMode: true, officeLevel: 'district', officeAddress: '90 Hoàng Cầu, Đống Đa' });
  await call('district.saveUnit', { code: 'PVM', name: 'UBND PHƯỜNG VĂN MIẾU', kind: 'ward' });
  const c = await call('campaigns.create', {
    directiveNumber: '123/UBND-NV', subject: 'Rà soát, thay đổi mật khẩu tài khoản các phần mềm', systemIds: [1, 2], startDate: '2024-02-01', deadline: '2024-02-15',
  });
  await call('campaigns.advance', { id: c.id, to: 'in_progress' });
  const { jobId } = await call('district.importFiles', {
    campaignId: c.id, files: files.map((f) => ({ fileName: f.fileName, dataBase64: f.bytes.toString('base64') })), confirmedKeys: [{ unitCode: 'PVM', fingerprint: report.fingerprint }],
  });
  for (;;) {
    const s = await call('jobs.status', { id: jobId });
    if (s.state === 'done') return { core, result: s.result as SubmissionImportResult, campaignId: c.id };
    if (s.state === 'failed') throw new Error(s.error?.message);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const refusals = (r: SubmissionImportResult) => r.results.map((x) => [x.fileName, x.status, x.reason, x.message]);

/** The report with one visible cell of the summary changed (13 accounts → 12), re-zipped as a zip tool would. */
function alteredReport(): Buffer {
  const parts = prescanXlsx(readFileSync(report.filePath));
  const name = 'xl/worksheets/sheet1.xml';
  const xml = parts.get(name)!.toString('utf8');
  const changed = xml.replace('<v>13</v>', '<v>12</v>');
  expect(changed).not.toBe(xml);
  parts.set(name, Buffer.from(changed, 'utf8'));
  return storedZip([...parts].map(([n, data]) => ({ name: n, data })));
}

async function plainWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Tổng hợp').addRow(['Đơn vị', 'Tổng số tài khoản']).commit();
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('unit files the office refuses, decided from the file alone: the reason and its exact message', () => {
  it('a file changed after it was exported, a list of accounts to cancel, a workbook not from ATTK, a PDF without a valid signature, a cut file, nothing stored', async () => {
    const whole = readFileSync(report.filePath);
    const { core, result } = await receive([
      { fileName: 'sua.xlsx', bytes: alteredReport() },
      { fileName: 'huy.xlsx', bytes: readFileSync(cancellations.filePath) },
      { fileName: 'khac.xlsx', bytes: await plainWorkbook() },
      { fileName: 'bao-cao.pdf', bytes: Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n') },
      { fileName: 'cut.xlsx', bytes: whole.subarray(0, Math.floor(whole.length / 2)) },
    ]);
    const got = refusals(result);
    expect(got[0]!.slice(0, 3)).toEqual(['sua.xlsx', 'refused', 'altered']);
    expect(got[0]![3]).toMatch(/^Tệp đã bị sửa sau khi đơn vị xuất — .+ Không nhận tệp này; đề nghị đơn vị gửi lại tệp gốc\.$/);
    expect(result.results[0]).toMatchObject({ unitCode: 'PVM', unitName: 'UBND PHƯỜNG VĂN MIẾU' });
    expect(got[1]).toEqual(['huy.xlsx', 'refused', 'notReport',
      'Tệp "huy.xlsx" chỉ là danh sách đề nghị hủy tài khoản, không phải báo cáo kết quả. Đề nghị đơn vị gửi tệp báo cáo ("Xuất tệp Excel").']);
    expect(result.results[1]).toMatchObject({ unitCode: 'PVM', unitName: 'UBND PHƯỜNG VĂN MIẾU' });
    expect(got[2]).toEqual(['khac.xlsx', 'refused', 'notReport',
      'Tệp "khac.xlsx" không phải tệp báo cáo xuất từ ATTK (không có phần dữ liệu đã ký). Đơn vị cần dùng nút "Xuất tệp Excel" trong mục Báo cáo.']);
    expect(got[3]!.slice(0, 3)).toEqual(['bao-cao.pdf', 'refused', 'signature']);
    expect(got[3]![3]).not.toBe('');
    expect(got[4]).toEqual(['cut.xlsx', 'refused', 'unreadable',
      'Tệp "cut.xlsx" bị cắt cụt hoặc hỏng (thiếu phần cuối tệp), có thể do tải về hoặc chép chưa xong. Hãy lấy lại bản đầy đủ.']);
    expect([result.accepted, result.refused]).toEqual([0, 5]);
    expect((core.db.prepare('SELECT count(*) AS n FROM district_submissions').get() as { n: number }).n).toBe(0);
    core.db.close();
  }, 60_000);

  it('a file over 20 MB: its size is refused before anything is read; exactly 20 MB is read', async () => {
    const big = Buffer.alloc(20 * 1024 * 1024 + 1, 0x41);
    const { core, result } = await receive([{ fileName: 'lon.xlsx', bytes: big }]);
    expect(refusals(result)).toEqual([['lon.xlsx', 'refused', 'unreadable', 'Tệp "lon.xlsx" quá lớn (giới hạn 20 MB). Hãy tách thành nhiều tệp nhỏ hơn.']]);
    core.db.close();
    // Exactly 20 MB is within the limit: read, and refused for what it is (not a zip), not for its size.
    const limit = await receive([{ fileName: 'vua.xlsx', bytes: Buffer.alloc(20 * 1024 * 1024, 0x41) }]);
    expect(refusals(limit.result)[0]!.slice(0, 3)).toEqual(['vua.xlsx', 'refused', 'unreadable']);
    expect(refusals(limit.result)[0]![3]).not.toContain('quá lớn');
    limit.core.db.close();
  }, 60_000);
});

describe('what an accepted file stores', () => {
  it('its figures per system in the file\'s order from 1, and one audit row on the campaign', async () => {
    const { core, result, campaignId } = await receive([{ fileName: 'PVM.xlsx', bytes: readFileSync(report.filePath) }]);
    expect(result.results.map((r) => r.status)).toEqual(['accepted']);
    const id = result.results[0]!.submissionId!;
    expect(core.db.prepare('SELECT position, system_name AS name, total FROM district_submission_figures WHERE submission_id = ? ORDER BY position').all(id)).toEqual([
      { position: 1, name: 'CSDL quốc gia về khiếu nại, tố cáo', total: 7 },
      { position: 2, name: 'Phần mềm đánh giá, xếp loại CBCCVC hằng tháng', total: 6 },
    ]);
    expect(core.db.prepare("SELECT entity, entity_id AS entityId, summary FROM audit_log WHERE action = 'receive'").all()).toEqual([
      { entity: 'campaign', entityId: campaignId, summary: 'Nhận tệp báo cáo của UBND PHƯỜNG VĂN MIẾU: PVM.xlsx' },
    ]);
    core.db.close();
  }, 60_000);
});
