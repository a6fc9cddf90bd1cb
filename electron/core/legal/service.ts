import { toIsoDate } from '../../../shared/dates';
import { AttkError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import type { LegalDocument } from '../../../shared/legal/schema';
import type { HandlersFor } from '../api/types';
import { writeAudit } from '../audit/service';
import type { Db } from '../db/open';

const SELECT = `SELECT d.id, d.doc_key AS docKey, d.version, d.kind, d.number, d.issued_on AS issuedOn, d.issuer, d.title,
  d.effective_from AS effectiveFrom, d.effective_to AS effectiveTo, d.note,
  EXISTS (SELECT 1 FROM legal_documents n WHERE n.doc_key = d.doc_key AND n.version > d.version) AS superseded
  FROM legal_documents d`;

type Row = Omit<LegalDocument, 'superseded' | 'inForce'> & { superseded: number };

function toDoc(r: Row, asOf: string): LegalDocument {
  const superseded = r.superseded === 1;
  const started = !r.effectiveFrom || r.effectiveFrom <= asOf;
  const ended = r.effectiveTo !== null && r.effectiveTo < asOf;
  return { ...r, superseded, inForce: !superseded && started && !ended };
}

export function getLegalDocuments(db: Db, ids: number[], asOf: string): LegalDocument[] {
  if (ids.length === 0) return [];
  const rows = db.prepare(`${SELECT} WHERE d.id IN (${ids.map(() => '?').join(',')})`).all(...ids) as Row[];
  const byId = new Map(rows.map((r) => [r.id, toDoc(r, asOf)]));
  return ids.map((id) => byId.get(id)).filter((d): d is LegalDocument => d !== undefined);
}

export function legalHandlers(db: Db): HandlersFor<'legal'> {
  const insert = db.prepare(
    `INSERT INTO legal_documents (doc_key, version, kind, number, issued_on, issuer, title, effective_from, effective_to, note, created_at)
     VALUES (@docKey, @version, @kind, @number, @issuedOn, @issuer, @title, @effectiveFrom, @effectiveTo, @note, @createdAt)`,
  );
  const get = (id: number, asOf: string) => {
    const row = db.prepare(`${SELECT} WHERE d.id = ?`).get(id) as Row | undefined;
    if (!row) throw new AttkError('NOT_FOUND', vi.errors.notFound('văn bản', id), ['id']);
    return toDoc(row, asOf);
  };
  return {
    'legal.list': ({ includeSuperseded, asOf }, ctx) => {
      const date = asOf ?? toIsoDate(ctx.now());
      const rows = (db.prepare(`${SELECT} ORDER BY coalesce(d.issued_on, '9999') DESC, d.id`).all() as Row[]).map((r) => toDoc(r, date));
      return includeSuperseded ? rows : rows.filter((r) => !r.superseded);
    },
    'legal.create': (input, ctx) => {
      const r = insert.run({ ...input, docKey: 0, version: 1, createdAt: ctx.now().toISOString() });
      const id = Number(r.lastInsertRowid);
      // Version 1 names its own document key. (Not an edit of a record: part of creating it.)
      db.prepare('UPDATE legal_documents SET doc_key = id WHERE id = ?').run(id);
      const doc = get(id, toIsoDate(ctx.now()));
      writeAudit(db, ctx, { action: 'create', entity: 'legal', entityId: id, summary: doc.number, data: input });
      return doc;
    },
    'legal.revise': ({ id, ...input }, ctx) => {
      const current = get(id, toIsoDate(ctx.now()));
      if (current.superseded) throw new AttkError('CONFLICT', vi.errors.legalSuperseded, ['id']);
      const r = insert.run({ ...input, docKey: current.docKey, version: current.version + 1, createdAt: ctx.now().toISOString() });
      const doc = get(Number(r.lastInsertRowid), toIsoDate(ctx.now()));
      writeAudit(db, ctx, { action: 'revise', entity: 'legal', entityId: doc.id, summary: `${doc.number} (v${doc.version})`, data: { previous: id, ...input } });
      return doc;
    },
  };
}
