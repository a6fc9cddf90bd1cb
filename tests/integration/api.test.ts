import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOME_UNIT, makeTestCore, snapshot, type TestCore } from './harness-core';

let t: TestCore;
beforeEach(() => {
  t = makeTestCore();
});
afterEach(() => t.close());

describe('app.print', () => {
  it('outside the desktop shell nothing prints for the page: the print view calls window.print itself', async () => {
    expect(await t.call('app.print', {})).toEqual({ handled: false });
  });
});

describe('unit profile', () => {
  it('starts without a home unit, and the first save creates it', async () => {
    expect((await t.call('app.info', {})).hasHomeUnit).toBe(false);
    const saved = await t.call('unit.save', HOME_UNIT);
    expect(saved).toMatchObject({ name: 'UBND PHƯỜNG VĂN MIẾU', code: 'VM', email: '' });
    expect((await t.call('app.info', {})).hasHomeUnit).toBe(true);
    await t.call('unit.save', { ...HOME_UNIT, name: 'UBND PHƯỜNG VĂN CHƯƠNG' });
    expect((await t.call('units.list', {})).map((u) => u.name)).toEqual(['UBND PHƯỜNG VĂN CHƯƠNG']);
  });

  it('refuses people before the unit profile exists, with a typed Vietnamese error', async () => {
    const r = await t.raw('people.create', { fullName: 'Nguyễn Văn An' });
    expect(r).toEqual({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('thông tin đơn vị') } });
  });
});

describe('people', () => {
  beforeEach(async () => {
    await t.call('unit.save', HOME_UNIT);
  });

  it('stores names NFC-normalised and cleaned', async () => {
    const p = await t.call('people.create', { fullName: '  Nguye\u0302\u0303n   Văn An ', department: 'Văn phòng' });
    expect(p.fullName).toBe('Nguyễn Văn An');
    expect(p.fullName).toBe(p.fullName.normalize('NFC'));
  });

  it('finds people without diacritics, including đ → d, across name, department and unit', async () => {
    await t.call('people.create', { fullName: 'Nguyễn Văn An', department: 'Văn phòng HĐND-UBND' });
    await t.call('people.create', { fullName: 'Trần Thị Đào', department: 'Địa chính - Xây dựng' });
    await t.call('people.create', { fullName: 'Lê Văn Ánh', department: 'Tư pháp' });
    const names = async (q: string) => (await t.call('people.list', { q })).rows.map((p) => p.fullName);
    expect(await names('nguyen van an')).toEqual(['Nguyễn Văn An']);
    expect(await names('dao')).toEqual(['Trần Thị Đào']);
    expect(await names('dia chinh')).toEqual(['Trần Thị Đào']);
    expect(await names('LE VAN')).toEqual(['Lê Văn Ánh']);
    expect(await names('thi dao')).toEqual(['Trần Thị Đào']);
    expect(await names('van miEU')).toHaveLength(3); // the unit's name is searchable too
    expect(await names('xyz')).toEqual([]);
  });

  it('lists in Vietnamese order (given name first) with paging and totals', async () => {
    for (const name of ['Nguyễn Thị Cúc', 'Trần Văn Bình', 'Lê An', 'Đỗ Văn Bình', 'Phạm Thị Ánh']) await t.call('people.create', { fullName: name });
    const page1 = await t.call('people.list', { limit: 2 });
    const page2 = await t.call('people.list', { limit: 2, offset: 2 });
    expect(page1.total).toBe(5);
    expect([...page1.rows, ...page2.rows].map((p) => p.fullName)).toEqual(['Lê An', 'Phạm Thị Ánh', 'Đỗ Văn Bình', 'Trần Văn Bình']);
  });

  it('changes status with a date, refuses a missing or future date, and filters by status', async () => {
    const p = await t.call('people.create', { fullName: 'Trần Văn Bình' });
    const missing = await t.raw('people.setStatus', { id: p.id, status: 'retired' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'VALIDATION', path: ['statusDate'] } });
    const future = await t.raw('people.setStatus', { id: p.id, status: 'retired', statusDate: '2024-02-01' });
    expect(future).toMatchObject({ ok: false, error: { code: 'VALIDATION', path: ['statusDate'], message: expect.stringContaining('sau hôm nay') } });
    const retired = await t.call('people.setStatus', { id: p.id, status: 'retired', statusDate: '2024-01-15' });
    expect(retired).toMatchObject({ status: 'retired', statusDate: '2024-01-15' });
    expect((await t.call('people.list', { status: 'retired' })).total).toBe(1);
    expect((await t.call('people.list', { status: 'working' })).total).toBe(0);
  });

  it('writes an audit row in the same transaction as every change', async () => {
    const p = await t.call('people.create', { fullName: 'Lê An' });
    await t.call('people.update', { id: p.id, fullName: 'Lê Thị An' });
    await t.call('people.setStatus', { id: p.id, status: 'left', statusDate: '2024-01-02' });
    const log = await t.call('audit.list', { entity: 'person' });
    expect(log.rows.map((r) => [r.action, r.actor, r.entityId])).toEqual([
      ['status', 'tester', p.id],
      ['update', 'tester', p.id],
      ['create', 'tester', p.id],
    ]);
  });
});

