import type { ParsedInputOf } from '../../../shared/api/contract';
import type { CampaignFigures } from '../../../shared/campaigns/rules';
import { formatViDate, formatViDateTime, toIsoDate, daysBetween } from '../../../shared/dates';
import type { RefusalReason, SubmissionFileResult } from '../../../shared/district/schema';
import { vi } from '../../../shared/i18n/vi';
import type { ReportPayload } from '../../../shared/reports/schema';
import { foldForSearch } from '../../../shared/text/vietnamese';
import type { CallContext } from '../api/types';
import { writeAudit } from '../audit/service';
import { openDatabase, type Db } from '../db/open';
import { auditVouchedKey, organisationMatches, recordSignature, type PdfSignature } from './signed-submission';
import { decideKeyTrust, pinFirstKey, replaceKeyByCertificate, type KeyTrustPolicy } from './key-trust';

// Step 2 of receiving a unit file (submissions.ts): the checks that need the database, then the
// writes, in one short IMMEDIATE transaction. In the app it runs in the file worker on the worker's
// own connection (task `storeSubmission`, issue 16 §4): the commit's fsync (synchronous = FULL) on a
// busy disk held the main thread up to 0.6 s per file. It stays importable by the worker, so it
// never imports the worker runner (run-reader.ts).

const R = vi.district.result;
/** What storing a file needs of the job's input (not the files themselves). */
export type StoreInput = Pick<ParsedInputOf<'district.importFiles'>, 'campaignId' | 'confirmedUnits'>;

export interface Checked {
  fileName: string;
  sha256: string;
  bytes: Buffer;
  payload: ReportPayload;
  publicKey: string;
  fingerprint: string;
  /** Present when the file was a signed PDF: `bytes`/`sha256` are the PDF's, the payload its workbook's. */
  signature?: PdfSignature;
}

/** A system's identity across units: its code, or its folded name when the unit's system has none (the export then writes "S<id>"). */
export function systemKey(code: string, name: string): string {
  return code && !/^S\d+$/.test(code) ? code.trim().toUpperCase() : `name:${foldForSearch(name)}`;
}

const directiveKey = (s: string) => foldForSearch(s).replace(/\s+/g, '');

interface CampaignMatch {
  id: number;
  deadline: string;
  by: 'reference' | 'directive';
}

function matchCampaign(db: Db, payload: ReportPayload, wanted: number | undefined): CampaignMatch | null {
  const c = payload.campaign;
  if (c.reference) {
    const row = db.prepare('SELECT id, deadline FROM campaigns WHERE reference = ?').get(c.reference) as { id: number; deadline: string } | undefined;
    if (row) return { ...row, by: 'reference' };
  }
  const rows = (db.prepare('SELECT id, deadline, directive_number AS directive FROM campaigns WHERE deadline = ? ORDER BY id DESC').all(c.deadline) as {
    id: number; deadline: string; directive: string;
  }[]).filter((r) => directiveKey(r.directive) === directiveKey(c.directiveNumber));
  const row = rows.find((r) => r.id === wanted) ?? rows[0];
  return row ? { id: row.id, deadline: row.deadline, by: 'directive' } : null;
}

const sameName = (a: string, b: string) => foldForSearch(a).replace(/\s+/g, ' ').trim() === foldForSearch(b).replace(/\s+/g, ' ').trim();

