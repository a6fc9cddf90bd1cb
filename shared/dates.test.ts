import { describe, expect, it } from 'vitest';
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
