import { useEffect, useState } from 'react';
import { vi } from '../../../../shared/i18n/vi';
import { useApi } from '../../api/context';
import { Field } from '../../components/fields';
import { useToast } from '../../components/Toast';
import { useFormErrors } from '../../hooks/useFormErrors';
import { useAppLock } from './LockGate';

const T = vi.reliability.lock;

function Secret({ label, value, onChange, error, autoComplete }: { label: string; value: string; onChange: (v: string) => void; error?: string | undefined; autoComplete: string }) {
  return (
    <Field label={label} error={error}>
      {(id, describedBy) => (
        <input id={id} aria-describedby={describedBy} type="password" value={value} maxLength={256} autoComplete={autoComplete} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} />
      )}
    </Field>
  );
}

/** Cài đặt → Khóa ứng dụng: set, change or remove the passphrase that opens the app; idle minutes; lock now. */
export function AppLockCard() {
  const api = useApi();
  const notify = useToast();
  const errors = useFormErrors();
  const { status, refresh, lockNow } = useAppLock();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [idle, setIdle] = useState('');
  const enabled = status?.enabled === true;

  useEffect(() => {
    void api['settings.get']({}).then((s) => setIdle(String(s.lockIdleMinutes)));
  }, [api]);

  const reset = () => {
    setCurrent('');
    setNext('');
    setAgain('');
  };
  const run = async (work: () => Promise<unknown>, done: string) => {
    errors.clear();
    try {
      await work();
      reset();
      notify(done);
      await refresh();
    } catch (e) {
      errors.show(e);
    }
  };
  const save = () => {
    if (next !== again) {
      errors.show(new Error(vi.reliability.errors.passphraseMismatch));
      return;
    }
    void run(() => api['lock.set']({ passphrase: next, ...(enabled ? { currentPassphrase: current } : {}) }), enabled ? T.changed : T.enabled);
  };
  const saveIdle = () => void run(() => api['settings.save']({ lockIdleMinutes: Number(idle) }), vi.common.saved);

  return (
    <section className="card" aria-label={T.card}>
      <div className="card-head">
        <h2>{T.card}</h2>
        {enabled && (
          <button type="button" onClick={() => void lockNow()} title={T.shortcut}>
            {T.lockNow}
          </button>
        )}
      </div>
      <p className="rel-note">{T.scope}</p>
      <p className="muted small">{enabled ? T.statusOn : T.statusOff} {T.noRecovery} {enabled && T.shortcut}</p>
      {errors.formError && <div className="banner error" role="alert">{errors.formError}</div>}
      <form
        aria-label={enabled ? T.change : T.enable}
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <div className="rel-fields">
          {enabled && <Secret label={T.currentPassphrase} value={current} onChange={setCurrent} error={errors.fieldErrors.currentPassphrase} autoComplete="current-password" />}
          <Secret label={T.newPassphrase} value={next} onChange={setNext} error={errors.fieldErrors.passphrase} autoComplete="new-password" />
          <Secret label={T.confirmPassphrase} value={again} onChange={setAgain} autoComplete="new-password" />
        </div>
        <div className="rel-actions">
          <button type="submit" className="primary" disabled={!next}>
            {enabled ? T.change : T.enable}
          </button>
          {enabled && (
            <button type="button" disabled={!current} onClick={() => void run(() => api['lock.clear']({ currentPassphrase: current }), T.disabled)}>
              {T.disable}
            </button>
          )}
        </div>
      </form>
      <form
        className="rel-actions"
        aria-label={T.idle}
        onSubmit={(e) => {
          e.preventDefault();
          saveIdle();
        }}
      >
        <Field label={T.idle} error={errors.fieldErrors.lockIdleMinutes}>
          {(id, describedBy) => <input id={id} aria-describedby={describedBy} type="number" min={0} max={240} value={idle} onChange={(e) => setIdle(e.target.value)} style={{ width: '8em' }} />}
        </Field>
        <button type="submit">{vi.common.save}</button>
      </form>
    </section>
  );
}
