import { describe, expect, it } from 'vitest';
import { reminderText } from './messages';
import {
  addMonthsToKey, cyclePhase, DEFAULT_WINDOWS, evaluationReminders, isLate, isMonthKey, monthSchedule, PDF_STATES, monthStatus, monthsOfYear,
  nextEvaluationDeadline, pdfState, recordIssue, selfEvalState, trackingFrom, unitEvalState, windowsIssue,
  type EvaluationWindows, type MonthRecordLike,
} from './rules';

// Weekdays used below (checked against a calendar):
//   01/2024: 22 Mon, 25 Thu, 28 Sun, 29 Mon      03/2024: 25 Mon, 28 Thu
//   06/2024: 28 Fri, 29 Sat                       09/2024: 28 Sat, 29 Sun
//   02/2023: 28 Tue (no 29th)   02/2024: 25 Sun, 28 Wed, 29 Thu   02/2026: 28 Sat (no 29th)
//   04/2024 (30 days): 28 Sun, 30 Tue             12/2023: 28 Thu

const W = DEFAULT_WINDOWS;
const rec = (month: string, r: Partial<MonthRecordLike> = {}): MonthRecordLike => ({ month, selfEvalDoneOn: null, unitEvalOn: null, pdfSentOn: null, ...r });
const kinds = (today: string, records: MonthRecordLike[] = [], windows: EvaluationWindows = W) =>
  evaluationReminders(today, windows, records).map((r) => r.kind);

describe('months', () => {
  it('accepts only real months as YYYY-MM', () => {
    expect(isMonthKey('2024-01')).toBe(true);
    expect(isMonthKey('2024-12')).toBe(true);
    for (const bad of ['2024-13', '2024-00', '2024-1', '24-01', '2024-01-01', "2024-01' OR 1"]) expect(isMonthKey(bad)).toBe(false);
  });
  it('steps across the year boundary, both ways', () => {
    expect(addMonthsToKey('2023-12', 1)).toBe('2024-01');
    expect(addMonthsToKey('2024-01', -1)).toBe('2023-12');
    expect(addMonthsToKey('2024-11', 3)).toBe('2025-02');
    expect(monthsOfYear(2024)).toHaveLength(12);
    expect(monthsOfYear(2024)[0]).toBe('2024-01');
    expect(monthsOfYear(2024)[11]).toBe('2024-12');
  });
});

describe('settings: windowsIssue', () => {
  it('accepts the letter\'s days, and any start ≤ end < unit < send-before', () => {
    expect(windowsIssue(W)).toBeNull();
    expect(windowsIssue({ selfEvalStartDay: 20, selfEvalEndDay: 20, unitEvalDay: 21, sendBeforeDay: 31 })).toBeNull();
  });
  it('names the field that breaks the order', () => {
    expect(windowsIssue({ ...W, selfEvalEndDay: 21 })).toEqual({ field: 'selfEvalEndDay', issue: 'end_before_start' });
    expect(windowsIssue({ ...W, unitEvalDay: 24 })).toEqual({ field: 'unitEvalDay', issue: 'unit_not_after_self' });
    expect(windowsIssue({ ...W, sendBeforeDay: 25 })).toEqual({ field: 'sendBeforeDay', issue: 'send_not_after_unit' });
  });
});

