import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { prescanXlsx } from '../import/zip-prescan';
import { escapeXml, lineHeight, wrappedLines, XlsxStreamWriter } from './stream-writer';

/** The XML of one part, read with the import's own zip reader. */
function entryXml(file: string, name: string): string {
  const part = prescanXlsx(readFileSync(file)).get(name);
  if (!part) throw new Error(`no entry ${name}`);
  return part.toString('utf8');
}

describe('xlsx stream writer', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  const tmp = () => {
    const d = mkdtempSync(join(tmpdir(), 'attk-xlsx-'));
    dirs.push(d);
    return d;
  };

  it('estimates wrapped lines at word boundaries', () => {
    expect(wrappedLines('Nguyễn Văn An', 24, 11)).toBe(1);
    // 34 characters in a 36-wide column at 12 pt: 31 per line, so two lines (what Calc shows).
    expect(wrappedLines('CSDL quốc gia về khiếu nại, tố cáo', 36, 12)).toBe(2);
    expect(wrappedLines('Phòng Tài chính - Kế hoạch', 20, 11)).toBe(2);
    expect(wrappedLines('a\nb\nc', 40, 11)).toBe(3);
    // A word longer than a line is broken across lines.
    expect(wrappedLines('x'.repeat(50), 11, 11)).toBe(5); // 10 per line
    expect(wrappedLines('ab ' + 'x'.repeat(25), 11, 11)).toBe(4);
  });

  it('gives wrapped rows a height, keeps explicit heights, and leaves short rows alone', async () => {
    const file = join(tmp(), 'w.xlsx');
    const wb = new XlsxStreamWriter(file, { creator: 'test', created: new Date('2024-01-20T00:00:00Z') });
    const sheet = wb.addSheet({ name: 'S', widths: [6, 20] });
    await sheet.add([1, 'Ngắn'], { size: 11 });
    await sheet.add([2, 'Phòng Tài chính - Kế hoạch quận Đống Đa'], { size: 11 });
    await sheet.add([3, 'Ngắn'], { size: 11 }, { height: 40 });
    await sheet.add(['Tiêu đề trải qua hai cột'], { size: 11 }, { merges: [[1, 2]] });
    await sheet.add([4, 'Không xuống dòng dù rất dài, rất dài, rất dài'], { size: 11, wrap: false });
    await sheet.add([5, 'Ghi chú rất dài '.repeat(300)], { size: 11 });
    await sheet.end();
    await wb.finish();
    const xml = entryXml(file, 'xl/worksheets/sheet1.xml');
    const heights = [...xml.matchAll(/<row r="(\d+)"(?: ht="(\d+)")?/g)].map((m) => [Number(m[1]), m[2] ? Number(m[2]) : null]);
    expect(heights).toEqual([
      [1, null],
      [2, Math.ceil(3 * lineHeight(11))],
      [3, 40],
      [4, null],
      [5, null],
      [6, 409], // Excel's limit: taller rows make it offer a repair
    ]);
  });

  it('shows whole numbers with a thousands separator, and numbers pages from page 2 in the header', async () => {
    const file = join(tmp(), 'n.xlsx');
    const wb = new XlsxStreamWriter(file, { creator: 'test', created: new Date('2024-01-20T00:00:00Z') });
    const sheet = wb.addSheet({ name: 'S', widths: [10, 10, 10], printTitleRow: 1 });
    await sheet.add(['Tổng', 19366, 0.5], { border: true });
    await sheet.end();
    await wb.finish();
    // openpyxl, an independent reader: the formats and the header as a spreadsheet program sees them.
    const seen = execFileSync('/usr/bin/python3', ['-c', [
      'import sys, openpyxl',
      'ws = openpyxl.load_workbook(sys.argv[1])["S"]',
      'print(ws["B1"].number_format, ws["C1"].number_format, ws.HeaderFooter.differentFirst, repr(ws.oddHeader.center.text), repr(ws.firstHeader.center.text), ws.print_title_rows)',
    ].join('\n'), file]).toString().trim();
    expect(seen).toBe("#,##0 General True '&P' None $1:$1");
  });

  it('escapes markup, drops characters XML cannot carry, and preserves edge spaces only where needed', async () => {
    expect(escapeXml('Nguyễn Văn An')).toBe('Nguyễn Văn An');
    expect(escapeXml('a<b>&"c"\u0001')).toBe('a&lt;b&gt;&amp;&quot;c&quot;');
    const file = join(tmp(), 'e.xlsx');
    const wb = new XlsxStreamWriter(file, { creator: 'test', created: new Date('2024-01-20T00:00:00Z') });
    const sheet = wb.addSheet({ name: 'S' });
    await sheet.add(['  hai dấu cách đầu', 'thường', '=1+1', 'a<b & c']);
    await sheet.end();
    await wb.finish();
    const xml = entryXml(file, 'xl/worksheets/sheet1.xml');
    expect(xml).toContain('<t xml:space="preserve">  hai dấu cách đầu</t>');
    expect(xml).toContain('<t>thường</t>');
    const read = new ExcelJS.Workbook();
    await read.xlsx.readFile(file);
    const row = read.getWorksheet('S')!.getRow(1);
    expect([1, 2, 3, 4].map((c) => row.getCell(c).value)).toEqual(['  hai dấu cách đầu', 'thường', '=1+1', 'a<b & c']);
  });
});
