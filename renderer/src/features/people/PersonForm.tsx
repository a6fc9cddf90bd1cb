import { useState } from 'react';
import { vi } from '../../../../shared/i18n/vi';
import { STAFF_TYPES, type Person, type StaffType } from '../../../../shared/people/schema';
import type { UnitSummary } from '../../../../shared/unit/schema';
import { useApi } from '../../api/context';
import { FormDialog } from '../../components/FormDialog';
import { CheckboxField, SelectField, TextField } from '../../components/fields';
import { useToast } from '../../components/Toast';
import { useFormErrors } from '../../hooks/useFormErrors';

interface Props {
  person: Person | null;
  units: UnitSummary[];
  departments: string[];
  onClose: () => void;
  onSaved: (person: Person) => void;
}

/** Add or edit a person. Enter saves, Esc cancels; errors show under their field. */
export function PersonForm({ person, units, departments, onClose, onSaved }: Props) {
  const api = useApi();
  const notify = useToast();
  const errors = useFormErrors();
  const [saving, setSaving] = useState(false);
  const [draft, setDraft] = useState({
    fullName: person?.fullName ?? '',
    position: person?.position ?? '',
    department: person?.department ?? '',
    staffType: (person?.staffType ?? 'cong_chuc') as StaffType,
    partyMember: person?.partyMember ?? false,
    note: person?.note ?? '',
    unitId: String(person?.unitId ?? units.find((u) => u.isHome)?.id ?? ''),
  });
  const set = <K extends keyof typeof draft>(k: K, v: (typeof draft)[K]) => setDraft((d) => ({ ...d, [k]: v }));

  const save = async () => {
    setSaving(true);
    errors.clear();
    const input = { ...draft, unitId: Number(draft.unitId) || undefined };
    if (!(person ? errors.check('people.update', { id: person.id, ...input }) : errors.check('people.create', input))) {
      setSaving(false);
      return;
    }
    try {
      const saved = person ? await api['people.update']({ id: person.id, ...input }) : await api['people.create'](input);
      notify(person ? vi.people.updated(saved.fullName) : vi.people.created(saved.fullName));
      onSaved(saved);
    } catch (e) {
      errors.show(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <FormDialog title={person ? vi.people.edit : vi.people.add} onClose={onClose} onSubmit={save} error={errors.formError} busy={saving}>
      <div className="form-grid">
        <TextField label={vi.fields.fullName!} value={draft.fullName} onChange={(v) => set('fullName', v)} error={errors.fieldErrors.fullName} required autoFocus maxLength={120} kind="name" />
        <TextField label={vi.fields.position!} value={draft.position} onChange={(v) => set('position', v)} error={errors.fieldErrors.position} maxLength={120} />
        <TextField label={vi.fields.department!} value={draft.department} onChange={(v) => set('department', v)} error={errors.fieldErrors.department} list="departments-list" maxLength={120} />
        <datalist id="departments-list">
          {departments.map((d) => (
            <option key={d} value={d} />
          ))}
        </datalist>
        <SelectField
          label={vi.fields.staffType!}
          value={draft.staffType}
          onChange={(v) => set('staffType', v)}
          options={STAFF_TYPES.map((t) => ({ value: t, label: vi.staffType[t] }))}
        />
        {units.length > 1 && (
          <SelectField
            label={vi.fields.unitId!}
            value={draft.unitId}
            onChange={(v) => set('unitId', v)}
            options={units.map((u) => ({ value: String(u.id), label: u.name }))}
            error={errors.fieldErrors.unitId}
          />
        )}
        <TextField label={vi.fields.note!} value={draft.note} onChange={(v) => set('note', v)} error={errors.fieldErrors.note} maxLength={500} />
        <CheckboxField label={vi.fields.partyMember!} checked={draft.partyMember} onChange={(v) => set('partyMember', v)} />
      </div>
    </FormDialog>
  );
}
