import { addDays, addMonths, format, getDay, getDaysInMonth, parseISO } from 'date-fns';
import { daysBetween } from '../dates';

// The monthly evaluation cycle (PRODUCT.md "Monthly evaluation cycle", Rule 6), from the Đống Đa
// letter of 01/2024, section 2 (seeds/001_…): individuals self-evaluate on the 22nd–24th, the
// unit evaluates on the 25th, and the unit's PDF result is emailed "trước ngày 29 hằng tháng"
// (to Phòng Nội vụ; schools to the Education Office). Units that miss the time are "đánh giá
// muộn" and lose administrative-reform points. The district may change the days: they are
// settings (EvaluationWindows), validated by `windowsIssue`.
//
// Decisions (also in README "Đánh giá hằng tháng: quy tắc"):
// - "Before the 29th" = the PDF is on time when sent on or before the 28th; sent on or after the
//   29th it is late, and unsent once the 28th has passed it is late too.
// - A day the month does not have moves to the month's last day. So in a non-leap February
//   (no 29th) the last day to send is 28/02 and 01/03 is late; in a leap February 29/02 exists,
//   so the last day is 28/02, as in every other month. A 30-day month changes nothing with the
//   default days; with "trước ngày 31" its last day is the 30th. Self/unit days set to 29–31
//   likewise move to the last day of a shorter month.
// - The letter grants no extension for weekends: the date is kept. When the last day to send is a
//   Saturday or Sunday (e.g. the 29th is a Sunday or a Monday), the app warns in advance and
//   suggests the last working day before it (never earlier than the unit's evaluation day).
//   Public holidays are not known to the app.
// - Only the PDF decides lateness. Self and unit evaluation dates are recorded; a unit evaluation
//   not on its day shows as "không đúng ngày", without penalty.
// - A month's windows are the ones in force when it was first recorded (kept with the record), so
//   a later change of the settings does not rewrite past results; unrecorded months use the
//   current settings.
// - Tracking starts with the earliest recorded month (or the current month when none is): the app
//   cannot know whether a PDF was sent before it was used, so earlier months are "not tracked",
//   neither late nor reminded.

export interface EvaluationWindows {
  selfEvalStartDay: number;
  selfEvalEndDay: number;
  unitEvalDay: number;
  /** The PDF must be sent before this day of the month. */
  sendBeforeDay: number;
}

export const DEFAULT_WINDOWS: EvaluationWindows = { selfEvalStartDay: 22, selfEvalEndDay: 24, unitEvalDay: 25, sendBeforeDay: 29 };

/** "Two days before the send deadline": how early the send reminder starts. */
export const SEND_REMINDER_DAYS = 2;

/** What the rules need from a recorded month. */
export interface MonthRecordLike {
  month: string;
  selfEvalDoneOn: string | null;
  unitEvalOn: string | null;
  pdfSentOn: string | null;
  /** The windows kept with the record; absent → the current settings. */
  windows?: EvaluationWindows | null;
}

// ---- months ('YYYY-MM') ----------------------------------------------------------------------

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonthKey(value: string): boolean {
  return MONTH.test(value);
}

export function monthOf(isoDate: string): string {
  return isoDate.slice(0, 7);
}

export function addMonthsToKey(month: string, n: number): string {
  return format(addMonths(parseISO(`${month}-01`), n), 'yyyy-MM');
}

export function daysInMonth(month: string): number {
  return getDaysInMonth(parseISO(`${month}-01`));
}

export function firstDayOf(month: string): string {
  return `${month}-01`;
}

