import { useCallback, useEffect, useState } from 'react';
import type { EvaluationReminder } from '../../../../shared/evaluation/schema';
import { vi } from '../../../../shared/i18n/vi';
import { useApi } from '../../api/context';
import { EVALUATION_CHANGED } from './changed';
import './evaluation.css';

const t = vi.evaluation;
/** Asked again every hour while open, so a new day's reminders appear without a reload. */
const REFRESH_MS = 60 * 60 * 1000;

/**
 * The monthly evaluation reminders as an in-app banner at the top of every screen (in the browser
 * harness there are no desktop notifications; in Electron both are shown). Hidden when there is
 * nothing to say; "Ẩn nhắc việc" hides the current set until it changes.
 */
export function ReminderBanner() {
  const api = useApi();
  const [reminders, setReminders] = useState<EvaluationReminder[]>([]);
  const [hidden, setHidden] = useState('');

  const load = useCallback(() => {
    api['evaluation.reminders']({})
      .then((r) => setReminders(r.reminders))
      .catch(() => undefined);
  }, [api]);
  useEffect(() => {
    load();
    const timer = setInterval(load, REFRESH_MS);
    window.addEventListener(EVALUATION_CHANGED, load);
    return () => {
      clearInterval(timer);
      window.removeEventListener(EVALUATION_CHANGED, load);
    };
  }, [load]);

  const key = reminders.map((r) => r.id).join('|');
  if (reminders.length === 0 || hidden === key) return null;
  const danger = reminders.some((r) => r.severity === 'danger');
  return (
    <section className={`eval-banner ${danger ? 'danger' : ''}`} aria-label={t.banner.label}>
      <ul>
        {reminders.map((r) => (
          <li key={r.id} className={r.severity}>
            {r.text}
          </li>
        ))}
      </ul>
      <a href="#/evaluation">{t.banner.open}</a>
      <button type="button" onClick={() => setHidden(key)}>
        {t.banner.hide}
      </button>
    </section>
  );
}
