import { useCallback, useEffect, useRef, useState } from 'react';
import { CAMPAIGN_ACCOUNT_STATES, type CampaignAccountState } from '../../../../shared/campaigns/rules';
import type { CampaignProgress, ChecklistPage, ChecklistRow } from '../../../../shared/campaigns/schema';
import { formatViDate } from '../../../../shared/dates';
import { vi } from '../../../../shared/i18n/vi';
import type { TrackedSystem } from '../../../../shared/systems/schema';
import type { UnitSummary } from '../../../../shared/unit/schema';
import { useApi } from '../../api/context';
import { FilterSelect, ListSearch, optionsById } from '../../components/filters';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { useDebounced } from '../../hooks/useDebounced';
import { usePagedList } from '../../hooks/usePagedList';
import { AccountDetailDialog } from '../confirmations/AccountDetailDialog';
import { ConfirmDialog, type ConfirmTarget } from '../confirmations/ConfirmDialog';
import { CampaignCard } from './CampaignCard';
import { ForcedBadge } from '../devices/ForcedBadge';

const t = vi.campaigns.checklist;

/**
 * The clerk's daily screen: every in-scope account of a campaign with its state. Keyboard first:
 * type a name (no diacritics needed) → Enter opens the confirmation with today's date → Enter
 * saves and returns to the search box. Rows can also be ticked and confirmed together from one
 * signed sheet (one transaction).
 */
