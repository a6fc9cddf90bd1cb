import { useCallback, useEffect, useState } from 'react';
import type { DashboardSummary, TodoItem } from '../../../../shared/dashboard/schema';
import { formatViDate } from '../../../../shared/dates';
import { vi } from '../../../../shared/i18n/vi';
import { ROTATION_STATES } from '../../../../shared/rotation/rules';
import { useApi } from '../../api/context';
import { AccountDetailDialog } from '../confirmations/AccountDetailDialog';
import { CampaignCard } from '../campaigns/CampaignCard';
import { DeviceTodosCard } from '../devices/DeviceTodosCard';
import { ConnectionTodosCard, SecurityTodosCard } from '../connections/DashboardCards';
import { ForcedBadge } from '../devices/ForcedBadge';
import { navigate } from '../../app/router';
import { NextEvaluationCard } from '../evaluation/NextEvaluationCard';
import { FirstRunCard } from './FirstRunCard';
import { SETUP_STEPS, setupDone } from '../../../../shared/dashboard/schema';

const t = vi.campaigns.dashboard;

/** Tổng quan: deadlines and progress of open campaigns, rotation counts, and the to-do list (overdue first). */
export function DashboardScreen() {
  const api = useApi();
  const [data, setData] = useState<DashboardSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const load = useCallback(() => {
    api['dashboard.summary']({})
      .then((d) => {
        setData(d);
        setError(null);
      })
      .catch((e: Error) => setError(e.message));
  }, [api]);
  useEffect(load, [load]);

  if (error) return <div className="screen"><div className="banner error" role="alert">{error}</div></div>;
  if (!data) return <div className="screen">{vi.common.loading}</div>;
  const totalTodos = Object.values(data.todoCounts).reduce((a, b) => a + b, 0);
  const setupComplete = SETUP_STEPS.every((s) => setupDone(data.setup)[s]);
  return (
    <section className="screen scroll" aria-labelledby="dash-title">
      <header className="screen-head">
        <h1 id="dash-title">{t.title}</h1>
        <span className="muted">{t.today(formatViDate(data.today))}</span>
      </header>

      <FirstRunCard setup={data.setup} />

      <div className="card">
        <div className="card-head">
          <h2>{t.openCampaigns}</h2>
          <a href="#/campaigns">{vi.campaigns.nav.campaigns} →</a>
        </div>
        {data.campaigns.length === 0 && (
          <p className="muted">
            {t.noCampaign} <a href="#/campaigns?new=1">{t.createCampaign}</a>
          </p>
        )}
        <div className="campaign-cards">
          {data.campaigns.map((p) => (
            <CampaignCard key={p.campaign.id} progress={p} />
          ))}
        </div>
      </div>

      <NextEvaluationCard />

      <div className="card">
        <h2>{t.rotation}</h2>
        <div className="stat-row" aria-label={t.rotation}>
          {ROTATION_STATES.map((s) => (
            <div key={s} className={`stat rot-${s}`} data-state={s}>
              <div className="stat-value">{data.rotation[s].toLocaleString('vi-VN')}</div>
              <div className="stat-label">{vi.campaigns.rotationState[s]}</div>
            </div>
          ))}
        </div>
      </div>

      <DeviceTodosCard devices={data.devices} />

      <ConnectionTodosCard connections={data.connections} />

      <SecurityTodosCard security={data.security} />

      <div className="card">
        <h2>
          {t.todo} <span className="muted">({totalTodos.toLocaleString('vi-VN')})</span>
        </h2>
        {data.todos.length === 0 && <p>{setupComplete ? t.todoEmpty : vi.onboarding.todoNotReady}</p>}
        <ul className="todos" aria-label={t.todo}>
          {data.todos.map((item) => (
            <TodoRow key={`${item.kind}-${item.accountId}`} item={item} onOpen={() => setOpen(item.accountId)} />
          ))}
        </ul>
        {data.todos.length < totalTodos && <p className="muted small">{t.more(data.todos.length, totalTodos)}</p>}
      </div>
      {open !== null && <AccountDetailDialog accountId={open} onClose={() => setOpen(null)} onChanged={load} />}
    </section>
  );
}

function TodoRow({ item, onOpen }: { item: TodoItem; onOpen: () => void }) {
  // Rule 5 (first in the list): still infected → the device comes first; remediated → confirm a change dated on or after it.
  if (item.kind === 'forced' && item.forced) {
    const f = item.forced;
    return (
      <li className="todo todo-forced">
        <ForcedBadge forced={f} full />
        <span className="todo-main">
          <strong>{item.personName ?? vi.accounts.shared}</strong> · <code>{item.loginName}</code> · {item.systemName}
          {item.unitName && <span className="muted"> · {item.unitName}</span>}
        </span>
        <span className="todo-date">{f.reason === 'infected' ? vi.devices.dashboard.foundOn(formatViDate(f.since)) : vi.devices.dashboard.remediatedOn(formatViDate(f.since))}</span>
        {f.reason === 'infected' ? (
          <button type="button" onClick={() => navigate('/devices', { device: f.deviceId })}>{vi.devices.forced.fixInfected}</button>
        ) : (
          <button type="button" onClick={onOpen}>{vi.devices.forced.fixRemediated}</button>
        )}
      </li>
    );
  }
  if (item.kind === 'forced') return null;
  return (
    <li className={`todo todo-${item.kind}`}>
      <span className={`badge todo-badge-${item.kind}`}>{t.kind[item.kind]}</span>
      <span className="todo-main">
        <strong>{item.personName ?? vi.accounts.shared}</strong> · <code>{item.loginName}</code> · {item.systemName}
        {item.unitName && <span className="muted"> · {item.unitName}</span>}
      </span>
      <span className="todo-date">
        {item.kind === 'overdue' && item.daysLeft !== null && `${formatViDate(item.date)} (${vi.campaigns.daysLeft(item.daysLeft)})`}
        {item.kind === 'to_cancel' && formatViDate(item.date)}
      </span>
      <button type="button" onClick={onOpen}>{t.fix[item.kind]}</button>
    </li>
  );
}
