import { daysBetween, formatViDate } from '../../../../shared/dates';
import { dateWithWeekday, weekdayName } from '../../../../shared/evaluation/messages';
import { cyclePhase, daysInMonth, isWeekend, monthOf, weekdayOf } from '../../../../shared/evaluation/rules';
import type { EvaluationMonth } from '../../../../shared/evaluation/schema';
import { vi } from '../../../../shared/i18n/vi';

const t = vi.evaluation;

/** Days left as text, coloured: soon (≤ 2 days) or past. */
export function DaysLeft({ today, date }: { today: string; date: string }) {
  const n = daysBetween(today, date);
  return <span className={`left ${n < 0 ? 'past' : n <= 2 ? 'soon' : ''}`}>{t.daysLeft(n)}</span>;
}

export function PdfStateBadge({ state }: { state: EvaluationMonth['pdf'] }) {
  return <span className={`eval-state ${state}`}>{t.pdfState[state]}</span>;
}

/** A month grid, Monday first (as Vietnamese calendars print it), with the three windows and today. */
function MonthGrid({ m, today }: { m: EvaluationMonth; today: string }) {
  const s = m.schedule;
  const count = daysInMonth(m.month);
  const lead = (weekdayOf(`${m.month}-01`) + 6) % 7;
  const days = Array.from({ length: count }, (_, i) => `${m.month}-${String(i + 1).padStart(2, '0')}`);
  const dows = [...t.weekdaysShort.slice(1), t.weekdaysShort[0]];
  return (
    <div className="eval-grid" role="img" aria-label={t.monthTitle(m.month)}>
      {dows.map((d) => (
        <div key={d} className="dow" aria-hidden="true">{d}</div>
      ))}
      {Array.from({ length: lead }, (_, i) => <div key={`pad${i}`} />)}
      {days.map((d) => {
        const cls = [
          'day',
          isWeekend(d) ? 'weekend' : '',
          d >= s.selfEvalStart && d <= s.selfEvalEnd ? 'self' : '',
          d === s.unitEvalOn ? 'unit' : '',
          d === s.lastDayToSend ? 'last' : '',
          d === today ? 'today' : '',
        ].filter(Boolean).join(' ');
        return (
          <div key={d} className={cls} aria-hidden="true">
            {Number(d.slice(8))}
          </div>
        );
      })}
    </div>
  );
}

interface Props {
  m: EvaluationMonth;
  today: string;
  onRecord: (m: EvaluationMonth) => void;
}

/** One month of the cycle: the windows on a grid, each step with its date and days left, the warnings. */
export function MonthCard({ m, today, onRecord }: Props) {
  const s = m.schedule;
  const r = m.record;
  const current = monthOf(today) === m.month;
  const started = m.month <= monthOf(today);
  return (
    <article className={`card eval-month ${current ? 'current' : ''}`} aria-label={t.monthTitle(m.month)}>
      <div className="eval-month-head">
        <h2>{t.monthTitle(m.month)}</h2>
        <PdfStateBadge state={m.pdf} />
      </div>
      {current && <p className={`eval-phase ${m.late ? 'late' : ''}`}>{t.phase[cyclePhase(s, today)]}</p>}
      <MonthGrid m={m} today={today} />
      <ul className="eval-legend" aria-hidden="true">
        <li className="self">{t.legend.selfEval}</li>
        <li className="unit">{t.legend.unitEval}</li>
        <li className="last">{t.legend.lastDay}</li>
        {current && <li className="today">{t.legend.today}</li>}
      </ul>
      <dl className="eval-steps">
        <dt>{t.steps.selfEval}</dt>
        <dd>
          {t.stepDates.range(formatViDate(s.selfEvalStart), formatViDate(s.selfEvalEnd))}{' '}
          {r?.selfEvalDoneOn ? <StepDone text={t.done(formatViDate(r.selfEvalDoneOn))} flag={m.selfEval === 'self_off_window' ? t.stepState.self_off_window : ''} /> : <DaysLeft today={today} date={today < s.selfEvalStart ? s.selfEvalStart : s.selfEvalEnd} />}
        </dd>
        <dt>{t.steps.unitEval}</dt>
        <dd>
          {dateWithWeekday(s.unitEvalOn)}{' '}
          {r?.unitEvalOn ? <StepDone text={t.done(formatViDate(r.unitEvalOn))} flag={m.unitEval === 'unit_off_day' ? t.stepState.unit_off_day : ''} /> : <DaysLeft today={today} date={s.unitEvalOn} />}
        </dd>
        <dt>{t.steps.send}</dt>
        <dd>
          {t.stepDates.sendBy(dateWithWeekday(s.lastDayToSend))}{' '}
          {r?.pdfSentOn ? <StepDone text={t.sent(formatViDate(r.pdfSentOn), r.sentTo)} flag="" /> : <DaysLeft today={today} date={s.lastDayToSend} />}
        </dd>
      </dl>
      {s.sendBeforeDayMissing && <p className="eval-note">{t.noSendBeforeDay(s.windows.sendBeforeDay, formatViDate(s.lastDayToSend))}</p>}
      {s.suggestedSendBy && !r?.pdfSentOn && today <= s.lastDayToSend && (
        <p className="eval-note">
          {t.weekendWarning(weekdayName(s.lastDayToSend), formatViDate(s.lastDayToSend), formatViDate(s.suggestedSendBy), weekdayName(s.suggestedSendBy))}
        </p>
      )}
      {started && (
        <div className="actions">
          <button type="button" onClick={() => onRecord(m)} aria-label={t.record.title(m.month)}>
            {t.record.button}
          </button>
        </div>
      )}
    </article>
  );
}

function StepDone({ text, flag }: { text: string; flag: string }) {
  return (
    <span className="left">
      {text}
      {flag && <span className="eval-flag">{flag}</span>}
    </span>
  );
}
