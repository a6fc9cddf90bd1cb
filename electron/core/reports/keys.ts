import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

/**
 * The unit's own Ed25519 signing key. A hash alone only catches accidents (anyone can recompute
 * it); the signature shows the export file came unaltered from this unit's app. Generated on first
 * use and kept beside the database (in the app's user-data folder), readable by this user only.
 * Its short fingerprint is printed on the signed paper report so the receiving office can pin it.
 */
export interface UnitKey {
  privateKey: KeyObject;
  publicKeyDer: Buffer;
  fingerprint: string;
}

export function keyPathFor(dbFile: string): string {
  return `${dbFile}.signing-key.pem`;
}

export function loadOrCreateUnitKey(dbFile: string): UnitKey {
  const path = keyPathFor(dbFile);
  if (!existsSync(path)) {
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    const tmp = `${path}.tmp`;
    writeFileSync(tmp, pem, { mode: 0o600, flag: 'w' });
    renameSync(tmp, path);
    try {
      chmodSync(path, 0o600);
    } catch {
      /* Windows: ACLs of the user profile already restrict it */
    }
  }
  const privateKey = createPrivateKey(readFileSync(path, 'utf8'));
  const publicKeyDer = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  return { privateKey, publicKeyDer, fingerprint: fingerprintOf(publicKeyDer) };
}

/** First 16 hex digits of SHA-256 of the public key, grouped for reading aloud: "3FA2-91C0-…". */
export function fingerprintOf(publicKeyDer: Buffer): string {
  const hex = createHash('sha256').update(publicKeyDer).digest('hex').slice(0, 16).toUpperCase();
  return hex.match(/.{4}/g)!.join('-');
}

export function signPayload(key: UnitKey, payload: string): string {
  return sign(null, Buffer.from(payload, 'utf8'), key.privateKey).toString('base64');
}

export function verifyPayload(publicKeyDerBase64: string, payload: string, signatureBase64: string): boolean {
  try {
    const publicKey = createPublicKey({ key: Buffer.from(publicKeyDerBase64, 'base64'), format: 'der', type: 'spki' });
    if (publicKey.asymmetricKeyType !== 'ed25519') return false;
    return verify(null, Buffer.from(payload, 'utf8'), publicKey, Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}
