import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, dispatch } from '../../electron/core';
import type { DeviceCheckInput, DeviceFilter } from '../../shared/devices/schema';
import { HOME_UNIT, makeTestCore, snapshot, type TestCore } from './harness-core';

// Hand-built devices with literal expected values (issue 22: each survivor of mutation testing of
// electron/core/devices/service.ts and forced.ts gets a test that fails on it). Every fixture is
// built inside the test (beforeEach), never in beforeAll, so Stryker's active mutant runs it.
// Today is 20/01/2024 (fixed clock); the check window (3 months) starts on 20/10/2023.

let t: TestCore;
let kntc: number; // requires licensed antivirus
let dgxl: number;

const person = (fullName: string, unitId?: number) => t.call('people.create', { fullName, department: 'Văn phòng', ...(unitId ? { unitId } : {}) });
const device = (ownerId: number, assetTag: string, extra: Record<string, unknown> = {}) =>
  t.call('devices.create', { deviceKind: 'desktop', os: 'windows', osVersion: 'Windows 10 Pro', assetTag, ownerId, location: 'Phòng 201', systemIds: [kntc], ...extra });
function routine(deviceId: number, checkedOn: string, extra: Partial<DeviceCheckInput> = {}): DeviceCheckInput {
  return {
    deviceId, checkedOn, checker: 'Phạm Văn Kiểm', avInstalled: true, avProduct: 'BKAV Pro', avLicensed: true, licenceExpiresOn: '2024-12-31',
    definitionsCurrent: true, ...extra,
  };
}
const found = (deviceId: number, checkedOn: string) => routine(deviceId, checkedOn, { malwareFound: true, malwareKind: 'Trojan', credentialStealing: true });
const fixed = (deviceId: number, checkedOn: string, remediatedOn = checkedOn) => routine(deviceId, checkedOn, { cleaned: true, osReinstalled: true, remediatedOn });
const auditRows = async (action: string) =>
  (await t.call('audit.list', { entity: 'device', action })).rows.map((r) => [r.summary, JSON.parse(r.data) as Record<string, unknown>] as const).reverse();

beforeEach(async () => {
  t = makeTestCore('2024-01-20');
  await t.call('unit.save', HOME_UNIT);
  [kntc, dgxl] = (await t.call('systems.list', {})).map((s) => s.id) as [number, number];
});
afterEach(() => t.close());

