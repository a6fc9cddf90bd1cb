import type { Statement } from 'better-sqlite3';
import type { ImportCommitResult, ImportKind, ImportMapping, ImportPreview } from '../../../shared/import/schema';
import { vi } from '../../../shared/i18n/vi';
import { AttkError } from '../../../shared/errors';
import { foldForSearch, personSortKey } from '../../../shared/text/vietnamese';
import type { CallContext } from '../api/types';
import { writeAudit } from '../audit/service';
import { openDatabase, type Db } from '../db/open';
import { personSearchText } from '../people/service';
import { detectHeader, type DetectedHeader } from './detect';
import { columnLetter } from './package-parts';
import { extractRows, planImport, type Plan, type PlannedRow, type PlanOptions } from './plan';
import type { ProgressFn, RawSheet } from './read-workbook';

// The import's plan and write as tasks the file worker runs (issue 16 §4: the main thread never
// waits more than 100 ms while a 10,000-row import runs). Planning 10,000 rows costs ~0.4 s of CPU
// and writing them ~0.3 s: in the worker, on its own connection, that no longer holds the thread
// that answers the UI. The same functions run on the main connection when there is no worker
// (under vitest, unless a test bundles it) or the database is `:memory:` (a second connection
// cannot see it).
//
// Inputs are plain data: the sheet crosses as UTF-8 JSON in an ArrayBuffer that is moved, not
// cloned (a structured clone of 10,000 rows held the main thread 50–100 ms; the JSON is made once,
// in the worker that parsed the file, and the main thread posts a copy of its bytes).

const T = vi.import;

/** What a plan needs besides the sheet: the same options the preview and the commit pass. */
export interface PlanArgs extends PlanOptions {
  /** Only count the data rows (the stage's "no rows" check) when the mapping cannot be planned. */
  countOnly?: boolean;
}

export interface PageArgs {
  filter: 'all' | 'problems';
  offset: number;
  limit: number;
}

/** A preview page: what the worker sends back (never the whole plan). */
export interface PlannedPage {
  extracted: number;
  counts: ImportPreview['counts'];
  notes: string[];
  total: number;
  rows: ImportPreview['rows'];
}

export interface PlanImportTask {
  type: 'planImport';
  dbFile: string;
  nativeBinding?: string | undefined;
  /** The sheet as UTF-8 JSON (moved to the worker). */
  sheet: Uint8Array;
  plan: PlanArgs;
  page: PageArgs;
}

/** Who and when, as plain data (the CallContext's clock is a function and cannot cross). */
export interface CommitWho {
  actor: string;
  /** ISO time of the call: every row's created/updated time and the audit row's. */
  at: string;
}

/** Everything the audit row records about the file besides the result. */
export interface CommitFacts {
  kind: ImportKind;
  fileName: string;
  sha256: string;
  size: number;
  batchId: string;
}

export interface CommitImportTask {
  type: 'commitImport';
  dbFile: string;
  nativeBinding?: string | undefined;
  sheet: Uint8Array;
  plan: PlanOptions;
  facts: CommitFacts;
  who: CommitWho;
}

/** Rows of each sheet the main thread keeps decoded: header detection reads the top 40, the mapping step's samples the rows below. */
export const HEAD_ROWS = 300;

/**
 * A sheet as the stage keeps it: the whole sheet as JSON bytes (for the plan and commit tasks), and
 * only its head decoded, with the facts the wizard needs about the rest — so the main thread never
 * decodes or scans 10,000 rows (decoding them and detecting the header held it ~100 ms on a busy machine).
 */
export interface StagedSheet {
  json: Uint8Array;
  head: RawSheet;
  rows: number;
  /** The widest row's cell count. */
  width: number;
  /** The last row's number (1-based). */
  lastRow: number;
  detected: DetectedHeader;
}

export function stageSheet(sheet: RawSheet, kind: ImportKind): StagedSheet {
  let width = 0;
  for (const row of sheet.rows) width = Math.max(width, row.cells.length);
  return {
    json: encodeSheet(sheet),
    head: { ...sheet, rows: sheet.rows.slice(0, HEAD_ROWS) },
    rows: sheet.rows.length,
    width,
    lastRow: sheet.rows[sheet.rows.length - 1]?.r ?? 0,
    detected: detectHeader(sheet, kind),
  };
}

export function encodeSheet(sheet: RawSheet): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(sheet));
}

export function decodeSheet(bytes: Uint8Array): RawSheet {
  return JSON.parse(new TextDecoder().decode(bytes)) as RawSheet;
}