describe('monthSchedule: "before the 29th" at month boundaries', () => {
  it('an ordinary month: self 22–24, unit 25, last day to send the 28th', () => {
    expect(monthSchedule('2024-03', W)).toMatchObject({
      selfEvalStart: '2024-03-22', selfEvalEnd: '2024-03-24', unitEvalOn: '2024-03-25', lastDayToSend: '2024-03-28',
      sendBeforeDayMissing: false, suggestedSendBy: null,
    });
  });
  it('February of a non-leap year has no 29th: the deadline is its last day, 28/02', () => {
    const s = monthSchedule('2023-02', W);
    expect(s).toMatchObject({ lastDayToSend: '2023-02-28', sendBeforeDayMissing: true, suggestedSendBy: null });
    expect(pdfState(s, '2023-02-28', '2023-03-10', '2023-01')).toBe('on_time');
    expect(pdfState(s, '2023-03-01', '2023-03-10', '2023-01')).toBe('late');
  });
  it('February of a leap year has a 29th: sending on 29/02 is late', () => {
    const s = monthSchedule('2024-02', W);
    expect(s).toMatchObject({ lastDayToSend: '2024-02-28', sendBeforeDayMissing: false });
    expect(pdfState(s, '2024-02-28', '2024-03-01', '2024-01')).toBe('on_time');
    expect(pdfState(s, '2024-02-29', '2024-03-01', '2024-01')).toBe('late');
  });
  it('a 30-day month keeps the 28th with the default days; "before the 31st" becomes its last day', () => {
    expect(monthSchedule('2024-04', W).lastDayToSend).toBe('2024-04-28');
    const late31 = { ...W, sendBeforeDay: 31 };
    expect(monthSchedule('2024-04', late31)).toMatchObject({ lastDayToSend: '2024-04-30', sendBeforeDayMissing: true });
    expect(monthSchedule('2024-03', late31)).toMatchObject({ lastDayToSend: '2024-03-30', sendBeforeDayMissing: false });
  });
  it('moves self/unit days the month lacks to its last day', () => {
    const w = { selfEvalStartDay: 28, selfEvalEndDay: 29, unitEvalDay: 30, sendBeforeDay: 31 };
    expect(monthSchedule('2023-02', w)).toMatchObject({ selfEvalStart: '2023-02-28', selfEvalEnd: '2023-02-28', unitEvalOn: '2023-02-28', lastDayToSend: '2023-02-28' });
    expect(monthSchedule('2024-04', w)).toMatchObject({ selfEvalEnd: '2024-04-29', unitEvalOn: '2024-04-30', lastDayToSend: '2024-04-30' });
  });
});

describe('monthSchedule: weekends (no extension, warn and suggest the last working day)', () => {
  it('29th on a Saturday: the last day (Fri 28th) is a working day, nothing to suggest', () => {
    expect(monthSchedule('2024-06', W)).toMatchObject({ lastDayToSend: '2024-06-28', suggestedSendBy: null });
  });
  it('29th on a Sunday: the last day is Saturday the 28th, suggest Friday the 27th', () => {
    expect(monthSchedule('2024-09', W)).toMatchObject({ lastDayToSend: '2024-09-28', suggestedSendBy: '2024-09-27' });
  });
  it('29th on a Monday: the 27th–28th are a weekend, suggest Friday the 26th; the date itself is kept', () => {
    const s = monthSchedule('2024-01', W);
    expect(s).toMatchObject({ lastDayToSend: '2024-01-28', suggestedSendBy: '2024-01-26' });
    expect(pdfState(s, '2024-01-28', '2024-02-01', '2024-01')).toBe('on_time');
  });
  it('a non-leap February ending on a Saturday: suggest Friday 27/02', () => {
    expect(monthSchedule('2026-02', W)).toMatchObject({ lastDayToSend: '2026-02-28', suggestedSendBy: '2026-02-27' });
  });
  it('never suggests a day before the unit evaluates', () => {
    const w = { selfEvalStartDay: 20, selfEvalEndDay: 22, unitEvalDay: 27, sendBeforeDay: 29 };
    expect(monthSchedule('2024-01', w)).toMatchObject({ unitEvalOn: '2024-01-27', lastDayToSend: '2024-01-28', suggestedSendBy: '2024-01-27' });
  });
});

