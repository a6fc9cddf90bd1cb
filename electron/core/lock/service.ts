import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { MethodName } from '../../../shared/api/contract';
import { AttkError, type ApiError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import type { LockStatus } from '../../../shared/lock/schema';
import type { CallContext, HandlersFor } from '../api/types';
import { writeAudit } from '../audit/service';
import type { Db } from '../db/open';

const R = vi.reliability;

/**
 * The app lock: an optional passphrase that opens the app. Real, not cosmetic — while locked the
 * dispatcher refuses every method but these (FORBIDDEN), whichever shell calls.
 * It protects the running app from someone at an unattended PC; it does not encrypt the file
 * (anyone who can copy the file can read it) and has no recovery backdoor.
 */
export const OPEN_WHILE_LOCKED: ReadonlySet<MethodName> = new Set<MethodName>(['app.info', 'lock.status', 'lock.unlock', 'lock.lock']);

/** Calls that say nothing about a person being at the keyboard (polls of the lock itself). */
const NOT_ACTIVITY: ReadonlySet<MethodName> = new Set<MethodName>(['app.info', 'lock.status', 'lock.unlock', 'lock.lock']);

const SETTING_KEY = 'appLock';
/** scrypt cost: 2^15 × 8 × 1 (32 MB, ≈ 0.1 s) — slow enough to make guessing expensive. */
const SCRYPT: ScryptOptions = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;
/** Wrong passphrases allowed before waits start; then 2, 4, 8… seconds, at most 5 minutes. */
const FREE_ATTEMPTS = 3;
const MAX_WAIT_MS = 5 * 60_000;

interface StoredLock {
  v: 1;
  algo: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  hash: string;
}

function hashPassphrase(passphrase: string, salt: Buffer): Buffer {
  return scryptSync(passphrase, salt, KEY_LENGTH, SCRYPT);
}

function hashPassphraseAsync(passphrase: string, stored: StoredLock): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(passphrase, Buffer.from(stored.salt, 'base64'), KEY_LENGTH, { N: stored.N, r: stored.r, p: stored.p, maxmem: SCRYPT.maxmem }, (e, key) => (e ? reject(e) : resolve(key))),
  );
}

function matches(key: Buffer, stored: StoredLock): boolean {
  const expected = Buffer.from(stored.hash, 'base64');
  return expected.length === key.length && timingSafeEqual(expected, key);
}

export interface AppLockOptions {
  /** The live connection (the core may replace it on restore). */
  db: () => Db;
  /** Milliseconds, monotonic; tests pass their own. Not the "today" clock: `--today` fixes that one. */
  clock?: () => number;
}

export class AppLock {
  private locked: boolean;
  private lastActivity: number;
  private failures = 0;
  private retryAt = 0;
  private readonly clock: () => number;

  constructor(private readonly options: AppLockOptions) {
    this.clock = options.clock ?? (() => performance.now());
    this.lastActivity = this.clock();
    // A protected database opens locked.
    this.locked = this.stored() !== null;
  }

  /** After a restore: the restored file decides whether there is a lock. The person restoring is present. */
  reload(): void {
    this.locked = false;
    this.failures = 0;
    this.retryAt = 0;
    this.lastActivity = this.clock();
  }

  /** The dispatcher asks before every call. null = go ahead. */
  gate(method: MethodName): ApiError | null {
    if (OPEN_WHILE_LOCKED.has(method)) return null;
    if (!this.locked && this.idleExpired()) this.locked = this.stored() !== null;
    if (this.locked) return { code: 'FORBIDDEN', message: R.errors.locked };
    if (!NOT_ACTIVITY.has(method)) this.lastActivity = this.clock();
    return null;
  }

  status(): LockStatus {
    const enabled = this.stored() !== null;
    if (enabled && !this.locked && this.idleExpired()) this.locked = true;
    return {
      enabled,
      locked: enabled && this.locked,
      idleMinutes: this.idleMinutes(),
      retryAfterSeconds: Math.max(0, Math.ceil((this.retryAt - this.clock()) / 1000)),
    };
  }

  lock(): LockStatus {
    if (this.stored() !== null) this.locked = true;
    return this.status();
  }

  async unlock(passphrase: string): Promise<LockStatus> {
    const stored = this.stored();
    if (!stored) throw new AttkError('VALIDATION', R.errors.lockNotSet);
    const wait = this.retryAt - this.clock();
    // During the wait no passphrase is even checked, so guessing costs time whatever the machine.
    if (wait > 0) throw new AttkError('FORBIDDEN', R.errors.wait(Math.ceil(wait / 1000)), ['passphrase']);
    const key = await hashPassphraseAsync(passphrase, stored);
    if (!matches(key, stored)) {
      this.failures += 1;
      if (this.failures >= FREE_ATTEMPTS) this.retryAt = this.clock() + Math.min(MAX_WAIT_MS, 2000 * 2 ** (this.failures - FREE_ATTEMPTS));
      throw new AttkError('VALIDATION', R.errors.wrongPassphrase, ['passphrase']);
    }
    this.failures = 0;
    this.retryAt = 0;
    this.locked = false;
    this.lastActivity = this.clock();
    return this.status();
  }

