import { useCallback, useEffect, useState } from 'react';
import { formatViDate } from '../../../../shared/dates';
import { vi } from '../../../../shared/i18n/vi';
import { LEGAL_KINDS, type LegalDocument, type LegalKind } from '../../../../shared/legal/schema';
import { useApi } from '../../api/context';
import { FormDialog } from '../../components/FormDialog';
import { CheckboxField, DateField, SelectField, TextField } from '../../components/fields';
import { useToast } from '../../components/Toast';
import { useFormErrors } from '../../hooks/useFormErrors';

const t = vi.campaigns.legal;

/** Căn cứ pháp lý: the versioned register of documents reports cite. A change adds a version. */
export function LegalRegisterCard() {
  const api = useApi();
  const [docs, setDocs] = useState<LegalDocument[]>([]);
  const [showOld, setShowOld] = useState(false);
  const [editing, setEditing] = useState<LegalDocument | 'new' | null>(null);
  const load = useCallback(() => void api['legal.list']({ includeSuperseded: showOld }).then(setDocs), [api, showOld]);
  useEffect(load, [load]);
  return (
    <div className="card">
      <div className="card-head">
        <h2>{t.title}</h2>
        <span className="spacer" />
        <CheckboxField label={t.showOld} checked={showOld} onChange={setShowOld} />
        <button type="button" onClick={() => setEditing('new')}>+ {t.add}</button>
      </div>
      <table className="simple" aria-label={t.title}>
        <thead>
          <tr>
            <th>{t.number}</th>
            <th>{t.issuedOn}</th>
            <th>{t.issuer}</th>
            <th>{t.title_}</th>
            <th>{vi.fields.status}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {docs.map((d) => (
            <tr key={d.id} className={d.superseded ? 'muted' : ''}>
              <td>
                {d.number} {d.version > 1 && <span className="muted small">({t.version(d.version)})</span>}
              </td>
              <td>{formatViDate(d.issuedOn)}</td>
              <td>{d.issuer}</td>
              <td className="small">{d.title}</td>
              <td>{d.inForce ? t.inForce : d.superseded ? vi.campaigns.form.legalSuperseded : t.notInForce}</td>
              <td>{!d.superseded && <button type="button" className="link" onClick={() => setEditing(d)}>{t.revise}</button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing && (
        <LegalForm
          doc={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            load();
          }}
        />
      )}
    </div>
  );
}

function LegalForm({ doc, onClose, onSaved }: { doc: LegalDocument | null; onClose: () => void; onSaved: () => void }) {
  const api = useApi();
  const notify = useToast();
  const errors = useFormErrors();
  const [kind, setKind] = useState<LegalKind>(doc?.kind ?? 'letter');
  const [number, setNumber] = useState(doc?.number ?? '');
  const [issuedOn, setIssuedOn] = useState<string | null>(doc?.issuedOn ?? null);
  const [issuer, setIssuer] = useState(doc?.issuer ?? '');
  const [title, setTitle] = useState(doc?.title ?? '');
  const [effectiveFrom, setFrom] = useState<string | null>(doc?.effectiveFrom ?? null);
  const [effectiveTo, setTo] = useState<string | null>(doc?.effectiveTo ?? null);
  const save = async () => {
    errors.clear();
    const input = { kind, number, issuedOn, issuer, title, effectiveFrom, effectiveTo };
    if (!(doc ? errors.check('legal.revise', { id: doc.id, ...input }) : errors.check('legal.create', input))) return;
    try {
      if (doc) await api['legal.revise']({ id: doc.id, ...input });
      else await api['legal.create'](input);
      notify(vi.common.saved);
      onSaved();
    } catch (e) {
      errors.show(e);
    }
  };
  return (
    <FormDialog title={doc ? t.revise : t.add} onClose={onClose} onSubmit={save} error={errors.formError}>
      <div className="form-grid">
        <SelectField label={t.kind} value={kind} onChange={setKind} options={LEGAL_KINDS.map((k) => ({ value: k, label: t.kinds[k] }))} />
        <TextField label={t.number} value={number} onChange={setNumber} error={errors.fieldErrors.number} required autoFocus />
        <DateField label={t.issuedOn} value={issuedOn} onChange={setIssuedOn} error={errors.fieldErrors.issuedOn} />
        <TextField label={t.issuer} value={issuer} onChange={setIssuer} error={errors.fieldErrors.issuer} />
        <DateField label={t.effectiveFrom} value={effectiveFrom} onChange={setFrom} error={errors.fieldErrors.effectiveFrom} />
        <DateField label={t.effectiveTo} value={effectiveTo} onChange={setTo} error={errors.fieldErrors.effectiveTo} />
      </div>
      <TextField label={t.title_} value={title} onChange={setTitle} error={errors.fieldErrors.title} required maxLength={500} />
    </FormDialog>
  );
}
