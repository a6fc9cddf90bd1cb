import { useCallback, useEffect, useRef, useState } from 'react';
import { formatViDate } from '../../../../shared/dates';
import { DEVICE_FILTERS, DEVICE_STATUSES, type Device, type DeviceFilter, type DevicesPage } from '../../../../shared/devices/schema';
import type { DeviceStatus } from '../../../../shared/devices/rules';
import { vi } from '../../../../shared/i18n/vi';
import type { TrackedSystem } from '../../../../shared/systems/schema';
import type { UnitSummary } from '../../../../shared/unit/schema';
import { useApi } from '../../api/context';
import { navigate } from '../../app/router';
import { useToast } from '../../components/Toast';
import { FilterSelect, ListSearch, optionsById, optionsOf } from '../../components/filters';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { useDebounced } from '../../hooks/useDebounced';
import { usePagedList } from '../../hooks/usePagedList';
import { CheckForm } from './CheckForm';
import { DeviceDetailDialog } from './DeviceDetailDialog';
import { DeviceForm } from './DeviceForm';
import { AntivirusSummary, DeviceStateBadge } from './DeviceStateBadge';
import './devices.css';

const t = vi.devices;
const INTERVALS = [1, 2, 3, 4, 6, 12];

/**
 * Thiết bị: every device with its Rule 4 state, paged and virtualised. Keyboard first, like the
 * checklist: type a name, asset tag or place (no diacritics needed), ↑/↓ picks the row, Enter opens
 * the check form with today's date. #/devices?device=ID opens a device's detail.
 */
