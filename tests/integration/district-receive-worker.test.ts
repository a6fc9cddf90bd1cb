import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi as vitest } from 'vitest';
import type { InputOf, MethodName, ResultOf } from '../../shared/api/contract';
import type { SubmissionImportResult } from '../../shared/district/schema';
import type { ExportResult } from '../../shared/reports/schema';
import { createCore, dispatch, type Core } from '../../electron/core';
import { useFileWorker } from '../../electron/core/import/run-reader';
import { buildHandUnit, HAND_HOME, type HandUnit } from '../oracle/hand-unit';
import { bundleFileWorker } from './bundled-worker';

// Issue 16 §4: receiving unit files at the office never holds the main thread. Each file's
// checks-and-writes transaction (district/store-submission.ts) runs in the file worker on its own
// connection — the commit's fsync (synchronous = FULL) on a busy disk held the main thread up to
// 0.6 s per file — and the dispatcher holds writes on the main connection meanwhile
// (WriteGate.writeAside). The worker is bundled from the sources as electron-vite builds it.
// Checked here: the same outcome, word for word, as the inline path (hand-district's literals);
// none of it written through the main connection; a clerk's writes made during the batch land.

let dir: string;
let workerUrl: URL;
let worker: Awaited<ReturnType<typeof bundleFileWorker>>;
const units: HandUnit[] = [];
const files: Record<string, ExportResult> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'attk-receive-worker-'));
  worker = await bundleFileWorker('attk-receive-worker-');
  workerUrl = worker.url;
  for (const [code, name, drop] of [['PVM', 'UBND PHƯỜNG VĂN MIẾU', []], ['PHB', 'UBND PHƯỜNG HÀNG BỘT', ['binh.qt', 'binh.nd', 'binh.huy']]] as const) {
    const u = await buildHandUnit({ code, name, dir, drop: [...drop] });
    units.push(u);
    files[code] = await u.exportReport();
  }
}, 180_000);
afterAll(() => {
  useFileWorker(undefined);
  for (const u of units) u.close();
  rmSync(dir, { recursive: true, force: true });
  worker?.remove();
});

let officeNo = 0;
async function office(day: { today: string }) {
  const core = createCore({ file: join(dir, `office-${++officeNo}.sqlite`), shell: 'cli', appVersion: 'test', actor: 'van-thu', now: () => new Date(`${day.today}T15:00:00`) });
  const call = async <M extends MethodName>(method: M, input: InputOf<M>): Promise<ResultOf<M>> => {
    const e = await dispatch(core, method, input);
    if (!e.ok) throw new Error(`${method}: ${e.error.message}`);
    return e.result as ResultOf<M>;
  };
  await call('unit.save', { ...HAND_HOME, name: 'PHÒNG NỘI VỤ QUẬN ĐỐNG ĐA', code: 'PNV-DD', signAuthority: '', reportSymbol: 'BC-PNV', recipientName: 'UBND quận Đống Đa' });
  await call('district.saveSettings', { receivingMode: true, officeLevel: 'district', officeAddress: '90 Hoàng Cầu, Đống Đa' });
  for (const [code, name] of [['PVM', 'UBND PHƯỜNG VĂN MIẾU'], ['PHB', 'UBND PHƯỜNG HÀNG BỘT'], ['PKT', 'UBND PHƯỜNG KHÂM THIÊN']]) {
    await call('district.saveUnit', { code: code!, name: name!, kind: 'ward' });
  }
  const c = await call('campaigns.create', {
    directiveNumber: '123/UBND-NV', subject: 'Rà soát, thay đổi mật khẩu tài khoản các phần mềm', systemIds: [1, 2], startDate: '2024-02-01', deadline: '2024-02-15',
  });
  await call('campaigns.advance', { id: c.id, to: 'in_progress' });
  return { core, call, campaignId: c.id };
}

const upload = (code: string) => ({ fileName: `${code}.xlsx`, dataBase64: readFileSync(files[code]!.filePath).toString('base64') });

