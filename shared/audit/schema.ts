import { z } from 'zod';
import { optionalText, paging } from '../schema/fields';

export const AuditListInput = z.strictObject({ entity: optionalText(40).optional(), ...paging });
export type AuditListInput = z.input<typeof AuditListInput>;

/** One append-only audit row: who did what to which record, when, with the changed values. */
export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: number | null;
  summary: string;
  /** JSON of the values written (never a password: the app has none). */
  data: string;
}