describe('month states', () => {
  const s = monthSchedule('2024-03', W);
  it('PDF: on time up to the last day, late after; unsent is open, then overdue (late)', () => {
    expect(pdfState(s, '2024-03-26', '2024-04-10', '2024-01')).toBe('on_time');
    expect(pdfState(s, '2024-03-29', '2024-04-10', '2024-01')).toBe('late');
    expect(pdfState(s, null, '2024-03-28', '2024-01')).toBe('open');
    expect(pdfState(s, null, '2024-03-29', '2024-01')).toBe('overdue');
  });
  it('PDF: a month not begun is upcoming; a month before tracking began is untracked', () => {
    expect(pdfState(s, null, '2024-02-20', '2024-01')).toBe('upcoming');
    expect(pdfState(s, null, '2024-05-01', '2024-04')).toBe('untracked');
  });
  it('self evaluation: inside 22–24 on time, outside flagged, not done after the window', () => {
    expect(selfEvalState(s, '2024-03-22', '2024-03-30')).toBe('on_time');
    expect(selfEvalState(s, '2024-03-24', '2024-03-30')).toBe('on_time');
    expect(selfEvalState(s, '2024-03-25', '2024-03-30')).toBe('self_off_window');
    expect(selfEvalState(s, null, '2024-03-24')).toBe('pending');
    expect(selfEvalState(s, null, '2024-03-25')).toBe('not_done');
  });
  it('unit evaluation: only its day is on time; another day is "không đúng ngày", not a penalty', () => {
    expect(unitEvalState(s, '2024-03-25', '2024-03-30')).toBe('on_time');
    expect(unitEvalState(s, '2024-03-26', '2024-03-30')).toBe('unit_off_day');
    expect(unitEvalState(s, null, '2024-03-26')).toBe('not_done');
    const m = monthStatus('2024-03', rec('2024-03', { unitEvalOn: '2024-03-27', pdfSentOn: '2024-03-27' }), W, '2024-04-02', '2024-01');
    expect(m).toMatchObject({ unitEval: 'unit_off_day', pdf: 'on_time', late: false });
  });
  it('places today in the cycle', () => {
    expect(['2024-03-21', '2024-03-22', '2024-03-24', '2024-03-25', '2024-03-26', '2024-03-28', '2024-03-29'].map((d) => cyclePhase(s, d))).toEqual([
      'before_self_eval', 'self_eval', 'self_eval', 'unit_eval', 'sending', 'sending', 'after_deadline',
    ]);
    const gap = monthSchedule('2024-03', { ...W, unitEvalDay: 26, sendBeforeDay: 29 });
    expect(cyclePhase(gap, '2024-03-25')).toBe('before_unit_eval');
  });
  it('uses the windows kept with a record, not today\'s settings', () => {
    const kept = { ...W, sendBeforeDay: 27 };
    const m = monthStatus('2024-03', { ...rec('2024-03', { pdfSentOn: '2024-03-27' }), windows: kept }, W, '2024-04-02', '2024-01');
    expect(m).toMatchObject({ pdf: 'late', late: true });
    expect(m.schedule.lastDayToSend).toBe('2024-03-26');
  });
  it('counts days left to the last day to send', () => {
    expect(monthStatus('2024-03', null, W, '2024-03-20', '2024-03').daysLeft).toBe(8);
    expect(monthStatus('2024-03', null, W, '2024-03-30', '2024-03').daysLeft).toBe(-2);
  });
});

describe('tracking', () => {
  it('starts at the earliest recorded month, or the current month', () => {
    expect(trackingFrom([], '2024-05-10')).toBe('2024-05');
    expect(trackingFrom([rec('2024-03'), rec('2023-11')], '2024-05-10')).toBe('2023-11');
    expect(trackingFrom([rec('2024-06')], '2024-05-10')).toBe('2024-05');
  });
});

describe('recordIssue: what a clerk may record', () => {
  const base = { month: '2024-03', selfEvalDoneOn: '2024-03-23', unitEvalOn: '2024-03-25', pdfSentOn: '2024-03-27', sentTo: 'pnv@hanoi.gov.vn' };
  it('accepts actual dates in order, late sending included', () => {
    expect(recordIssue(base, '2024-04-10')).toBeNull();
    expect(recordIssue({ ...base, pdfSentOn: '2024-04-02' }, '2024-04-10')).toBeNull();
    expect(recordIssue({ ...base, selfEvalDoneOn: null, unitEvalOn: null, pdfSentOn: null, sentTo: '' }, '2024-03-01')).toBeNull();
  });
  it('refuses a month not begun, dates before the month or after today', () => {
    expect(recordIssue({ ...base, month: '2024-04', selfEvalDoneOn: null, unitEvalOn: null, pdfSentOn: null }, '2024-03-30')).toEqual({ field: 'month', issue: 'future_month' });
    expect(recordIssue({ ...base, selfEvalDoneOn: '2024-02-29' }, '2024-04-10')).toEqual({ field: 'selfEvalDoneOn', issue: 'before_month' });
    expect(recordIssue({ ...base, pdfSentOn: '2024-04-11' }, '2024-04-10')).toEqual({ field: 'pdfSentOn', issue: 'future' });
  });
  it('refuses the unit before the individuals, the PDF before the unit, and a PDF without an address', () => {
    expect(recordIssue({ ...base, unitEvalOn: '2024-03-22' }, '2024-04-10')).toEqual({ field: 'unitEvalOn', issue: 'unit_before_self' });
    expect(recordIssue({ ...base, pdfSentOn: '2024-03-24' }, '2024-04-10')).toEqual({ field: 'pdfSentOn', issue: 'sent_before_unit' });
    expect(recordIssue({ ...base, sentTo: '' }, '2024-04-10')).toEqual({ field: 'sentTo', issue: 'sent_to_required' });
  });
});

