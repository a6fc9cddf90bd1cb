import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshot, type TestCore } from '../harness-core';
import { staffRows, workbook } from './corpus';
import { allRows, commit, importCore, peopleNames, stage } from './helpers';

let t: TestCore;
beforeEach(async () => {
  t = await importCore();
});
afterEach(() => t.close());

describe('staff import: what real files contain', () => {
  it('plain list, header on row 1: detects columns, previews, commits in one transaction with one audit row', async () => {
    const file = await workbook({ name: 'Danh sách', rows: staffRows([['Nguyễn Văn An', 'Chuyên viên', 'Văn phòng'], ['Trần Thị Bình', 'Kế toán', 'Tài chính']]) });
    const p = await stage(t, 'staff', file);
    expect(p).toMatchObject({ sheet: 'Danh sách', headerRow: 1, mapping: { seq: 1, fullName: 2, position: 3, department: 4 }, missing: [] });
    expect(p.counts).toMatchObject({ rows: 2, create: 2, error: 0 });
    expect(p.columns.map((c) => c.label)).toEqual(['STT', 'Họ và tên', 'Chức vụ', 'Bộ phận']);
    const auditBefore = (await t.call('audit.list', {})).total;
    const r = await commit(t, p);
    expect(r).toEqual({ kind: 'staff', fileName: 'danh-sach.xlsx', sheet: 'Danh sách', created: 2, updated: 0, skipped: 0, errors: 0 });
    const people = (await t.call('people.list', { q: 'tran thi binh' })).rows;
    expect(people).toMatchObject([{ fullName: 'Trần Thị Bình', position: 'Kế toán', department: 'Tài chính', staffType: 'cong_chuc' }]);
    const audit = await t.call('audit.list', {});
    expect(audit.total).toBe(auditBefore + 1);
    expect(audit.rows[0]).toMatchObject({ action: 'import', entity: 'import', summary: expect.stringContaining('2 thêm mới') });
    // The staged file is consumed: a second commit is refused and writes nothing.
    const snap = snapshot(t.core);
    const again = await t.raw('import.commit', { stageId: p.stageId, mapping: p.mapping });
    expect(again).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('hết hạn') } });
    expect(snapshot(t.core)).toEqual(snap);
  });

  it('title rows above a header on row 6, an STT column, a numbering row, blank rows and a total row', async () => {
    const file = await workbook({
      rows: [
        ['UBND QUẬN ĐỐNG ĐA'],
        ['UBND PHƯỜNG VĂN MIẾU', null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
        [],
        ['DANH SÁCH CÁN BỘ, CÔNG CHỨC NĂM 2024'],
        [],
        ['STT', 'Họ và tên', 'Chức vụ', 'Phòng ban', 'Đảng viên', 'Ghi chú'],
        ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)'],
        [1, 'Nguyễn Văn An', 'Chủ tịch', 'Lãnh đạo', 'x'],
        [],
        [2, 'Lê Thị Cúc', 'Chuyên viên', 'Văn phòng', ''],
        [null, null, null, null],
        ['Tổng cộng', null, '2 người'],
        [],
        [null, null, null, 'Văn Miếu, ngày 20 tháng 01 năm 2024'],
        [null, 'Người lập biểu', null, 'CHỦ TỊCH'],
        [null, 'Phạm Văn Lập', null, 'Nguyễn Văn An'],
      ],
    });
    const p = await stage(t, 'staff', file);
    expect(p.headerRow).toBe(6);
    expect(p.mapping).toEqual({ seq: 1, fullName: 2, position: 3, department: 4, partyMember: 5, note: 6 });
    const all = await allRows(t, p);
    expect(all.rows.map((r) => [r.row, r.values.fullName, r.action])).toEqual([
      [8, 'Nguyễn Văn An', 'create'],
      [10, 'Lê Thị Cúc', 'create'],
    ]);
    expect(all.notes).toEqual(expect.arrayContaining([expect.stringContaining('Dòng 7'), expect.stringContaining('Dòng 12 là dòng tổng cộng'), expect.stringContaining('Từ dòng 14')]));
    await commit(t, p);
    const people = (await t.call('people.list', {})).rows;
    expect(people.map((x) => [x.fullName, x.partyMember])).toEqual([
      ['Nguyễn Văn An', true],
      ['Lê Thị Cúc', false],
    ]);
  });

  it('merged two-row header ("Họ và tên" over family | given name, "Công tác" over position | department)', async () => {
    const file = await workbook({
      rows: [
        ['DANH SÁCH CÁN BỘ'],
        ['STT', 'Họ và tên', null, 'Công tác', null, 'Đảng viên'],
        [null, null, null, 'Chức vụ', 'Bộ phận', null],
        [1, 'Nguyễn Văn', 'An', 'Chuyên viên', 'Văn phòng', 'x'],
        [2, 'Đỗ Thị', 'Hoa', 'Kế toán', 'Tài chính', ''],
      ],
      merges: ['A2:A3', 'B2:C3', 'D2:E2', 'F2:F3'],
    });
    const p = await stage(t, 'staff', file);
    expect(p.headerRow).toBe(3);
    expect(p.headerRows).toBe(2);
    expect(p.mapping).toEqual({ seq: 1, fullName: 2, givenName: 3, position: 4, department: 5, partyMember: 6 });
    expect(p.columns.find((c) => c.letter === 'D')?.label).toBe('Công tác / Chức vụ');
    await commit(t, p);
    expect(await peopleNames(t)).toEqual(['Nguyễn Văn An', 'Đỗ Thị Hoa']);
  });

  it('department merged down over its group of rows, and group headings ("I. Văn phòng") used as departments', async () => {
    const merged = await workbook({
      rows: [['STT', 'Họ và tên', 'Bộ phận'], [1, 'A Văn Một', 'Văn phòng'], [2, 'B Văn Hai', null], [3, 'C Văn Ba', 'Tư pháp']],
      merges: ['C2:C3'],
    });
    const p1 = await stage(t, 'staff', merged);
    expect((await allRows(t, p1)).rows.map((r) => r.values.department)).toEqual(['Văn phòng', 'Văn phòng', 'Tư pháp']);

    const grouped = await workbook({
      rows: [['STT', 'Họ và tên', 'Chức vụ'], ['I. Văn phòng HĐND-UBND'], [1, 'Nguyễn Văn An', 'Chánh văn phòng'], ['II - Địa chính'], [2, 'Lê Văn Bảo', 'Công chức']],
    });
    const p2 = await stage(t, 'staff', grouped);
    const rows = (await allRows(t, p2)).rows;
    expect(rows.map((r) => [r.values.fullName, r.values.department])).toEqual([
      ['Nguyễn Văn An', 'Văn phòng HĐND-UBND'],
      ['Lê Văn Bảo', 'Địa chính'],
    ]);
  });

  it('names in decomposed Unicode are stored NFC, and found by folded search', async () => {
    const file = await workbook({ rows: staffRows([['Nguyễn Thị Ánh'.normalize('NFD')], ['  Phạm\u200B   Văn  Đức '.normalize('NFD')]]) });
    const p = await stage(t, 'staff', file);
    await commit(t, p);
    const names = await peopleNames(t);
    expect(names).toEqual(['Nguyễn Thị Ánh', 'Phạm Văn Đức']);
    for (const n of names) expect(n).toBe(n.normalize('NFC'));
    expect((await t.call('people.list', { q: 'pham van duc' })).total).toBe(1);
  });

  it('TCVN3 cells (.VnTime, .VnTimeH) are converted BEFORE cleaning — "Mường" keeps its ư — and shown as converted', async () => {
    const file = await workbook({
      rows: [
        ['STT', 'Hä vµ tªn', 'Chøc vô', 'Bé phËn'],
        [1, 'NguyÔn V¨n M\u00adêng', 'Chuyªn viªn', 'V¨n phßng'],
        [2, 'lª thÞ hoa', 'kÕ to¸n', 't\u00adµi chÝnh'],
      ],
      fonts: { 1: '.VnTime', 2: '.VnTime', 3: '.VnTimeH' },
    });
    const p = await stage(t, 'staff', file);
    expect(p.mapping).toMatchObject({ fullName: 2, position: 3, department: 4 });
    // Nine text cells differ after conversion ("STT" in a .VnTime font reads the same either way).
    expect(p.legacy).toEqual([{ encoding: 'tcvn3', cells: 9 }]);
    const rows = (await allRows(t, p)).rows;
    expect(rows[0]).toMatchObject({ values: { fullName: 'Nguyễn Văn Mường', position: 'Chuyên viên', department: 'Văn phòng' }, converted: ['fullName', 'position', 'department'] });
    expect(rows[1]!.values).toMatchObject({ fullName: 'LÊ THỊ HOA', position: 'KẾ TOÁN' });
    await commit(t, p);
    expect(await peopleNames(t)).toEqual(['Nguyễn Văn Mường', 'LÊ THỊ HOA']);
  });

  it('VNI cells (VNI-Times) are converted; text that only looks legacy (font lost) is flagged, not converted', async () => {
    const file = await workbook({
      rows: [staffRows([])[0]!, [1, 'Nguyeãn Thò Ngoïc Aùnh', 'Chuyeân vieân', 'Vaên phoøng'], [2, 'NguyÔn V¨n An', '', '']],
      fonts: { 2: 'VNI-Times' },
    });
    const p = await stage(t, 'staff', file);
    expect(p.legacy).toEqual([{ encoding: 'vni', cells: 3 }]);
    const rows = (await allRows(t, p)).rows;
    expect(rows[0]!.values).toMatchObject({ fullName: 'Nguyễn Thị Ngọc Ánh', position: 'Chuyên viên', department: 'Văn phòng' });
    expect(rows[1]!.problems).toEqual([expect.objectContaining({ level: 'warning', field: 'fullName', column: 'B', message: expect.stringContaining('TCVN3') })]);
  });

  it('formula cells take their cached value; text that looks like a formula stays text', async () => {
    const file = await workbook({
      rows: [
        ['STT', 'Họ', 'Tên', 'Họ và tên', 'Ghi chú'],
        [1, 'Nguyễn Văn', 'An', { formula: 'B2&" "&C2', result: 'Nguyễn Văn An' }, '=SUM(A1:A9)'],
        [{ formula: 'A2+1', result: 2 }, 'Trần', 'Bình', { formula: 'B3&" "&C3', result: 'Trần Bình' }, '+84 912 345 678'],
      ],
    });
    const p = await stage(t, 'staff', file);
    // "Họ và tên" (exact) wins the name; "Họ"/"Tên" are then the split name only if chosen by the user.
    const mapping = { seq: 1, fullName: 4, note: 5 };
    const rows = (await allRows(t, p, { mapping })).rows;
    expect(rows.map((r) => [r.values.fullName, r.values.note])).toEqual([
      ['Nguyễn Văn An', '=SUM(A1:A9)'],
      ['Trần Bình', '+84 912 345 678'],
    ]);
    await commit(t, p, { mapping });
    expect((await t.call('people.list', { q: 'nguyen van an' })).rows[0]!.note).toBe('=SUM(A1:A9)');
  });

  it('a formula with no cached value (written by a program, never calculated) is a row problem, not an empty name', async () => {
    const file = await workbook({ rows: [['STT', 'Họ và tên'], [1, { formula: 'CONCAT("A","B")' } as never], [2, 'Trần Bình']] });
    const p = await stage(t, 'staff', file);
    const rows = (await allRows(t, p)).rows;
    expect(rows[0]!.problems[0]).toMatchObject({ column: 'B', message: 'Họ và tên: ô công thức bị lỗi (chưa có giá trị — hãy mở tệp bằng Excel rồi lưu lại).' });
    expect(rows[1]!.action).toBe('create');
  });

  it('per-row problems: missing name, a name of digits only, an unknown unit, an unclear staff type', async () => {
    const file = await workbook({
      rows: [
        ['STT', 'Họ và tên', 'Đơn vị', 'Loại cán bộ'],
        [1, 'Nguyễn Văn An', 'UBND PHƯỜNG VĂN MIẾU', 'Công chức'],
        [2, '', 'VM', 'Viên chức'],
        [3, '12345', '', ''],
        [4, 'Lê Văn Cường', 'Phòng Kinh tế', 'HĐ'],
        [5, 'Hồ Thị Dung', '', 'tạm tuyển'],
      ],
    });
    const p = await stage(t, 'staff', file);
    const rows = (await allRows(t, p)).rows;
    expect(rows.map((r) => [r.row, r.action])).toEqual([
      [2, 'create'],
      [3, 'error'],
      [4, 'error'],
      [5, 'error'],
      [6, 'create'],
    ]);
    expect(rows[1]!.problems[0]).toMatchObject({ field: 'fullName', column: 'B', message: 'Thiếu họ và tên.' });
    expect(rows[3]!.problems[0]).toMatchObject({ field: 'unit', column: 'C', message: expect.stringContaining('Phòng Kinh tế') });
    expect(rows[4]!.problems[0]).toMatchObject({ level: 'warning', field: 'staffType', message: expect.stringContaining('tạm tuyển') });
    const only = await t.call('import.preview', { stageId: p.stageId, filter: 'problems' });
    expect(only.total).toBe(4);
    const r = await commit(t, p);
    expect(r).toMatchObject({ created: 2, errors: 3 });
    expect(await peopleNames(t)).toEqual(['Nguyễn Văn An', 'Hồ Thị Dung']);
  });

  it('the user corrects a mapping (a column named "Đơn vị công tác" that holds departments)', async () => {
    const file = await workbook({ rows: [['STT', 'Họ và tên', 'Đơn vị công tác'], [1, 'Nguyễn Văn An', 'Văn phòng'], [2, 'Lê Thị Bé', 'Tư pháp']] });
    const p = await stage(t, 'staff', file);
    expect(p.mapping).toMatchObject({ unit: 3 });
    expect(p.counts.error).toBe(2);
    const fixed = await t.call('import.preview', { stageId: p.stageId, mapping: { seq: 1, fullName: 2, department: 3 } });
    expect(fixed.counts).toMatchObject({ create: 2, error: 0 });
    await commit(t, p, { mapping: { seq: 1, fullName: 2, department: 3 } });
    expect((await t.call('people.list', {})).rows.map((x) => x.department)).toEqual(['Văn phòng', 'Tư pháp']);
  });

  it('the user picks another header row: its columns are recognised again', async () => {
    // Two tables on one sheet: the detector takes the first; the user wants the second.
    const file = await workbook({
      rows: [['STT', 'Họ và tên', 'Chức vụ'], [1, 'Nguyễn Văn An', 'Chủ tịch'], [], ['TT', 'Họ tên', 'Bộ phận'], [1, 'Lê Thị Hoa', 'Văn phòng']],
    });
    const p = await stage(t, 'staff', file);
    expect(p.headerRow).toBe(1);
    const second = await t.call('import.preview', { stageId: p.stageId, headerRow: 4 });
    expect(second.mapping).toEqual({ seq: 1, fullName: 2, department: 3 });
    expect(second.rows.map((r) => [r.values.fullName, r.values.department])).toEqual([['Lê Thị Hoa', 'Văn phòng']]);
    const outside = await t.raw('import.preview', { stageId: p.stageId, headerRow: 99 });
    expect(outside).toMatchObject({ ok: false, error: { message: 'Dòng tiêu đề nằm ngoài trang tính.' } });
  });

  it('a mapping that names a column twice, or a field of another kind, is refused with a message', async () => {
    const p = await stage(t, 'staff', await workbook({ rows: staffRows([['Nguyễn Văn An']]) }));
    const twice = await t.raw('import.preview', { stageId: p.stageId, mapping: { fullName: 2, position: 2 } });
    expect(twice).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Cột B được chọn cho hai trường.' } });
    const other = await t.raw('import.preview', { stageId: p.stageId, mapping: { fullName: 2, loginName: 3 } });
    expect(other).toMatchObject({ ok: false, error: { message: expect.stringContaining('Tên đăng nhập') } });
    const missing = await t.raw('import.commit', { stageId: p.stageId, mapping: { position: 3 } });
    expect(missing).toMatchObject({ ok: false, error: { message: 'Chưa chọn cột cho: Họ và tên.' } });
  });
});

