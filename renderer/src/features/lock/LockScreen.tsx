import { useEffect, useState } from 'react';
import { ApiCallError } from '../../../../shared/errors';
import { vi } from '../../../../shared/i18n/vi';
import type { LockStatus } from '../../../../shared/lock/schema';
import { useApi } from '../../api/context';
import { Field } from '../../components/fields';

const T = vi.reliability.lock;

/** Shown instead of the app while it is locked: only the passphrase field, nothing of the data. */
export function LockScreen({ status, onUnlocked }: { status: LockStatus; onUnlocked: (s: LockStatus) => void }) {
  const api = useApi();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [wait, setWait] = useState(status.retryAfterSeconds);

  useEffect(() => {
    if (wait <= 0) return;
    const t = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(t);
  }, [wait]);

  const unlock = async () => {
    setBusy(true);
    setError(null);
    try {
      onUnlocked(await api['lock.unlock']({ passphrase }));
    } catch (e) {
      setPassphrase('');
      setError(e instanceof Error ? e.message : vi.errors.internal);
      const s = await api['lock.status']({}).catch(() => null);
      if (s) setWait(s.retryAfterSeconds);
      if (e instanceof ApiCallError && e.code === 'FORBIDDEN' && s && !s.locked) onUnlocked(s);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="lock-screen">
      <form
        className="card lock-card"
        aria-label={T.screenTitle}
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy && wait <= 0 && passphrase) void unlock();
        }}
      >
        <div className="brand-line">{vi.app.name}</div>
        <h1>{T.screenTitle}</h1>
        <p className="muted">{T.screenLead}</p>
        <Field label={vi.reliability.fields.passphrase!} error={error ?? undefined} alert>
          {(id, describedBy) => (
            <input
              id={id}
              aria-describedby={describedBy}
              type="password"
              autoFocus
              autoComplete="current-password"
              value={passphrase}
              maxLength={256}
              onChange={(e) => setPassphrase(e.target.value)}
              aria-invalid={error ? true : undefined}
            />
          )}
        </Field>
        {wait > 0 && <div className="banner error" role="status">{vi.reliability.errors.wait(wait)}</div>}
        <button type="submit" className="primary" disabled={busy || wait > 0 || !passphrase}>
          {busy ? T.unlocking : T.unlock}
        </button>
        <p className="hint">{T.scope}</p>
      </form>
    </div>
  );
}
