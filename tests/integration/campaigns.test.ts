import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recount } from '../oracle/recount';
import { intervalFor, rotationState } from '../../shared/rotation/rules';
import { HOME_UNIT, makeTestCore, snapshot, type TestCore } from './harness-core';

// Today is 20/01/2024 (fixed clock). The campaign runs 10/01 → 25/01/2024, like the Đống Đa letter.
let t: TestCore;
let kntc: number;
let dgxl: number;
let stdv: number;

async function person(fullName: string, department = 'Văn phòng') {
  return t.call('people.create', { fullName, department });
}
async function account(systemId: number, personId: number | null, loginName: string, role: 'admin' | 'user' = 'user', createdOn?: string) {
  return t.call('accounts.create', { systemId, personId, loginName, role, ...(createdOn ? { createdOn } : {}) });
}
async function campaign(systemIds = [kntc, dgxl]) {
  return t.call('campaigns.create', {
    directiveNumber: '123/UBND-NV', directiveDate: '2024-01-08', issuer: 'UBND quận Đống Đa',
    subject: 'Rà soát thay đổi mật khẩu tài khoản quản trị và người dùng', systemIds, legalIds: [6, 7],
    startDate: '2024-01-10', deadline: '2024-01-25', recipient: 'Phòng Nội vụ quận Đống Đa',
  });
}

beforeEach(async () => {
  t = makeTestCore('2024-01-20');
  await t.call('unit.save', HOME_UNIT);
  [kntc, dgxl, stdv] = (await t.call('systems.list', {})).map((s) => s.id) as [number, number, number];
});
afterEach(() => t.close());

