import { useRef, useState, type DragEvent } from 'react';
import type { FileUpload, SubmissionFileResult, SubmissionImportResult } from '../../../../shared/district/schema';
import { vi } from '../../../../shared/i18n/vi';
import { useApi } from '../../api/context';
import { ProgressBar } from '../../components/ProgressBar';
import { readAsBase64 } from '../import/fileBytes';
import { followJob } from './runJob';
import { ChangeKeyDialog, ConfirmIdentityDialog, ConfirmKeyDialog } from './TrustDialogs';

const T = vi.district.upload;
/** Files go to the core in batches small enough for one request (the harness caps a body at 40 MB). */
const BATCH_BASE64 = 24 * 1024 * 1024;

interface Row {
  upload: FileUpload;
  result: SubmissionFileResult;
  /** What the clerk already confirmed for this file (kept when it is sent again). */
  confirmedKeys: Confirmations['confirmedKeys'];
  confirmedUnits: Confirmations['confirmedUnits'];
}
interface Confirmations {
  confirmedKeys: { unitCode: string; fingerprint: string }[];
  confirmedUnits: { unitCode: string; unitName: string }[];
}
type Pending = { row: Row; what: 'key' | 'change' | 'identity' };

/**
 * "Nhận tệp báo cáo": drop or pick many unit files; each is verified and stored on its own, the
 * refused ones listed with their reason. A unit's first key waits for the clerk to confirm its
 * fingerprint against the unit's signed paper report; another key than the pinned one needs the
 * explicit key change (TrustDialogs.tsx); a file naming its unit unlike the register, a confirmation.
 */
export function UploadCard({ campaignId, onChanged }: { campaignId: number; onChanged: () => void }) {
  const api = useApi();
  const input = useRef<HTMLInputElement>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  const running = progress !== null && progress.done < progress.total;

  const send = async (uploads: FileUpload[], confirmations: Confirmations = { confirmedKeys: [], confirmedUnits: [] }): Promise<SubmissionFileResult[]> => {
    const batches: FileUpload[][] = [];
    let size = 0;
    for (const u of uploads) {
      if (batches.length === 0 || size + u.dataBase64.length > BATCH_BASE64) {
        batches.push([]);
        size = 0;
      }
      batches[batches.length - 1]!.push(u);
      size += u.dataBase64.length;
    }
    const results: SubmissionFileResult[] = [];
    let offset = 0;
    setProgress({ done: 0, total: uploads.length });
    for (const files of batches) {
      const { jobId } = await api['district.importFiles']({ campaignId, files, ...confirmations });
      const r = await followJob<SubmissionImportResult>(api, jobId, (done, total) => setProgress({ done: offset + Math.min(done, total), total: uploads.length }));
      results.push(...r.results);
      offset += files.length;
    }
    setProgress({ done: uploads.length, total: uploads.length });
    return results;
  };

  const take = async (list: FileList | File[]) => {
    const files = [...list];
    if (files.length === 0) return;
    setError(null);
    try {
      const uploads = await Promise.all(files.map(async (f) => ({ fileName: f.name, dataBase64: await readAsBase64(f) })));
      const results = await send(uploads);
      setRows(results.map((result, i) => ({ upload: uploads[i]!, result, confirmedKeys: [], confirmedUnits: [] })));
      onChanged();
    } catch (e) {
      setError((e as Error).message);
      setProgress(null);
    }
  };

  /** Send one file again with what the clerk has confirmed so far (+ this confirmation). */
  const resend = async (row: Row, add: Partial<Confirmations> = {}) => {
    setPending(null);
    setError(null);
    const confirmations: Confirmations = {
      confirmedKeys: [...row.confirmedKeys, ...(add.confirmedKeys ?? [])],
      confirmedUnits: [...row.confirmedUnits, ...(add.confirmedUnits ?? [])],
    };
    try {
      const [result] = await send([row.upload], confirmations);
      setRows((all) => all.map((r) => (r === row ? { ...r, ...confirmations, result: result! } : r)));
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void take(e.dataTransfer.files);
  };
  const accepted = rows.filter((r) => r.result.status === 'accepted').length;

  return (
    <div className="card" aria-labelledby="district-upload-title">
      <h2 id="district-upload-title">{T.title}</h2>
      <p className="hint">{T.hint}</p>
      <div
        className={`district-drop ${dragging ? 'over' : ''}`}
        onDragOver={(e) => (e.preventDefault(), setDragging(true))}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <span>{T.drop}</span>
        <button type="button" onClick={() => input.current?.click()} disabled={running}>{T.pick}</button>
        <input
          ref={input}
          type="file"
          multiple
          accept=".xlsx,.pdf,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/pdf"
          hidden
          aria-label={T.pick}
          onChange={(e) => {
            if (e.target.files) void take(e.target.files);
            e.target.value = '';
          }}
        />
      </div>
      {running && <ProgressBar value={progress.done} max={progress.total} label={T.running} />}
      {error && <div className="banner error" role="alert">{error}</div>}
      {rows.length > 0 && (
        <>
          <p role="status"><strong>{T.summary(accepted, rows.length - accepted)}</strong></p>
          <table className="simple district-results" aria-label={T.title}>
            <thead>
              <tr>
                <th>{T.colFile}</th>
                <th>{T.colUnit}</th>
                <th>{T.colResult}</th>
                <th>{T.colReason}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => {
                const r = row.result;
                const keyIssue = r.reason === 'needsKey' || r.reason === 'keyChanged';
                const action =
                  r.reason === 'needsKey' && r.fingerprint ? { what: 'key' as const, label: T.confirmKey(r.fingerprint) }
                  : r.reason === 'keyChanged' && r.publicKey ? { what: 'change' as const, label: vi.trust.keys.change.open }
                  : r.reason === 'identity' ? { what: 'identity' as const, label: vi.trust.identity.confirmAction(r.unitName ?? '') }
                  : null;
                return (
                  <tr key={`${i}-${r.fileName}`} className={`result-${r.status} ${keyIssue ? 'result-key' : ''}`}>
                    <td className="small">{r.fileName}</td>
                    <td>{r.unitName ?? ''}{r.unitCode && <span className="muted small"> ({r.unitCode})</span>}</td>
                    <td>
                      <span className={`badge sub-${keyIssue ? 'key' : r.status}`}>{keyIssue ? T.needsKey : r.status === 'accepted' ? T.accepted : T.refused}</span>
                    </td>
                    <td>
                      <div>{r.message}</div>
                      {action && (
                        <button type="button" className="small-button" onClick={() => setPending({ row, what: action.what })}>
                          {action.label}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
      {pending?.what === 'key' && (
        <ConfirmKeyDialog
          result={pending.row.result}
          onClose={() => setPending(null)}
          onConfirm={() => void resend(pending.row, { confirmedKeys: [{ unitCode: pending.row.result.unitCode!, fingerprint: pending.row.result.fingerprint! }] })}
        />
      )}
      {pending?.what === 'change' && <ChangeKeyDialog result={pending.row.result} onClose={() => setPending(null)} onChanged={() => void resend(pending.row)} />}
      {pending?.what === 'identity' && (
        <ConfirmIdentityDialog
          result={pending.row.result}
          onClose={() => setPending(null)}
          onConfirm={() => void resend(pending.row, { confirmedUnits: [{ unitCode: pending.row.result.unitCode!, unitName: pending.row.result.fileUnitName ?? '' }] })}
        />
      )}
    </div>
  );
}
