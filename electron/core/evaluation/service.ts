import { toIsoDate } from '../../../shared/dates';
import { reminderText } from '../../../shared/evaluation/messages';
import {
  addMonthsToKey, evaluationReminders, monthOf, monthStatus, monthsOfYear, nextEvaluationDeadline, recordIssue, trackingFrom,
  type EvaluationWindows, type RecordIssue,
} from '../../../shared/evaluation/rules';
import type { EvaluationMonth, EvaluationRecord, EvaluationReminder } from '../../../shared/evaluation/schema';
import { AttkError } from '../../../shared/errors';
import { viEvaluation } from '../../../shared/i18n/vi-evaluation';
import type { CallContext, HandlersFor } from '../api/types';
import { writeAudit } from '../audit/service';
import type { Db } from '../db/open';
import { readSettings } from '../settings/service';

const RECORD_SELECT = `SELECT month, self_eval_done_on AS selfEvalDoneOn, unit_eval_on AS unitEvalOn, pdf_sent_on AS pdfSentOn,
  sent_to AS sentTo, note, self_eval_start_day AS selfEvalStartDay, self_eval_end_day AS selfEvalEndDay,
  unit_eval_day AS unitEvalDay, send_before_day AS sendBeforeDay, created_at AS createdAt, updated_at AS updatedAt
  FROM monthly_evaluations`;

type Row = Omit<EvaluationRecord, 'windows'> & EvaluationWindows;

function toRecord({ selfEvalStartDay, selfEvalEndDay, unitEvalDay, sendBeforeDay, ...rest }: Row): EvaluationRecord {
  return { ...rest, windows: { selfEvalStartDay, selfEvalEndDay, unitEvalDay, sendBeforeDay } };
}

/** Records of the months in [from, to] ('YYYY-MM', bounds included), read from the primary key. */
function recordsBetween(db: Db, from: string, to: string): EvaluationRecord[] {
  return (db.prepare(`${RECORD_SELECT} WHERE month BETWEEN ? AND ? ORDER BY month`).all(from, to) as Row[]).map(toRecord);
}

function recordOf(db: Db, month: string): EvaluationRecord | null {
  const row = db.prepare(`${RECORD_SELECT} WHERE month = ?`).get(month) as Row | undefined;
  return row ? toRecord(row) : null;
}

/** The first month the app tracks (earliest record, else the current month). */
function trackingStart(db: Db, today: string): string {
  const first = (db.prepare('SELECT min(month) AS month FROM monthly_evaluations').get() as { month: string | null }).month;
  return trackingFrom(first ? [{ month: first }] : [], today);
}

export function currentWindows(db: Db): EvaluationWindows {
  const { selfEvalStartDay, selfEvalEndDay, unitEvalDay, sendBeforeDay } = readSettings(db);
  return { selfEvalStartDay, selfEvalEndDay, unitEvalDay, sendBeforeDay };
}

function monthsView(db: Db, months: string[], today: string): EvaluationMonth[] {
  const windows = currentWindows(db);
  const tracking = trackingStart(db, today);
  const records = new Map(recordsBetween(db, months[0]!, months[months.length - 1]!).map((r) => [r.month, r]));
  return months.map((month) => {
    const record = records.get(month) ?? null;
    return { ...monthStatus(month, record, windows, today, tracking), record };
  });
}

const EMAIL_IN_TEXT = /[^\s@,;:<>()]+@[^\s@,;:<>()]+\.[^\s@,;:<>()]+/;

/**
 * Where the PDF goes is per unit (Phòng Nội vụ, or the Education Office for schools): the last
 * address used, else an email address found in the unit profile's "Địa chỉ nhận báo cáo".
 */
function defaultRecipient(db: Db): string {
  const last = db.prepare("SELECT sent_to AS sentTo FROM monthly_evaluations WHERE sent_to <> '' ORDER BY month DESC LIMIT 1").get() as { sentTo: string } | undefined;
  if (last) return last.sentTo;
  const unit = db.prepare('SELECT recipient_address AS address FROM units WHERE is_home = 1').get() as { address: string } | undefined;
  return EMAIL_IN_TEXT.exec(unit?.address ?? '')?.[0] ?? '';
}

