import { differenceInCalendarDays, format, isValid, parseISO } from 'date-fns';

// Dates cross the API and live in SQLite as ISO 'YYYY-MM-DD' text; users see and type dd/MM/yyyy.

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * True for a real calendar date in ISO form ('2024-02-31' is false). Plain arithmetic, not
 * date-fns: this runs per cell in exports and per row in lists (date-fns parse+format cost 135 ms
 * of a 27,000-row export, measured with --cpu-prof); dates.test.ts checks both agree.
 */
export function isIsoDate(value: string): boolean {
  const m = ISO.exec(value);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(0);
  d.setUTCFullYear(Number(m[1]), month - 1, day);
  return d.getUTCDate() === day && d.getUTCMonth() === month - 1;
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
  const day = iso.slice(0, 10);
  return isIsoDate(day) ? `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}` : '';
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
