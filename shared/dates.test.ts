import { describe, expect, it } from 'vitest';
import { format, isValid, parseISO } from 'date-fns';
import { daysBetween, formatViDate, isIsoDate, parseUserDate } from './dates';

describe('dates', () => {
  it('accepts only real calendar dates in ISO form', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-02-31')).toBe(false);
    expect(isIsoDate('2024-2-3')).toBe(false);
    expect(isIsoDate("2024-01-01' OR 1=1")).toBe(false);
  });
  it('parses what clerks type, day first', () => {
    expect(parseUserDate('02/03/2024')).toBe('2024-03-02');
    expect(parseUserDate('2/3/2024')).toBe('2024-03-02');
    expect(parseUserDate('25.01.2024')).toBe('2024-01-25');
    expect(parseUserDate('2024-01-25')).toBe('2024-01-25');
    expect(parseUserDate('31/02/2024')).toBeNull();
    expect(parseUserDate('hôm nay')).toBeNull();
  });
  it('agrees with date-fns on every day from 1899 to 2101 and on impossible dates', () => {
    const reference = (v: string) => {
      const d = parseISO(v);
      return isValid(d) && format(d, 'yyyy-MM-dd') === v;
    };
    for (let d = new Date(Date.UTC(1899, 0, 1)); d.getUTCFullYear() <= 2101; d.setUTCDate(d.getUTCDate() + 1)) {
      const iso = d.toISOString().slice(0, 10);
      expect(isIsoDate(iso)).toBe(true);
      expect(formatViDate(iso)).toBe(`${iso.slice(8)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`);
    }
    for (const bad of ['2023-02-29', '2024-02-30', '2024-04-31', '2024-13-01', '2024-00-10', '2024-01-00', '2024-1-05', '24-01-05', '2024-01-05x', '']) {
      expect(isIsoDate(bad)).toBe(reference(bad));
      expect(isIsoDate(bad)).toBe(false);
    }
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(formatViDate('2024-01-05T10:00:00Z')).toBe('05/01/2024');
    expect(formatViDate('2024-02-30')).toBe('');
  });
  it('formats ISO as dd/MM/yyyy', () => {
    expect(formatViDate('2024-01-05')).toBe('05/01/2024');
    expect(formatViDate(null)).toBe('');
  });
  it('counts calendar days between dates', () => {
    expect(daysBetween('2024-01-20', '2024-01-25')).toBe(5);
    expect(daysBetween('2024-01-25', '2024-01-20')).toBe(-5);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });
});