describe('evaluationReminders: chosen for a given today', () => {
  it('nothing before the window opens, in an ordinary month', () => {
    expect(kinds('2024-03-21')).toEqual([]);
  });
  it('the self-evaluation window opens on the 22nd and stays until recorded or closed', () => {
    expect(kinds('2024-03-22')).toEqual(['self_eval_open']);
    expect(kinds('2024-03-24')).toEqual(['self_eval_open']);
    expect(kinds('2024-03-23', [rec('2024-03', { selfEvalDoneOn: '2024-03-22' })])).toEqual([]);
    const [r] = evaluationReminders('2024-03-22', W, []);
    expect(r).toMatchObject({ id: '2024-03:self_eval_open', severity: 'info', from: '2024-03-22', date: '2024-03-24', daysLeft: 2 });
  });
  it('the unit\'s day: a reminder on the 25th unless already recorded', () => {
    expect(kinds('2024-03-25')).toEqual(['unit_eval_today']);
    expect(kinds('2024-03-25', [rec('2024-03', { unitEvalOn: '2024-03-25' })])).toEqual([]);
  });
  it('two days before the last day to send, until it is sent', () => {
    expect(kinds('2024-03-26')).toEqual(['send_due_soon']);
    const [r] = evaluationReminders('2024-03-26', W, []);
    expect(r).toMatchObject({ id: '2024-03:send_due_soon', severity: 'warning', date: '2024-03-28', daysLeft: 2, suggestedSendBy: null });
    expect(kinds('2024-03-28')).toEqual(['send_due_soon']);
    expect(kinds('2024-03-27', [rec('2024-03', { pdfSentOn: '2024-03-26' })])).toEqual([]);
  });
  it('late: the day after the last day, while unsent', () => {
    const [r] = evaluationReminders('2024-03-29', W, []);
    expect(r).toMatchObject({ id: '2024-03:pdf_overdue', kind: 'pdf_overdue', severity: 'danger', date: '2024-03-28', daysLeft: -1 });
    expect(kinds('2024-03-29', [rec('2024-03', { pdfSentOn: '2024-03-29' })])).toEqual([]);
  });
  it('a weekend deadline (29th on Monday): warned from the window\'s opening, the send reminder starts before the suggested Friday', () => {
    expect(kinds('2024-01-21')).toEqual([]);
    expect(kinds('2024-01-22')).toEqual(['deadline_on_weekend', 'self_eval_open']);
    expect(kinds('2024-01-23')).toEqual(['deadline_on_weekend', 'self_eval_open']);
    expect(kinds('2024-01-24')).toEqual(['send_due_soon', 'self_eval_open']);
    expect(kinds('2024-01-25')).toEqual(['send_due_soon', 'unit_eval_today']);
    expect(kinds('2024-01-27')).toEqual(['send_due_soon']);
    const [r] = evaluationReminders('2024-01-24', W, []);
    expect(r).toMatchObject({ date: '2024-01-28', suggestedSendBy: '2024-01-26' });
    expect(reminderText(r!)).toContain('Thứ Sáu 26/01/2024');
    expect(reminderText(r!)).toContain('Chủ nhật');
  });
  it('December to January: a tracked December left unsent is reminded in January', () => {
    const records = [rec('2023-11', { pdfSentOn: '2023-11-27' })];
    const r = evaluationReminders('2024-01-05', W, records);
    expect(r.map((x) => x.id)).toEqual(['2023-12:pdf_overdue']);
    expect(r[0]).toMatchObject({ date: '2023-12-28', daysLeft: -8 });
    expect(reminderText(r[0]!)).toBe(
      'Tháng 12/2023: chưa gửi kết quả PDF, đã quá hạn 28/12/2023 (8 ngày). Gửi muộn bị tính điểm trừ cải cách hành chính.',
    );
  });
  it('does not remind months before tracking began, nor months older than the previous one', () => {
    expect(kinds('2024-01-05')).toEqual([]);
    expect(kinds('2024-03-05', [rec('2023-11', { pdfSentOn: '2023-11-27' })])).toEqual(['pdf_overdue']);
    expect(evaluationReminders('2024-03-05', W, [rec('2023-11', { pdfSentOn: '2023-11-27' })])[0]!.month).toBe('2024-02');
  });
  it('non-leap February: the last day is 28/02, the send reminder starts on the 26th, late from 01/03', () => {
    expect(kinds('2023-02-25')).toEqual(['unit_eval_today']);
    expect(kinds('2023-02-26')).toEqual(['send_due_soon']);
    expect(kinds('2023-02-28')).toEqual(['send_due_soon']);
    expect(kinds('2023-03-01', [rec('2023-02')])).toEqual(['pdf_overdue']);
  });
  it('leap February: 29/02 is already late', () => {
    expect(kinds('2024-02-29', [rec('2024-02')])).toEqual(['pdf_overdue']);
  });
  it('texts read as a clerk expects', () => {
    const texts = evaluationReminders('2024-03-26', W, []).map(reminderText);
    expect(texts).toEqual(['Tháng 03/2024: gửi kết quả PDF chậm nhất Thứ Năm 28/03/2024 (còn 2 ngày).']);
    expect(evaluationReminders('2024-03-22', W, []).map(reminderText)).toEqual(['Tháng 03/2024: cá nhân tự đánh giá trên phần mềm từ 22/03/2024 đến 24/03/2024.']);
  });
});

