import { useCallback, useEffect, useState } from 'react';
import { formatViDate } from '../../../../shared/dates';
import { vi } from '../../../../shared/i18n/vi';
import type { SecurityState } from '../../../../shared/security/rules';
import type { SecurityCheck, SecurityFeature, SecurityOverview, SystemSecurityStatus } from '../../../../shared/security/schema';
import { useApi } from '../../api/context';
import { useToast } from '../../components/Toast';
import { FeatureForm, SecurityCheckForm, VoidCheckForm } from './SecurityForms';
import '../connections/connections.css';

const t = vi.security;
const INTERVALS = [1, 2, 3, 6, 12];

export function SecurityStateBadge({ state }: { state: SecurityState }) {
  return <span className={`badge sec-${state}`} data-state={state}>{t.state[state]}</span>;
}

/**
 * Tính năng bảo mật: per tracked system, its required security features (editable), the Rule 8
 * state of its periodic inspection, the inspections (system-wide and per account) and the
 * accounts whose personal features were found unused. #/security?system=ID scrolls to one system.
 */
export function SecurityScreen({ systemId }: { systemId?: number | undefined }) {
  const api = useApi();
  const notify = useToast();
  const [overview, setOverview] = useState<SecurityOverview | null>(null);
  const [features, setFeatures] = useState<SecurityFeature[]>([]);
  const [systems, setSystems] = useState<{ id: number; name: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  const load = useCallback(() => {
    Promise.all([api['security.overview']({}), api['security.features']({ includeInactive: true }), api['systems.list']({})])
      .then(([o, f, s]) => {
        setOverview(o);
        setFeatures(f);
        setSystems(s);
        setError(null);
        setVersion((v) => v + 1);
      })
      .catch((e: Error) => setError(e.message));
  }, [api]);
  useEffect(load, [load]);
  useEffect(() => {
    if (systemId && overview) document.getElementById(`sec-system-${systemId}`)?.scrollIntoView();
  }, [systemId, overview]);

  const saveMonths = async (m: number) => {
    try {
      await api['settings.save']({ securityCheckMonths: m });
      notify(vi.common.saved);
      load();
    } catch (e) {
      notify((e as Error).message, 'error');
    }
  };

  if (error) return <div className="screen"><div className="banner error" role="alert">{error}</div></div>;
  if (!overview) return <div className="screen">{vi.common.loading}</div>;
  const months = overview.checkMonths;
  const statusOf = new Map(overview.systems.map((s) => [s.systemId, s]));
  return (
    <section className="screen scroll" aria-labelledby="sec-title">
      <header className="screen-head">
        <h1 id="sec-title">{t.title}</h1>
        <label className="dev-interval">
          {vi.fields.securityCheckMonths}:
          <select aria-label={vi.fields.securityCheckMonths} value={months} onChange={(e) => void saveMonths(Number(e.target.value))}>
            {[...new Set([...INTERVALS, months])].sort((a, b) => a - b).map((m) => (
              <option key={m} value={m}>{vi.settings.months(m)}</option>
            ))}
          </select>
        </label>
      </header>
      <p className="dev-lead">{t.lead(months)}</p>

      {overview.flaggedAccountCount > 0 && (
        <div className="card">
          <h2>{t.dashboard.accounts(overview.flaggedAccountCount)}</h2>
          <ul className="todos">
            {overview.flaggedAccounts.map((a) => (
              <li key={`${a.systemId}-${a.accountId}`} className="todo">
                <span className="badge sec-unused">{t.state.unused}</span>
                <span className="todo-main">
                  <strong>{a.personName ?? vi.accounts.shared}</strong> · <code>{a.loginName}</code> · {a.systemName}
                  <span className="muted"> · {t.unusedList(a.unusedFeatures.join('; '))}</span>
                </span>
                <span className="todo-date">{formatViDate(a.checkedOn)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}

      <div className="sec-systems">
        {systems.map((s) => (
          <SystemCard
            key={`${s.id}-${version}`}
            system={s}
            status={statusOf.get(s.id) ?? null}
            features={features.filter((f) => f.systemId === s.id)}
            onChanged={load}
          />
        ))}
      </div>
    </section>
  );
}

function SystemCard({ system, status, features, onChanged }: {
  system: { id: number; name: string };
  status: SystemSecurityStatus | null;
  features: SecurityFeature[];
  onChanged: () => void;
}) {
  const api = useApi();
  const [history, setHistory] = useState<SecurityCheck[]>([]);
  const [recording, setRecording] = useState<'system' | 'account' | null>(null);
  const [editing, setEditing] = useState<SecurityFeature | 'new' | null>(null);
  const [voiding, setVoiding] = useState<SecurityCheck | null>(null);
  useEffect(() => {
    void api['security.checks']({ systemId: system.id, includeAccounts: true }).then(setHistory);
  }, [api, system.id]);
  const active = features.filter((f) => f.active);
  const personal = active.some((f) => f.featureScope === 'account');
  const last = status?.lastCheck ?? null;
  return (
    <div className="card" id={`sec-system-${system.id}`} aria-labelledby={`sec-name-${system.id}`} role="region">
      <div className="sec-head">
        <h2 id={`sec-name-${system.id}`}>{system.name}</h2>
        {status && <SecurityStateBadge state={status.state} />}
        {last && <span className="muted">{t.lastCheck}: {formatViDate(last.checkedOn)} ({last.checker})</span>}
        {status?.nextDue && <span className="muted">{t.nextDue}: {formatViDate(status.nextDue)}</span>}
        <span className="row-actions">
          <button type="button" className="primary" onClick={() => setRecording('system')} disabled={active.length === 0}>{t.record}</button>
          {personal && <button type="button" onClick={() => setRecording('account')}>{t.recordAccount}</button>}
        </span>
      </div>
      {status && status.unusedFeatures.length > 0 && <p className="banner error">{t.unusedList(status.unusedFeatures.join('; '))}</p>}
      {status && personal && <p className="muted small">{t.accountsLine(status.accountsChecked, status.accountsUnused)}</p>}

      <div className="card-head">
        <h3>{t.features}</h3>
        <button type="button" className="link" onClick={() => setEditing('new')}>+ {t.addFeature}</button>
      </div>
      {features.length === 0 ? (
        <p className="muted">{t.noFeatures}</p>
      ) : (
        <table className="simple" aria-label={t.featuresOf(system.name)}>
          <thead>
            <tr><th>{vi.fields.featureName}</th><th>{vi.fields.featureScope}</th><th>{vi.fields.description}</th><th /></tr>
          </thead>
          <tbody>
            {features.map((f) => (
              <tr key={f.id} className={f.active ? '' : 'muted'}>
                <td>{f.featureName}{!f.active && ` (${t.inactive})`}</td>
                <td>{t.scope[f.featureScope]}</td>
                <td>{f.description}</td>
                <td><button type="button" className="link" onClick={() => setEditing(f)} aria-label={`${vi.common.edit} ${f.featureName}`}>{vi.common.edit}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3>{t.history}</h3>
      {history.length === 0 && <p className="muted">{t.noHistory}</p>}
      <ul className="sec-history" aria-label={`${t.history}: ${system.name}`}>
        {history.slice(0, 20).map((c) => (
          <li key={c.id} className={c.voidedAt ? 'voided' : ''}>
            <strong>{formatViDate(c.checkedOn)}</strong> · {c.checker} · {c.accountId ? <code>{c.loginName}</code> : t.systemWide} ·{' '}
            {t.counts(c.counts.used, c.counts.notUsed, c.counts.na)}
            {c.counts.notUsed > 0 && <span className="res-not_used"> · {t.unusedList(c.items.filter((i) => i.result === 'not_used').map((i) => i.featureName).join('; '))}</span>}
            {c.voidedAt ? <span className="muted"> · {t.voided(c.voidReason ?? '')}</span> : (
              <button type="button" className="link" onClick={() => setVoiding(c)}>{t.void}</button>
            )}
          </li>
        ))}
      </ul>

      {recording && (
        <SecurityCheckForm
          system={{ systemId: system.id, systemName: system.name }}
          features={active}
          perAccount={recording === 'account'}
          onClose={() => setRecording(null)}
          onSaved={() => {
            setRecording(null);
            onChanged();
          }}
        />
      )}
      {editing && (
        <FeatureForm systemId={system.id} feature={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={() => {
          setEditing(null);
          onChanged();
        }} />
      )}
      {voiding && <VoidCheckForm check={voiding} onClose={() => setVoiding(null)} onSaved={() => {
        setVoiding(null);
        onChanged();
      }} />}
    </div>
  );
}
