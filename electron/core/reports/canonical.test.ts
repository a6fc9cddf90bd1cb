import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalValue, CellHasher, excelSerial, isoToDate } from './canonical';

// What the report's signature covers, value by value (issue 22: the mutants of canonical.ts).
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe('canonicalValue', () => {
  it('empty cells count as absent', () => {
    expect([canonicalValue(null), canonicalValue(undefined), canonicalValue(''), canonicalValue({ richText: [] })]).toEqual([null, null, null, null]);
  });

  it('dates as the Excel serial day, numbers as decimal text, booleans in capitals, text in NFC', () => {
    expect(canonicalValue(new Date(Date.UTC(2024, 0, 20)))).toBe('d45311');
    expect(canonicalValue(new Date(Date.UTC(1899, 11, 31)))).toBe('d1');
    expect([canonicalValue(3), canonicalValue(-12), canonicalValue(1.5), canonicalValue(0.1 + 0.2), canonicalValue(1 / 3)]).toEqual(['3', '-12', '1.5', '0.3', '0.333333333333333']);
    expect([canonicalValue(true), canonicalValue(false)]).toEqual(['TRUE', 'FALSE']);
    expect(canonicalValue('Nguye\u0302\u0303n')).toBe('Nguy\u1EC5n');
  });

  it('rich text as its plain text, a formula as "=" + formula (never its result), a hyperlink as its text, an error with #', () => {
    expect(canonicalValue({ richText: [{ text: 'Văn ' }, { text: 'Miếu' }] })).toBe('Văn Miếu');
    expect(canonicalValue({ formula: 'SUM(A1:A3)', result: 6 })).toBe('=SUM(A1:A3)');
    expect(canonicalValue({ sharedFormula: 'A1', result: 1 })).toBe('=A1');
    expect(canonicalValue({ text: 'Trang chủ', hyperlink: 'https://x' })).toBe('Trang chủ');
    expect(canonicalValue({ text: '' })).toBe(null);
    expect(canonicalValue({ error: '#N/A' })).toBe('##N/A');
    expect(canonicalValue({ other: 1 })).toBe('[object Object]');
    expect(canonicalValue(10n)).toBe('10');
  });
});

describe('dates', () => {
  it('rounds to the nearest day and reads ISO days as UTC midnight', () => {
    expect(excelSerial(new Date('2024-01-20T11:00:00Z'))).toBe(45311);
    expect(excelSerial(new Date('2024-01-20T13:00:00Z'))).toBe(45312);
    expect(isoToDate('2024-02-29').toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(isoToDate('1999-12-31').toISOString()).toBe('1999-12-31T00:00:00.000Z');
  });
});

describe('CellHasher', () => {
  it('hashes each sheet\'s non-empty cells as "row \\t column \\t value" lines, then the sheets with their names', () => {
    const h = new CellHasher();
    h.add('S1', 1, 1, 'A');
    h.add('S2', 4, 2, true);
    h.add('S1', 2, 3, 5);
    h.add('S1', 3, 1, null);
    h.add('S1', 3, 2, '');
    expect(h.count).toBe(3);
    const s1 = sha('1\t1\tA\n2\t3\t5\n');
    const s2 = sha('4\t2\tTRUE\n');
    expect(h.digest()).toBe(sha(`S1\n${s1}\nS2\n${s2}\n`));
  });

  it('combines the sheets in the order given, under the names given, skipping keys never hashed', () => {
    const h = new CellHasher();
    h.add('#2', 1, 1, 'x');
    h.add('#1', 1, 1, 'y');
    expect(h.digest([{ key: '#1', name: 'Tổng hợp' }, { key: '#9', name: 'Trống' }, { key: '#2', name: 'Tài khoản' }]))
      .toBe(sha(`Tổng hợp\n${sha('1\t1\ty\n')}\nTài khoản\n${sha('1\t1\tx\n')}\n`));
  });

  it('gives the same digest however the lines were batched (many cells)', () => {
    const h = new CellHasher();
    let lines = '';
    for (let r = 1; r <= 3000; r++) {
      h.add('Tài khoản', r, 2, `Nguyễn Văn ${r}`);
      lines += `${r}\t2\tNguyễn Văn ${r}\n`;
    }
    expect(h.count).toBe(3000);
    expect(h.digest()).toBe(sha(`Tài khoản\n${sha(lines)}\n`));
  });
});
