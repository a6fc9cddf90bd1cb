import { useState } from 'react';
import { vi } from '../../../../shared/i18n/vi';
import type { TrackedSystem } from '../../../../shared/systems/schema';
import { useApi } from '../../api/context';
import { FormDialog } from '../../components/FormDialog';
import { CheckboxField, TextField } from '../../components/fields';
import { useToast } from '../../components/Toast';
import { useFormErrors } from '../../hooks/useFormErrors';

/** Add a tracked system or change its password-rotation intervals. */
export function SystemForm({ system, onClose, onSaved }: { system: TrackedSystem | null; onClose: () => void; onSaved: () => void }) {
  const api = useApi();
  const notify = useToast();
  const errors = useFormErrors();
  const [name, setName] = useState(system?.name ?? '');
  const [managingAgency, setAgency] = useState(system?.managingAgency ?? '');
  const [admin, setAdmin] = useState(String(system?.adminIntervalMonths ?? 3));
  const [user, setUser] = useState(String(system?.userIntervalMonths ?? 3));
  const [av, setAv] = useState(system?.requiresLicensedAv ?? false);
  const [vpn, setVpn] = useState(system?.requiresSiteToSiteVpn ?? false);
  const [active, setActive] = useState(system?.active ?? true);

  const save = async () => {
    errors.clear();
    const input = {
      name,
      managingAgency,
      adminIntervalMonths: Number(admin),
      userIntervalMonths: Number(user),
      requiresLicensedAv: av,
      requiresSiteToSiteVpn: vpn,
      active,
    };
    if (!(system ? errors.check('systems.update', { id: system.id, ...input }) : errors.check('systems.create', input))) return;
    try {
      if (system) await api['systems.update']({ id: system.id, ...input });
      else await api['systems.create'](input);
      notify(vi.common.saved);
      onSaved();
    } catch (e) {
      errors.show(e);
    }
  };

  return (
    <FormDialog title={system ? vi.settings.editSystem : vi.settings.addSystem} onClose={onClose} onSubmit={save} error={errors.formError}>
      <div className="form-grid">
        <TextField label={vi.fields.name!} value={name} onChange={setName} error={errors.fieldErrors.name} required autoFocus />
        <TextField label={vi.fields.managingAgency!} value={managingAgency} onChange={setAgency} error={errors.fieldErrors.managingAgency} />
        <TextField label={vi.fields.adminIntervalMonths!} value={admin} onChange={setAdmin} error={errors.fieldErrors.adminIntervalMonths} required />
        <TextField label={vi.fields.userIntervalMonths!} value={user} onChange={setUser} error={errors.fieldErrors.userIntervalMonths} required />
        <CheckboxField label={vi.fields.requiresLicensedAv!} checked={av} onChange={setAv} />
        <CheckboxField label={vi.fields.requiresSiteToSiteVpn!} checked={vpn} onChange={setVpn} />
        <CheckboxField label={vi.fields.active!} checked={active} onChange={setActive} />
      </div>
    </FormDialog>
  );
}
