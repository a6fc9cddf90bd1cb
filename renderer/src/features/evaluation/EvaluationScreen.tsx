import { useCallback, useEffect, useState } from 'react';
import type { AppInfo } from '../../../../shared/api/contract';
import { formatViDate } from '../../../../shared/dates';
import { weekdayName } from '../../../../shared/evaluation/messages';
import type { EvaluationCalendar, EvaluationMonth, EvaluationYear } from '../../../../shared/evaluation/schema';
import { vi } from '../../../../shared/i18n/vi';
import { useApi } from '../../api/context';
import { announceEvaluationChanged } from './changed';
import { MonthCard } from './MonthCard';
import { RecordDialog } from './RecordDialog';
import { WindowsForm } from './WindowsForm';
import { YearTable } from './YearTable';
import './evaluation.css';

const t = vi.evaluation;

/**
 * Đánh giá hằng tháng: the current and the next two months of the cycle (22–24 / 25 / before the
 * 29th by default), today's place in it, the record of each month and the year at a glance.
 * "Today" is the core's (app.info), which `attk serve --today` fixes for tests.
 */
export function EvaluationScreen({ info }: { info: AppInfo }) {
  const api = useApi();
  const [calendar, setCalendar] = useState<EvaluationCalendar | null>(null);
  const [year, setYear] = useState(() => Number(info.today.slice(0, 4)));
  const [yearData, setYearData] = useState<EvaluationYear | null>(null);
  const [recording, setRecording] = useState<EvaluationMonth | null>(null);
  const [error, setError] = useState<string | null>(null);

  const loadCalendar = useCallback(() => {
    api['evaluation.calendar']({ count: 3 }).then(setCalendar).catch((e: Error) => setError(e.message));
  }, [api]);
  const loadYear = useCallback(() => {
    api['evaluation.year']({ year }).then(setYearData).catch((e: Error) => setError(e.message));
  }, [api, year]);
  useEffect(loadCalendar, [loadCalendar]);
  useEffect(loadYear, [loadYear]);

  const changed = () => {
    loadCalendar();
    loadYear();
    announceEvaluationChanged();
  };

  const today = info.today;
  return (
    <section className="screen scroll" aria-labelledby="evaluation-title">
      <header className="screen-head">
        <h1 id="evaluation-title">{t.title}</h1>
        <span className="eval-today">{t.today(weekdayName(today), formatViDate(today))}</span>
      </header>
      {error && <div className="banner error" role="alert">{error}</div>}
      {calendar && <p className="eval-lead">{t.lead(calendar.windows)}</p>}
      {calendar && (
        <div className="eval-months">
          {calendar.months.map((m) => (
            <MonthCard key={m.month} m={m} today={today} onRecord={setRecording} />
          ))}
        </div>
      )}
      {yearData && <YearTable data={yearData} onYear={setYear} onRecord={setRecording} />}
      {calendar && <WindowsForm windows={calendar.windows} onSaved={changed} />}
      {recording && calendar && (
        <RecordDialog
          month={recording}
          defaultRecipient={calendar.defaultRecipient}
          onClose={() => setRecording(null)}
          onSaved={() => {
            setRecording(null);
            changed();
          }}
        />
      )}
    </section>
  );
}
