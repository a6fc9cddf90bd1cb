import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshot, type TestCore } from '../harness-core';
import { workbook } from './corpus';
import { allRows, commit, importCore, stage } from './helpers';

let t: TestCore;
let kntc: number;
let dgxl: number;
beforeEach(async () => {
  t = await importCore('2024-01-20');
  const systems = await t.call('systems.list', {});
  kntc = systems.find((s) => s.code === 'KNTC')!.id;
  dgxl = systems.find((s) => s.code === 'DGXL')!.id;
  await t.call('people.create', { fullName: 'Nguyễn Văn An', department: 'Văn phòng' });
  await t.call('people.create', { fullName: 'Trần Thị Bình', department: 'Tài chính' });
  await t.call('people.create', { fullName: 'Lê Văn Cường', department: 'Văn phòng' });
  await t.call('people.create', { fullName: 'Lê Văn Cường', department: 'Tư pháp' });
});
afterEach(() => t.close());

describe('accounts import', () => {
  it('merged two-row header "Tài khoản" over "Hệ thống | Tên đăng nhập"; owners, roles and systems matched by name or code', async () => {
    const file = await workbook({
      name: 'Tài khoản',
      rows: [
        ['DANH SÁCH TÀI KHOẢN PHẦN MỀM'],
        ['TT', 'Họ và tên', 'Tài khoản', null, 'Quyền', 'Ngày cấp'],
        [null, null, 'Hệ thống', 'Tên đăng nhập', null, null],
        [1, 'Nguyễn Văn An', 'KNTC', 'annv.vm', 'QTHT', '15/06/2018'],
        [2, 'Trần Thị Bình', 'Phần mềm đánh giá, xếp loại CBCCVC hằng tháng', 'binhtt', 'Người dùng', ''],
        [3, '', 'csdl quoc gia ve khieu nai, to cao', 'vanthu.vm', '', ''],
        [4, 'Nguyễn Văn An', 'Sổ tay đảng viên', 'annv', 'admin', ''],
      ],
      merges: ['A2:A3', 'B2:B3', 'C2:D2', 'E2:E3', 'F2:F3'],
    });
    const p = await stage(t, 'accounts', file);
    expect(p).toMatchObject({ headerRow: 3, headerRows: 2, mapping: { seq: 1, fullName: 2, system: 3, loginName: 4, role: 5, createdOn: 6 }, needsSystem: false });
    const rows = (await allRows(t, p)).rows;
    expect(rows.map((r) => [r.values.system, r.values.loginName, r.values.fullName ?? null, r.values.role ?? null, r.action])).toEqual([
      ['CSDL quốc gia về khiếu nại, tố cáo', 'annv.vm', 'Nguyễn Văn An', 'Quản trị', 'create'],
      ['Phần mềm đánh giá, xếp loại CBCCVC hằng tháng', 'binhtt', 'Trần Thị Bình', 'Người dùng', 'create'],
      ['CSDL quốc gia về khiếu nại, tố cáo', 'vanthu.vm', null, null, 'create'],
      ['Sổ tay đảng viên điện tử', 'annv', 'Nguyễn Văn An', 'Quản trị', 'create'],
    ]);
    expect(await commit(t, p)).toMatchObject({ created: 4, errors: 0 });
    const accounts = (await t.call('accounts.list', { q: 'annv.vm' })).rows;
    expect(accounts).toMatchObject([{ loginName: 'annv.vm', personName: 'Nguyễn Văn An', role: 'admin', createdOn: '2018-06-15', status: 'active' }]);
    const shared = (await t.call('accounts.list', { q: 'vanthu' })).rows[0]!;
    expect(shared.personId).toBeNull();
  });

  it('a list for one system without a "Hệ thống" column needs a default system', async () => {
    const file = await workbook({ rows: [['STT', 'Họ và tên', 'Tên đăng nhập'], [1, 'Nguyễn Văn An', 'an.nv']] });
    const p = await stage(t, 'accounts', file);
    expect(p.needsSystem).toBe(true);
    expect(p.rows).toEqual([]);
    const snap = snapshot(t.core);
    expect(await t.raw('import.commit', { stageId: p.stageId, mapping: p.mapping })).toMatchObject({
      ok: false, error: { message: 'Tệp không có cột "Hệ thống": hãy chọn hệ thống cho các dòng.', path: ['systemId'] },
    });
    expect(snapshot(t.core)).toEqual(snap);
    expect(await commit(t, p, { systemId: dgxl })).toMatchObject({ created: 1 });
    expect((await t.call('accounts.list', { systemId: dgxl })).rows[0]!.loginName).toBe('an.nv');
  });

  it('per-row problems: unknown owner, ambiguous owner (narrowed by department), unknown system, missing login', async () => {
    const file = await workbook({
      rows: [
        ['Hệ thống', 'Tên đăng nhập', 'Chủ tài khoản', 'Bộ phận'],
        ['KNTC', 'x1', 'Phạm Thị Không Có', ''],
        ['KNTC', 'x2', 'Lê Văn Cường', ''],
        ['KNTC', 'x3', 'Lê Văn Cường', 'Tư pháp'],
        ['Zalo', 'x4', '', ''],
        ['KNTC', '', 'Nguyễn Văn An', ''],
      ],
    });
    const p = await stage(t, 'accounts', file);
    const rows = (await allRows(t, p)).rows;
    expect(rows.map((r) => r.action)).toEqual(['error', 'error', 'create', 'error', 'error']);
    expect(rows[0]!.problems[0]).toMatchObject({ column: 'C', message: 'Chưa có cán bộ "Phạm Thị Không Có" — hãy nhập danh sách cán bộ trước.' });
    expect(rows[1]!.problems[0]!.message).toBe('Có 2 cán bộ tên "Lê Văn Cường" — thêm cột Bộ phận để phân biệt.');
    expect(rows[3]!.problems[0]).toMatchObject({ column: 'A', message: 'Không có hệ thống "Zalo" trong Cài đặt.' });
    expect(rows[4]!.problems[0]).toMatchObject({ column: 'B', message: 'Thiếu tên đăng nhập.' });
    expect(await commit(t, p)).toMatchObject({ created: 1, errors: 4 });
  });

  it('duplicates: a login already on the system (any case) is skipped by default, or updated', async () => {
    const person = (await t.call('people.list', { q: 'tran thi binh' })).rows[0]!;
    await t.call('accounts.create', { systemId: kntc, loginName: 'binhtt', personId: null, note: 'cũ' });
    const file = await workbook({
      rows: [['Hệ thống', 'Tên đăng nhập', 'Chủ tài khoản', 'Loại tài khoản'], ['KNTC', 'BINHTT', 'Trần Thị Bình', 'Quản trị'], ['KNTC', 'new.one', '', ''], ['kntc', 'New.One', '', '']],
    });
    const p = await stage(t, 'accounts', file);
    expect((await allRows(t, p)).rows.map((r) => r.action)).toEqual(['skip', 'create', 'skip']);
    expect((await t.raw('import.preview', { stageId: p.stageId, duplicates: 'create' }))).toMatchObject({ ok: false, error: { path: ['duplicates'] } });
    expect(await commit(t, p, { duplicates: 'update' })).toMatchObject({ created: 1, updated: 1, skipped: 1 });
    const updated = (await t.call('accounts.list', { q: 'binhtt' })).rows[0]!;
    expect(updated).toMatchObject({ personId: person.id, role: 'admin', note: 'cũ', loginName: 'binhtt' });
  });
});

