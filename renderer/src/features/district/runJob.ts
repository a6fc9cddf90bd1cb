import type { Api } from '../../../../shared/api/contract';
import type { JobStatus } from '../../../../shared/jobs/schema';
import { vi } from '../../../../shared/i18n/vi';

/** Follow a started job to its end, reporting progress; resolves with its result or rejects with its Vietnamese error. */
export async function followJob<R>(api: Api, jobId: string, onProgress: (done: number, total: number) => void): Promise<R> {
  for (;;) {
    const s = (await api['jobs.status']({ id: jobId })) as JobStatus<R>;
    onProgress(s.done, s.total);
    if (s.state === 'done') return s.result as R;
    if (s.state === 'failed') throw new Error(s.error?.message ?? vi.errors.internal);
    await new Promise((r) => setTimeout(r, 120));
  }
}
