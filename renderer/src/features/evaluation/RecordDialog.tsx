import { useState } from 'react';
import type { EvaluationMonth } from '../../../../shared/evaluation/schema';
import { vi } from '../../../../shared/i18n/vi';
import { useApi } from '../../api/context';
import { Dialog } from '../../components/Dialog';
import { DateField, TextField } from '../../components/fields';
import { useToast } from '../../components/Toast';
import { useFormErrors } from '../../hooks/useFormErrors';

const t = vi.evaluation;

interface Props {
  month: EvaluationMonth;
  defaultRecipient: string;
  onClose: () => void;
  onSaved: (m: EvaluationMonth) => void;
}

/**
 * Record (or correct) one month: the three actual dates and where the PDF went. Lateness is not
 * a field: the core computes it. Enter saves, Esc closes; errors show under their field.
 */
export function RecordDialog({ month, defaultRecipient, onClose, onSaved }: Props) {
  const api = useApi();
  const notify = useToast();
  const errors = useFormErrors();
  const r = month.record;
  const [selfEvalDoneOn, setSelf] = useState<string | null>(r?.selfEvalDoneOn ?? null);
  const [unitEvalOn, setUnit] = useState<string | null>(r?.unitEvalOn ?? null);
  const [pdfSentOn, setSent] = useState<string | null>(r?.pdfSentOn ?? null);
  const [sentTo, setSentTo] = useState(r?.sentTo || defaultRecipient);
  const [note, setNote] = useState(r?.note ?? '');
  const [saving, setSaving] = useState(false);
  // A change clears the server's messages, so only DateField's own "cannot read" marks remain.
  const edit =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      if (errors.formError || Object.keys(errors.fieldErrors).length) errors.clear();
      set(v);
    };

  const save = async () => {
    errors.clear();
    const input = { month: month.month, selfEvalDoneOn, unitEvalOn, pdfSentOn, sentTo: pdfSentOn ? sentTo : '', note };
    if (!errors.check('evaluation.record', input)) return;
    setSaving(true);
    try {
      const saved = await api['evaluation.record'](input);
      notify(t.record.saved(month.month));
      onSaved(saved);
    } catch (e) {
      errors.show(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog title={t.record.title(month.month)} onClose={onClose}>
      <form
        aria-label={t.record.title(month.month)}
        onSubmit={(e) => {
          e.preventDefault();
          // DateField hands null for text it cannot read: never save such a date as "empty".
          const invalid = e.currentTarget.querySelector<HTMLElement>('[aria-invalid="true"]');
          if (invalid) invalid.focus();
          else void save();
        }}
      >
        <p className="hint">{t.record.hint}</p>
        {errors.formError && <div className="banner error" role="alert">{errors.formError}</div>}
        <div className="form-grid">
          <DateField label={t.fields.selfEvalDoneOn} value={selfEvalDoneOn} onChange={edit(setSelf)} error={errors.fieldErrors.selfEvalDoneOn} autoFocus />
          <DateField label={t.fields.unitEvalOn} value={unitEvalOn} onChange={edit(setUnit)} error={errors.fieldErrors.unitEvalOn} />
          <DateField label={t.fields.pdfSentOn} value={pdfSentOn} onChange={edit(setSent)} error={errors.fieldErrors.pdfSentOn} />
          <TextField label={t.fields.sentTo} value={sentTo} onChange={edit(setSentTo)} error={errors.fieldErrors.sentTo} hint={t.record.recipientHint} maxLength={200} />
          <TextField label={vi.fields.note ?? ''} value={note} onChange={edit(setNote)} error={errors.fieldErrors.note} maxLength={500} />
        </div>
        {errors.fieldErrors.month && <div className="banner error" role="alert">{errors.fieldErrors.month}</div>}
        <div className="actions">
          <button type="button" onClick={onClose}>{vi.common.cancel}</button>
          <button type="submit" className="primary" disabled={saving}>{saving ? vi.common.saving : vi.common.save}</button>
        </div>
      </form>
    </Dialog>
  );
}
