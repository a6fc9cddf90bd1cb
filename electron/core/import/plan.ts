import { formatViDate, parseUserDate, toIsoDate } from '../../../shared/dates';
import { vi } from '../../../shared/i18n/vi';
import { normaliseHeader } from '../../../shared/import/headers';
import { FIELDS_OF, type DuplicatePolicy, type ImportField, type ImportKind, type ImportMapping, type ImportPreviewRow, type RowAction, type RowProblem } from '../../../shared/import/schema';
import { isFooterLabel, isTotalLabel, parseConfirmedBy, parseMethod, parsePartyMember, parseRole, parseStaffType, sectionTitle } from '../../../shared/import/values';
import type { AccountRole } from '../../../shared/accounts/schema';
import type { ConfirmationMethod, ConfirmedBy } from '../../../shared/confirmations/schema';
import type { StaffType } from '../../../shared/people/schema';
import { TEXT_LIMITS, textProblem } from '../../../shared/text/rules';
import { cleanText, foldForSearch } from '../../../shared/text/vietnamese';
import type { Db } from '../db/open';
import { homeUnitId } from '../unit/service';
import { cellText, headerKeys } from './detect';
import { columnLetter, serialToIsoSafe } from './plan-helpers';
import type { RawCell, RawSheet } from './read-workbook';

// From rows of cells to a plan: for every data row, what would be stored, whether it creates,
// updates, is skipped as a duplicate or is refused — with per-row problems naming row, column
// and field. Computed for the preview and computed again, inside the write transaction, at commit
// (the database may have changed in between), so what is written is exactly what was checked.

const T = vi.import;
const label = (kind: ImportKind, field: ImportField) => (kind !== 'staff' && field === 'fullName' ? T.ownerField : T.fields[field]);

export interface StaffValues {
  unitId: number;
  fullName: string;
  position: string;
  department: string;
  staffType: StaffType;
  partyMember: boolean;
  note: string;
}
export interface AccountValues {
  systemId: number;
  personId: number | null;
  loginName: string;
  role: AccountRole;
  createdOn: string | null;
  sourceDocument: string;
  note: string;
}
export interface ConfirmationValues {
  accountId: number;
  changedOn: string;
  confirmedBy: ConfirmedBy;
  method: ConfirmationMethod;
  note: string;
}

export interface PlannedRow extends ImportPreviewRow {
  /** The record a duplicate matches (for 'update'). */
  targetId?: number;
  staff?: StaffValues;
  account?: AccountValues;
  confirmation?: ConfirmationValues;
}

export interface Plan {
  rows: PlannedRow[];
  notes: string[];
  converted: number;
}

export interface PlanOptions {
  kind: ImportKind;
  headerRow: number;
  mapping: ImportMapping;
  duplicates: DuplicatePolicy;
  systemId?: number | undefined;
  today: string;
}

interface Extracted {
  row: number;
  cells: Partial<Record<ImportField, RawCell | null>>;
  section: string | null;
}

const NUMBERING = /^\(?\d{1,2}\)?$/;

