import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAudit } from '../../electron/core/audit/service';
import { makeTestCore, type TestCore } from './harness-core';

// Issue 22 (the audit service's surviving mutants): the exported CSV compared byte for byte with
// a literal, for rows written with and without data and with and without an entity id; and the
// search's handling of LIKE wildcards, blank runs and its 8-word limit, each with the exact rows.

let t: TestCore;
let from: number;
beforeAll(() => {
  t = makeTestCore('2024-01-20');
  from = (t.core.db.prepare('SELECT coalesce(max(id), 0) AS n FROM audit_log').get() as { n: number }).n;
  const ctx = t.core.context();
  writeAudit(t.core.db, ctx, { action: 'create', entity: 'person', entityId: null, summary: '=SUM(A1) Nguyễn Văn An' });
  writeAudit(t.core.db, ctx, { action: 'update', entity: 'person', entityId: 7, summary: 'Trần "Bình"', data: { note: '50%_a\\b' } });
  writeAudit(t.core.db, ctx, { action: 'create', entity: 'person', entityId: 8, summary: '50xya\\b' });
});
afterAll(() => t.close());

describe('the audit log as evidence', () => {
  it('stores a write without data as {} and with data as its JSON', () => {
    // Written here (not only in beforeAll), so a mutation of writeAudit is exercised by this test.
    const db = t.core.db;
    const before = (db.prepare('SELECT max(id) AS n FROM audit_log').get() as { n: number }).n;
    writeAudit(db, t.core.context(), { action: 'update', entity: 'unit', entityId: 1, summary: 's', data: { a: 1 } });
    writeAudit(db, t.core.context(), { action: 'update', entity: 'unit', entityId: 1, summary: 's' });
    expect(db.prepare('SELECT data FROM audit_log WHERE id > ? ORDER BY id').all(before)).toEqual([{ data: '{"a":1}' }, { data: '{}' }]);
    expect(t.core.db.prepare('SELECT entity_id AS id, data FROM audit_log WHERE id > ? AND id <= ? ORDER BY id').all(from, from + 3)).toEqual([
      { id: null, data: '{}' },
      { id: 7, data: '{"note":"50%_a\\\\b"}' },
      { id: 8, data: '{}' },
    ]);
  });

  it('exports exactly these CSV lines (BOM, CRLF, every field quoted, formulas neutralised, no data → empty, no id → empty)', async () => {
    const r = await t.call('audit.export', { q: 'nguyen van an' });
    expect(r.rows).toBe(1);
    expect(r.csv).toBe(
      '\uFEFF"Thời điểm","Người thực hiện","Thao tác","Đối tượng","Mã đối tượng","Nội dung","Dữ liệu"\r\n' +
        '"20/01/2024 09:00:00","tester","Tạo mới","Cán bộ","","\'=SUM(A1) Nguyễn Văn An",""\r\n',
    );
    const second = await t.call('audit.export', { q: 'binh' });
    expect(second.csv.split('\r\n')[1]).toBe('"20/01/2024 09:00:00","tester","Cập nhật","Cán bộ","7","Trần ""Bình""","{""note"":""50%_a\\\\b""}"');
  });

  it('searches LIKE wildcards and backslashes literally, ignores blank runs, and reads at most 8 words', async () => {
    const ids = async (q: string) => (await t.call('audit.list', { q })).rows.map((r) => r.entityId);
    expect(await ids('50%_a')).toEqual([7]);
    expect(await ids('a\\b')).toEqual([8]); // row 7 stores it JSON-escaped (a\\\\b)
    expect(await ids('   trần    bình   ')).toEqual([7]);
    // The ninth word is not read: it would match nothing.
    expect(await ids('tran binh tran binh tran binh tran binh khongco')).toEqual([7]);
  });
});
