import type { ForcedChange } from '../../../../shared/devices/rules';
import { formatViDate } from '../../../../shared/dates';
import { vi } from '../../../../shared/i18n/vi';
import './devices.css';

const t = vi.devices.forced;

/** The full sentence of a forced change (which device, since when, what counts). */
export function forcedDetail(f: ForcedChange): string {
  const tag = f.assetTag || vi.devices.list.noTag;
  return f.reason === 'infected' ? t.infectedDetail(tag, formatViDate(f.since)) : t.remediatedDetail(tag, formatViDate(f.since));
}

/**
 * Rule 5's flag on an account, wherever accounts are listed: "Phải đổi MK sau xử lý mã độc", or
 * "Máy nhiễm mã độc, chờ xử lý" while the device is not yet cleaned. The title says the rest.
 */
export function ForcedBadge({ forced, full }: { forced: ForcedChange; full?: boolean }) {
  const text = full ? (forced.reason === 'infected' ? t.infected : t.remediated) : forced.reason === 'infected' ? t.infectedShort : t.remediatedShort;
  return (
    <span className={`badge forced forced-${forced.reason}`} title={forcedDetail(forced)} data-forced={forced.reason}>
      {text}
    </span>
  );
}

/** The same flag as a banner, in an account's detail. */
export function ForcedBanner({ forced }: { forced: ForcedChange }) {
  return (
    <div className={`banner forced-banner forced-${forced.reason}`} role="note">
      <strong>{forced.reason === 'infected' ? t.infected : t.remediated}.</strong> {forcedDetail(forced)}{' '}
      <a href={`#/devices?device=${forced.deviceId}`}>{t.openDevice}</a>
    </div>
  );
}
