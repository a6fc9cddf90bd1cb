import { useState } from 'react';
import { CONNECTION_DIRECTIONS, CONNECTION_PROTOCOLS, CONNECTION_STATUSES, type DataConnection } from '../../../../shared/connections/schema';
import type { ConnectionDirection, ConnectionProtocol, ConnectionStatus } from '../../../../shared/connections/rules';
import { vi } from '../../../../shared/i18n/vi';
import type { TrackedSystem } from '../../../../shared/systems/schema';
import { useApi } from '../../api/context';
import { FormDialog } from '../../components/FormDialog';
import { DateField, SelectField, TextField } from '../../components/fields';
import { useToast } from '../../components/Toast';
import { useFormErrors } from '../../hooks/useFormErrors';

const t = vi.connections;
const f = vi.fields;

/** Add a data connection to the register or change it (protocol, gateway, last check, stopped). */
export function ConnectionForm({ connection, systems, onClose, onSaved }: {
  connection: DataConnection | null;
  systems: TrackedSystem[];
  onClose: () => void;
  onSaved: (c: DataConnection) => void;
}) {
  const api = useApi();
  const notify = useToast();
  const errors = useFormErrors();
  const firstRequired = systems.find((s) => s.requiresSiteToSiteVpn) ?? systems[0];
  const [systemId, setSystemId] = useState(String(connection?.systemId ?? firstRequired?.id ?? ''));
  const [localSystem, setLocalSystem] = useState(connection?.localSystem ?? '');
  const [direction, setDirection] = useState<ConnectionDirection>(connection?.direction ?? 'both');
  const [protocol, setProtocol] = useState<ConnectionProtocol>(connection?.protocol ?? 'vpn_site_to_site');
  const [gateway, setGateway] = useState(connection?.gateway ?? '');
  const [checkedBy, setCheckedBy] = useState(connection?.checkedBy ?? '');
  const [checkedOn, setCheckedOn] = useState<string | null>(connection?.checkedOn ?? null);
  const [status, setStatus] = useState<ConnectionStatus>(connection?.connectionStatus ?? 'active');
  const [note, setNote] = useState(connection?.note ?? '');
  const [saving, setSaving] = useState(false);

  const save = async () => {
    if (saving) return;
    setSaving(true);
    errors.clear();
    const input = { systemId: Number(systemId), localSystem, direction, protocol, gateway, checkedBy, checkedOn, connectionStatus: status, note };
    try {
      const saved = connection ? await api['connections.update']({ id: connection.id, ...input }) : await api['connections.create'](input);
      notify(t.saved);
      onSaved(saved);
    } catch (e) {
      errors.show(e);
      setSaving(false);
    }
  };

  return (
    <FormDialog title={connection ? t.editOf(connection.localSystem) : t.add} onClose={onClose} onSubmit={save} error={errors.formError} busy={saving} wide>
      <div className="form-grid">
        <SelectField
          label={f.systemId!}
          value={systemId}
          onChange={setSystemId}
          options={systems.map((s) => ({ value: String(s.id), label: s.requiresSiteToSiteVpn ? `${s.name} (${t.requiredBadge})` : s.name }))}
          error={errors.fieldErrors.systemId}
          required
        />
        <TextField label={f.localSystem!} value={localSystem} onChange={setLocalSystem} error={errors.fieldErrors.localSystem} required autoFocus maxLength={200} />
        <SelectField label={f.direction!} value={direction} onChange={setDirection} options={CONNECTION_DIRECTIONS.map((d) => ({ value: d, label: t.direction[d] }))} />
        <SelectField label={f.protocol!} value={protocol} onChange={setProtocol} options={CONNECTION_PROTOCOLS.map((p) => ({ value: p, label: t.protocol[p] }))} error={errors.fieldErrors.protocol} />
        <TextField label={f.gateway!} value={gateway} onChange={setGateway} error={errors.fieldErrors.gateway} maxLength={200} />
        <TextField label={f.checkedBy!} value={checkedBy} onChange={setCheckedBy} error={errors.fieldErrors.checkedBy} hint={t.checkHint} maxLength={120} />
        <DateField label={f.checkedOn!} value={checkedOn} onChange={setCheckedOn} error={errors.fieldErrors.checkedOn} />
        <SelectField label={f.connectionStatus!} value={status} onChange={setStatus} options={CONNECTION_STATUSES.map((s) => ({ value: s, label: t.status[s] }))} />
        <TextField label={f.note!} value={note} onChange={setNote} error={errors.fieldErrors.note} maxLength={500} />
      </div>
    </FormDialog>
  );
}
