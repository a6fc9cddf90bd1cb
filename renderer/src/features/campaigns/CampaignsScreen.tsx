import { useCallback, useEffect, useState } from 'react';
import { symbolFor } from '../../../../shared/reports/symbols';
import type { Campaign, CampaignProgress } from '../../../../shared/campaigns/schema';
import { formatViDate } from '../../../../shared/dates';
import { vi } from '../../../../shared/i18n/vi';
import { useApi, useToday } from '../../api/context';
import { FormDialog } from '../../components/FormDialog';
import { DateField, TextField } from '../../components/fields';
import { useToast } from '../../components/Toast';
import { useFormErrors } from '../../hooks/useFormErrors';
import { CampaignCard } from './CampaignCard';
import { CampaignForm } from './CampaignForm';
import { CampaignFileImport } from '../district/CampaignFileImport';

const t = vi.campaigns;

/** Đợt rà soát: campaigns with their progress and lifecycle (draft → in progress → reported → sent). */
export function CampaignsScreen({ startNew }: { startNew?: boolean }) {
  const api = useApi();
  const notify = useToast();
  const [items, setItems] = useState<CampaignProgress[] | null>(null);
  const [editing, setEditing] = useState<Campaign | 'new' | null>(startNew ? 'new' : null);
  const [step, setStep] = useState<{ campaign: Campaign; to: 'reported' | 'sent' } | null>(null);

  const load = useCallback(async () => {
    const campaigns = await api['campaigns.list']({});
    setItems(await Promise.all(campaigns.map((c) => api['campaigns.progress']({ id: c.id }))));
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);

  const start = async (c: Campaign) => {
    try {
      await api['campaigns.advance']({ id: c.id, to: 'in_progress' });
      notify(vi.common.saved);
      void load();
    } catch (e) {
      notify((e as Error).message, 'error');
    }
  };

  return (
    <section className="screen scroll" aria-labelledby="campaigns-title">
      <header className="screen-head">
        <h1 id="campaigns-title">{t.list.title}</h1>
        <CampaignFileImport onImported={(id) => (window.location.hash = `#/campaigns/${id}`)} />
        <button type="button" className="primary" onClick={() => setEditing('new')}>+ {t.list.add}</button>
      </header>
      {items?.length === 0 && <p className="muted">{t.list.empty}</p>}
      {items?.map((p) => {
        const c = p.campaign;
        return (
          <div key={c.id} className="card campaign-row">
            <CampaignCard progress={p} />
            <div className="campaign-meta muted small">
              {c.issuer && <span>{c.issuer}</span>}
              {c.startedOn && <span>{t.lifecycle.started(formatViDate(c.startedOn))}</span>}
              {c.reportNumber && c.reportedOn && <span>{t.lifecycle.reported(c.reportNumber, formatViDate(c.reportedOn))}</span>}
              {c.sentOn && <span>{t.lifecycle.sent(formatViDate(c.sentOn))}</span>}
            </div>
            <div className="actions left">
              <a className="button primary" href={`#/campaigns/${c.id}`}>{t.list.open}</a>
              <a className="button" href={`#/print/sign-sheet?campaign=${c.id}`}>{t.list.signSheet}</a>
              {(c.status === 'draft' || c.status === 'in_progress') && (
                <button type="button" onClick={() => setEditing(c)}>{t.list.edit}</button>
              )}
              {c.status === 'draft' && <button type="button" onClick={() => void start(c)}>{t.lifecycle.start}</button>}
              {c.status === 'in_progress' && <button type="button" onClick={() => setStep({ campaign: c, to: 'reported' })}>{t.lifecycle.report}</button>}
              {c.status === 'reported' && <button type="button" onClick={() => setStep({ campaign: c, to: 'sent' })}>{t.lifecycle.send}</button>}
              {(c.status === 'reported' || c.status === 'sent') && <span className="muted small">{t.lifecycle.lockedNote}</span>}
            </div>
          </div>
        );
      })}
      {editing && (
        <CampaignForm
          campaign={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(c) => {
            setEditing(null);
            if (editing === 'new') window.location.hash = `#/campaigns/${c.id}`;
            else void load();
          }}
        />
      )}
      {step && (
        <LifecycleDialog
          campaign={step.campaign}
          to={step.to}
          onClose={() => setStep(null)}
          onSaved={() => {
            setStep(null);
            void load();
          }}
        />
      )}
    </section>
  );
}

function LifecycleDialog({ campaign, to, onClose, onSaved }: { campaign: Campaign; to: 'reported' | 'sent'; onClose: () => void; onSaved: () => void }) {
  const api = useApi();
  const today = useToday();
  const notify = useToast();
  const errors = useFormErrors();
  const [reportNumber, setReportNumber] = useState('');
  const [date, setDate] = useState<string | null>(today);
  const [signer, setSigner] = useState('');
  useEffect(() => {
    if (to === 'reported') {
      void api['unit.get']({}).then((u) => {
        if (!u) return;
        setSigner(u.headName);
        setReportNumber(`/${symbolFor('report', u.reportSymbol)}`);
      });
    }
  }, [api, to]);
  const save = async () => {
    errors.clear();
    const input = to === 'reported' ? { id: campaign.id, to, reportNumber, reportedOn: date ?? '', signer } : { id: campaign.id, to, sentOn: date ?? '' };
    if (!errors.check('campaigns.advance', input)) return;
    try {
      await api['campaigns.advance'](input);
      notify(vi.common.saved);
      onSaved();
    } catch (e) {
      errors.show(e);
    }
  };
  return (
    <FormDialog title={to === 'reported' ? t.lifecycle.reportTitle : t.lifecycle.sendTitle} onClose={onClose} onSubmit={save} error={errors.formError}>
      <div className="form-grid">
        {to === 'reported' && <TextField label={t.lifecycle.reportNumber} value={reportNumber} onChange={setReportNumber} error={errors.fieldErrors.reportNumber} required autoFocus />}
        <DateField
          label={to === 'reported' ? t.lifecycle.reportedOn : t.lifecycle.sentOn}
          value={date}
          onChange={setDate}
          error={errors.fieldErrors[to === 'reported' ? 'reportedOn' : 'sentOn']}
          required
          autoFocus={to === 'sent'}
        />
        {to === 'reported' && <TextField label={t.lifecycle.signer} value={signer} onChange={setSigner} error={errors.fieldErrors.signer} required />}
      </div>
    </FormDialog>
  );
}
