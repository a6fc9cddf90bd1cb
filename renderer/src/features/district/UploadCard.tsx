import { useRef, useState, type DragEvent } from 'react';
import type { FileUpload, SubmissionFileResult, SubmissionImportResult } from '../../../../shared/district/schema';
import { vi } from '../../../../shared/i18n/vi';
import { useApi } from '../../api/context';
import { Dialog } from '../../components/Dialog';
import { ProgressBar } from '../../components/ProgressBar';
import { readAsBase64 } from '../import/fileBytes';
import { followJob } from './runJob';

const T = vi.district.upload;
/** Files go to the core in batches small enough for one request (the harness caps a body at 40 MB). */
const BATCH_BASE64 = 24 * 1024 * 1024;

interface Row {
  upload: FileUpload;
  result: SubmissionFileResult;
}

/**
 * "Nhận tệp báo cáo": drop or pick many unit files; each is verified and stored on its own, the
 * refused ones listed with their reason. A first file (or a new key) waits for the clerk to
 * confirm the fingerprint against the unit's signed paper report, then goes in.
 */
export function UploadCard({ campaignId, onChanged }: { campaignId: number; onChanged: () => void }) {
  const api = useApi();
  const input = useRef<HTMLInputElement>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [confirming, setConfirming] = useState<Row | null>(null);
  const running = progress !== null && progress.done < progress.total;

  const send = async (uploads: FileUpload[], confirmedKeys: { unitCode: string; fingerprint: string }[] = []): Promise<SubmissionFileResult[]> => {
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
      const { jobId } = await api['district.importFiles']({ campaignId, files, confirmedKeys });
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
      setRows(results.map((result, i) => ({ upload: uploads[i]!, result })));
      onChanged();
    } catch (e) {
      setError((e as Error).message);
      setProgress(null);
    }
  };

  const confirm = async (row: Row) => {
    setConfirming(null);
    setError(null);
    try {
      const [result] = await send([row.upload], [{ unitCode: row.result.unitCode!, fingerprint: row.result.fingerprint! }]);
      setRows((all) => all.map((r) => (r === row ? { ...r, result: result! } : r)));
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
                return (
                  <tr key={`${i}-${r.fileName}`} className={`result-${r.status} ${keyIssue ? 'result-key' : ''}`}>
                    <td className="small">{r.fileName}</td>
                    <td>{r.unitName ?? ''}{r.unitCode && <span className="muted small"> ({r.unitCode})</span>}</td>
                    <td>
                      <span className={`badge sub-${keyIssue ? 'key' : r.status}`}>{keyIssue ? T.needsKey : r.status === 'accepted' ? T.accepted : T.refused}</span>
                    </td>
                    <td>
                      <div>{r.message}</div>
                      {keyIssue && (
                        <button type="button" className="small-button" onClick={() => setConfirming(row)}>
                          {r.reason === 'needsKey' ? T.confirmKey(r.fingerprint!) : T.confirmKeyChange(r.fingerprint!)}
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
      {confirming && (
        <Dialog title={T.confirmTitle} onClose={() => setConfirming(null)}>
          <p>
            {confirming.result.reason === 'keyChanged'
              ? T.confirmBodyChange(confirming.result.unitName ?? '', confirming.result.fingerprint!, confirming.result.pinnedFingerprint ?? '')
              : T.confirmBody(confirming.result.unitName ?? '')}
          </p>
          <p className="fingerprint-big" aria-label={vi.district.register.key}>{confirming.result.fingerprint}</p>
          <div className="actions">
            <button type="button" onClick={() => setConfirming(null)}>{vi.common.cancel}</button>
            <button type="button" className="primary" onClick={() => void confirm(confirming)}>{vi.district.upload.confirmAction}</button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
