import { z } from 'zod';
import { optionalIsoDate, optionalText, paging, searchQuery } from '../schema/fields';

/** Filters of the audit log screen; every one optional, combined with AND. Dates are local calendar days. */
const filters = {
  entity: optionalText(40).optional(),
  action: optionalText(40).optional(),
  actor: optionalText(120).optional(),
  from: optionalIsoDate,
  to: optionalIsoDate,
  /** Text in the summary, the recorded values or the actor; diacritics optional. */
  q: searchQuery,
};

export const AuditListInput = z.strictObject({ ...filters, ...paging });
export type AuditListInput = z.input<typeof AuditListInput>;

export const AuditExportInput = z.strictObject(filters);
export type AuditExportInput = z.input<typeof AuditExportInput>;

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

/** The values the filters can take (distinct, from the log itself). */
export interface AuditFacets {
  entities: string[];
  actions: string[];
  actors: string[];
}

/** CSV text (UTF-8 with BOM, so Excel shows Vietnamese) of the filtered log, oldest first. */
export interface AuditExport {
  fileName: string;
  csv: string;
  rows: number;
}
