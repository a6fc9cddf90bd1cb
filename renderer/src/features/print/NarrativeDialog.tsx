import { useState } from 'react';
import { vi } from '../../../../shared/i18n/vi';
import { generatedNarrative } from '../../../../shared/reports/document';
import { NARRATIVE_FIELDS, NARRATIVE_LIMITS, narrativeOverrides, resolveNarrative, type EffectiveNarrative, type NarrativeField } from '../../../../shared/reports/narrative';
import type { ReportData } from '../../../../shared/reports/schema';
import { useApi } from '../../api/context';
import { FormDialog } from '../../components/FormDialog';
import { TextAreaField, TextField } from '../../components/fields';
import { useToast } from '../../components/Toast';
import { useFormErrors } from '../../hooks/useFormErrors';

const t = vi.documents.narrative;
const LABELS: Record<NarrativeField, { label: string; hint?: string; rows?: number }> = {
  kinhGui: { label: t.kinhGui, hint: t.kinhGuiHint },
  basis: { label: t.basis, hint: t.basisHint, rows: 3 },
  section1: { label: t.section1, hint: t.paragraphsHint, rows: 5 },
  section5: { label: t.section5, hint: t.paragraphsHint, rows: 5 },
  recipients: { label: t.recipients, hint: t.recipientsHint, rows: 3 },
  signerTitle: { label: t.signerTitle, hint: t.signerTitleHint, rows: 2 },
  signerName: { label: t.signerName },
};

/**
 * Sửa lời văn báo cáo: the words the unit may change (Kính gửi, Căn cứ, sections I and V, Nơi nhận,
 * the signer). Starts from the text the document shows; a field left as generated is saved as
 * "not changed", so it keeps following the data. Figures are not editable here by design.
 */
export function NarrativeDialog({ data, onClose, onSaved }: { data: ReportData; onClose: () => void; onSaved: () => void }) {
  const api = useApi();
  const notify = useToast();
  const errors = useFormErrors();
  const generated = generatedNarrative(data);
  const [text, setText] = useState<EffectiveNarrative>(() => resolveNarrative(data.narrative, generated));
  const [busy, setBusy] = useState(false);
  const save = async (values: EffectiveNarrative) => {
    errors.clear();
    setBusy(true);
    try {
      await api['reports.saveNarrative']({ campaignId: data.campaign.id, ...narrativeOverrides(values, generated) });
      notify(t.saved);
      onSaved();
    } catch (e) {
      errors.show(e);
    } finally {
      setBusy(false);
    }
  };
  const set = (f: NarrativeField) => (v: string) => setText((x) => ({ ...x, [f]: v }));
  return (
    <FormDialog title={t.title} onClose={onClose} onSubmit={() => save(text)} error={errors.formError} busy={busy} wide>
      <p className="hint">{t.hint}</p>
      {NARRATIVE_FIELDS.map((f) =>
        LABELS[f].rows ? (
          <TextAreaField key={f} label={LABELS[f].label} value={text[f]} onChange={set(f)} error={errors.fieldErrors[f]} rows={LABELS[f].rows} maxLength={NARRATIVE_LIMITS[f]} {...(LABELS[f].hint ? { hint: LABELS[f].hint } : {})} />
        ) : (
          <TextField key={f} label={LABELS[f].label} value={text[f]} onChange={set(f)} error={errors.fieldErrors[f]} maxLength={NARRATIVE_LIMITS[f]} {...(LABELS[f].hint ? { hint: LABELS[f].hint } : {})} />
        ),
      )}
      <div className="actions left">
        <button type="button" onClick={() => setText(generated)}>{t.reset}</button>
      </div>
    </FormDialog>
  );
}
