import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportResult } from '../../shared/reports/schema';
import { verifyReportFile } from '../../electron/core/reports/verify';
import { readWorkbook, type Grid } from '../oracle/read-summary';
import { buildHandUnit, type HandUnit } from '../oracle/hand-unit';

// Issue 22: the tamper check looped over EVERY visible sheet of a signed unit report (the hand-built
// unit of tests/oracle/hand-unit.ts), "Tài khoản" included — one changed cell and one added cell
// on each must fail verification. (Kept apart from hand-report.test.ts so that file stays fast
// for mutation testing.)

let u: HandUnit;
let exported: ExportResult;
let grid: Record<string, Grid>;

beforeAll(async () => {
  u = await buildHandUnit();
  exported = await u.exportReport();
  grid = readWorkbook(exported.filePath);
}, 120_000);
afterAll(() => u?.close());

describe('the signature covers every visible sheet', () => {
  const python = (code: string, ...args: string[]) => execFileSync('/usr/bin/python3', ['-c', code, ...args]).toString();
  it('lists the sheets it protects', () => {
    expect(Object.keys(grid)).toEqual(['Tổng hợp', 'Tài khoản', 'Thiết bị', 'Kết nối', 'Tính năng bảo mật', 'Đề nghị hủy TK']);
  });
  // One changed cell, one added cell: on each sheet of the signed workbook, "Tài khoản" included.
  for (const [i, sheet] of ['Tổng hợp', 'Tài khoản', 'Thiết bị', 'Kết nối', 'Tính năng bảo mật', 'Đề nghị hủy TK'].entries()) {
    for (const edit of ['change', 'add'] as const) {
      it(`fails verification after one ${edit === 'change' ? 'changed' : 'added'} cell on "${sheet}"`, async () => {
        const out = `${exported.filePath}.${i}-${edit}.xlsx`;
        const changed = python(
          `import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb[sys.argv[3]]
if sys.argv[4] == 'change':
    cells = [c for row in ws.iter_rows(min_row=4) for c in row if isinstance(c.value, str) and c.value.strip() and type(c).__name__ == 'Cell']
    cell = cells[len(cells) // 2]
    cell.value = cell.value + 'x'
else:
    cell = ws.cell(row=ws.max_row + 2, column=2)
    cell.value = 'thêm'
print(cell.coordinate)
wb.save(sys.argv[2])`,
          exported.filePath, out, sheet, edit,
        ).trim();
        expect(changed).toMatch(/^[A-Z]+\d+$/);
        const v = await verifyReportFile(out);
        expect(v.ok).toBe(false);
        expect(v.problems.length).toBeGreaterThan(0);
      });
    }
  }
});
