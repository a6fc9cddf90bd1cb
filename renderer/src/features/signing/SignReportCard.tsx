import { useCallback, useEffect, useState } from 'react';
import { formatViDate, formatViDateTime } from '../../../../shared/dates';
import { vi } from '../../../../shared/i18n/vi';
import type { SignedReport, SigningStatus, TokenCertificateEntry } from '../../../../shared/signing/schema';
import { useApi } from '../../api/context';
import { CheckboxField, Field, TextField } from '../../components/fields';
import { ProgressBar } from '../../components/ProgressBar';
import { downloadBase64, useJob } from '../../hooks/useJob';
import { readAsBase64 } from '../import/fileBytes';

const t = vi.signing;

/** The print view with the visible signature block for the chosen certificate (what the PDF shows). */
export function signedPrintHref(campaignId: number, cert: TokenCertificateEntry | null, at: Date): string {
  const q = new URLSearchParams({ campaign: String(campaignId) });
  if (cert) {
    q.set('signer', cert.commonName);
    q.set('org', cert.organisation);
    q.set('serial', cert.serial);
    q.set('signedAt', at.toISOString());
  }
  return `#/print/report?${q.toString()}`;
}

/**
 * Ký số: pick the token's PKCS#11 library (common Vietnamese CA libraries suggested), find its
 * certificates, type the PIN (kept in this component's state only until the call, then cleared),
 * and sign. The desktop app prints the report itself; in a browser the page sends the PDF the
 * browser saved from the print view.
 */