/** Data rows below the header: blank, total, footer, section, repeated-header and numbering rows removed. */
export function extractRows(sheet: RawSheet, headerRow: number, mapping: ImportMapping): { rows: Extracted[]; notes: string[] } {
  const notes: string[] = [];
  const mapped = Object.entries(mapping) as [ImportField, number][];
  const dataFields = mapped.filter(([f]) => f !== 'seq');
  const headerTexts = headerKeys(sheet, headerRow, mapping);
  const below = sheet.rows.filter((r) => r.r > headerRow);
  const seqCol = mapping.seq;
  const keyCol = mapping.fullName ?? mapping.loginName;
  const rows: Extracted[] = [];
  // Departments and positions repeat down a list: fold each distinct text once.
  const normalised = new Map<string, string>();
  const normalisedOnce = (text: string) => {
    let key = normalised.get(text);
    if (key === undefined) normalised.set(text, (key = normaliseHeader(text)));
    return key;
  };
  let section: string | null = null;
  let repeated = 0;
  let sections = 0;

  for (let i = 0; i < below.length; i++) {
    const raw = below[i]!;
    const texts = raw.cells.map((c) => cellText(c));
    const filled = texts.filter(Boolean);
    if (filled.length === 0) continue;
    const first = filled[0]!;

    // Column numbering under the header: "1 2 3 4 5" or "(1) (2) (3)".
    if (i === 0 && filled.length >= 3 && filled.every((t) => NUMBERING.test(t))) {
      notes.push(T.notes.numbering(raw.r));
      continue;
    }
    // A total row: its first text is "Tổng cộng"/"Cộng" and its name/login cell holds no name (empty, a count, or the label itself).
    const totalKey = keyCol === undefined ? '' : cellText(raw.cells[keyCol - 1]);
    if (isTotalLabel(first) && (!/\p{L}/u.test(totalKey) || isTotalLabel(totalKey))) {
      notes.push(T.notes.totalRow(raw.r));
      continue;
    }
    // The signature block: stop, but only when nothing after it looks like a data row (a numbered
    // STT, or more than two filled cells) — a missing name in mid-list must stay a visible error.
    const keyText = keyCol ? cellText(raw.cells[keyCol - 1]) : '';
    // (The name/login cell is tested first: on a data row it holds a name, and the other cells are
    // never folded — folding every cell of 10,000 rows held the main thread ~0.5 s at commit.)
    if ((!keyText || isFooterLabel(keyText)) && filled.some(isFooterLabel)) {
      const rest = below.slice(i + 1);
      const looksLikeData = rest.some((r) => {
        const seq = seqCol ? cellText(r.cells[seqCol - 1]) : '';
        return /^\d+$/.test(seq) || r.cells.filter((c) => cellText(c)).length > 2;
      });
      if (!looksLikeData) {
        notes.push(T.notes.footer(raw.r));
        break;
      }
    }
    // A header repeated at the top of each printed page.
    if (headerTexts.size >= 2) {
      let same = 0;
      for (const [col, key] of headerTexts) if (normalisedOnce(texts[col - 1] ?? '') === key) same++;
      if (same >= 2) {
        repeated++;
        continue;
      }
    }
    // A group heading ("I. Văn phòng"): one distinct value, no STT.
    const distinct = new Set(filled);
    const seqText = seqCol ? texts[seqCol - 1] ?? '' : '';
    if (distinct.size === 1 && (!seqCol || !seqText || seqText === first)) {
      const title = sectionTitle(first);
      if (title) {
        section = title;
        sections++;
        continue;
      }
    }
    const cells: Partial<Record<ImportField, RawCell | null>> = {};
    let any = false;
    for (const [field, col] of mapped) {
      const cell = raw.cells[col - 1] ?? null;
      cells[field] = cell;
      // An error cell (#N/A, a formula never calculated) counts as content: it must surface as a problem.
      if (field !== 'seq' && (cell?.t === 'e' || cellText(cell))) any = true;
    }
    // Only an STT (a template numbered in advance) or only unmapped columns: not a data row.
    if (!any || dataFields.length === 0) continue;
    rows.push({ row: raw.r, cells, section });
  }
  if (repeated > 0) notes.push(T.notes.repeatedHeader(repeated));
  if (sections > 0) notes.push(T.notes.sections(sections));
  return { rows, notes };
}

// --- per-cell readers -------------------------------------------------------------------------------

interface RowContext {
  kind: ImportKind;
  mapping: ImportMapping;
  problems: RowProblem[];
  values: Partial<Record<ImportField, string>>;
  converted: ImportField[];
  cells: Partial<Record<ImportField, RawCell | null>>;
}

function problem(ctx: RowContext, level: 'error' | 'warning', field: ImportField | undefined, message: string): void {
  const p: RowProblem = { level, message };
  if (field) {
    p.field = field;
    const col = ctx.mapping[field];
    if (col) p.column = columnLetter(col);
  }
  ctx.problems.push(p);
}

