import { formatViDate } from '../dates';
import { viEvaluation as t } from '../i18n/vi-evaluation';
import { weekdayOf, type Reminder } from './rules';

/** 'Thứ Hai' … 'Chủ nhật' for an ISO date. */
export function weekdayName(isoDate: string): string {
  return t.weekdays[weekdayOf(isoDate)] ?? '';
}

/** 'Chủ nhật 28/01/2024'. */
export function dateWithWeekday(isoDate: string): string {
  return `${weekdayName(isoDate)} ${formatViDate(isoDate)}`;
}

/** The Vietnamese text of a reminder: one line for the banner, title + body for a desktop notification. */
export function reminderText(r: Reminder): string {
  switch (r.kind) {
    case 'self_eval_open':
      return t.reminder.self_eval_open(r.month, formatViDate(r.from), formatViDate(r.date));
    case 'unit_eval_today':
      return t.reminder.unit_eval_today(r.month);
    case 'deadline_on_weekend':
      return t.reminder.deadline_on_weekend(r.month, formatViDate(r.date), weekdayName(r.date), dateWithWeekday(r.suggestedSendBy ?? r.date));
    case 'send_due_soon': {
      const base = t.reminder.send_due_soon(r.month, dateWithWeekday(r.date), r.daysLeft);
      return r.suggestedSendBy
        ? `${base} ${t.weekendWarning(weekdayName(r.date), formatViDate(r.date), formatViDate(r.suggestedSendBy), weekdayName(r.suggestedSendBy))}`
        : base;
    }
    case 'pdf_overdue':
      return t.reminder.pdf_overdue(r.month, formatViDate(r.date), -r.daysLeft);
  }
}