export function ChecklistScreen({ campaignId, initialState }: { campaignId: number; initialState?: CampaignAccountState | undefined }) {
  const api = useApi();
  const [progress, setProgress] = useState<CampaignProgress | null>(null);
  const [systems, setSystems] = useState<TrackedSystem[]>([]);
  const [units, setUnits] = useState<UnitSummary[]>([]);
  const [departments, setDepartments] = useState<string[]>([]);
  const [q, setQ] = useState('');
  const [state, setState] = useState<CampaignAccountState | ''>(initialState ?? '');
  const [systemId, setSystemId] = useState('');
  const [unitId, setUnitId] = useState('');
  const [department, setDepartment] = useState('');
  // Name and login only, unless the clerk widens the search to position, department and unit.
  const [wide, setWide] = useState(false);
  const [forcedCount, setForcedCount] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  // Selected rows by account id, kept with what the bulk dialog lists (owner, login, system).
  const [selected, setSelected] = useState<Map<number, ConfirmTarget>>(new Map());
  const [confirming, setConfirming] = useState<{ kind: 'one'; row: ChecklistRow } | { kind: 'many' } | null>(null);
  const [detail, setDetail] = useState<number | null>(null);
  const [counts, setCounts] = useState<ChecklistPage['counts'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const search = useRef<HTMLInputElement>(null);
  const query = useDebounced(q, 60);

  const loadProgress = useCallback(() => {
    api['campaigns.progress']({ id: campaignId })
      .then(setProgress)
      .catch((e: Error) => setError(e.message));
  }, [api, campaignId]);
  useEffect(loadProgress, [loadProgress]);
  useEffect(() => {
    void api['systems.list']({}).then(setSystems);
    void api['units.list']({}).then(setUnits);
  }, [api]);
  useEffect(() => {
    void api['units.departments']({ unitId: Number(unitId) || undefined }).then(setDepartments);
  }, [api, unitId]);

  const fetchPage = useCallback(
    async (offset: number, limit: number) => {
      const page = await api['campaigns.checklist']({
        campaignId,
        q: query,
        offset,
        limit,
        ...(state ? { state } : {}),
        ...(systemId ? { systemId: Number(systemId) } : {}),
        ...(unitId ? { unitId: Number(unitId) } : {}),
        ...(department ? { department } : {}),
        ...(wide ? { searchIn: 'all' as const } : {}),
      });
      setCounts(page.counts);
      setForcedCount(page.forcedCount);
      return page;
    },
    [api, campaignId, query, state, systemId, unitId, department, wide],
  );
  const list = usePagedList(fetchPage, JSON.stringify([campaignId, query, state, systemId, unitId, department, wide]));
  useEffect(() => setActive(0), [query, state, systemId, unitId, department, wide]);

  const refresh = () => {
    list.reload();
    loadProgress();
  };
  const afterConfirm = () => {
    setConfirming(null);
    setSelected(new Map());
    setQ('');
    refresh();
    setTimeout(() => search.current?.focus(), 0);
  };

  const activeRow = list.rowAt(active);
  const openConfirm = (row: ChecklistRow | undefined) => {
    if (row && row.state !== 'to_cancel') setConfirming({ kind: 'one', row });
  };

  const toggle = (r: ChecklistRow) =>
    setSelected((s) => {
      const next = new Map(s);
      if (next.has(r.accountId)) next.delete(r.accountId);
      else next.set(r.accountId, targetOf(r));
      return next;
    });

  const multiUnit = units.length > 1;
  // Sized for a 1366 px office laptop (issue 18): the name, login and system get the room; the unit
  // has its own column when the database holds more than one; every cell shows its full text on
  // hover, and the active row's full details are repeated under the table.
  const columns: Column<ChecklistRow>[] = [
    {
      key: 'select',
      header: '',
      srHeader: vi.common.select,
      width: '32px',
      render: (r) =>
        r.state === 'to_cancel' ? null : (
          <input type="checkbox" aria-label={t.selectRow(r.loginName)} checked={selected.has(r.accountId)} onChange={() => toggle(r)} />
        ),
    },
    {
      key: 'person',
      header: t.person,
      width: 'minmax(150px, 1.5fr)',
      text: (r) => [r.personName ?? vi.accounts.shared, r.position, r.department].filter(Boolean).join(' · '),
      render: (r) => (r.personName ? <strong>{r.personName}</strong> : <span className="muted">{vi.accounts.shared}</span>),
    },
    multiUnit
      ? { key: 'unit', header: vi.people.filterUnit, width: 'minmax(110px, 1fr)', text: (r) => r.unitName, render: (r) => r.unitName }
      : { key: 'pos', header: t.positionDept, width: 'minmax(110px, 1fr)', text: (r) => [r.position, r.department].filter(Boolean).join(' · '), render: (r) => <span className="muted">{[r.position, r.department].filter(Boolean).join(' · ')}</span> },
    { key: 'system', header: vi.fields.systemId!, width: 'minmax(110px, 1fr)', text: (r) => r.systemName, render: (r) => r.systemName },
    { key: 'login', header: vi.fields.loginName!, width: 'minmax(120px, 1.1fr)', text: (r) => r.loginName, render: (r) => <code>{r.loginName}</code> },
    { key: 'role', header: vi.accounts.filterRole, width: '92px', render: (r) => vi.accountRole[r.role] },
    {
      key: 'state',
      header: vi.fields.status!,
      width: forcedCount ? '200px' : '144px',
      // One state per account (shared/campaigns/rules.ts); "must change after malware" names the device and date.
      render: (r) =>
        r.state === 'must_change' && r.forced ? <ForcedBadge forced={r.forced} /> : <span className={`badge state-${r.state}`}>{vi.campaigns.state[r.state]}</span>,
    },
    { key: 'date', header: t.changedOn, width: '90px', render: (r) => formatViDate(r.changedOn) },
    {
      key: 'act',
      header: '',
      width: '120px',
      render: (r) => (
        <span className="row-actions">
          {r.state !== 'to_cancel' && r.state !== 'done' && (
            <button type="button" className="link" onClick={() => openConfirm(r)}>
              {t.confirm}
            </button>
          )}
          <button type="button" className="link" onClick={() => setDetail(r.accountId)} aria-label={`${vi.campaigns.confirm.detail} ${r.loginName}`}>
            ⋯
          </button>
        </span>
      ),
    },
  ];

  // The "Hệ thống" filter offers the campaign's systems only (issue 18).
  const campaignSystems = progress ? systems.filter((s) => progress.campaign.systemIds.includes(s.id)) : [];
  if (error) return <div className="screen"><div className="banner error" role="alert">{error}</div></div>;
  const loaded: ChecklistRow[] = [];
  for (let i = 0; i < Math.min(list.total ?? 0, 200); i++) {
    const r = list.rowAt(i);
    if (r && r.state !== 'to_cancel') loaded.push(r);
  }
  return (
    <section className="screen" aria-labelledby="checklist-title">
      <header className="screen-head">
        <a href="#/campaigns">{t.back}</a>
        <h1 id="checklist-title">{t.title}</h1>
        <a href={`#/print/sign-sheet?campaign=${campaignId}${unitId ? `&unit=${unitId}` : ''}`} className="button">
          {vi.campaigns.list.signSheet}
        </a>
      </header>
      {progress && <CampaignCard progress={progress} />}
      <div className="toolbar">
        <ListSearch inputRef={search} placeholder={t.searchHint} value={q} onChange={setQ} rows={{ total: list.total, setActive, onEnter: () => openConfirm(activeRow) }} />
        <label className="checkbox-inline">
          <input type="checkbox" checked={wide} onChange={(e) => setWide(e.target.checked)} /> {t.searchWide}
        </label>
        <FilterSelect label={vi.accounts.filterSystem} value={systemId} onChange={setSystemId} options={optionsById(campaignSystems)} />
        {multiUnit && (
          <FilterSelect label={vi.people.filterUnit} value={unitId} onChange={(v) => (setUnitId(v), setDepartment(''))} options={optionsById(units)} />
        )}
        <FilterSelect label={vi.people.filterDepartment} value={department} onChange={setDepartment} options={departments.map((d) => ({ value: d, label: d }))} />
      </div>
      <div className="state-chips" role="group" aria-label={vi.fields.status}>
        <button type="button" className={`chip ${state === '' ? 'on' : ''}`} aria-pressed={state === ''} onClick={() => setState('')}>
          {t.all}: <strong>{counts ? Object.values(counts).reduce((a, b) => a + b, 0).toLocaleString('vi-VN') : '…'}</strong>
        </button>
        {CAMPAIGN_ACCOUNT_STATES.map((s) => (
          <button key={s} type="button" className={`chip state-${s} ${state === s ? 'on' : ''}`} aria-pressed={state === s} onClick={() => setState(s)}>
            {vi.campaigns.state[s]}: <strong>{counts ? counts[s].toLocaleString('vi-VN') : '…'}</strong>
          </button>
        ))}
        <span className="spacer" />
        {selected.size > 0 ? (
          <>
            <button type="button" className="primary" onClick={() => setConfirming({ kind: 'many' })}>
              {t.confirmSelected(selected.size)}
            </button>
            <button type="button" onClick={() => setSelected(new Map())}>{t.clearSelection}</button>
          </>
        ) : (
          <button type="button" onClick={() => setSelected(new Map(loaded.filter((r) => r.state !== 'done').map((r) => [r.accountId, targetOf(r)])))} disabled={loaded.length === 0}>
            {t.selectLoaded}
          </button>
        )}
      </div>
      <VirtualTable
        label={t.title}
        columns={columns}
        list={list}
        rowKey={(r) => r.accountId}
        rowClass={(r) => `${list.rowAt(active)?.accountId === r.accountId ? 'active' : ''} ${r.state === 'to_cancel' ? 'warn' : ''} ${r.forced ? 'forced-row' : ''}`}
        emptyText={t.noRows}
        onActivate={openConfirm}
      />
      <p className="active-row" aria-live="polite">
        {activeRow ? [activeRow.personName ?? vi.accounts.shared, activeRow.position, activeRow.department, multiUnit ? activeRow.unitName : '', activeRow.loginName, activeRow.systemName].filter(Boolean).join(' · ') : ''}
      </p>
      {confirming?.kind === 'one' && (
        <ConfirmDialog
          target={{ kind: 'one', ...targetOf(confirming.row) }}
          campaignId={campaignId}
          onClose={() => {
            setConfirming(null);
            setTimeout(() => search.current?.focus(), 0);
          }}
          onSaved={afterConfirm}
        />
      )}
      {confirming?.kind === 'many' && (
        <ConfirmDialog target={{ kind: 'many', accounts: [...selected.values()] }} campaignId={campaignId} onClose={() => setConfirming(null)} onSaved={afterConfirm} />
      )}
      {detail !== null && <AccountDetailDialog accountId={detail} onClose={() => setDetail(null)} onChanged={refresh} />}
    </section>
  );
}

const targetOf = (r: ChecklistRow): ConfirmTarget => ({ accountId: r.accountId, loginName: r.loginName, systemName: r.systemName, ownerName: r.personName });
