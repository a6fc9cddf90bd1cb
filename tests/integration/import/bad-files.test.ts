import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { vi } from '../../../shared/i18n/vi';
import { ImportService } from '../../../electron/core/import/service';
import { type TestCore } from '../harness-core';
import { mutate, ole2, staffRows, unzip, workbook, zip } from './corpus';
import { importCore, refused, stage } from './helpers';

// Every bad file gets a clear Vietnamese message naming the file (and the sheet/row where it
// applies), and leaves the database exactly as it was (`refused` compares snapshots).

let t: TestCore;
let good: Buffer;
beforeEach(async () => {
  t = await importCore();
  good = await workbook({ name: 'DS', rows: staffRows([['Nguyễn Văn An', 'Chuyên viên', 'Văn phòng'], ['Trần Thị Bình'], ['Lê Văn Cường']]) });
});
afterEach(() => t.close());

const F = 'danh-sach.xlsx';
const message = (code: keyof typeof vi.import.fileErrors, detail: Parameters<(typeof vi.import.fileErrors)['damaged']>[1] = {}) => vi.import.fileErrors[code](F, detail);

describe('files that are not a readable .xlsx', () => {
  it('an empty file', async () => {
    expect(await refused(t, 'staff', Buffer.alloc(0))).toEqual({ code: 'VALIDATION', message: 'Tệp "danh-sach.xlsx" rỗng (0 byte). Không có gì được nhập.', path: ['dataBase64'] });
  });

  it('an old .xls (OLE2 header D0 CF 11 E0) — told apart from a password-protected file', async () => {
    const e = await refused(t, 'staff', ole2(['Workbook', 'SummaryInformation']), 'cu.xls');
    expect(e.message).toBe(vi.import.fileErrors.xls('cu.xls'));
    expect(e.message).toContain('Excel 97–2003');
  });

  it('a password-protected .xlsx (an OLE2 file with EncryptionInfo)', async () => {
    const e = await refused(t, 'staff', ole2(['EncryptionInfo', 'EncryptedPackage']));
    expect(e.message).toBe(message('encrypted'));
    expect(e.message).toContain('mật khẩu');
  });

  it('plain text / CSV renamed to .xlsx', async () => {
    expect((await refused(t, 'staff', Buffer.from('STT,Họ và tên\n1,Nguyễn Văn An\n'))).message).toBe(message('notZip'));
  });

  it('an HTML table saved with an Excel extension (what web portals export)', async () => {
    const html = Buffer.from('<html xmlns:x="urn:schemas-microsoft-com:office:excel"><body><table><tr><td>Họ và tên</td></tr></table></body></html>');
    expect((await refused(t, 'staff', html))).toMatchObject({ message: message('html') });
  });

  it('a truncated download (the end of the zip is missing)', async () => {
    expect((await refused(t, 'staff', good.subarray(0, Math.floor(good.length * 0.7)))).message).toBe(message('truncated'));
    expect((await refused(t, 'staff', good.subarray(0, good.length - 10))).message).toBe(message('truncated'));
  });

  it('a wrong CRC-32 (the zip layer of exceljs would not notice)', async () => {
    const entries = unzip(good);
    const bad = zip(entries, { crc: { 'xl/worksheets/sheet1.xml': 0x12345678 } });
    expect((await refused(t, 'staff', bad)).message).toBe(message('damaged', { part: 'xl/worksheets/sheet1.xml' }));
  });

  it('a corrupted byte inside compressed data', async () => {
    const bytes = Buffer.from(zip(unzip(good)));
    const at = bytes.indexOf(Buffer.from('xl/sharedStrings.xml')) + 'xl/sharedStrings.xml'.length + 5;
    bytes[at] = bytes[at]! ^ 0xff;
    expect((await refused(t, 'staff', bytes)).message).toMatch(/bị hỏng|bất thường/);
  });

  it('a zip bomb: an entry inflating at an absurd ratio is refused before it is inflated', async () => {
    const bomb = zip([...unzip(good), { name: 'xl/media/image1.png', data: Buffer.alloc(30 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect((await refused(t, 'staff', bomb)).message).toBe(message('bomb', { part: 'xl/media/image1.png' }));
  });

  it('a zip bomb that lies about its size: inflation stops at the declared size', async () => {
    const liar = zip([...unzip(good), { name: 'xl/media/a.bin', data: Buffer.alloc(512 * 1024, 7) }], { size: { 'xl/media/a.bin': 1000 } });
    expect((await refused(t, 'staff', liar)).message).toBe(message('bomb', { part: 'xl/media/a.bin' }));
  });

  it('an entry named "../" (path traversal) or with an absolute path', async () => {
    const traversal = zip([...unzip(good), { name: '../../evil.txt', data: Buffer.from('x') }]);
    expect((await refused(t, 'staff', traversal)).message).toBe(message('unsafeName', { part: '../../evil.txt' }));
    const absolute = zip([...unzip(good), { name: '/etc/cron.d/x', data: Buffer.from('x') }]);
    expect((await refused(t, 'staff', absolute)).message).toBe(message('unsafeName', { part: '/etc/cron.d/x' }));
  });

  it('a package missing xl/workbook.xml or [Content_Types].xml', async () => {
    const noWorkbook = zip(unzip(good).filter((e) => e.name !== 'xl/workbook.xml'));
    expect((await refused(t, 'staff', noWorkbook)).message).toBe('Tệp "danh-sach.xlsx" thiếu thành phần bắt buộc xl/workbook.xml: không phải bảng tính Excel hợp lệ.');
    const noTypes = zip(unzip(good).filter((e) => e.name !== '[Content_Types].xml'));
    expect((await refused(t, 'staff', noTypes)).message).toBe(message('missingPart', { part: '[Content_Types].xml' }));
  });

  it('an encrypted zip entry (traditional PKWARE encryption flag)', async () => {
    const bytes = Buffer.from(zip(unzip(good)));
    const cd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt16LE(bytes.readUInt16LE(cd + 8) | 1, cd + 8);
    expect((await refused(t, 'staff', bytes)).message).toBe(message('encrypted'));
  });

  it('data that is not base64 at all', async () => {
    const r = await t.raw('import.stage', { kind: 'staff', fileName: F, dataBase64: '%%%not base64%%%' });
    expect(r).toMatchObject({ ok: false, error: { message: message('badBase64') } });
  });

  it('absurd size: more than 20 MB is refused before anything is decoded', async () => {
    const r = await t.raw('import.stage', { kind: 'staff', fileName: F, dataBase64: 'A'.repeat(28 * 1024 * 1024) });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', path: ['dataBase64'], message: expect.stringContaining('Tệp quá lớn (tối đa 20 MB).') } });
  });
});

describe('sheets the streaming reader would misread', () => {
  it('a sheet cut short inside a valid zip (CRC correct): refused, never half the rows', async () => {
    const cut = mutate(good, 'xl/worksheets/sheet1.xml', (xml) => xml.slice(0, xml.indexOf('<row r="3"')));
    expect((await refused(t, 'staff', cut)).message).toBe(message('sheetTruncated', { sheet: 'DS', row: 2, count: 4 }));
  });

  it('a sheet whose <dimension> claims more rows than it holds', async () => {
    const lying = mutate(good, 'xl/worksheets/sheet1.xml', (xml) => xml.replace(/<dimension ref="[^"]+"/, '<dimension ref="A1:D500"'));
    expect((await refused(t, 'staff', lying)).message).toBe(message('sheetTruncated', { sheet: 'DS', row: 4, count: 500 }));
  });

  it('malformed XML in the middle of a sheet', async () => {
    const broken = mutate(good, 'xl/worksheets/sheet1.xml', (xml) => xml.replace('<row r="3"', '<row r="3" <<'));
    expect((await refused(t, 'staff', broken)).message).toBe(message('badXml'));
  });

  it('invalid UTF-8 in the shared strings: refused rather than read as "�"', async () => {
    const entries = unzip(good).map((e) =>
      e.name === 'xl/sharedStrings.xml' ? { name: e.name, data: Buffer.concat([e.data.subarray(0, e.data.length - 20), Buffer.from([0xc3, 0x28]), e.data.subarray(e.data.length - 20)]) } : e,
    );
    expect((await refused(t, 'staff', zip(entries))).message).toBe(message('badXml', { part: 'xl/sharedStrings.xml' }));
  });

  it('a workbook with no sheets', async () => {
    const none = mutate(good, 'xl/workbook.xml', (xml) => xml.replace(/<sheets>[\s\S]*<\/sheets>/, '<sheets></sheets>'));
    expect((await refused(t, 'staff', none)).message).toBe(message('noSheets'));
  });
});

describe('sheets without usable content', () => {
  it('no recognisable columns: names the sheet', async () => {
    const file = await workbook({ name: 'Bảng 1', rows: [['Cột A', 'Cột B'], ['x', 'y']] });
    expect((await refused(t, 'staff', file)).message).toBe(
      'Tệp "danh-sach.xlsx" (trang tính "Bảng 1"): không nhận ra cột nào (cần có cột như "Họ và tên", "Tên đăng nhập"…). Hãy kiểm tra trang tính hoặc dùng tệp mẫu.',
    );
  });

  it('an empty (0-row) sheet', async () => {
    const file = await workbook({ name: 'Trống', rows: [] });
    expect((await refused(t, 'staff', file)).message).toBe(message('noColumns', { sheet: 'Trống' }));
  });

  it('a header and no data rows (only a total row and pre-numbered STT)', async () => {
    const file = await workbook({ name: 'DS', rows: [['STT', 'Họ và tên', 'Chức vụ'], [1], [2], [3], ['Tổng cộng', '0']] });
    expect((await refused(t, 'staff', file)).message).toBe('Tệp "danh-sach.xlsx" (trang tính "DS", dòng 1): không có dòng dữ liệu nào dưới dòng tiêu đề.');
  });

  it('a sheet name that does not exist', async () => {
    const r = await t.raw('import.stage', { kind: 'staff', fileName: F, dataBase64: good.toString('base64'), sheet: 'Không có' });
    expect(r).toMatchObject({ ok: false, error: { message: message('sheetNotFound', { sheet: 'Không có' }) } });
  });
});

describe('limits and the watchdog', () => {
  it('too many rows for the configured limit', async () => {
    const service = new ImportService(t.core.db, { reader: { limits: { zip: (await import('../../../electron/core/import/zip-prescan')).DEFAULT_ZIP_LIMITS, maxRows: 3, maxMergeFill: 1000 } } });
    await expect(service.stage({ kind: 'staff', fileName: F, dataBase64: good.toString('base64') }, t.core.context())).rejects.toMatchObject({
      message: message('tooManyRows', { sheet: 'DS', limit: 3 }),
    });
  });

  it('a parse that takes longer than the watchdog allows is abandoned with a message', async () => {
    const big = await workbook({ rows: staffRows(Array.from({ length: 3000 }, (_, i) => [`Nguyễn Văn ${i}`] as [string])) });
    const service = new ImportService(t.core.db, { reader: { timeoutMs: 1 } });
    await expect(service.stage({ kind: 'staff', fileName: F, dataBase64: big.toString('base64') }, t.core.context())).rejects.toMatchObject({ message: message('timeout') });
  });

  it('one merged range over the whole sheet costs nothing (load() would allocate every cell)', async () => {
    const file = mutate(good, 'xl/worksheets/sheet1.xml', (xml) =>
      xml.includes('<mergeCells') ? xml : xml.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="F1:XFD1048576"/></mergeCells>'),
    );
    const p = await stage(t, 'staff', file);
    expect(p.counts.rows).toBe(3);
  });

  it('elements with a namespace prefix (<x:row>, as some generators write) are read, not silently empty', async () => {
    const prefixed = zip(
      unzip(good).map((e) =>
        e.name === 'xl/worksheets/sheet1.xml'
          ? { name: e.name, data: Buffer.from(e.data.toString('utf8').replace(/<(\/?)(?!\?)([a-zA-Z])/g, '<$1x:$2').replace('xmlns="', 'xmlns:x="')) }
          : e,
      ),
    );
    const p = await stage(t, 'staff', prefixed);
    expect(p.counts.rows).toBe(3);
  });
});
