import { useCallback, useEffect, useState } from 'react';
import type { BackupEntry, BackupList } from '../../../../shared/backup/schema';
import { formatViDateTime } from '../../../../shared/dates';
import { vi } from '../../../../shared/i18n/vi';
import { useApi } from '../../api/context';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/fields';
import { useToast } from '../../components/Toast';
import { useFormErrors } from '../../hooks/useFormErrors';
import '../lock/reliability.css';

const T = vi.reliability.backup;
const S = vi.safety.backup;
/** createdAt is local time without a zone; formatViDateTime reads it as local too. */
const when = (e: BackupEntry) => formatViDateTime(e.createdAt);

/** Sao lưu / Khôi phục: the backups beside the database, a copy on demand, restore, and how long copies are kept. */
export function BackupScreen() {
  const api = useApi();
  const notify = useToast();
  const errors = useFormErrors();
  const [list, setList] = useState<BackupList | null>(null);
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState<(BackupEntry & { foreign?: boolean }) | null>(null);
  const [keep, setKeep] = useState({ daily: '', monthly: '' });

  const showError = errors.show;
  const load = useCallback(() => void api['backup.list']({}).then(setList).catch((e: unknown) => showError(e)), [api]);
  useEffect(() => {
    load();
    void api['settings.get']({}).then((s) => setKeep({ daily: String(s.backupKeepDaily), monthly: String(s.backupKeepMonthly) }));
  }, [api, load]);

  const createNow = async () => {
    setBusy(true);
    errors.clear();
    try {
      const created = await api['backup.create']({});
      notify(T.created(created.entry.name));
      load();
    } catch (e) {
      errors.show(e);
    } finally {
      setBusy(false);
    }
  };

  const saveRetention = async () => {
    errors.clear();
    try {
      await api['settings.save']({ backupKeepDaily: Number(keep.daily), backupKeepMonthly: Number(keep.monthly) });
      notify(vi.common.saved);
    } catch (e) {
      errors.show(e);
    }
  };

  return (
    <section className="screen scroll" aria-labelledby="backup-title">
      <header className="screen-head">
        <h1 id="backup-title">{T.title}</h1>
        <button type="button" className="primary" onClick={() => void createNow()} disabled={busy}>
          {busy ? T.creating : T.createNow}
        </button>
      </header>
      <p className="rel-lead">{T.lead}</p>
      {errors.formError && <div className="banner error" role="alert">{errors.formError}</div>}

      <div className="card rel-card">
        <h2>{T.list}</h2>
        {list && (
          <p className="small">
            {T.folder}: <code className="rel-path">{list.dir}</code>
          </p>
        )}
        {list && list.entries.length === 0 && <p className="muted">{T.empty}</p>}
        {list && list.entries.length > 0 && (
          <table className="simple" aria-label={T.list}>
            <thead>
              <tr>
                <th>{T.when}</th>
                <th>{T.kind}</th>
                <th className="num">{T.size}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.entries.map((e) => (
                <tr key={e.name} className={e.restorable ? '' : 'rel-kind-damaged'}>
                  <td title={e.name}>{when(e)}</td>
                  <td>{T.kinds[e.kind] ?? e.kind}</td>
                  <td className="num">{T.sizeOf(e.size)}</td>
                  <td>
                    {e.restorable && (
                      <button type="button" className="link" onClick={() => setRestoring(e)} aria-label={`${T.restore} ${when(e)}`}>
                        {T.restore}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>

      {list && list.others.length > 0 && (
        <div className="card rel-card">
          <h2>{S.othersTitle}</h2>
          <p className="muted small">{S.othersLead}</p>
          <table className="simple" aria-label={S.othersTitle}>
            <thead>
              <tr>
                <th>{T.when}</th>
                <th>{S.unitColumn}</th>
                <th>{T.kind}</th>
                <th className="num">{T.size}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.others.map((e) => (
                <tr key={e.name}>
                  <td title={e.name}>{when(e)}</td>
                  <td>{S.unitOf(e.unit ?? null)}</td>
                  <td>{T.kinds[e.kind] ?? e.kind}</td>
                  <td className="num">{T.sizeOf(e.size)}</td>
                  <td>
                    {e.restorable && (
                      <button type="button" className="link" onClick={() => setRestoring({ ...e, foreign: true })} aria-label={`${T.restore} ${when(e)} ${S.unitOf(e.unit ?? null)}`}>
                        {T.restore}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <form
        className="card rel-card"
        aria-label={T.retention}
        onSubmit={(e) => {
          e.preventDefault();
          void saveRetention();
        }}
      >
        <h2>{T.retention}</h2>
        <p className="muted small">{T.retentionLead}</p>
        <div className="rel-fields">
          <Field label={vi.reliability.fields.backupKeepDaily!} error={errors.fieldErrors.backupKeepDaily}>
            {(id) => <input id={id} type="number" min={1} max={365} value={keep.daily} onChange={(e) => setKeep({ ...keep, daily: e.target.value })} />}
          </Field>
          <Field label={vi.reliability.fields.backupKeepMonthly!} error={errors.fieldErrors.backupKeepMonthly}>
            {(id) => <input id={id} type="number" min={0} max={120} value={keep.monthly} onChange={(e) => setKeep({ ...keep, monthly: e.target.value })} />}
          </Field>
        </div>
        <div className="rel-actions">
          <button type="submit">{vi.common.save}</button>
        </div>
      </form>

      {restoring && <RestoreDialog entry={restoring} onClose={() => setRestoring(null)} />}
    </section>
  );
}

function RestoreDialog({ entry, onClose }: { entry: BackupEntry & { foreign?: boolean }; onClose: () => void }) {
  const api = useApi();
  const notify = useToast();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const restore = async () => {
    setBusy(true);
    setError(null);
    try {
      // Another database's copy: the core refuses it unless the unit named here is confirmed.
      await api['backup.restore']({ name: entry.name, ...(entry.foreign ? { confirmUnitCode: code } : {}) });
      notify(T.restored(when(entry)));
      // Every screen's data changed under it: start the interface again on the restored data.
      setTimeout(() => window.location.reload(), 600);
    } catch (e) {
      setError(e instanceof Error ? e.message : vi.errors.internal);
      setBusy(false);
    }
  };
  return (
    <Dialog title={T.restoreTitle} onClose={busy ? () => undefined : onClose}>
      <p>{T.restoreConfirm(when(entry))}</p>
      {entry.foreign && (
        <div className="banner warn" role="note">
          <p>{S.confirmForeign(entry.unit ?? null)}</p>
          <Field label={S.confirmCode}>
            {(id) => <input id={id} value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" />}
          </Field>
        </div>
      )}
      {error && <div className="banner error" role="alert">{error}</div>}
      <div className="actions">
        <button type="button" onClick={onClose} disabled={busy}>{vi.common.cancel}</button>
        <button type="button" className="primary" onClick={() => void restore()} disabled={busy || (entry.foreign === true && code.trim() !== (entry.unit?.code ?? ''))}>
          {busy ? T.restoring : T.restore}
        </button>
      </div>
    </Dialog>
  );
}
