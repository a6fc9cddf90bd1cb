import { useCallback, useEffect, useState } from 'react';
import type { Campaign } from '../../../../shared/campaigns/schema';
import { formatViDate } from '../../../../shared/dates';
import type { DistrictBoard, DistrictExportResult, RegisterKind, RegisterUnit, SubmissionStatus } from '../../../../shared/district/schema';
import { vi } from '../../../../shared/i18n/vi';
import { useApi } from '../../api/context';
import { CampaignPicker } from '../../components/CampaignPicker';
import { CheckboxField } from '../../components/fields';
import { ProgressBar } from '../../components/ProgressBar';
import { useToast } from '../../components/Toast';
import { downloadBase64 } from '../../hooks/useJob';
import { navigate } from '../../app/router';
import { BoardView } from './BoardView';
import { CampaignFileCard } from './CampaignFileCard';
import { RegisterTab } from './RegisterTab';
import { UploadCard } from './UploadCard';
import { followJob } from './runJob';
import './district.css';

const T = vi.district;
export type DistrictTab = 'board' | 'units';

/**
 * Tổng hợp (receiving mode): pick a campaign; receive the units' files; see who is on time, late
 * or missing; export the consolidated workbook and print the office's own report; send the
 * campaign file down; keep the register of units.
 */
export function DistrictScreen({ campaignId: initial, tab }: { campaignId?: number | undefined; tab: DistrictTab }) {
  const api = useApi();
  const notify = useToast();
  const [campaigns, setCampaigns] = useState<Campaign[] | null>(null);
  const [campaignId, setCampaignId] = useState<number | null>(initial ?? null);
  const [showLogins, setShowLogins] = useState(false);
  const [units, setUnits] = useState<RegisterUnit[]>([]);
  const [board, setBoard] = useState<DistrictBoard | null>(null);
  const [filter, setFilter] = useState<{ kind?: RegisterKind | undefined; status?: SubmissionStatus | undefined }>({});
  const [exporting, setExporting] = useState<{ done: number; total: number } | null>(null);
  const [exported, setExported] = useState<DistrictExportResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void api['campaigns.list']({}).then((list) => {
      setCampaigns(list);
      setCampaignId((id) => id ?? list.find((c) => c.status !== 'draft')?.id ?? list[0]?.id ?? null);
    });
  }, [api]);
  const loadUnits = useCallback(() => void api['district.units']({}).then(setUnits), [api]);
  useEffect(loadUnits, [loadUnits]);
  const loadBoard = useCallback(() => {
    if (!campaignId) return;
    api['district.board']({ campaignId, ...filter })
      .then(setBoard)
      .catch((e: Error) => setError(e.message));
  }, [api, campaignId, filter]);
  useEffect(loadBoard, [loadBoard]);

  const exportXlsx = async () => {
    if (!campaignId) return;
    setError(null);
    setExported(null);
    setExporting({ done: 0, total: 1 });
    try {
      const { jobId } = await api['district.export']({ campaignId, showLogins });
      const r = await followJob<DistrictExportResult>(api, jobId, (done, total) => setExporting({ done, total }));
      setExported(r);
      notify(T.board.exported(r.filePath));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setExporting(null);
    }
  };
  const download = async (exportId: number) => {
    try {
      const f = await api['district.exportFile']({ exportId });
      downloadBase64(f.fileName, f.dataBase64);
    } catch (e) {
      notify((e as Error).message, 'error');
    }
  };

  const campaign = campaigns?.find((c) => c.id === campaignId) ?? null;
  const changed = () => {
    loadBoard();
    loadUnits();
  };
  return (
    <section className="screen scroll" aria-labelledby="district-title">
      <header className="screen-head">
        <h1 id="district-title">{T.title}</h1>
      </header>
      <div className="tabs" role="tablist" aria-label={T.title}>
        {(['board', 'units'] as const).map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={tab === k}
            className={tab === k ? 'on' : ''}
            onClick={() => navigate('/district', { tab: k === 'board' ? undefined : k, campaign: campaignId ?? undefined })}
          >
            {k === 'board' ? T.board.tab : T.register.tab}
          </button>
        ))}
      </div>

      {tab === 'units' && <RegisterTab units={units} onChanged={changed} />}

      {tab === 'board' && campaigns?.length === 0 && <p className="muted">{T.board.noCampaigns}</p>}
      {tab === 'board' && campaigns && campaigns.length > 0 && (
        <>
          <CampaignPicker label={T.board.pickCampaign} campaigns={campaigns} value={campaignId ?? undefined} onChange={setCampaignId} />
          {campaign && (
            <div className="card district-head">
              <div>
                <strong>{T.board.deadline(formatViDate(campaign.deadline))}</strong>
                {board && <span className={`days ${board.daysLeft < 0 ? 'days-bad' : board.daysLeft <= 3 ? 'days-warn' : 'days-ok'}`}> · {vi.campaigns.daysLeft(board.daysLeft)}</span>}
              </div>
              <div className="actions left">
                <button type="button" className="primary" onClick={() => void exportXlsx()} disabled={exporting !== null}>
                  {exporting ? T.board.exporting : T.board.exportXlsx}
                </button>
                <a className="button" href={`#/print/district-report?campaign=${campaign.id}`}>{T.board.printReport}</a>
                <CheckboxField label={vi.trust.logins.showAtOffice} checked={showLogins} onChange={setShowLogins} />
              </div>
              {exporting && <ProgressBar value={exporting.done} max={exporting.total} label={T.board.exporting} />}
              {exported && (
                <div className="banner ok" role="status">
                  <div>{T.board.exported(exported.filePath)}</div>
                  <div className="small">SHA-256: <code>{exported.sha256}</code></div>
                  <button type="button" onClick={() => void download(exported.exportId)}>{vi.reports.screen.download}</button>
                </div>
              )}
            </div>
          )}
          {error && <div className="banner error" role="alert">{error}</div>}
          {units.length === 0 && <p className="banner warn">{T.board.noRegister}</p>}
          {campaign && <UploadCard key={campaign.id} campaignId={campaign.id} onChanged={changed} />}
          {board && board.campaign.id === campaignId && <BoardView board={board} kind={filter.kind} status={filter.status} onFilter={setFilter} />}
          {campaign && units.length > 0 && <CampaignFileCard campaignId={campaign.id} units={units} onChanged={loadBoard} />}
        </>
      )}
    </section>
  );
}
