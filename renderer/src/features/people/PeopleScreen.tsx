import { useCallback, useEffect, useRef, useState } from 'react';
import { formatViDate } from '../../../../shared/dates';
import { vi } from '../../../../shared/i18n/vi';
import { PERSON_STATUSES, type Person, type PersonStatus } from '../../../../shared/people/schema';
import type { UnitSummary } from '../../../../shared/unit/schema';
import { useApi } from '../../api/context';
import { FilterSelect, ListSearch, optionsById, optionsOf } from '../../components/filters';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { useDebounced } from '../../hooks/useDebounced';
import { usePagedList } from '../../hooks/usePagedList';
import { ImportWizard } from '../import/ImportWizard';
import { PersonForm } from './PersonForm';
import { PersonStatusDialog } from './PersonStatusDialog';

/** Cán bộ: the staff list — search as you type (diacritics optional), filters, add/edit/status. */
export function PeopleScreen() {
  const api = useApi();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<PersonStatus | ''>('');
  const [department, setDepartment] = useState('');
  const [unitId, setUnitId] = useState('');
  const [units, setUnits] = useState<UnitSummary[]>([]);
  const [departments, setDepartments] = useState<string[]>([]);
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const [changingStatus, setChangingStatus] = useState<Person | null>(null);
  const [importing, setImporting] = useState(false);
  const search = useRef<HTMLInputElement>(null);
  const query = useDebounced(q, 60);

  useEffect(() => {
    void api['units.list']({}).then(setUnits);
  }, [api]);
  useEffect(() => {
    void api['units.departments']({ unitId: Number(unitId) || undefined }).then(setDepartments);
  }, [api, unitId]);

  const fetchPage = useCallback(
    (offset: number, limit: number) =>
      api['people.list']({
        q: query,
        offset,
        limit,
        ...(status ? { status } : {}),
        ...(department ? { department } : {}),
        ...(unitId ? { unitId: Number(unitId) } : {}),
      }),
    [api, query, status, department, unitId],
  );
  const list = usePagedList(fetchPage, JSON.stringify([query, status, department, unitId]));

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey && e.key === 'f') || (e.key === '/' && document.activeElement?.tagName !== 'INPUT')) {
        e.preventDefault();
        search.current?.focus();
      }
      if (e.key === 'Insert' || (e.altKey && e.key === 'n')) {
        e.preventDefault();
        setEditing('new');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const multiUnit = units.length > 1;
  const columns: Column<Person>[] = [
    { key: 'name', header: vi.fields.fullName!, width: 'minmax(180px, 2fr)', render: (p) => <strong>{p.fullName}</strong> },
    { key: 'position', header: vi.fields.position!, width: 'minmax(120px, 1.3fr)', render: (p) => p.position },
    { key: 'department', header: vi.fields.department!, width: 'minmax(120px, 1.3fr)', render: (p) => p.department },
    ...(multiUnit ? [{ key: 'unit', header: vi.fields.unitId!, width: 'minmax(140px, 1.5fr)', render: (p: Person) => p.unitName }] : []),
    {
      key: 'status',
      header: vi.fields.status!,
      width: '150px',
      render: (p) => (
        <span className={`badge status-${p.status}`}>
          {vi.personStatus[p.status]}
          {p.statusDate ? ` ${formatViDate(p.statusDate)}` : ''}
        </span>
      ),
    },
    {
      key: 'accounts',
      header: vi.people.accountsCount,
      width: '70px',
      render: (p) => (
        <a href={`#/accounts?person=${p.id}`} aria-label={vi.people.accountsOf(p.fullName)}>
          {p.accountCount}
        </a>
      ),
    },
    {
      key: 'actions',
      header: '',
      width: '170px',
      render: (p) => (
        <span className="row-actions">
          <button type="button" className="link" onClick={() => setEditing(p)}>{vi.common.edit}</button>
          <button type="button" className="link" onClick={() => setChangingStatus(p)}>{vi.people.changeStatus}</button>
        </span>
      ),
    },
  ];

  return (
    <section className="screen" aria-labelledby="people-title">
      <header className="screen-head">
        <h1 id="people-title">{vi.people.title}</h1>
        <button type="button" onClick={() => setImporting(true)}>{vi.import.button}</button>
        <button type="button" className="primary" onClick={() => setEditing('new')} title="Insert">
          + {vi.people.add}
        </button>
      </header>
      <div className="toolbar">
        <ListSearch inputRef={search} placeholder={vi.common.searchPlaceholder} value={q} onChange={setQ} />
        <FilterSelect<PersonStatus> label={vi.people.filterStatus} value={status} onChange={setStatus} options={optionsOf(PERSON_STATUSES, vi.personStatus)} />
        {multiUnit && (
          <FilterSelect label={vi.people.filterUnit} value={unitId} onChange={(v) => (setUnitId(v), setDepartment(''))} options={optionsById(units)} />
        )}
        <FilterSelect label={vi.people.filterDepartment} value={department} onChange={setDepartment} options={departments.map((d) => ({ value: d, label: d }))} />
      </div>
      <VirtualTable
        label={vi.people.title}
        columns={columns}
        list={list}
        rowKey={(p) => p.id}
        rowClass={(p) => (p.status !== 'working' ? 'muted' : '')}
        emptyText={q || status || department || unitId ? vi.people.noMatch : vi.people.empty}
        onActivate={(p) => setEditing(p)}
      />
      {editing && (
        <PersonForm
          person={editing === 'new' ? null : editing}
          units={units}
          departments={departments}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            list.reload();
          }}
        />
      )}
      {importing && <ImportWizard kinds={['staff']} onClose={() => setImporting(false)} onImported={() => list.reload()} />}
      {changingStatus && (
        <PersonStatusDialog
          person={changingStatus}
          onClose={() => setChangingStatus(null)}
          onSaved={() => {
            setChangingStatus(null);
            list.reload();
          }}
        />
      )}
    </section>
  );
}
