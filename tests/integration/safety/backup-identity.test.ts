import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type AppCore } from '../../../electron/core';
import { main } from '../../../electron/cli/main';
import { HOME_UNIT } from '../harness-core';
import { call, digest, openCore, tempFixture, type Fixture } from '../reliability/helpers';

// Issue 16 §2: two databases in one folder (a ward's and the district office's) share one
// backups/ folder. Each lists only its own copies (the other's apart, with its unit named), makes
// its own daily copy, rotates only its own, and restoring the other's copy is refused unless the
// user confirms that unit.

const DISTRICT = { ...HOME_UNIT, name: 'PHÒNG NỘI VỤ QUẬN ĐỐNG ĐA', code: 'PNV-DD' };

let fx: Fixture;
let ward: AppCore;
let district: AppCore;
let clock = new Date('2026-12-01T08:00:00');
beforeEach(async () => {
  fx = tempFixture('attk-ident-');
  clock = new Date('2026-12-01T08:00:00');
  ward = openCore(join(fx.dir, 'phuong.sqlite'), { backupClock: () => clock });
  district = openCore(join(fx.dir, 'quan.sqlite'), { backupClock: () => clock });
  await call(ward, 'unit.save', HOME_UNIT);
  await call(district, 'unit.save', DISTRICT);
  await call(ward, 'people.create', { fullName: 'Nguyễn Văn An', position: '', department: '', staffType: 'cong_chuc', partyMember: false, note: '' });
});
afterEach(() => {
  for (const c of [ward, district]) if (c.db.open) c.db.close();
  fx.cleanup();
});

describe('backups know their database', () => {
  it('each database lists its own copies; the other database’s are listed apart with their unit', async () => {
    const w = await call(ward, 'backup.create', {});
    clock = new Date('2026-12-01T08:00:05');
    const d = await call(district, 'backup.create', {});
    const list = await call(ward, 'backup.list', {});
    expect(list.dir).toBe(join(fx.dir, 'backups'));
    expect(list.entries.map((e) => e.name)).toEqual([w.entry.name]);
    expect(list.unit).toEqual({ name: HOME_UNIT.name, code: HOME_UNIT.code });
    expect(list.others).toEqual([expect.objectContaining({ name: d.entry.name, unit: { name: DISTRICT.name, code: DISTRICT.code } })]);
    const other = await call(district, 'backup.list', {});
    expect(other.entries.map((e) => e.name)).toEqual([d.entry.name]);
    expect(other.others.map((e) => e.name)).toEqual([w.entry.name]);
  });

  it('each database gets its own daily copy, even when the other made one first today', async () => {
    expect((await district.backups.runDailyIfDue())?.entry.kind).toBe('daily');
    clock = new Date('2026-12-01T08:00:01');
    const wardDaily = await ward.backups.runDailyIfDue();
    expect(wardDaily?.entry.kind).toBe('daily');
    expect(await ward.backups.runDailyIfDue()).toBeNull();
    expect((await call(ward, 'backup.list', {})).entries.filter((e) => e.kind === 'daily')).toHaveLength(1);
    expect((await call(district, 'backup.list', {})).entries.filter((e) => e.kind === 'daily')).toHaveLength(1);
  });

  it('rotation in one database never removes the other database’s copies', async () => {
    // 20 pre-import copies of the district, then the ward rotates (keeps 10 of its own kind).
    for (let i = 0; i < 12; i++) {
      clock = new Date(`2026-12-01T09:00:${String(i).padStart(2, '0')}`);
      await district.backups.create('import');
    }
    clock = new Date('2026-12-01T10:00:00');
    await ward.backups.create('import');
    expect((await call(ward, 'backup.list', {})).others.filter((e) => e.kind === 'import')).toHaveLength(10);
    // The district's own rotation kept its newest 10; the ward's rotation removed none of them.
    expect((await call(district, 'backup.list', {})).entries.filter((e) => e.kind === 'import')).toHaveLength(10);
  });

  it('restoring the other database’s copy is refused unless the unit shown is confirmed; then the file stays itself', async () => {
    const d = await call(district, 'backup.create', {});
    const before = digest(join(fx.dir, 'phuong.sqlite'));
    const refused = await dispatch(ward, 'backup.restore', { name: d.entry.name });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('CONFLICT');
      expect(refused.error.message).toContain(DISTRICT.name);
      expect(refused.error.message).toContain(HOME_UNIT.name);
    }
    const wrong = await dispatch(ward, 'backup.restore', { name: d.entry.name, confirmUnitCode: HOME_UNIT.code });
    expect(wrong.ok).toBe(false);
    // Nothing changed, and no pre-restore copy was made for a refused restore.
    ward.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(digest(join(fx.dir, 'phuong.sqlite'))).toEqual(before);
    const wardId = ward.backups.identity().id;
    clock = new Date('2026-12-01T11:00:00');
    const ok = await call(ward, 'backup.restore', { name: d.entry.name, confirmUnitCode: DISTRICT.code });
    expect(ok.restored.name).toBe(d.entry.name);
    expect(ward.backups.identity()).toEqual({ id: wardId, unit: { name: DISTRICT.name, code: DISTRICT.code } });
    // The ward's own pre-restore copy is still listed as its own.
    expect((await call(ward, 'backup.list', {})).entries.map((e) => e.kind)).toContain('restore');
  });

  it('attk restore --from another database’s copy needs --confirm-unit CODE', async () => {
    const d = await call(district, 'backup.create', {});
    const wardFile = join(fx.dir, 'phuong.sqlite');
    ward.db.close();
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t) };
    const before = digest(wardFile);
    expect(await main(['restore', '--db', wardFile, '--from', d.path], io)).toBe(1);
    expect(out.join('\n')).toMatch(/--confirm-unit PNV-DD/);
    expect(digest(wardFile)).toEqual(before);
    expect(await main(['restore', '--db', wardFile, '--from', d.path, '--confirm-unit', 'PNV-DD'], io)).toBe(0);
  });
});
