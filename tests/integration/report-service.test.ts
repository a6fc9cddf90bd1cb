import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportResult } from '../../shared/reports/schema';
import { verifyReportFile } from '../../electron/core/reports/verify';
import { HOME_UNIT, makeTestCore, type TestCore } from './harness-core';

// Issue 22, electron/core/reports/service.ts: what an export writes, records and audits, and what
// the report handlers answer — on a small unit built inside each test (never in beforeAll: Stryker
// activates a mutant per test). The clock is fixed at 20/01/2024 09:00:00 UTC. Expected values are
// literals: two accounts on KNTC, one changed on time, one not.

interface Unit extends TestCore {
  campaignId: number;
}

async function smallUnit(code = 'VM'): Promise<Unit> {
  const t = makeTestCore('2024-01-20');
  try {
    await t.call('unit.save', { ...HOME_UNIT, code });
    const c = await t.call('campaigns.create', { directiveNumber: '77/UBND-NV', subject: 'Rà soát mật khẩu', systemIds: [1], startDate: '2024-01-08', deadline: '2024-01-19' });
    await t.call('campaigns.advance', { id: c.id, to: 'in_progress' });
    const p = await t.call('people.create', { fullName: 'Nguyễn Văn An' });
    const a = await t.call('accounts.create', { systemId: 1, personId: p.id, loginName: 'an.qt', role: 'admin' });
    await t.call('accounts.create', { systemId: 1, personId: p.id, loginName: 'an.nd' });
    await t.call('confirmations.create', { accountId: a.id, changedOn: '2024-01-15' });
    return { ...t, campaignId: c.id };
  } catch (e) {
    t.close();
    throw e;
  }
}

async function using(code: string, body: (u: Unit) => Promise<void>): Promise<void> {
  const u = await smallUnit(code);
  try {
    await body(u);
  } finally {
    u.close();
  }
}

type JobEnd = { state: 'done'; kind: string; result: ExportResult } | { state: 'failed'; kind: string; error: unknown };
async function exportJob(t: TestCore, campaignId: number, kind: 'report' | 'cancellations' = 'report'): Promise<JobEnd> {
  const { jobId } = await t.call('reports.export', { campaignId, kind, showLogins: false });
  for (;;) {
    const s = await t.call('jobs.status', { id: jobId });
    if (s.state === 'done') return { state: 'done', kind: s.kind, result: s.result as ExportResult };
    if (s.state === 'failed') return { state: 'failed', kind: s.kind, error: s.error };
    await new Promise((r) => setTimeout(r, 10));
  }
}
async function exported(t: TestCore, campaignId: number, kind: 'report' | 'cancellations' = 'report'): Promise<ExportResult> {
  const end = await exportJob(t, campaignId, kind);
  if (end.state === 'failed') throw new Error(JSON.stringify(end.error));
  expect(end.kind).toBe('reports.export');
  return end.result;
}

