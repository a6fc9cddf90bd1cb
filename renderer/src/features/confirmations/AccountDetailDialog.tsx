import { useCallback, useEffect, useState } from 'react';
import { ACCOUNT_STATUSES, type Account, type AccountStatus } from '../../../../shared/accounts/schema';
import type { Confirmation } from '../../../../shared/confirmations/schema';
import { formatViDate, formatViDateTime } from '../../../../shared/dates';
import { vi } from '../../../../shared/i18n/vi';
import { useApi } from '../../api/context';
import { Dialog } from '../../components/Dialog';
import { useToast } from '../../components/Toast';
import { ConfirmDialog } from './ConfirmDialog';
import { ForcedBanner } from '../devices/ForcedBadge';

const t = vi.campaigns.confirm;

/** One account: its rotation state, its confirmation history (voided ones too), and the fixes. */
export function AccountDetailDialog({ accountId, onClose, onChanged }: { accountId: number; onClose: () => void; onChanged: () => void }) {
  const api = useApi();
  const notify = useToast();
  const [account, setAccount] = useState<Account | null>(null);
  const [history, setHistory] = useState<Confirmation[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [voiding, setVoiding] = useState<Confirmation | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    void api['accounts.get']({ id: accountId }).then(setAccount).catch((e: Error) => setError(e.message));
    void api['confirmations.history']({ accountId }).then(setHistory);
  }, [api, accountId]);
  useEffect(load, [load]);

  const setStatus = async (status: AccountStatus) => {
    try {
      await api['accounts.setStatus']({ id: accountId, status });
      notify(vi.accounts.updated(account?.loginName ?? ''));
      load();
      onChanged();
    } catch (e) {
      notify((e as Error).message, 'error');
    }
  };

  const voidIt = async () => {
    if (!voiding) return;
    try {
      await api['confirmations.void']({ id: voiding.id, reason });
      notify(t.voidDone);
      setVoiding(null);
      setReason('');
      setError(null);
      load();
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  if (confirming && account) {
    return (
      <ConfirmDialog
        target={{ kind: 'one', accountId, loginName: account.loginName, systemName: account.systemName, ownerName: account.personName }}
        onClose={() => setConfirming(false)}
        onSaved={() => {
          setConfirming(false);
          load();
          onChanged();
        }}
      />
    );
  }
  return (
    <Dialog title={account ? `${t.detail}: ${account.loginName}` : t.detail} onClose={onClose} wide>
      {error && <div className="banner error" role="alert">{error}</div>}
      {account && (
        <>
          {account.forced && <ForcedBanner forced={account.forced} />}
          <dl className="facts">
            <dt>{vi.fields.systemId}</dt>
            <dd>{account.systemName}</dd>
            <dt>{vi.accounts.owner}</dt>
            <dd>
              {account.personName ?? vi.accounts.shared}
              {account.personStatus && account.personStatus !== 'working' && <span className="badge status-left"> {vi.personStatus[account.personStatus]}</span>}
            </dd>
            <dt>{vi.fields.role}</dt>
            <dd>{vi.accountRole[account.role]}</dd>
            <dt>{t.lastChanged}</dt>
            <dd>{formatViDate(account.lastChangedOn) || vi.common.none}</dd>
            <dt>{t.nextDue}</dt>
            <dd>
              {formatViDate(account.nextDue) || vi.common.none}{' '}
              <span className={`badge rot-${account.rotation}`}>{vi.campaigns.rotationState[account.rotation]}</span>
              {account.daysLeft !== null && <span className="muted"> · {vi.campaigns.daysLeft(account.daysLeft)}</span>}
            </dd>
            <dt>{vi.fields.status}</dt>
            <dd>
              <select aria-label={vi.accounts.setStatus} value={account.status} onChange={(e) => void setStatus(e.target.value as AccountStatus)}>
                {ACCOUNT_STATUSES.map((s) => (
                  <option key={s} value={s}>{vi.accountStatus[s]}</option>
                ))}
              </select>
            </dd>
          </dl>
          <div className="actions">
            <button type="button" className="primary" onClick={() => setConfirming(true)} autoFocus disabled={account.status === 'cancelled'}>
              {vi.campaigns.dashboard.fix.overdue}
            </button>
          </div>
          <h3>{t.history}</h3>
          {history.length === 0 && <p className="muted">{t.historyEmpty}</p>}
          <ul className="history" aria-label={t.history}>
            {history.map((c) => (
              <li key={c.id} className={c.voidedAt ? 'voided' : ''}>
                <strong>{formatViDate(c.changedOn)}</strong> — {vi.campaigns.confirmedBy[c.confirmedBy]}, {vi.campaigns.method[c.method]}
                {c.note && <> — {c.note}</>}
                <div className="muted small">{t.recorded(c.recordedBy, formatViDateTime(c.recordedAt))}</div>
                {c.voidedAt ? (
                  <div className="small void-note">{t.voided(c.voidedBy ?? '', formatViDateTime(c.voidedAt), c.voidReason ?? '')}</div>
                ) : voiding?.id === c.id ? (
                  <form
                    className="inline-form"
                    onSubmit={(e) => {
                      e.preventDefault();
                      void voidIt();
                    }}
                  >
                    <input aria-label={t.voidReason} placeholder={t.voidReason} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus maxLength={300} />
                    <button type="submit">{t.void}</button>
                    <button type="button" onClick={() => setVoiding(null)}>{vi.common.cancel}</button>
                  </form>
                ) : (
                  <button type="button" className="link" onClick={() => setVoiding(c)}>{t.void}</button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </Dialog>
  );
}