/** Step 2, inside its own transaction: the checks that need the database, then the writes. */
export function storeFile(db: Db, ctx: CallContext, input: StoreInput, trust: KeyTrustPolicy, f: Checked): SubmissionFileResult {
  const p = f.payload;
  const base = { fileName: f.fileName, sha256: f.sha256, unitCode: p.unit.code, unitName: p.unit.name, fingerprint: f.fingerprint };
  const refuse = (reason: RefusalReason, message: string, extra: Partial<SubmissionFileResult> = {}): SubmissionFileResult => ({
    ...base, status: 'refused', reason, message, ...extra,
  });

  const dup = db
    .prepare('SELECT s.received_on AS on_, u.name FROM district_submissions s JOIN units u ON u.id = s.unit_id WHERE s.sha256 = ?')
    .get(f.sha256) as { on_: string; name: string } | undefined;
  if (dup) return refuse('duplicate', R.duplicate(dup.name, formatViDate(dup.on_)));

  const unit = db.prepare('SELECT id, name, code FROM units WHERE code = ? AND is_home = 0').get(p.unit.code) as { id: number; name: string; code: string } | undefined;
  if (!unit) return refuse('unknownUnit', R.unknownUnit(p.unit.code, p.unit.name));
  base.unitName = unit.name;
  // Identity: the file's own name must be the register's name for that code, or confirmed by the clerk.
  const identityConfirmed = input.confirmedUnits.some(
    (c) => c.unitCode.trim().toUpperCase() === unit.code.toUpperCase() && (c.unitName === '' || sameName(c.unitName, p.unit.name)),
  );
  const renamed = !sameName(p.unit.name, unit.name);
  if (renamed && !identityConfirmed) return refuse('identity', vi.trust.identity.mismatch(p.unit.name, p.unit.code, unit.name), { fileUnitName: p.unit.name });

  const campaign = matchCampaign(db, p, input.campaignId);
  const stated = [p.campaign.directiveNumber, formatViDate(p.campaign.deadline)] as const;
  if (!campaign) return refuse(input.campaignId ? 'otherCampaign' : 'noCampaign', input.campaignId ? R.otherCampaign(...stated) : R.noCampaign(...stated));
  if (input.campaignId && campaign.id !== input.campaignId) return refuse('otherCampaign', R.otherCampaign(...stated), { campaignId: campaign.id });

  // A certificate chained to a trusted root names the unit: it replaces the fingerprint confirmation (key-trust.ts).
  if (f.signature && !organisationMatches(f.signature.organisation, unit.name)) {
    return refuse('signature', vi.signing.office.orgMismatch(f.signature.organisation, unit.name), { campaignId: campaign.id });
  }
  const decision = decideKeyTrust(db, unit, f, trust, f.signature !== undefined);
  if (decision.trust === 'refuse') {
    return refuse(decision.reason, decision.message, {
      campaignId: campaign.id, publicKey: f.publicKey, ...(decision.pinnedFingerprint ? { pinnedFingerprint: decision.pinnedFingerprint } : {}),
    });
  }

  const current = db
    .prepare('SELECT generated_at AS generatedAt, received_on AS firstOn FROM district_submissions WHERE campaign_id = ? AND unit_id = ? ORDER BY id DESC LIMIT 1')
    .get(campaign.id, unit.id) as { generatedAt: string; firstOn: string } | undefined;
  if (current && p.generatedAt < current.generatedAt) {
    return refuse('older', R.older(formatViDateTime(p.generatedAt), formatViDateTime(current.generatedAt)), { campaignId: campaign.id });
  }

  const now = ctx.now().toISOString();
  const today = toIsoDate(ctx.now());
  if (f.signature && decision.trust !== 'pinned') auditVouchedKey(db, ctx, unit, f.fingerprint, f.signature);
  const keyPinned = decision.trust === 'pin' || decision.trust === 'replace';
  const keyId =
    decision.trust === 'pin' ? pinFirstKey(db, ctx, unit, f, decision.how)
    : decision.trust === 'replace' ? replaceKeyByCertificate(db, ctx, unit, f, decision.pinnedId, decision.pinnedFingerprint)
    : decision.keyId;

  const first = db.prepare('SELECT min(received_on) AS d FROM district_submissions WHERE campaign_id = ? AND unit_id = ?').get(campaign.id, unit.id) as { d: string | null };
  const firstOn = first.d ?? today;
  const id = Number(
    db
      .prepare(
        `INSERT INTO district_submissions (campaign_id, unit_id, key_id, received_on, received_at, received_by, file_name, sha256, size, generated_at, matched_by, payload, file)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(campaign.id, unit.id, keyId, today, now, ctx.actor, f.fileName, f.sha256, f.bytes.length, p.generatedAt, campaign.by, JSON.stringify(p), f.bytes).lastInsertRowid,
  );
  if (f.signature) recordSignature(db, id, f.signature);
  const figure = db.prepare(
    `INSERT INTO district_submission_figures (submission_id, position, system_key, system_code, system_name, total, admin, user, done, late, missing, to_cancel,
       must_change, admin_to_cancel, admin_must_change, admin_done, admin_late, admin_missing)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  p.figures.bySystem.forEach((s, i) => {
    const a = s.byRole.admin;
    figure.run(
      id, i + 1, systemKey(s.systemCode, s.systemName), s.systemCode, s.systemName, s.total, s.admin, s.user, s.done, s.late, s.missing, s.toCancel,
      s.mustChange, a.toCancel, a.mustChange, a.done, a.late, a.missing,
    );
  });
  const d = p.figures.devices;
  db.prepare('INSERT INTO district_submission_devices (submission_id, devices, checked, licensed_av, infected, remediated) VALUES (?, ?, ?, ?, ?, ?)').run(
    id, d.devices, d.checked, d.licensedAv, d.infected, d.remediated,
  );
  writeAudit(db, ctx, {
    action: 'receive', entity: 'campaign', entityId: campaign.id, summary: R.auditAccept(unit.name, f.fileName),
    data: { unitId: unit.id, submissionId: id, sha256: f.sha256, fingerprint: f.fingerprint, matchedBy: campaign.by, figures: p.figures.overall },
  });
  const late = firstOn > campaign.deadline;
  const when = late ? vi.district.upload.lateBy(daysBetween(campaign.deadline, firstOn)) : vi.district.upload.onTime;
  const pinNote =
    f.signature ? vi.signing.office.accepted(f.signature.commonName, f.signature.organisation)
    : decision.trust === 'pin' ? (decision.how === 'confirmed' ? vi.trust.keys.pinnedBy(f.fingerprint) : vi.trust.keys.pinnedUnchecked(f.fingerprint)) : '';
  const message = (current ? R.replaced(unit.name, when) : R.accepted(unit.name, when)) + pinNote + (renamed ? vi.trust.identity.confirmed(p.unit.name, unit.name) : '');
  return {
    ...base, status: 'accepted', message, campaignId: campaign.id, submissionId: id, replaced: current !== undefined, keyPinned,
    receivedOn: today, late, figures: p.figures.overall as CampaignFigures,
  };
}

/** The worker's task: one file stored on the worker's own read-write connection. */
export interface StoreSubmissionTask {
  type: 'storeSubmission';
  dbFile: string;
  nativeBinding?: string | undefined;
  /** The call's context as plain data (its clock is a function and cannot cross). */
  who: { actor: string; at: string; shell: CallContext['shell']; dataFile: string; appVersion: string };
  input: StoreInput;
  /** The batch's key-trust policy as plain data; the batch's keys come back updated. */
  trust: PlainTrust;
  file: Checked;
}

export interface PlainTrust {
  confirmed: [string, string[]][];
  trustNewKeys: boolean;
  batch: [number, { fingerprint: string; fileName: string }][];
}

export interface StoredSubmission {
  result: SubmissionFileResult;
  batch: PlainTrust['batch'];
}

export const plainTrust = (t: KeyTrustPolicy): PlainTrust => ({
  confirmed: [...t.confirmed].map(([code, set]) => [code, [...set]]),
  trustNewKeys: t.trustNewKeys,
  batch: [...t.batch],
});

export function storeSubmissionTask(task: StoreSubmissionTask): StoredSubmission {
  const db = openDatabase(task.dbFile, task.nativeBinding ? { nativeBinding: task.nativeBinding } : {});
  try {
    const at = new Date(task.who.at);
    const ctx: CallContext = { actor: task.who.actor, shell: task.who.shell, dataFile: task.who.dataFile, appVersion: task.who.appVersion, now: () => at };
    const trust: KeyTrustPolicy = {
      confirmed: new Map(task.trust.confirmed.map(([code, list]) => [code, new Set(list)])),
      trustNewKeys: task.trust.trustNewKeys,
      batch: new Map(task.trust.batch),
    };
    // A Buffer posted to a worker arrives as a plain Uint8Array; SQLite binds a Buffer as a BLOB.
    const bytes = Buffer.from(task.file.bytes.buffer, task.file.bytes.byteOffset, task.file.bytes.byteLength);
    const result = db.transaction(() => storeFile(db, ctx, task.input, trust, { ...task.file, bytes })).immediate();
    return { result, batch: [...trust.batch] };
  } finally {
    db.close();
  }
}
