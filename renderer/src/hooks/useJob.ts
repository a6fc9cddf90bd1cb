import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobStatus } from '../../../shared/jobs/schema';
import { useApi } from '../api/context';

/** Start a background job and follow it: a real progress bar for exports and imports. */
export function useJob<R>() {
  const api = useApi();
  const [status, setStatus] = useState<JobStatus<R> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  const follow = useCallback(
    (jobId: string) =>
      new Promise<JobStatus<R>>((resolve) => {
        const poll = async () => {
          try {
            const s = (await api['jobs.status']({ id: jobId })) as JobStatus<R>;
            setStatus(s);
            if (s.state === 'running') timer.current = setTimeout(() => void poll(), 150);
            else resolve(s);
          } catch (e) {
            const failed: JobStatus<R> = { id: jobId, kind: '', state: 'failed', done: 0, total: 1, error: { code: 'INTERNAL', message: (e as Error).message } };
            setStatus(failed);
            resolve(failed);
          }
        };
        void poll();
      }),
    [api],
  );
  return { status, follow, reset: () => setStatus(null) };
}

/** Save bytes the core sent (base64) as a file: a download in the browser, the save dialog in Electron. */
export function downloadBase64(fileName: string, dataBase64: string, mime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'): void {
  const bytes = Uint8Array.from(atob(dataBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