const FIGURES = {
  total: 2, toCancel: 0, mustChange: 0, done: 1, late: 0, missing: 1, admin: 1, user: 1,
  byRole: {
    admin: { total: 1, toCancel: 0, mustChange: 0, done: 1, late: 0, missing: 0 },
    user: { total: 1, toCancel: 0, mustChange: 0, done: 0, late: 0, missing: 1 },
  },
};

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('an export', () => {
  it('is written in exports/ beside the database under its unit code, kind and time, and recorded with its hash, figures and key', () =>
    using('P.VM 1', async (u) => {
      const e = await exported(u, u.campaignId);
      expect(e.fileName).toBe('ATTK_BaoCao_P_VM_1_20240120090000.xlsx');
      expect(e.filePath).toBe(join(dirname(u.file), 'exports', 'ATTK_BaoCao_P_VM_1_20240120090000.xlsx'));
      expect(e.sha256).toBe(sha256(e.filePath));
      expect(e).toMatchObject({ kind: 'report', figures: FIGURES, rows: 2, keyWarning: null });
      expect(e.exportId).toBe(1);
      const key = u.core.db.prepare('SELECT fingerprint FROM signing_key').get() as { fingerprint: string };
      expect(e.fingerprint).toBe(key.fingerprint);
      expect(u.core.db.prepare('SELECT campaign_id, kind, file_name, file_path, sha256, exported_at, exported_by, fingerprint FROM report_exports').all()).toEqual([
        {
          campaign_id: u.campaignId, kind: 'report', file_name: e.fileName, file_path: e.filePath, sha256: e.sha256,
          exported_at: '2024-01-20T09:00:00.000Z', exported_by: 'tester', fingerprint: key.fingerprint,
        },
      ]);
      // The recorded figures are the signed file's, devices and systems included.
      const stored = JSON.parse((u.core.db.prepare('SELECT figures FROM report_exports').get() as { figures: string }).figures) as Record<string, unknown>;
      expect(stored).toEqual((await verifyReportFile(e.filePath)).payload!.figures);
      expect(stored.overall).toEqual(FIGURES);

      const audit = (await u.call('audit.list', { entity: 'campaign', action: 'export', offset: 0, limit: 10 })).rows;
      expect(audit.map(({ action, entity, entityId, summary, actor }) => ({ action, entity, entityId, summary, actor }))).toEqual([
        { action: 'export', entity: 'campaign', entityId: u.campaignId, summary: `ATTK_BaoCao_P_VM_1_20240120090000.xlsx (SHA-256 ${e.sha256.slice(0, 12)}…)`, actor: 'tester' },
      ]);
      expect(JSON.parse(audit[0]!.data)).toEqual({ kind: 'report', sha256: e.sha256, figures: FIGURES, fingerprint: key.fingerprint });
    }));

  it('of the cancellation list is named for it; a second export in the same second gets its own file', () =>
    using('VM', async (u) => {
      const c = await exported(u, u.campaignId, 'cancellations');
      expect([c.fileName, c.kind, c.rows]).toEqual(['ATTK_DeNghiHuy_VM_20240120090000.xlsx', 'cancellations', 0]);
      const a = await exported(u, u.campaignId);
      const b = await exported(u, u.campaignId);
      expect([a.fileName, b.fileName]).toEqual(['ATTK_BaoCao_VM_20240120090000.xlsx', 'ATTK_BaoCao_VM_20240120090000-2.xlsx']);
      expect(readdirSync(join(dirname(u.file), 'exports')).sort()).toEqual([
        'ATTK_BaoCao_VM_20240120090000-2.xlsx', 'ATTK_BaoCao_VM_20240120090000.xlsx', 'ATTK_DeNghiHuy_VM_20240120090000.xlsx',
      ]);
      expect([a.exportId, b.exportId, b.keyWarning]).toEqual([2, 3, null]);
      expect(sha256(b.filePath)).toBe(b.sha256);
    }));

  it('warns when the signing key changed since the last export, and the audit keeps both keys', () =>
    using('VM', async (u) => {
      const first = await exported(u, u.campaignId);
      // A restore without the key: the next export makes (and signs with) a new one.
      u.core.db.prepare('DELETE FROM signing_key').run();
      const second = await exported(u, u.campaignId);
      expect(second.fingerprint).not.toBe(first.fingerprint);
      expect(second.keyWarning).toBe(
        `Cảnh báo: tệp này được ký bằng khóa ${second.fingerprint}, khác khóa của lần xuất trước (${first.fingerprint}). Cơ quan tiếp nhận sẽ từ chối tệp cho đến khi xác nhận đổi khóa. Khóa ký nằm trong tệp dữ liệu và trong mọi bản sao lưu: nếu còn bản sao lưu có khóa cũ, hãy khôi phục bản đó (Cài đặt → Sao lưu, hoặc "attk restore --from …") rồi xuất lại; nếu không còn, in báo cáo giấy mới có mã ${second.fingerprint}, ký, đóng dấu và gửi cơ quan tiếp nhận để đổi khóa.`,
      );
      const audit = (await u.call('audit.list', { entity: 'campaign', action: 'export', offset: 0, limit: 10 })).rows;
      expect(JSON.parse(audit[0]!.data)).toEqual({ kind: 'report', sha256: second.sha256, figures: FIGURES, fingerprint: second.fingerprint, previousFingerprint: first.fingerprint });
      // The third export, with the same new key, warns no more, and its audit names one key.
      const third = await exported(u, u.campaignId);
      expect(third.keyWarning).toBeNull();
      const last = (await u.call('audit.list', { entity: 'campaign', action: 'export', offset: 0, limit: 10 })).rows[0]!;
      expect(JSON.parse(last.data)).toEqual({ kind: 'report', sha256: third.sha256, figures: FIGURES, fingerprint: second.fingerprint });
    }));

  it('that cannot be recorded leaves no file, no history row and no audit row', () =>
    using('VM', async (u) => {
      u.core.db.exec("CREATE TRIGGER refuse_export BEFORE INSERT ON report_exports BEGIN SELECT RAISE(ABORT, 'disk full'); END");
      const end = await exportJob(u, u.campaignId);
      expect(end.state).toBe('failed');
      expect(readdirSync(join(dirname(u.file), 'exports'))).toEqual([]);
      expect(u.core.db.prepare('SELECT count(*) AS n FROM report_exports').get()).toEqual({ n: 0 });
      expect((await u.call('audit.list', { entity: 'campaign', action: 'export', offset: 0, limit: 10 })).rows).toEqual([]);
    }));

  it('refuses, in Vietnamese, a database whose unit is not set up yet', async () => {
    const t = makeTestCore('2024-01-20');
    try {
      const c = await t.call('campaigns.create', { directiveNumber: '9/UBND', subject: 'Rà soát', systemIds: [1], startDate: '2024-01-08', deadline: '2024-01-19' });
      await t.call('campaigns.advance', { id: c.id, to: 'in_progress' });
      expect(await exportJob(t, c.id)).toEqual({
        state: 'failed', kind: 'reports.export', error: { code: 'VALIDATION', message: 'Chưa khai báo thông tin đơn vị. Hãy hoàn tất bước thiết lập ban đầu.' },
      });
    } finally {
      t.close();
    }
  });
});

