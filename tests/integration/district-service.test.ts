import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DistrictExportResult, UnitListImportResult } from '../../shared/district/schema';
import { HOME_UNIT, makeTestCore, type TestCore } from './harness-core';

// Issue 22: the receiving office's handlers (electron/core/district/service.ts) one by one, each
// test on a fresh office built inside it (Stryker activates a mutant per test; work done in
// beforeAll would never run mutated code). Expected values are literals worked out by hand.

const OFFICE = { ...HOME_UNIT, name: 'PHÒNG NỘI VỤ QUẬN ĐỐNG ĐA', code: 'PNV.DD', signAuthority: '', reportSymbol: 'BC-PNV', recipientName: 'UBND quận Đống Đa' };
const b64 = (text: string) => Buffer.from(text).toString('base64');

let t: TestCore | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

/** A job's outcome, with its kind (the job list shows it) and, when it failed, its typed error. */
async function job<R>(start: Promise<{ jobId: string }>, kind?: string): Promise<{ state: string; result?: R; message?: string; error?: unknown }> {
  const { jobId } = await start;
  for (;;) {
    const s = await t!.call('jobs.status', { id: jobId });
    if (kind !== undefined) expect(s.kind).toBe(kind);
    if (s.state === 'done') return { state: 'done', result: s.result as R };
    if (s.state === 'failed') return { state: 'failed', message: s.error?.message ?? '', error: s.error };
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** An office (home unit + receiving mode) with a campaign; `withHome: false` leaves the home unit out. */
async function office(opts: { withHome?: boolean } = {}) {
  t = makeTestCore('2024-02-20');
  if (opts.withHome !== false) {
    await t.call('unit.save', OFFICE);
    await t.call('district.saveSettings', { receivingMode: true, officeLevel: 'district', officeAddress: '90 Hoàng Cầu' });
  }
  const c = await t.call('campaigns.create', { directiveNumber: '123/UBND-NV', subject: 'Rà soát mật khẩu', systemIds: [1, 2], startDate: '2024-02-01', deadline: '2024-02-15' });
  await t.call('campaigns.advance', { id: c.id, to: 'in_progress' });
  return c.id;
}

const audit = () =>
  (t!.core.db.prepare('SELECT action, entity, entity_id AS entityId, summary, data FROM audit_log ORDER BY id').all() as { action: string; entity: string; entityId: number | null; summary: string; data: string }[])
    .map((a) => ({ ...a, data: JSON.parse(a.data) as unknown }));
const lastAudit = () => audit().at(-1)!;

describe('district.saveSettings / saveUnit', () => {
  it('saves the receiving mode on the home unit, audited; refuses without a home unit', async () => {
    await office();
    expect(await t!.call('district.settings', {})).toEqual({ receivingMode: true, officeLevel: 'district', officeAddress: '90 Hoàng Cầu', officeName: 'PHÒNG NỘI VỤ QUẬN ĐỐNG ĐA' });
    expect(audit().filter((a) => a.entity === 'settings')).toEqual([{
      action: 'update', entity: 'settings', entityId: null, summary: 'Chế độ cơ quan tiếp nhận báo cáo',
      data: { receivingMode: true, officeLevel: 'district', officeAddress: '90 Hoàng Cầu' },
    }]);
    expect(await t!.call('district.saveSettings', { receivingMode: false, officeLevel: 'province', officeAddress: '' })).toEqual({
      receivingMode: false, officeLevel: 'province', officeAddress: '', officeName: 'PHÒNG NỘI VỤ QUẬN ĐỐNG ĐA',
    });
    t!.close();
    await office({ withHome: false });
    expect(await t!.raw('district.saveSettings', { receivingMode: true, officeLevel: 'district', officeAddress: '' })).toMatchObject({
      ok: false, error: { code: 'VALIDATION', message: 'Chưa khai báo thông tin đơn vị. Hãy hoàn tất bước thiết lập ban đầu.' },
    });
    expect(audit().filter((a) => a.entity === 'settings')).toEqual([]);
  });

  it('creates then updates a unit, each audited with its action', async () => {
    await office();
    const u = await t!.call('district.saveUnit', { code: 'P1', name: 'UBND phường Một', kind: 'ward', contact: 'Chị Lan' });
    expect(u).toMatchObject({ code: 'P1', name: 'UBND phường Một', kind: 'ward', contact: 'Chị Lan', people: 0, submissions: 0, key: null });
    expect(lastAudit()).toMatchObject({ action: 'create', entity: 'unit', entityId: u.id, summary: 'UBND phường Một' });
    const v = await t!.call('district.saveUnit', { id: u.id, code: 'P1', name: 'UBND phường Một (mới)', kind: 'ward', contact: '' });
    expect(v).toMatchObject({ id: u.id, name: 'UBND phường Một (mới)', contact: '' });
    expect(lastAudit()).toMatchObject({ action: 'update', entity: 'unit', entityId: u.id, summary: 'UBND phường Một (mới)' });
  });
});

describe('district.importUnits', () => {
  it('creates, updates and leaves unchanged by code; refuses the office\'s own code and a code twice in the file; problems in row order', async () => {
    await office();
    await t!.call('district.saveUnit', { code: 'P2', name: 'UBND phường Hai', kind: 'ward', contact: 'Anh Hà' });
    await t!.call('district.saveUnit', { code: 'P3', name: 'UBND phường Ba', kind: 'ward', contact: 'cũ' });
    const csv = [
      'STT;Tên đơn vị;Mã;Loại;Liên hệ', // row 1
      '1;UBND phường Một;P1;Phường;Chị A', // 2: created
      '2;UBND phường Hai;P2;Phường;Anh Hà', // 3: unchanged
      '3;UBND phường Ba;P3;Phường;Anh B', // 4: updated (contact)
      '4;Trùng mã;p1;Phường;', // 5: the code of row 2 again
      '5;Phòng Nội vụ;pnv.dd;Cơ quan;', // 6: the office's own code
      '6;Không có mã;;Phường;', // 7: refused by the reader
    ].join('\n');
    const r = await job<UnitListImportResult>(t!.call('district.importUnits', { fileName: 'donvi.csv', dataBase64: b64(csv) }), 'district.importUnits');
    expect(r).toEqual({
      state: 'done',
      result: {
        created: 1, updated: 1, unchanged: 1,
        problems: [
          { row: 5, message: 'mã "p1" trùng với dòng 2.' },
          { row: 6, message: 'mã "pnv.dd" là mã của chính cơ quan này.' },
          { row: 7, message: 'thiếu mã đơn vị.' },
        ],
      },
    });
    expect((await t!.call('district.units', {})).map((u) => [u.code, u.name, u.contact])).toEqual([
      ['P3', 'UBND phường Ba', 'Anh B'], ['P2', 'UBND phường Hai', 'Anh Hà'], ['P1', 'UBND phường Một', 'Chị A'],
    ]);
    expect(lastAudit()).toEqual({
      action: 'import', entity: 'unit', entityId: null, summary: 'Nhập danh sách đơn vị: donvi.csv',
      data: { created: 1, updated: 1, unchanged: 1, problems: 3 },
    });
  });

  it('a kind or a name changed is an update too', async () => {
    await office();
    await t!.call('district.saveUnit', { code: 'P1', name: 'UBND phường Một', kind: 'ward', contact: '' });
    await t!.call('district.saveUnit', { code: 'P2', name: 'UBND phường Hai', kind: 'ward', contact: '' });
    const csv = ['Tên đơn vị;Mã;Loại;Liên hệ', 'UBND phường Một;P1;Xã;', 'UBND phường Hai mới;P2;Phường;'].join('\n');
    const r = await job<UnitListImportResult>(t!.call('district.importUnits', { fileName: 'donvi.csv', dataBase64: b64(csv) }));
    expect(r.result).toEqual({ created: 0, updated: 2, unchanged: 0, problems: [] });
    expect((await t!.call('district.units', {})).map((u) => [u.code, u.name, u.kind])).toEqual([['P2', 'UBND phường Hai mới', 'ward'], ['P1', 'UBND phường Một', 'commune']]);
  });

  it('a file without the name and code columns fails with the reason and changes nothing; broken base64 is refused at once', async () => {
    await office();
    const before = audit().length;
    const r = await job(t!.call('district.importUnits', { fileName: 'x.csv', dataBase64: b64('Họ và tên;Chức vụ\nA;B') }));
    const noHeader = 'Không tìm thấy dòng tiêu đề có cột "Tên đơn vị" và "Mã". Hãy kiểm tra tệp (xem hướng dẫn).';
    expect(r).toEqual({ state: 'failed', message: noHeader, error: { code: 'VALIDATION', message: noHeader, path: ['dataBase64'] } });
    // A broken .xlsx (zip signature, garbage after it): the import's own file error.
    const broken = await job(t!.call('district.importUnits', { fileName: 'ds.xlsx', dataBase64: Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64, 7)]).toString('base64') }));
    const cut = 'Tệp "ds.xlsx" bị cắt cụt hoặc hỏng (thiếu phần cuối tệp), có thể do tải về hoặc chép chưa xong. Hãy lấy lại bản đầy đủ.';
    expect(broken).toEqual({ state: 'failed', message: cut, error: { code: 'VALIDATION', message: cut, path: ['dataBase64'] } });
    expect(await t!.raw('district.importUnits', { fileName: 'x.csv', dataBase64: 'QUJD*' })).toMatchObject({
      ok: false, error: { code: 'VALIDATION', path: ['dataBase64'], message: 'Không nhận được nội dung tệp "x.csv" (dữ liệu truyền bị hỏng). Hãy chọn lại tệp.' },
    });
    expect(await t!.call('district.units', {})).toEqual([]);
    expect(audit()).toHaveLength(before);
  });
});

