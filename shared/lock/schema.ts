import { z } from 'zod';
import { vi } from '../i18n/vi';

// The optional app lock: a passphrase that opens the app (not the tracked systems' passwords,
// which ATTK never stores). Passphrases are compared as NFC, never trimmed.

export const MIN_PASSPHRASE = 6;
export const MAX_PASSPHRASE = 256;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const passphrase = z
  .string({ error: (issue) => (issue.input === undefined ? vi.errors.required : vi.errors.badType) })
  .min(1, { error: vi.errors.required })
  .max(MAX_PASSPHRASE, { error: vi.errors.tooLong(MAX_PASSPHRASE) })
  .refine((s) => !CONTROL.test(s), { error: vi.errors.controlChars })
  .transform((s) => s.normalize('NFC'));

const newPassphrase = passphrase.refine((s) => [...s].length >= MIN_PASSPHRASE, { error: vi.reliability.errors.passphraseTooShort(MIN_PASSPHRASE) });

/** Set or change: changing needs the current passphrase. */
export const LockSetInput = z.strictObject({ passphrase: newPassphrase, currentPassphrase: passphrase.optional() });
export const LockClearInput = z.strictObject({ currentPassphrase: passphrase });
export const LockUnlockInput = z.strictObject({ passphrase });

export interface LockStatus {
  enabled: boolean;
  locked: boolean;
  /** Auto-lock after this many idle minutes; 0 = never. */
  idleMinutes: number;
  /** > 0 after repeated wrong passphrases: no attempt is checked before then. */
  retryAfterSeconds: number;
}
