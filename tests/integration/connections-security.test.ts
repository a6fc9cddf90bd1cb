import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionCreateInput } from '../../shared/connections/schema';
import { HOME_UNIT, makeTestCore, snapshot, type TestCore } from './harness-core';

// Rules 7 and 8 through the dispatcher on a real SQLite file. Today is 20/01/2024 (fixed clock).
// Systems as seeded: KNTC (connections must use site-to-site VPN), DGXL, STDV — each with default features.
let t: TestCore;
let kntc: number;
let dgxl: number;

const link = (extra: Partial<ConnectionCreateInput> = {}): ConnectionCreateInput => ({
  systemId: kntc, localSystem: 'Phần mềm quản lý đơn thư', direction: 'both', protocol: 'vpn_site_to_site',
  gateway: 'Fortigate 60F — VNPT Hà Nội', checkedBy: 'Trần Văn Kiểm', checkedOn: '2023-11-02', ...extra,
});

beforeEach(async () => {
  t = makeTestCore('2024-01-20');
  await t.call('unit.save', HOME_UNIT);
  [kntc, dgxl] = (await t.call('systems.list', {})).map((s) => s.id) as [number, number];
});
afterEach(() => t.close());

describe('data connections (Rule 7)', () => {
  it('are required over site-to-site VPN for the complaints database only, as seeded', async () => {
    const systems = await t.call('systems.list', {});
    expect(systems.map((s) => [s.code, s.requiresSiteToSiteVpn])).toEqual([['KNTC', true], ['DGXL', false], ['STDV', false]]);
    // An older form that does not send the setting keeps it.
    const k = systems[0]!;
    const kept = await t.call('systems.update', { id: k.id, name: k.name, managingAgency: k.managingAgency, adminIntervalMonths: 1, userIntervalMonths: 1, requiresLicensedAv: true });
    expect(kept.requiresSiteToSiteVpn).toBe(true);
  });

  it('are flagged when not over site-to-site VPN or not checked within N months, and counted per system', async () => {
    const ok = await t.call('connections.create', link());
    const other = await t.call('connections.create', link({ localSystem: 'CSDL tiếp công dân', protocol: 'vpn_other' }));
    const never = await t.call('connections.create', link({ localSystem: 'Cổng dịch vụ công của phường', checkedBy: '', checkedOn: null }));
    const old = await t.call('connections.create', link({ localSystem: 'Hệ thống quản lý văn bản', checkedOn: '2022-12-01' }));
    await t.call('connections.create', link({ systemId: dgxl, localSystem: 'Phần mềm chấm công', protocol: 'none', checkedBy: '', checkedOn: null }));
    expect([ok.state, other.state, never.state, old.state]).toEqual(['ok', 'not_site_to_site', 'unchecked', 'unchecked']);
    expect(ok.nextCheckDue).toBe('2024-11-02');

    const list = await t.call('connections.list', {});
    expect(list.bySystem).toEqual([
      { systemId: kntc, systemName: 'CSDL quốc gia về khiếu nại, tố cáo', systemCode: 'KNTC', requiresSiteToSite: true, connections: 4, siteToSite: 3, nonCompliant: 3, notChecked: 2 },
      { systemId: dgxl, systemName: 'Phần mềm đánh giá, xếp loại CBCCVC hằng tháng', systemCode: 'DGXL', requiresSiteToSite: false, connections: 1, siteToSite: 0, nonCompliant: 0, notChecked: 1 },
    ]);
    expect(list.counts).toEqual({ flagged: 3, not_site_to_site: 1, unchecked: 2, stopped: 0 });

    // A shorter period (setting) makes the November check too old.
    await t.call('settings.save', { connectionCheckMonths: 2 });
    expect((await t.call('connections.get', { id: ok.id })).state).toBe('unchecked');
    await t.call('settings.save', { connectionCheckMonths: 12 });

    // Stopping a link takes it out of the figures and the dashboard, and keeps it in the register.
    await t.call('connections.update', { id: other.id, ...link({ localSystem: 'CSDL tiếp công dân', protocol: 'vpn_other' }), connectionStatus: 'stopped' });
    const dash = await t.call('dashboard.summary', {});
    expect(dash.connections.count).toBe(2);
    expect(dash.connections.todos.map((c) => [c.localSystem, c.state])).toEqual([
      ['Cổng dịch vụ công của phường', 'unchecked'],
      ['Hệ thống quản lý văn bản', 'unchecked'],
    ]);
    expect((await t.call('connections.list', { filter: 'stopped' })).rows.map((r) => r.localSystem)).toEqual(['CSDL tiếp công dân']);
  });

  it('refuses a check without both who and when, a future date and a duplicate, changing nothing', async () => {
    await t.call('connections.create', link());
    const before = snapshot(t.core);
    const cases: [Partial<ConnectionCreateInput>, string, string[]][] = [
      [{ localSystem: 'X', checkedBy: '' }, 'Người kiểm tra kết nối: Cần ghi cả người kiểm tra và ngày kiểm tra.', ['checkedBy']],
      [{ localSystem: 'X', checkedOn: null }, 'Ngày kiểm tra: Cần ghi cả người kiểm tra và ngày kiểm tra.', ['checkedOn']],
      [{ localSystem: 'X', checkedOn: '2024-01-21' }, 'Ngày kiểm tra: Ngày kiểm tra không được sau hôm nay.', ['checkedOn']],
      [{ localSystem: 'PHẦN MỀM QUẢN LÝ ĐƠN THƯ' }, 'Đã có kết nối "PHẦN MỀM QUẢN LÝ ĐƠN THƯ" với CSDL quốc gia về khiếu nại, tố cáo.', ['localSystem']],
    ];
    for (const [extra, message, path] of cases) {
      const r = await t.raw('connections.create', link(extra));
      expect(r).toEqual({ ok: false, error: expect.objectContaining({ message, path }) });
    }
    expect(snapshot(t.core)).toEqual(before);
  });

  it('audits every change with before and after', async () => {
    const c = await t.call('connections.create', link());
    await t.call('connections.update', { id: c.id, ...link({ protocol: 'unknown' }) });
    const log = (await t.call('audit.list', { entity: 'connection' })).rows;
    expect(log.map((e) => [e.action, e.summary])).toEqual([
      ['update', 'Sửa kết nối Phần mềm quản lý đơn thư ↔ CSDL quốc gia về khiếu nại, tố cáo'],
      ['create', 'Thêm kết nối Phần mềm quản lý đơn thư ↔ CSDL quốc gia về khiếu nại, tố cáo'],
    ]);
  });
});