describe('devices.list: every chip, its count and its rows', () => {
  it('one device per state; each filter alone, with a search and with a status; paging', async () => {
    const an = await person('Nguyễn Văn An');
    const binh = await person('Trần Văn Bình');
    const mk = async (tag: string, owner: number, checks: ((id: number) => DeviceCheckInput)[], extra: Record<string, unknown> = {}) => {
      const d = await device(owner, tag, extra);
      for (const c of checks) await t.call('devices.recordCheck', c(d.id));
      return d.id;
    };
    await mk('A-ok', an.id, [(id) => routine(id, '2024-01-05')]);
    await mk('B-infected', an.id, [(id) => found(id, '2024-01-18')]);
    await mk('C-unchecked', binh.id, [(id) => routine(id, '2023-10-19')]);
    await mk('D-noav', binh.id, [(id) => routine(id, '2024-01-05', { avInstalled: false, avProduct: '', avLicensed: false, licenceExpiresOn: null })], { systemIds: [dgxl] });
    await mk('E-unlicensed', an.id, [(id) => routine(id, '2024-01-05', { avLicensed: false, licenceExpiresOn: null })]);
    await mk('F-expired', binh.id, [(id) => routine(id, '2024-01-05', { licenceExpiresOn: '2024-01-19' })]);
    await mk('G-expiring', an.id, [(id) => routine(id, '2024-01-05', { licenceExpiresOn: '2024-02-19' })]);
    await mk('H-remediated', binh.id, [(id) => found(id, '2024-01-02'), (id) => fixed(id, '2024-01-03')]);
    // Expiring, but not in use: not counted as expiring (only devices in use need checks).
    await mk('I-spare', an.id, [(id) => routine(id, '2024-01-05', { licenceExpiresOn: '2024-02-01' })], { deviceStatus: 'spare' });
    // Expires in 31 days: not yet "expiring".
    await mk('J-later', an.id, [(id) => routine(id, '2024-01-05', { licenceExpiresOn: '2024-02-20' })]);

    const all = await t.call('devices.list', {});
    expect([all.total, all.all, all.offset]).toEqual([10, 10, 0]);
    expect(all.counts).toEqual({ infected: 1, unchecked: 1, no_antivirus: 1, unlicensed: 1, expired: 1, expiring: 1, remediated: 1 });
    expect(all.rows.map((d) => [d.assetTag, d.state, d.licenceExpiringSoon])).toEqual([
      ['A-ok', 'ok', false], ['B-infected', 'infected', false], ['E-unlicensed', 'unlicensed', false], ['G-expiring', 'ok', true],
      ['I-spare', 'not_in_use', false], ['J-later', 'ok', false],
      ['C-unchecked', 'unchecked', false], ['D-noav', 'no_antivirus', false], ['F-expired', 'expired', false], ['H-remediated', 'ok', false],
    ]);
    const want: Record<DeviceFilter, string[]> = {
      infected: ['B-infected'], unchecked: ['C-unchecked'], no_antivirus: ['D-noav'], unlicensed: ['E-unlicensed'], expired: ['F-expired'],
      expiring: ['G-expiring'], remediated: ['H-remediated'],
    };
    for (const [filter, tags] of Object.entries(want) as [DeviceFilter, string[]][]) {
      const page = await t.call('devices.list', { filter });
      expect([page.total, page.all, page.rows.map((d) => d.assetTag)], filter).toEqual([1, 10, tags]);
    }
    // With a search (the filter is then added with AND): Bình's devices only.
    const binhs = await t.call('devices.list', { q: 'tran van binh' });
    expect([binhs.total, binhs.all, binhs.counts]).toEqual([4, 4, { infected: 0, unchecked: 1, no_antivirus: 1, unlicensed: 0, expired: 1, expiring: 0, remediated: 1 }]);
    expect((await t.call('devices.list', { q: 'tran van binh', filter: 'expired' })).rows.map((d) => d.assetTag)).toEqual(['F-expired']);
    expect((await t.call('devices.list', { q: 'tran van binh', filter: 'infected' })).rows.map((d) => d.assetTag)).toEqual([]);
    expect((await t.call('devices.list', { deviceStatus: 'spare' })).rows.map((d) => d.assetTag)).toEqual(['I-spare']);
    expect((await t.call('devices.list', { ownerId: binh.id, filter: 'remediated' })).rows.map((d) => d.assetTag)).toEqual(['H-remediated']);
    // Paging: ordered by owner, then asset tag.
    const page2 = await t.call('devices.list', { offset: 2, limit: 3 });
    expect([page2.total, page2.offset, page2.rows.map((d) => d.assetTag)]).toEqual([10, 2, ['E-unlicensed', 'G-expiring', 'I-spare']]);
  });

  it('searches the kind and the operating system in Vietnamese, diacritics optional', async () => {
    const an = await person('Nguyễn Văn An');
    await device(an.id, 'LT-1', { deviceKind: 'laptop', os: 'macos', osVersion: '', location: '' });
    await device(an.id, 'MB-1', { deviceKind: 'tablet', os: 'android', osVersion: '', location: '' });
    const tags = async (q: string) => (await t.call('devices.list', { q })).rows.map((d) => d.assetTag);
    expect(await tags('may tinh xach tay')).toEqual(['LT-1']);
    expect(await tags('máy tính bảng')).toEqual(['MB-1']);
    expect(await tags('macos')).toEqual(['LT-1']);
    expect(await tags('android')).toEqual(['MB-1']);
  });
});

