import { differenceInCalendarDays, format, isValid, parse, parseISO } from 'date-fns';

// Dates cross the API and live in SQLite as ISO 'YYYY-MM-DD' text; users see and type dd/MM/yyyy.

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date in ISO form ('2024-02-31' is false). */
export function isIsoDate(value: string): boolean {
  if (!ISO.test(value)) return false;
  const d = parseISO(value);
  return isValid(d) && format(d, 'yyyy-MM-dd') === value;
}

/** Parse what a clerk types: dd/MM/yyyy, d/M/yyyy, dd-MM-yyyy, dd.MM.yyyy, or ISO. Day first, always. */
export function parseUserDate(input: string): string | null {
  const text = input.trim();
  if (isIsoDate(text)) return text;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** 'YYYY-MM-DD' → 'dd/MM/yyyy'; empty for null. */
export function formatViDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = parse(iso.slice(0, 10), 'yyyy-MM-dd', new Date(2000, 0, 1));
  return isValid(d) ? format(d, 'dd/MM/yyyy') : '';
}

/** ISO timestamp → 'dd/MM/yyyy HH:mm' in local time. */
export function formatViDateTime(isoTimestamp: string | null | undefined): string {
  if (!isoTimestamp) return '';
  const d = parseISO(isoTimestamp);
  return isValid(d) ? format(d, 'dd/MM/yyyy HH:mm') : '';
}

/** The local calendar date of a moment, as ISO. Rules take "today" as this string, never read the clock. */
export function toIsoDate(moment: Date): string {
  return format(moment, 'yyyy-MM-dd');
}

/** Whole days from `today` to `date` (negative when past). */
export function daysBetween(today: string, date: string): number {
  return differenceInCalendarDays(parseISO(date), parseISO(today));
}
