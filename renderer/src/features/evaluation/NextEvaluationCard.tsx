import { useEffect, useState } from 'react';
import { formatViDate } from '../../../../shared/dates';
import { dateWithWeekday, weekdayName } from '../../../../shared/evaluation/messages';
import type { EvaluationNext } from '../../../../shared/evaluation/schema';
import { vi } from '../../../../shared/i18n/vi';
import { useApi } from '../../api/context';
import { EVALUATION_CHANGED } from './changed';
import './evaluation.css';

const t = vi.evaluation;

/**
 * For the dashboard, beside the campaign deadlines: the next monthly PDF deadline and days left,
 * the next step of that month's cycle, the weekend advice, and any month left unsent past its
 * deadline. Self-contained: it asks `evaluation.next` itself.
 */
export function NextEvaluationCard() {
  const api = useApi();
  const [next, setNext] = useState<EvaluationNext | null>(null);
  useEffect(() => {
    const load = () => void api['evaluation.next']({}).then(setNext).catch(() => undefined);
    load();
    window.addEventListener(EVALUATION_CHANGED, load);
    return () => window.removeEventListener(EVALUATION_CHANGED, load);
  }, [api]);
  if (!next) return null;

  const s = next.schedule;
  const urgency = next.daysLeft < 0 ? 'past' : next.daysLeft <= 2 ? 'soon' : '';
  return (
    <section className="card eval-card" aria-label={t.card.title}>
      <h2>{t.card.title}</h2>
      {next.overdue.map((o) => (
        <p key={o.month} className="overdue" role="status">{t.card.overdue(o.month)}</p>
      ))}
      <p>{t.card.nextDeadline(next.month)}</p>
      <p className={`big ${urgency}`}>
        {dateWithWeekday(s.lastDayToSend)} · {t.daysLeft(next.daysLeft)}
      </p>
      {s.suggestedSendBy && (
        <p className="eval-note">
          {t.weekendWarning(weekdayName(s.lastDayToSend), formatViDate(s.lastDayToSend), formatViDate(s.suggestedSendBy), weekdayName(s.suggestedSendBy))}
        </p>
      )}
      <p>
        {t.card.nextStep}: {t.steps[next.step.kind === 'self_eval' ? 'selfEval' : next.step.kind === 'unit_eval' ? 'unitEval' : 'send']} —{' '}
        {formatViDate(next.step.date)} ({t.daysLeft(next.step.daysLeft)})
      </p>
      <a href="#/evaluation">{t.card.open}</a>
    </section>
  );
}