describe('nextEvaluationDeadline (dashboard card)', () => {
  it('is this month\'s PDF while it can still be sent on time, with the next step', () => {
    const n = nextEvaluationDeadline('2024-03-20', W, []);
    expect(n).toMatchObject({ month: '2024-03', daysLeft: 8, step: { kind: 'self_eval', date: '2024-03-22', daysLeft: 2 }, overdue: [] });
    expect(nextEvaluationDeadline('2024-03-23', W, []).step).toMatchObject({ kind: 'self_eval', date: '2024-03-24' });
    expect(nextEvaluationDeadline('2024-03-23', W, [rec('2024-03', { selfEvalDoneOn: '2024-03-23' })]).step).toMatchObject({ kind: 'unit_eval', date: '2024-03-25' });
    expect(nextEvaluationDeadline('2024-03-26', W, []).step).toMatchObject({ kind: 'send', date: '2024-03-28', daysLeft: 2 });
  });
  it('moves to next month once this month is sent or past, across the year boundary', () => {
    const sent = nextEvaluationDeadline('2023-12-27', W, [rec('2023-12', { pdfSentOn: '2023-12-26' })]);
    expect(sent).toMatchObject({ month: '2024-01', daysLeft: 32, overdue: [] });
    expect(sent.schedule.suggestedSendBy).toBe('2024-01-26');
    const past = nextEvaluationDeadline('2023-12-30', W, []);
    expect(past).toMatchObject({ month: '2024-01', overdue: [{ month: '2023-12', lastDayToSend: '2023-12-28', daysLate: 2 }] });
  });
});