/** The 12 months of a year, January first. */
export function monthsOfYear(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${String(year).padStart(4, '0')}-${String(i + 1).padStart(2, '0')}`);
}

/** A day of the month as an ISO date; a day the month lacks moves to its last day. */
function dayIn(month: string, day: number): string {
  return `${month}-${String(Math.min(Math.max(day, 1), daysInMonth(month))).padStart(2, '0')}`;
}

function shift(isoDate: string, days: number): string {
  return format(addDays(parseISO(isoDate), days), 'yyyy-MM-dd');
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(isoDate: string): number {
  return getDay(parseISO(isoDate));
}

export function isWeekend(isoDate: string): boolean {
  const d = weekdayOf(isoDate);
  return d === 0 || d === 6;
}

// ---- settings ----------------------------------------------------------------------------------

export type WindowsIssue = 'end_before_start' | 'unit_not_after_self' | 'send_not_after_unit';

/** Consistency of the settings: start ≤ end < unit day < send-before day. null when consistent. */
export function windowsIssue(w: EvaluationWindows): { field: keyof EvaluationWindows; issue: WindowsIssue } | null {
  if (w.selfEvalEndDay < w.selfEvalStartDay) return { field: 'selfEvalEndDay', issue: 'end_before_start' };
  if (w.unitEvalDay <= w.selfEvalEndDay) return { field: 'unitEvalDay', issue: 'unit_not_after_self' };
  if (w.sendBeforeDay <= w.unitEvalDay) return { field: 'sendBeforeDay', issue: 'send_not_after_unit' };
  return null;
}

// ---- one month's schedule ----------------------------------------------------------------------

export interface MonthSchedule {
  month: string;
  selfEvalStart: string;
  selfEvalEnd: string;
  unitEvalOn: string;
  /** The last day on which sending the PDF is on time ("before the 29th" → the 28th). */
  lastDayToSend: string;
  /** The send-before day does not exist in this month (e.g. the 29th of a non-leap February). */
  sendBeforeDayMissing: boolean;
  /** Set when lastDayToSend is a Saturday or Sunday: the last working day before it. */
  suggestedSendBy: string | null;
  windows: EvaluationWindows;
}

export function monthSchedule(month: string, w: EvaluationWindows): MonthSchedule {
  const dim = daysInMonth(month);
  const unitEvalOn = dayIn(month, w.unitEvalDay);
  const lastDayToSend = dayIn(month, w.sendBeforeDay - 1);
  let suggestedSendBy: string | null = null;
  if (isWeekend(lastDayToSend)) {
    let d = lastDayToSend;
    while (isWeekend(d)) d = shift(d, -1);
    // Never suggest sending before the unit has evaluated.
    suggestedSendBy = d < unitEvalOn ? unitEvalOn : d;
  }
  return {
    month,
    selfEvalStart: dayIn(month, w.selfEvalStartDay),
    selfEvalEnd: dayIn(month, w.selfEvalEndDay),
    unitEvalOn,
    lastDayToSend,
    sendBeforeDayMissing: w.sendBeforeDay > dim,
    suggestedSendBy,
    windows: w,
  };
}

// ---- states ----------------------------------------------------------------------------------

/**
 * The PDF of one month: on time / late (sent after the last day) / overdue (unsent, last day
 * passed: counts as late) / open (unsent, still time) / upcoming (a month not begun) /
 * untracked (before the app tracked this unit).
 */
export const PDF_STATES = ['on_time', 'late', 'overdue', 'open', 'upcoming', 'untracked'] as const;
export type PdfState = (typeof PDF_STATES)[number];

export const isLate = (s: PdfState): boolean => s === 'late' || s === 'overdue';

export type StepState = 'on_time' | 'self_off_window' | 'unit_off_day' | 'not_done' | 'pending';

export type CyclePhase = 'before_self_eval' | 'self_eval' | 'before_unit_eval' | 'unit_eval' | 'sending' | 'after_deadline';

export function pdfState(schedule: MonthSchedule, pdfSentOn: string | null, today: string, tracking: string): PdfState {
  if (pdfSentOn) return pdfSentOn <= schedule.lastDayToSend ? 'on_time' : 'late';
  if (schedule.month > monthOf(today)) return 'upcoming';
  if (schedule.month < tracking) return 'untracked';
  return today > schedule.lastDayToSend ? 'overdue' : 'open';
}

export function selfEvalState(schedule: MonthSchedule, doneOn: string | null, today: string): StepState {
  if (doneOn) return doneOn >= schedule.selfEvalStart && doneOn <= schedule.selfEvalEnd ? 'on_time' : 'self_off_window';
  return today > schedule.selfEvalEnd ? 'not_done' : 'pending';
}

/** A unit evaluation not on its day is "không đúng ngày": shown, but the penalty is about the PDF. */
export function unitEvalState(schedule: MonthSchedule, doneOn: string | null, today: string): StepState {
  if (doneOn) return doneOn === schedule.unitEvalOn ? 'on_time' : 'unit_off_day';
  return today > schedule.unitEvalOn ? 'not_done' : 'pending';
}

/** Where `today` stands in its own month's cycle. */
export function cyclePhase(schedule: MonthSchedule, today: string): CyclePhase {
  if (today < schedule.selfEvalStart) return 'before_self_eval';
  if (today <= schedule.selfEvalEnd) return 'self_eval';
  if (today < schedule.unitEvalOn) return 'before_unit_eval';
  if (today === schedule.unitEvalOn) return 'unit_eval';
  if (today <= schedule.lastDayToSend) return 'sending';
  return 'after_deadline';
}

/** The first month the app tracks: the earliest recorded one, or the current month. */
export function trackingFrom(records: readonly Pick<MonthRecordLike, 'month'>[], today: string): string {
  let first = monthOf(today);
  for (const r of records) if (r.month < first) first = r.month;
  return first;
}

export function windowsFor(record: Pick<MonthRecordLike, 'windows'> | null | undefined, current: EvaluationWindows): EvaluationWindows {
  return record?.windows ?? current;
}

export interface MonthStatus {
  month: string;
  schedule: MonthSchedule;
  pdf: PdfState;
  late: boolean;
  selfEval: StepState;
  unitEval: StepState;
  /** Days from today to the last day to send (negative when past). */
  daysLeft: number;
}

export function monthStatus(month: string, record: MonthRecordLike | null, current: EvaluationWindows, today: string, tracking: string): MonthStatus {
  const schedule = monthSchedule(month, windowsFor(record, current));
  const pdf = pdfState(schedule, record?.pdfSentOn ?? null, today, tracking);
  return {
    month,
    schedule,
    pdf,
    late: isLate(pdf),
    selfEval: selfEvalState(schedule, record?.selfEvalDoneOn ?? null, today),
    unitEval: unitEvalState(schedule, record?.unitEvalOn ?? null, today),
    daysLeft: daysBetween(today, schedule.lastDayToSend),
  };
}

// ---- the next deadline (dashboard card) ---------------------------------------------------------

export type StepKind = 'self_eval' | 'unit_eval' | 'send';

export interface NextStep {
  kind: StepKind;
  /** The step's (first) day; for self evaluation while the window is open, its last day. */
  date: string;
  daysLeft: number;
}

export interface NextDeadline {
  /** The month whose PDF is due next (current month, or the next one once sent or past). */
  month: string;
  schedule: MonthSchedule;
  daysLeft: number;
  /** The next thing to do in that month's cycle. */
  step: NextStep;
  /** Tracked months, previous and current, whose PDF is unsent past its last day. */
  overdue: { month: string; lastDayToSend: string; daysLate: number }[];
}

function byMonth(records: readonly MonthRecordLike[]): Map<string, MonthRecordLike> {
  return new Map(records.map((r) => [r.month, r]));
}

/** `tracking` defaults to the earliest of `records`; pass it when `records` are only the recent months. */
export function nextEvaluationDeadline(
  today: string,
  current: EvaluationWindows,
  records: readonly MonthRecordLike[],
  tracking = trackingFrom(records, today),
): NextDeadline {
  const map = byMonth(records);
  const thisMonth = monthOf(today);
  const overdue: NextDeadline['overdue'] = [];
  for (const month of [addMonthsToKey(thisMonth, -1), thisMonth]) {
    const s = monthStatus(month, map.get(month) ?? null, current, today, tracking);
    if (s.pdf === 'overdue') overdue.push({ month, lastDayToSend: s.schedule.lastDayToSend, daysLate: -s.daysLeft });
  }
  const thisStatus = monthStatus(thisMonth, map.get(thisMonth) ?? null, current, today, tracking);
  const month = thisStatus.pdf === 'open' ? thisMonth : addMonthsToKey(thisMonth, 1);
  const record = map.get(month) ?? null;
  const schedule = monthSchedule(month, windowsFor(record, current));
  const step = nextStep(schedule, record, today);
  return { month, schedule, daysLeft: daysBetween(today, schedule.lastDayToSend), step, overdue };
}

function nextStep(s: MonthSchedule, record: MonthRecordLike | null, today: string): NextStep {
  const at = (kind: StepKind, date: string): NextStep => ({ kind, date, daysLeft: daysBetween(today, date) });
  if (!record?.selfEvalDoneOn && today <= s.selfEvalEnd) return at('self_eval', today < s.selfEvalStart ? s.selfEvalStart : s.selfEvalEnd);
  if (!record?.unitEvalOn && today <= s.unitEvalOn) return at('unit_eval', s.unitEvalOn);
  return at('send', s.lastDayToSend);
}

// ---- reminders ---------------------------------------------------------------------------------

export const REMINDER_KINDS = ['self_eval_open', 'unit_eval_today', 'deadline_on_weekend', 'send_due_soon', 'pdf_overdue'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];
export type ReminderSeverity = 'info' | 'warning' | 'danger';

export interface Reminder {
  /** Stable for a month and kind ('2024-01:send_due_soon'): a notifier shows each id once a day. */
  id: string;
  kind: ReminderKind;
  severity: ReminderSeverity;
  month: string;
  /** The date the reminder is about (window end, evaluation day, last day to send). */
  date: string;
  /** Where that period starts: the window's first day for self evaluation, else `date`. */
  from: string;
  /** Days from today to `date` (negative when past). */
  daysLeft: number;
  /** For weekend deadlines: the last working day before. */
  suggestedSendBy: string | null;
}

/**
 * The reminders due on `today`:
 * - self_eval_open: the self-evaluation window is open and not recorded as done;
 * - unit_eval_today: today is the unit's evaluation day and it is not recorded;
 * - deadline_on_weekend: from the window's opening, an advance warning that the last day to send
 *   falls on Saturday/Sunday (until send_due_soon takes over, which repeats the suggestion);
 * - send_due_soon: from SEND_REMINDER_DAYS days before the last day to send (before the suggested
 *   working day when that day is a weekend) until the last day, while the PDF is unsent;
 * - pdf_overdue: a tracked month, previous or current, whose PDF is unsent past its last day.
 *   Older months stay in the year view; they are not reminded every day forever.
 * Most urgent first. `records` need only cover the previous and current month when `tracking`
 * (the first tracked month) is given.
 */
export function evaluationReminders(
  today: string,
  current: EvaluationWindows,
  records: readonly MonthRecordLike[],
  tracking = trackingFrom(records, today),
): Reminder[] {
  const map = byMonth(records);
  const thisMonth = monthOf(today);
  const out: Reminder[] = [];
  const add = (kind: ReminderKind, severity: ReminderSeverity, s: MonthSchedule, date: string, from = date) =>
    out.push({ id: `${s.month}:${kind}`, kind, severity, month: s.month, date, from, daysLeft: daysBetween(today, date), suggestedSendBy: s.suggestedSendBy });

  for (const month of [addMonthsToKey(thisMonth, -1), thisMonth]) {
    const status = monthStatus(month, map.get(month) ?? null, current, today, tracking);
    if (status.pdf === 'overdue') add('pdf_overdue', 'danger', status.schedule, status.schedule.lastDayToSend);
  }

  const record = map.get(thisMonth) ?? null;
  const s = monthSchedule(thisMonth, windowsFor(record, current));
  const unsent = !record?.pdfSentOn && today <= s.lastDayToSend;
  if (unsent) {
    const soonFrom = shift(s.suggestedSendBy ?? s.lastDayToSend, -SEND_REMINDER_DAYS);
    if (today >= soonFrom) add('send_due_soon', 'warning', s, s.lastDayToSend);
    else if (s.suggestedSendBy && today >= s.selfEvalStart) add('deadline_on_weekend', 'warning', s, s.lastDayToSend);
  }
  if (!record?.unitEvalOn && !record?.pdfSentOn && today === s.unitEvalOn) add('unit_eval_today', 'info', s, s.unitEvalOn);
  if (!record?.selfEvalDoneOn && !record?.pdfSentOn && today >= s.selfEvalStart && today <= s.selfEvalEnd) add('self_eval_open', 'info', s, s.selfEvalEnd, s.selfEvalStart);
  return out;
}

// ---- recording a month -------------------------------------------------------------------------

export type RecordIssue = 'future_month' | 'before_month' | 'future' | 'unit_before_self' | 'sent_before_unit' | 'sent_to_required';

export interface RecordDates {
  month: string;
  selfEvalDoneOn: string | null;
  unitEvalOn: string | null;
  pdfSentOn: string | null;
  sentTo: string;
}

/**
 * What a clerk may record for a month: actual dates, so none after today and none before the
 * month began (a month's evaluation cannot happen earlier); individuals before the unit, the unit
 * before its PDF; and the address the PDF went to. A month not yet begun cannot be recorded.
 * Sending late is allowed (it happens): it is what makes the month late.
 */
export function recordIssue(r: RecordDates, today: string): { field: keyof RecordDates; issue: RecordIssue } | null {
  if (r.month > monthOf(today)) return { field: 'month', issue: 'future_month' };
  const dates = [['selfEvalDoneOn', r.selfEvalDoneOn], ['unitEvalOn', r.unitEvalOn], ['pdfSentOn', r.pdfSentOn]] as const;
  for (const [field, value] of dates) {
    if (value && value < firstDayOf(r.month)) return { field, issue: 'before_month' };
    if (value && value > today) return { field, issue: 'future' };
  }
  if (r.selfEvalDoneOn && r.unitEvalOn && r.unitEvalOn < r.selfEvalDoneOn) return { field: 'unitEvalOn', issue: 'unit_before_self' };
  if (r.unitEvalOn && r.pdfSentOn && r.pdfSentOn < r.unitEvalOn) return { field: 'pdfSentOn', issue: 'sent_before_unit' };
  if (r.pdfSentOn && !r.sentTo) return { field: 'sentTo', issue: 'sent_to_required' };
  return null;
}