describe('district.removeUnit', () => {
  it('removes a unit entered by mistake (and its expected rows), audited; refuses one with staff', async () => {
    const campaignId = await office();
    const a = await t!.call('district.saveUnit', { code: 'P1', name: 'UBND phường Một', kind: 'ward', contact: '' });
    const b = await t!.call('district.saveUnit', { code: 'P2', name: 'UBND phường Hai', kind: 'ward', contact: '' });
    await t!.call('district.setExpected', { campaignId, unitIds: [a.id, b.id] });
    expect(await t!.call('district.removeUnit', { id: a.id })).toEqual({ removed: a.id });
    expect(lastAudit()).toMatchObject({ action: 'delete', entity: 'unit', entityId: a.id, summary: 'UBND phường Một', data: { code: 'P1', name: 'UBND phường Một' } });
    expect((await t!.call('district.units', {})).map((u) => u.code)).toEqual(['P2']);
    expect(await t!.call('district.expected', { campaignId })).toEqual([b.id]);

    await t!.call('people.create', { fullName: 'Nguyễn Văn An', unitId: b.id });
    expect(await t!.raw('district.removeUnit', { id: b.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', path: ['id'] } });
    expect((await t!.call('district.units', {})).map((u) => u.code)).toEqual(['P2']);
    expect(await t!.call('district.expected', { campaignId })).toEqual([b.id]);
  });
});

describe('district.expected / setExpected', () => {
  it('stores the chosen units once each, sorted, audited; an unknown unit or the office itself is refused with its position and changes nothing', async () => {
    const campaignId = await office();
    const ids: number[] = [];
    for (const code of ['P1', 'P2', 'P3']) ids.push((await t!.call('district.saveUnit', { code, name: `UBND phường ${code}`, kind: 'ward', contact: '' })).id);
    const [p1, p2, p3] = ids as [number, number, number];
    expect(await t!.call('district.expected', { campaignId })).toEqual([]);
    expect(await t!.call('district.setExpected', { campaignId, unitIds: [p3, p1, p3] })).toEqual([p1, p3]);
    expect(await t!.call('district.expected', { campaignId })).toEqual([p1, p3]);
    expect(lastAudit()).toEqual({ action: 'update', entity: 'campaign', entityId: campaignId, summary: 'Đã lưu: 2 đơn vị phải báo cáo.', data: { unitIds: [p3, p1] } });
    const home = (t!.core.db.prepare('SELECT id FROM units WHERE is_home = 1').get() as { id: number }).id;
    for (const bad of [p3 + 100, home]) {
      expect(await t!.raw('district.setExpected', { campaignId, unitIds: [p2, bad] })).toMatchObject({
        ok: false, error: { code: 'NOT_FOUND', path: ['unitIds', 1], message: `Đơn vị (mã ${bad}) không có trong danh sách đơn vị trực thuộc.` },
      });
    }
    expect(await t!.call('district.expected', { campaignId })).toEqual([p1, p3]);
    expect(await t!.raw('district.expected', { campaignId: campaignId + 1 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', path: ['campaignId'] } });
    expect(await t!.raw('district.setExpected', { campaignId: campaignId + 1, unitIds: [p1] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', path: ['campaignId'] } });
    expect(await t!.raw('district.board', { campaignId: campaignId + 1 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', path: ['campaignId'] } });
  });
});

describe('district.export / exportFile / reportData', () => {
  it('exports the workbook (no unit has sent a file yet), records it with its SHA-256 and counts, and gives it back', async () => {
    const campaignId = await office();
    for (const code of ['P1', 'P2']) await t!.call('district.saveUnit', { code, name: `UBND phường ${code}`, kind: 'ward', contact: '' });
    const r = await job<DistrictExportResult>(t!.call('district.export', { campaignId }), 'district.export');
    expect(r.state).toBe('done');
    const e = r.result!;
    const stamp = new Date('2024-02-20T09:00:00').toISOString().slice(0, 19).replace(/[-:T]/g, '');
    expect(e.fileName).toBe(`ATTK_TongHop_PNV_DD_${stamp}.xlsx`);
    expect(basename(e.filePath)).toBe(e.fileName);
    const sha = createHash('sha256').update(readFileSync(e.filePath)).digest('hex');
    expect([e.sha256, e.units, e.missing]).toEqual([sha, 0, 2]);
    expect(t!.core.db.prepare('SELECT id, campaign_id AS c, file_name AS f, file_path AS p, sha256 AS s, units AS u, exported_by AS b FROM district_exports').all()).toEqual([
      { id: e.exportId, c: campaignId, f: e.fileName, p: e.filePath, s: sha, u: 2, b: 'tester' },
    ]);
    expect(lastAudit()).toEqual({
      action: 'export', entity: 'campaign', entityId: campaignId, summary: `${e.fileName} (SHA-256 ${sha.slice(0, 12)}…)`,
      data: { sha256: sha, counts: { expected: 2, received: 0, onTime: 0, late: 0, missing: 2, others: 0 } },
    });
    const file = await t!.call('district.exportFile', { exportId: e.exportId });
    expect(file.fileName).toBe(e.fileName);
    expect(Buffer.from(file.dataBase64, 'base64').equals(readFileSync(e.filePath))).toBe(true);
    expect(await t!.raw('district.exportFile', { exportId: e.exportId + 1 })).toMatchObject({
      ok: false, error: { code: 'NOT_FOUND', path: ['exportId'], message: `Không tìm thấy tệp tổng hợp (mã ${e.exportId + 1}).` },
    });
  });

  it('refuses to export without a home unit or for an unknown campaign', async () => {
    const campaignId = await office({ withHome: false });
    expect(await t!.raw('district.export', { campaignId })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Chưa khai báo thông tin đơn vị. Hãy hoàn tất bước thiết lập ban đầu.' } });
    expect(await t!.raw('district.reportData', { campaignId })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Chưa khai báo thông tin đơn vị. Hãy hoàn tất bước thiết lập ban đầu.' } });
    await t!.call('unit.save', OFFICE);
    expect(await t!.raw('district.export', { campaignId: campaignId + 1 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', path: ['campaignId'] } });
    expect(t!.core.db.prepare('SELECT count(*) AS n FROM district_exports').get()).toEqual({ n: 0 });
  });

  it('gives the print view the office, its settings, the board, today, and whether the campaign file was sent', async () => {
    const campaignId = await office();
    await t!.call('district.saveUnit', { code: 'P1', name: 'UBND phường Một', kind: 'ward', contact: '' });
    const d = await t!.call('district.reportData', { campaignId });
    expect([d.office.name, d.settings.officeAddress, d.campaign.id, d.today, d.toCancel, d.campaignFileSent, d.board.counts.missing]).toEqual([
      'PHÒNG NỘI VỤ QUẬN ĐỐNG ĐA', '90 Hoàng Cầu', campaignId, '2024-02-20', 0, false, 1,
    ]);
    await t!.call('campaignFile.export', { campaignId });
    expect((await t!.call('district.reportData', { campaignId })).campaignFileSent).toBe(true);
  });

  it('a campaign file exported for another campaign does not count as sent for this one', async () => {
    const campaignId = await office();
    const other = await t!.call('campaigns.create', { directiveNumber: '124/UBND-NV', subject: 'Khác', systemIds: [1], startDate: '2024-02-01', deadline: '2024-02-15' });
    await t!.call('campaigns.advance', { id: other.id, to: 'in_progress' });
    await t!.call('campaignFile.export', { campaignId: other.id });
    expect((await t!.call('district.reportData', { campaignId })).campaignFileSent).toBe(false);
    expect((await t!.call('district.reportData', { campaignId: other.id })).campaignFileSent).toBe(true);
  });
});

describe('district.importFiles / export failures / campaign file handlers', () => {
  it('an unknown campaign is refused at once, before any job', async () => {
    const campaignId = await office();
    expect(await t!.raw('district.importFiles', { campaignId: campaignId + 1, files: [{ fileName: 'a.xlsx', dataBase64: b64('x') }] })).toMatchObject({
      ok: false, error: { code: 'NOT_FOUND', path: ['campaignId'] },
    });
    const r = await job(t!.call('district.importFiles', { campaignId, files: [{ fileName: 'a.xlsx', dataBase64: 'QUJD*' }] }), 'district.importFiles');
    expect(r.state).toBe('done');
  });

  it('an export whose record cannot be written leaves no file behind (no file without its history row)', async () => {
    const campaignId = await office();
    t!.core.db.exec("CREATE TEMP TRIGGER no_export BEFORE INSERT ON district_exports BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    const r = await job(t!.call('district.export', { campaignId }));
    expect(r.state).toBe('failed');
    const dir = join(dirname(t!.file), 'exports');
    expect(readdirSync(dir).filter((f) => f.endsWith('.xlsx'))).toEqual([]);
    expect(t!.core.db.prepare('SELECT count(*) AS n FROM district_exports').get()).toEqual({ n: 0 });
    t!.core.db.exec('DROP TRIGGER no_export');
    const ok = await job<DistrictExportResult>(t!.call('district.export', { campaignId }));
    expect(readdirSync(dir).filter((f) => f.endsWith('.xlsx'))).toEqual([ok.result!.fileName]);
  });

  it('a unit previews then imports the office\'s campaign file', async () => {
    const campaignId = await office();
    await t!.call('district.saveUnit', { code: 'P1', name: 'UBND PHƯỜNG MỘT', kind: 'ward', contact: '' });
    const f = await t!.call('campaignFile.export', { campaignId });
    const unit = makeTestCore('2024-02-20');
    try {
      await unit.call('unit.save', { ...HOME_UNIT, code: 'P1', name: 'UBND PHƯỜNG MỘT' });
      const file = { fileName: f.fileName, dataBase64: f.dataBase64 };
      const preview = await unit.call('campaignFile.preview', file);
      expect([preview.reference, preview.campaign.directiveNumber, preview.campaign.deadline]).toEqual([f.reference, '123/UBND-NV', '2024-02-15']);
      const imported = await unit.call('campaignFile.import', file);
      expect([imported.created, imported.campaign.reference, imported.campaign.directiveNumber, imported.campaign.deadline]).toEqual([true, f.reference, '123/UBND-NV', '2024-02-15']);
    } finally {
      unit.close();
    }
  });
});
