import { useEffect, useState } from 'react';
import type { EvaluationWindows } from '../../../../shared/evaluation/rules';
import { vi } from '../../../../shared/i18n/vi';
import { useApi } from '../../api/context';
import { Field } from '../../components/fields';
import { useToast } from '../../components/Toast';
import { useFormErrors } from '../../hooks/useFormErrors';

const t = vi.evaluation;
const KEYS = ['selfEvalStartDay', 'selfEvalEndDay', 'unitEvalDay', 'sendBeforeDay'] as const;

/** The four days of the cycle, as the district's letter sets them (settings; checked by the core). */
export function WindowsForm({ windows, onSaved }: { windows: EvaluationWindows; onSaved: () => void }) {
  const api = useApi();
  const notify = useToast();
  const errors = useFormErrors();
  const [draft, setDraft] = useState<Record<(typeof KEYS)[number], string>>(() => toDraft(windows));
  useEffect(() => setDraft(toDraft(windows)), [windows]);

  const save = async () => {
    errors.clear();
    // Text that is not a whole number goes as is: the core answers with the field's message.
    const input = Object.fromEntries(KEYS.map((k) => [k, /^\d{1,2}$/.test(draft[k].trim()) ? Number(draft[k]) : draft[k]])) as unknown as EvaluationWindows;
    if (!errors.check('settings.save', input)) return;
    try {
      await api['settings.save'](input);
      notify(t.settings.saved);
      onSaved();
    } catch (e) {
      errors.show(e);
    }
  };

  return (
    <form
      className="card eval-settings"
      aria-label={t.settings.title}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2>{t.settings.title}</h2>
      <p className="hint">{t.settings.hint}</p>
      {errors.formError && <div className="banner error" role="alert">{errors.formError}</div>}
      <div className="form-grid">
        {KEYS.map((k) => (
          <Field key={k} label={t.fields[k]} error={errors.fieldErrors[k]}>
            {(id, describedBy) => (
              <input
                id={id}
                aria-describedby={describedBy}
                inputMode="numeric"
                maxLength={2}
                value={draft[k]}
                onChange={(e) => setDraft({ ...draft, [k]: e.target.value })}
                aria-invalid={errors.fieldErrors[k] ? true : undefined}
              />
            )}
          </Field>
        ))}
      </div>
      <div className="actions">
        <button type="submit" className="primary">{vi.common.save}</button>
      </div>
    </form>
  );
}

function toDraft(w: EvaluationWindows): Record<(typeof KEYS)[number], string> {
  return { selfEvalStartDay: String(w.selfEvalStartDay), selfEvalEndDay: String(w.selfEvalEndDay), unitEvalDay: String(w.unitEvalDay), sendBeforeDay: String(w.sendBeforeDay) };
}