// The shared text rules and limits (shared/text/rules.ts): the same as the forms and the API.
const MAX_LENGTH: Partial<Record<ImportField, number>> = {
  fullName: TEXT_LIMITS.fullName, position: TEXT_LIMITS.position, department: TEXT_LIMITS.department, unit: TEXT_LIMITS.unitName,
  note: TEXT_LIMITS.note, loginName: TEXT_LIMITS.loginName, sourceDocument: TEXT_LIMITS.sourceDocument, system: TEXT_LIMITS.systemName,
};
/** Fields that are names or document references: no pictographs. */
const NAME_FIELDS: ReadonlySet<ImportField> = new Set<ImportField>(['fullName', 'givenName', 'position', 'department', 'unit', 'sourceDocument', 'system']);

/** Text of a field, converted (already, in the reader) and cleaned; problems for errors, garbling, length. */
function text(ctx: RowContext, field: ImportField): string {
  const cell = ctx.cells[field];
  if (!cell) return '';
  if (cell.t === 'e') {
    problem(ctx, 'error', field, T.row.formulaError(label(ctx.kind, field), cell.v));
    return '';
  }
  const value = cell.t === 'd' ? formatViDate(cell.v) : cleanText(cell.v);
  if (cell.enc) ctx.converted.push(field);
  const rule = cell.t === 's' ? textProblem(cell.v, NAME_FIELDS.has(field) ? 'name' : 'text') : null;
  if (rule) problem(ctx, 'error', field, vi.errors.field(label(ctx.kind, field), rule));
  if (cell.guess) problem(ctx, 'warning', field, T.row.legacyGuess(label(ctx.kind, field), T.encodingName[cell.guess] ?? cell.guess));
  if (value.includes('\uFFFD')) problem(ctx, 'error', field, T.row.replacementChar(label(ctx.kind, field)));
  const max = MAX_LENGTH[field];
  if (max && value.length > max) problem(ctx, 'error', field, T.row.tooLong(label(ctx.kind, field), max));
  return value;
}

/** A date field: a real Excel date, a serial number, or text dd/MM/yyyy, d/M/yyyy, yyyy-MM-dd — day first, always. */
function date(ctx: RowContext, field: ImportField, today: string): string | null {
  const cell = ctx.cells[field];
  if (!cell) return null;
  let iso: string | null = null;
  let shown = '';
  if (cell.t === 'd') iso = cell.v;
  else if (cell.t === 'n' && cell.n !== undefined) iso = serialToIsoSafe(cell.n);
  else if (cell.t === 's') {
    shown = cleanText(cell.v);
    iso = parseUserDate(shown);
  } else if (cell.t === 'e') {
    problem(ctx, 'error', field, T.row.formulaError(label(ctx.kind, field), cell.v));
    return null;
  }
  if (!iso) {
    ctx.values[field] = shown || cell.v; // show what the file says, marked as the error
    problem(ctx, 'error', field, T.row.badDate(label(ctx.kind, field), shown || cell.v));
    return null;
  }
  ctx.values[field] = formatViDate(iso);
  if (iso > today) problem(ctx, 'error', field, T.row.futureDate(label(ctx.kind, field)));
  return iso;
}

function choice<V>(ctx: RowContext, field: ImportField, parse: (t: string) => V | null | undefined, fallback: V, shown: (v: V) => string): V {
  const value = text(ctx, field);
  if (!value) return fallback;
  const parsed = parse(value);
  if (parsed === undefined) return fallback;
  if (parsed === null) {
    problem(ctx, 'warning', field, T.row.badValue(label(ctx.kind, field), value, shown(fallback)));
    return fallback;
  }
  ctx.values[field] = shown(parsed);
  return parsed;
}

function fullNameOf(ctx: RowContext): string {
  const family = text(ctx, 'fullName');
  const given = ctx.mapping.givenName ? text(ctx, 'givenName') : '';
  return cleanText(`${family} ${given}`);
}

// --- lookups ----------------------------------------------------------------------------------------

