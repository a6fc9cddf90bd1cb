import { useEffect, useState } from 'react';
import { DEVICE_KINDS, DEVICE_OSES, DEVICE_STATUSES, type Device, type DeviceCreateInput } from '../../../../shared/devices/schema';
import type { DeviceKind, DeviceOs, DeviceStatus } from '../../../../shared/devices/rules';
import { vi } from '../../../../shared/i18n/vi';
import type { TrackedSystem } from '../../../../shared/systems/schema';
import { useApi } from '../../api/context';
import { FormDialog } from '../../components/FormDialog';
import { SelectField, TextField } from '../../components/fields';
import { PersonPicker } from '../../components/PersonPicker';
import { useToast } from '../../components/Toast';
import { useFormErrors } from '../../hooks/useFormErrors';
import { deviceTitle } from './deviceTitle';

const t = vi.devices;
const f = vi.devices.fields;

/**
 * Add or edit a device. The systems used on it start as those of the owner's accounts (the core's
 * default) and stay editable: a clerk corrects them when a machine is not used for some system.
 */
export function DeviceForm({ device, systems, onClose, onSaved }: { device: Device | null; systems: TrackedSystem[]; onClose: () => void; onSaved: (d: Device) => void }) {
  const api = useApi();
  const notify = useToast();
  const errors = useFormErrors();
  const [owner, setOwner] = useState<{ id: number; name: string } | null>(device ? { id: device.ownerId, name: device.ownerName } : null);
  const [deviceKind, setDeviceKind] = useState<DeviceKind>(device?.deviceKind ?? 'desktop');
  const [os, setOs] = useState<DeviceOs>(device?.os ?? 'windows');
  const [osVersion, setOsVersion] = useState(device?.osVersion ?? '');
  const [assetTag, setAssetTag] = useState(device?.assetTag ?? '');
  const [location, setLocation] = useState(device?.location ?? '');
  const [deviceStatus, setDeviceStatus] = useState<DeviceStatus>(device?.deviceStatus ?? 'in_use');
  const [note, setNote] = useState(device?.note ?? '');
  const [systemIds, setSystemIds] = useState<number[]>(device?.systemIds ?? []);
  const [touched, setTouched] = useState(device !== null);
  const [saving, setSaving] = useState(false);

  // A new device: the owner's systems, until the clerk changes the ticks.
  useEffect(() => {
    if (touched || !owner) return;
    let live = true;
    void api['devices.defaultSystems']({ ownerId: owner.id }).then((ids) => live && setSystemIds(ids));
    return () => {
      live = false;
    };
  }, [api, owner, touched]);

  const toggle = (id: number) => {
    setTouched(true);
    setSystemIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));
  };

  const save = async () => {
    if (saving) return;
    setSaving(true);
    errors.clear();
    const fields: Omit<DeviceCreateInput, 'ownerId'> = { deviceKind, os, osVersion, assetTag, location, deviceStatus, note, systemIds };
    const ownerId = owner?.id as number;
    if (!(device ? errors.check('devices.update', { id: device.id, ownerId, ...fields, systemIds }) : errors.check('devices.create', { ownerId, ...fields }))) {
      setSaving(false);
      return;
    }
    try {
      const saved = device ? await api['devices.update']({ id: device.id, ownerId, ...fields, systemIds }) : await api['devices.create']({ ownerId, ...fields });
      notify(t.form.saved(deviceTitle(saved)));
      onSaved(saved);
    } catch (e) {
      errors.show(e);
      setSaving(false);
    }
  };

  return (
    <FormDialog title={device ? t.form.edit : t.form.create} onClose={onClose} onSubmit={save} error={errors.formError} busy={saving} wide>
      <div className="form-grid">
        <PersonPicker label={f.ownerId!} value={owner} onChange={setOwner} error={errors.fieldErrors.ownerId} />
        <TextField label={f.assetTag!} value={assetTag} onChange={setAssetTag} error={errors.fieldErrors.assetTag} placeholder={t.form.assetTagExample} maxLength={60} />
        <SelectField label={f.deviceKind!} value={deviceKind} onChange={setDeviceKind} options={DEVICE_KINDS.map((k) => ({ value: k, label: t.kind[k] }))} />
        <SelectField label={f.os!} value={os} onChange={setOs} options={DEVICE_OSES.map((k) => ({ value: k, label: t.os[k] }))} />
        <TextField label={f.osVersion!} value={osVersion} onChange={setOsVersion} error={errors.fieldErrors.osVersion} placeholder={t.form.osVersionExample} maxLength={60} />
        <TextField label={f.location!} value={location} onChange={setLocation} error={errors.fieldErrors.location} placeholder={t.form.locationExample} maxLength={200} />
        <SelectField label={f.deviceStatus!} value={deviceStatus} onChange={setDeviceStatus} options={DEVICE_STATUSES.map((k) => ({ value: k, label: t.status[k] }))} error={errors.fieldErrors.deviceStatus} />
        <TextField label={vi.fields.note!} value={note} onChange={setNote} error={errors.fieldErrors.note} maxLength={500} />
      </div>
      <fieldset className="dev-systems-box">
        <legend>{t.detail.systems}</legend>
        <div className="dev-systems">
          {systems.map((s) => (
            <label key={s.id} className="checkbox">
              <input type="checkbox" checked={systemIds.includes(s.id)} onChange={() => toggle(s.id)} /> {s.name}
              {s.requiresLicensedAv && <span className="muted small"> ({vi.fields.requiresLicensedAv})</span>}
            </label>
          ))}
        </div>
        <p className="hint">{t.form.systemsHint}</p>
      </fieldset>
    </FormDialog>
  );
}
