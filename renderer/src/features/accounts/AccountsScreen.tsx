import { useCallback, useEffect, useState } from 'react';
import { ACCOUNT_ROLES, ACCOUNT_STATUSES, type Account, type AccountRole, type AccountStatus } from '../../../../shared/accounts/schema';
import { vi } from '../../../../shared/i18n/vi';
import type { Person } from '../../../../shared/people/schema';
import type { TrackedSystem } from '../../../../shared/systems/schema';
import { useApi } from '../../api/context';
import { FilterSelect, ListSearch, optionsById, optionsOf } from '../../components/filters';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { useToast } from '../../components/Toast';
import { useDebounced } from '../../hooks/useDebounced';
import { usePagedList } from '../../hooks/usePagedList';
import { formatViDate } from '../../../../shared/dates';
import { AccountDetailDialog } from '../confirmations/AccountDetailDialog';
import { ImportWizard } from '../import/ImportWizard';
import { AccountForm } from './AccountForm';
import { ForcedBadge } from '../devices/ForcedBadge';

/** Tài khoản: every account, or one person's (#/accounts?person=ID). */
export function AccountsScreen({ personId }: { personId?: number | undefined }) {
  const api = useApi();
  const notify = useToast();
  const [q, setQ] = useState('');
  const [systemId, setSystemId] = useState('');
  const [role, setRole] = useState<AccountRole | ''>('');
  const [status, setStatus] = useState<AccountStatus | ''>('');
  const [forced, setForced] = useState(false);
  const [systems, setSystems] = useState<TrackedSystem[]>([]);
  const [person, setPerson] = useState<Person | null>(null);
  const [editing, setEditing] = useState<Account | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [detail, setDetail] = useState<number | null>(null);
  const query = useDebounced(q, 60);

  useEffect(() => {
    void api['systems.list']({}).then(setSystems);
  }, [api]);
  useEffect(() => {
    if (personId) void api['people.get']({ id: personId }).then(setPerson).catch(() => setPerson(null));
    else setPerson(null);
  }, [api, personId]);

  const fetchPage = useCallback(
    (offset: number, limit: number) =>
      api['accounts.list']({
        q: query,
        offset,
        limit,
        ...(personId ? { personId } : {}),
        ...(systemId ? { systemId: Number(systemId) } : {}),
        ...(role ? { role } : {}),
        ...(status ? { status } : {}),
        ...(forced ? { forced } : {}),
      }),
    [api, query, personId, systemId, role, status, forced],
  );
  const list = usePagedList(fetchPage, JSON.stringify([query, personId, systemId, role, status, forced]));

  const changeStatus = async (account: Account, next: AccountStatus) => {
    try {
      const saved = await api['accounts.setStatus']({ id: account.id, status: next });
      notify(vi.accounts.updated(saved.loginName));
      list.reload();
    } catch (e) {
      notify((e as Error).message, 'error');
    }
  };

  const columns: Column<Account>[] = [
    { key: 'login', header: vi.fields.loginName!, width: 'minmax(130px, 1.3fr)', render: (a) => <code>{a.loginName}</code> },
    { key: 'system', header: vi.fields.systemId!, width: 'minmax(160px, 1.8fr)', render: (a) => a.systemName },
    {
      key: 'owner',
      header: vi.accounts.owner,
      width: 'minmax(160px, 1.6fr)',
      render: (a) =>
        a.personName ? (
          <>
            {a.personName}
            {a.personStatus && a.personStatus !== 'working' && <span className="badge status-left"> {vi.personStatus[a.personStatus]}</span>}
          </>
        ) : (
          <span className="muted">{vi.accounts.shared}</span>
        ),
    },
        { key: 'role', header: vi.fields.role!, width: '108px', render: (a) => vi.accountRole[a.role] },
    {
      key: 'status',
      header: vi.fields.status!,
      width: '160px',
      render: (a) => (
        <select aria-label={`${vi.accounts.setStatus} ${a.loginName}`} value={a.status} onChange={(e) => void changeStatus(a, e.target.value as AccountStatus)} className={`status-select acc-${a.status}`}>
          {ACCOUNT_STATUSES.map((s) => (
            <option key={s} value={s}>{vi.accountStatus[s]}</option>
          ))}
        </select>
      ),
    },
    {
      key: 'rotation',
      header: vi.campaigns.confirm.nextDue,
      width: '232px',
      render: (a) =>
        a.forced ? (
          <ForcedBadge forced={a.forced} />
        ) : a.status !== 'active' ? (
          <span className="muted">{vi.common.none}</span>
        ) : (
        <span className={`badge rot-${a.rotation}`} title={a.lastChangedOn ? `${vi.campaigns.confirm.lastChanged}: ${formatViDate(a.lastChangedOn)}` : undefined}>
          {a.nextDue ? `${formatViDate(a.nextDue)} · ` : ''}
          {vi.campaigns.rotationState[a.rotation]}
        </span>
        ),
    },
    {
      key: 'actions',
      header: '',
      width: '110px',
      render: (a) => (
        <span className="row-actions">
          <button type="button" className="link" onClick={() => setDetail(a.id)} aria-label={`${vi.campaigns.confirm.detail} ${a.loginName}`}>
            {vi.campaigns.confirm.historyShort}
          </button>
          <button type="button" className="link" onClick={() => setEditing(a)}>{vi.common.edit}</button>
        </span>
      ),
    },
  ];

  return (
    <section className="screen" aria-labelledby="accounts-title">
      <header className="screen-head">
        <h1 id="accounts-title">{person ? vi.people.accountsOf(person.fullName) : vi.accounts.title}</h1>
        {personId && <a href="#/accounts">{vi.accounts.showAll}</a>}
        <button type="button" onClick={() => setImporting(true)}>{vi.import.button}</button>
        <button type="button" className="primary" onClick={() => setEditing('new')}>+ {vi.accounts.add}</button>
      </header>
      <div className="toolbar">
        <ListSearch placeholder={vi.common.searchPlaceholder} value={q} onChange={setQ} />
        <FilterSelect label={vi.accounts.filterSystem} value={systemId} onChange={setSystemId} options={optionsById(systems)} />
        <FilterSelect<AccountRole> label={vi.accounts.filterRole} value={role} onChange={setRole} options={optionsOf(ACCOUNT_ROLES, vi.accountRole)} />
        <FilterSelect<AccountStatus> label={vi.accounts.filterStatus} value={status} onChange={setStatus} options={optionsOf(ACCOUNT_STATUSES, vi.accountStatus)} />
      </div>
      <div className="state-chips" role="group" aria-label={vi.devices.fields.forced}>
        <button type="button" className={`chip forced-chip ${forced ? 'on' : ''}`} aria-pressed={forced} onClick={() => setForced((f) => !f)}>
          {vi.devices.forced.chip}
        </button>
      </div>
      <VirtualTable
        label={vi.accounts.title}
        columns={columns}
        list={list}
        rowKey={(a) => a.id}
        rowClass={(a) => `${a.personStatus && a.personStatus !== 'working' && a.status === 'active' ? 'warn' : ''} ${a.forced ? 'forced-row' : ''}`}
        emptyText={q || systemId || role || status || forced ? vi.accounts.noMatch : vi.accounts.empty}
        onActivate={(a) => setDetail(a.id)}
      />
      {detail !== null && <AccountDetailDialog accountId={detail} onClose={() => setDetail(null)} onChanged={list.reload} />}
      {importing && <ImportWizard kinds={['accounts', 'confirmations']} onClose={() => setImporting(false)} onImported={() => list.reload()} />}
      {editing && (
        <AccountForm
          account={editing === 'new' ? null : editing}
          systems={systems}
          owner={person ? { id: person.id, name: person.fullName } : null}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            list.reload();
          }}
        />
      )}
    </section>
  );
}
