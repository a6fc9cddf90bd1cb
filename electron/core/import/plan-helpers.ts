import { serialToIso } from './read-workbook';

export { columnLetter } from './package-parts';

/**
 * A number in a date column: an Excel serial day the sheet did not format as a date. Only the
 * plausible range (1950–2100) is taken, so a stray "5" never becomes 05/01/1900.
 */
export function serialToIsoSafe(serial: number): string | null {
  if (serial < 18264 || serial > 73051) return null;
  return serialToIso(serial);
}