describe('the export history and its files', () => {
  it('lists the exports newest first, of one campaign or of all, with their figures', () =>
    using('VM', async (u) => {
      const other = await u.call('campaigns.create', { directiveNumber: '78/UBND-NV', subject: 'Rà soát lần 2', systemIds: [2], startDate: '2024-01-08', deadline: '2024-01-19' });
      await u.call('campaigns.advance', { id: other.id, to: 'in_progress' });
      const a = await exported(u, u.campaignId);
      const b = await exported(u, other.id);
      const none = { total: 0, toCancel: 0, mustChange: 0, done: 0, late: 0, missing: 0 };
      const empty = { ...none, admin: 0, user: 0, byRole: { admin: none, user: none } };
      const entry = (e: ExportResult, campaignId: number) => ({
        id: e.exportId, campaignId, kind: 'report', fileName: e.fileName, filePath: e.filePath, sha256: e.sha256, exportedAt: '2024-01-20T09:00:00.000Z', exportedBy: 'tester',
      });
      expect(await u.call('reports.history', { campaignId: u.campaignId })).toEqual([{ ...entry(a, u.campaignId), figures: FIGURES }]);
      expect(await u.call('reports.history', {})).toEqual([{ ...entry(b, other.id), figures: empty }, { ...entry(a, u.campaignId), figures: FIGURES }]);
    }));

  it('gives back a recorded file as it was written; refuses one that is gone, changed or unknown', () =>
    using('VM', async (u) => {
      const e = await exported(u, u.campaignId);
      const bytes = readFileSync(e.filePath);
      expect(await u.call('reports.file', { exportId: e.exportId })).toEqual({ fileName: e.fileName, dataBase64: bytes.toString('base64') });

      writeFileSync(e.filePath, Buffer.concat([bytes, Buffer.from(' ')]));
      expect(await u.raw('reports.file', { exportId: e.exportId })).toEqual({
        ok: false, error: { code: 'CONFLICT', path: ['exportId'], message: `Tệp ${e.fileName} đã bị thay đổi sau khi xuất (mã băm không khớp).` },
      });
      rmSync(e.filePath);
      expect(existsSync(e.filePath)).toBe(false);
      expect(await u.raw('reports.file', { exportId: e.exportId })).toEqual({
        ok: false, error: { code: 'NOT_FOUND', path: ['exportId'], message: `Không tìm thấy tệp đã xuất: ${e.filePath}.` },
      });
      expect(await u.raw('reports.file', { exportId: 99 })).toEqual({ ok: false, error: { code: 'NOT_FOUND', path: ['exportId'], message: 'Không tìm thấy tệp báo cáo (mã 99).' } });
    }));
});

describe('the other report handlers', () => {
  it('refuse to export a draft campaign, naming the campaign', () =>
    using('VM', async (u) => {
      const draft = await u.call('campaigns.create', { directiveNumber: '1/UBND', subject: 'x', systemIds: [1], startDate: '2024-01-10', deadline: '2024-01-25' });
      expect(await u.raw('reports.export', { campaignId: draft.id, kind: 'report', showLogins: false })).toMatchObject({ ok: false, error: { code: 'VALIDATION', path: ['campaignId'] } });
      expect(await u.raw('reports.export', { campaignId: 99, kind: 'report', showLogins: false })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', path: ['campaignId'] } });
      expect(u.core.db.prepare('SELECT count(*) AS n FROM report_exports').get()).toEqual({ n: 0 });
    }));

  it('read the print data and the sign sheet as of today, and give the Word file by name', () =>
    using('VM', async (u) => {
      const data = await u.call('reports.data', { campaignId: u.campaignId });
      expect([data.today, data.documentDate, data.progress.overall]).toEqual(['2024-01-20', '2024-01-20', FIGURES]);
      const sheet = await u.call('reports.signSheet', { campaignId: u.campaignId });
      expect(sheet.rows.map((r) => r.loginName)).toEqual(['an.nd', 'an.qt']);
      const doc = await u.call('reports.docx', { campaignId: u.campaignId, kind: 'report' });
      expect(doc.fileName).toMatch(/^ATTK_BaoCao_VM_.*\.docx$/);
      expect(Buffer.from(doc.dataBase64, 'base64').subarray(0, 2).toString()).toBe('PK');
      const saved = await u.call('reports.saveNarrative', { campaignId: u.campaignId, kinhGui: 'Phòng Nội vụ', basis: null, section1: null, section5: null, recipients: null, signerTitle: null, signerName: null });
      expect(saved.kinhGui).toBe('Phòng Nội vụ');
    }));
});
