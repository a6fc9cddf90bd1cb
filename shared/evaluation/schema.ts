import { z } from 'zod';
import { viEvaluation } from '../i18n/vi-evaluation';
import { vi } from '../i18n/vi';
import { optionalIsoDate, optionalText } from '../schema/fields';
import { isMonthKey, type EvaluationWindows, type MonthStatus, type NextDeadline, type Reminder } from './rules';

const typeError = (wrong: string) => (issue: { input?: unknown }) => (issue.input === undefined ? vi.errors.required : wrong);

/** 'YYYY-MM', a real month. */
export const monthKey = z
  .string({ error: typeError(viEvaluation.errors.badMonth) })
  .max(7, { error: viEvaluation.errors.badMonth })
  .refine(isMonthKey, { error: viEvaluation.errors.badMonth });

/** A day of the month for the evaluation windows (settings). */
export const dayOfMonth = z
  .number({ error: typeError(viEvaluation.errors.dayOfMonth) })
  .int({ error: viEvaluation.errors.dayOfMonth })
  .min(1, { error: viEvaluation.errors.dayOfMonth })
  .max(31, { error: viEvaluation.errors.dayOfMonth });

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** One address the PDF was emailed to; blank allowed (nothing sent yet). */
const emailAddress = optionalText(200).refine((s) => s === '' || EMAIL.test(s), { error: viEvaluation.errors.badEmail });

/**
 * What the clerk records for one month (the whole record: editing replaces it, and is audited).
 * Lateness is never typed: it is computed from pdfSentOn (rules.ts).
 */
export const EvaluationRecordInput = z.strictObject({
  month: monthKey,
  selfEvalDoneOn: optionalIsoDate,
  unitEvalOn: optionalIsoDate,
  pdfSentOn: optionalIsoDate,
  sentTo: emailAddress,
  note: optionalText(500),
});
export type EvaluationRecordInput = z.input<typeof EvaluationRecordInput>;

export const EvaluationYearInput = z.strictObject({
  year: z
    .number({ error: typeError(viEvaluation.errors.badYear) })
    .int({ error: viEvaluation.errors.badYear })
    .min(2000, { error: viEvaluation.errors.badYear })
    .max(2100, { error: viEvaluation.errors.badYear }),
});
export type EvaluationYearInput = z.input<typeof EvaluationYearInput>;

/** The calendar: the current month and the next `count - 1`. */
export const EvaluationCalendarInput = z
  .strictObject({
    count: z.number({ error: vi.errors.badNumber }).int({ error: vi.errors.badNumber }).min(1, { error: vi.errors.badNumber }).max(12, { error: vi.errors.badNumber }).default(3),
  })
  .optional()
  .transform((v) => v ?? { count: 3 });
export type EvaluationCalendarInput = z.input<typeof EvaluationCalendarInput>;

export interface EvaluationRecord {
  month: string;
  selfEvalDoneOn: string | null;
  unitEvalOn: string | null;
  pdfSentOn: string | null;
  sentTo: string;
  note: string;
  /** The windows in force when the month was first recorded. */
  windows: EvaluationWindows;
  createdAt: string;
  updatedAt: string;
}

export interface EvaluationMonth extends MonthStatus {
  record: EvaluationRecord | null;
}

export interface EvaluationCalendar {
  today: string;
  /** The current settings. */
  windows: EvaluationWindows;
  months: EvaluationMonth[];
  /** The address the record form proposes: the last one used, else the unit profile's. */
  defaultRecipient: string;
}

export interface EvaluationYear {
  year: number;
  today: string;
  months: EvaluationMonth[];
  lateCount: number;
  onTimeCount: number;
}

/** A reminder with its Vietnamese text, ready for a banner or a desktop notification. */
export interface EvaluationReminder extends Reminder {
  title: string;
  text: string;
}

export interface EvaluationReminders {
  /** The core's today: a notifier dedupes per (today, id). */
  today: string;
  reminders: EvaluationReminder[];
}

export interface EvaluationNext extends NextDeadline {
  today: string;
}
