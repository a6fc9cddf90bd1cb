import { useEffect, useState } from 'react';
import { OFFICE_LEVELS, type DistrictSettings, type OfficeLevel } from '../../../../shared/district/schema';
import { vi } from '../../../../shared/i18n/vi';
import { useApi } from '../../api/context';
import { CheckboxField, SelectField, TextField } from '../../components/fields';
import { useToast } from '../../components/Toast';
import { useFormErrors } from '../../hooks/useFormErrors';

const T = vi.district.settings;

/** Cài đặt → receiving mode: a setting of the home unit (its level and address are data, since 07/2025). */
export function ReceivingModeCard({ onSaved }: { onSaved: () => void }) {
  const api = useApi();
  const notify = useToast();
  const errors = useFormErrors();
  const [s, setS] = useState<DistrictSettings | null>(null);
  useEffect(() => {
    void api['district.settings']({}).then(setS);
  }, [api]);
  if (!s) return null;
  const save = async () => {
    errors.clear();
    const input = { receivingMode: s.receivingMode, officeLevel: s.officeLevel, officeAddress: s.officeAddress };
    if (!errors.check('district.saveSettings', input)) return;
    try {
      setS(await api['district.saveSettings'](input));
      notify(T.saved);
      onSaved();
    } catch (e) {
      errors.show(e);
    }
  };
  return (
    <form
      className="card"
      aria-label={T.title}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2>{T.title}</h2>
      <p className="hint">{T.hint}</p>
      {errors.formError && <div className="banner error" role="alert">{errors.formError}</div>}
      <CheckboxField label={T.receivingMode} checked={s.receivingMode} onChange={(receivingMode) => setS({ ...s, receivingMode })} />
      {s.receivingMode && (
        <div className="form-grid">
          <SelectField<OfficeLevel>
            label={T.officeLevel}
            value={s.officeLevel}
            onChange={(officeLevel) => setS({ ...s, officeLevel })}
            options={OFFICE_LEVELS.map((l) => ({ value: l, label: vi.district.levels[l] }))}
          />
          <TextField label={T.officeAddress} value={s.officeAddress} onChange={(officeAddress) => setS({ ...s, officeAddress })} error={errors.fieldErrors.officeAddress} />
        </div>
      )}
      {s.receivingMode && <p className="small muted">{T.officeName(s.officeName)}</p>}
      <div className="actions">
        <button type="submit" className="primary">{vi.common.save}</button>
      </div>
    </form>
  );
}
