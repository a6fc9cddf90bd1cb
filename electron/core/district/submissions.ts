import { decodeBase64 } from '../import/base64';
import { createHash } from 'node:crypto';
import type { ParsedInputOf } from '../../../shared/api/contract';
import type { CampaignFigures } from '../../../shared/campaigns/rules';
import { formatViDate, formatViDateTime, toIsoDate, daysBetween } from '../../../shared/dates';
import { MAX_UPLOAD_BYTES, type RefusalReason, type SubmissionFileResult, type SubmissionImportResult } from '../../../shared/district/schema';
import { vi } from '../../../shared/i18n/vi';
import { isReadableReportSchema, REPORT_SCHEMA_VERSION, type ReportPayload } from '../../../shared/reports/schema';
import { foldForSearch } from '../../../shared/text/vietnamese';
import type { CallContext } from '../api/types';
import { writeAudit } from '../audit/service';
import type { Db } from '../db/open';
import { ImportFileError } from '../import/problems';
import { verifyReportSafely } from '../import/run-reader';
import type { Progress } from '../jobs/runner';
import { auditVouchedKey, isPdf, officeRoots, openSignedPdf, organisationMatches, recordSignature, type PdfSignature } from './signed-submission';
import { decideKeyTrust, keyTrustPolicy, pinFirstKey, replaceKeyByCertificate, type KeyTrustPolicy } from './key-trust';

// Unit files coming up (PRODUCT.md "Consolidation"). Each file, one after another:
//  1. off any transaction, in the file worker (off the main thread): base64 → bytes, SHA-256, the
//     import's zip pre-scan (entry count, inflated size, CRC, no ../ names, no cell over 32,767
//     characters), then the report verification (schema version, row counts, the
//     SHA-256 of every visible cell and the Ed25519 signature of the hidden sheet);
//  2. in one short IMMEDIATE transaction of its own: duplicate (same SHA-256 stored), unit known to
//     the register and named as the register names it (or confirmed), campaign (by reference, else
//     directive number + deadline), the unit's pinned key (key-trust.ts: a first key only on the
//     clerk's confirmation, a pinned key never replaced here), not older than the file it would
//     replace — then the submission, its figures per system and an audit row.
// A signed report PDF (signed-submission.ts) is checked first against the office's trusted roots;
// the workbook it carries then goes through the same steps, and a valid certificate chain whose
// organisation is the register's unit stands in for the clerk's key confirmation.
// A refused file writes nothing and never stops the others.

const R = vi.district.result;
type Input = ParsedInputOf<'district.importFiles'>;

interface Checked {
  fileName: string;
  sha256: string;
  bytes: Buffer;
  payload: ReportPayload;
  publicKey: string;
  fingerprint: string;
  /** Present when the file was a signed PDF: `bytes`/`sha256` are the PDF's, the payload its workbook's. */
  signature?: PdfSignature;
}

type Refusal = { refused: SubmissionFileResult };

function refusal(fileName: string, sha256: string | null, reason: RefusalReason, message: string, extra: Partial<SubmissionFileResult> = {}): Refusal {
  return { refused: { fileName, status: 'refused', reason, message, sha256, ...extra } };
}

/** Step 1: everything that can be known from the file alone. */
async function checkFile(file: { fileName: string; dataBase64: string }, roots: Buffer[], now: Date): Promise<Checked | Refusal> {
  const { fileName } = file;
  const bytes = decodeBase64(file.dataBase64);
  if (!bytes) return refusal(fileName, null, 'unreadable', R.badBase64(fileName));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (bytes.length > MAX_UPLOAD_BYTES) return refusal(fileName, sha256, 'unreadable', vi.import.fileErrors.tooLarge(fileName, { limit: MAX_UPLOAD_BYTES }));
  let signature: PdfSignature | undefined;
  let workbook: Buffer = bytes;
  if (isPdf(bytes)) {
    const pdf = await openSignedPdf(fileName, bytes, roots, now);
    if (!pdf.ok) return refusal(fileName, sha256, 'signature', pdf.message);
    signature = pdf.signature;
    workbook = pdf.workbook;
  }
  // The pre-scan and the verification read the file in the file worker, off the main thread.
  let verified;
  try {
    verified = await verifyReportSafely(workbook);
  } catch (error) {
    if (error instanceof ImportFileError) {
      const message = vi.import.fileErrors[error.problem.code](fileName, error.problem.detail ?? {});
      return refusal(fileName, sha256, 'unreadable', message);
    }
    return refusal(fileName, sha256, 'unreadable', R.unreadable(fileName));
  }
  const t = vi.reports.verify;
  if (verified.problems[0] === t.notAttk) return refusal(fileName, sha256, 'notReport', R.notAttk(fileName));
  const payload = verified.payload;
  // A file from another version of ATTK: say so, rather than "altered" (schema 3 is still read: see READABLE_REPORT_SCHEMAS).
  if (payload && !isReadableReportSchema(payload.schemaVersion)) return refusal(fileName, sha256, 'notReport', t.schema(payload.schemaVersion, REPORT_SCHEMA_VERSION));
  if (!verified.ok || !payload || !verified.publicKey || !verified.fingerprint) {
    return refusal(fileName, sha256, 'altered', R.altered(verified.problems.join(' ')), payload ? { unitCode: payload.unit?.code, unitName: payload.unit?.name } : {});
  }
  if (payload.kind !== 'report') return refusal(fileName, sha256, 'notReport', R.cancellationsOnly(fileName), { unitCode: payload.unit.code, unitName: payload.unit.name });
  return { fileName, sha256, bytes, payload, publicKey: verified.publicKey, fingerprint: verified.fingerprint, ...(signature ? { signature } : {}) };
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
function storeFile(db: Db, ctx: CallContext, input: Input, trust: KeyTrustPolicy, f: Checked): SubmissionFileResult {
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

/** The job: files in the order given, each verified then stored on its own; returns every file's outcome. */
export async function importSubmissions(db: Db, ctx: CallContext, input: Input, progress: Progress): Promise<SubmissionImportResult> {
  const started = performance.now();
  const trust = keyTrustPolicy(input.confirmedKeys, input.trustNewKeys);
  const results: SubmissionFileResult[] = [];
  const seen = new Map<string, string>();
  const total = input.files.length;
  const roots = officeRoots(db);
  for (const [i, file] of input.files.entries()) {
    progress(i, total);
    const checked = await checkFile(file, roots, ctx.now());
    let result: SubmissionFileResult;
    if ('refused' in checked) result = checked.refused;
    else if (seen.has(checked.sha256)) {
      result = { fileName: file.fileName, status: 'refused', reason: 'duplicate', message: R.duplicateInBatch(seen.get(checked.sha256)!), sha256: checked.sha256, unitCode: checked.payload.unit.code, unitName: checked.payload.unit.name };
    } else {
      result = db.transaction(() => storeFile(db, ctx, input, trust, checked)).immediate();
    }
    if (result.sha256 && !seen.has(result.sha256)) seen.set(result.sha256, file.fileName);
    results.push(result);
  }
  progress(total, total);
  const accepted = results.filter((r) => r.status === 'accepted').length;
  return { results, accepted, refused: results.length - accepted, ms: Math.round(performance.now() - started) };
}