describe('staff import: duplicates', () => {
  const file = () =>
    workbook({ rows: staffRows([['Nguyễn Văn An', 'Phó Chủ tịch', 'Lãnh đạo'], ['Lê Thị Bình', 'Chuyên viên', 'Văn phòng'], ['NGUYỄN VĂN AN', 'Chủ tịch', 'Lãnh đạo']]) });

  beforeEach(async () => {
    await t.call('people.create', { fullName: 'Lê Thị Bình', position: 'Cán sự', department: 'Văn phòng', note: 'giữ nguyên' });
  });

  it('default (safe): skip rows that match the database or an earlier row of the file', async () => {
    const p = await stage(t, 'staff', await file());
    const rows = (await allRows(t, p)).rows;
    expect(rows.map((r) => r.action)).toEqual(['create', 'skip', 'skip']);
    expect(rows[1]!.problems[0]!.message).toBe('Trùng với dữ liệu đã có.');
    expect(rows[2]!.problems[0]!.message).toBe('Trùng với dòng 2 trong tệp.');
    expect(await commit(t, p)).toMatchObject({ created: 1, updated: 0, skipped: 2 });
    expect((await t.call('people.list', { q: 'le thi binh' })).rows[0]!.position).toBe('Cán sự');
  });

  it('update: the existing person takes the file\'s values for the mapped columns only', async () => {
    const p = await stage(t, 'staff', await file());
    expect(await commit(t, p, { duplicates: 'update' })).toMatchObject({ created: 1, updated: 1, skipped: 1 });
    const binh = (await t.call('people.list', { q: 'le thi binh' })).rows;
    expect(binh).toHaveLength(1);
    expect(binh[0]).toMatchObject({ position: 'Chuyên viên', note: 'giữ nguyên' });
  });

  it('create: every row becomes a person', async () => {
    const p = await stage(t, 'staff', await file());
    expect(await commit(t, p, { duplicates: 'create' })).toMatchObject({ created: 3, skipped: 0 });
    expect((await t.call('people.list', {})).total).toBe(4);
  });
});

