import { useCallback, useEffect, useState } from 'react';
import type { Amendment, Campaign } from '../../../../shared/campaigns/schema';
import { formatViDate, formatViDateTime } from '../../../../shared/dates';
import { vi } from '../../../../shared/i18n/vi';
import type { ExportResult, ReportHistoryEntry, ReportKind } from '../../../../shared/reports/schema';
import { useApi } from '../../api/context';
import { CampaignPicker } from '../../components/CampaignPicker';
import { CheckboxField } from '../../components/fields';
import { ProgressBar } from '../../components/ProgressBar';
import { useToast } from '../../components/Toast';
import { downloadBase64, useJob } from '../../hooks/useJob';
import { SignReportCard } from '../signing/SignReportCard';

const t = vi.reports.screen;

/** Báo cáo: export the signed Excel file, print the report and the cancellation request, see what was sent. */
export function ReportsScreen({ campaignId: initial }: { campaignId?: number | undefined }) {
  const api = useApi();
  const notify = useToast();
  const [campaigns, setCampaigns] = useState<Campaign[]>([]);
  const [campaignId, setCampaignId] = useState<number | null>(initial ?? null);
  const [showLogins, setShowLogins] = useState(false);
  const [history, setHistory] = useState<ReportHistoryEntry[]>([]);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [amendments, setAmendments] = useState<Amendment[]>([]);
  const job = useJob<ExportResult>();

  useEffect(() => {
    void api['campaigns.list']({}).then((list) => {
      const started = list.filter((c) => c.status !== 'draft');
      setCampaigns(started);
      setCampaignId((id) => id ?? started[0]?.id ?? null);
    });
  }, [api]);
  const loadHistory = useCallback(() => {
    if (!campaignId) return;
    void api['reports.history']({ campaignId }).then(setHistory);
    void api['campaigns.amendments']({ id: campaignId }).then(setAmendments);
  }, [api, campaignId]);
  useEffect(loadHistory, [loadHistory]);

  const campaign = campaigns.find((c) => c.id === campaignId) ?? null;
  const running = job.status?.state === 'running';

  const run = async (kind: ReportKind) => {
    if (!campaignId) return;
    setError(null);
    setResult(null);
    try {
      const { jobId } = await api['reports.export']({ campaignId, kind, showLogins });
      const s = await job.follow(jobId);
      if (s.state === 'done' && s.result) {
        setResult(s.result);
        notify(t.savedTo(s.result.filePath));
        loadHistory();
      } else setError(s.error?.message ?? vi.errors.internal);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const download = async (exportId: number) => {
    try {
      const f = await api['reports.file']({ exportId });
      downloadBase64(f.fileName, f.dataBase64);
    } catch (e) {
      notify((e as Error).message, 'error');
    }
  };

  return (
    <section className="screen scroll" aria-labelledby="reports-title">
      <header className="screen-head">
        <h1 id="reports-title">{t.title}</h1>
      </header>
      {campaigns.length === 0 && <p className="muted">{t.noCampaigns}</p>}
      {campaigns.length > 0 && (
        <CampaignPicker label={t.pickCampaign} campaigns={campaigns} value={campaignId ?? undefined} onChange={setCampaignId} />
      )}
      {campaign && (
        <>
          <div className="card">
            <h2>{t.excelTitle}</h2>
            <p className="hint">{t.excelHint}</p>
            <CheckboxField label={t.showLogins} checked={showLogins} onChange={setShowLogins} />
            <div className="actions left">
              <button type="button" className="primary" onClick={() => void run('report')} disabled={running}>
                {running ? t.exporting : t.export}
              </button>
              <button type="button" onClick={() => void run('cancellations')} disabled={running}>{t.exportCancellations}</button>
              <a className="button" href={`#/print/report?campaign=${campaign.id}`}>{t.printReport}</a>
              <a className="button" href={`#/print/cancellations?campaign=${campaign.id}`}>{t.printCancellations}</a>
            </div>
            {job.status && (running || job.status.state === 'done') && (
              <ProgressBar value={job.status.done} max={job.status.total} label={t.exporting} />
            )}
            {error && <div className="banner error" role="alert">{error}</div>}
            {result?.keyWarning && <div className="banner warn" role="alert">{result.keyWarning}</div>}
            {result && (
              <div className="banner ok" role="status">
                <div>{t.savedTo(result.filePath)}</div>
                <div className="small">SHA-256: <code>{result.sha256}</code></div>
                <div className="small">{t.fingerprint(result.fingerprint)}</div>
                <button type="button" onClick={() => void download(result.exportId)}>{t.download}</button>
              </div>
            )}
            <p className="small muted">
              {t.status}: <strong>{vi.campaignStatus[campaign.status]}</strong>
              {campaign.reportNumber && campaign.reportedOn && <> · {vi.campaigns.lifecycle.reported(campaign.reportNumber, formatViDate(campaign.reportedOn))}</>}
              {campaign.sentOn && <> · {vi.campaigns.lifecycle.sent(formatViDate(campaign.sentOn))}</>} · <a href="#/campaigns">{t.manageCampaign}</a>
            </p>
          </div>
          <SignReportCard campaignId={campaign.id} />
          {amendments.length > 0 && (
            <div className="card">
              <h2>{vi.campaigns.lifecycle.amendments}</h2>
              {history[0] && amendments.some((a) => a.at > history[0]!.exportedAt) && (
                <div className="banner warn" role="status">
                  {vi.campaigns.lifecycle.amendmentsChanged(formatViDateTime(history[0].exportedAt), amendments.filter((a) => a.at > history[0]!.exportedAt).length)}
                </div>
              )}
              <ul className="history" aria-label={vi.campaigns.lifecycle.amendments}>
                {amendments.map((a) => (
                  <li key={a.id}>
                    <strong>{formatViDateTime(a.at)}</strong> — {a.summary} <span className="muted">({a.actor}: {a.reason})</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div className="card">
            <h2>{t.history}</h2>
            {history.length === 0 && <p className="muted">{t.historyEmpty}</p>}
            {history.length > 0 && (
              <table className="simple" aria-label={t.history}>
                <thead>
                  <tr>
                    <th>{t.colTime}</th>
                    <th>{t.colKind}</th>
                    <th>{t.colFile}</th>
                    <th>SHA-256</th>
                    <th>{t.colFigures}</th>
                    <th>{t.colBy}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {history.map((h) => (
                    <tr key={h.id}>
                      <td>{formatViDateTime(h.exportedAt)}</td>
                      <td>{t.kinds[h.kind]}</td>
                      <td className="small">{h.fileName}</td>
                      <td><code title={h.sha256}>{h.sha256.slice(0, 12)}…</code></td>
                      <td>{h.figures.done.toLocaleString('vi-VN')} / {h.figures.total.toLocaleString('vi-VN')}</td>
                      <td>{h.exportedBy}</td>
                      <td><button type="button" className="link" onClick={() => void download(h.id)}>{t.download}</button></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        </>
      )}
    </section>
  );
}
