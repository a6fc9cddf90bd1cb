import { decodeBase64 } from './base64';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { ParsedInputOf } from '../../../shared/api/contract';
import { AttkError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import {
  FIELDS_OF, MAX_FILE_BYTES, POLICIES_OF, REQUIRED_OF,
  type ImportCommitResult, type ImportField, type ImportKind, type ImportMapping, type ImportPreview, type ImportSheetInfo,
} from '../../../shared/import/schema';
import { foldForSearch, personSortKey } from '../../../shared/text/vietnamese';
import type { CallContext, HandlersFor } from '../api/types';
import { writeAudit } from '../audit/service';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open';
import { personSearchText } from '../people/service';
import { describeColumns, detectHeader, mappingForRow, type DetectedHeader } from './detect';
import { columnLetter } from './package-parts';
import { extractRows, planImport, todayOf, type Plan, type PlannedRow } from './plan';
import { fileProblemError, ImportFileError } from './problems';
import type { ProgressFn, RawSheet, RawWorkbook } from './read-workbook';
import { readWorkbookSafely, type ReaderOptions } from './run-reader';
import { buildTemplate } from './template';

// The import service: stage (parse once, off the main thread), preview (plan against the database,
// page by page), commit (plan again and write, inside the dispatcher's one IMMEDIATE transaction —
// all rows and one summarising audit row, or nothing).

const T = vi.import;

interface Stage {
  id: string;
  kind: ImportKind;
  fileName: string;
  sha256: string;
  size: number;
  workbook: RawWorkbook;
  defaultSheet: string;
  detected: Map<string, DetectedHeader>;
  lastUsed: number;
}

export interface ImportServiceOptions {
  reader?: ReaderOptions;
  /** Staged files are dropped after this long unused. */
  ttlMs?: number;
  /** At most this many staged files are kept (the least recently used goes first). */
  maxStages?: number;
  clock?: () => number;
}

type StageInput = ParsedInputOf<'import.stage'>;
type PreviewInput = ParsedInputOf<'import.preview'>;
type CommitInput = ParsedInputOf<'import.commit'>;

interface Resolved {
  stage: Stage;
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
    let workbook: RawWorkbook;
    try {
      // The bytes are moved to the file worker (not copied); only the hash and size are kept.
      workbook = await readWorkbookSafely(bytes, { ...this.options.reader, transfer: true, ...(onProgress ? { onProgress } : {}) });
    } catch (error) {
      if (error instanceof ImportFileError) throw fileProblemError(fileName, error.problem);
      throw error;
    }

    const detected = new Map<string, DetectedHeader>();
    const detect = (sheet: RawSheet) => {
      let d = detected.get(sheet.name);
      if (!d) detected.set(sheet.name, (d = detectHeader(sheet, kind)));
      return d;
    };
    let chosen: RawSheet | undefined;
    if (input.sheet !== undefined) {
      chosen = workbook.sheets.find((s) => s.name === input.sheet);
      if (!chosen) throw fileProblemError(fileName, { code: 'sheetNotFound', detail: { sheet: input.sheet } });
    } else {
      // The template's "Hướng dẫn" sheet holds an example table: never pick it by itself.
      const visible = workbook.sheets.filter((s) => !s.hidden && !foldForSearch(s.name).startsWith('huong dan'));
      const candidates = visible.length > 0 ? visible : workbook.sheets;
      chosen =
        candidates.find((s) => {
          const d = detect(s);
          return d.headerRow !== null && s.rows.some((r) => r.r > d.headerRow!);
        }) ??
        candidates.find((s) => detect(s).headerRow !== null) ??
        candidates[0];
    }
    if (!chosen) throw fileProblemError(fileName, { code: 'noSheets' });
    const header = detect(chosen);
    if (header.headerRow === null) throw fileProblemError(fileName, { code: 'noColumns', detail: { sheet: chosen.name } });

    const stage: Stage = {
      id: randomBytes(12).toString('base64url'),
      kind,
      fileName,
      sha256,
      size,
      workbook,
      defaultSheet: chosen.name,
      detected,
      lastUsed: this.clock(),
    };
    if (extractRows(chosen, header.headerRow, header.mapping).rows.length === 0) {
      throw fileProblemError(fileName, { code: 'noRows', detail: { sheet: chosen.name, row: header.headerRow } });
    }
    const first = this.preview({ stageId: stage.id, duplicates: 'skip', filter: 'all', offset: 0, limit: 200 }, ctx, stage);
    this.evict();
    this.stages.set(stage.id, stage);
    return first;
  }

  preview(input: PreviewInput, ctx: CallContext, staged?: Stage): ImportPreview {
    const r = this.resolve(input, staged);
    const base = this.describe(r, input.duplicates);
    if (r.headerRow === null || r.missing.length > 0 || r.needsSystem) return { ...base, filter: input.filter, offset: 0, total: 0, rows: [] };
    const plan = planImport(this.db, r.sheet, {
      kind: r.stage.kind, headerRow: r.headerRow, mapping: r.mapping, duplicates: input.duplicates, systemId: input.systemId, today: todayOf(ctx.now()),
    });
    const matching = input.filter === 'problems' ? plan.rows.filter((row) => row.problems.length > 0) : plan.rows;
    return {
      ...base,
      counts: countsOf(plan),
      notes: plan.notes,
      filter: input.filter,
      offset: input.offset,
      total: matching.length,
      rows: matching.slice(input.offset, input.offset + input.limit).map(publicRow),
    };
  }

  /** Synchronous: runs inside the dispatcher's transaction. Writes the valid rows and one audit row. */
  commit(input: CommitInput, ctx: CallContext, onProgress?: ProgressFn): ImportCommitResult {
    const r = this.resolve(input);
    if (r.headerRow === null) throw new AttkError('VALIDATION', T.errors.headerOutside, ['headerRow']);
    if (r.missing.length > 0) throw new AttkError('VALIDATION', T.errors.missingRequired(r.missing.map((f) => fieldLabel(r.stage.kind, f)).join(', ')), ['mapping']);
    if (r.needsSystem) throw new AttkError('VALIDATION', T.errors.needSystem, ['systemId']);
    const plan = planImport(this.db, r.sheet, {
      kind: r.stage.kind, headerRow: r.headerRow, mapping: r.mapping, duplicates: input.duplicates, systemId: input.systemId, today: todayOf(ctx.now()),
    });
    const counts = countsOf(plan);
    const batchId = randomUUID();
    const writer = new Writer(this.db, ctx, r.mapping, batchId);
    const total = plan.rows.length;
    plan.rows.forEach((row, i) => {
      writer.write(r.stage.kind, row);
      if (onProgress && (i % 500 === 0 || i === total - 1)) onProgress(i + 1, total);
    });
    const result: ImportCommitResult = {
      kind: r.stage.kind,
      fileName: r.stage.fileName,
      sheet: r.sheet.name,
      created: writer.created,
      updated: writer.updated,
      skipped: counts.skip,
      errors: counts.error,
    };
    writeAudit(this.db, ctx, {
      action: 'import',
      entity: 'import',
      entityId: null,
      summary: T.auditSummary(T.auditKind[r.stage.kind], r.stage.fileName, writer.created, writer.updated),
      data: {
        ...result, batchId, sha256: r.stage.sha256, size: r.stage.size, headerRow: r.headerRow, duplicates: input.duplicates,
        mapping: Object.fromEntries(Object.entries(r.mapping).map(([f, c]) => [f, columnLetter(c)])),
        errorRows: plan.rows.filter((row) => row.action === 'error').slice(0, 200).map((row) => row.row),
      },
    });
    // The transaction commits right after this returns; a second commit of the same file is refused.
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
    const sheet = stage.workbook.sheets.find((s) => s.name === sheetName);
    if (!sheet) throw new AttkError('VALIDATION', T.fileErrors.sheetNotFound(stage.fileName, { sheet: sheetName }), ['sheet']);
    let detected = stage.detected.get(sheet.name);
    if (!detected) stage.detected.set(sheet.name, (detected = detectHeader(sheet, kind)));

    let headerRow = detected.headerRow;
    let headerRows = detected.headerRows;
    if (input.headerRow !== undefined && input.headerRow !== detected.headerRow) {
      const last = sheet.rows[sheet.rows.length - 1]?.r ?? 0;
      if (input.headerRow > last) throw new AttkError('VALIDATION', T.errors.headerOutside, ['headerRow']);
      headerRow = input.headerRow;
      headerRows = 1;
    }
    const mapping = input.mapping ?? (headerRow === detected.headerRow ? detected.mapping : headerRow === null ? {} : mappingForRow(sheet, headerRow, kind));
    const width = Math.max(0, ...sheet.rows.map((row) => row.cells.length));
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
    return { stage, sheet, headerRow, headerRows, mapping, missing, needsSystem };
  }

  private describe(r: Resolved, duplicates: PreviewInput['duplicates']): Omit<ImportPreview, 'filter' | 'offset' | 'total' | 'rows'> {
    const sheets: ImportSheetInfo[] = r.stage.workbook.sheets.map((s) => ({
      name: s.name,
      hidden: s.hidden,
      rows: s.rows.length,
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

function countsOf(plan: Plan): ImportPreview['counts'] {
  const c = { rows: plan.rows.length, create: 0, update: 0, skip: 0, error: 0, warning: 0, converted: plan.converted };
  for (const row of plan.rows) {
    c[row.action]++;
    if (row.problems.some((p) => p.level === 'warning')) c.warning++;
  }
  return c;
}

function publicRow(row: PlannedRow): ImportPreview['rows'][number] {
  const { row: n, action, values, problems, converted } = row;
  return converted ? { row: n, action, values, problems, converted } : { row: n, action, values, problems };
}

/** Inserts and updates with prepared statements, mirroring what the people/accounts/confirmations services store. */
class Writer {
  created = 0;
  updated = 0;
  private readonly now: string;
  private readonly unitNames = new Map<number, string>();
  private readonly stmt: Record<string, Statement> = {};

  constructor(
    private readonly db: Db,
    private readonly ctx: CallContext,
    private readonly mapping: ImportMapping,
    private readonly batchId: string,
  ) {
    this.now = ctx.now().toISOString();
  }

  private prepare(key: string, sql: string) {
    return (this.stmt[key] ??= this.db.prepare(sql));
  }

  private unitName(id: number): string {
    let name = this.unitNames.get(id);
    if (name === undefined) {
      name = (this.db.prepare('SELECT name FROM units WHERE id = ?').get(id) as { name: string } | undefined)?.name;
      if (name === undefined) throw new AttkError('VALIDATION', vi.errors.noHomeUnit);
      this.unitNames.set(id, name);
    }
    return name;
  }

  write(kind: ImportKind, row: PlannedRow): void {
    if (row.action === 'create') this.created++;
    else if (row.action === 'update') this.updated++;
    else return;
    if (kind === 'staff') this.staff(row);
    else if (kind === 'accounts') this.account(row);
    else this.confirmation(row);
  }

  private staff(row: PlannedRow): void {
    const v = row.staff!;
    if (row.action === 'create') {
      this.prepare(
        'personInsert',
        `INSERT INTO people (unit_id, full_name, position, department, staff_type, party_member, note, sort_key, search_text, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(v.unitId, v.fullName, v.position, v.department, v.staffType, v.partyMember ? 1 : 0, v.note, personSortKey(v.fullName),
        personSearchText(v.fullName, v.position, v.department, this.unitName(v.unitId)), this.now, this.now);
      return;
    }
    // Update only what the file has a column for: a list without "Chức vụ" must not blank positions.
    const before = this.prepare('personGet', 'SELECT unit_id AS unitId, position, department, staff_type AS staffType, party_member AS partyMember, note FROM people WHERE id = ?')
      .get(row.targetId) as { unitId: number; position: string; department: string; staffType: string; partyMember: number; note: string };
    const m = this.mapping;
    const next = {
      unitId: m.unit !== undefined && row.values.unit ? v.unitId : before.unitId,
      position: m.position !== undefined ? v.position : before.position,
      department: m.department !== undefined || v.department ? v.department : before.department,
      staffType: m.staffType !== undefined ? v.staffType : before.staffType,
      partyMember: m.partyMember !== undefined ? (v.partyMember ? 1 : 0) : before.partyMember,
      note: m.note !== undefined ? v.note : before.note,
    };
    this.prepare(
      'personUpdate',
      `UPDATE people SET unit_id = ?, full_name = ?, position = ?, department = ?, staff_type = ?, party_member = ?, note = ?,
         sort_key = ?, search_text = ?, updated_at = ? WHERE id = ?`,
    ).run(next.unitId, v.fullName, next.position, next.department, next.staffType, next.partyMember, next.note, personSortKey(v.fullName),
      personSearchText(v.fullName, next.position, next.department, this.unitName(next.unitId)), this.now, row.targetId);
  }

  private account(row: PlannedRow): void {
    const v = row.account!;
    if (row.action === 'create') {
      this.prepare(
        'accountInsert',
        `INSERT INTO accounts (system_id, person_id, login_name, role, status, source_document, created_on, note, search_text, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'active', ?, ?, ?, ?, ?, ?)`,
      ).run(v.systemId, v.personId, v.loginName, v.role, v.sourceDocument, v.createdOn, v.note, foldForSearch(v.loginName), this.now, this.now);
      return;
    }
    const before = this.prepare('accountGet', 'SELECT person_id AS personId, role, source_document AS sourceDocument, created_on AS createdOn, note FROM accounts WHERE id = ?')
      .get(row.targetId) as { personId: number | null; role: string; sourceDocument: string; createdOn: string | null; note: string };
    const m = this.mapping;
    this.prepare('accountUpdate', 'UPDATE accounts SET person_id = ?, role = ?, source_document = ?, created_on = ?, note = ?, updated_at = ? WHERE id = ?').run(
      m.fullName !== undefined ? v.personId : before.personId,
      m.role !== undefined ? v.role : before.role,
      m.sourceDocument !== undefined ? v.sourceDocument : before.sourceDocument,
      m.createdOn !== undefined ? v.createdOn : before.createdOn,
      m.note !== undefined ? v.note : before.note,
      this.now,
      row.targetId,
    );
  }

  private confirmation(row: PlannedRow): void {
    const v = row.confirmation!;
    this.prepare(
      'confirmationInsert',
      `INSERT INTO confirmations (account_id, changed_on, confirmed_by, method, note, campaign_id, batch_id, recorded_by, recorded_at)
       VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?)`,
    ).run(v.accountId, v.changedOn, v.confirmedBy, v.method, v.note, this.batchId, this.ctx.actor, this.now);
  }
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