describe('security-feature checks (Rule 8)', () => {
  it('come with default features for the three seeded systems, editable', async () => {
    const features = await t.call('security.features', {});
    const bySystem = (id: number) => features.filter((f) => f.systemId === id);
    expect(bySystem(kntc).length).toBe(4);
    expect(bySystem(dgxl).map((f) => f.featureScope)).toEqual(['system', 'system', 'account', 'account']);
    const added = await t.call('security.saveFeature', { systemId: dgxl, featureName: 'Cảnh báo đăng nhập lạ qua thư điện tử', featureScope: 'account' });
    await t.call('security.saveFeature', { id: added.id, systemId: dgxl, featureName: added.featureName, featureScope: 'account', active: false });
    expect((await t.call('security.features', { systemId: dgxl })).length).toBe(4);
    expect((await t.call('security.features', { systemId: dgxl, includeInactive: true })).length).toBe(5);
    const dup = await t.raw('security.saveFeature', { systemId: dgxl, featureName: 'đăng nhập bằng mã xác thực một lần (otp)' });
    expect(dup).toEqual({ ok: false, error: expect.objectContaining({ code: 'CONFLICT', path: ['featureName'] }) });
  });

  it('flags a system never checked, overdue, or with a feature unused, until the next check', async () => {
    const features = await t.call('security.features', { systemId: dgxl });
    const all = (result: 'used' | 'not_used' | 'na', except?: number) => features.map((f) => ({ featureId: f.id, result: f.id === except ? 'not_used' as const : result }));
    const status = async () => (await t.call('security.overview', {})).systems.find((s) => s.systemId === dgxl)!;
    expect((await status()).state).toBe('never');

    await t.call('security.recordCheck', { systemId: dgxl, checkedOn: '2023-09-15', checker: 'Lê Thị Kiểm', items: all('used') });
    expect(await status()).toMatchObject({ state: 'overdue', nextDue: '2023-12-15' });

    const otp = features.find((f) => f.featureScope === 'account')!;
    const found = await t.call('security.recordCheck', { systemId: dgxl, checkedOn: '2024-01-10', checker: 'Lê Thị Kiểm', items: all('used', otp.id) });
    expect(found.counts).toEqual({ used: 3, notUsed: 1, na: 0 });
    expect(await status()).toMatchObject({ state: 'unused', nextDue: '2024-04-10', unusedFeatures: [otp.featureName] });
    const dash = await t.call('dashboard.summary', {});
    expect(dash.security.systems.map((s) => [s.systemCode, s.state])).toEqual([['KNTC', 'never'], ['DGXL', 'unused'], ['STDV', 'never']]);

    await t.call('security.recordCheck', { systemId: dgxl, checkedOn: '2024-01-18', checker: 'Lê Thị Kiểm', items: all('used') });
    expect((await status()).state).toBe('ok');

    // Voiding the latest check brings back what the previous one found.
    const history = await t.call('security.checks', { systemId: dgxl });
    await t.call('security.voidCheck', { id: history[0]!.id, reason: 'Nhập nhầm ngày' });
    expect((await status()).state).toBe('unused');
    const again = await t.raw('security.voidCheck', { id: history[0]!.id, reason: 'lần nữa' });
    expect(again).toEqual({ ok: false, error: expect.objectContaining({ code: 'CONFLICT' }) });
  });

  it('records a check of one account\'s personal features and flags that account until its next check', async () => {
    const person = await t.call('people.create', { fullName: 'Nguyễn Văn An' });
    const acc = await t.call('accounts.create', { systemId: dgxl, personId: person.id, loginName: 'annv.vm' });
    const personal = (await t.call('security.features', { systemId: dgxl })).filter((f) => f.featureScope === 'account');
    await t.call('security.recordCheck', {
      systemId: dgxl, accountId: acc.id, checkedOn: '2024-01-12', checker: 'Lê Thị Kiểm',
      items: personal.map((f, i) => ({ featureId: f.id, result: i === 0 ? 'not_used' : 'used' })),
    });
    let overview = await t.call('security.overview', {});
    expect(overview.flaggedAccounts).toEqual([expect.objectContaining({ loginName: 'annv.vm', personName: 'Nguyễn Văn An', unusedFeatures: [personal[0]!.featureName] })]);
    expect(overview.systems.find((s) => s.systemId === dgxl)).toMatchObject({ accountsChecked: 1, accountsUnused: 1, state: 'never' });
    await t.call('security.recordCheck', { systemId: dgxl, accountId: acc.id, checkedOn: '2024-01-19', checker: 'Lê Thị Kiểm', items: personal.map((f) => ({ featureId: f.id, result: 'used' })) });
    overview = await t.call('security.overview', {});
    expect(overview.flaggedAccountCount).toBe(0);
  });

  it('refuses an incomplete, duplicated or misplaced answer, changing nothing; the evidence cannot be edited', async () => {
    const features = await t.call('security.features', { systemId: dgxl });
    const person = await t.call('people.create', { fullName: 'Trần Thị Bình' });
    const other = await t.call('accounts.create', { systemId: kntc, personId: person.id, loginName: 'binhtt' });
    const before = snapshot(t.core);
    const base = { systemId: dgxl, checkedOn: '2024-01-15', checker: 'Lê Thị Kiểm' };
    const cases: [unknown, string][] = [
      [{ ...base, items: features.slice(1).map((f) => ({ featureId: f.id, result: 'used' })) }, `Kết quả từng tính năng: Chưa ghi kết quả cho tính năng "${features[0]!.featureName}".`],
      [{ ...base, items: [...features, features[0]!].map((f) => ({ featureId: f.id, result: 'used' })) }, 'Tính năng: Một tính năng được ghi hai lần.'],
      [{ ...base, accountId: other.id, items: [{ featureId: features[2]!.id, result: 'used' }] }, 'Tài khoản: Tài khoản không thuộc hệ thống này.'],
      [{ ...base, checkedOn: '2024-02-01', items: features.map((f) => ({ featureId: f.id, result: 'used' })) }, 'Ngày kiểm tra: Ngày kiểm tra không được sau hôm nay.'],
      [{ ...base, items: features.map((f) => ({ featureId: f.id, result: 'maybe' })) }, 'Kết quả: Giá trị không nằm trong danh sách cho phép.'],
    ];
    for (const [input, message] of cases) {
      const r = await t.raw('security.recordCheck', input);
      expect(r).toEqual({ ok: false, error: expect.objectContaining({ message }) });
    }
    expect(snapshot(t.core)).toEqual(before);
    const check = await t.call('security.recordCheck', { ...base, items: features.map((f) => ({ featureId: f.id, result: 'used' })) });
    expect(() => t.core.db.prepare('UPDATE security_checks SET checker = ? WHERE id = ?').run('X', check.id)).toThrow(/never edited/);
    expect(() => t.core.db.prepare('DELETE FROM security_check_items WHERE check_id = ?').run(check.id)).toThrow(/never deleted/);
    expect((await t.call('audit.list', { entity: 'security_check' })).rows[0]!.summary).toBe(
      'Kiểm tra tính năng bảo mật Phần mềm đánh giá, xếp loại CBCCVC hằng tháng ngày 2024-01-15 (4 đang dùng · 0 chưa dùng · 0 không áp dụng)',
    );
  });
});

