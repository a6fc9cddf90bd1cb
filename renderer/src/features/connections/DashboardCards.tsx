import type { ConnectionTodos } from '../../../../shared/connections/schema';
import { formatViDate } from '../../../../shared/dates';
import { vi } from '../../../../shared/i18n/vi';
import { isSecurityFlagged } from '../../../../shared/security/rules';
import type { SecurityOverview } from '../../../../shared/security/schema';
import { navigate } from '../../app/router';
import './connections.css';

/** Tổng quan, Rule 7: connections to a system that requires site-to-site VPN that are not over it, or not checked in time. */
export function ConnectionTodosCard({ connections }: { connections: ConnectionTodos }) {
  const t = vi.connections;
  return (
    <div className="card">
      <div className="card-head">
        <h2>{t.dashboard.title} <span className="muted">({connections.count.toLocaleString('vi-VN')})</span></h2>
        <a href="#/connections">{t.nav} →</a>
      </div>
      {connections.count === 0 && <p>{t.dashboard.empty}</p>}
      <ul className="todos" aria-label={t.dashboard.title}>
        {connections.todos.map((c) => (
          <li key={c.connectionId} className={`todo todo-conn-${c.state}`}>
            <span className={`badge conn-${c.state}`}>{c.state === 'unchecked' ? t.filter.unchecked(connections.checkMonths) : t.state[c.state]}</span>
            <span className="todo-main">
              <strong>{c.localSystem}</strong> · {c.systemName} · {t.protocol[c.protocol]}
            </span>
            <span className="todo-date">{c.checkedOn ? formatViDate(c.checkedOn) : t.never}</span>
            <button type="button" onClick={() => navigate('/connections', { connection: c.connectionId })}>{t.dashboard.open}</button>
          </li>
        ))}
      </ul>
      {connections.todos.length < connections.count && <p className="muted small">{t.dashboard.more(connections.todos.length, connections.count)}</p>}
    </div>
  );
}

/** Tổng quan, Rule 8: systems whose security-feature check is missing, overdue or found a feature unused. */
export function SecurityTodosCard({ security }: { security: SecurityOverview }) {
  const t = vi.security;
  const flagged = security.systems.filter((s) => s.systemActive && isSecurityFlagged(s.state));
  return (
    <div className="card">
      <div className="card-head">
        <h2>{t.dashboard.title} <span className="muted">({flagged.length.toLocaleString('vi-VN')})</span></h2>
        <a href="#/security">{t.nav} →</a>
      </div>
      {flagged.length === 0 && security.flaggedAccountCount === 0 && <p>{t.dashboard.empty}</p>}
      <ul className="todos" aria-label={t.dashboard.title}>
        {flagged.map((s) => (
          <li key={s.systemId} className={`todo todo-sec-${s.state}`}>
            <span className={`badge sec-${s.state}`}>{t.state[s.state]}</span>
            <span className="todo-main">
              <strong>{s.systemName}</strong>
              {s.unusedFeatures.length > 0 && <span className="muted"> · {t.unusedList(s.unusedFeatures.join('; '))}</span>}
            </span>
            <span className="todo-date">
              {s.lastCheck ? t.dashboard.lastChecked(formatViDate(s.lastCheck.checkedOn)) : t.state.never}
              {s.nextDue && ` · ${t.dashboard.dueOn(formatViDate(s.nextDue))}`}
            </span>
            <button type="button" onClick={() => navigate('/security', { system: s.systemId })}>{t.dashboard.open}</button>
          </li>
        ))}
      </ul>
      {security.flaggedAccountCount > 0 && (
        <p className="muted"><a href="#/security">{t.dashboard.accounts(security.flaggedAccountCount)}</a></p>
      )}
    </div>
  );
}
