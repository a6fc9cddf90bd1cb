import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeviceCheckInput } from '../../shared/devices/schema';
import { deviceState, forcedChange, infectionOf, type DeviceStatus } from '../../shared/devices/rules';
import { HOME_UNIT, makeTestCore, snapshot, type TestCore } from './harness-core';

// Today is 20/01/2024 (fixed clock). Systems as seeded: KNTC (licensed AV required), DGXL, STDV.
let t: TestCore;
let kntc: number;
let dgxl: number;
let stdv: number;

async function person(fullName: string, department = 'Văn phòng') {
  return t.call('people.create', { fullName, department });
}
async function account(systemId: number, personId: number | null, loginName: string, status: 'active' | 'cancelled' | 'locked' = 'active') {
  return t.call('accounts.create', { systemId, personId, loginName, status });
}
async function device(ownerId: number, assetTag: string, extra: { systemIds?: number[]; deviceStatus?: DeviceStatus } = {}) {
  return t.call('devices.create', { deviceKind: 'desktop', os: 'windows', osVersion: 'Windows 10 Pro', assetTag, ownerId, location: 'Phòng 201', ...extra });
}
/** A routine check: licensed antivirus, current, nothing found. */
function routine(deviceId: number, checkedOn: string, extra: Partial<DeviceCheckInput> = {}): DeviceCheckInput {
  return {
    deviceId, checkedOn, checker: 'Phạm Văn Kiểm', avInstalled: true, avProduct: 'BKAV Pro', avLicensed: true, licenceExpiresOn: '2024-12-31',
    definitionsCurrent: true, ...extra,
  };
}
const infected = (deviceId: number, checkedOn: string) =>
  routine(deviceId, checkedOn, { malwareFound: true, malwareKind: 'Trojan đánh cắp mật khẩu trình duyệt', credentialStealing: true });
const remediation = (deviceId: number, checkedOn: string, remediatedOn = checkedOn) => routine(deviceId, checkedOn, { cleaned: true, osReinstalled: true, remediatedOn });

const forcedLogins = async () => (await t.call('accounts.list', { forced: true })).rows.map((a) => [a.loginName, a.systemName.slice(0, 4), a.forced?.reason, a.forced?.since]);

beforeEach(async () => {
  t = makeTestCore('2024-01-20');
  await t.call('unit.save', HOME_UNIT);
  [kntc, dgxl, stdv] = (await t.call('systems.list', {})).map((s) => s.id) as [number, number, number];
});
afterEach(() => t.close());