describe('confirmations import', () => {
  let annv: number;
  beforeEach(async () => {
    const an = (await t.call('people.list', { q: 'nguyen van an' })).rows[0]!;
    annv = (await t.call('accounts.create', { systemId: kntc, loginName: 'annv.vm', personId: an.id, createdOn: '2023-06-01' })).id;
    const old = await t.call('accounts.create', { systemId: dgxl, loginName: 'old.acc', personId: null });
    await t.call('accounts.setStatus', { id: old.id, status: 'cancelled' });
    await t.call('confirmations.create', { accountId: annv, changedOn: '2023-12-01' });
  });

  it('records valid rows; refuses future dates, dates before the account was issued, cancelled accounts, unknown logins', async () => {
    const file = await workbook({
      rows: [
        ['STT', 'Hệ thống', 'Tài khoản', 'Họ và tên', 'Ngày đổi mật khẩu', 'Hình thức'],
        [1, 'KNTC', 'annv.vm', 'Nguyễn Văn An', '05/01/2024', 'Ký phiếu'],
        [2, 'KNTC', 'annv.vm', 'Nguyễn Văn An', '01/12/2023', ''],
        [3, 'KNTC', 'annv.vm', 'Nguyễn Văn An', '05/01/2024', ''],
        [4, 'KNTC', 'annv.vm', '', '25/01/2024', ''],
        [5, 'KNTC', 'annv.vm', '', '15/05/2023', ''],
        [6, 'DGXL', 'old.acc', '', '10/01/2024', ''],
        [7, 'KNTC', 'khong.co', '', '10/01/2024', ''],
        [8, 'KNTC', 'annv.vm', 'Trần Thị Bình', '10/01/2024', 'tự khai'],
      ],
    });
    const p = await stage(t, 'confirmations', file);
    expect(p.mapping).toMatchObject({ system: 2, loginName: 3, fullName: 4, changedOn: 5, method: 6 });
    const rows = (await allRows(t, p)).rows;
    expect(rows.map((r) => [r.row, r.action, r.problems.map((x) => x.message).join(' | ')])).toEqual([
      [2, 'create', ''],
      [3, 'skip', 'Trùng với dữ liệu đã có.'],
      [4, 'skip', 'Trùng với dòng 2 trong tệp.'],
      [5, 'error', 'Ngày đổi mật khẩu sau ngày hôm nay.'],
      [6, 'error', 'Ngày đổi mật khẩu trước ngày cấp tài khoản (01/06/2023).'],
      [7, 'error', 'Tài khoản old.acc đã hủy, không thể xác nhận đổi mật khẩu.'],
      [8, 'error', 'Không có tài khoản "khong.co" trên hệ thống CSDL quốc gia về khiếu nại, tố cáo.'],
      [9, 'create', 'Tài khoản annv.vm thuộc về Nguyễn Văn An, khác với tên trong tệp.'],
    ]);
    expect(await commit(t, p)).toMatchObject({ created: 2, skipped: 2, errors: 4 });
    const history = await t.call('confirmations.history', { accountId: annv });
    expect(history.map((c) => [c.changedOn, c.method])).toEqual([
      ['2024-01-10', 'self_declared'],
      ['2024-01-05', 'sign_sheet'],
      ['2023-12-01', 'sign_sheet'],
    ]);
    expect(history[0]!.batchId).toBe(history[1]!.batchId);
    expect((await t.call('accounts.get', { id: annv })).lastChangedOn).toBe('2024-01-10');
  });
});