describe('devices.create / update: asset tags, owners, retiring', () => {
  it('devices without an asset tag never clash; a tag is unique within a unit only', async () => {
    const an = await person('Nguyễn Văn An');
    const first = await device(an.id, '');
    const second = await device(an.id, '');
    expect([first.assetTag, second.assetTag]).toEqual(['', '']);
    t.core.db.prepare("INSERT INTO units (kind, name, code, updated_at) VALUES ('ward', 'UBND PHƯỜNG HÀNG BỘT', 'HB', '2024-01-01T00:00:00.000Z')").run();
    const other = t.core.db.prepare("SELECT id FROM units WHERE code = 'HB'").pluck().get() as number;
    const cuc = await person('Lê Thị Cúc', other);
    await device(an.id, 'MT-01');
    expect((await device(cuc.id, 'MT-01')).unitName).toBe('UBND PHƯỜNG HÀNG BỘT');
    expect(await t.raw('devices.create', { deviceKind: 'desktop', os: 'windows', ownerId: an.id, assetTag: 'MT-01', systemIds: [] })).toMatchObject({
      ok: false, error: { code: 'CONFLICT', path: ['assetTag'], message: 'Mã tài sản "MT-01" đã được dùng cho thiết bị khác của UBND PHƯỜNG VĂN MIẾU.' },
    });
    expect(await t.raw('devices.create', { deviceKind: 'desktop', os: 'windows', ownerId: 999, systemIds: [] })).toMatchObject({
      ok: false, error: { code: 'NOT_FOUND', path: ['ownerId'], message: 'Không tìm thấy người sử dụng (mã 999).' },
    });
    expect(await t.raw('devices.create', { deviceKind: 'desktop', os: 'windows', ownerId: an.id, systemIds: [kntc, dgxl, 77] })).toMatchObject({
      ok: false, error: { code: 'NOT_FOUND', path: ['systemIds', 2], message: 'Không tìm thấy hệ thống (mã 77).' },
    });
    // The unit filter: each unit's devices.
    expect((await t.call('devices.list', { unitId: other })).rows.map((d) => [d.assetTag, d.ownerName])).toEqual([['MT-01', 'Lê Thị Cúc']]);
    expect((await t.call('devices.list', { unitId: an.unitId })).total).toBe(3);
    expect(await t.raw('devices.get', { id: 4242 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', path: ['id'], message: 'Không tìm thấy thiết bị (mã 4242).' } });
  });

  it('an infected device can be edited and put aside, not retired; audit rows name it (by kind and owner when it has no tag)', async () => {
    const an = await person('Nguyễn Văn An');
    const d = await device(an.id, '', { deviceKind: 'laptop' });
    await t.call('devices.recordCheck', found(d.id, '2024-01-10'));
    const moved = await t.call('devices.update', { id: d.id, deviceKind: 'laptop', os: 'windows', assetTag: '', ownerId: an.id, location: 'Kho', deviceStatus: 'spare', systemIds: [dgxl] });
    expect([moved.location, moved.deviceStatus, moved.state, moved.systemIds]).toEqual(['Kho', 'spare', 'infected', [dgxl]]);
    const before = snapshot(t.core);
    expect(await t.raw('devices.update', { id: d.id, deviceKind: 'laptop', os: 'windows', ownerId: an.id, deviceStatus: 'retired', systemIds: [] })).toMatchObject({
      ok: false, error: { code: 'VALIDATION', path: ['deviceStatus'] },
    });
    expect(snapshot(t.core)).toEqual(before);
    await t.call('devices.recordCheck', fixed(d.id, '2024-01-12'));
    const retired = await t.call('devices.update', { id: d.id, deviceKind: 'laptop', os: 'windows', assetTag: 'XT-9', ownerId: an.id, deviceStatus: 'retired', systemIds: [] });
    expect([retired.deviceStatus, retired.state, retired.assetTag, retired.systemIds]).toEqual(['retired', 'not_in_use', 'XT-9', []]);

    expect((await auditRows('create')).map(([s, data]) => [s, data.systemIds, data.deviceKind])).toEqual([
      ['Thêm thiết bị Máy tính xách tay (Nguyễn Văn An)', [kntc], 'laptop'],
    ]);
    expect((await auditRows('update')).map(([s, data]) => [s, (data.before as { deviceStatus: string }).deviceStatus, data.after])).toEqual([
      ['Sửa thiết bị Máy tính xách tay (Nguyễn Văn An)', 'in_use',
        { deviceKind: 'laptop', os: 'windows', osVersion: '', assetTag: '', ownerId: an.id, location: 'Kho', deviceStatus: 'spare', note: '', systemIds: [dgxl] }],
      ['Sửa thiết bị XT-9', 'spare',
        { deviceKind: 'laptop', os: 'windows', osVersion: '', assetTag: 'XT-9', ownerId: an.id, location: '', deviceStatus: 'retired', note: '', systemIds: [] }],
    ]);
    expect((await auditRows('check')).map(([s]) => s)).toEqual([
      'Kiểm tra thiết bị Máy tính xách tay (Nguyễn Văn An) ngày 10/01/2024: Không đạt',
      'Kiểm tra thiết bị Máy tính xách tay (Nguyễn Văn An) ngày 12/01/2024: Đạt',
    ]);
  });
});

describe('devices.recordCheck / voidCheck', () => {
  it('accepts a check and a remediation dated today; a check on a still infected device fails until it records the remediation', async () => {
    const an = await person('Nguyễn Văn An');
    const d = await device(an.id, 'MT-01');
    await t.call('devices.recordCheck', found(d.id, '2024-01-10'));
    // A routine check on the infected device: antivirus fine, but the infection is open.
    expect((await t.call('devices.recordCheck', routine(d.id, '2024-01-15'))).result).toBe('fail');
    const today = await t.call('devices.recordCheck', { ...fixed(d.id, '2024-01-20'), avLicensed: false, licenceExpiresOn: null, definitionsCurrent: false });
    expect(today).toMatchObject({
      checkedOn: '2024-01-20', remediatedOn: '2024-01-20', result: 'fail', ownerName: 'Nguyễn Văn An', recordedBy: 'tester', voidedAt: null,
      avInstalled: true, avLicensed: false, definitionsCurrent: false, malwareFound: false, credentialStealing: false, cleaned: true, osReinstalled: true,
    });
    const got = await t.call('devices.get', { id: d.id });
    expect([got.infection, got.remediatedOn, got.lastCheck?.id, got.lastCheck?.cleaned, got.lastCheck?.avLicensed]).toEqual(['remediated', '2024-01-20', today.id, true, false]);
    // Now remediated: a routine check passes again (no open infection).
    expect((await t.call('devices.recordCheck', routine(d.id, '2024-01-20'))).result).toBe('pass');
    expect(await t.raw('devices.recordCheck', routine(d.id, '2024-01-21'))).toMatchObject({
      ok: false, error: { code: 'VALIDATION', path: ['checkedOn'], message: 'Ngày kiểm tra: Ngày kiểm tra không được sau hôm nay.' },
    });
    expect(await t.raw('devices.recordCheck', { ...fixed(d.id, '2024-01-20', '2024-01-21') })).toMatchObject({
      ok: false, error: { code: 'VALIDATION', path: ['remediatedOn'], message: 'Ngày xử lý xong: Ngày xử lý không được sau hôm nay.' },
    });
    expect(await t.raw('devices.recordCheck', routine(d.id, '2024-01-20', { malwareKind: 'Trojan' }))).toMatchObject({
      ok: false, error: { code: 'VALIDATION', path: ['malwareKind'], message: 'Loại mã độc: Chỉ ghi loại mã độc khi có phát hiện mã độc.' },
    });
  });

  it('void: audited with the reason, the check keeps its values; a voided or missing check is refused', async () => {
    const an = await person('Nguyễn Văn An');
    const d = await device(an.id, 'MT-01');
    const c = await t.call('devices.recordCheck', found(d.id, '2024-01-10'));
    const voided = await t.call('devices.voidCheck', { id: c.id, reason: 'Nhầm thiết bị' });
    expect(voided).toMatchObject({ id: c.id, deviceId: d.id, malwareFound: true, credentialStealing: true, voidReason: 'Nhầm thiết bị', voidedBy: 'tester' });
    expect(voided.voidedAt).not.toBeNull();
    expect((await t.call('devices.get', { id: d.id })).infection).toBe('clean');
    expect(await auditRows('void')).toEqual([['Hủy kết quả kiểm tra thiết bị MT-01: Nhầm thiết bị', { id: c.id, reason: 'Nhầm thiết bị' }]]);
    expect(await t.raw('devices.voidCheck', { id: c.id, reason: 'lần nữa' })).toMatchObject({
      ok: false, error: { code: 'CONFLICT', path: ['id'], message: 'Kết quả kiểm tra này đã bị hủy trước đó.' },
    });
    expect(await t.raw('devices.voidCheck', { id: 999, reason: 'x' })).toMatchObject({
      ok: false, error: { code: 'NOT_FOUND', path: ['id'], message: 'Không tìm thấy kết quả kiểm tra (mã 999).' },
    });
  });
});

describe('dashboard device to-dos', () => {
  it('counts accounts still to change only on infected devices\' rows', async () => {
    const an = await person('Nguyễn Văn An');
    await t.call('accounts.create', { systemId: kntc, personId: an.id, loginName: 'annv', status: 'active' });
    await t.call('accounts.create', { systemId: dgxl, personId: an.id, loginName: 'annv', status: 'active' });
    // Remediated (An's 2 accounts still forced), then found without antivirus: a to-do, but not "infected".
    const d = await device(an.id, 'MT-01');
    await t.call('devices.recordCheck', found(d.id, '2024-01-10'));
    await t.call('devices.recordCheck', fixed(d.id, '2024-01-12'));
    await t.call('devices.recordCheck', routine(d.id, '2024-01-15', { avInstalled: false, avProduct: '', avLicensed: false, licenceExpiresOn: null }));
    const e = await device(an.id, 'MT-02');
    await t.call('devices.recordCheck', found(e.id, '2024-01-16'));
    expect((await t.call('devices.get', { id: d.id })).pendingAccounts).toBe(2);
    const todos = (await t.call('dashboard.summary', {})).devices.todos;
    expect(todos.map((x) => [x.kind, x.assetTag, x.date, x.pendingAccounts])).toEqual([
      ['infected', 'MT-02', '2024-01-16', 2],
      ['no_antivirus', 'MT-01', '2024-01-15', 0],
    ]);
  });
});

describe('Rule 5 in SQL (forced.ts) on hand-built histories with a moving clock', () => {
  // Its own core: the recording times must differ (the shared harness has a fixed clock).
  let clock = '2024-01-20T09:00:00.000Z';
  let c: TestCore;
  beforeEach(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'attk-it-'));
    const core = createCore({ file: join(dir, 'attk.sqlite'), shell: 'cli', appVersion: 'test', actor: 'tester', now: () => new Date(clock) });
    c = {
      core, file: join(dir, 'attk.sqlite'),
      call: async (method, input) => {
        const e = await dispatch(core, method, input);
        if (!e.ok) throw new Error(`${method} failed: ${e.error.code} ${e.error.message}`);
        return e.result as never;
      },
      raw: (method, input) => dispatch(core, method, input),
      close: () => { core.db.close(); rmSync(dir, { recursive: true, force: true }); },
    };
    await c.call('unit.save', HOME_UNIT);
  });
  afterEach(() => c.close());
  const at = (iso: string) => { clock = iso; };
  const forcedOf = async (id: number) => (await c.call('accounts.get', { id })).forced;

  it('the floor is the LATEST remediation day of the owner\'s devices: a change between two remediations does not count', async () => {
    const [sys] = (await c.call('systems.list', {})).map((s) => s.id) as [number];
    const an = await c.call('people.create', { fullName: 'Nguyễn Văn An', department: 'Văn phòng' });
    const acc = (await c.call('accounts.create', { systemId: sys, personId: an.id, loginName: 'annv', status: 'active' })).id;
    const d1 = (await c.call('devices.create', { deviceKind: 'desktop', os: 'windows', assetTag: 'MT-1', ownerId: an.id, systemIds: [] })).id;
    const d2 = (await c.call('devices.create', { deviceKind: 'laptop', os: 'windows', assetTag: 'LT-2', ownerId: an.id, systemIds: [] })).id;
    at('2024-01-10T08:00:00.000Z');
    await c.call('devices.recordCheck', found(d1, '2024-01-10'));
    await c.call('devices.recordCheck', found(d2, '2024-01-10'));
    at('2024-01-12T08:00:00.000Z');
    await c.call('devices.recordCheck', fixed(d1, '2024-01-12'));
    at('2024-01-15T08:00:00.000Z');
    await c.call('devices.recordCheck', fixed(d2, '2024-01-15'));
    // Dated 13/01 (after MT-1's remediation, before LT-2's), recorded on 16/01: does not count.
    at('2024-01-16T08:00:00.000Z');
    await c.call('confirmations.create', { accountId: acc, changedOn: '2024-01-13' });
    expect(await forcedOf(acc)).toEqual({ reason: 'remediated', since: '2024-01-15', deviceId: d2, assetTag: 'LT-2' });
    await c.call('confirmations.create', { accountId: acc, changedOn: '2024-01-15' });
    expect(await forcedOf(acc)).toBeNull();
  });

  it('the remediation\'s recording time is that of the earliest VALID record of cleaned AND reinstalled with that date', async () => {
    const [sys] = (await c.call('systems.list', {})).map((s) => s.id) as [number];
    const an = await c.call('people.create', { fullName: 'Nguyễn Văn An', department: 'Văn phòng' });
    const acc = (await c.call('accounts.create', { systemId: sys, personId: an.id, loginName: 'annv', status: 'active' })).id;
    const d = (await c.call('devices.create', { deviceKind: 'desktop', os: 'windows', assetTag: 'MT-1', ownerId: an.id, systemIds: [] })).id;
    at('2024-01-10T08:00:00.000Z');
    await c.call('devices.recordCheck', found(d, '2024-01-10'));
    // 11/01: a record of cleaning only (not a remediation): it ends nothing.
    at('2024-01-11T08:00:00.000Z');
    await c.call('devices.recordCheck', routine(d, '2024-01-11', { cleaned: true, remediatedOn: '2024-01-11' }));
    // 12/01 08:00: a remediation record dated 12/01, voided at once (wrong device); re-entered at 14:00.
    at('2024-01-12T08:00:00.000Z');
    const wrong = await c.call('devices.recordCheck', fixed(d, '2024-01-12'));
    await c.call('devices.voidCheck', { id: wrong.id, reason: 'Nhầm thiết bị' });
    // A change dated 12/01 recorded at 10:00, while the device was still infected on record: never counts.
    at('2024-01-12T10:00:00.000Z');
    await c.call('confirmations.create', { accountId: acc, changedOn: '2024-01-12' });
    expect((await forcedOf(acc))?.reason).toBe('infected');
    at('2024-01-12T14:00:00.000Z');
    await c.call('devices.recordCheck', fixed(d, '2024-01-12'));
    expect(await forcedOf(acc)).toEqual({ reason: 'remediated', since: '2024-01-12', deviceId: d, assetTag: 'MT-1' });
    // Recorded at the remediation's own time: counts.
    await c.call('confirmations.create', { accountId: acc, changedOn: '2024-01-12' });
    expect(await forcedOf(acc)).toBeNull();
  });

  it('a cleaning-only or reinstall-only record dated like the remediation does not move the recording time earlier', async () => {
    const [sys] = (await c.call('systems.list', {})).map((s) => s.id) as [number];
    for (const [i, half] of [{ cleaned: true }, { osReinstalled: true }].entries()) {
      const p = await c.call('people.create', { fullName: `Nguyễn Văn An ${i}`, department: 'Văn phòng' });
      const acc = (await c.call('accounts.create', { systemId: sys, personId: p.id, loginName: `an${i}`, status: 'active' })).id;
      const d = (await c.call('devices.create', { deviceKind: 'desktop', os: 'windows', assetTag: `MT-${i}`, ownerId: p.id, systemIds: [] })).id;
      at('2024-01-10T08:00:00.000Z');
      await c.call('devices.recordCheck', found(d, '2024-01-10'));
      at('2024-01-12T08:00:00.000Z');
      await c.call('devices.recordCheck', routine(d, '2024-01-12', { ...half, remediatedOn: '2024-01-12' }));
      at('2024-01-12T10:00:00.000Z');
      await c.call('confirmations.create', { accountId: acc, changedOn: '2024-01-12' });
      at('2024-01-12T14:00:00.000Z');
      await c.call('devices.recordCheck', fixed(d, '2024-01-12'));
      expect(await forcedOf(acc), JSON.stringify(half)).toEqual({ reason: 'remediated', since: '2024-01-12', deviceId: d, assetTag: `MT-${i}` });
    }
  });

  it('the remediation of an earlier infection of the same device does not lend its recording time', async () => {
    const [sys] = (await c.call('systems.list', {})).map((s) => s.id) as [number];
    const an = await c.call('people.create', { fullName: 'Nguyễn Văn An', department: 'Văn phòng' });
    const acc = (await c.call('accounts.create', { systemId: sys, personId: an.id, loginName: 'annv', status: 'active' })).id;
    const d = (await c.call('devices.create', { deviceKind: 'desktop', os: 'windows', assetTag: 'MT-1', ownerId: an.id, systemIds: [] })).id;
    at('2024-01-02T08:00:00.000Z');
    await c.call('devices.recordCheck', found(d, '2024-01-02'));
    at('2024-01-03T08:00:00.000Z');
    await c.call('devices.recordCheck', fixed(d, '2024-01-03'));
    at('2024-01-10T08:00:00.000Z');
    await c.call('devices.recordCheck', found(d, '2024-01-10'));
    // Recorded while the second infection was open: never counts.
    at('2024-01-12T10:00:00.000Z');
    await c.call('confirmations.create', { accountId: acc, changedOn: '2024-01-12' });
    at('2024-01-12T14:00:00.000Z');
    await c.call('devices.recordCheck', fixed(d, '2024-01-12'));
    expect(await forcedOf(acc)).toEqual({ reason: 'remediated', since: '2024-01-12', deviceId: d, assetTag: 'MT-1' });
  });
});