describe('devices', () => {
  it('defaults the systems used on a device to the owner\'s accounts\' systems, stored so they can be corrected', async () => {
    const an = await person('Nguyễn Văn An');
    await account(kntc, an.id, 'annv');
    await account(dgxl, an.id, 'annv');
    await account(stdv, an.id, 'annv', 'cancelled');
    expect(await t.call('devices.defaultSystems', { ownerId: an.id })).toEqual([kntc, dgxl]);
    const d = await device(an.id, 'MT-01');
    expect(d).toMatchObject({ systemIds: [kntc, dgxl], needsLicensedAv: true, ownerName: 'Nguyễn Văn An', state: 'unchecked', infection: 'clean', lastCheck: null });
    const corrected = await t.call('devices.update', {
      id: d.id, deviceKind: 'laptop', os: 'windows', assetTag: 'MT-01', ownerId: an.id, systemIds: [dgxl],
    });
    expect(corrected).toMatchObject({ systemIds: [dgxl], needsLicensedAv: false, deviceKind: 'laptop', location: '' });
    // Diacritic-free search over owner, asset tag and location.
    await device(an.id, 'LT-07', { systemIds: [] }).then((x) => t.call('devices.update', { id: x.id, deviceKind: 'laptop', os: 'macos', assetTag: 'LT-07', ownerId: an.id, location: 'Phòng Địa chính', systemIds: [] }));
    const names = async (q: string) => (await t.call('devices.list', { q })).rows.map((r) => r.assetTag);
    expect(await names('nguyen van an')).toEqual(['LT-07', 'MT-01']);
    expect(await names('dia chinh')).toEqual(['LT-07']);
    expect(await names('mt-01')).toEqual(['MT-01']);
    expect(await names('tran')).toEqual([]);
  });

  it('refuses a missing owner or system and a duplicate asset tag in the unit, naming the field, and writes nothing', async () => {
    const an = await person('Nguyễn Văn An');
    await device(an.id, 'MT-01');
    const before = snapshot(t.core);
    expect(await t.raw('devices.create', { deviceKind: 'desktop', os: 'windows', ownerId: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', path: ['ownerId'] } });
    expect(await t.raw('devices.create', { deviceKind: 'desktop', os: 'windows', ownerId: an.id, systemIds: [kntc, 77] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', path: ['systemIds', 1] } });
    expect(await t.raw('devices.create', { deviceKind: 'desktop', os: 'windows', ownerId: an.id, assetTag: 'mt-01' })).toMatchObject({
      ok: false, error: { code: 'CONFLICT', path: ['assetTag'], message: expect.stringContaining('MT-01'.toLowerCase()) },
    });
    expect(await t.raw('devices.create', { deviceKind: 'toaster', os: 'windows', ownerId: an.id })).toMatchObject({ ok: false, error: { code: 'VALIDATION', path: ['deviceKind'], message: expect.stringContaining('Loại thiết bị') } });
    expect(await t.raw('devices.create', { deviceKind: 'desktop', os: 'windows', ownerId: an.id, password: 'x' })).toMatchObject({ ok: false, error: { path: ['password'] } });
    expect(snapshot(t.core)).toEqual(before);
  });
});

describe('Rule 5: an infection forces password changes', () => {
  let an: { id: number };
  let anKntc: number;
  let anDgxl: number;
  let anLocked: number;
  let binhKntc: number;
  let mt01: number;

  beforeEach(async () => {
    an = await person('Nguyễn Văn An');
    const binh = await person('Trần Văn Bình');
    anKntc = (await account(kntc, an.id, 'annv')).id;
    anDgxl = (await account(dgxl, an.id, 'annv')).id;
    anLocked = (await account(stdv, an.id, 'annv', 'locked')).id;
    await account(stdv, an.id, 'annv.cu', 'cancelled');
    binhKntc = (await account(kntc, binh.id, 'binhtv')).id;
    await account(dgxl, null, 'vanthu.vm'); // shared: nobody's
    mt01 = (await device(an.id, 'MT-01')).id;
    await device(binh.id, 'MT-02');
    await t.call('devices.recordCheck', routine(mt01, '2023-12-01'));
  });

  it('an infection then a remediation forces exactly the owner\'s accounts, and only them', async () => {
    expect(await forcedLogins()).toEqual([]);
    // Recent changes do not help: whatever the rotation state.
    await t.call('confirmations.create', { accountId: anKntc, changedOn: '2024-01-09' });

    const found = await t.call('devices.recordCheck', infected(mt01, '2024-01-10'));
    expect(found).toMatchObject({ result: 'fail', malwareFound: true, credentialStealing: true, ownerName: 'Nguyễn Văn An', recordedBy: 'tester' });
    expect(await forcedLogins()).toEqual([
      ['annv', 'CSDL', 'infected', '2024-01-10'],
      ['annv', 'Phần', 'infected', '2024-01-10'],
      ['annv', 'Sổ t', 'infected', '2024-01-10'], // locked: still the owner's; cancelled: not
    ]);
    expect((await t.call('accounts.get', { id: binhKntc })).forced).toBeNull();
    expect(await t.call('devices.get', { id: mt01 })).toMatchObject({ infection: 'infected', state: 'infected', infectedOn: '2024-01-10', pendingAccounts: 3 });

    await t.call('devices.recordCheck', remediation(mt01, '2024-01-16', '2024-01-15'));
    expect(await forcedLogins()).toEqual([
      ['annv', 'CSDL', 'remediated', '2024-01-15'],
      ['annv', 'Phần', 'remediated', '2024-01-15'],
      ['annv', 'Sổ t', 'remediated', '2024-01-15'],
    ]);
    const acc = await t.call('accounts.get', { id: anKntc });
    expect(acc).toMatchObject({ rotation: 'ok', forced: { reason: 'remediated', since: '2024-01-15', deviceId: mt01, assetTag: 'MT-01' } });
    expect(await t.call('devices.get', { id: mt01 })).toMatchObject({ infection: 'remediated', state: 'ok', remediatedOn: '2024-01-15', pendingAccounts: 3 });
    expect((await t.call('devices.list', { filter: 'remediated' })).rows.map((d) => d.assetTag)).toEqual(['MT-01']);
  });

  it('a confirmation dated before the remediation does not clear the flag; one on or after it does', async () => {
    await t.call('devices.recordCheck', infected(mt01, '2024-01-10'));
    await t.call('devices.recordCheck', remediation(mt01, '2024-01-15'));
    await t.call('confirmations.create', { accountId: anKntc, changedOn: '2024-01-14' });
    expect((await t.call('accounts.get', { id: anKntc })).forced).toMatchObject({ reason: 'remediated', since: '2024-01-15' });
    await t.call('confirmations.create', { accountId: anKntc, changedOn: '2024-01-15' });
    await t.call('confirmations.create', { accountId: anDgxl, changedOn: '2024-01-18' });
    expect((await t.call('accounts.get', { id: anKntc })).forced).toBeNull();
    expect((await t.call('accounts.get', { id: anDgxl })).forced).toBeNull();
    expect(await forcedLogins()).toEqual([['annv', 'Sổ t', 'remediated', '2024-01-15']]);
    // Voiding the change that cleared it brings the flag back.
    const history = await t.call('confirmations.history', { accountId: anDgxl });
    await t.call('confirmations.void', { id: history[0]!.id, reason: 'Nhầm tài khoản' });
    expect((await t.call('accounts.get', { id: anDgxl })).forced?.reason).toBe('remediated');
    await t.call('confirmations.create', { accountId: anDgxl, changedOn: '2024-01-19' });
    await t.call('confirmations.create', { accountId: anLocked, changedOn: '2024-01-19' });
    expect(await forcedLogins()).toEqual([]);
    expect((await t.call('devices.get', { id: mt01 })).pendingAccounts).toBe(0);
  });

  it('shows the flag in the campaign checklist (with its own filter) and first on the dashboard', async () => {
    const campaign = await t.call('campaigns.create', {
      directiveNumber: '123/UBND-NV', subject: 'Rà soát', systemIds: [kntc, dgxl], startDate: '2024-01-10', deadline: '2024-01-25',
    });
    await t.call('confirmations.create', { accountId: anKntc, changedOn: '2024-01-12' }); // done for the campaign…
    await t.call('devices.recordCheck', infected(mt01, '2024-01-13'));
    await t.call('devices.recordCheck', remediation(mt01, '2024-01-14'));
    const list = await t.call('campaigns.checklist', { campaignId: campaign.id });
    expect(list.forcedCount).toBe(2);
    expect(list.rows.map((r) => [r.loginName, r.state, r.forced?.reason ?? null])).toEqual([
      ['annv', 'must_change', 'remediated'], // …but changed before the remediation: it does not count, one state only
      ['annv', 'must_change', 'remediated'],
      ['binhtv', 'missing', null],
      ['vanthu.vm', 'missing', null],
    ]);
    const only = await t.call('campaigns.checklist', { campaignId: campaign.id, forced: true });
    expect([only.total, only.rows.length, only.counts]).toEqual([2, 2, { done: 0, late: 0, missing: 0, to_cancel: 0, must_change: 2 }]);
    expect((await t.call('campaigns.checklist', { campaignId: campaign.id, state: 'must_change' })).rows.map((r) => r.accountId).sort()).toEqual([anKntc, anDgxl].sort());

    const d = await t.call('dashboard.summary', {});
    expect(d.todoCounts.forced).toBe(3);
    expect(d.todos.slice(0, 3).map((x) => [x.kind, x.loginName, x.date, x.forced?.reason])).toEqual([
      ['forced', 'annv', '2024-01-14', 'remediated'],
      ['forced', 'annv', '2024-01-14', 'remediated'],
      ['forced', 'annv', '2024-01-14', 'remediated'],
    ]);
    expect(d.todos[3]!.kind).not.toBe('forced');
    await t.call('confirmations.bulkCreate', { accountIds: [anKntc, anDgxl, anLocked], changedOn: '2024-01-20' });
    expect((await t.call('dashboard.summary', {})).todoCounts.forced).toBe(0);
    const after = await t.call('campaigns.checklist', { campaignId: campaign.id });
    expect([after.forcedCount, after.counts.must_change, after.counts.done]).toEqual([0, 0, 2]);
  });

  it('keeps forcing the owner recorded on the infected check when the device changes hands; refuses retiring it while infected', async () => {
    const cuc = await person('Lê Thị Cúc');
    await account(dgxl, cuc.id, 'cuclt');
    await t.call('devices.recordCheck', infected(mt01, '2024-01-10'));
    const before = snapshot(t.core);
    expect(await t.raw('devices.update', { id: mt01, deviceKind: 'desktop', os: 'windows', assetTag: 'MT-01', ownerId: an.id, deviceStatus: 'retired', systemIds: [kntc] })).toMatchObject({
      ok: false, error: { code: 'VALIDATION', path: ['deviceStatus'], message: expect.stringContaining('nhiễm mã độc') },
    });
    expect(snapshot(t.core)).toEqual(before);
    await t.call('devices.recordCheck', remediation(mt01, '2024-01-12'));
    // Reinstalled and handed over to Cúc: An's accounts still need the change, Cúc's do not.
    await t.call('devices.update', { id: mt01, deviceKind: 'desktop', os: 'windows', assetTag: 'MT-01', ownerId: cuc.id, systemIds: [dgxl] });
    expect((await forcedLogins()).map((r) => r[0])).toEqual(['annv', 'annv', 'annv']);
    expect((await t.call('devices.checks', { deviceId: mt01 })).map((c) => c.ownerName)).toEqual(['Nguyễn Văn An', 'Nguyễn Văn An', 'Nguyễn Văn An']);
  });
});

describe('device checks are never edited: void and re-enter', () => {
  it('voids once with a reason; the infection state follows the valid checks; the database refuses edits and deletes', async () => {
    const an = await person('Nguyễn Văn An');
    const acc = await account(kntc, an.id, 'annv');
    const d = await device(an.id, 'MT-01');
    await t.call('devices.recordCheck', infected(d.id, '2024-01-10'));
    const wrong = await t.call('devices.recordCheck', remediation(d.id, '2024-01-11', '2024-01-09')); // before the finding: does not end it
    expect((await t.call('devices.get', { id: d.id })).infection).toBe('infected');
    const voided = await t.call('devices.voidCheck', { id: wrong.id, reason: 'Nhập nhầm ngày xử lý' });
    expect(voided).toMatchObject({ voidReason: 'Nhập nhầm ngày xử lý', voidedBy: 'tester' });
    const fixed = await t.call('devices.recordCheck', remediation(d.id, '2024-01-11'));
    expect((await t.call('accounts.get', { id: acc.id })).forced).toMatchObject({ reason: 'remediated', since: '2024-01-11' });
    const history = await t.call('devices.checks', { deviceId: d.id });
    expect(history.map((c) => [c.checkedOn, c.remediatedOn, c.voidReason])).toEqual([
      ['2024-01-11', '2024-01-11', null],
      ['2024-01-11', '2024-01-09', 'Nhập nhầm ngày xử lý'],
      ['2024-01-10', null, null],
    ]);
    // Voiding the remediation makes the device infected again.
    await t.call('devices.voidCheck', { id: fixed.id, reason: 'Chưa cài lại hệ điều hành' });
    expect((await t.call('accounts.get', { id: acc.id })).forced?.reason).toBe('infected');
    expect(await t.raw('devices.voidCheck', { id: wrong.id, reason: 'lần nữa' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', path: ['id'] } });
    expect(await t.raw('devices.voidCheck', { id: history[2]!.id, reason: '   ' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', path: ['reason'] } });
    expect(await t.raw('devices.voidCheck', { id: 999, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', path: ['id'] } });
    expect(() => t.core.db.prepare("UPDATE device_checks SET checked_on = '2024-01-01' WHERE id = ?").run(history[2]!.id)).toThrow(/never edited/);
    expect(() => t.core.db.prepare('UPDATE device_checks SET voided_at = NULL, void_reason = NULL WHERE id = ?').run(wrong.id)).toThrow(/never edited/);
    expect(() => t.core.db.prepare('DELETE FROM device_checks').run()).toThrow(/never deleted/);
  });

  it('refuses bad input with a typed Vietnamese error naming the field, and writes nothing', async () => {
    const an = await person('Nguyễn Văn An');
    const d = await device(an.id, 'MT-01');
    const before = snapshot(t.core);
    const bad: [Partial<DeviceCheckInput> & Record<string, unknown>, (string | number)[], string][] = [
      [{ checkedOn: '2024-01-21' }, ['checkedOn'], 'Ngày kiểm tra: Ngày kiểm tra không được sau hôm nay.'],
      [{ checkedOn: '2024-02-30' }, ['checkedOn'], 'dd/mm/yyyy'],
      [{ malwareFound: true, cleaned: true, osReinstalled: true, remediatedOn: '2024-01-21', checkedOn: '2024-01-20' }, ['remediatedOn'], 'sau hôm nay'],
      [{ malwareFound: true, cleaned: true, osReinstalled: true, remediatedOn: '2024-01-09', checkedOn: '2024-01-10' }, ['remediatedOn'], 'trước ngày phát hiện'],
      [{ cleaned: true }, ['remediatedOn'], 'Cần nhập ngày xử lý'],
      [{ remediatedOn: '2024-01-10' }, ['remediatedOn'], 'Chỉ nhập ngày xử lý'],
      [{ avInstalled: false }, ['avLicensed'], 'Có bản quyền:'],
      [{ credentialStealing: true }, ['credentialStealing'], 'Chỉ ghi loại mã độc'],
      [{ checker: '  ' }, ['checker'], 'Người kiểm tra: Chưa nhập.'],
      [{ deviceId: 4242 }, ['deviceId'], 'thiết bị'],
      [{ password: 'x' } as never, ['password'], 'password'],
    ];
    for (const [change, path, message] of bad) {
      const r = await t.raw('devices.recordCheck', { ...routine(d.id, '2024-01-15'), ...change });
      expect(r, JSON.stringify(change)).toMatchObject({ ok: false, error: { path, message: expect.stringContaining(message) } });
    }
    expect(await t.raw('devices.recordCheck', { deviceId: d.id, checkedOn: '2024-01-15', checker: 'A' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', path: ['avInstalled'] } });
    expect(snapshot(t.core)).toEqual(before);
  });
});

describe('Rule 4: device compliance', () => {
  it('states, filters and counts as of today; the check interval is a setting; the dashboard lists infected devices first', async () => {
    const an = await person('Nguyễn Văn An');
    await account(kntc, an.id, 'annv');
    await account(dgxl, an.id, 'annv');
    const mk = async (tag: string, systemIds: number[], check?: Partial<DeviceCheckInput> & { checkedOn: string }) => {
      const d = await device(an.id, tag, { systemIds });
      if (check) await t.call('devices.recordCheck', routine(d.id, check.checkedOn, check));
      return d.id;
    };
    await mk('A-ok', [kntc], { checkedOn: '2024-01-05' });
    await mk('B-boundary', [kntc], { checkedOn: '2023-10-20' }); // exactly 3 months ago: counts
    await mk('C-old', [kntc], { checkedOn: '2023-10-19' });
    await mk('D-never', [kntc]);
    await mk('E-unlicensed', [kntc], { checkedOn: '2024-01-05', avLicensed: false, licenceExpiresOn: null });
    await mk('F-unlicensed-dgxl', [dgxl], { checkedOn: '2024-01-05', avLicensed: false, licenceExpiresOn: null });
    await mk('G-expired', [kntc], { checkedOn: '2024-01-05', licenceExpiresOn: '2024-01-19' });
    await mk('H-expiring', [kntc], { checkedOn: '2024-01-05', licenceExpiresOn: '2024-02-19' });
    await mk('I-no-av', [dgxl], { checkedOn: '2024-01-05', avInstalled: false, avProduct: '', avLicensed: false, licenceExpiresOn: null });
    const j = await mk('J-infected', [dgxl], { checkedOn: '2024-01-18', malwareFound: true });
    await t.call('devices.update', { id: await mk('K-retired', [kntc]), deviceKind: 'desktop', os: 'windows', assetTag: 'K-retired', ownerId: an.id, deviceStatus: 'retired', systemIds: [kntc] });

    const page = await t.call('devices.list', {});
    expect(Object.fromEntries(page.rows.map((d) => [d.assetTag, d.state]))).toEqual({
      'A-ok': 'ok', 'B-boundary': 'ok', 'C-old': 'unchecked', 'D-never': 'unchecked', 'E-unlicensed': 'unlicensed', 'F-unlicensed-dgxl': 'ok',
      'G-expired': 'expired', 'H-expiring': 'ok', 'I-no-av': 'no_antivirus', 'J-infected': 'infected', 'K-retired': 'not_in_use',
    });
    expect(page.counts).toEqual({ infected: 1, unchecked: 2, no_antivirus: 1, unlicensed: 1, expired: 1, expiring: 1, remediated: 0 });
    const tags = async (filter: 'unchecked' | 'expiring' | 'unlicensed') => (await t.call('devices.list', { filter })).rows.map((d) => d.assetTag);
    expect(await tags('unchecked')).toEqual(['C-old', 'D-never']);
    expect(await tags('expiring')).toEqual(['H-expiring']);
    expect(await tags('unlicensed')).toEqual(['E-unlicensed']);
    expect((await t.call('devices.list', { filter: 'unchecked' })).total).toBe(2);

    const dash = (await t.call('dashboard.summary', {})).devices;
    expect(dash.counts).toEqual({ infected: 1, unchecked: 2, no_antivirus: 1, unlicensed: 1, expired: 1 });
    expect(dash.todos.map((x) => [x.kind, x.assetTag, x.date])).toEqual([
      ['infected', 'J-infected', '2024-01-18'],
      ['unchecked', 'D-never', null],
      ['unchecked', 'C-old', '2023-10-19'],
      ['no_antivirus', 'I-no-av', '2024-01-05'],
      ['unlicensed', 'E-unlicensed', '2024-01-05'],
      ['expired', 'G-expired', '2024-01-19'],
    ]);
    expect(dash.todos[0]).toMatchObject({ deviceId: j, pendingAccounts: 2 });

    // Whether a device needs LICENSED antivirus follows the systems used on it, and the systems' setting.
    const kntcSystem = (await t.call('systems.list', {})).find((s) => s.id === kntc)!;
    const { accountCount: _a, code: _c, ...editable } = kntcSystem;
    await t.call('systems.update', { ...editable, requiresLicensedAv: false });
    expect((await t.call('devices.list', { filter: 'unlicensed' })).total).toBe(0);
    await t.call('systems.update', { ...editable, requiresLicensedAv: true });
    expect((await t.call('devices.list', { filter: 'unlicensed' })).total).toBe(1);

    await t.call('settings.save', { deviceCheckMonths: 6 });
    expect((await t.call('devices.list', { filter: 'unchecked' })).rows.map((d) => d.assetTag)).toEqual(['D-never']);
    expect(await t.raw('settings.save', { deviceCheckMonths: 0 })).toMatchObject({ ok: false, error: { path: ['deviceCheckMonths'] } });
  });
});

describe('the SQL twins agree with shared/devices/rules.ts', () => {
  it('on random check histories: infection columns, device state and forced flags', async () => {
    // A small deterministic generator: the same histories every run.
    let seed = 7;
    const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const day = (n: number) => new Date(Date.UTC(2023, 11, 1 + n)).toISOString().slice(0, 10); // 01/12/2023 + n
    const people = [await person('Nguyễn Văn An'), await person('Trần Văn Bình'), await person('Lê Thị Cúc')];
    const accounts: number[] = [];
    for (const p of people) {
      accounts.push((await account(kntc, p.id, `u${p.id}k`)).id, (await account(dgxl, p.id, `u${p.id}d`)).id);
    }
    const devices: number[] = [];
    for (let i = 0; i < 12; i++) devices.push((await device(people[i % 3]!.id, `D${i}`, { systemIds: i % 2 ? [kntc] : [dgxl] })).id);
    for (let round = 0; round < 60; round++) {
      const d = devices[Math.floor(rnd() * devices.length)]!;
      const checkedOn = day(Math.floor(rnd() * 50));
      const r = rnd();
      const input =
        r < 0.3 ? infected(d, checkedOn)
        : r < 0.55 ? remediation(d, checkedOn, day(Math.floor(rnd() * 50))) // may predate an infection: then it does not end it
        : r < 0.65 ? routine(d, checkedOn, { cleaned: true, remediatedOn: checkedOn })
        : routine(d, checkedOn, { avLicensed: rnd() < 0.7, licenceExpiresOn: rnd() < 0.5 ? day(Math.floor(rnd() * 60)) : null });
      await t.call('devices.recordCheck', input);
      if (rnd() < 0.25) await t.call('confirmations.create', { accountId: accounts[Math.floor(rnd() * accounts.length)]!, changedOn: day(Math.floor(rnd() * 50)) });
      if (rnd() < 0.1) {
        const history = (await t.call('devices.checks', { deviceId: d })).filter((c) => !c.voidedAt);
        if (history.length) await t.call('devices.voidCheck', { id: history[Math.floor(rnd() * history.length)]!.id, reason: 'Nhập nhầm' });
      }
    }
    const today = '2024-01-20';
    const infections = new Map<number, { id: number; assetTag: string; infectedOn: string | null; remediatedOn: string | null; owner: number | null }>();
    let seen = { infected: 0, remediated: 0 };
    for (const id of devices) {
      const dev = await t.call('devices.get', { id });
      const checks = await t.call('devices.checks', { deviceId: id });
      const expected = infectionOf(checks.map((c) => ({ ...c, voided: c.voidedAt !== null })));
      expect([dev.infectedOn, dev.remediatedOn], dev.assetTag).toEqual([expected.infectedOn, expected.remediatedOn]);
      const last = checks.find((c) => !c.voidedAt) ?? null;
      expect(dev.state, dev.assetTag).toBe(deviceState({ ...expected, status: dev.deviceStatus, needsLicensedAv: dev.needsLicensedAv, lastCheck: last }, today));
      const finder = checks.filter((c) => !c.voidedAt && c.malwareFound).sort((a, b) => (a.checkedOn === b.checkedOn ? b.id - a.id : a.checkedOn < b.checkedOn ? 1 : -1))[0];
      infections.set(id, { id, assetTag: dev.assetTag, ...expected, owner: finder?.ownerId ?? null });
      if (dev.infection !== 'clean') seen = { ...seen, [dev.infection]: seen[dev.infection] + 1 };
    }
    expect(seen.infected).toBeGreaterThan(0);
    expect(seen.remediated).toBeGreaterThan(0);
    let forcedCount = 0;
    for (const id of accounts) {
      const a = await t.call('accounts.get', { id });
      const mine = [...infections.values()].filter((d) => d.owner === a.personId);
      const confirmations = (await t.call('confirmations.history', { accountId: id })).map((c) => ({ changedOn: c.changedOn, recordedAt: c.recordedAt, voided: c.voidedAt !== null }));
      const expected = forcedChange({ status: a.status, confirmations }, mine);
      expect(a.forced, a.loginName).toEqual(expected);
      if (expected) forcedCount++;
    }
    expect((await t.call('accounts.list', { forced: true })).total).toBe(forcedCount);
    expect((await t.call('dashboard.summary', {})).todoCounts.forced).toBe(forcedCount);
  });
});
