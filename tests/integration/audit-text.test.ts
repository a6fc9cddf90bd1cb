import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOME_UNIT, makeTestCore, type TestCore } from './harness-core';

// Issue 18: the audit log reads for people (names, logins, dd/MM/yyyy), and a save that changes
// nothing writes no entry.
let t: TestCore;
beforeEach(async () => {
  t = makeTestCore('2024-01-20');
  await t.call('unit.save', HOME_UNIT);
});
afterEach(() => t.close());

const summaries = async () => (await t.call('audit.list', { limit: 100 })).rows.map((r) => r.summary);

describe('audit entries written for people', () => {
  it('a confirmation and its void name the login, the owner and the system, with dd/MM/yyyy dates', async () => {
    const p = await t.call('people.create', { fullName: 'Nguyễn Văn An' });
    const [kntc] = await t.call('systems.list', {});
    const a = await t.call('accounts.create', { systemId: kntc!.id, personId: p.id, loginName: 'annv' });
    const c = await t.call('confirmations.create', { accountId: a.id, changedOn: '2024-01-15' });
    await t.call('confirmations.void', { id: c.id, reason: 'Nhập nhầm ngày' });
    const s = await summaries();
    expect(s).toContain(`Xác nhận đổi mật khẩu ngày 15/01/2024: annv (Nguyễn Văn An, ${kntc!.name})`);
    expect(s).toContain(`Hủy xác nhận đổi mật khẩu ngày 15/01/2024: annv (Nguyễn Văn An, ${kntc!.name}). Lý do: Nhập nhầm ngày`);
    expect(s.join('\n')).not.toMatch(/\d{4}-\d{2}-\d{2}|#\d/);
  });

  it('a settings save that changes nothing writes nothing; a real change is named by its label', async () => {
    const before = (await t.call('audit.list', { limit: 100 })).total;
    const settings = await t.call('settings.get', {});
    await t.call('settings.save', { dueSoonDays: settings.dueSoonDays });
    expect((await t.call('audit.list', { limit: 100 })).total).toBe(before);
    await t.call('settings.save', { dueSoonDays: settings.dueSoonDays + 1 });
    const s = await summaries();
    expect(s[0]).toBe(`Cài đặt: Báo sắp đến hạn trước (ngày): ${settings.dueSoonDays} → ${settings.dueSoonDays + 1}`);
  });

  it('saving the unit profile unchanged writes nothing; a change says what changed', async () => {
    const before = (await t.call('audit.list', { limit: 100 })).total;
    await t.call('unit.save', HOME_UNIT);
    expect((await t.call('audit.list', { limit: 100 })).total).toBe(before);
    await t.call('unit.save', { ...HOME_UNIT, headName: 'Trần Văn Bình' });
    expect((await summaries())[0]).toBe(`Thông tin đơn vị ${HOME_UNIT.name}: Họ tên thủ trưởng: ${HOME_UNIT.headName} → Trần Văn Bình`);
  });
});
