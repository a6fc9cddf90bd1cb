import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { readWorkbook } from '../../../electron/core/import/read-workbook';
import { staffRows, unzip, workbook, zip } from './corpus';
import { importCore, stage } from './helpers';

// Issue 16 §3: every valid workbook reads, whoever wrote it. Files from each writer available on
// this machine — openpyxl (/usr/bin/python3, inline strings, no shared-strings part), LibreOffice
// (soffice --headless), exceljs — with 1 to 100 sheets, the list on the first or a later sheet,
// and the zip's parts in any order.

let dir: string;
const PEOPLE = Array.from({ length: 25 }, (_, i) => `Nguyễn Thị Hồng ${String.fromCharCode(65 + (i % 26))}${i}`);

/** An openpyxl workbook: `sheets` sheets, the staff list on sheet number `listOn` (1-based), the others with a note. */
function openpyxl(name: string, sheets: number, listOn: number): string {
  const file = join(dir, name);
  const script = `
import sys, openpyxl
sheets, list_on, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
people = sys.argv[4].split('|')
wb = openpyxl.Workbook()
for k in range(sheets):
    ws = wb.active if k == 0 else wb.create_sheet()
    ws.title = 'Danh sách' if k + 1 == list_on else f'Trang {k + 1}'
    if k + 1 == list_on:
        ws.append(['STT', 'Họ và tên', 'Chức vụ', 'Bộ phận'])
        for i, p in enumerate(people):
            ws.append([i + 1, p, 'Chuyên viên', 'Văn phòng'])
    elif k % 3 == 1:
        ws['A1'] = f'Ghi chú {k + 1}'
wb.save(out)
`;
  execFileSync('/usr/bin/python3', ['-c', script, String(sheets), String(listOn), file, PEOPLE.join('|')]);
  return file;
}

function names(wb: Awaited<ReturnType<typeof readWorkbook>>, sheet: string): string[] {
  const s = wb.sheets.find((x) => x.name === sheet)!;
  return s.rows.slice(1).map((r) => r.cells[1]?.v ?? '');
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'attk-writers-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('openpyxl workbooks (inline strings, no shared-strings part)', () => {
  it.each([
    [1, 1], [2, 1], [2, 2], [10, 1], [10, 7], [20, 20], [100, 1], [100, 55],
  ])('%i sheets, the list on sheet %i: every sheet and every row read', async (sheets, listOn) => {
    const file = openpyxl(`op-${sheets}-${listOn}.xlsx`, sheets, listOn);
    const wb = await readWorkbook(readFileSync(file));
    expect(wb.sheets).toHaveLength(sheets);
    expect(names(wb, 'Danh sách')).toEqual(PEOPLE);
  }, 60_000);

  it('the import picks the sheet with the list, and --sheet names one explicitly (CLI)', async () => {
    const file = openpyxl('op-cli.xlsx', 10, 4);
    const t = await importCore();
    try {
      const p = await stage(t, 'staff', readFileSync(file), 'op-cli.xlsx', 'Danh sách');
      expect(p.sheet).toBe('Danh sách');
      expect(p.counts.rows).toBe(PEOPLE.length);
      expect(p.counts.error).toBe(0);
    } finally {
      t.close();
    }
    const db = join(dir, 'cli.sqlite');
    const out: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => out.push(s) };
    expect(await main(['demo', '--db', db, '--today', '2024-01-20'], io)).toBe(0);
    expect(await main(['import', 'staff', file, '--db', db, '--sheet', 'Danh sách', '--dry-run', '--json'], io)).toBe(0);
    const last = JSON.parse(out.at(-1)!) as { counts: { rows: number; error: number } };
    expect(last.counts.rows).toBe(PEOPLE.length);
    expect(last.counts.error).toBe(0);
  }, 60_000);
});

describe('LibreOffice workbooks', () => {
  it('an openpyxl workbook re-saved by LibreOffice (shared strings, its own part order) reads the same', async () => {
    const source = openpyxl('lo-src.xlsx', 3, 2);
    const outDir = join(dir, 'lo');
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', outDir, source], { stdio: 'ignore', timeout: 120_000 });
    const bytes = readFileSync(join(outDir, 'lo-src.xlsx'));
    expect(unzip(bytes).some((e) => e.name === 'xl/sharedStrings.xml')).toBe(true);
    const wb = await readWorkbook(bytes);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Trang 1', 'Danh sách', 'Trang 3']);
    expect(names(wb, 'Danh sách')).toEqual(PEOPLE);
  }, 150_000);
});

describe('exceljs workbooks and any part order', () => {
  it('exceljs with several sheets; the same file with its parts reversed and shuffled', async () => {
    const bytes = await workbook(
      { name: 'Bìa', rows: [['BÁO CÁO']] },
      { name: 'Danh sách', rows: staffRows(PEOPLE.map((p) => [p, 'Chuyên viên', 'Văn phòng'])) },
      { name: 'Trống', rows: [] },
    );
    const entries = unzip(bytes);
    const orders = [entries, [...entries].reverse(), [...entries].sort((a, b) => (a.name.includes('worksheets') ? -1 : 0) - (b.name.includes('worksheets') ? -1 : 0))];
    for (const order of orders) {
      const wb = await readWorkbook(zip(order));
      expect(wb.sheets.map((s) => s.name)).toEqual(['Bìa', 'Danh sách', 'Trống']);
      expect(names(wb, 'Danh sách')).toEqual(PEOPLE);
    }
  });

  it('openpyxl parts in reverse order', async () => {
    const entries = unzip(readFileSync(openpyxl('op-rev.xlsx', 5, 3)));
    const wb = await readWorkbook(zip([...entries].reverse()));
    expect(names(wb, 'Danh sách')).toEqual(PEOPLE);
    writeFileSync(join(dir, 'rev.xlsx'), zip([...entries].reverse()));
  }, 60_000);
});
