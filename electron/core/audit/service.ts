import { addDays, format, parseISO } from 'date-fns';
import type { AuditEntry, AuditExport, AuditFacets } from '../../../shared/audit/schema';
import { vi } from '../../../shared/i18n/vi';
import { foldForSearch } from '../../../shared/text/vietnamese';
import type { CallContext, HandlersFor } from '../api/types';
import type { Db } from '../db/open';

export interface AuditRecord {
  action: 'create' | 'update' | 'status' | (string & {});
  entity: string;
  entityId: number | null;
  summary: string;
  data?: unknown;
}

/** Append one audit row. Called inside the write's own transaction, so both land or neither. */
export function writeAudit(db: Db, ctx: CallContext, record: AuditRecord): void {
  db.prepare(
    'INSERT INTO audit_log (at, actor, action, entity, entity_id, summary, data) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(ctx.now().toISOString(), ctx.actor, record.action, record.entity, record.entityId, record.summary, JSON.stringify(record.data ?? {}));
}

interface AuditFilters {
  entity?: string | undefined;
  action?: string | undefined;
  actor?: string | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
  q?: string | undefined;
}

/** `at` is stored as UTC ISO text; the user's dates are local calendar days. */
const localDayStart = (isoDate: string) => parseISO(`${isoDate}T00:00:00`).toISOString();

/** SQL WHERE of the screen's filters (all optional, ANDed). Text matches folded: diacritics and đ optional. */
function whereOf(f: AuditFilters): { sql: string; args: (string | number)[] } {
  const clauses: string[] = [];
  const args: (string | number)[] = [];
  const add = (clause: string, arg: string) => {
    clauses.push(clause);
    args.push(arg);
  };
  if (f.entity) add('entity = ?', f.entity);
  if (f.action) add('action = ?', f.action);
  if (f.actor) add('actor = ?', f.actor);
  if (f.from) add('at >= ?', localDayStart(f.from));
  if (f.to) add('at < ?', localDayStart(format(addDays(parseISO(f.to), 1), 'yyyy-MM-dd')));
  for (const term of foldForSearch(f.q ?? '').split(/\s+/).filter(Boolean).slice(0, 8)) {
    clauses.push("vi_fold(actor || ' ' || summary || ' ' || data) LIKE ? ESCAPE '\\'");
    args.push(`%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', args };
}

const COLUMNS = 'id, at, actor, action, entity, entity_id AS entityId, summary, data';

/** One CSV field: always quoted; a leading = + - @ is neutralised so Excel never runs it as a formula. */
function csvField(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function auditHandlers(db: Db): HandlersFor<'audit'> {
  const T = vi.reliability.audit;
  return {
    'audit.list': ({ offset, limit, ...filters }) => {
      const { sql, args } = whereOf(filters);
      const total = (db.prepare(`SELECT count(*) AS n FROM audit_log ${sql}`).get(...args) as { n: number }).n;
      const rows = db.prepare(`SELECT ${COLUMNS} FROM audit_log ${sql} ORDER BY id DESC LIMIT ? OFFSET ?`).all(...args, limit, offset) as AuditEntry[];
      return { total, offset, rows };
    },

    'audit.facets': (): AuditFacets => {
      const distinct = (column: string) => (db.prepare(`SELECT DISTINCT ${column} AS v FROM audit_log ORDER BY v`).all() as { v: string }[]).map((r) => r.v);
      return { entities: distinct('entity'), actions: distinct('action'), actors: distinct('actor') };
    },

    'audit.export': (filters, ctx: CallContext): AuditExport => {
      const { sql, args } = whereOf(filters);
      const lines = [T.csvHeader.map(csvField).join(',')];
      let rows = 0;
      // Oldest first: the order things happened, as evidence is read.
      for (const r of db.prepare(`SELECT ${COLUMNS} FROM audit_log ${sql} ORDER BY id`).iterate(...args) as IterableIterator<AuditEntry>) {
        const at = parseISO(r.at);
        lines.push(
          [
            Number.isNaN(at.getTime()) ? r.at : format(at, 'dd/MM/yyyy HH:mm:ss'),
            r.actor,
            T.actions[r.action] ?? r.action,
            T.entities[r.entity] ?? r.entity,
            r.entityId,
            r.summary,
            r.data === '{}' ? '' : r.data,
          ].map(csvField).join(','),
        );
        rows += 1;
      }
      // UTF-8 with a byte-order mark: without it Excel reads the file as ANSI and Vietnamese breaks.
      return { fileName: T.fileName(format(ctx.now(), 'yyyyMMdd_HHmmss')), csv: `\uFEFF${lines.join('\r\n')}\r\n`, rows };
    },
  };
}