// Issue 22 (mutation testing): the survivors of the 2026-12-02 run, each pinned on its exact day
// with literal expected values. Calendar: 03/2024 — 22 Fri, 24 Sun, 25 Mon, 28 Thu; 09/2024 — 28 Sat, 27 Fri.
describe('exact days and fields (issue 22)', () => {
  const march = monthSchedule('2024-03', W);

  it('names months with a four-digit year and two-digit month, and no prefix', () => {
    expect(monthsOfYear(2024)).toEqual(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12']);
    expect(monthsOfYear(987)[8]).toBe('0987-09');
    expect(isMonthKey('x2024-01')).toBe(false);
    expect(isMonthKey('12024-01')).toBe(false);
  });

  it('writes single-digit days with two digits', () => {
    expect(monthSchedule('2024-03', { selfEvalStartDay: 1, selfEvalEndDay: 5, unitEvalDay: 6, sendBeforeDay: 10 })).toMatchObject({
      selfEvalStart: '2024-03-01', selfEvalEnd: '2024-03-05', unitEvalOn: '2024-03-06', lastDayToSend: '2024-03-09', suggestedSendBy: '2024-03-08', // 09/03/2024 is a Saturday
    });
  });

  it('late means late or overdue, nothing else', () => {
    expect(PDF_STATES.map(isLate)).toEqual([false, true, true, false, false, false]);
  });

  it('self evaluation is on time from the window\'s first day to its last, off window the day before or after', () => {
    expect(['2024-03-21', '2024-03-22', '2024-03-24', '2024-03-25'].map((d) => selfEvalState(march, d, '2024-03-26'))).toEqual(['self_off_window', 'on_time', 'on_time', 'self_off_window']);
  });

  it('the unit evaluation is pending on its day, not done the day after', () => {
    expect(unitEvalState(march, null, '2024-03-25')).toBe('pending');
    expect(unitEvalState(march, null, '2024-03-24')).toBe('pending');
    expect(unitEvalState(march, null, '2024-03-26')).toBe('not_done');
  });

  it('a month\'s status reads the self evaluation recorded for it', () => {
    expect(monthStatus('2024-03', rec('2024-03', { selfEvalDoneOn: '2024-03-23' }), W, '2024-03-26', '2024-03')).toMatchObject({ selfEval: 'on_time', unitEval: 'not_done', pdf: 'open', late: false, daysLeft: 2 });
  });

  it('the next step: the self-evaluation window\'s last day from its first day to its last, then the unit evaluation on its day', () => {
    const step = (today: string) => nextEvaluationDeadline(today, W, [], '2024-03').step;
    expect(step('2024-03-21')).toEqual({ kind: 'self_eval', date: '2024-03-22', daysLeft: 1 });
    expect(step('2024-03-22')).toEqual({ kind: 'self_eval', date: '2024-03-24', daysLeft: 2 });
    expect(step('2024-03-24')).toEqual({ kind: 'self_eval', date: '2024-03-24', daysLeft: 0 });
    expect(step('2024-03-25')).toEqual({ kind: 'unit_eval', date: '2024-03-25', daysLeft: 0 });
    expect(step('2024-03-26')).toEqual({ kind: 'send', date: '2024-03-28', daysLeft: 2 });
  });

  it('the next deadline lists the previous month\'s unsent PDF as overdue, and not once it was sent', () => {
    expect(nextEvaluationDeadline('2024-03-05', W, [], '2024-02').overdue).toEqual([{ month: '2024-02', lastDayToSend: '2024-02-28', daysLate: 6 }]);
    const sent = [rec('2024-02', { selfEvalDoneOn: '2024-02-22', unitEvalOn: '2024-02-26', pdfSentOn: '2024-03-01' })];
    expect(nextEvaluationDeadline('2024-03-05', W, sent, '2024-02').overdue).toEqual([]);
  });

  it('reminders carry their severity: a weekend deadline warns, the window and the unit\'s day inform', () => {
    expect(evaluationReminders('2024-09-22', W, [])).toEqual([
      { id: '2024-09:deadline_on_weekend', kind: 'deadline_on_weekend', severity: 'warning', month: '2024-09', date: '2024-09-28', from: '2024-09-28', daysLeft: 6, suggestedSendBy: '2024-09-27' },
      { id: '2024-09:self_eval_open', kind: 'self_eval_open', severity: 'info', month: '2024-09', date: '2024-09-24', from: '2024-09-22', daysLeft: 2, suggestedSendBy: '2024-09-27' },
    ]);
    expect(evaluationReminders('2024-03-25', W, [])).toEqual([
      { id: '2024-03:unit_eval_today', kind: 'unit_eval_today', severity: 'info', month: '2024-03', date: '2024-03-25', from: '2024-03-25', daysLeft: 0, suggestedSendBy: null },
    ]);
  });

  it('a recorded date may be the month\'s first day or today, not the day before nor tomorrow', () => {
    const r = (selfEvalDoneOn: string) => recordIssue({ month: '2024-03', selfEvalDoneOn, unitEvalOn: null, pdfSentOn: null, sentTo: '' }, '2024-03-26');
    expect(r('2024-03-01')).toBeNull();
    expect(r('2024-03-26')).toBeNull();
    expect(r('2024-02-29')).toEqual({ field: 'selfEvalDoneOn', issue: 'before_month' });
    expect(r('2024-03-27')).toEqual({ field: 'selfEvalDoneOn', issue: 'future' });
  });

  it('the unit may evaluate the day its people did, and send the PDF the day it evaluated — not before; an empty date is no date', () => {
    const r = (selfEvalDoneOn: string | null, unitEvalOn: string | null, pdfSentOn: string | null) =>
      recordIssue({ month: '2024-03', selfEvalDoneOn, unitEvalOn, pdfSentOn, sentTo: 'so@example.vn' }, '2024-03-26');
    expect(r('2024-03-23', '2024-03-23', '2024-03-23')).toBeNull();
    expect(r('2024-03-23', '2024-03-22', null)).toEqual({ field: 'unitEvalOn', issue: 'unit_before_self' });
    expect(r(null, '2024-03-25', '2024-03-24')).toEqual({ field: 'pdfSentOn', issue: 'sent_before_unit' });
    expect(r('2024-03-23', '', null)).toBeNull();
    expect(r('', '2024-03-23', null)).toBeNull();
    expect(r(null, '2024-03-25', '')).toBeNull();
    expect(r(null, '', '2024-03-25')).toBeNull();
  });
});