export function countsOf(plan: Plan): ImportPreview['counts'] {
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

const EMPTY_COUNTS: ImportPreview['counts'] = { rows: 0, create: 0, update: 0, skip: 0, error: 0, warning: 0, converted: 0 };

/** Plan a sheet against the database and cut one page out of it. */
export function planPage(db: Db, sheet: RawSheet, args: PlanArgs, page: PageArgs): PlannedPage {
  if (args.countOnly) {
    const extracted = extractRows(sheet, args.headerRow, args.mapping).rows.length;
    return { extracted, counts: EMPTY_COUNTS, notes: [], total: 0, rows: [] };
  }
  const plan = planImport(db, sheet, args);
  const matching = page.filter === 'problems' ? plan.rows.filter((row) => row.problems.length > 0) : plan.rows;
  return {
    extracted: plan.rows.length,
    counts: countsOf(plan),
    notes: plan.notes,
    total: matching.length,
    rows: matching.slice(page.offset, page.offset + page.limit).map(publicRow),
  };
}

/**
 * Plan and write, all or nothing, in ONE IMMEDIATE transaction of `db`: every valid row and one
 * summarising audit row. The plan is made inside the transaction (the database may have changed
 * since the preview), so what is written is exactly what was checked.
 */
export function writeImport(db: Db, sheet: RawSheet, plan: PlanOptions, facts: CommitFacts, who: CommitWho, onProgress?: ProgressFn): ImportCommitResult {
  const ctx = { actor: who.actor, now: () => new Date(who.at) } as CallContext;
  return db
    .transaction((): ImportCommitResult => {
      const planned = planImport(db, sheet, plan);
      const counts = countsOf(planned);
      const writer = new Writer(db, ctx, plan.mapping, facts.batchId);
      const total = planned.rows.length;
      planned.rows.forEach((row, i) => {
        writer.write(facts.kind, row);
        if (onProgress && (i % 500 === 0 || i === total - 1)) onProgress(i + 1, total);
      });
      const result: ImportCommitResult = {
        kind: facts.kind,
        fileName: facts.fileName,
        sheet: sheet.name,
        created: writer.created,
        updated: writer.updated,
        skipped: counts.skip,
        errors: counts.error,
      };
      writeAudit(db, ctx, {
        action: 'import',
        entity: 'import',
        entityId: null,
        summary: T.auditSummary(T.auditKind[facts.kind], facts.fileName, writer.created, writer.updated),
        data: {
          ...result, batchId: facts.batchId, sha256: facts.sha256, size: facts.size, headerRow: plan.headerRow, duplicates: plan.duplicates,
          mapping: Object.fromEntries(Object.entries(plan.mapping).map(([f, c]) => [f, columnLetter(c)])),
          errorRows: planned.rows.filter((row) => row.action === 'error').slice(0, 200).map((row) => row.row),
        },
      });
      return result;
    })
    .immediate();
}

/** The import whose audit row carries this batch id, if it was committed (after a worker was stopped mid-way). */
export function committedImport(db: Db, batchId: string): ImportCommitResult | null {
  const row = db
    .prepare("SELECT data FROM audit_log WHERE action = 'import' AND entity = 'import' AND json_extract(data, '$.batchId') = ? ORDER BY id DESC LIMIT 1")
    .get(batchId) as { data: string } | undefined;
  if (!row) return null;
  const d = JSON.parse(row.data) as ImportCommitResult;
  return { kind: d.kind, fileName: d.fileName, sheet: d.sheet, created: d.created, updated: d.updated, skipped: d.skipped, errors: d.errors };
}

/** Worker task: plan one preview page on a read-only connection (one snapshot). */
export function runPlanTask(task: PlanImportTask): PlannedPage {
  const sheet = decodeSheet(task.sheet);
  const db = openDatabase(task.dbFile, { readonly: true, ...(task.nativeBinding ? { nativeBinding: task.nativeBinding } : {}) });
  try {
    db.exec('BEGIN');
    return planPage(db, sheet, task.plan, task.page);
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
    db.close();
  }
}

/**
 * Worker task: the commit on the worker's own read-write connection (same pragmas and `vi_fold`
 * function as the main one: openDatabase). The main thread's dispatcher holds every other write
 * while this runs, so nothing interleaves; the busy timeout only covers a moment's overlap.
 */
export function runCommitTask(task: CommitImportTask, onProgress?: ProgressFn): ImportCommitResult {
  const sheet = decodeSheet(task.sheet);
  const db = openDatabase(task.dbFile, { create: false, backupBeforeMigration: false, ...(task.nativeBinding ? { nativeBinding: task.nativeBinding } : {}) });
  try {
    return writeImport(db, sheet, task.plan, task.facts, task.who, onProgress);
  } finally {
    db.close();
  }
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