/** The office receives PVM on the deadline day and PHB (its key not confirmed: pinned unchecked) the day after, in one batch with a copy of PVM's file. */
async function receive(o: Awaited<ReturnType<typeof office>>, day: { today: string }, during?: () => Promise<void>): Promise<SubmissionImportResult[]> {
  const run = async (input: InputOf<'district.importFiles'>) => {
    const { jobId } = await o.call('district.importFiles', input);
    for (;;) {
      if (during) await during();
      const s = await o.call('jobs.status', { id: jobId });
      if (s.state === 'done') return s.result as SubmissionImportResult;
      if (s.state === 'failed') throw new Error(s.error?.message);
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  day.today = '2024-02-15';
  const first = await run({ campaignId: o.campaignId, files: [upload('PVM'), upload('PVM')], confirmedKeys: [{ unitCode: 'PVM', fingerprint: files.PVM!.fingerprint }] });
  day.today = '2024-02-16';
  const second = await run({ campaignId: o.campaignId, files: [upload('PHB'), upload('PVM')], trustNewKeys: true });
  return [first, second];
}

const outcome = (r: SubmissionImportResult[]) => r.map((b) => b.results.map((x) => [x.unitCode, x.status, x.reason ?? null, x.message, x.receivedOn ?? null, x.late ?? null, x.keyPinned ?? null]));
const tables = (core: Core) => ({
  submissions: core.db.prepare('SELECT unit_id, received_on, received_at, received_by, file_name, sha256, size, matched_by FROM district_submissions ORDER BY id').all(),
  figures: core.db.prepare('SELECT submission_id, position, system_key, total, done, late, missing, to_cancel, must_change FROM district_submission_figures ORDER BY submission_id, position').all(),
  devices: core.db.prepare('SELECT * FROM district_submission_devices ORDER BY submission_id').all(),
  audit: core.db.prepare('SELECT action, entity, entity_id, actor, at, summary FROM audit_log ORDER BY id').all(),
});

describe('unit files stored by the file worker', () => {
  it('the same outcome and the same rows as on the main connection, none of it written through the main connection', async () => {
    useFileWorker(null);
    const dayA = { today: '2024-02-10' };
    const inline = await office(dayA);
    const dayB = { today: '2024-02-10' };
    const worker = await office(dayB);
    try {
      const expected = await receive(inline, dayA);
      const pin = ` Đã lưu mã xác thực ${files.PVM!.fingerprint} của đơn vị (đã đối chiếu với báo cáo giấy).`;
      expect(outcome(expected)).toEqual([
        [
          ['PVM', 'accepted', null, `Đã nhận tệp của UBND PHƯỜNG VĂN MIẾU (đúng hạn).${pin}`, '2024-02-15', false, true],
          ['PVM', 'refused', 'duplicate', expect.stringContaining('PVM.xlsx'), null, null, null],
        ],
        [
          ['PHB', 'accepted', null, expect.stringMatching(/^Đã nhận tệp của UBND PHƯỜNG HÀNG BỘT \(muộn 1 ngày\)\./), '2024-02-16', true, true],
          ['PVM', 'refused', 'duplicate', expect.stringContaining('UBND PHƯỜNG VĂN MIẾU'), null, null, null],
        ],
      ]);

      useFileWorker(workerUrl);
      const transaction = vitest.spyOn(worker.core.db, 'transaction');
      const got = await receive(worker, dayB);
      expect(transaction).not.toHaveBeenCalled();
      transaction.mockRestore();
      expect(outcome(got)).toEqual(outcome(expected));
      expect(tables(worker.core)).toEqual(tables(inline.core));
      expect((tables(worker.core).submissions as unknown[]).length).toBe(2);
      expect(worker.core.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      useFileWorker(undefined);
      inline.core.db.close();
      worker.core.db.close();
    }
  }, 120_000);

  it('a clerk\'s writes made while the batch runs wait for the file being stored and land, never BUSY', async () => {
    useFileWorker(workerUrl);
    const day = { today: '2024-02-10' };
    const o = await office(day);
    try {
      const made: string[] = [];
      let n = 0;
      await receive(o, day, async () => {
        const e = await dispatch(o.core, 'people.create', { fullName: `Nguyễn Văn Chen ${++n}` });
        expect(e.ok).toBe(true);
        made.push((e as { result: { fullName: string } }).result.fullName);
      });
      expect(made.length).toBeGreaterThan(0);
      expect((o.core.db.prepare("SELECT count(*) AS n FROM people WHERE full_name LIKE 'Nguyễn Văn Chen %'").get() as { n: number }).n).toBe(made.length);
      expect((o.core.db.prepare('SELECT count(*) AS n FROM district_submissions').get() as { n: number }).n).toBe(2);
    } finally {
      useFileWorker(undefined);
      o.core.db.close();
    }
  }, 120_000);
});
