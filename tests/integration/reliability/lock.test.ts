import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { methodNames } from '../../../shared/api/contract';
import { dispatch, type AppCore } from '../../../electron/core';
import { OPEN_WHILE_LOCKED } from '../../../electron/core/lock/service';
import { call, openCore, tempFixture, type Fixture } from './helpers';

/** The app lock is real: while locked the dispatcher refuses every method but a few. */
let fx: Fixture;
let clock: number;
let core: AppCore;
beforeEach(() => {
  fx = tempFixture('attk-lock-');
  clock = 1_000_000;
  core = openCore(fx.file, { lockClock: () => clock });
});
afterEach(() => {
  if (core.db.open) core.db.close();
  fx.cleanup();
});

const PASS = 'Mở khóa ATTK 2024';

describe('setting the lock', () => {
  it('is off by default; a passphrase is stored only as a salted scrypt hash, and audited without it', async () => {
    expect(await call(core, 'lock.status', {})).toEqual({ enabled: false, locked: false, idleMinutes: 10, retryAfterSeconds: 0 });
    expect(await call(core, 'lock.set', { passphrase: PASS })).toMatchObject({ enabled: true, locked: false });
    const stored = core.db.prepare("SELECT value FROM settings WHERE key = 'appLock'").get() as { value: string };
    const parsed = JSON.parse(stored.value) as { algo: string; N: number; salt: string; hash: string };
    expect(parsed.algo).toBe('scrypt');
    expect(parsed.N).toBeGreaterThanOrEqual(1 << 15);
    expect(Buffer.from(parsed.salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(parsed.hash, 'base64')).toHaveLength(32);
    const everything = JSON.stringify(core.db.prepare('SELECT * FROM settings').all()) + JSON.stringify(core.db.prepare('SELECT * FROM audit_log').all());
    expect(everything).not.toContain(PASS);
    expect(everything).not.toContain('ATTK 2024');
    // The same passphrase set twice gets a different salt, so a different hash.
    await call(core, 'lock.set', { passphrase: PASS, currentPassphrase: PASS });
    const again = JSON.parse((core.db.prepare("SELECT value FROM settings WHERE key = 'appLock'").get() as { value: string }).value) as { hash: string };
    expect(again.hash).not.toBe(parsed.hash);
  });

  it('refuses a short passphrase, and a change or removal without the current one', async () => {
    expect(await dispatch(core, 'lock.set', { passphrase: '12345' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', path: ['passphrase'], message: expect.stringContaining('ít nhất 6 ký tự') } });
    await call(core, 'lock.set', { passphrase: PASS });
    expect(await dispatch(core, 'lock.set', { passphrase: 'mới hoàn toàn' })).toMatchObject({ ok: false, error: { path: ['currentPassphrase'] } });
    expect(await dispatch(core, 'lock.clear', { currentPassphrase: 'sai rồi' })).toMatchObject({ ok: false, error: { message: 'Mật khẩu mở khóa không đúng.' } });
    expect(await call(core, 'lock.clear', { currentPassphrase: PASS })).toMatchObject({ enabled: false });
  });
});

describe('while locked', () => {
  beforeEach(async () => {
    await call(core, 'lock.set', { passphrase: PASS });
    await call(core, 'lock.lock', {});
  });

  it('every method but app.info and the lock ones is refused FORBIDDEN, in Vietnamese, before its input is read', async () => {
    let refused = 0;
    for (const method of methodNames) {
      const r = await dispatch(core, method, { anything: 'at all' });
      if (OPEN_WHILE_LOCKED.has(method)) continue;
      expect(r, method).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'ATTK đang khóa. Hãy nhập mật khẩu mở khóa để tiếp tục.' } });
      refused += 1;
    }
    expect(refused).toBe(methodNames.length - OPEN_WHILE_LOCKED.size);
    expect([...OPEN_WHILE_LOCKED].sort()).toEqual(['app.info', 'lock.lock', 'lock.status', 'lock.unlock']);
    expect((await dispatch(core, 'app.info', {})).ok).toBe(true);
  });

  it('a write is refused and changes nothing', async () => {
    const before = core.db.prepare('SELECT count(*) AS n FROM audit_log').get();
    expect((await dispatch(core, 'systems.create', { code: 'X', name: 'Không được ghi', adminIntervalMonths: 3, userIntervalMonths: 3 })).ok).toBe(false);
    expect(core.db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual(before);
  });

  it('unlocks with the passphrase (compared as NFC), not with a wrong one', async () => {
    expect(await dispatch(core, 'lock.unlock', { passphrase: 'mo khoa attk 2024' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Mật khẩu mở khóa không đúng.' } });
    expect(await call(core, 'lock.unlock', { passphrase: PASS.normalize('NFD') })).toMatchObject({ locked: false });
    expect((await dispatch(core, 'systems.list', {})).ok).toBe(true);
  });

  it('a restart opens locked', async () => {
    await call(core, 'lock.unlock', { passphrase: PASS });
    core.db.close();
    core = openCore(fx.file, { lockClock: () => clock });
    expect(await call(core, 'lock.status', {})).toMatchObject({ enabled: true, locked: true });
    expect((await dispatch(core, 'people.list', {})).ok).toBe(false);
  });

  it('after three wrong passphrases, attempts wait 2, 4, 8… seconds — even the right one', async () => {
    for (let i = 0; i < 3; i++) expect((await dispatch(core, 'lock.unlock', { passphrase: `sai ${i}` })).ok).toBe(false);
    expect(await call(core, 'lock.status', {})).toMatchObject({ retryAfterSeconds: 2 });
    expect(await dispatch(core, 'lock.unlock', { passphrase: PASS })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('đợi 2 giây') } });
    clock += 2_001;
    expect((await dispatch(core, 'lock.unlock', { passphrase: 'sai 4' })).ok).toBe(false);
    expect(await call(core, 'lock.status', {})).toMatchObject({ retryAfterSeconds: 4 });
    clock += 4_001;
    expect(await call(core, 'lock.unlock', { passphrase: PASS })).toMatchObject({ locked: false, retryAfterSeconds: 0 });
  });
});

describe('auto-lock', () => {
  it('locks after the idle minutes set; polling the lock status is not activity', async () => {
    await call(core, 'settings.save', { lockIdleMinutes: 5 });
    await call(core, 'lock.set', { passphrase: PASS });
    clock += 4 * 60_000;
    expect((await dispatch(core, 'people.list', {})).ok).toBe(true);
    clock += 4 * 60_000;
    expect(await call(core, 'lock.status', {})).toMatchObject({ locked: false });
    clock += 2 * 60_000;
    expect(await call(core, 'lock.status', {})).toMatchObject({ locked: true, idleMinutes: 5 });
    expect(await dispatch(core, 'people.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('0 minutes means never', async () => {
    await call(core, 'settings.save', { lockIdleMinutes: 0 });
    await call(core, 'lock.set', { passphrase: PASS });
    clock += 24 * 60 * 60_000;
    expect((await dispatch(core, 'people.list', {})).ok).toBe(true);
  });
});
