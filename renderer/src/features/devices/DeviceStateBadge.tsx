import { formatViDate } from '../../../../shared/dates';
import type { Device } from '../../../../shared/devices/schema';
import { vi } from '../../../../shared/i18n/vi';
import './devices.css';

const t = vi.devices;

/** Rule 4 state of a device (infected first), plus "remediated" and the accounts it still forces. */
export function DeviceStateBadge({ device }: { device: Device }) {
  return (
    <>
      <span className={`badge dev-${device.state}`} data-state={device.state}>{t.state[device.state]}</span>
      {device.state !== 'infected' && device.infection === 'remediated' && <span className="badge dev-remediated">{t.filter.remediated}</span>}
      {device.pendingAccounts > 0 && <span className="badge dev-pending">{t.list.pending(device.pendingAccounts)}</span>}
    </>
  );
}

/** The antivirus of the latest check: product and licence, or what is missing. */
export function AntivirusSummary({ device }: { device: Device }) {
  const c = device.lastCheck;
  if (!c) return <span className="muted">{vi.common.none}</span>;
  if (!c.avInstalled) return <span className="error-text">{t.list.noAv}</span>;
  const licence = c.avLicensed ? (c.licenceExpiresOn ? t.list.licensedUntil(formatViDate(c.licenceExpiresOn)) : t.list.licensedNoDate) : t.list.unlicensed;
  const bad = (device.needsLicensedAv && !c.avLicensed) || device.state === 'expired' || device.licenceExpiringSoon;
  return (
    <span title={device.needsLicensedAv ? t.list.needsLicence : undefined}>
      {c.avProduct || t.fields.avInstalled} · <span className={bad ? 'error-text' : 'muted'}>{licence}</span>
    </span>
  );
}
