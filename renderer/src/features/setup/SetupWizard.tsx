import { useState } from 'react';
import { ApiCallError } from '../../../../shared/errors';
import { vi } from '../../../../shared/i18n/vi';
import { useApi } from '../../api/context';
import { useToast } from '../../components/Toast';
import { useFormErrors } from '../../hooks/useFormErrors';
import { emptyUnitDraft, IDENTITY_FIELDS, SIGNER_FIELDS, UnitProfileFields, type UnitDraft } from '../settings/unitProfileFields';

/** First run: the unit profile every report header and signature block needs. */
export function SetupWizard({ onDone }: { onDone: () => void }) {
  const api = useApi();
  const notify = useToast();
  const [step, setStep] = useState<1 | 2>(1);
  const [draft, setDraft] = useState<UnitDraft>(emptyUnitDraft);
  const [saving, setSaving] = useState(false);
  const errors = useFormErrors();

  const next = () => {
    const missing: Record<string, string> = {};
    if (!draft.name.trim()) missing.name = vi.errors.required;
    if (!draft.code.trim()) missing.code = vi.errors.required;
    if (Object.keys(missing).length) {
      setLocalErrors(missing);
      return;
    }
    setLocalErrors({});
    errors.clear();
    setStep(2);
  };
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});

  const finish = async () => {
    setSaving(true);
    errors.clear();
    try {
      await api['unit.save'](draft);
      notify(vi.wizard.done);
      onDone();
    } catch (e) {
      errors.show(e);
      const field = e instanceof ApiCallError ? e.path?.[0] : undefined;
      if (typeof field === 'string' && (IDENTITY_FIELDS as readonly string[]).includes(field)) setStep(1);
    } finally {
      setSaving(false);
    }
  };

  const fieldErrors = { ...errors.fieldErrors, ...localErrors };
  return (
    <div className="wizard">
      <form
        className="card"
        aria-label={vi.wizard.title}
        onSubmit={(e) => {
          e.preventDefault();
          if (step === 1) next();
          else void finish();
        }}
      >
        <h1>{vi.wizard.title}</h1>
        <p className="lead">{vi.wizard.intro}</p>
        <ol className="steps">
          <li className={step === 1 ? 'active' : ''}>{vi.wizard.step1}</li>
          <li className={step === 2 ? 'active' : ''}>{vi.wizard.step2}</li>
        </ol>
        {errors.formError && step === 2 && <div className="banner error" role="alert">{errors.formError}</div>}
        <UnitProfileFields
          key={step}
          fields={step === 1 ? IDENTITY_FIELDS : SIGNER_FIELDS}
          draft={draft}
          onChange={setDraft}
          errors={fieldErrors}
          autoFocusFirst
        />
        <div className="actions">
          {step === 2 && (
            <button type="button" onClick={() => setStep(1)}>
              {vi.common.back}
            </button>
          )}
          <button type="submit" className="primary" disabled={saving}>
            {step === 1 ? vi.common.next : saving ? vi.common.saving : vi.common.finish}
          </button>
        </div>
      </form>
    </div>
  );
}
