import { useState } from 'react';
import { toIsoDate } from '../../../../shared/dates';
import { vi } from '../../../../shared/i18n/vi';
import { PERSON_STATUSES, type Person, type PersonStatus } from '../../../../shared/people/schema';
import { useApi } from '../../api/context';
import { FormDialog } from '../../components/FormDialog';
import { DateField, SelectField } from '../../components/fields';
import { useToast } from '../../components/Toast';
import { useFormErrors } from '../../hooks/useFormErrors';

/** Working → transferred / retired / left, with the date of the change. */
export function PersonStatusDialog({ person, onClose, onSaved }: { person: Person; onClose: () => void; onSaved: () => void }) {
  const api = useApi();
  const notify = useToast();
  const errors = useFormErrors();
  const [status, setStatus] = useState<PersonStatus>(person.status === 'working' ? 'transferred' : person.status);
  const [date, setDate] = useState<string | null>(person.statusDate ?? toIsoDate(new Date()));

  const save = async () => {
    errors.clear();
    const input = { id: person.id, status, statusDate: status === 'working' ? null : date };
    if (!errors.check('people.setStatus', input)) return;
    try {
      const saved = await api['people.setStatus'](input);
      notify(vi.people.updated(saved.fullName));
      onSaved();
    } catch (e) {
      errors.show(e);
    }
  };

  return (
    <FormDialog title={vi.people.statusTitle(person.fullName)} onClose={onClose} onSubmit={save} error={errors.formError}>
      <div className="form-grid">
        <SelectField
          label={vi.fields.status!}
          value={status}
          onChange={setStatus}
          options={PERSON_STATUSES.map((s) => ({ value: s, label: vi.personStatus[s] }))}
        />
        {status !== 'working' && (
          <DateField label={vi.fields.statusDate!} value={date} onChange={setDate} error={errors.fieldErrors.statusDate} required />
        )}
      </div>
      {status !== 'working' && person.accountCount > 0 && <p className="hint">{vi.people.leaverHint}</p>}
    </FormDialog>
  );
}