export function SignReportCard({ campaignId }: { campaignId: number }) {
  const api = useApi();
  const [status, setStatus] = useState<SigningStatus | null>(null);
  const [library, setLibrary] = useState('');
  const [certs, setCerts] = useState<TokenCertificateEntry[] | null>(null);
  const [chosen, setChosen] = useState<string>('');
  const [pin, setPin] = useState('');
  const [visible, setVisible] = useState(true);
  const [pdf, setPdf] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [signed, setSigned] = useState<SignedReport | null>(null);
  const [history, setHistory] = useState<SignedReport[]>([]);
  const job = useJob<SignedReport>();

  useEffect(() => void api['signing.status']({}).then(setStatus), [api]);
  const loadHistory = useCallback(() => void api['signing.history']({ campaignId }).then(setHistory), [api, campaignId]);
  useEffect(loadHistory, [loadHistory]);

  const cert = certs?.find((c) => `${c.slot}:${c.id}` === chosen) ?? null;
  const find = async () => {
    setError(null);
    setCerts(null);
    setBusy(true);
    try {
      const list = await api['signing.certificates']({ library: library.trim() });
      setCerts(list);
      setChosen(list[0] ? `${list[0].slot}:${list[0].id}` : '');
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const sign = async () => {
    if (!cert) return;
    setError(null);
    setSigned(null);
    setBusy(true);
    const typed = pin;
    setPin('');
    try {
      const pdfBase64 = status?.printsPdf ? undefined : pdf ? await readAsBase64(pdf) : undefined;
      const { jobId } = await api['signing.signReport']({
        campaignId, library: library.trim(), slot: cert.slot, certificateId: cert.id, pin: typed, visible, ...(pdfBase64 ? { pdfBase64 } : {}),
      });
      const s = await job.follow(jobId);
      if (s.state === 'done' && s.result) {
        setSigned(s.result);
        loadHistory();
      } else setError(s.error?.message ?? vi.errors.internal);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const download = async (id: number) => {
    try {
      const f = await api['signing.file']({ id });
      downloadBase64(f.fileName, f.dataBase64, 'application/pdf');
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const needsPdf = status !== null && !status.printsPdf;
  return (
    <div className="card" aria-labelledby="sign-title">
      <h2 id="sign-title">{t.title}</h2>
      <p className="hint">{t.intro}</p>
      {status && !status.available && <div className="banner warn" role="status">{t.errors.noModule}</div>}
      <div className="form-grid">
        <TextField label={t.library} value={library} onChange={setLibrary} hint={t.libraryHint} list="pkcs11-libraries" maxLength={1000} />
        <datalist id="pkcs11-libraries">
          {t.suggestions.flatMap((s) => s.files.map((f) => <option key={f} value={f}>{s.vendor}</option>))}
        </datalist>
      </div>
      <div className="actions left">
        <button type="button" onClick={() => void find()} disabled={busy || !library.trim()}>{t.findCertificates}</button>
      </div>
      {certs && certs.length === 0 && <p className="muted">{t.noCertificates}</p>}
      {certs && certs.length > 0 && (
        <fieldset className="cert-list">
          <legend>{t.certificate}</legend>
          {certs.map((c) => (
            <label key={`${c.slot}:${c.id}`} className="radio-row">
              <input type="radio" name="certificate" value={`${c.slot}:${c.id}`} checked={chosen === `${c.slot}:${c.id}`} onChange={(e) => setChosen(e.target.value)} />
              <span>
                <strong>{c.commonName}</strong> — {c.organisation}
                <span className="small muted"> · {c.issuer} · {t.validity(formatViDate(c.notBefore), formatViDate(c.notAfter))} · {c.serial}</span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {cert && (
        <>
          <CheckboxField label={t.visible} checked={visible} onChange={setVisible} />
          {needsPdf && (
            <Field label={t.pdfUpload} hint={t.pdfUploadHint}>
              {(id) => (
                <div>
                  {/* window.open keeps the opener, so the new tab gets this session's harness token. */}
                  <button type="button" onClick={() => window.open(signedPrintHref(campaignId, visible ? cert : null, new Date()), '_blank')}>
                    {vi.reports.screen.printReport}
                  </button>{' '}
                  <input id={id} type="file" accept=".pdf,application/pdf" onChange={(e) => setPdf(e.target.files?.[0] ?? null)} />
                </div>
              )}
            </Field>
          )}
          <Field label={t.pin} hint={t.pinHint}>
            {(id) => <input id={id} type="password" autoComplete="off" value={pin} maxLength={64} onChange={(e) => setPin(e.target.value)} />}
          </Field>
          <div className="actions left">
            <button type="button" className="primary" onClick={() => void sign()} disabled={busy || !pin || (needsPdf && !pdf)}>
              {busy ? t.signing : t.sign}
            </button>
          </div>
        </>
      )}
      {job.status?.state === 'running' && <ProgressBar value={job.status.done} max={job.status.total} label={t.signing} />}
      {error && <div className="banner error" role="alert">{error}</div>}
      {signed && (
        <div className="banner ok" role="status">
          <div>{t.signed(signed.fileName)}</div>
          <div className="small">SHA-256: <code>{signed.sha256}</code></div>
          <div className="small">{t.certSummary(signed.subject, signed.serial)}</div>
          <button type="button" onClick={() => void download(signed.id)}>{t.download}</button>
        </div>
      )}
      {history.length > 0 && (
        <table className="simple" aria-label={t.historyKind}>
          <thead>
            <tr>
              <th>{vi.reports.screen.colTime}</th>
              <th>{vi.reports.screen.colFile}</th>
              <th>SHA-256</th>
              <th>{t.certificate}</th>
              <th>{vi.reports.screen.colBy}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {history.map((h) => (
              <tr key={h.id}>
                <td>{formatViDateTime(h.signedAt)}</td>
                <td className="small">{h.fileName}</td>
                <td><code title={h.sha256}>{h.sha256.slice(0, 12)}…</code></td>
                <td className="small">{h.commonName} — {h.organisation}<div className="muted">{h.serial}</div></td>
                <td>{h.signedBy}</td>
                <td><button type="button" className="link" onClick={() => void download(h.id)}>{vi.reports.screen.download}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
