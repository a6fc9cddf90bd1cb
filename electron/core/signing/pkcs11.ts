import type * as Pkcs11js from 'pkcs11js';
import { AttkError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import { loadPkcs11js } from '../native/pkcs11js';
import { certificateInfo, parseCertificate } from './certificates';

const t = vi.signing.errors;
type Pkcs11Module = typeof Pkcs11js;

/**
 * pkcs11js, the native PKCS#11 addon, loaded on first use only — so the app, the CLI and the tests
 * run on a machine where it is missing or built for another runtime (Electron's ABI differs from
 * Node's, as for better-sqlite3). electron/core/native/pkcs11js.ts does the loading; the shell
 * names the Electron build of the addon (`useBinding(path of pkcs11.node)`: createCore's
 * pkcs11Binding, from start-electron.mjs's .electron-native/ under `npm start` only) or hands over a
 * module. Without either, the package's own build is used (Node's for the CLI and tests; the
 * Electron build after-pack.mjs put there in the packaged app). The core never reads a path to
 * native code from the environment itself.
 */
let supplied: Pkcs11Module | string | null = null;
let loaded: Pkcs11Module | null = null;

export function useBinding(binding: Pkcs11Module | string | null): void {
  supplied = binding;
  loaded = null;
}

export function loadPkcs11(): Pkcs11Module {
  if (loaded) return loaded;
  try {
    loaded = supplied && typeof supplied !== 'string' ? supplied : loadPkcs11js(supplied ?? undefined);
  } catch {
    throw new AttkError('INTERNAL', t.noModule);
  }
  return loaded;
}

/** A certificate on a token, with the slot it sits in (index among slots with a token present). */
export interface TokenCertificate {
  slot: number;
  tokenLabel: string;
  label: string;
  /** CKA_ID in hex: pairs the certificate with its private key. */
  id: string;
  der: Buffer;
}

export interface TokenTarget {
  library: string;
  /** Index among the slots that hold a token; default: the first slot with a matching certificate. */
  slot?: number | undefined;
  /** CKA_LABEL of the key/certificate, or its CKA_ID in hex. */
  keyLabel?: string | undefined;
}

/** One open PKCS#11 library for the duration of `work`; finalised and closed afterwards, whatever happens. */
async function withLibrary<T>(library: string, work: (p: Pkcs11Js) => Promise<T>): Promise<T> {
  const mod = loadPkcs11();
  const p = new mod.PKCS11();
  try {
    p.load(library);
  } catch {
    throw new AttkError('VALIDATION', t.library(library), ['library']);
  }
  try {
    try {
      p.C_Initialize();
    } catch (error) {
      if (codeOf(error) !== mod.CKR_CRYPTOKI_ALREADY_INITIALIZED) throw tokenError(error);
    }
    return await work(p);
  } finally {
    try {
      p.C_Finalize();
    } catch {
      // already finalised or never initialised
    }
    p.close();
  }
}
type Pkcs11Js = InstanceType<Pkcs11Module['PKCS11']>;

/** Slots holding an initialised token (SoftHSM and some middleware list an empty, uninitialised one too). */
function slotsWithToken(p: Pkcs11Js, mod: Pkcs11Module): Buffer[] {
  const slots = p.C_GetSlotList(true).filter((slot) => {
    try {
      return (p.C_GetTokenInfo(slot).flags & mod.CKF_TOKEN_INITIALIZED) !== 0;
    } catch {
      return false;
    }
  });
  if (slots.length === 0) throw new AttkError('VALIDATION', t.noToken);
  return slots;
}

function findObjects(p: Pkcs11Js, session: Buffer, template: Pkcs11js.Template): Buffer[] {
  p.C_FindObjectsInit(session, template);
  try {
    return p.C_FindObjects(session, 100);
  } finally {
    p.C_FindObjectsFinal(session);
  }
}

function certificatesIn(p: Pkcs11Js, mod: Pkcs11Module, session: Buffer, slot: number, tokenLabel: string): TokenCertificate[] {
  return findObjects(p, session, [{ type: mod.CKA_CLASS, value: mod.CKO_CERTIFICATE }]).map((handle) => {
    const [label, id, value] = p.C_GetAttributeValue(session, handle, [{ type: mod.CKA_LABEL }, { type: mod.CKA_ID }, { type: mod.CKA_VALUE }]);
    return {
      slot,
      tokenLabel,
      label: bufferOf(label?.value).toString('utf8'),
      id: bufferOf(id?.value).toString('hex'),
      der: bufferOf(value?.value),
    };
  });
}

const bufferOf = (v: unknown): Buffer => (Buffer.isBuffer(v) ? v : Buffer.alloc(0));

/** Every certificate on every token the library sees. Certificates are public objects: no PIN needed. */
export async function listTokenCertificates(library: string): Promise<TokenCertificate[]> {
  const mod = loadPkcs11();
  return withLibrary(library, async (p) => {
    const result: TokenCertificate[] = [];
    slotsWithToken(p, mod).forEach((slotHandle, slot) => {
      const tokenLabel = p.C_GetTokenInfo(slotHandle).label.trim();
      const session = p.C_OpenSession(slotHandle, mod.CKF_SERIAL_SESSION);
      try {
        result.push(...certificatesIn(p, mod, session, slot, tokenLabel));
      } finally {
        p.C_CloseSession(session);
      }
    });
    return result;
  });
}

/** A logged-in session: the signer's certificate and a signing function (RSA PKCS#1 v1.5, SHA-256 on the token). */
export interface TokenSigner {
  certificate: TokenCertificate;
  /** CA certificates on the token (some tokens carry their issuing CA's). */
  others: Buffer[];
  sign(data: Buffer): Buffer;
}

/**
 * Log in to the token with the PIN and run `work` with a signer. The PIN goes to C_Login and nowhere
 * else: it is not kept, not logged, and no error built here contains it (errors carry only the
 * PKCS#11 return code's name).
 */
export async function withTokenSigner<T>(target: TokenTarget, pin: string, work: (signer: TokenSigner) => Promise<T>): Promise<T> {
  if (!pin) throw new AttkError('VALIDATION', t.pinEmpty, ['pin']);
  const mod = loadPkcs11();
  return withLibrary(target.library, async (p) => {
    const slots = slotsWithToken(p, mod);
    if (target.slot !== undefined && (target.slot < 0 || target.slot >= slots.length)) {
      throw new AttkError('VALIDATION', t.slot(target.slot, slots.length), ['slot']);
    }
    const order = target.slot !== undefined ? [target.slot] : slots.map((_, i) => i);
    for (const slot of order) {
      const slotHandle = slots[slot]!;
      const session = p.C_OpenSession(slotHandle, mod.CKF_SERIAL_SESSION);
      try {
        const all = certificatesIn(p, mod, session, slot, p.C_GetTokenInfo(slotHandle).label.trim());
        const certificate = all.find((c) => !target.keyLabel || c.label === target.keyLabel || c.id === target.keyLabel.toLowerCase()) ?? null;
        if (!certificate) continue;
        try {
          p.C_Login(session, mod.CKU_USER, pin);
        } catch (error) {
          if (codeOf(error) !== mod.CKR_USER_ALREADY_LOGGED_IN) throw tokenError(error);
        }
        try {
          const keys = findObjects(p, session, [
            { type: mod.CKA_CLASS, value: mod.CKO_PRIVATE_KEY },
            { type: mod.CKA_ID, value: Buffer.from(certificate.id, 'hex') },
          ]);
          const key = keys[0];
          if (!key) throw new AttkError('VALIDATION', t.noKey);
          // CK_ULONG in the platform's byte order (little-endian on every PC ATTK runs on).
          const keyType = bufferOf(p.C_GetAttributeValue(session, key, [{ type: mod.CKA_KEY_TYPE }])[0]?.value);
          if (keyType.length >= 4 && keyType.readUInt32LE(0) !== mod.CKK_RSA) throw new AttkError('VALIDATION', t.notRsa);
          const sign = (data: Buffer): Buffer => {
            try {
              p.C_SignInit(session, { mechanism: mod.CKM_SHA256_RSA_PKCS }, key);
              return Buffer.from(p.C_Sign(session, data, Buffer.alloc(1024)));
            } catch (error) {
              throw tokenError(error);
            }
          };
          // CA certificates some tokens carry (the issuing CA, its root): the CMS includes them so
          // the office can build the chain; other users' certificates on the token stay out.
          const others = all.filter((c) => c !== certificate && isCaCertificate(c.der)).map((c) => c.der);
          return await work({ certificate, others, sign });
        } finally {
          try {
            p.C_Logout(session);
          } catch {
            // not logged in
          }
        }
      } finally {
        p.C_CloseSession(session);
      }
    }
    throw new AttkError('VALIDATION', t.noCertificate, ['keyLabel']);
  });
}

function isCaCertificate(der: Buffer): boolean {
  const cert = parseCertificate(der);
  return cert !== null && certificateInfo(cert).isCa;
}

function codeOf(error: unknown): number | null {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : null;
}

/** A PKCS#11 failure as a Vietnamese error naming only the return code — never the PIN or the input. */
function tokenError(error: unknown): AttkError {
  if (error instanceof AttkError) return error;
  const mod = loadPkcs11();
  const code = codeOf(error);
  switch (code) {
    case mod.CKR_PIN_INCORRECT:
    case mod.CKR_PIN_LEN_RANGE:
      return new AttkError('VALIDATION', t.pinIncorrect, ['pin']);
    case mod.CKR_PIN_LOCKED:
      return new AttkError('VALIDATION', t.pinLocked, ['pin']);
    case mod.CKR_PIN_EXPIRED:
      return new AttkError('VALIDATION', t.pinExpired, ['pin']);
    case mod.CKR_TOKEN_NOT_PRESENT:
      return new AttkError('VALIDATION', t.noToken);
    default: {
      const name = error instanceof Error && /^CKR_[A-Z_]+$/.test(error.message) ? error.message : `0x${(code ?? 0).toString(16)}`;
      return new AttkError('VALIDATION', t.token(name));
    }
  }
}