describe('dates (accounts file), day first', () => {
  it('real Excel dates, dd/MM/yyyy, d/M/yyyy, yyyy-MM-dd text and bare serials all read day-first', async () => {
    const file = await workbook({
      rows: [
        ['Hệ thống', 'Tên đăng nhập', 'Ngày cấp'],
        ['KNTC', 'a1', new Date(Date.UTC(2023, 2, 2))],
        ['KNTC', 'a2', '02/03/2023'],
        ['KNTC', 'a3', '2/3/2023'],
        ['KNTC', 'a4', '2023-03-02'],
        ['KNTC', 'a5', 44987],
        ['KNTC', 'a6', '31/02/2023'],
        ['KNTC', 'a7', '02/03/2099'],
      ],
    });
    const p = await stage(t, 'accounts', file);
    const rows = (await allRows(t, p)).rows;
    expect(rows.slice(0, 5).map((r) => r.values.createdOn)).toEqual(Array(5).fill('02/03/2023'));
    expect(rows[5]!.problems[0]!.message).toBe('Ngày cấp "31/02/2023" không phải ngày hợp lệ (dd/mm/yyyy).');
    expect(rows[6]!.problems[0]!.message).toBe('Ngày cấp sau ngày hôm nay.');
    await commit(t, p);
    const accounts = (await t.call('accounts.list', { limit: 10 })).rows;
    expect(accounts.map((a) => a.createdOn)).toEqual(Array(5).fill('2023-03-02'));
  });
});
