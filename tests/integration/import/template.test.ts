import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { vi } from '../../../shared/i18n/vi';
import { IMPORT_KINDS } from '../../../shared/import/schema';
import type { TestCore } from '../harness-core';
import { allRows, commit, importCore, refused, stage } from './helpers';

let t: TestCore;
beforeEach(async () => {
  t = await importCore();
});
afterEach(() => t.close());

async function open(base64: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer); // our own small file: load() is fine here
  return wb;
}

describe('"Tải mẫu": a clean template per kind', () => {
  it.each(IMPORT_KINDS)('%s: data sheet first with the header only, instructions second', async (kind) => {
    const tpl = await t.call('import.template', { kind });
    expect(tpl.fileName).toBe(vi.import.template.fileName[kind]);
    const wb = await open(tpl.dataBase64);
    expect(wb.worksheets.map((w) => w.name)).toEqual([vi.import.template.dataSheet[kind], 'Hướng dẫn']);
    const data = wb.worksheets[0]!;
    expect((data.getRow(1).values as unknown[]).slice(1)).toEqual(vi.import.template.headers[kind]);
    expect(data.actualRowCount).toBe(1);
    const help = wb.worksheets[1]!;
    const text = help.getColumn(1).values.filter(Boolean).join('\n');
    expect(text).toContain('ngày/tháng/năm');
    expect(text).toContain('không bao giờ lưu mật khẩu');
  });

  it('an untouched template is refused as "no data rows" — its example table on "Hướng dẫn" is never imported', async () => {
    const tpl = await t.call('import.template', { kind: 'staff' });
    const e = await refused(t, 'staff', Buffer.from(tpl.dataBase64, 'base64'), 'Mau_nhap_can_bo.xlsx');
    expect(e.message).toBe('Tệp "Mau_nhap_can_bo.xlsx" (trang tính "Cán bộ", dòng 1): không có dòng dữ liệu nào dưới dòng tiêu đề.');
  });

  it('a filled-in template imports as is (account list with system codes and text dates)', async () => {
    await t.call('people.create', { fullName: 'Nguyễn Văn An' });
    const wb = await open((await t.call('import.template', { kind: 'accounts' })).dataBase64);
    wb.worksheets[0]!.addRow([1, 'KNTC', 'annv.vm', 'Nguyễn Văn An', 'Quản trị', '15/06/2018', 'Công văn 498/TTr-VP', '']);
    wb.worksheets[0]!.addRow([2, 'STDV', 'vt.vm', '', 'Người dùng', '', '', 'Dùng chung']);
    const p = await stage(t, 'accounts', Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer), 'mau.xlsx');
    expect(p.sheet).toBe('Tài khoản');
    expect((await allRows(t, p)).rows.map((r) => r.action)).toEqual(['create', 'create']);
    expect(await commit(t, p)).toMatchObject({ created: 2 });
    expect((await t.call('accounts.list', { q: 'annv' })).rows[0]).toMatchObject({ role: 'admin', createdOn: '2018-06-15', sourceDocument: 'Công văn 498/TTr-VP' });
  });
});
