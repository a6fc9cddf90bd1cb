import { useEffect, useState } from 'react';
import { CONFIRMATION_METHODS, CONFIRMED_BY, type ConfirmationMethod, type ConfirmationPreview, type ConfirmedBy, type NotCounted } from '../../../../shared/confirmations/schema';
import { formatViDate } from '../../../../shared/dates';
import { ApiCallError } from '../../../../shared/errors';
import { vi } from '../../../../shared/i18n/vi';
import { useApi, useToday } from '../../api/context';
import { FormDialog } from '../../components/FormDialog';
import { DateField, SelectField, TextField } from '../../components/fields';
import { useToast } from '../../components/Toast';
import { useFormErrors } from '../../hooks/useFormErrors';

const t = vi.campaigns.confirm;
const F = vi.figures;

/** Why this confirmation will not count, in the clerk's words. */
export function notCountedText(n: NotCounted): string {
  const d = formatViDate(n.date);
  if (n.reason === 'before_start') return F.reason.before_start(n.loginName, d);
  if (n.reason === 'infected') return F.reason.infected(n.loginName, n.assetTag ?? '', d);
  return F.reason.before_remediation(n.loginName, n.assetTag ?? '', d);
}

/** What the clerk confirms: the owner's name beside login and system, so two "annn3" are told apart. */
export interface ConfirmTarget {
  accountId: number;
  loginName: string;
  systemName: string;
  /** null for a shared account. */
  ownerName: string | null;
}

interface Props {
  /** One account (single) or many from one signed sheet (bulk, one transaction). */
  target: ({ kind: 'one' } & ConfirmTarget) | { kind: 'many'; accounts: ConfirmTarget[] };
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
  const [preview, setPreview] = useState<ConfirmationPreview | null>(null);
  const accountIds = target.kind === 'one' ? [target.accountId] : target.accounts.map((a) => a.accountId);
  const idsKey = accountIds.join(',');

  // Rules 2 and 5: tell the clerk before saving when this date will not count, and why.
  useEffect(() => {
    if (!changedOn || accountIds.length === 0) {
      setPreview(null);
      return;
    }
    let live = true;
    api['confirmations.preview']({ accountIds, changedOn, ...(campaignId ? { campaignId } : {}) })
      .then((p) => live && setPreview(p))
      .catch(() => live && setPreview(null));
    return () => {
      live = false;
    };
  }, [api, idsKey, changedOn, campaignId]);

  const save = async () => {
    if (saving) return;
    setSaving(true);
    errors.clear();
    const common = { changedOn: changedOn ?? '', confirmedBy, method, note, ...(campaignId ? { campaignId } : {}), ...(amendmentReason ? { amendmentReason } : {}) };
    if (!(target.kind === 'one' ? errors.check('confirmations.create', { accountId: target.accountId, ...common }) : errors.check('confirmations.bulkCreate', { accountIds, ...common }))) {
      setSaving(false);
      return;
    }
    try {
      if (target.kind === 'one') {
        await api['confirmations.create']({ accountId: target.accountId, ...common });
        notify(preview && preview.count > 0 ? F.savedNotCounted(target.loginName) : t.done(target.loginName));
      } else {
        const r = await api['confirmations.bulkCreate']({ accountIds, ...common });
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
    <FormDialog title={target.kind === 'one' ? t.title(target.loginName, target.systemName) : t.bulkTitle(target.accounts.length)} onClose={onClose} onSubmit={save} error={errors.formError} busy={saving} submitLabel={vi.common.confirm}>
      {target.kind === 'one' ? (
        <p className="confirm-who">
          {vi.accounts.owner}: <strong>{target.ownerName ?? vi.accounts.shared}</strong>
        </p>
      ) : (
        <div className="confirm-list" role="region" aria-label={t.bulkListLabel} tabIndex={0}>
          <ol>
            {target.accounts.map((a) => (
              <li key={a.accountId}>
                <strong>{a.ownerName ?? vi.accounts.shared}</strong> · <code>{a.loginName}</code> · <span className="muted">{a.systemName}</span>
              </li>
            ))}
          </ol>
        </div>
      )}
      <div className="form-grid">
        <DateField label={t.changedOn} value={changedOn} onChange={setChangedOn} error={errors.fieldErrors.changedOn} required autoFocus />
        <SelectField label={t.confirmedBy} value={confirmedBy} onChange={setConfirmedBy} options={CONFIRMED_BY.map((v) => ({ value: v, label: vi.campaigns.confirmedBy[v] }))} />
        <SelectField label={t.method} value={method} onChange={setMethod} options={CONFIRMATION_METHODS.map((v) => ({ value: v, label: vi.campaigns.method[v] }))} />
        <TextField label={t.note} value={note} onChange={setNote} error={errors.fieldErrors.note} maxLength={500} />
        {amendmentReason !== null && (
          <TextField label={t.amendmentReason} value={amendmentReason} onChange={setAmendmentReason} error={errors.fieldErrors.amendmentReason} required autoFocus maxLength={500} />
        )}
      </div>
      {preview && preview.count > 0 && (
        <div className="banner warn" role="alert" data-testid="not-counted">
          <strong>{F.willNotCount}</strong>
          <ul>
            {preview.notCounted.map((n) => (
              <li key={n.accountId}>{notCountedText(n)}</li>
            ))}
          </ul>
          {preview.count > preview.notCounted.length && <p>{F.moreReasons(preview.count - preview.notCounted.length)}</p>}
        </div>
      )}
      <p className="hint">{t.noPassword}</p>
    </FormDialog>
  );
}