export function DevicesScreen({ deviceId }: { deviceId?: number | undefined }) {
  const api = useApi();
  const notify = useToast();
  const [q, setQ] = useState('');
  const [filter, setFilter] = useState<DeviceFilter | ''>('');
  const [status, setStatus] = useState<DeviceStatus | ''>('');
  const [unitId, setUnitId] = useState('');
  const [units, setUnits] = useState<UnitSummary[]>([]);
  const [systems, setSystems] = useState<TrackedSystem[]>([]);
  const [months, setMonths] = useState<number | null>(null);
  const [counts, setCounts] = useState<{ counts: DevicesPage['counts']; all: number } | null>(null);
  const [active, setActive] = useState(0);
  const [checking, setChecking] = useState<Device | null>(null);
  const [adding, setAdding] = useState(false);
  const search = useRef<HTMLInputElement>(null);
  const query = useDebounced(q, 60);
  const detail = deviceId ?? null;

  useEffect(() => {
    void api['units.list']({}).then(setUnits);
    void api['systems.list']({}).then(setSystems);
    void api['settings.get']({}).then((s) => setMonths(s.deviceCheckMonths));
  }, [api]);

  const fetchPage = useCallback(
    async (offset: number, limit: number) => {
      const page = await api['devices.list']({
        q: query,
        offset,
        limit,
        ...(filter ? { filter } : {}),
        ...(status ? { deviceStatus: status } : {}),
        ...(unitId ? { unitId: Number(unitId) } : {}),
      });
      setCounts({ counts: page.counts, all: page.all });
      return page;
    },
    [api, query, filter, status, unitId],
  );
  const list = usePagedList(fetchPage, JSON.stringify([query, filter, status, unitId, months]));
  useEffect(() => setActive(0), [query, filter, status, unitId]);

  const saveMonths = async (m: number) => {
    try {
      const s = await api['settings.save']({ deviceCheckMonths: m });
      setMonths(s.deviceCheckMonths);
      notify(t.settings.saved);
    } catch (e) {
      notify((e as Error).message, 'error');
    }
  };

  const openDetail = (d: Device) => navigate('/devices', { device: d.id });
  const closeDetail = () => {
    navigate('/devices');
    setTimeout(() => search.current?.focus(), 0);
  };
  const afterCheck = () => {
    setChecking(null);
    setQ('');
    list.reload();
    setTimeout(() => search.current?.focus(), 0);
  };

  const multiUnit = units.length > 1;
  const columns: Column<Device>[] = [
    { key: 'tag', header: t.list.assetTag, width: 'minmax(130px, 1.1fr)', render: (d) => (d.assetTag ? <code title={d.assetTag}>{d.assetTag}</code> : <span className="muted">{t.list.noTag}</span>) },
    {
      key: 'device',
      header: t.list.device,
      width: 'minmax(150px, 1fr)',
      render: (d) => <span title={`${t.kind[d.deviceKind]} · ${d.osVersion || t.os[d.os]}`}>{`${t.kindShort[d.deviceKind]} · ${d.osVersion || t.os[d.os]}`}</span>,
    },
    {
      key: 'owner',
      header: t.list.owner,
      width: 'minmax(160px, 1.3fr)',
      // The place is searchable and shown in the detail; here it is the tooltip, to keep one line per device.
      render: (d) => (
        <span title={[d.department, d.unitName, d.location].filter(Boolean).join(' · ')}>
          <strong>{d.ownerName}</strong>
          <span className="muted"> · {multiUnit ? d.unitName : d.location || d.department}</span>
        </span>
      ),
    },
    { key: 'last', header: t.list.lastCheck, width: '140px', render: (d) => (d.lastCheck ? formatViDate(d.lastCheck.checkedOn) : <span className="muted">{t.list.never}</span>) },
    { key: 'av', header: t.list.antivirus, width: 'minmax(150px, 1.2fr)', render: (d) => <AntivirusSummary device={d} /> },
    { key: 'state', header: t.list.state, width: 'minmax(120px, 0.8fr)', render: (d) => <DeviceStateBadge device={d} /> },
    {
      key: 'act',
      header: '',
      width: '150px',
      render: (d) => (
        <span className="row-actions">
          <button type="button" className="link" onClick={() => setChecking(d)} aria-label={`${t.list.check} ${d.assetTag || d.ownerName}`}>
            {t.list.check}
          </button>
          <button type="button" className="link" onClick={() => openDetail(d)} aria-label={`${t.list.detail} ${d.assetTag || d.ownerName}`}>
            {t.list.detail}
          </button>
        </span>
      ),
    },
  ];

  const activeRow = list.rowAt(active);
  const chipLabel = (f: DeviceFilter) => (f === 'unchecked' ? t.filter.unchecked(months ?? 3) : t.filter[f]);
  return (
    <section className="screen" aria-labelledby="devices-title">
      <header className="screen-head">
        <h1 id="devices-title">{t.title}</h1>
        <label className="dev-interval">
          {t.settings.title}:
          <select aria-label={t.fields.deviceCheckMonths} value={months ?? ''} onChange={(e) => void saveMonths(Number(e.target.value))} disabled={months === null}>
            {[...new Set([...INTERVALS, months ?? 3])].sort((a, b) => a - b).map((m) => (
              <option key={m} value={m}>{t.settings.months(m)}</option>
            ))}
          </select>
        </label>
        <button type="button" className="primary" onClick={() => setAdding(true)}>+ {t.list.add}</button>
      </header>
      <p className="dev-lead">{t.lead(months ?? 3)}</p>
      <div className="toolbar">
        <ListSearch
          inputRef={search}
          placeholder={t.list.searchHint}
          value={q}
          onChange={setQ}
          rows={{ total: list.total, setActive, onEnter: () => activeRow && setChecking(activeRow) }}
        />
        {multiUnit && <FilterSelect label={vi.people.filterUnit} value={unitId} onChange={setUnitId} options={optionsById(units)} />}
        <FilterSelect<DeviceStatus> label={t.list.filterStatus} value={status} onChange={setStatus} options={optionsOf(DEVICE_STATUSES, t.status)} />
      </div>
      <div className="state-chips" role="group" aria-label={t.fields.filter}>
        <button type="button" className={`chip ${filter === '' ? 'on' : ''}`} aria-pressed={filter === ''} onClick={() => setFilter('')}>
          {t.list.all}: <strong>{counts ? counts.all.toLocaleString('vi-VN') : '…'}</strong>
        </button>
        {DEVICE_FILTERS.map((f) => (
          <button key={f} type="button" className={`chip dev-chip-${f} ${filter === f ? 'on' : ''}`} aria-pressed={filter === f} onClick={() => setFilter(f)}>
            {chipLabel(f)}: <strong>{counts ? counts.counts[f].toLocaleString('vi-VN') : '…'}</strong>
          </button>
        ))}
      </div>
      <VirtualTable
        label={t.title}
        columns={columns}
        list={list}
        rowKey={(d) => d.id}
        rowClass={(d) => `${list.rowAt(active)?.id === d.id ? 'active' : ''} ${d.state === 'infected' ? 'dev-row-infected' : ''}`}
        emptyText={q || filter || status || unitId ? t.list.noMatch : t.list.empty}
        onActivate={openDetail}
      />
      {checking && (
        <CheckForm
          device={checking}
          onClose={() => {
            setChecking(null);
            setTimeout(() => search.current?.focus(), 0);
          }}
          onSaved={afterCheck}
        />
      )}
      {adding && (
        <DeviceForm
          device={null}
          systems={systems}
          onClose={() => setAdding(false)}
          onSaved={(d) => {
            setAdding(false);
            list.reload();
            openDetail(d);
          }}
        />
      )}
      {detail !== null && <DeviceDetailDialog key={detail} deviceId={detail} systems={systems} onClose={closeDetail} onChanged={list.reload} />}
    </section>
  );
}
