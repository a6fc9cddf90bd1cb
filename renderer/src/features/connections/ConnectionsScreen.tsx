import { useCallback, useEffect, useState } from 'react';
import { CONNECTION_FILTERS, type ConnectionFilter, type ConnectionsList, type DataConnection } from '../../../../shared/connections/schema';
import type { ConnectionState } from '../../../../shared/connections/rules';
import { formatViDate } from '../../../../shared/dates';
import { vi } from '../../../../shared/i18n/vi';
import type { TrackedSystem } from '../../../../shared/systems/schema';
import { useApi } from '../../api/context';
import { FilterSelect, optionsById } from '../../components/filters';
import { useToast } from '../../components/Toast';
import { ConnectionForm } from './ConnectionForm';
import './connections.css';

const t = vi.connections;
const INTERVALS = [3, 6, 12, 24];

export function ConnectionStateBadge({ state }: { state: ConnectionState }) {
  return <span className={`badge conn-${state}`} data-state={state}>{t.state[state]}</span>;
}

/**
 * Kết nối dữ liệu: the register of the unit's data connections to tracked systems and their Rule 7
 * state (seed 000: the complaints database only over VPN site-to-site, checked within N months).
 * #/connections?connection=ID opens one for editing (from the dashboard).
 */
export function ConnectionsScreen({ connectionId }: { connectionId?: number | undefined }) {
  const api = useApi();
  const notify = useToast();
  const [systems, setSystems] = useState<TrackedSystem[]>([]);
  const [systemId, setSystemId] = useState('');
  const [filter, setFilter] = useState<ConnectionFilter | ''>('');
  const [data, setData] = useState<ConnectionsList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<DataConnection | 'new' | null>(null);

  useEffect(() => {
    void api['systems.list']({}).then(setSystems);
  }, [api]);
  useEffect(() => {
    if (connectionId) void api['connections.get']({ id: connectionId }).then(setEditing).catch((e: Error) => notify(e.message, 'error'));
  }, [api, connectionId, notify]);
  const load = useCallback(() => {
    api['connections.list']({ ...(systemId ? { systemId: Number(systemId) } : {}), ...(filter ? { filter } : {}) })
      .then((d) => {
        setData(d);
        setError(null);
      })
      .catch((e: Error) => setError(e.message));
  }, [api, systemId, filter]);
  useEffect(load, [load]);

  const saveMonths = async (m: number) => {
    try {
      await api['settings.save']({ connectionCheckMonths: m });
      notify(vi.common.saved);
      load();
    } catch (e) {
      notify((e as Error).message, 'error');
    }
  };

  const months = data?.checkMonths ?? 12;
  const chipLabel = (k: ConnectionFilter) => (k === 'unchecked' ? t.filter.unchecked(months) : t.filter[k]);
  return (
    <section className="screen scroll" aria-labelledby="conn-title">
      <header className="screen-head">
        <h1 id="conn-title">{t.title}</h1>
        <label className="dev-interval">
          {vi.fields.connectionCheckMonths}:
          <select aria-label={vi.fields.connectionCheckMonths} value={months} onChange={(e) => void saveMonths(Number(e.target.value))} disabled={!data}>
            {[...new Set([...INTERVALS, months])].sort((a, b) => a - b).map((m) => (
              <option key={m} value={m}>{vi.settings.months(m)}</option>
            ))}
          </select>
        </label>
        <button type="button" className="primary" onClick={() => setEditing('new')} disabled={systems.length === 0}>+ {t.add}</button>
      </header>
      <p className="dev-lead">{t.lead(months)}</p>
      {error && <div className="banner error" role="alert">{error}</div>}

      {data && (
        <div className="card">
          <table className="simple" aria-label={vi.connections.report.summaryTitle}>
            <thead>
              <tr>
                {vi.connections.report.summaryColumns.slice(1).map((c) => <th key={c}>{c}</th>)}
              </tr>
            </thead>
            <tbody>
              {data.bySystem.map((s) => (
                <tr key={s.systemId} data-system={s.systemCode}>
                  <td>{s.systemName}</td>
                  <td>{s.requiresSiteToSite ? vi.common.yes : vi.common.no}</td>
                  <td>{s.connections}</td>
                  <td>{s.siteToSite}</td>
                  <td>{s.nonCompliant}</td>
                  <td>{s.notChecked}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <div className="toolbar">
        <FilterSelect label={vi.fields.systemId!} value={systemId} onChange={setSystemId} options={optionsById(systems)} />
      </div>
      <div className="state-chips" role="group" aria-label={vi.devices.fields.filter}>
        <button type="button" className={`chip ${filter === '' ? 'on' : ''}`} aria-pressed={filter === ''} onClick={() => setFilter('')}>
          {t.status.active}: <strong>{data ? data.all : '…'}</strong>
        </button>
        {CONNECTION_FILTERS.map((k) => (
          <button key={k} type="button" className={`chip ${filter === k ? 'on' : ''}`} aria-pressed={filter === k} onClick={() => setFilter(k)}>
            {chipLabel(k)}: <strong>{data ? data.counts[k] : '…'}</strong>
          </button>
        ))}
      </div>

      <div className="card">
        {data && data.rows.length === 0 && <p>{filter || systemId ? t.noMatch : t.empty}</p>}
        {data && data.rows.length > 0 && (
          <table className="simple" aria-label={t.title}>
            <thead>
              <tr>
                <th>{t.columns.system}</th>
                <th>{t.columns.localSystem}</th>
                <th>{t.columns.direction}</th>
                <th>{t.columns.protocol}</th>
                <th>{t.columns.gateway}</th>
                <th>{t.columns.checked}</th>
                <th>{t.columns.nextDue}</th>
                <th>{t.columns.state}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {data.rows.map((c) => (
                <tr key={c.id} data-connection={c.id}>
                  <td>
                    {c.systemName}
                    {c.requiresSiteToSite && <span className="badge conn-required">{t.requiredBadge}</span>}
                  </td>
                  <td><strong>{c.localSystem}</strong>{c.note && <div className="muted small">{c.note}</div>}</td>
                  <td>{t.direction[c.direction]}</td>
                  <td>{t.protocol[c.protocol]}</td>
                  <td>{c.gateway || <span className="muted">{vi.common.none}</span>}</td>
                  <td>{c.checkedOn ? t.checkedLine(c.checkedBy, formatViDate(c.checkedOn)) : <span className="muted">{t.never}</span>}</td>
                  <td>{c.nextCheckDue ? formatViDate(c.nextCheckDue) : vi.common.none}</td>
                  <td><ConnectionStateBadge state={c.state} /></td>
                  <td>
                    <button type="button" className="link" onClick={() => setEditing(c)} aria-label={`${vi.common.edit} ${c.localSystem}`}>{vi.common.edit}</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>

      {editing && (
        <ConnectionForm
          connection={editing === 'new' ? null : editing}
          systems={systems}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            load();
          }}
        />
      )}
    </section>
  );
}
