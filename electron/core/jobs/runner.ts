import { randomUUID } from 'node:crypto';
import { AttkError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import type { JobStatus } from '../../../shared/jobs/schema';

export type Progress = (done: number, total: number) => void;

const KEEP_FINISHED_MS = 10 * 60 * 1000;

/**
 * Runs long async work (exports) in the background of the same process and keeps its status for
 * polling. Work that writes the database does its final write in its own transaction.
 */
export class JobRunner {
  private readonly jobs = new Map<string, JobStatus & { finishedAt?: number }>();

  start<R>(kind: string, work: (progress: Progress) => Promise<R>, onError: (e: unknown) => JobStatus['error']): string {
    this.sweep();
    const id = randomUUID();
    const job: JobStatus & { finishedAt?: number } = { id, kind, state: 'running', done: 0, total: 1 };
    this.jobs.set(id, job);
    const progress: Progress = (done, total) => {
      job.done = done;
      job.total = Math.max(total, 1);
    };
    // Start on the next tick so the caller gets the id before any work (or failure) happens.
    setImmediate(() => {
      work(progress)
        .then((result) => {
          job.result = result;
          job.done = job.total;
          job.state = 'done';
        })
        .catch((e: unknown) => {
          job.error = onError(e);
          job.state = 'failed';
        })
        .finally(() => {
          job.finishedAt = Date.now();
        });
    });
    return id;
  }

  /** True while any job is still running (a restore must wait: a job may hold its own connection). */
  hasRunning(): boolean {
    for (const job of this.jobs.values()) if (job.state === 'running') return true;
    return false;
  }

  status(id: string): JobStatus {
    const job = this.jobs.get(id);
    if (!job) throw new AttkError('NOT_FOUND', vi.errors.notFound('tác vụ', id), ['id']);
    const { finishedAt: _finishedAt, ...status } = job;
    return { ...status };
  }

  /** Resolves when the job finishes (the CLI and tests wait instead of polling). */
  async wait(id: string, pollMs = 20): Promise<JobStatus> {
    for (;;) {
      const s = this.status(id);
      if (s.state !== 'running') return s;
      await new Promise((r) => setTimeout(r, pollMs));
    }
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, job] of this.jobs) if (job.finishedAt && now - job.finishedAt > KEEP_FINISHED_MS) this.jobs.delete(id);
  }
}
