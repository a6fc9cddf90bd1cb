import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi as vitest } from 'vitest';
import { main } from '../../../electron/cli/main';
import { listBackups, writeBackup } from '../../../electron/core';
import { publishFs } from '../../../electron/core/output/publish';
import { keyPathFor } from '../../../electron/core/reports/keys';
import { call, digest, integrity, openCore, seededDatabase, tempFixture, TODAY, type Fixture } from '../reliability/helpers';

// Issue 16 §1 and issue 17 §3, §6: an export never replaces a file it did not create — above all
// the database — and is recorded only once its file is in place. Through the real CLI and core.

let fx: Fixture;
const io = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) } };
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sqliteBytes = () => readFileSync(fx.file);

beforeAll(() => {
  fx = tempFixture('attk-outputs-');
  seededDatabase(fx.file);
  // The key and the backups folder exist, as they do in a used installation.
  const core = openCore(fx.file);
  core.db.close();
});
afterAll(() => fx.cleanup());
afterEach(() => vitest.restoreAllMocks());

describe('CLI --out never names the database, its companions, the key or backups/', () => {
  const cases: [string, (f: string) => string, string[]][] = [
    ['export report over the database', (f) => f, ['export', 'report', '--campaign', '1']],
    ['export cancellations over the -wal', (f) => `${f}-wal`, ['export', 'cancellations', '--campaign', '1']],
    ['district export over the database', (f) => f, ['district', 'export', '--campaign', '1']],
    ['campaign file over the signing key', (f) => keyPathFor(f), ['campaign', 'export', '--campaign', '1']],
    ['audit CSV inside backups/', (f) => join(f, '..', 'backups', 'nhat-ky.csv'), ['audit', 'export']],
    ['export report with --replace over the -shm', (f) => `${f}-shm`, ['export', 'report', '--campaign', '1', '--replace']],
  ];
  it.each(cases)('%s: refused in Vietnamese, exit 1, the database intact', async (_name, target, args) => {
    const before = digest(fx.file);
    const bytes = sqliteBytes();
    const shm = existsSync(`${fx.file}-shm`) ? readFileSync(`${fx.file}-shm`) : null;
    const t = io();
    const code = await main([...args, '--db', fx.file, '--out', target(fx.file), '--today', TODAY], t.io);
    expect(code).toBe(1);
    expect(t.err.join('\n')).toMatch(/Không thể ghi vào .*(cơ sở dữ liệu|khóa ký số|backups)/);
    expect(t.err.join('\n')).not.toMatch(/at .*\.ts|Error:/);
    expect(integrity(fx.file)).toBe('ok');
    expect(digest(fx.file)).toEqual(before);
    expect(sqliteBytes().equals(bytes)).toBe(true);
    expect(existsSync(`${fx.file}-shm`) ? readFileSync(`${fx.file}-shm`) : null).toEqual(shm);
  });

  it('backup --out naming the database is refused (it is a file, not a folder)', async () => {
    const bytes = sqliteBytes();
    const t = io();
    expect(await main(['backup', '--db', fx.file, '--out', fx.file], t.io)).toBe(1);
    expect(t.err.join()).toMatch(/không phải thư mục/);
    expect(sqliteBytes().equals(bytes)).toBe(true);
  });

  it('an existing output file is kept unless --replace; with it the file is replaced', async () => {
    const out = join(fx.dir, 'bao-cao.xlsx');
    writeFileSync(out, 'MY OWN FILE');
    const t = io();
    expect(await main(['export', 'report', '--campaign', '1', '--db', fx.file, '--out', out, '--today', TODAY], t.io)).toBe(1);
    expect(t.err.join()).toMatch(/đã có.*--replace/);
    expect(readFileSync(out, 'utf8')).toBe('MY OWN FILE');
    expect(await main(['export', 'report', '--campaign', '1', '--db', fx.file, '--out', out, '--replace', '--today', TODAY], io().io)).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const csv = join(fx.dir, 'nhat-ky.csv');
    expect(await main(['audit', 'export', '--db', fx.file, '--out', csv], io().io)).toBe(0);
    expect(readFileSync(csv, 'utf8')).toMatch(/^\uFEFF/);
    expect(readdirSync(fx.dir).filter((n) => n.endsWith('.part'))).toEqual([]);
  });
});

describe('an export is recorded only after its file is published (issue 17 §6)', () => {
  it('a failed publish leaves no history row and no file; the next one works', async () => {
    const core = openCore(fx.file);
    try {
      const rows = () => (core.db.prepare('SELECT COUNT(*) AS n FROM report_exports').get() as { n: number }).n;
      const before = rows();
      const files = () => readdirSync(join(fx.dir, 'exports')).filter((n) => n.includes('BaoCao')).length;
      const filesBefore = existsSync(join(fx.dir, 'exports')) ? files() : 0;
      vitest.spyOn(publishFs, 'link').mockImplementation(() => {
        throw Object.assign(new Error('EIO: injected'), { code: 'EIO' });
      });
      const { jobId } = await call(core, 'reports.export', { campaignId: 1, kind: 'report', showLogins: false });
      let status;
      do status = await (await sleep(5), call(core, 'jobs.status', { id: jobId }));
      while (status.state === 'running');
      expect(status.state).toBe('failed');
      expect(status.error?.message).toMatch(/Lỗi đọc\/ghi ổ đĩa/);
      expect(rows()).toBe(before);
      expect(files()).toBe(filesBefore);
      vitest.restoreAllMocks();
      const again = await call(core, 'reports.export', { campaignId: 1, kind: 'report', showLogins: false });
      do status = await (await sleep(5), call(core, 'jobs.status', { id: again.jobId }));
      while (status.state === 'running');
      expect(status.state).toBe('done');
      expect(rows()).toBe(before + 1);
      const last = core.db.prepare('SELECT file_path AS p FROM report_exports ORDER BY id DESC LIMIT 1').get() as { p: string };
      expect(existsSync(last.p)).toBe(true);
    } finally {
      core.db.close();
    }
  });
});

describe('backups on a file system without hard links (issue 17 §3)', () => {
  it.each(['EISDIR', 'EINVAL', 'EPERM', 'ENOTSUP'])('link() failing with %s: the backup is copied, checked and listed', async (code) => {
    const link = vitest.spyOn(publishFs, 'link').mockImplementation(() => {
      throw Object.assign(new Error(`${code}: injected`), { code });
    });
    const dir = join(fx.dir, `fat-${code}`);
    const db = new Database(fx.file, { readonly: true });
    try {
      const entry = await writeBackup(db, { dir, kind: 'manual', at: new Date('2026-12-01T10:00:00') });
      const again = await writeBackup(db, { dir, kind: 'manual', at: new Date('2026-12-01T10:00:00') });
      expect(link).toHaveBeenCalled();
      expect(again.name).not.toBe(entry.name);
      expect(listBackups(dir).map((b) => b.name).sort()).toEqual([entry.name, again.name].sort());
      expect(integrity(entry.path)).toBe('ok');
      expect(digest(entry.path)).toEqual(digest(fx.file));
      expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
    } finally {
      db.close();
    }
  });
});
