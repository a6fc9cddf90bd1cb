import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Db } from '../db/open';

/**
 * The unit's own Ed25519 signing key. A hash alone only catches accidents (anyone can recompute
 * it); the signature shows the export file came unaltered from this unit's app. Generated on first
 * use and kept in the database (table `signing_key`, migration 0012), so that every backup and
 * every restore carries it: a restored database signs with the same key and the receiving office
 * keeps accepting its files. Its short fingerprint is printed on the signed paper report so the
 * office can pin it.
 */
export interface UnitKey {
  privateKey: KeyObject;
  publicKeyDer: Buffer;
  fingerprint: string;
}

/** Where versions before 0009 kept the key: imported into the database once, then unused. */
export function keyPathFor(dbFile: string): string {
  return `${dbFile}.signing-key.pem`;
}

function unitKeyFromPem(pem: string): UnitKey {
  const privateKey = createPrivateKey(pem);
  const publicKeyDer = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  return { privateKey, publicKeyDer, fingerprint: fingerprintOf(publicKeyDer) };
}

/**
 * The key file beside a database (what versions before 0012 used, and what moving a database to a
 * new folder carries along): read, or created. The database takes it over on first use.
 */
function loadOrCreateKeyFile(dbFile: string): UnitKey {
  const path = keyPathFor(dbFile);
  if (!existsSync(path)) {
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    writeFileSync(`${path}.tmp`, pem, { mode: 0o600 });
    renameSync(`${path}.tmp`, path);
  }
  return unitKeyFromPem(readFileSync(path, 'utf8'));
}

/** The key, created (or taken over from the old key file) in one small transaction the first time. */
export function loadOrCreateUnitKey(dbFile: string): UnitKey;
export function loadOrCreateUnitKey(db: Db, dbFile: string, now?: Date): UnitKey;
export function loadOrCreateUnitKey(dbOrFile: Db | string, dbFileArg?: string, now: Date = new Date()): UnitKey {
  if (typeof dbOrFile === 'string') return loadOrCreateKeyFile(dbOrFile);
  const db = dbOrFile;
  const dbFile = dbFileArg!;
  const read = () => (db.prepare('SELECT private_key AS pem FROM signing_key WHERE id = 1').get() as { pem: string } | undefined)?.pem;
  const stored = read();
  if (stored) return unitKeyFromPem(stored);
  return db
    .transaction(() => {
      const again = read();
      if (again) return unitKeyFromPem(again);
      const legacy = keyPathFor(dbFile);
      let pem: string;
      let origin: 'file' | 'generated' = 'generated';
      if (existsSync(legacy)) {
        pem = readFileSync(legacy, 'utf8');
        origin = 'file';
      } else {
        pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
      }
      const key = unitKeyFromPem(pem);
      db.prepare('INSERT INTO signing_key (id, private_key, fingerprint, created_at, origin) VALUES (1, ?, ?, ?, ?)').run(pem, key.fingerprint, now.toISOString(), origin);
      return key;
    })
    .immediate();
}

/** The key that signed the unit's latest export (exports before migration 0012 did not record it). */
export function lastExportFingerprint(db: Db): string | null {
  const row = db.prepare('SELECT fingerprint FROM report_exports WHERE fingerprint IS NOT NULL ORDER BY id DESC LIMIT 1').get() as { fingerprint: string } | undefined;
  return row?.fingerprint ?? null;
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
