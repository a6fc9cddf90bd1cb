import { formatViDate } from '../../../../shared/dates';
import { weekdayName } from '../../../../shared/evaluation/messages';
import { monthOf } from '../../../../shared/evaluation/rules';
import type { EvaluationMonth, EvaluationYear } from '../../../../shared/evaluation/schema';
import { vi } from '../../../../shared/i18n/vi';
import { PdfStateBadge } from './MonthCard';

const t = vi.evaluation;

interface Props {
  data: EvaluationYear;
  onYear: (year: number) => void;
  onRecord: (m: EvaluationMonth) => void;
}

/** The year at a glance: each month on time or late, and how many months were late. */
export function YearTable({ data, onYear, onRecord }: Props) {
  const thisMonth = monthOf(data.today);
  return (
    <section className="card eval-year" aria-labelledby="eval-year-title">
      <div className="eval-year-head">
        <h2 id="eval-year-title">{t.year.title(data.year)}</h2>
        <div className="eval-counts" aria-live="polite">
          <span className="late">{t.year.lateCount(data.lateCount)}</span>
          <span className="ok">{t.year.onTimeCount(data.onTimeCount)}</span>
        </div>
        <button type="button" onClick={() => onYear(data.year - 1)}>‹ {t.year.previous}</button>
        <button type="button" onClick={() => onYear(data.year + 1)}>{t.year.next} ›</button>
      </div>
      <table className="simple" aria-label={t.year.tableLabel(data.year)}>
        <thead>
          <tr>
            <th>{t.year.month}</th>
            <th>{t.steps.selfEval}</th>
            <th>{t.steps.unitEval}</th>
            <th>{t.steps.send}</th>
            <th>{t.fields.sentTo}</th>
            <th>{t.year.deadline}</th>
            <th>{t.year.state}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {data.months.map((m) => (
            <tr key={m.month} className={m.late ? 'eval-late' : ''}>
              <td>{t.monthLabel(m.month)}</td>
              <td>
                {formatViDate(m.record?.selfEvalDoneOn)}
                {m.selfEval === 'self_off_window' && <span className="eval-flag">{t.stepState.self_off_window}</span>}
              </td>
              <td>
                {formatViDate(m.record?.unitEvalOn)}
                {m.unitEval === 'unit_off_day' && <span className="eval-flag">{t.stepState.unit_off_day}</span>}
              </td>
              <td>{formatViDate(m.record?.pdfSentOn)}</td>
              <td className="eval-mail" title={m.record?.sentTo}>{m.record?.sentTo}</td>
              <td>
                {formatViDate(m.schedule.lastDayToSend)}
                {m.schedule.suggestedSendBy && <span className="eval-flag">{weekdayName(m.schedule.lastDayToSend)}</span>}
              </td>
              <td><PdfStateBadge state={m.pdf} /></td>
              <td>
                {m.month <= thisMonth && (
                  <button type="button" className="link" onClick={() => onRecord(m)} aria-label={t.record.title(m.month)}>
                    {m.record ? vi.common.edit : t.record.button}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
