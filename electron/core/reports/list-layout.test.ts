import { describe, expect, it } from 'vitest';
import { LIST_WIDTH_BUDGET, listLayout } from './list-layout';

const columns = [
  { title: 'STT', width: 5, fixed: true, centred: true },
  { title: 'Họ và tên', width: 24 },
  { title: 'Đơn vị', width: 24, unit: true },
  { title: 'Ngày', width: 11, fixed: true, date: true },
  { title: 'Ghi chú', width: 80 },
];

describe('list sheet layout', () => {
  it('drops the unit column for a one-unit file and keeps it for several, re-indexing centred and date columns', () => {
    const one = listLayout(columns, false);
    expect(one.titles).toEqual(['STT', 'Họ và tên', 'Ngày', 'Ghi chú']);
    expect(one.pick([1, 'An', 'UBND', '2024-01-02', 'x'])).toEqual([1, 'An', '2024-01-02', 'x']);
    expect(one.dateCols).toEqual([2]);
    expect(Object.keys(one.centred)).toEqual(['0', '2']);
    const many = listLayout(columns, true);
    expect(many.titles).toHaveLength(5);
    expect(many.dateCols).toEqual([3]);
  });

  it('narrows text columns to the print budget, never the fixed ones', () => {
    for (const multi of [false, true]) {
      const l = listLayout(columns, multi);
      expect(l.widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(LIST_WIDTH_BUDGET);
      expect(l.widths[0]).toBe(5);
      expect(l.widths[l.titles.indexOf('Ngày')]).toBe(11);
    }
    const narrow = listLayout([{ title: 'A', width: 10 }, { title: 'B', width: 10 }], true);
    expect(narrow.widths).toEqual([10, 10]); // already fits: unchanged
  });
});
