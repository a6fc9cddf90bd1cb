import type { JobStatus } from '../../../shared/jobs/schema';
import { toApiError } from '../api/dispatch';

/** A failed job reports the same typed error a direct call would. */
export const toJobError = (error: unknown): JobStatus['error'] => toApiError(error, 'job');
