import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { vi } from '../../shared/i18n/vi';
import { dispatch } from '../../electron/core';
import { HOME_UNIT, makeTestCore, type TestCore } from './harness-core';
import { buildHandUnit, type HandUnit } from '../oracle/hand-unit';

// Issue 22 (the campaign service's mutants): the checklist's filters on the hand-built unit with
// the exact accounts each must list, and the campaign's life cycle — list order, scope writes,
// step rules and their boundary days, the exact errors and audit rows — with literal expectations.

describe('the checklist of the hand-built unit (tests/oracle/hand-unit.ts)', () => {
  let u: HandUnit;
  beforeAll(async () => {
    u = await buildHandUnit();
  }, 60_000);
  afterAll(() => u?.close());
  const logins = async (input: Record<string, unknown>) => {
    const r = await u.call('campaigns.checklist', { campaignId: u.campaignId, ...input });
    return { total: r.total, rows: r.rows.map((x) => x.loginName) };
  };

  it('lists every in-scope account in person order (shared accounts last), with the change it counts', async () => {
    const r = await u.call('campaigns.checklist', { campaignId: u.campaignId });
    expect(r.rows.map((x) => [x.loginName, x.state, x.changedOn])).toEqual([
      ['an.qt', 'done', '2024-02-05'],
      ['an.dg', 'done', '2024-02-15'],
      ['an.dg2', 'missing', null],
      ['an.dg3', 'done', '2024-02-01'],
      ['binh.huy', 'missing', null],
      ['binh.nd', 'late', '2024-02-20'],
      ['binh.qt', 'late', '2024-02-16'],
      ['cuong.nd', 'to_cancel', null],
      ['dung.qt', 'must_change', null],
      ['em.nd', 'done', '2024-02-15'],
      ['em.dg', 'done', '2024-02-08'],
      ['em.qt', 'must_change', null],
      ['chung.dg', 'missing', null], // a shared account, after the people
    ]);
    expect(r.rows.filter((x) => x.forced).map((x) => [x.loginName, x.forced!.assetTag])).toEqual([['dung.qt', 'MT-D'], ['em.qt', 'MT-E']]);
    expect(r.rows.find((x) => x.loginName === 'an.qt')).toMatchObject({ lastChangedOn: '2024-02-05', nextDue: '2024-03-05', rotation: 'due_soon', role: 'admin' });
  });

  it('filters by state, system, department, search and the forced flag, counting each state of what is shown', async () => {
    expect(await logins({ state: 'late' })).toEqual({ total: 2, rows: ['binh.nd', 'binh.qt'] });
    expect(await logins({ state: 'missing', systemId: 2 })).toEqual({ total: 2, rows: ['an.dg2', 'chung.dg'] });
    expect(await logins({ department: 'Văn phòng', state: 'to_cancel' })).toEqual({ total: 1, rows: ['cuong.nd'] });
    expect(await logins({ department: 'Kế toán' })).toEqual({ total: 0, rows: [] });
    expect(await logins({ q: 'binh' })).toEqual({ total: 3, rows: ['binh.huy', 'binh.nd', 'binh.qt'] });
    // The department is searched only when asked ("all"); the unit filter.
    expect((await logins({ q: 'phong' })).total).toBe(0);
    expect((await logins({ q: 'phong', searchIn: 'all' })).total).toBe(12);
    const home = (u.core.db.prepare('SELECT id FROM units WHERE is_home = 1').get() as { id: number }).id;
    expect((await logins({ unitId: home })).total).toBe(12);
    expect((await logins({ unitId: home + 1000 })).total).toBe(0);
    expect(await logins({ forced: true })).toEqual({ total: 2, rows: ['dung.qt', 'em.qt'] });
    expect(await logins({ forced: true, systemId: 1 })).toEqual({ total: 1, rows: ['dung.qt'] });
    expect(await logins({ forced: true, state: 'done' })).toEqual({ total: 0, rows: [] });
    const r = await u.call('campaigns.checklist', { campaignId: u.campaignId, systemId: 1 });
    expect([r.total, r.counts, r.forcedCount]).toEqual([7, { to_cancel: 1, must_change: 1, done: 2, late: 2, missing: 1 }, 1]);
    const page = await u.call('campaigns.checklist', { campaignId: u.campaignId, offset: 11, limit: 5 });
    expect([page.total, page.offset, page.rows.map((x) => x.loginName)]).toEqual([13, 11, ['em.qt', 'chung.dg']]);
    expect(await dispatch(u.core, 'campaigns.checklist', { campaignId: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', path: ['campaignId'] } });
  });

  it('shows the figures with the days left', async () => {
    const p = await u.call('campaigns.progress', { id: u.campaignId });
    expect([p.daysLeft, p.percent, p.bySystem.map((s) => [s.systemId, s.total, s.done])]).toEqual([-15, 38, [[1, 7, 2], [2, 6, 3]]]);
  });
});

describe('the campaign life cycle', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = makeTestCore('2024-01-20');
    await t.call('unit.save', HOME_UNIT);
  });
  afterEach(() => t.close());
  const create = (extra: Record<string, unknown> = {}) =>
    t.call('campaigns.create', { directiveNumber: '1/UBND', subject: 'Rà soát', systemIds: [2, 1], legalIds: [7, 6], startDate: '2024-01-10', deadline: '2024-01-25', ...extra });

  it('stores the scope in order, replaces it on update, and refuses an unknown system or document by its position', async () => {
    const c = await create();
    expect([c.systemIds, c.legalIds, c.status]).toEqual([[1, 2], [7, 6], 'draft']);
    const u = await t.call('campaigns.update', { id: c.id, directiveNumber: '2/UBND', subject: 'Rà soát lại', systemIds: [3], legalIds: [6], startDate: '2024-01-11', deadline: '2024-01-11' });
    expect(u).toMatchObject({ directiveNumber: '2/UBND', subject: 'Rà soát lại', systemIds: [3], legalIds: [6], startDate: '2024-01-11', deadline: '2024-01-11' });
    expect(await t.raw('campaigns.create', { directiveNumber: '1', subject: 's', systemIds: [1, 99], startDate: '2024-01-10', deadline: '2024-01-25' }))
      .toEqual({ ok: false, error: { code: 'NOT_FOUND', message: vi.errors.notFound('hệ thống', 99), path: ['systemIds', 1] } });
    expect(await t.raw('campaigns.update', { id: c.id, directiveNumber: '1', subject: 's', systemIds: [1], legalIds: [6, 999], startDate: '2024-01-10', deadline: '2024-01-25' }))
      .toEqual({ ok: false, error: { code: 'NOT_FOUND', message: vi.errors.notFound('văn bản', 999), path: ['legalIds', 1] } });
    expect(await t.raw('campaigns.update', { id: c.id, directiveNumber: '1', subject: 's', systemIds: [1], startDate: '2024-01-10', deadline: '2024-01-09' }))
      .toEqual({ ok: false, error: { code: 'VALIDATION', message: 'Hạn hoàn thành phải từ ngày bắt đầu trở đi.', path: ['deadline'] } });
    expect(await t.raw('campaigns.get', { id: 999 })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: vi.errors.notFound('đợt rà soát', 999), path: ['id'] } });
    const data = (t.core.db.prepare("SELECT data FROM audit_log WHERE entity = 'campaign' ORDER BY id").all() as { data: string }[]).map((r) => JSON.parse(r.data) as Record<string, unknown>);
    expect(data[0]).toMatchObject({ systemIds: [2, 1], legalIds: [7, 6], directiveNumber: '1/UBND', startDate: '2024-01-10', deadline: '2024-01-25' });
    expect(data[1]).toMatchObject({ before: { directiveNumber: '1/UBND', systemIds: [1, 2] }, after: { directiveNumber: '2/UBND', systemIds: [3] } });
    const audit = t.core.db.prepare("SELECT action, entity, entity_id AS id, summary FROM audit_log WHERE entity = 'campaign' ORDER BY id").all();
    expect(audit).toEqual([
      { action: 'create', entity: 'campaign', id: c.id, summary: '1/UBND: Rà soát' },
      { action: 'update', entity: 'campaign', id: c.id, summary: 'Rà soát lại' },
    ]);
  });

  it('lists campaigns not yet sent first, by deadline then newest', async () => {
    const a = await create({ deadline: '2024-01-25' });
    const b = await create({ deadline: '2024-02-10' });
    const c = await create({ deadline: '2024-01-25' });
    const sent = await create({ deadline: '2024-03-01' });
    await t.call('campaigns.advance', { id: sent.id, to: 'in_progress' });
    await t.call('campaigns.advance', { id: sent.id, to: 'reported', reportNumber: '01/BC', reportedOn: '2024-01-10', signer: 'A' });
    await t.call('campaigns.advance', { id: sent.id, to: 'sent', sentOn: '2024-01-10' });
    expect((await t.call('campaigns.list', {})).map((x) => x.id)).toEqual([b.id, c.id, a.id, sent.id]);
  });

  it('steps forward only, with report and send dates between the start (or the report) and today', async () => {
    const c = await create();
    const step = (input: Record<string, unknown>) => t.raw('campaigns.advance', { id: c.id, ...input });
    expect(await step({ to: 'reported', reportNumber: '01/BC', reportedOn: '2024-01-15', signer: 'A' }))
      .toEqual({ ok: false, error: { code: 'CONFLICT', message: 'Không thể chuyển đợt rà soát từ "Dự thảo" sang "Đã báo cáo".', path: ['to'] } });
    expect(await step({ to: 'in_progress' })).toMatchObject({ ok: true, result: { status: 'in_progress', startedOn: '2024-01-20' } });
    expect(await step({ to: 'in_progress' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', path: ['to'] } });
    const bad = { ok: false, error: { code: 'VALIDATION', message: 'Ngày này không được trước ngày bắt đầu đợt rà soát và không được sau hôm nay.', path: ['reportedOn'] } };
    expect(await step({ to: 'reported', reportNumber: '01/BC', reportedOn: '2024-01-21', signer: 'A' })).toEqual(bad);
    expect(await step({ to: 'reported', reportNumber: '01/BC', reportedOn: '2024-01-09', signer: 'A' })).toEqual(bad);
    // The start day itself is allowed; then the send date may not precede the report date.
    expect(await step({ to: 'reported', reportNumber: '01/BC', reportedOn: '2024-01-10', signer: 'Nguyễn Văn Hùng' }))
      .toMatchObject({ ok: true, result: { status: 'reported', reportNumber: '01/BC', reportedOn: '2024-01-10', signer: 'Nguyễn Văn Hùng' } });
    expect(await step({ to: 'sent', sentOn: '2024-01-09' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', path: ['sentOn'] } });
    // Sent before the report date (though after the start): refused.
    t.core.db.prepare("UPDATE campaigns SET reported_on = '2024-01-15' WHERE id = ?").run(c.id);
    expect(await step({ to: 'sent', sentOn: '2024-01-14' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', path: ['sentOn'] } });
    expect(await step({ to: 'sent', sentOn: '2024-01-21' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', path: ['sentOn'] } });
    expect(await step({ to: 'sent', sentOn: '2024-01-20' })).toMatchObject({ ok: true, result: { status: 'sent', sentOn: '2024-01-20' } });
    expect(await t.raw('campaigns.update', { id: c.id, directiveNumber: '1', subject: 's', systemIds: [1], startDate: '2024-01-10', deadline: '2024-01-25' }))
      .toEqual({ ok: false, error: { code: 'CONFLICT', message: 'Đợt rà soát đã báo cáo: không sửa trực tiếp được.', path: ['id'] } });
    const audit = (t.core.db.prepare("SELECT summary FROM audit_log WHERE action = 'status' AND entity = 'campaign' ORDER BY id").all() as { summary: string }[]).map((r) => r.summary);
    expect(audit).toEqual(['Dự thảo → Đang thực hiện', 'Đang thực hiện → Đã báo cáo', 'Đã báo cáo → Đã gửi']);
  });
});
