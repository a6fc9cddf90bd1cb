import { decodeBase64 } from './base64';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { ParsedInputOf } from '../../../shared/api/contract';
import { AttkError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import { viImportCommit } from '../../../shared/i18n/vi-import-commit';
import {
  FIELDS_OF, MAX_FILE_BYTES, POLICIES_OF, REQUIRED_OF,
  type ImportCommitResult, type ImportField, type ImportKind, type ImportMapping, type ImportPreview, type ImportSheetInfo,
} from '../../../shared/import/schema';
import { foldForSearch } from '../../../shared/text/vietnamese';
import type { CallContext, HandlersFor } from '../api/types';
import type { Db } from '../db/open';
import { committedImport, decodeSheet, planPage, writeImport, type CommitFacts, type PageArgs, type PlanArgs, type PlannedPage, type StagedSheet } from './commit-task';
import { describeColumns, detectHeader, mappingForRow, type DetectedHeader } from './detect';
import { columnLetter } from './package-parts';
import { todayOf, type PlanOptions } from './plan';
import { fileProblemError, ImportFileError } from './problems';
import { DEFAULT_READ_LIMITS, type ProgressFn, type RawSheet } from './read-workbook';
import { DEFAULT_TIMEOUT_MS, fileWorkerUrl, runFileTask, type ReaderOptions } from './run-reader';
import { buildTemplate } from './template';
import type { StagedWorkbook } from './worker-tasks';

// The import service: stage (parse once, off the main thread), preview (plan against the database,
// page by page, off the main thread), commit (plan again and write — all rows and one summarising
// audit row, or nothing — in one IMMEDIATE transaction of the file worker's own connection, while
// the dispatcher holds every other write: issue 16 §4, the main thread never waits on an import).
// Without a worker (under vitest, unless a test bundles it) or on a `:memory:` database (a second
// connection cannot open it) the same plan and write run on the main connection instead.

const T = vi.import;

interface Stage {
  id: string;
  kind: ImportKind;
  fileName: string;
  sha256: string;
  size: number;
  /** Each sheet: its head decoded, the whole as JSON bytes (a copy of them is what a plan task receives), its facts. */
  sheets: StagedSheet[];
  defaultSheet: string;
  detected: Map<string, DetectedHeader>;
  lastUsed: number;
  /** A commit of this stage is running: a second one is refused. */
  committing?: boolean;
}

export interface ImportServiceOptions {
  reader?: ReaderOptions;
  /** Staged files are dropped after this long unused. */
  ttlMs?: number;
  /** At most this many staged files are kept (the least recently used goes first). */
  maxStages?: number;
  clock?: () => number;
  /** The native addon for the worker's own connections (Electron's build in the app). */
  nativeBinding?: string | undefined;
  /** Watchdog of the commit in the worker (default 60 s). */
  commitTimeoutMs?: number;
}

type StageInput = ParsedInputOf<'import.stage'>;
type PreviewInput = ParsedInputOf<'import.preview'>;
type CommitInput = ParsedInputOf<'import.commit'>;

interface Resolved {
  stage: Stage;
  staged: StagedSheet;
  /** The sheet's decoded head (or the whole sheet, when the header sits below the head). */
  sheet: RawSheet;
  headerRow: number | null;
  headerRows: 1 | 2;
  mapping: ImportMapping;
  missing: ImportField[];
  needsSystem: boolean;
}

export class ImportService {
  private readonly stages = new Map<string, Stage>();
  private readonly ttlMs: number;
  private readonly maxStages: number;
  private readonly clock: () => number;

  constructor(
    private readonly db: Db,
    private readonly options: ImportServiceOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 30 * 60_000;
    this.maxStages = options.maxStages ?? 4;
    this.clock = options.clock ?? Date.now;
  }

  /** Parse the file (pre-scan + worker), pick the sheet and header, keep the rows in memory, return the first preview page. */
  async stage(input: StageInput, ctx: CallContext, onProgress?: ProgressFn): Promise<ImportPreview> {
    const { kind, fileName } = input;
    const bytes = decodeBase64(input.dataBase64);
    if (!bytes) throw fileProblemError(fileName, { code: 'badBase64' });
    if (bytes.length > MAX_FILE_BYTES) throw fileProblemError(fileName, { code: 'tooLarge', detail: { limit: MAX_FILE_BYTES } });
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const size = bytes.length;
    let sheets: StagedSheet[];
    try {
      // The bytes are moved to the file worker (not copied); only the hash and size are kept. Each
      // sheet comes back as JSON bytes (moved too, never decoded whole here), its first rows, its
      // facts and its detected header: the main thread never walks 10,000 rows.
      sheets = ((await runFileTask(
        { type: 'stageWorkbook', bytes, limits: this.options.reader?.limits ?? DEFAULT_READ_LIMITS, kind },
        { ...this.options.reader, transfer: true, ...(onProgress ? { onProgress } : {}) },
      )) as StagedWorkbook).staged;
    } catch (error) {
      if (error instanceof ImportFileError) throw fileProblemError(fileName, error.problem);
      throw error;
    }

    // Detected in the worker (the header is searched in the top rows, which the head holds).
    const detected = new Map<string, DetectedHeader>(sheets.map((s) => [s.head.name, s.detected]));
    let chosen: StagedSheet | undefined;
    if (input.sheet !== undefined) {
      chosen = sheets.find((s) => s.head.name === input.sheet);
      if (!chosen) throw fileProblemError(fileName, { code: 'sheetNotFound', detail: { sheet: input.sheet } });
    } else {
      // The template's "Hướng dẫn" sheet holds an example table: never pick it by itself.
      const visible = sheets.filter((s) => !s.head.hidden && !foldForSearch(s.head.name).startsWith('huong dan'));
      const candidates = visible.length > 0 ? visible : sheets;
      chosen =
        candidates.find((s) => s.detected.headerRow !== null && s.lastRow > s.detected.headerRow) ??
        candidates.find((s) => s.detected.headerRow !== null) ??
        candidates[0];
    }
    if (!chosen) throw fileProblemError(fileName, { code: 'noSheets' });
    const header = chosen.detected;
    if (header.headerRow === null) throw fileProblemError(fileName, { code: 'noColumns', detail: { sheet: chosen.head.name } });

    const stage: Stage = {
      id: randomBytes(12).toString('base64url'),
      kind,
      fileName,
      sha256,
      size,
      sheets,
      defaultSheet: chosen.head.name,
      detected,
      lastUsed: this.clock(),
    };
    const first = await this.planned({ stageId: stage.id, duplicates: 'skip', filter: 'all', offset: 0, limit: 200 }, ctx, stage, true);
    if (first.extracted === 0) {
      throw fileProblemError(fileName, { code: 'noRows', detail: { sheet: chosen.head.name, row: header.headerRow } });
    }
    this.evict();
    this.stages.set(stage.id, stage);
    return first.preview;
  }

  /** One page of the plan (planned in the worker: ~0.4 s of CPU for 10,000 rows). */
  async preview(input: PreviewInput, ctx: CallContext): Promise<ImportPreview> {
    return (await this.planned(input, ctx)).preview;
  }

  /** A preview page, and how many data rows the sheet has under the header (counted when `count` even if nothing can be planned). */
  private async planned(input: PreviewInput, ctx: CallContext, staged?: Stage, count = false): Promise<{ preview: ImportPreview; extracted: number }> {
    const r = this.resolve(input, staged);
    const base = this.describe(r, input.duplicates);
    const empty = { ...base, filter: input.filter, offset: 0, total: 0, rows: [] };
    if (r.headerRow === null) return { preview: empty, extracted: 0 };
    const plannable = r.missing.length === 0 && !r.needsSystem;
    if (!plannable && !count) return { preview: empty, extracted: 0 };
    const args: PlanArgs = { ...this.planOptions(r, input, ctx), ...(plannable ? {} : { countOnly: true }) };
    const page = await this.plan(r, args, { filter: input.filter, offset: input.offset, limit: input.limit });
    if (!plannable) return { preview: empty, extracted: page.extracted };
    return {
      preview: { ...base, counts: page.counts, notes: page.notes, filter: input.filter, offset: input.offset, total: page.total, rows: page.rows },
      extracted: page.extracted,
    };
  }

  private planOptions(r: Resolved, input: PreviewInput | CommitInput, ctx: CallContext): PlanOptions {
    return { kind: r.stage.kind, headerRow: r.headerRow!, mapping: r.mapping, duplicates: input.duplicates, systemId: input.systemId, today: todayOf(ctx.now()) };
  }

  /** The worker this service's plans and commits run in; null: inline on the main connection (no built worker, or `:memory:`, which a second connection cannot open). */
  private worker(): URL | null {
    if (this.db.memory) return null;
    return fileWorkerUrl(this.options.reader ?? {});
  }

  /** A fresh copy of the sheet's JSON for a task (the task's copy is moved to the worker). */
  private sheetBytes(r: Resolved): Uint8Array {
    return new Uint8Array(r.staged.json);
  }

  /** The whole sheet, decoded on this thread: only where the plan or the write runs here too (no worker, `:memory:`). */
  private fullSheet(r: Resolved): RawSheet {
    return r.sheet.rows.length === r.staged.rows ? r.sheet : decodeSheet(r.staged.json);
  }

  private async plan(r: Resolved, args: PlanArgs, page: PageArgs): Promise<PlannedPage> {
    const url = this.worker();
    if (!url) return planPage(this.db, this.fullSheet(r), args, page);
    try {
      return (await runFileTask(
        { type: 'planImport', dbFile: this.db.name, nativeBinding: this.options.nativeBinding, sheet: this.sheetBytes(r), plan: args, page },
        { ...this.options.reader, workerUrl: url },
      )) as PlannedPage;
    } catch (error) {
      if (error instanceof ImportFileError) throw fileProblemError(r.stage.fileName, error.problem);
      throw error;
    }
  }

  /**
   * Plan again and write the valid rows and one audit row, all or nothing, in one IMMEDIATE
   * transaction — of the worker's own connection (the dispatcher runs this as a `bulk` method: no
   * transaction of its own on the main connection, every other write held until this ends), or of
   * the main connection when there is no worker. The stage is used once: dropped when the import
   * is written, kept when it failed (nothing was written; the clerk can try again).
   */
  async commit(input: CommitInput, ctx: CallContext, onProgress?: ProgressFn): Promise<ImportCommitResult> {
    const r = this.resolve(input);
    if (r.headerRow === null) throw new AttkError('VALIDATION', T.errors.headerOutside, ['headerRow']);
    if (r.missing.length > 0) throw new AttkError('VALIDATION', T.errors.missingRequired(r.missing.map((f) => fieldLabel(r.stage.kind, f)).join(', ')), ['mapping']);
    if (r.needsSystem) throw new AttkError('VALIDATION', T.errors.needSystem, ['systemId']);
    if (r.stage.committing) throw new AttkError('CONFLICT', viImportCommit.busy, ['stageId']);
    const plan = this.planOptions(r, input, ctx);
    const facts: CommitFacts = { kind: r.stage.kind, fileName: r.stage.fileName, sha256: r.stage.sha256, size: r.stage.size, batchId: randomUUID() };
    const who = { actor: ctx.actor, at: ctx.now().toISOString() };
    const url = this.worker();
    let result: ImportCommitResult;
    r.stage.committing = true;
    try {
      if (!url) result = writeImport(this.db, this.fullSheet(r), plan, facts, who, onProgress);
      else {
        try {
          result = (await runFileTask(
            { type: 'commitImport', dbFile: this.db.name, nativeBinding: this.options.nativeBinding, sheet: this.sheetBytes(r), plan, facts, who },
            { workerUrl: url, timeoutMs: this.options.commitTimeoutMs ?? DEFAULT_TIMEOUT_MS, settleAfterExit: true, ...(onProgress ? { onProgress } : {}) },
          )) as ImportCommitResult;
        } catch (error) {
          if (!(error instanceof ImportFileError)) throw error;
          // The worker was stopped (watchdog, crash, memory) and its thread has ended: if that
          // happened after its COMMIT, the import is in the database — its audit row says so.
          const landed = committedImport(this.db, facts.batchId);
          if (!landed) throw commitStopped(error, r.stage.fileName);
          result = landed;
        }
      }
    } finally {
      r.stage.committing = false;
    }
    // Written: a second commit of the same file is refused.
    this.stages.delete(r.stage.id);
    return result;
  }

  template(kind: ImportKind): Promise<{ fileName: string; dataBase64: string }> {
    return buildTemplate(this.db, kind);
  }

  private evict(): void {
    const now = this.clock();
    for (const [id, s] of this.stages) if (now - s.lastUsed > this.ttlMs) this.stages.delete(id);
    while (this.stages.size >= this.maxStages) {
      const oldest = [...this.stages.values()].sort((a, b) => a.lastUsed - b.lastUsed)[0]!;
      this.stages.delete(oldest.id);
    }
  }

  private resolve(input: PreviewInput | CommitInput, staged?: Stage): Resolved {
    let stage = staged ?? this.stages.get(input.stageId);
    if (stage && !staged && this.clock() - stage.lastUsed > this.ttlMs) {
      this.stages.delete(stage.id);
      stage = undefined;
    }
    if (!stage) throw new AttkError('NOT_FOUND', T.errors.stageExpired, ['stageId']);
    stage.lastUsed = this.clock();
    const kind = stage.kind;
    const sheetName = input.sheet ?? stage.defaultSheet;
    const sheetOf = stage.sheets.find((s) => s.head.name === sheetName);
    if (!sheetOf) throw new AttkError('VALIDATION', T.fileErrors.sheetNotFound(stage.fileName, { sheet: sheetName }), ['sheet']);
    let sheet = sheetOf.head;
    let detected = stage.detected.get(sheet.name);
    if (!detected) stage.detected.set(sheet.name, (detected = detectHeader(sheet, kind)));

    let headerRow = detected.headerRow;
    let headerRows = detected.headerRows;
    if (input.headerRow !== undefined && input.headerRow !== detected.headerRow) {
      if (input.headerRow > sheetOf.lastRow) throw new AttkError('VALIDATION', T.errors.headerOutside, ['headerRow']);
      headerRow = input.headerRow;
      headerRows = 1;
    }
    // A header chosen below the decoded head (a list under 300 rows of preamble): decode the whole sheet here.
    if (headerRow !== null && sheet.rows.length < sheetOf.rows && headerRow >= (sheet.rows[sheet.rows.length - 1]?.r ?? 0)) sheet = decodeSheet(sheetOf.json);
    const mapping = input.mapping ?? (headerRow === detected.headerRow ? detected.mapping : headerRow === null ? {} : mappingForRow(sheet, headerRow, kind));
    const width = sheetOf.width;
    const used = new Map<number, ImportField>();
    for (const [field, col] of Object.entries(mapping) as [ImportField, number][]) {
      if (!FIELDS_OF[kind].includes(field)) throw new AttkError('VALIDATION', T.errors.fieldNotForKind(fieldLabel(kind, field)), ['mapping', field]);
      if (used.has(col)) throw new AttkError('VALIDATION', T.errors.columnTwice(columnLetter(col)), ['mapping', field]);
      if (col > width) throw new AttkError('VALIDATION', T.errors.columnOutside(columnLetter(col)), ['mapping', field]);
      used.set(col, field);
    }
    if (!POLICIES_OF[kind].includes((input as { duplicates: (typeof POLICIES_OF)[ImportKind][number] }).duplicates)) {
      throw new AttkError('VALIDATION', T.errors.policyNotForKind, ['duplicates']);
    }
    const missing = REQUIRED_OF[kind].filter((f) => mapping[f] === undefined);
    const needsSystem = kind !== 'staff' && mapping.system === undefined && input.systemId === undefined;
    return { stage, staged: sheetOf, sheet, headerRow, headerRows, mapping, missing, needsSystem };
  }

  private describe(r: Resolved, duplicates: PreviewInput['duplicates']): Omit<ImportPreview, 'filter' | 'offset' | 'total' | 'rows'> {
    const sheets: ImportSheetInfo[] = r.stage.sheets.map(({ head: s, rows }) => ({
      name: s.name,
      hidden: s.hidden,
      rows,
      recognised: (r.stage.detected.get(s.name) ?? detectHeader(s, r.stage.kind)).headerRow !== null,
    }));
    const legacy = (['tcvn3', 'vni'] as const).flatMap((encoding) => (r.sheet.converted[encoding] ? [{ encoding, cells: r.sheet.converted[encoding]! }] : []));
    return {
      stageId: r.stage.id,
      kind: r.stage.kind,
      fileName: r.stage.fileName,
      sheet: r.sheet.name,
      sheets,
      headerRow: r.headerRow,
      headerRows: r.headerRows,
      columns: describeColumns(r.sheet, r.headerRow, r.headerRows),
      mapping: r.mapping,
      missing: r.missing,
      needsSystem: r.needsSystem,
      duplicates,
      legacy,
      counts: { rows: 0, create: 0, update: 0, skip: 0, error: 0, warning: 0, converted: 0 },
      notes: [],
    };
  }
}

function fieldLabel(kind: ImportKind, field: ImportField): string {
  return kind !== 'staff' && field === 'fullName' ? T.ownerField : T.fields[field];
}

/** A stopped commit worker, in the clerk's words (the read's own messages speak of reading the file). */
function commitStopped(error: ImportFileError, fileName: string): AttkError {
  const code = error.problem.code;
  const message = code === 'timeout' ? viImportCommit.timeout(fileName) : code === 'outOfMemory' ? viImportCommit.outOfMemory(fileName) : viImportCommit.stopped(fileName);
  return new AttkError('DATABASE', message);
}

/** The contract's `import.*` methods, over one ImportService per database. */
export function importHandlers(db: Db, options: ImportServiceOptions = {}): HandlersFor<'import'> {
  const service = new ImportService(db, options);
  return {
    'import.stage': (input, ctx) => service.stage(input, ctx),
    'import.preview': (input, ctx) => service.preview(input, ctx),
    'import.commit': (input, ctx) => service.commit(input, ctx),
    'import.template': ({ kind }) => service.template(kind),
  };
}