const ISSUE_MESSAGES: Record<RecordIssue, (month: string) => string> = {
  future_month: () => viEvaluation.errors.futureMonth,
  before_month: (month) => viEvaluation.errors.beforeMonth(month),
  future: () => viEvaluation.errors.future,
  unit_before_self: () => viEvaluation.errors.unitBeforeSelf,
  sent_before_unit: () => viEvaluation.errors.sentBeforeUnit,
  sent_to_required: () => viEvaluation.errors.sentToRequired,
};

function today(ctx: CallContext): string {
  return toIsoDate(ctx.now());
}

/** Every reminder due today, with its Vietnamese text (the banner and the desktop notifier show it as is). */
export function remindersFor(db: Db, day: string): EvaluationReminder[] {
  const thisMonth = monthOf(day);
  const records = recordsBetween(db, addMonthsToKey(thisMonth, -1), thisMonth);
  return evaluationReminders(day, currentWindows(db), records, trackingStart(db, day)).map((r) => ({ ...r, title: viEvaluation.reminder.title, text: reminderText(r) }));
}

export function evaluationHandlers(db: Db): HandlersFor<'evaluation'> {
  return {
    'evaluation.calendar': ({ count }, ctx) => {
      const day = today(ctx);
      const months = Array.from({ length: count }, (_, i) => addMonthsToKey(monthOf(day), i));
      return { today: day, windows: currentWindows(db), months: monthsView(db, months, day), defaultRecipient: defaultRecipient(db) };
    },

    'evaluation.year': ({ year }, ctx) => {
      const day = today(ctx);
      const months = monthsView(db, monthsOfYear(year), day);
      return {
        year,
        today: day,
        months,
        lateCount: months.filter((m) => m.late).length,
        onTimeCount: months.filter((m) => m.pdf === 'on_time').length,
      };
    },

    'evaluation.record': (input, ctx) => {
      const day = today(ctx);
      const problem = recordIssue(input, day);
      if (problem) {
        const label = viEvaluation.fields[problem.field];
        throw new AttkError('VALIDATION', `${label}: ${ISSUE_MESSAGES[problem.issue](input.month)}`, [problem.field]);
      }
      const before = recordOf(db, input.month);
      const now = ctx.now().toISOString();
      if (before) {
        db.prepare(
          `UPDATE monthly_evaluations SET self_eval_done_on = @selfEvalDoneOn, unit_eval_on = @unitEvalOn, pdf_sent_on = @pdfSentOn,
             sent_to = @sentTo, note = @note, updated_at = @now WHERE month = @month`,
        ).run({ ...input, now });
      } else {
        // The windows in force now are kept with the month (see the migration).
        db.prepare(
          `INSERT INTO monthly_evaluations (month, self_eval_done_on, unit_eval_on, pdf_sent_on, sent_to, note,
             self_eval_start_day, self_eval_end_day, unit_eval_day, send_before_day, created_at, updated_at)
           VALUES (@month, @selfEvalDoneOn, @unitEvalOn, @pdfSentOn, @sentTo, @note,
             @selfEvalStartDay, @selfEvalEndDay, @unitEvalDay, @sendBeforeDay, @now, @now)`,
        ).run({ ...input, ...currentWindows(db), now });
      }
      const after = recordOf(db, input.month)!;
      writeAudit(db, ctx, {
        action: before ? 'update' : 'create',
        entity: 'monthly_evaluation',
        // 'YYYY-MM' → YYYYMM: the audit log's entity ids are integers.
        entityId: Number(input.month.replace('-', '')),
        summary: before ? viEvaluation.audit.update(input.month) : viEvaluation.audit.create(input.month),
        data: before ? { before, after } : after,
      });
      return monthsView(db, [input.month], day)[0]!;
    },

    'evaluation.reminders': (_input, ctx) => {
      const day = today(ctx);
      return { today: day, reminders: remindersFor(db, day) };
    },

    'evaluation.next': (_input, ctx) => {
      const day = today(ctx);
      const thisMonth = monthOf(day);
      const records = recordsBetween(db, addMonthsToKey(thisMonth, -1), addMonthsToKey(thisMonth, 1));
      return { today: day, ...nextEvaluationDeadline(day, currentWindows(db), records, trackingStart(db, day)) };
    },
  };
}
