import { useState } from 'react';
import { contract } from '../../../../shared/api/contract';
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
    errors.clear();
    if (errors.check('unit.save', draft, IDENTITY_FIELDS)) setStep(2);
  };

  const finish = async () => {
    setSaving(true);
    errors.clear();
    if (!errors.check('unit.save', draft)) {
      const bad = contract['unit.save'].input.safeParse(draft).error?.issues.map((i) => i.path[0]) ?? [];
      if (bad.some((f) => (IDENTITY_FIELDS as readonly PropertyKey[]).includes(f as PropertyKey))) setStep(1);
      setSaving(false);
      return;
    }
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

  const fieldErrors = errors.fieldErrors;
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
        {errors.formError && <div className="banner error" role="alert">{errors.formError}</div>}
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