interface Lookups {
  units: Map<string, number>;
  homeUnit: number;
  systems: { id: number; name: string; code: string; folded: string }[];
  /** folded name → people (for owners and staff duplicates). */
  people: Map<string, { id: number; unitId: number; fullName: string; department: string }[]>;
  /** systemId|login (lower case) → account. */
  accounts: Map<string, { id: number; status: string; createdOn: string | null; personId: number | null; loginName: string }>;
  /** accountId|date of valid confirmations. */
  confirmations: Set<string>;
  systemName: Map<number, string>;
  personName: Map<number, string>;
}

function loadLookups(db: Db, kind: ImportKind): Lookups {
  const units = new Map<string, number>();
  for (const u of db.prepare('SELECT id, name, code FROM units').all() as { id: number; name: string; code: string }[]) {
    units.set(foldForSearch(u.name), u.id);
    units.set(foldForSearch(u.code), u.id);
  }
  const systems = (db.prepare('SELECT id, name, code FROM systems ORDER BY sort_order, id').all() as { id: number; name: string; code: string }[]).map((s) => ({
    ...s,
    folded: foldForSearch(s.name),
  }));
  const people = new Map<string, { id: number; unitId: number; fullName: string; department: string }[]>();
  const personName = new Map<number, string>();
  for (const p of db.prepare('SELECT id, unit_id AS unitId, full_name AS fullName, department FROM people').iterate() as Iterable<{ id: number; unitId: number; fullName: string; department: string }>) {
    const key = foldForSearch(p.fullName);
    const list = people.get(key);
    if (list) list.push(p);
    else people.set(key, [p]);
    personName.set(p.id, p.fullName);
  }
  const accounts = new Map<string, { id: number; status: string; createdOn: string | null; personId: number | null; loginName: string }>();
  if (kind !== 'staff') {
    for (const a of db.prepare('SELECT id, system_id AS systemId, login_name AS loginName, status, created_on AS createdOn, person_id AS personId FROM accounts').iterate() as Iterable<{
      id: number; systemId: number; loginName: string; status: string; createdOn: string | null; personId: number | null;
    }>) {
      accounts.set(`${a.systemId}|${a.loginName.toLowerCase()}`, a);
    }
  }
  const confirmations = new Set<string>();
  if (kind === 'confirmations') {
    for (const c of db.prepare('SELECT account_id AS accountId, changed_on AS changedOn FROM confirmations WHERE voided_at IS NULL').iterate() as Iterable<{ accountId: number; changedOn: string }>) {
      confirmations.add(`${c.accountId}|${c.changedOn}`);
    }
  }
  let homeUnit: number;
  try {
    homeUnit = homeUnitId(db);
  } catch {
    homeUnit = 0; // no unit profile yet: the commit refuses with the "set up the unit first" message
  }
  return { units, homeUnit, systems, people, accounts, confirmations, systemName: new Map(systems.map((s) => [s.id, s.name])), personName };
}

function findSystem(lookups: Lookups, value: string): number | null {
  const key = foldForSearch(value);
  const exact = lookups.systems.find((s) => s.folded === key || foldForSearch(s.code) === key);
  if (exact) return exact.id;
  // "CSDL khiếu nại tố cáo", "Đánh giá xếp loại": a unique partial match is taken.
  const partial = lookups.systems.filter((s) => s.folded.includes(key) || key.includes(s.folded));
  return partial.length === 1 ? partial[0]!.id : null;
}

function findPerson(lookups: Lookups, name: string, department: string): { id?: number; count: number } {
  const candidates = lookups.people.get(foldForSearch(name)) ?? [];
  if (candidates.length <= 1) return { id: candidates[0]?.id, count: candidates.length } as { id?: number; count: number };
  if (department) {
    const d = foldForSearch(department);
    const narrowed = candidates.filter((p) => foldForSearch(p.department) === d);
    if (narrowed.length === 1) return { id: narrowed[0]!.id, count: 1 };
  }
  return { count: candidates.length };
}

// --- the plan ------------------------------------------------------------------------------------------