describe('demo data and the CLI', () => {
  it('the demo holds a realistic mix, and `attk connections|security list --json` states it as the screens do', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { openDatabase } = await import('../../electron/core');
    const { generateDemo } = await import('../../electron/core/demo/generate');
    const { main } = await import('../../electron/cli/main');
    const dir = mkdtempSync(join(tmpdir(), 'attk-vpn-cli-'));
    const file = join(dir, 'demo.sqlite');
    try {
      const db = openDatabase(file);
      generateDemo(db, 'unit', { today: '2024-01-20' });
      db.close();
      const out: string[] = [];
      const io = { out: (s: string) => out.push(s), err: (s: string) => out.push(s) };
      expect(await main(['connections', 'list', '--db', file, '--json', '--today', '2024-01-20'], io)).toBe(0);
      const connections = JSON.parse(out.pop()!) as { bySystem: { systemCode: string; connections: number; siteToSite: number; nonCompliant: number; notChecked: number }[]; connections: { state: string }[] };
      expect(connections.bySystem.map(({ systemCode, connections: n, siteToSite, nonCompliant, notChecked }) => [systemCode, n, siteToSite, nonCompliant, notChecked])).toEqual([
        ['KNTC', 5, 3, 3, 2],
        ['DGXL', 1, 0, 0, 1],
      ]);
      expect(connections.connections.map((c) => c.state).sort()).toEqual(['not_required', 'not_site_to_site', 'not_site_to_site', 'ok', 'ok', 'stopped', 'unchecked']);

      expect(await main(['security', 'list', '--db', file, '--json', '--today', '2024-01-20'], io)).toBe(0);
      const security = JSON.parse(out.pop()!) as { systems: { systemCode: string; state: string }[]; flaggedAccountCount: number };
      expect(security.systems.map((s) => [s.systemCode, s.state])).toEqual([['KNTC', 'ok'], ['DGXL', 'unused'], ['STDV', 'overdue']]);
      expect(security.flaggedAccountCount).toBe(1);

      expect(await main(['security', 'list', '--db', file, '--today', '2024-01-20'], io)).toBe(0);
      expect(out.join('\n')).toContain('Sổ tay đảng viên điện tử: Quá hạn kiểm tra');
      expect(await main(['connections', 'oops', '--db', file], io)).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
