import { z } from 'zod';
import { vi } from '../i18n/vi';
import { id } from '../schema/fields';

// Excel import of staff, accounts and password-change confirmations: the contract's inputs and
// results. Parsing happens once, in `import.stage`; preview and commit work on the staged rows.

export const IMPORT_KINDS = ['staff', 'accounts', 'confirmations'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Every column a file may be mapped to. `seq` is the "STT" column: recognised, never stored. */
export const IMPORT_FIELDS = [
  'seq', 'fullName', 'givenName', 'position', 'department', 'unit', 'staffType', 'partyMember',
  'system', 'loginName', 'role', 'createdOn', 'sourceDocument', 'changedOn', 'confirmedBy', 'method', 'note',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Which fields each kind of file has, in the order the wizard lists them. */
export const FIELDS_OF: Record<ImportKind, readonly ImportField[]> = {
  staff: ['seq', 'fullName', 'givenName', 'position', 'department', 'unit', 'staffType', 'partyMember', 'note'],
  accounts: ['seq', 'system', 'loginName', 'fullName', 'givenName', 'department', 'role', 'createdOn', 'sourceDocument', 'note'],
  confirmations: ['seq', 'system', 'loginName', 'fullName', 'givenName', 'changedOn', 'confirmedBy', 'method', 'note'],
};

/** Fields without which a row cannot be imported (accounts/confirmations also need a system: a column or a default). */
export const REQUIRED_OF: Record<ImportKind, readonly ImportField[]> = {
  staff: ['fullName'],
  accounts: ['loginName'],
  confirmations: ['loginName', 'changedOn'],
};

/**
 * What to do with a row that matches an existing record (or an earlier row of the same file).
 * skip (the safe default) · update the existing record · create another one anyway.
 */
export const DUPLICATE_POLICIES = ['skip', 'update', 'create'] as const;
export type DuplicatePolicy = (typeof DUPLICATE_POLICIES)[number];
/** Not every policy makes sense for every kind: a login is unique per system; a confirmation is never edited in place. */
export const POLICIES_OF: Record<ImportKind, readonly DuplicatePolicy[]> = {
  staff: ['skip', 'update', 'create'],
  accounts: ['skip', 'update'],
  confirmations: ['skip', 'create'],
};

/** The largest file accepted: base64 of 20 MB. Real staff lists are a few hundred kB. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_COLUMNS = 200;

const kind = z.enum(IMPORT_KINDS, { error: vi.errors.badChoice });
const stageId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { error: vi.errors.invalidInput });
const sheetName = z.string().min(1).max(100);
const column = z.number().int().min(1).max(MAX_COLUMNS);
export const ImportMapping = z.partialRecord(z.enum(IMPORT_FIELDS), column);
export type ImportMapping = z.infer<typeof ImportMapping>;

export const ImportStageInput = z.strictObject({
  kind,
  fileName: z.string().min(1).max(255),
  // base64 of at most MAX_FILE_BYTES (4/3 of it, rounded up).
  dataBase64: z.string().max(Math.ceil(MAX_FILE_BYTES / 3) * 4 + 4, { error: vi.import.errors.tooLargeUpload }),
  sheet: sheetName.optional(),
});
export type ImportStageInput = z.input<typeof ImportStageInput>;

const planFields = {
  stageId,
  sheet: sheetName.optional(),
  /** 1-based row of the header (the last row of a two-row header); detected when omitted. */
  headerRow: z.number().int().min(1).max(1000).optional(),
  mapping: ImportMapping.optional(),
  duplicates: z.enum(DUPLICATE_POLICIES).default('skip'),
  /** For account/confirmation files without a "Hệ thống" column (one list per system). */
  systemId: id.optional(),
};

export const ImportPreviewInput = z.strictObject({
  ...planFields,
  filter: z.enum(['all', 'problems']).default('all'),
  offset: z.number().int().min(0).max(1_000_000).default(0),
  limit: z.number().int().min(1).max(1000).default(200),
});
export type ImportPreviewInput = z.input<typeof ImportPreviewInput>;

export const ImportCommitInput = z.strictObject({ ...planFields, mapping: ImportMapping });
export type ImportCommitInput = z.input<typeof ImportCommitInput>;

export const ImportTemplateInput = z.strictObject({ kind });
export type ImportTemplateInput = z.input<typeof ImportTemplateInput>;

export interface ImportSheetInfo {
  name: string;
  hidden: boolean;
  /** Rows that hold any value. */
  rows: number;
  /** Whether a header row was recognised on this sheet. */
  recognised: boolean;
}

export interface ImportColumn {
  /** 1-based. */
  index: number;
  /** "A", "B", … */
  letter: string;
  /** The header text as found (two-row headers joined with " / "), converted and cleaned. */
  label: string;
  /** A few values from the first data rows, for the mapping step. */
  samples: string[];
}

export type RowAction = 'create' | 'update' | 'skip' | 'error';

export interface RowProblem {
  level: 'error' | 'warning';
  field?: ImportField;
  /** Column letter in the file. */
  column?: string;
  message: string;
}

export interface ImportPreviewRow {
  /** The row number in Excel (1-based), as the user sees it. */
  row: number;
  action: RowAction;
  /** Cleaned values by field, as they would be stored (dates dd/MM/yyyy). */
  values: Partial<Record<ImportField, string>>;
  problems: RowProblem[];
  /** Fields whose text was converted from TCVN3 / VNI. */
  converted?: ImportField[];
}

export interface ImportCounts {
  /** Data rows found (blank, total, footer and section rows excluded). */
  rows: number;
  create: number;
  update: number;
  skip: number;
  error: number;
  warning: number;
  /** Cells converted from a legacy encoding. */
  converted: number;
}

export interface ImportPreview {
  stageId: string;
  kind: ImportKind;
  fileName: string;
  sheet: string;
  sheets: ImportSheetInfo[];
  /** Null when no header row was recognised: the user must pick one (or the file has none). */
  headerRow: number | null;
  /** Rows the header spans (2 for merged two-row headers). */
  headerRows: number;
  columns: ImportColumn[];
  mapping: ImportMapping;
  missing: ImportField[];
  /** True when the file needs a default system (no "Hệ thống" column mapped). */
  needsSystem: boolean;
  duplicates: DuplicatePolicy;
  legacy: { encoding: 'tcvn3' | 'vni'; cells: number }[];
  counts: ImportCounts;
  /** Problems of the file as a whole (e.g. an ignored total row, a header repeated). */
  notes: string[];
  filter: 'all' | 'problems';
  offset: number;
  /** Rows matching the filter. */
  total: number;
  rows: ImportPreviewRow[];
}

export interface ImportCommitResult {
  kind: ImportKind;
  fileName: string;
  sheet: string;
  created: number;
  updated: number;
  skipped: number;
  errors: number;
}

export interface ImportTemplate {
  fileName: string;
  dataBase64: string;
}
