import { z } from 'zod';

/** Long work (exports, imports) runs as a job the UI polls, so it can show a real progress bar. */
export const JobStatusInput = z.strictObject({ id: z.string().regex(/^[a-f0-9-]{36}$/) });

export type JobState = 'running' | 'done' | 'failed';

export interface JobStatus<R = unknown> {
  id: string;
  kind: string;
  state: JobState;
  done: number;
  total: number;
  /** Set when state = done. */
  result?: R;
  /** Set when state = failed: the typed error (Vietnamese message). */
  error?: { code: string; message: string; path?: (string | number)[] };
}

export interface JobStarted {
  jobId: string;
}
