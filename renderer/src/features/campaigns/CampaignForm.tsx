import { useEffect, useState } from 'react';
import type { Campaign } from '../../../../shared/campaigns/schema';
import { formatViDate } from '../../../../shared/dates';
import { vi } from '../../../../shared/i18n/vi';
import type { LegalDocument } from '../../../../shared/legal/schema';
import type { TrackedSystem } from '../../../../shared/systems/schema';
import { useApi, useToday } from '../../api/context';
import { FormDialog } from '../../components/FormDialog';
import { DateField, TextField } from '../../components/fields';
import { useToast } from '../../components/Toast';
import { useFormErrors } from '../../hooks/useFormErrors';

const t = vi.campaigns.form;

/** Create or edit a review campaign from its directive: scope (systems), legal basis, dates, recipient. */
export function CampaignForm({ campaign, onClose, onSaved }: { campaign: Campaign | null; onClose: () => void; onSaved: (c: Campaign) => void }) {
  const api = useApi();
  const today = useToday();
  const notify = useToast();
  const errors = useFormErrors({ directiveNumber: t.directiveNumber, directiveDate: t.directiveDate, issuer: t.issuer, subject: t.subject, systemIds: t.systems, legalIds: t.legal, startDate: t.startDate, deadline: t.deadline, recipient: t.recipient, note: t.note });
  const [systems, setSystems] = useState<TrackedSystem[]>([]);
  const [legal, setLegal] = useState<LegalDocument[]>([]);
  const [directiveNumber, setDirectiveNumber] = useState(campaign?.directiveNumber ?? '');
  const [directiveDate, setDirectiveDate] = useState<string | null>(campaign?.directiveDate ?? null);
  const [issuer, setIssuer] = useState(campaign?.issuer ?? '');
  const [subject, setSubject] = useState(campaign?.subject ?? '');
  const [systemIds, setSystemIds] = useState<number[]>(campaign?.systemIds ?? []);
  const [legalIds, setLegalIds] = useState<number[]>(campaign?.legalIds ?? []);
  const [startDate, setStartDate] = useState<string | null>(campaign?.startDate ?? today);
  const [deadline, setDeadline] = useState<string | null>(campaign?.deadline ?? null);
  const [recipient, setRecipient] = useState(campaign?.recipient ?? '');
  const [note, setNote] = useState(campaign?.note ?? '');

  useEffect(() => {
    void api['systems.list']({}).then((s) => {
      setSystems(s);
      if (!campaign) setSystemIds(s.filter((x) => x.active).map((x) => x.id));
    });
    void api['legal.list']({ includeSuperseded: true }).then((docs) => setLegal(docs.filter((d) => !d.superseded || campaign?.legalIds.includes(d.id))));
    if (!campaign) void api['unit.get']({}).then((u) => u && setRecipient((r) => r || u.recipientName));
  }, [api, campaign]);

  const toggle = (list: number[], id: number) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);

  const save = async () => {
    errors.clear();
    const input = { directiveNumber, directiveDate, issuer, subject, systemIds, legalIds, startDate: startDate ?? '', deadline: deadline ?? '', recipient, note };
    if (!(campaign ? errors.check('campaigns.update', { id: campaign.id, ...input }) : errors.check('campaigns.create', input))) return;
    try {
      const saved = campaign ? await api['campaigns.update']({ id: campaign.id, ...input }) : await api['campaigns.create'](input);
      notify(t.saved);
      onSaved(saved);
    } catch (e) {
      errors.show(e);
    }
  };

  return (
    <FormDialog title={campaign ? t.edit : t.create} onClose={onClose} onSubmit={save} error={errors.formError} wide>
      <div className="form-grid">
        <TextField label={t.directiveNumber} value={directiveNumber} onChange={setDirectiveNumber} error={errors.fieldErrors.directiveNumber} required autoFocus placeholder={t.directiveNumberHint} />
        <DateField label={t.directiveDate} value={directiveDate} onChange={setDirectiveDate} error={errors.fieldErrors.directiveDate} />
        <TextField label={t.issuer} value={issuer} onChange={setIssuer} error={errors.fieldErrors.issuer} />
        <DateField label={t.startDate} value={startDate} onChange={setStartDate} error={errors.fieldErrors.startDate} required />
        <DateField label={t.deadline} value={deadline} onChange={setDeadline} error={errors.fieldErrors.deadline} required />
        <TextField label={t.recipient} value={recipient} onChange={setRecipient} error={errors.fieldErrors.recipient} />
      </div>
      <TextField label={t.subject} value={subject} onChange={setSubject} error={errors.fieldErrors.subject} required maxLength={500} />
      <fieldset className={`checks ${errors.fieldErrors.systemIds ? 'has-error' : ''}`}>
        <legend>{t.systems}</legend>
        {systems.map((s) => (
          <label key={s.id} className="checkbox-inline">
            <input type="checkbox" checked={systemIds.includes(s.id)} onChange={() => setSystemIds((l) => toggle(l, s.id))} /> {s.name}
          </label>
        ))}
        {errors.fieldErrors.systemIds && <div className="error-text">{t.pickSystems}</div>}
      </fieldset>
      <fieldset className="checks">
        <legend>{t.legal}</legend>
        {legal.map((d) => (
          <label key={d.id} className="checkbox-inline">
            <input type="checkbox" checked={legalIds.includes(d.id)} onChange={() => setLegalIds((l) => toggle(l, d.id))} /> {d.number}
            {d.issuedOn && <span className="muted"> ({formatViDate(d.issuedOn)})</span>} <span className="muted small">{d.title}</span>
            {d.superseded && <span className="badge status-left"> {t.legalSuperseded}</span>}
            {!d.superseded && !d.inForce && <span className="badge status-left"> {t.legalNotInForce}</span>}
          </label>
        ))}
      </fieldset>
      <TextField label={t.note} value={note} onChange={setNote} error={errors.fieldErrors.note} maxLength={500} />
    </FormDialog>
  );
}
