import { useState } from 'react';
import { CONFIRMATION_METHODS, CONFIRMED_BY, type ConfirmationMethod, type ConfirmedBy } from '../../../../shared/confirmations/schema';
import { ApiCallError } from '../../../../shared/errors';
import { vi } from '../../../../shared/i18n/vi';
import { useApi, useToday } from '../../api/context';
import { FormDialog } from '../../components/FormDialog';
import { DateField, SelectField, TextField } from '../../components/fields';
import { useToast } from '../../components/Toast';
import { useFormErrors } from '../../hooks/useFormErrors';

const t = vi.campaigns.confirm;

interface Props {
  /** One account (single) or many from one signed sheet (bulk, one transaction). */
  target: { kind: 'one'; accountId: number; loginName: string; systemName: string } | { kind: 'many'; accountIds: number[] };
  campaignId?: number | undefined;
  onClose: () => void;
  onSaved: () => void;
}

/**
 * Record that a password was changed: the date (today by default, so Enter, Enter is enough),
 * who confirmed and how. There is no field for the password itself.
 */
export function ConfirmDialog({ target, campaignId, onClose, onSaved }: Props) {
  const api = useApi();
  const today = useToday();
  const notify = useToast();
  const errors = useFormErrors();
  const [changedOn, setChangedOn] = useState<string | null>(today);
  const [confirmedBy, setConfirmedBy] = useState<ConfirmedBy>('owner');
  const [method, setMethod] = useState<ConfirmationMethod>(target.kind === 'many' ? 'sign_sheet' : 'seen_on_screen');
  const [note, setNote] = useState('');
  const [amendmentReason, setAmendmentReason] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    if (saving) return;
    setSaving(true);
    errors.clear();
    const common = { changedOn: changedOn ?? '', confirmedBy, method, note, ...(campaignId ? { campaignId } : {}), ...(amendmentReason ? { amendmentReason } : {}) };
    try {
      if (target.kind === 'one') {
        await api['confirmations.create']({ accountId: target.accountId, ...common });
        notify(t.done(target.loginName));
      } else {
        const r = await api['confirmations.bulkCreate']({ accountIds: target.accountIds, ...common });
        notify(t.bulkDone(r.count));
      }
      onSaved();
    } catch (e) {
      errors.show(e);
      // A reported campaign is locked: ask why, then the change is recorded as an amendment.
      if (e instanceof ApiCallError && e.path?.[0] === 'amendmentReason' && amendmentReason === null) setAmendmentReason('');
      setSaving(false);
    }
  };

  return (
    <FormDialog title={target.kind === 'one' ? t.title(target.loginName, target.systemName) : t.bulkTitle(target.accountIds.length)} onClose={onClose} onSubmit={save} error={errors.formError} busy={saving} submitLabel={vi.common.confirm}>
      <div className="form-grid">
        <DateField label={t.changedOn} value={changedOn} onChange={setChangedOn} error={errors.fieldErrors.changedOn} required autoFocus />
        <SelectField label={t.confirmedBy} value={confirmedBy} onChange={setConfirmedBy} options={CONFIRMED_BY.map((v) => ({ value: v, label: vi.campaigns.confirmedBy[v] }))} />
        <SelectField label={t.method} value={method} onChange={setMethod} options={CONFIRMATION_METHODS.map((v) => ({ value: v, label: vi.campaigns.method[v] }))} />
        <TextField label={t.note} value={note} onChange={setNote} error={errors.fieldErrors.note} maxLength={500} />
        {amendmentReason !== null && (
          <TextField label={t.amendmentReason} value={amendmentReason} onChange={setAmendmentReason} error={errors.fieldErrors.amendmentReason} required autoFocus maxLength={500} />
        )}
      </div>
      <p className="hint">{t.noPassword}</p>
    </FormDialog>
  );
}
