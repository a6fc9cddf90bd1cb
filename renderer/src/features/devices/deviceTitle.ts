import type { Device } from '../../../../shared/devices/schema';
import { vi } from '../../../../shared/i18n/vi';

/** How a device is named in titles and messages: its asset tag, or its kind and owner when it has none. */
export function deviceTitle(d: Pick<Device, 'assetTag' | 'deviceKind' | 'ownerName'>): string {
  return d.assetTag || `${vi.devices.kind[d.deviceKind]} (${d.ownerName})`;
}
