import { z } from 'zod';
import { isIsoDate } from '../dates';
import { vi } from '../i18n/vi';
import { dateTextError, textProblem, type TextKind } from '../text/rules';
import { cleanText } from '../text/vietnamese';

// Field builders shared by every schema: Vietnamese messages, NFC-cleaned text, real dates.

// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Missing → "Chưa nhập", present but wrong type → "Sai kiểu dữ liệu". */
const typeError = (wrong: string) => (issue: { input?: unknown }) => (issue.input === undefined ? vi.errors.required : wrong);

// The shared text rules (shared/text/rules.ts): NFC, no control/bidi/invisible/private-use
// characters, no pictographs in names; a value over the limit is refused, never cut.
const baseString = (max: number, kind: TextKind = 'text') =>
  z
    .string({ error: typeError(vi.errors.badType) })
    .max(max * 4, { error: vi.errors.tooLong(max) })
    .superRefine((s, ctx) => {
      const problem = textProblem(s, kind);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .transform(cleanText)
    .refine((s) => s.length <= max, { error: vi.errors.tooLong(max) });

/** Required text, cleaned (NFC, trimmed, single spaces). */
export const requiredText = (max = 200, kind: TextKind = 'text') => baseString(max, kind).refine((s) => s.length > 0, { error: vi.errors.required });

/** Optional text: missing, null or blank all become ''. */
export const optionalText = (max = 500, kind: TextKind = 'text') =>
  z.union([baseString(max, kind), z.null()]).optional().transform((s) => s ?? '');

/** A person's or unit's name, a document number or title: the text rules plus no pictographs. */
export const nameText = (max = 200) => requiredText(max, 'name');
export const optionalNameText = (max = 200) => optionalText(max, 'name');

/**
 * Text of several lines (a letter's paragraphs, a list of recipients): each line cleaned like
 * optionalText, blank lines dropped, lines joined by "\n". `null` stays null (= "not set").
 */
export const multilineText = (max = 4000) =>
  z.union([
    z
      .string({ error: typeError(vi.errors.badType) })
      .max(max * 4, { error: vi.errors.tooLong(max) })
      .refine((s) => !FORBIDDEN_CHARS.test(s), { error: vi.errors.controlChars })
      .transform((s) => s.split(/\r\n|\r|\n/).map(cleanText).filter(Boolean).join('\n'))
      .refine((s) => s.length <= max, { error: vi.errors.tooLong(max) }),
    z.null(),
  ]);

/**
 * An e-mail address or blank. Deliberately loose (one @, a dot in the domain, no spaces): the
 * clerk's typo "vanmieu hanoi" is refused, any real government address is accepted.
 */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const optionalEmail = (max = 200) => optionalText(max).refine((s) => s === '' || EMAIL_PATTERN.test(s), { error: vi.forms.badEmail });

export const id = z
  .number({ error: typeError(vi.errors.badNumber) })
  .int({ error: vi.errors.badNumber })
  .positive({ error: vi.errors.badNumber })
  .max(Number.MAX_SAFE_INTEGER, { error: vi.errors.badNumber });

export const byId = z.strictObject({ id });

/** A real calendar date: "2026-02-31" (or "31/02/2026" from a form) is refused with a message, never dropped. */
export const isoDate = z
  .string({ error: typeError(vi.errors.invalidDate) })
  .max(10, { error: vi.errors.invalidDate })
  .superRefine((s, ctx) => {
    if (!isIsoDate(s)) ctx.addIssue({ code: 'custom', message: dateTextError(s) });
  });

export const optionalIsoDate = z.union([isoDate, z.null()]).optional().transform((s) => s ?? null);

export const months = z
  .number({ error: typeError(vi.errors.badNumber) })
  .int({ error: vi.errors.badNumber })
  .min(1, { error: vi.errors.badNumber })
  .max(60, { error: vi.errors.badNumber });

export const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: typeError(vi.errors.badChoice) });

export const flag = z.boolean({ error: vi.errors.badType });

/** Paging for list methods: the UI fetches windows of a virtualised table. */
export const paging = {
  offset: z.number({ error: vi.errors.badNumber }).int({ error: vi.errors.badNumber }).min(0).max(10_000_000).default(0),
  limit: z.number({ error: vi.errors.badNumber }).int({ error: vi.errors.badNumber }).min(1).max(1000).default(100),
};

export const searchQuery = z
  .string({ error: vi.errors.badType })
  .max(200, { error: vi.errors.tooLong(200) })
  .refine((s) => !FORBIDDEN_CHARS.test(s), { error: vi.errors.controlChars })
  .optional()
  .transform((s) => s ?? '');

export const empty = z.strictObject({}).optional().transform(() => ({}));

export interface Page<T> {
  total: number;
  offset: number;
  rows: T[];
}
