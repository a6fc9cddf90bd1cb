import type { AuditEntry } from '../../../shared/audit/schema';
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

export function auditHandlers(db: Db): HandlersFor<'audit'> {
  return {
    'audit.list': ({ entity, offset, limit }) => {
      const where = entity ? 'WHERE entity = ?' : '';
      const args = entity ? [entity] : [];
      const total = (db.prepare(`SELECT count(*) AS n FROM audit_log ${where}`).get(...args) as { n: number }).n;
      const rows = db
        .prepare(
          `SELECT id, at, actor, action, entity, entity_id AS entityId, summary, data FROM audit_log ${where} ORDER BY id DESC LIMIT ? OFFSET ?`,
        )
        .all(...args, limit, offset) as AuditEntry[];
      return { total, offset, rows };
    },
  };
}