describe('systems and accounts', () => {
  beforeEach(async () => {
    await t.call('unit.save', HOME_UNIT);
  });

  it('lists the seeded catalogue and edits intervals', async () => {
    const systems = await t.call('systems.list', {});
    expect(systems.map((s) => [s.name, s.adminIntervalMonths, s.userIntervalMonths, s.requiresLicensedAv])).toEqual([
      ['CSDL quốc gia về khiếu nại, tố cáo', 1, 1, true],
      ['Phần mềm đánh giá, xếp loại CBCCVC hằng tháng', 3, 3, false],
      ['Sổ tay đảng viên điện tử', 6, 6, false],
    ]);
    const { id, name, managingAgency, userIntervalMonths } = systems[1]!;
    const extra = await t.raw('systems.update', { ...systems[1]!, adminIntervalMonths: 2 });
    expect(extra).toMatchObject({ ok: false, error: { code: 'VALIDATION' } }); // read-only fields are not accepted back
    const edited = await t.call('systems.update', { id, name, managingAgency, userIntervalMonths, adminIntervalMonths: 2 });
    expect(edited.adminIntervalMonths).toBe(2);
    const added = await t.call('systems.create', { name: 'Hệ thống quản lý văn bản', adminIntervalMonths: 3, userIntervalMonths: 6 });
    expect(added).toMatchObject({ active: true, requiresLicensedAv: false, accountCount: 0 });
    const dup = await t.raw('systems.create', { name: 'hệ thống quản lý văn bản', adminIntervalMonths: 3, userIntervalMonths: 6 });
    expect(dup).toMatchObject({ ok: false, error: { code: 'CONFLICT', path: ['name'] } });
  });

  it('keeps login names unique per system, case-insensitively, and allows shared accounts', async () => {
    const [kntc, dgxl] = await t.call('systems.list', {});
    const p = await t.call('people.create', { fullName: 'Nguyễn Văn An' });
    await t.call('accounts.create', { systemId: kntc!.id, personId: p.id, loginName: 'annv', role: 'admin' });
    await t.call('accounts.create', { systemId: dgxl!.id, personId: p.id, loginName: 'annv' });
    await t.call('accounts.create', { systemId: dgxl!.id, personId: null, loginName: 'vanthu.vm' });
    const before = snapshot(t.core);
    const dup = await t.raw('accounts.create', { systemId: kntc!.id, personId: p.id, loginName: 'ANNV' });
    expect(dup).toMatchObject({ ok: false, error: { code: 'CONFLICT', path: ['loginName'], message: expect.stringContaining('annv'.toUpperCase()) } });
    expect(snapshot(t.core)).toEqual(before);
    const mine = await t.call('accounts.list', { personId: p.id });
    expect(mine.rows.map((a) => [a.systemName, a.loginName, a.role])).toEqual([
      ['CSDL quốc gia về khiếu nại, tố cáo', 'annv', 'admin'],
      ['Phần mềm đánh giá, xếp loại CBCCVC hằng tháng', 'annv', 'user'],
    ]);
    expect((await t.call('accounts.list', { q: 'nguyen an' })).total).toBe(2);
    expect((await t.call('accounts.list', { q: 'vanthu' })).rows[0]).toMatchObject({ personName: null, loginName: 'vanthu.vm' });
    expect((await t.call('people.get', { id: p.id })).accountCount).toBe(2);
  });

  it('refuses an account for a person or system that does not exist, naming the field', async () => {
    const r = await t.raw('accounts.create', { systemId: 999, personId: null, loginName: 'x' });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', path: ['systemId'] } });
    const [kntc] = await t.call('systems.list', {});
    const r2 = await t.raw('accounts.create', { systemId: kntc!.id, personId: 4242, loginName: 'x' });
    expect(r2).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', path: ['personId'] } });
  });

  it('has no way to store a password: unknown fields are refused and nothing is written', async () => {
    const [kntc] = await t.call('systems.list', {});
    const before = snapshot(t.core);
    const r = await t.raw('accounts.create', { systemId: kntc!.id, loginName: 'x', password: 'Secret123!' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', path: ['password'] } });
    expect(snapshot(t.core)).toEqual(before);
  });
});

describe('the dispatcher', () => {
  it('answers an unknown method with a typed error', async () => {
    expect(await t.raw('people.drop', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await t.raw('__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('names the field in Vietnamese when input is invalid', async () => {
    await t.call('unit.save', HOME_UNIT);
    expect(await t.raw('people.create', { fullName: '   ' })).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: 'Họ và tên: Chưa nhập.', path: ['fullName'] },
    });
    expect(await t.raw('people.create', { fullName: 'A\u0000B' })).toMatchObject({ ok: false, error: { path: ['fullName'] } });
    expect(await t.raw('people.setStatus', { id: 1, status: 'left', statusDate: '2024-02-31' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', path: ['statusDate'], message: expect.stringContaining('dd/mm/yyyy') },
    });
    expect(await t.raw('people.get', { id: -1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', path: ['id'] } });
  });

  it('rolls back the whole write when a later step fails', async () => {
    await t.call('unit.save', HOME_UNIT);
    const p = await t.call('people.create', { fullName: 'Lê An' });
    const before = snapshot(t.core);
    // unitId 999 passes the schema but fails inside the service after nothing else was written.
    const r = await t.raw('people.update', { id: p.id, fullName: 'Lê Bình', unitId: 999 });
    expect(r).toMatchObject({ ok: false, error: { path: ['unitId'] } });
    expect(snapshot(t.core)).toEqual(before);
    expect((await t.call('people.get', { id: p.id })).fullName).toBe('Lê An');
  });
});