  /** Set or change (runs inside the dispatcher's write transaction). */
  set(passphrase: string, currentPassphrase: string | undefined, ctx: CallContext): LockStatus {
    const db = this.options.db();
    const stored = this.stored();
    if (stored) this.checkCurrent(stored, currentPassphrase);
    const salt = randomBytes(16);
    const value: StoredLock = { v: 1, algo: 'scrypt', N: SCRYPT.N!, r: SCRYPT.r!, p: SCRYPT.p!, salt: salt.toString('base64'), hash: hashPassphrase(passphrase, salt).toString('base64') };
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(SETTING_KEY, JSON.stringify(value));
    // The audit row says that it happened, never anything derived from the passphrase.
    writeAudit(db, ctx, { action: 'update', entity: 'app_lock', entityId: null, summary: stored ? R.lock.auditChange : R.lock.auditSet });
    this.locked = false;
    this.lastActivity = this.clock();
    return this.status();
  }

  clear(currentPassphrase: string, ctx: CallContext): LockStatus {
    const db = this.options.db();
    const stored = this.stored();
    if (!stored) throw new AttkError('VALIDATION', R.errors.lockNotSet);
    this.checkCurrent(stored, currentPassphrase);
    db.prepare('DELETE FROM settings WHERE key = ?').run(SETTING_KEY);
    writeAudit(db, ctx, { action: 'update', entity: 'app_lock', entityId: null, summary: R.lock.auditClear });
    this.locked = false;
    return this.status();
  }

  private checkCurrent(stored: StoredLock, current: string | undefined): void {
    const wait = this.retryAt - this.clock();
    if (wait > 0) throw new AttkError('FORBIDDEN', R.errors.wait(Math.ceil(wait / 1000)), ['currentPassphrase']);
    if (current === undefined) throw new AttkError('VALIDATION', vi.errors.field(R.fields.currentPassphrase!, vi.errors.required), ['currentPassphrase']);
    if (!matches(scryptSync(current, Buffer.from(stored.salt, 'base64'), KEY_LENGTH, { N: stored.N, r: stored.r, p: stored.p, maxmem: SCRYPT.maxmem }), stored)) {
      this.failures += 1;
      if (this.failures >= FREE_ATTEMPTS) this.retryAt = this.clock() + Math.min(MAX_WAIT_MS, 2000 * 2 ** (this.failures - FREE_ATTEMPTS));
      throw new AttkError('VALIDATION', R.errors.wrongPassphrase, ['currentPassphrase']);
    }
    this.failures = 0;
    this.retryAt = 0;
  }

  private idleExpired(): boolean {
    const minutes = this.idleMinutes();
    return minutes > 0 && this.clock() - this.lastActivity > minutes * 60_000;
  }

  private idleMinutes(): number {
    const row = this.options.db().prepare("SELECT value FROM settings WHERE key = 'lockIdleMinutes'").get() as { value: string } | undefined;
    const n = row ? Number(JSON.parse(row.value)) : 10;
    return Number.isInteger(n) && n >= 0 ? n : 10;
  }

  private stored(): StoredLock | null {
    const row = this.options.db().prepare('SELECT value FROM settings WHERE key = ?').get(SETTING_KEY) as { value: string } | undefined;
    if (!row) return null;
    try {
      const parsed = JSON.parse(row.value) as StoredLock;
      if (parsed.algo === 'scrypt' && typeof parsed.salt === 'string' && typeof parsed.hash === 'string') return parsed;
    } catch {
      /* fall through */
    }
    // A lock value that cannot be read keeps the app locked rather than open: it cannot be unlocked
    // by any passphrase, and a restore (or the CLI) is the way out. Never silently unprotected.
    return { v: 1, algo: 'scrypt', N: SCRYPT.N!, r: SCRYPT.r!, p: SCRYPT.p!, salt: '', hash: '' };
  }
}

export function lockHandlers(lock: AppLock): HandlersFor<'lock'> {
  return {
    'lock.status': () => lock.status(),
    'lock.lock': () => lock.lock(),
    'lock.unlock': ({ passphrase }) => lock.unlock(passphrase),
    'lock.set': ({ passphrase, currentPassphrase }, ctx) => lock.set(passphrase, currentPassphrase, ctx),
    'lock.clear': ({ currentPassphrase }, ctx) => lock.clear(currentPassphrase, ctx),
  };
}
