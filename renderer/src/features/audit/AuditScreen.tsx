import { useCallback, useEffect, useState } from 'react';
import type { AuditEntry, AuditFacets } from '../../../../shared/audit/schema';
import { formatViDateTime } from '../../../../shared/dates';
import { vi } from '../../../../shared/i18n/vi';
import { useApi } from '../../api/context';
import { DateField, Field } from '../../components/fields';
import { useToast } from '../../components/Toast';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { useDebounced } from '../../hooks/useDebounced';
import { usePagedList } from '../../hooks/usePagedList';
import '../lock/reliability.css';

const T = vi.reliability.audit;
const actionLabel = (a: string) => T.actions[a] ?? a;
const entityLabel = (e: string) => T.entities[e] ?? e;

/** Nhật ký: the append-only audit log — who did what when — filtered, and exported as CSV for Excel. */
export function AuditScreen() {
  const api = useApi();
  const notify = useToast();
  const [facets, setFacets] = useState<AuditFacets>({ entities: [], actions: [], actors: [] });
  const [q, setQ] = useState('');
  const [entity, setEntity] = useState('');
  const [action, setAction] = useState('');
  const [actor, setActor] = useState('');
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const query = useDebounced(q, 150);

  useEffect(() => {
    void api['audit.facets']({}).then(setFacets);
  }, [api]);

  const filters = { q: query, entity, action, actor, from, to };
  const key = JSON.stringify(filters);
  const fetchPage = useCallback(
    (offset: number, limit: number) => api['audit.list']({ ...(JSON.parse(key) as typeof filters), offset, limit }),
    [api, key],
  );
  const list = usePagedList(fetchPage, key);

  const exportCsv = async () => {
    setExporting(true);
    try {
      const out = await api['audit.export'](filters);
      const url = URL.createObjectURL(new Blob([out.csv], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = out.fileName;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      notify(T.exported(out.rows));
    } catch (e) {
      notify(e instanceof Error ? e.message : vi.errors.internal, 'error');
    } finally {
      setExporting(false);
    }
  };

  const columns: Column<AuditEntry>[] = [
    { key: 'at', header: T.at, width: '150px', render: (r) => formatViDateTime(r.at) },
    { key: 'actor', header: T.actor, width: 'minmax(110px, 1fr)', render: (r) => r.actor },
    { key: 'action', header: T.action, width: 'minmax(120px, 1fr)', render: (r) => actionLabel(r.action) },
    { key: 'entity', header: T.entity, width: 'minmax(110px, 1fr)', // The summary names the thing (login, owner, system); an internal row id means nothing to a clerk.
      render: (r) => entityLabel(r.entity) },
    { key: 'summary', header: T.summary, width: '4fr', render: (r) => <span className="audit-summary" title={r.summary}>{r.summary}</span> },
  ];

  return (
    <section className="screen" aria-labelledby="audit-title">
      <header className="screen-head">
        <h1 id="audit-title">{T.title}</h1>
        <button type="button" onClick={() => void exportCsv()} disabled={exporting}>
          {T.exportCsv}
        </button>
      </header>
      <p className="rel-lead">{T.lead}</p>
      <div className="audit-filters">
        <Field label={vi.common.search}>
          {(id) => <input id={id} type="search" value={q} placeholder={T.search} onChange={(e) => setQ(e.target.value)} maxLength={200} />}
        </Field>
        <Field label={T.entity}>
          {(id) => (
            <select id={id} value={entity} onChange={(e) => setEntity(e.target.value)}>
              <option value="">{T.allEntities}</option>
              {facets.entities.map((v) => <option key={v} value={v}>{entityLabel(v)}</option>)}
            </select>
          )}
        </Field>
        <Field label={T.action}>
          {(id) => (
            <select id={id} value={action} onChange={(e) => setAction(e.target.value)}>
              <option value="">{T.allActions}</option>
              {facets.actions.map((v) => <option key={v} value={v}>{actionLabel(v)}</option>)}
            </select>
          )}
        </Field>
        <Field label={T.actor}>
          {(id) => (
            <select id={id} value={actor} onChange={(e) => setActor(e.target.value)}>
              <option value="">{T.allActors}</option>
              {facets.actors.map((v) => <option key={v} value={v}>{v}</option>)}
            </select>
          )}
        </Field>
        <DateField label={vi.reliability.fields.from!} value={from} onChange={setFrom} />
        <DateField label={vi.reliability.fields.to!} value={to} onChange={setTo} />
      </div>
      <VirtualTable label={T.title} columns={columns} list={list} emptyText={T.empty} rowKey={(r) => r.id} />
    </section>
  );
}
