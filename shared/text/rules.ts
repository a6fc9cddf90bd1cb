import { vi } from '../i18n/vi';
import { cleanText } from './vietnamese';

// The one set of text rules every way in uses — the forms (through the zod fields in
// shared/schema/fields.ts and `textFieldError` for live checks), the Excel import and the API:
//   - text is NFC, trimmed, with single spaces (cleanText);
//   - no control characters, no bidi controls (U+202E makes "Nguyễn Văn AN" display while storing
//     something else), no other invisible format characters, no private-use characters, no lone
//     surrogates: such a name is not found by search and prints differently from what was typed
//     (zero-width spaces, soft hyphens and a BOM pasted from a PDF are removed by cleanText);
//   - no emoji or pictographs in names, unit names and document fields (they are not part of
//     any official name and break the printed report's font);
//   - a value over its length limit is refused with a message, never cut.

/** Length limits shared by the forms, the import and the API. */
export const TEXT_LIMITS = {
  fullName: 120,
  position: 120,
  department: 120,
  loginName: 120,
  unitName: 200,
  systemName: 200,
  sourceDocument: 300,
  note: 500,
} as const;

/** 'name': a person's or unit's name, a document number or title — no pictographs. 'text': anything else. */
export type TextKind = 'name' | 'text';

// eslint-disable-next-line no-control-regex -- these are exactly the characters refused
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/u;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
/**
 * Other invisible format characters (invisible operators, tag characters…). The common harmless
 * ones copy-paste brings in — zero-width space/joiners, word joiner, BOM, soft hyphen — are not
 * refused: cleanText removes them (shared/text/vietnamese.ts).
 */
const FORMAT = /(?![\u200B-\u200D\u2060\uFEFF\u00AD])\p{Cf}/u;
const PRIVATE_USE = /\p{Co}/u;
/** Pictographs, plus the pieces emoji are built from (regional indicators, keycap, variation selector 16). */
const PICTOGRAPH = /\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]|\u20E3|\uFE0F/u;

/** The first rule the raw value breaks (before cleaning), as a Vietnamese message; null if none. */
export function textProblem(value: string, kind: TextKind = 'text'): string | null {
  const E = vi.safety.text;
  if (LONE_SURROGATE.test(value) || CONTROL.test(value)) return E.control;
  if (BIDI.test(value)) return E.bidi;
  if (FORMAT.test(value)) return E.invisible;
  if (PRIVATE_USE.test(value)) return E.privateUse;
  if (kind === 'name' && PICTOGRAPH.test(value)) return E.pictograph;
  return null;
}

export type TextCheck = { ok: true; value: string } | { ok: false; message: string };

/**
 * Check and clean one value: the rules above, then the length of the cleaned text (what is stored).
 * `required` refuses an empty result.
 */
export function checkText(value: string, options: { max: number; kind?: TextKind; required?: boolean }): TextCheck {
  const problem = textProblem(value, options.kind ?? 'text');
  if (problem) return { ok: false, message: problem };
  const cleaned = cleanText(value);
  if (cleaned.length > options.max) return { ok: false, message: vi.safety.text.tooLong(options.max, cleaned.length) };
  if (options.required && cleaned.length === 0) return { ok: false, message: vi.errors.required };
  return { ok: true, value: cleaned };
}

/** For a form's live check: the message to show under the field, or undefined. */
export function textFieldError(value: string, options: { max: number; kind?: TextKind; required?: boolean }): string | undefined {
  if (!options.required && value === '') return undefined;
  const r = checkText(value, { ...options, required: false });
  return r.ok ? undefined : r.message;
}

/** Shaped like a date (dd/mm/yyyy, d.m.yyyy, yyyy-mm-dd) — so if it does not parse, the day does not exist. */
const DATE_SHAPE = /^(\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}-\d{2}-\d{2})$/;

/** The message for a date text that did not parse: "does not exist" for 31/02/2026, the format otherwise. */
export function dateTextError(text: string): string {
  const t = text.trim();
  return DATE_SHAPE.test(t) && !isRealDay(t) ? vi.safety.text.impossibleDate(t) : vi.errors.invalidDate;
}

/** Whether a date-shaped text names a day of the calendar (28/03/2024 does, in the wrong format for the API; 31/02 does not). */
function isRealDay(t: string): boolean {
  const [a, b, c] = t.split(/[/.-]/).map(Number) as [number, number, number];
  const [y, m, d] = t.includes('-') && t.indexOf('-') === 4 ? [a, b, c] : [c, b, a];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
