import { AttkError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import type { CallContext } from '../api/types';
import { writeAudit } from '../audit/service';
import type { Db } from '../db/open';
import { fingerprintOf } from '../reports/keys';
import { createPublicKey } from 'node:crypto';

// Whose key signs a unit's file (issue 15). The office trusts a unit's file only when it is
// signed with the key pinned for that unit, and a key is pinned only by a person:
//  - the FIRST key of a unit, when the clerk confirms its fingerprint against the unit's signed
//    paper report (`confirmedKeys`, CLI --confirm-key CODE=FP), or — for units with no key yet and
//    only then — by the explicit `trustNewKeys` (CLI --trust-new-keys), each pin reported;
//  - ANOTHER key, only by `changeUnitKey`: a separate act per unit with the old and new
//    fingerprints, the new one typed from the paper report, a reason, who and when. Importing a
//    batch never changes a pinned key, whatever its options;
//  - in one batch, a second key for the same unit is refused.
// Every decision is made here, in `decideKeyTrust`: a later kind of evidence (a signed PDF whose
// certificate chain is valid, issue 20) is one more branch of this function.

const T = vi.trust.keys;

export interface KeyTrustPolicy {
  /** Fingerprints the clerk confirmed, by upper-cased unit code. */
  confirmed: Map<string, Set<string>>;
  /** Pin the first key of units that have none, without a confirmation (reported per unit). */
  trustNewKeys: boolean;
  /** Keys met in this batch, by unit id: the first file's fingerprint and file name. */
  batch: Map<number, { fingerprint: string; fileName: string }>;
}

export function keyTrustPolicy(confirmedKeys: { unitCode: string; fingerprint: string }[], trustNewKeys: boolean): KeyTrustPolicy {
  const confirmed = new Map<string, Set<string>>();
  for (const k of confirmedKeys) {
    const code = k.unitCode.trim().toUpperCase();
    if (!confirmed.has(code)) confirmed.set(code, new Set());
    confirmed.get(code)!.add(k.fingerprint);
  }
  return { confirmed, trustNewKeys, batch: new Map() };
}

export interface SignedBy {
  fileName: string;
  publicKey: string;
  fingerprint: string;
}

export interface PinnedKeyRow {
  id: number;
  fingerprint: string;
  publicKey: string;
}

export type KeyDecision =
  | { trust: 'pinned'; keyId: number }
  | { trust: 'pin'; how: 'confirmed' | 'trustNewKeys' | 'certificate' }
  /** A valid certificate chain naming the unit (a signed report PDF, issue 20) vouches for a new key. */
  | { trust: 'replace'; pinnedId: number; pinnedFingerprint: string }
  | { trust: 'refuse'; reason: 'needsKey' | 'keyChanged' | 'keyConflict'; message: string; pinnedFingerprint?: string };

export function pinnedKey(db: Db, unitId: number): PinnedKeyRow | undefined {
  return db.prepare('SELECT id, fingerprint, public_key AS publicKey FROM district_unit_keys WHERE unit_id = ? AND retired_at IS NULL').get(unitId) as PinnedKeyRow | undefined;
}

/** The one decision: may a file signed with `signed` count as this unit's? Records the key in the batch. */
export function decideKeyTrust(db: Db, unit: { id: number; code: string; name: string }, signed: SignedBy, policy: KeyTrustPolicy, certified = false): KeyDecision {
  const earlier = policy.batch.get(unit.id);
  if (earlier && earlier.fingerprint !== signed.fingerprint) {
    return { trust: 'refuse', reason: 'keyConflict', message: T.batchConflict(unit.name, signed.fingerprint, earlier.fingerprint, earlier.fileName) };
  }
  if (!earlier) policy.batch.set(unit.id, { fingerprint: signed.fingerprint, fileName: signed.fileName });

  const pinned = pinnedKey(db, unit.id);
  if (pinned) {
    if (pinned.publicKey === signed.publicKey) return { trust: 'pinned', keyId: pinned.id };
    // A certificate chained to the office's trusted roots, naming the unit, is itself the unit's word.
    if (certified) return { trust: 'replace', pinnedId: pinned.id, pinnedFingerprint: pinned.fingerprint };
    // Never replaced here, whatever was confirmed or trusted: a key change is its own act.
    return { trust: 'refuse', reason: 'keyChanged', message: T.keyChanged(unit.name, signed.fingerprint, pinned.fingerprint), pinnedFingerprint: pinned.fingerprint };
  }
  if (certified) return { trust: 'pin', how: 'certificate' };
  const typed = policy.confirmed.get(unit.code.toUpperCase());
  if (typed?.has(signed.fingerprint)) return { trust: 'pin', how: 'confirmed' };
  if (typed && typed.size > 0) return { trust: 'refuse', reason: 'needsKey', message: T.confirmedOther(signed.fingerprint, [...typed].join(', ')) };
  if (policy.trustNewKeys) return { trust: 'pin', how: 'trustNewKeys' };
  return { trust: 'refuse', reason: 'needsKey', message: T.needsKey(unit.name, signed.fingerprint) };
}

/** Pin a unit's first key (after `decideKeyTrust` said 'pin'); returns the key's id. */
export function pinFirstKey(db: Db, ctx: CallContext, unit: { id: number; name: string }, signed: SignedBy, how: 'confirmed' | 'trustNewKeys' | 'certificate'): number {
  const now = ctx.now().toISOString();
  const id = Number(
    db.prepare('INSERT INTO district_unit_keys (unit_id, fingerprint, public_key, confirmed_at, confirmed_by) VALUES (?, ?, ?, ?, ?)').run(unit.id, signed.fingerprint, signed.publicKey, now, ctx.actor)
      .lastInsertRowid,
  );
  writeAudit(db, ctx, {
    action: 'key', entity: 'unit', entityId: unit.id,
    summary: T.auditPin(unit.name, signed.fingerprint, how === 'confirmed' ? T.howConfirmed : how === 'certificate' ? T.howCertificate : T.howTrusted),
    data: { fingerprint: signed.fingerprint, how, file: signed.fileName },
  });
  return id;
}

/** A key vouched for by a valid certificate chain replaces the pinned one: the old key retired with that reason. */
export function replaceKeyByCertificate(db: Db, ctx: CallContext, unit: { id: number; name: string }, signed: SignedBy, pinnedId: number, pinnedFingerprint: string): number {
  const now = ctx.now().toISOString();
  db.prepare('UPDATE district_unit_keys SET retired_at = ?, retired_by = ?, retired_reason = ? WHERE id = ?').run(now, ctx.actor, T.howCertificate, pinnedId);
  const id = Number(
    db.prepare('INSERT INTO district_unit_keys (unit_id, fingerprint, public_key, confirmed_at, confirmed_by) VALUES (?, ?, ?, ?, ?)').run(unit.id, signed.fingerprint, signed.publicKey, now, ctx.actor)
      .lastInsertRowid,
  );
  writeAudit(db, ctx, {
    action: 'key', entity: 'unit', entityId: unit.id, summary: T.auditChange(unit.name, pinnedFingerprint, signed.fingerprint, T.howCertificate),
    data: { from: pinnedFingerprint, to: signed.fingerprint, reason: 'certificate', file: signed.fileName },
  });
  return id;
}

export interface KeyChangeInput {
  unitCode: string;
  /** base64 DER (SPKI) of the new Ed25519 public key, as carried by the unit's new file. */
  publicKey: string;
  /** The new fingerprint as printed on the unit's new signed paper report (typed by the clerk). */
  fingerprint: string;
  reason: string;
}

export interface KeyChangeResult {
  unitId: number;
  unitName: string;
  from: string;
  to: string;
  message: string;
}

/** The explicit key change of one unit: old key retired with the reason, new key pinned, audited. */
export function changeUnitKey(db: Db, ctx: CallContext, input: KeyChangeInput): KeyChangeResult {
  const unit = db.prepare('SELECT id, name, code FROM units WHERE code = ? COLLATE NOCASE AND is_home = 0').get(input.unitCode.trim()) as { id: number; name: string; code: string } | undefined;
  if (!unit) throw new AttkError('NOT_FOUND', T.change.unknownUnit(input.unitCode), ['unitCode']);
  const pinned = pinnedKey(db, unit.id);
  if (!pinned) throw new AttkError('VALIDATION', T.change.noPinned(unit.name), ['unitCode']);
  let der: Buffer;
  try {
    der = Buffer.from(input.publicKey, 'base64');
    const key = createPublicKey({ key: der, format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') throw new Error('not ed25519');
  } catch {
    throw new AttkError('VALIDATION', T.change.badKey, ['publicKey']);
  }
  const fingerprint = fingerprintOf(der);
  if (fingerprint !== input.fingerprint) throw new AttkError('VALIDATION', T.change.mismatch(fingerprint, input.fingerprint), ['fingerprint']);
  if (pinned.publicKey === der.toString('base64')) throw new AttkError('VALIDATION', T.change.same(fingerprint), ['fingerprint']);
  const now = ctx.now().toISOString();
  db.prepare('UPDATE district_unit_keys SET retired_at = ?, retired_by = ?, retired_reason = ? WHERE id = ?').run(now, ctx.actor, input.reason, pinned.id);
  db.prepare('INSERT INTO district_unit_keys (unit_id, fingerprint, public_key, confirmed_at, confirmed_by) VALUES (?, ?, ?, ?, ?)').run(unit.id, fingerprint, der.toString('base64'), now, ctx.actor);
  writeAudit(db, ctx, {
    action: 'key', entity: 'unit', entityId: unit.id, summary: T.auditChange(unit.name, pinned.fingerprint, fingerprint, input.reason),
    data: { from: pinned.fingerprint, to: fingerprint, reason: input.reason },
  });
  return { unitId: unit.id, unitName: unit.name, from: pinned.fingerprint, to: fingerprint, message: T.change.done(unit.name, pinned.fingerprint, fingerprint) };
}
