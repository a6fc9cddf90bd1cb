import { formatViDate } from '../../../../shared/dates';
import { DEVICE_TODO_KINDS, type DeviceTodo, type DeviceTodos } from '../../../../shared/devices/schema';
import { vi } from '../../../../shared/i18n/vi';
import { navigate } from '../../app/router';
import './devices.css';

const t = vi.devices.dashboard;

/** Tổng quan: devices to deal with, infected first (Rule 5), then Rule 4's unchecked / no antivirus / unlicensed / expired. */
export function DeviceTodosCard({ devices }: { devices: DeviceTodos }) {
  const total = DEVICE_TODO_KINDS.reduce((sum, k) => sum + devices.counts[k], 0);
  return (
    <div className="card">
      <div className="card-head">
        <h2>
          {t.title} <span className="muted">({total.toLocaleString('vi-VN')})</span>
        </h2>
        <a href="#/devices">{vi.devices.nav} →</a>
      </div>
      {total === 0 && <p>{t.empty}</p>}
      <ul className="todos" aria-label={t.title}>
        {devices.todos.map((item) => (
          <DeviceTodoRow key={`${item.kind}-${item.deviceId}`} item={item} />
        ))}
      </ul>
      {devices.todos.length < total && <p className="muted small">{t.more(devices.todos.length, total)}</p>}
    </div>
  );
}

function DeviceTodoRow({ item }: { item: DeviceTodo }) {
  const when =
    item.kind === 'infected' ? t.foundOn(formatViDate(item.date))
    : item.kind === 'unchecked' ? (item.date ? t.lastChecked(formatViDate(item.date)) : t.never)
    : item.kind === 'expired' ? t.expiredOn(formatViDate(item.date))
    : t.checkedOn(formatViDate(item.date));
  return (
    <li className={`todo todo-device todo-${item.kind}`}>
      <span className={`badge todo-badge-${item.kind}`}>{t.kind[item.kind]}</span>
      <span className="todo-main">
        <strong>{item.ownerName}</strong> · {item.assetTag ? <code>{item.assetTag}</code> : vi.devices.kind[item.deviceKind]}
        {item.unitName && <span className="muted"> · {item.unitName}</span>}
        {item.pendingAccounts > 0 && <span className="badge dev-pending">{vi.devices.list.pending(item.pendingAccounts)}</span>}
      </span>
      <span className="todo-date">{when}</span>
      <button type="button" onClick={() => navigate('/devices', { device: item.deviceId })}>{t.open}</button>
    </li>
  );
}
