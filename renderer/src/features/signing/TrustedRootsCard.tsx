import { useCallback, useEffect, useRef, useState } from 'react';
import { formatViDate, formatViDateTime } from '../../../../shared/dates';
import { vi } from '../../../../shared/i18n/vi';
import type { TrustedRoot } from '../../../../shared/signing/schema';
import { useApi } from '../../api/context';
import { useToast } from '../../components/Toast';
import { readAsBase64 } from '../import/fileBytes';

const t = vi.signing.roots;

/** Cài đặt → Chứng thư số gốc tin cậy: the CAs whose signed report PDFs the receiving office accepts. */
export function TrustedRootsCard() {
  const api = useApi();
  const notify = useToast();
  const [roots, setRoots] = useState<TrustedRoot[]>([]);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const load = useCallback(() => void api['trustedRoots.list']({}).then(setRoots), [api]);
  useEffect(load, [load]);

  const pick = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setError(null);
    try {
      const uploads = await Promise.all([...files].map(async (f) => ({ fileName: f.name, dataBase64: await readAsBase64(f) })));
      const r = await api['trustedRoots.import']({ files: uploads });
      notify(t.added(r.added));
      load();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      if (input.current) input.current.value = '';
    }
  };
  const remove = async (root: TrustedRoot) => {
    if (!window.confirm(t.removeConfirm(root.commonName))) return;
    try {
      await api['trustedRoots.remove']({ id: root.id });
      load();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <div className="card" aria-labelledby="trusted-roots-title">
      <h2 id="trusted-roots-title">{t.title}</h2>
      <p className="hint">{t.intro}</p>
      {roots.length === 0 && <p className="muted">{t.empty}</p>}
      {roots.length > 0 && (
        <table className="simple" aria-label={t.title}>
          <thead>
            <tr>
              <th>{t.subject}</th>
              <th>{t.validity}</th>
              <th>{t.fingerprint}</th>
              <th>{t.addedAt}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {roots.map((r) => (
              <tr key={r.id}>
                <td><strong>{r.commonName}</strong><div className="small muted">{r.subject}</div></td>
                <td>{formatViDate(r.notBefore)} – {formatViDate(r.notAfter)}</td>
                <td><code className="small" title={r.sha256}>{r.sha256.slice(0, 16)}…</code></td>
                <td>{formatViDateTime(r.addedAt)}<div className="small muted">{r.addedBy}</div></td>
                <td><button type="button" className="link" onClick={() => void remove(r)}>{t.remove}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {error && <div className="banner error" role="alert">{error}</div>}
      <div className="actions left">
        <label className="button">
          {t.import}
          <input ref={input} type="file" accept=".cer,.crt,.pem,.der" multiple hidden onChange={(e) => void pick(e.target.files)} aria-label={t.import} />
        </label>
      </div>
    </div>
  );
}