describe('confirmations', () => {
  it('records who confirmed, how, who recorded and when; never a password', async () => {
    const p = await person('Nguyễn Văn An');
    const a = await account(kntc, p.id, 'annv');
    const c = await t.call('confirmations.create', { accountId: a.id, changedOn: '2024-01-15', confirmedBy: 'owner', method: 'sign_sheet', note: 'Phiếu số 1' });
    expect(c).toMatchObject({ accountId: a.id, changedOn: '2024-01-15', confirmedBy: 'owner', method: 'sign_sheet', recordedBy: 'tester', voidedAt: null });
    expect(c.recordedAt.startsWith('2024-01-20')).toBe(true);
    expect(Object.keys(c).some((k) => /pass|matkhau/i.test(k))).toBe(false);
    const r = await t.raw('confirmations.create', { accountId: a.id, changedOn: '2024-01-15', newPassword: 'x' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', path: ['newPassword'] } });
  });

  it('refuses a date in the future or before the account existed, and changes nothing', async () => {
    const p = await person('Trần Văn Bình');
    const a = await account(kntc, p.id, 'binhtv', 'user', '2024-01-12');
    const before = snapshot(t.core);
    expect(await t.raw('confirmations.create', { accountId: a.id, changedOn: '2024-01-21' })).toMatchObject({
      ok: false, error: { code: 'VALIDATION', path: ['changedOn'], message: 'Ngày đổi mật khẩu không được sau hôm nay.' },
    });
    expect(await t.raw('confirmations.create', { accountId: a.id, changedOn: '2024-01-11' })).toMatchObject({
      ok: false, error: { code: 'VALIDATION', path: ['changedOn'], message: expect.stringContaining('trước ngày cấp tài khoản (12/01/2024)') },
    });
    expect(await t.raw('confirmations.create', { accountId: a.id, changedOn: '2024-02-30' })).toMatchObject({ ok: false, error: { path: ['changedOn'] } });
    expect(snapshot(t.core)).toEqual(before);
  });

  it('is never edited in place: voiding keeps both records in the history', async () => {
    const p = await person('Lê Thị Cúc');
    const a = await account(dgxl, p.id, 'cuclt');
    const wrong = await t.call('confirmations.create', { accountId: a.id, changedOn: '2024-01-11' });
    const voided = await t.call('confirmations.void', { id: wrong.id, reason: 'Nhập nhầm ngày' });
    expect(voided).toMatchObject({ voidReason: 'Nhập nhầm ngày', voidedBy: 'tester' });
    await t.call('confirmations.create', { accountId: a.id, changedOn: '2024-01-16' });
    const history = await t.call('confirmations.history', { accountId: a.id });
    expect(history.map((h) => [h.changedOn, h.voidReason])).toEqual([['2024-01-16', null], ['2024-01-11', 'Nhập nhầm ngày']]);
    expect(await t.raw('confirmations.void', { id: wrong.id, reason: 'lần nữa' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await t.raw('confirmations.void', { id: wrong.id, reason: '  ' })).toMatchObject({ ok: false, error: { path: ['reason'] } });
    // The database itself refuses edits and deletes.
    expect(() => t.core.db.prepare("UPDATE confirmations SET changed_on = '2024-01-01' WHERE id = ?").run(history[0]!.id)).toThrow(/never edited/);
    expect(() => t.core.db.prepare('DELETE FROM confirmations').run()).toThrow(/never deleted/);
  });

  it('bulk-confirms from one signed sheet in one transaction: one bad account, nothing written', async () => {
    const p = await person('Phạm Văn Dũng');
    const a1 = await account(kntc, p.id, 'dungpv');
    const a2 = await account(dgxl, p.id, 'dungpv');
    const cancelled = await t.call('accounts.create', { systemId: stdv, personId: p.id, loginName: 'dungpv', status: 'cancelled' });
    const before = snapshot(t.core);
    const bad = await t.raw('confirmations.bulkCreate', { accountIds: [a1.id, a2.id, cancelled.id], changedOn: '2024-01-18' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', path: ['accountIds', 2], message: expect.stringContaining('đã hủy') } });
    expect(snapshot(t.core)).toEqual(before);
    const ok = await t.call('confirmations.bulkCreate', { accountIds: [a1.id, a2.id], changedOn: '2024-01-18', method: 'sign_sheet' });
    expect(ok.count).toBe(2);
    const rows = t.core.db.prepare('SELECT DISTINCT batch_id FROM confirmations').all();
    expect(rows).toEqual([{ batch_id: ok.batchId }]);
  });
});

describe('campaigns', () => {
  it('moves draft → in progress → reported → sent with dates, and only forward', async () => {
    const c = await campaign();
    expect(c).toMatchObject({ status: 'draft', systemIds: [kntc, dgxl].sort((a, b) => a - b), legalIds: [6, 7] });
    expect(await t.raw('campaigns.advance', { id: c.id, to: 'sent', sentOn: '2024-01-20' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await t.call('campaigns.advance', { id: c.id, to: 'in_progress' })).startedOn).toBe('2024-01-20');
    expect(await t.raw('campaigns.advance', { id: c.id, to: 'reported', reportNumber: '05/BC-UBND', reportedOn: '2024-01-09', signer: 'Nguyễn Văn Hùng' })).toMatchObject({
      ok: false, error: { path: ['reportedOn'] },
    });
    const reported = await t.call('campaigns.advance', { id: c.id, to: 'reported', reportNumber: '05/BC-UBND', reportedOn: '2024-01-19', signer: 'Nguyễn Văn Hùng' });
    expect(reported).toMatchObject({ status: 'reported', reportNumber: '05/BC-UBND', reportedOn: '2024-01-19' });
    const locked = await t.raw('campaigns.update', { id: c.id, directiveNumber: 'x', subject: 'y', systemIds: [kntc], startDate: '2024-01-10', deadline: '2024-01-25' });
    expect(locked).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await t.call('campaigns.advance', { id: c.id, to: 'sent', sentOn: '2024-01-20' })).status).toBe('sent');
  });

  it('refuses a deadline before the start', async () => {
    const r = await t.raw('campaigns.create', { directiveNumber: '1/UBND', subject: 's', systemIds: [kntc], startDate: '2024-01-10', deadline: '2024-01-09' });
    expect(r).toMatchObject({ ok: false, error: { path: ['deadline'] } });
  });

  it('computes done / late / missing / to cancel per system on crafted data with known answers', async () => {
    const an = await person('Nguyễn Văn An', 'Văn phòng');
    const binh = await person('Trần Văn Bình', 'Địa chính');
    const cuc = await person('Lê Thị Cúc', 'Địa chính');
    const dung = await person('Phạm Văn Dũng', 'Tư pháp');
    // KNTC: An admin done; Bình user late (after deadline is impossible with today=20/01 — use the void trick below); Cúc missing (change before start).
    const anK = await account(kntc, an.id, 'annv', 'admin');
    const binhK = await account(kntc, binh.id, 'binhtv');
    const cucK = await account(kntc, cuc.id, 'cuclt');
    // DGXL: An done, Dũng leaver (to cancel), shared account missing, a locked account out of scope.
    const anD = await account(dgxl, an.id, 'annv');
    const dungD = await account(dgxl, dung.id, 'dungpv');
    await account(dgxl, null, 'vanthu');
    await t.call('accounts.create', { systemId: dgxl, personId: binh.id, loginName: 'binh-cu', status: 'locked' });
    // STDV is out of the campaign's scope.
    const anS = await account(stdv, an.id, 'annv');

    await t.call('confirmations.create', { accountId: anK.id, changedOn: '2024-01-10' });
    await t.call('confirmations.create', { accountId: cucK.id, changedOn: '2024-01-09' });
    await t.call('confirmations.create', { accountId: anD.id, changedOn: '2024-01-19' });
    await t.call('confirmations.create', { accountId: anS.id, changedOn: '2024-01-15' });
    const voided = await t.call('confirmations.create', { accountId: binhK.id, changedOn: '2024-01-12' });
    await t.call('confirmations.void', { id: voided.id, reason: 'Sai tài khoản' }); // a voided change counts for nothing
    await t.call('people.setStatus', { id: dung.id, status: 'retired', statusDate: '2024-01-05' });
    await t.call('confirmations.create', { accountId: dungD.id, changedOn: '2024-01-15' });

    const c = await campaign();
    const progress = await t.call('campaigns.progress', { id: c.id });
    expect(progress.bySystem.map(({ systemId, total, admin, user, done, late, missing, toCancel }) => ({ systemId, total, admin, user, done, late, missing, toCancel }))).toEqual([
      { systemId: kntc, total: 3, admin: 1, user: 2, done: 1, late: 0, missing: 2, toCancel: 0 },
      { systemId: dgxl, total: 3, admin: 0, user: 3, done: 1, late: 0, missing: 1, toCancel: 1 },
    ]);
    // One state per account: the leaver's account to cancel is part of the total (states add up).
    expect(progress.overall).toMatchObject({ total: 6, admin: 1, user: 5, done: 2, late: 0, missing: 3, toCancel: 1, mustChange: 0 });
    expect(progress.overall.byRole.admin).toEqual({ total: 1, toCancel: 0, mustChange: 0, done: 1, late: 0, missing: 0 });
    expect(progress.overall.byRole.user).toEqual({ total: 5, toCancel: 1, mustChange: 0, done: 1, late: 0, missing: 3 });
    expect(progress.percent).toBe(33);
    expect(progress.daysLeft).toBe(5);

    const list = await t.call('campaigns.checklist', { campaignId: c.id });
    expect(list.counts).toEqual({ done: 2, late: 0, missing: 3, to_cancel: 1, must_change: 0 });
    expect(list.rows.map((r) => [r.personName, r.loginName, r.state])).toEqual([
      ['Nguyễn Văn An', 'annv', 'done'],
      ['Nguyễn Văn An', 'annv', 'done'],
      ['Trần Văn Bình', 'binhtv', 'missing'],
      ['Lê Thị Cúc', 'cuclt', 'missing'],
      ['Phạm Văn Dũng', 'dungpv', 'to_cancel'],
      [null, 'vanthu', 'missing'],
    ]);
    expect((await t.call('campaigns.checklist', { campaignId: c.id, state: 'missing', department: 'Địa chính' })).rows.map((r) => r.loginName)).toEqual(['binhtv', 'cuclt']);
    expect((await t.call('campaigns.checklist', { campaignId: c.id, q: 'cuc' })).rows.map((r) => r.loginName)).toEqual(['cuclt']);
    expect((await t.call('campaigns.checklist', { campaignId: c.id, systemId: kntc, state: 'done' })).rows[0]).toMatchObject({ loginName: 'annv', changedOn: '2024-01-10' });
  });

  it('counts a change after the deadline as late', async () => {
    const t2 = makeTestCore('2024-02-05');
    try {
      await t2.call('unit.save', HOME_UNIT);
      const [k] = (await t2.call('systems.list', {})).map((s) => s.id);
      const p = await t2.call('people.create', { fullName: 'Vũ Thị Hà' });
      const a = await t2.call('accounts.create', { systemId: k!, personId: p.id, loginName: 'havt' });
      await t2.call('confirmations.create', { accountId: a.id, changedOn: '2024-01-30' });
      const c = await t2.call('campaigns.create', { directiveNumber: '1/UBND', subject: 's', systemIds: [k!], startDate: '2024-01-10', deadline: '2024-01-25' });
      expect((await t2.call('campaigns.progress', { id: c.id })).overall).toMatchObject({ done: 0, late: 1, missing: 0 });
      expect((await t2.call('campaigns.checklist', { campaignId: c.id })).rows[0]).toMatchObject({ state: 'late', changedOn: '2024-01-30' });
    } finally {
      t2.close();
    }
  });
});

describe('dashboard', () => {
  it('counts rotation states and lists to-dos overdue first, then never confirmed, then leavers', async () => {
    const an = await person('Nguyễn Văn An');
    const binh = await person('Trần Văn Bình');
    const cuc = await person('Lê Thị Cúc');
    const overdue = await account(kntc, an.id, 'annv'); // monthly: changed 10/12/2023 → due 10/01/2024 → overdue
    const soon = await account(kntc, binh.id, 'binhtv'); // changed 25/12/2023 → due 25/01 → due soon (5 days)
    const ok = await account(dgxl, an.id, 'annv'); // 3 months: changed 15/01 → due 15/04 → ok
    await account(dgxl, binh.id, 'binhtv'); // never
    const leaver = await account(dgxl, cuc.id, 'cuclt');
    await t.call('confirmations.create', { accountId: overdue.id, changedOn: '2023-12-10' });
    await t.call('confirmations.create', { accountId: soon.id, changedOn: '2023-12-25' });
    await t.call('confirmations.create', { accountId: ok.id, changedOn: '2024-01-15' });
    await t.call('people.setStatus', { id: cuc.id, status: 'transferred', statusDate: '2024-01-02' });
    const c = await campaign();
    const d = await t.call('dashboard.summary', {});
    expect(d.rotation).toEqual({ ok: 1, due_soon: 1, overdue: 1, never: 1 });
    expect(d.todoCounts).toEqual({ forced: 0, overdue: 1, never: 1, to_cancel: 1 }); // forced: Rule 5, tests/integration/devices.test.ts
    expect(d.todos.map((x) => [x.kind, x.loginName, x.date, x.daysLeft])).toEqual([
      ['overdue', 'annv', '2024-01-10', -10],
      ['never', 'binhtv', null, null],
      ['to_cancel', 'cuclt', '2024-01-02', null],
    ]);
    expect(d.todos[2]!.accountId).toBe(leaver.id);
    expect(d.campaigns.map((x) => [x.campaign.id, x.daysLeft])).toEqual([[c.id, 5]]);
    // The threshold is a setting.
    await t.call('settings.save', { dueSoonDays: 3 });
    expect((await t.call('dashboard.summary', {})).rotation).toEqual({ ok: 2, due_soon: 0, overdue: 1, never: 1 });
  });
});

describe('legal basis register', () => {
  it('is seeded with the notices\' documents and versioned on revision', async () => {
    const docs = await t.call('legal.list', {});
    expect(docs.map((d) => d.number)).toContain('Nghị định số 55/2022/NĐ-CP');
    const decree = docs.find((d) => d.number.includes('55/2022'))!;
    const v2 = await t.call('legal.revise', { id: decree.id, kind: 'decree', number: decree.number, issuedOn: decree.issuedOn, issuer: decree.issuer, title: decree.title, effectiveTo: '2024-01-15' });
    expect(v2).toMatchObject({ docKey: decree.docKey, version: 2, inForce: false });
    const all = await t.call('legal.list', { includeSuperseded: true });
    expect(all.find((d) => d.id === decree.id)).toMatchObject({ superseded: true, inForce: false });
    expect((await t.call('legal.list', {})).find((d) => d.id === decree.id)).toBeUndefined();
    expect(await t.raw('legal.revise', { id: decree.id, number: 'x', title: 'y' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('dashboard figures on the demo database', () => {
  it('equal an independent count from the confirmations and the shared rotation rule, with a system switched off', async () => {
    const d = makeTestCore('2024-01-20');
    try {
      const { generateDemo } = await import('../../electron/core/demo/generate');
      generateDemo(d.core.db, 'unit', { today: '2024-01-20' });
      const [first] = await d.call('systems.list', {});
      const { accountCount: _count, code: _code, ...system } = first!;
      await d.call('systems.update', { ...system, active: false });
      // Independent: every active account, its latest valid confirmation read from the
      // confirmations themselves (not the trigger-kept columns), the state from shared/ in JS.
      const rows = d.core.db
        .prepare(
          `SELECT a.role, s.active, s.admin_interval_months AS adminIntervalMonths, s.user_interval_months AS userIntervalMonths, p.status AS personStatus,
             (SELECT max(c.changed_on) FROM confirmations c WHERE c.account_id = a.id AND c.voided_at IS NULL) AS last
           FROM accounts a JOIN systems s ON s.id = a.system_id LEFT JOIN people p ON p.id = a.person_id WHERE a.status = 'active'`,
        )
        .all() as { role: 'admin' | 'user'; active: number; adminIntervalMonths: number; userIntervalMonths: number; personStatus: string | null; last: string | null }[];
      const expected = { ok: 0, due_soon: 0, overdue: 0, never: 0 };
      let toCancel = 0;
      for (const r of rows) {
        if (r.personStatus !== null && r.personStatus !== 'working') toCancel++;
        else if (r.active) expected[rotationState(r.last, intervalFor(r.role, r), '2024-01-20').state]++;
      }
      const summary = await d.call('dashboard.summary', {});
      expect(summary.rotation).toEqual(expected);
      expect(summary.todoCounts.to_cancel).toBe(toCancel);
      expect(toCancel).toBeGreaterThan(0);
      expect(rows.some((r) => !r.active)).toBe(true);
    } finally {
      d.close();
    }
  });
});

describe('campaign figures at district scale', () => {
  it('equal an independent SQL count on the demo database', async () => {
    const d = makeTestCore('2024-01-20');
    try {
      const { generateDemo } = await import('../../electron/core/demo/generate');
      generateDemo(d.core.db, 'district', { today: '2024-01-20' });
      for (const c of await d.call('campaigns.list', {})) {
        const progress = await d.call('campaigns.progress', { id: c.id });
        // Independent count: tests/oracle/recount.ts, plain TypeScript over the raw rows.
        const r = recount(d.core.db, c.id, '2024-01-20', 3);
        const mine = progress.bySystem.map(({ systemId, total, done, late, missing, toCancel, mustChange, byRole }) => ({ systemId, total, done, late, missing, toCancel, mustChange, admin: byRole.admin }));
        const independent = progress.bySystem.map(({ systemId }) => {
          const x = r.bySystem.get(systemId)!;
          const k = (y: typeof x.all) => ({ total: y.total, done: y.done, late: y.late, missing: y.missing, toCancel: y.to_cancel, mustChange: y.must_change });
          return { systemId, ...k(x.all), admin: k(x.admin) };
        });
        expect(mine).toEqual(independent);
        expect(progress.overall.total).toBeGreaterThan(20_000);
        for (const s of progress.bySystem) expect(s.missing).toBe(s.total - s.done - s.late - s.toCancel - s.mustChange);
      }
      const past = (await d.call('campaigns.list', {})).find((c) => c.status === 'sent')!;
      const pastFigures = (await d.call('campaigns.progress', { id: past.id })).overall;
      expect(pastFigures.late).toBeGreaterThan(0);
      expect(pastFigures.missing).toBeGreaterThan(0);
      expect(pastFigures.toCancel).toBeGreaterThan(0);
    } finally {
      d.close();
    }
  });
});

describe('a reported campaign is locked', () => {
  it('records a later change as an amendment with who/when/why, refusing it without a reason', async () => {
    const p = await person('Ngô Văn Tú');
    const a = await account(kntc, p.id, 'tunv');
    const c = await campaign();
    await t.call('campaigns.advance', { id: c.id, to: 'in_progress' });
    await t.call('campaigns.advance', { id: c.id, to: 'reported', reportNumber: '05/BC-UBND', reportedOn: '2024-01-19', signer: 'X' });
    const figuresAsReported = (await t.call('campaigns.progress', { id: c.id })).overall;
    const before = snapshot(t.core);
    const refused = await t.raw('confirmations.create', { accountId: a.id, changedOn: '2024-01-18' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', path: ['amendmentReason'], message: expect.stringContaining('123/UBND-NV') } });
    expect(snapshot(t.core)).toEqual(before);
    expect((await t.call('campaigns.progress', { id: c.id })).overall).toEqual(figuresAsReported);

    const conf = await t.call('confirmations.create', { accountId: a.id, changedOn: '2024-01-18', amendmentReason: 'Phiếu ký bổ sung nộp muộn' });
    const amendments = await t.call('campaigns.amendments', { id: c.id });
    expect(amendments).toMatchObject([{ actor: 'tester', reason: 'Phiếu ký bổ sung nộp muộn', summary: expect.stringContaining('tunv') }]);
    // Voiding a counted change is an amendment too; its reason is the void reason.
    await t.call('confirmations.void', { id: conf.id, reason: 'Nhầm tài khoản' });
    expect((await t.call('campaigns.amendments', { id: c.id })).map((x) => x.reason)).toEqual(['Phiếu ký bổ sung nộp muộn', 'Nhầm tài khoản']);
    // A change on a system outside the campaign, or before its start, is not an amendment.
    const other = await account(stdv, p.id, 'tunv');
    await t.call('confirmations.create', { accountId: other.id, changedOn: '2024-01-18' });
    await t.call('confirmations.create', { accountId: a.id, changedOn: '2024-01-05' });
    expect(await t.call('campaigns.amendments', { id: c.id })).toHaveLength(2);
    expect(() => t.core.db.prepare('DELETE FROM campaign_amendments').run()).toThrow(/never deleted/);
  });
});