export function planImport(db: Db, sheet: RawSheet, options: PlanOptions): Plan {
  const { kind, mapping, duplicates, today } = options;
  const { rows: extracted, notes } = extractRows(sheet, options.headerRow, mapping);
  const lookups = loadLookups(db, kind);
  const seen = new Map<string, number>();
  const planned: PlannedRow[] = [];
  let converted = 0;

  for (const source of extracted) {
    const ctx: RowContext = { kind, mapping, problems: [], values: {}, converted: [], cells: source.cells };
    const row: PlannedRow = { row: source.row, action: 'create', values: ctx.values, problems: ctx.problems };
    let key: string;
    let dbMatch: number | undefined;

    if (kind === 'staff') {
      const fullName = fullNameOf(ctx);
      ctx.values.fullName = fullName;
      if (!fullName) problem(ctx, 'error', 'fullName', T.row.required(T.fields.fullName));
      else if (!/\p{L}/u.test(fullName)) problem(ctx, 'error', 'fullName', T.row.notAName);
      const position = text(ctx, 'position');
      const department = mapping.department ? text(ctx, 'department') : (source.section ?? '');
      const note = text(ctx, 'note');
      let unitId = lookups.homeUnit;
      const unit = text(ctx, 'unit');
      if (unit) {
        const found = lookups.units.get(foldForSearch(unit));
        if (found) unitId = found;
        else problem(ctx, 'error', 'unit', T.row.unknownUnit(unit));
      }
      const staffType = choice(ctx, 'staffType', parseStaffType, 'cong_chuc' as StaffType, (v) => vi.staffType[v]);
      const partyCell = ctx.cells.partyMember;
      const partyMember =
        partyCell?.t === 'b' ? partyCell.v === '1' : partyCell?.t === 'd' ? true : choice(ctx, 'partyMember', parsePartyMember, false, (v) => (v ? vi.common.yes : vi.common.no));
      if (partyCell?.t === 'b' || partyCell?.t === 'd') ctx.values.partyMember = partyMember ? vi.common.yes : vi.common.no;
      Object.assign(ctx.values, { position, department, note, ...(unit ? { unit } : {}) });
      row.staff = { unitId, fullName, position, department, staffType, partyMember, note };
      key = `${unitId}|${foldForSearch(fullName)}|${foldForSearch(department)}`;
      const candidates = (lookups.people.get(foldForSearch(fullName)) ?? []).filter((p) => p.unitId === unitId);
      const sameDept = candidates.filter((p) => foldForSearch(p.department) === foldForSearch(department));
      dbMatch = sameDept[0]?.id ?? (!department && candidates.length === 1 ? candidates[0]!.id : undefined);
    } else {
      const loginName = text(ctx, 'loginName');
      ctx.values.loginName = loginName;
      if (!loginName) problem(ctx, 'error', 'loginName', T.row.required(T.fields.loginName));
      const systemText = mapping.system ? text(ctx, 'system') : '';
      let systemId: number | null = null;
      if (systemText) {
        systemId = findSystem(lookups, systemText);
        if (systemId === null) problem(ctx, 'error', 'system', T.row.unknownSystem(systemText));
      } else if (options.systemId && lookups.systemName.has(options.systemId)) systemId = options.systemId;
      else problem(ctx, 'error', 'system', T.row.noSystem);
      if (systemId !== null) ctx.values.system = lookups.systemName.get(systemId)!;
      const owner = mapping.fullName ? fullNameOf(ctx) : '';
      if (owner) ctx.values.fullName = owner;
      const note = text(ctx, 'note');
      if (note) ctx.values.note = note;
      const account = systemId !== null && loginName ? lookups.accounts.get(`${systemId}|${loginName.toLowerCase()}`) : undefined;

      if (kind === 'accounts') {
        const department = mapping.department ? text(ctx, 'department') : '';
        if (department) ctx.values.department = department;
        let personId: number | null = null;
        if (owner) {
          const found = findPerson(lookups, owner, department);
          if (found.count === 0) problem(ctx, 'error', 'fullName', T.row.unknownPerson(owner));
          else if (found.id === undefined) problem(ctx, 'error', 'fullName', T.row.ambiguousPerson(owner, found.count));
          else personId = found.id;
        }
        const role = choice(ctx, 'role', parseRole, 'user' as AccountRole, (v) => vi.accountRole[v]);
        const createdOn = date(ctx, 'createdOn', today);
        const sourceDocument = text(ctx, 'sourceDocument');
        if (sourceDocument) ctx.values.sourceDocument = sourceDocument;
        row.account = { systemId: systemId ?? 0, personId, loginName, role, createdOn, sourceDocument, note };
        key = `${systemId}|${loginName.toLowerCase()}`;
        dbMatch = account?.id;
      } else {
        const changedOn = date(ctx, 'changedOn', today);
        if (!ctx.cells.changedOn || !cellText(ctx.cells.changedOn)) problem(ctx, 'error', 'changedOn', T.row.required(T.fields.changedOn));
        const confirmedBy = choice(ctx, 'confirmedBy', parseConfirmedBy, 'owner' as ConfirmedBy, (v) => (v === 'owner' ? 'Chủ tài khoản' : 'Cán bộ phụ trách'));
        const method = choice(ctx, 'method', parseMethod, 'sign_sheet' as ConfirmationMethod, (v) =>
          v === 'sign_sheet' ? 'Ký phiếu' : v === 'self_declared' ? 'Tự khai' : 'Xem trên màn hình',
        );
        if (systemId !== null && loginName && !account) problem(ctx, 'error', 'loginName', T.row.unknownAccount(loginName, lookups.systemName.get(systemId)!));
        if (account) {
          if (account.status === 'cancelled') problem(ctx, 'error', 'loginName', T.row.cancelledAccount(account.loginName));
          if (changedOn && account.createdOn && changedOn < account.createdOn) problem(ctx, 'error', 'changedOn', T.row.beforeCreated(formatViDate(account.createdOn)));
          const ownerName = account.personId ? lookups.personName.get(account.personId) : undefined;
          if (owner && ownerName && foldForSearch(ownerName) !== foldForSearch(owner)) problem(ctx, 'warning', 'fullName', T.row.ownerMismatch(account.loginName, ownerName));
        }
        row.confirmation = { accountId: account?.id ?? 0, changedOn: changedOn ?? '', confirmedBy, method, note };
        key = `${account?.id ?? `?${systemId}|${loginName.toLowerCase()}`}|${changedOn}`;
        if (account && changedOn && lookups.confirmations.has(`${account.id}|${changedOn}`)) dbMatch = account.id;
      }
    }

    if (ctx.converted.length > 0) {
      row.converted = [...new Set(ctx.converted)];
      converted += row.converted.length;
    }
    let action: RowAction = 'create';
    if (ctx.problems.some((p) => p.level === 'error')) action = 'error';
    else {
      const earlier = seen.get(key);
      if (earlier !== undefined && duplicates !== 'create') {
        action = 'skip';
        problem(ctx, 'warning', undefined, T.row.duplicateInFile(earlier));
      } else if (dbMatch !== undefined) {
        if (duplicates === 'skip') {
          action = 'skip';
          problem(ctx, 'warning', undefined, T.row.duplicateInDb);
        } else if (duplicates === 'update' && kind !== 'confirmations') {
          action = 'update';
          row.targetId = dbMatch;
        } else if (kind === 'accounts') {
          action = 'error';
          problem(ctx, 'error', 'loginName', T.row.cannotCreateDuplicate);
        } else if (kind === 'confirmations' && duplicates !== 'create') {
          action = 'skip';
          problem(ctx, 'warning', undefined, T.row.duplicateInDb);
        }
      }
    }
    if (action !== 'error' && !seen.has(key)) seen.set(key, source.row);
    row.action = action;
    planned.push(row);
  }
  return { rows: planned, notes, converted };
}

export function todayOf(now: Date): string {
  return toIsoDate(now);
}

export { FIELDS_OF };
