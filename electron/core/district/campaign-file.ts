import { decodeBase64 } from '../import/base64';
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { z } from 'zod';
import { toIsoDate } from '../../../shared/dates';
import {
  CAMPAIGN_FILE_FORMAT, CAMPAIGN_FILE_VERSION, CampaignFileEnvelope, CampaignFilePayload, MAX_CAMPAIGN_FILE_BYTES,
  type CampaignFileExport, type CampaignFileImportResult, type CampaignFilePreview,
} from '../../../shared/district/schema';
import { AttkError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import { foldForSearch } from '../../../shared/text/vietnamese';
import type { CallContext } from '../api/types';
import { writeAudit } from '../audit/service';
import { getCampaign } from '../campaigns/service';
import type { Db } from '../db/open';
import { getLegalDocuments } from '../legal/service';
import { fingerprintOf, loadOrCreateUnitKey, signPayload, verifyPayload } from '../reports/keys';
import { publishOutputSync } from '../output/publish';
import { exportsDir } from '../reports/service';
import { getHomeUnit } from '../unit/service';
import { expectedUnitIds, readDistrictSettings } from './register';

// The campaign file going down (PRODUCT.md "Campaign file"): the receiving office defines a
// campaign once and sends units a small signed JSON file; a unit imports it and gets the same
// campaign (directive, legal basis, systems with their intervals, dates) and the office's
// `reference`, which its report payload then carries back — so files coming up match by reference.

const T = vi.district.campaignFile;

// ---- office side ------------------------------------------------------------------------------

/** Sign and write the campaign file (sets the campaign's reference on first export). Runs inside the write transaction. */
export function exportCampaignFile(db: Db, dbFile: string, ctx: CallContext, campaignId: number): CampaignFileExport {
  let campaign = getCampaign(db, campaignId, ['campaignId']);
  const home = getHomeUnit(db);
  if (!home) throw new AttkError('VALIDATION', vi.errors.noHomeUnit);
  if (!campaign.reference) {
    db.prepare('UPDATE campaigns SET reference = ?, updated_at = ? WHERE id = ?').run(randomUUID(), ctx.now().toISOString(), campaignId);
    campaign = getCampaign(db, campaignId, ['campaignId']);
  }
  const reference = campaign.reference!;
  const settings = readDistrictSettings(db);
  const systems = db
    .prepare(
      `SELECT s.code, s.name, s.managing_agency AS managingAgency, s.admin_interval_months AS adminIntervalMonths,
         s.user_interval_months AS userIntervalMonths, s.requires_licensed_av AS av, s.requires_site_to_site_vpn AS s2s
       FROM campaign_systems cs JOIN systems s ON s.id = cs.system_id WHERE cs.campaign_id = ? ORDER BY s.sort_order, s.id`,
    )
    .all(campaignId) as { code: string; name: string; managingAgency: string; adminIntervalMonths: number; userIntervalMonths: number; av: number; s2s: number }[];
  if (systems.length === 0) throw new AttkError('VALIDATION', T.draftOnly, ['campaignId']);
  const ids = expectedUnitIds(db, campaignId);
  const units = ids.length
    ? (db.prepare(`SELECT code, name, kind FROM units WHERE is_home = 0 AND id IN (${ids.map(() => '?').join(',')}) ORDER BY code`).all(...ids) as CampaignFilePayload['units'])
    : [];
  const payload: CampaignFilePayload = {
    reference,
    issuedAt: ctx.now().toISOString(),
    office: { code: home.code, name: home.name, parentBody: home.parentBody, level: settings.officeLevel, address: settings.officeAddress },
    campaign: {
      directiveNumber: campaign.directiveNumber, directiveDate: campaign.directiveDate, issuer: campaign.issuer, subject: campaign.subject,
      startDate: campaign.startDate, deadline: campaign.deadline, note: campaign.note,
    },
    // Rule 7: the office decides which systems' data connections must use site-to-site VPN; units apply it on import.
    systems: systems.map(({ av, s2s, ...s }) => ({ ...s, requiresLicensedAv: av === 1, requiresSiteToSiteVpn: s2s === 1 })),
    legal: getLegalDocuments(db, campaign.legalIds, toIsoDate(ctx.now())).map((d) => ({
      kind: d.kind, number: d.number, issuedOn: d.issuedOn, issuer: d.issuer, title: d.title, effectiveFrom: d.effectiveFrom, effectiveTo: d.effectiveTo,
    })),
    units: units.map((u) => ({ ...u, kind: u.kind === ('home' as string) ? 'office' : u.kind })),
  };
  const key = loadOrCreateUnitKey(db, dbFile, ctx.now());
  const json = JSON.stringify(payload);
  const envelope: z.infer<typeof CampaignFileEnvelope> = {
    format: CAMPAIGN_FILE_FORMAT, version: CAMPAIGN_FILE_VERSION, payload: json,
    publicKey: key.publicKeyDer.toString('base64'), fingerprint: key.fingerprint, signature: signPayload(key, json),
  };
  const data = Buffer.from(`${JSON.stringify(envelope, null, 2)}\n`, 'utf8');
  const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40) || 'x';
  const fileName = T.fileName(safe(home.code), safe(foldForSearch(campaign.directiveNumber).toUpperCase()));
  const dir = exportsDir(dbFile);
  mkdirSync(dir, { recursive: true });
  // A fresh name in exports/ (a second export of the same campaign gets -2): never replaces a file.
  const filePath = publishOutputSync(join(dir, fileName), data, { dbFile, mode: 'unique' });
  writeAudit(db, ctx, { action: 'export', entity: 'campaign', entityId: campaignId, summary: T.auditExport(reference), data: { fileName: basename(filePath), units: units.length, fingerprint: key.fingerprint } });
  return { fileName, filePath, dataBase64: data.toString('base64'), reference, fingerprint: key.fingerprint };
}

// ---- unit side --------------------------------------------------------------------------------

export interface ParsedCampaignFile {
  payload: CampaignFilePayload;
  fingerprint: string;
  sha256: string;
}

/** Decode, check the office's Ed25519 signature (with the key the file carries) and the payload's shape. */
export function parseCampaignFile(fileName: string, dataBase64: string): ParsedCampaignFile {
  const bytes = decodeBase64(dataBase64);
  if (!bytes) throw new AttkError('VALIDATION', vi.district.result.badBase64(fileName), ['dataBase64']);
  if (bytes.length > MAX_CAMPAIGN_FILE_BYTES) throw new AttkError('VALIDATION', T.tooLarge(fileName), ['dataBase64']);
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    throw new AttkError('VALIDATION', T.notJson(fileName), ['dataBase64']);
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== CAMPAIGN_FILE_FORMAT) {
    throw new AttkError('VALIDATION', T.notJson(fileName), ['dataBase64']);
  }
  if ((raw as { version?: unknown }).version !== CAMPAIGN_FILE_VERSION) throw new AttkError('VALIDATION', T.badVersion((raw as { version?: unknown }).version), ['dataBase64']);
  const envelope = CampaignFileEnvelope.safeParse(raw);
  if (!envelope.success) throw new AttkError('VALIDATION', T.badContent(fileName, envelope.error.issues[0]?.path.join('.') ?? ''), ['dataBase64']);
  const e = envelope.data;
  if (!verifyPayload(e.publicKey, e.payload, e.signature)) throw new AttkError('VALIDATION', T.badSignature(fileName), ['dataBase64']);
  const fingerprint = fingerprintOf(Buffer.from(e.publicKey, 'base64'));
  if (fingerprint !== e.fingerprint) throw new AttkError('VALIDATION', T.badSignature(fileName), ['dataBase64']);
  let payloadRaw: unknown;
  try {
    payloadRaw = JSON.parse(e.payload);
  } catch {
    throw new AttkError('VALIDATION', T.badContent(fileName, 'payload'), ['dataBase64']);
  }
  const payload = CampaignFilePayload.safeParse(payloadRaw);
  if (!payload.success) throw new AttkError('VALIDATION', T.badContent(fileName, payload.error.issues[0]?.path.join('.') ?? ''), ['dataBase64']);
  if (payload.data.campaign.deadline < payload.data.campaign.startDate) throw new AttkError('VALIDATION', T.badContent(fileName, 'deadline'), ['dataBase64']);
  return { payload: payload.data, fingerprint, sha256: createHash('sha256').update(bytes).digest('hex') };
}

interface SystemRow {
  id: number;
  code: string;
  name: string;
  s2s: number;
}

const SYSTEM_ROWS = 'SELECT id, code, name, requires_site_to_site_vpn AS s2s FROM systems';

/** The file states the setting (files from before issue 21 do not) and it differs from the unit's. */
const siteToSiteChanges = (m: SystemRow, wanted: { requiresSiteToSiteVpn?: boolean | undefined }) =>
  wanted.requiresSiteToSiteVpn !== undefined && (m.s2s === 1) !== wanted.requiresSiteToSiteVpn;

/** The unit's system for one of the file's: same code (when both have one), else same name (folded). */
function matchSystem(systems: SystemRow[], wanted: { code: string; name: string }): SystemRow | undefined {
  const code = wanted.code.trim().toUpperCase();
  return (code ? systems.find((s) => s.code.trim().toUpperCase() === code) : undefined) ?? systems.find((s) => foldForSearch(s.name) === foldForSearch(wanted.name));
}

/** The latest version of a register document with the same number (folded) and date. */
function matchLegal(db: Db, doc: { number: string; issuedOn: string | null }): number | undefined {
  const rows = db.prepare('SELECT id, doc_key AS docKey, version, number, issued_on AS issuedOn FROM legal_documents ORDER BY doc_key, version DESC').all() as {
    id: number; docKey: number; version: number; number: string; issuedOn: string | null;
  }[];
  const wanted = foldForSearch(doc.number).replace(/\s+/g, '');
  const hit = rows.find((r) => foldForSearch(r.number).replace(/\s+/g, '') === wanted && (r.issuedOn ?? null) === (doc.issuedOn ?? null));
  if (!hit) return undefined;
  return rows.find((r) => r.docKey === hit.docKey)!.id;
}

function unitListed(payload: CampaignFilePayload, code: string): boolean {
  return payload.units.length === 0 || payload.units.some((u) => u.code.toUpperCase() === code.toUpperCase());
}

export function previewCampaignFile(db: Db, parsed: ParsedCampaignFile): CampaignFilePreview {
  const { payload } = parsed;
  const home = getHomeUnit(db);
  if (!home) throw new AttkError('VALIDATION', vi.errors.noHomeUnit);
  const systems = db.prepare(SYSTEM_ROWS).all() as SystemRow[];
  const existing = db.prepare('SELECT id, status FROM campaigns WHERE reference = ?').get(payload.reference) as { id: number; status: string } | undefined;
  const previous = db
    .prepare('SELECT office_fingerprint AS fp FROM campaign_file_imports WHERE office_code = ? AND office_fingerprint <> ? ORDER BY id DESC LIMIT 1')
    .get(payload.office.code, parsed.fingerprint) as { fp: string } | undefined;
  return {
    reference: payload.reference,
    office: payload.office,
    campaign: payload.campaign,
    fingerprint: parsed.fingerprint,
    previousFingerprint: previous?.fp ?? null,
    systems: payload.systems.map((s) => {
      const m = matchSystem(systems, s);
      const vpn = s.requiresSiteToSiteVpn === undefined ? {} : { requiresSiteToSiteVpn: s.requiresSiteToSiteVpn };
      return m
        ? { name: s.name, code: s.code, action: 'matched' as const, matchedName: m.name, ...vpn, siteToSiteChanges: siteToSiteChanges(m, s) }
        : { name: s.name, code: s.code, action: 'create' as const, ...vpn };
    }),
    legal: payload.legal.map((d) => ({ number: d.number, action: matchLegal(db, d) ? ('exists' as const) : ('add' as const) })),
    units: payload.units,
    homeUnitCode: home.code,
    homeCodeListed: unitListed(payload, home.code),
    existingCampaignId: existing?.id ?? null,
    existingLocked: existing ? existing.status === 'reported' || existing.status === 'sent' : false,
  };
}

/** Set the campaign up as the file says (inside the write transaction). */
export function importCampaignFile(db: Db, ctx: CallContext, parsed: ParsedCampaignFile, unitCode: string, confirmUnitCode = ''): CampaignFileImportResult {
  const { payload } = parsed;
  const home = getHomeUnit(db);
  if (!home) throw new AttkError('VALIDATION', vi.errors.noHomeUnit);
  const now = ctx.now().toISOString();

  // The unit's code must be one the office registered, so the file it sends back is recognised.
  let unitCodeChanged: CampaignFileImportResult['unitCodeChanged'] = null;
  if (!unitListed(payload, home.code)) {
    if (!unitCode) throw new AttkError('VALIDATION', T.unitNotListed(home.code), ['unitCode']);
    const listed = payload.units.find((u) => u.code.toUpperCase() === unitCode.toUpperCase());
    if (!listed) throw new AttkError('VALIDATION', T.unitCodeNotInFile(unitCode), ['unitCode']);
    if (db.prepare('SELECT 1 FROM units WHERE code = ? AND is_home = 0').get(listed.code)) throw new AttkError('CONFLICT', T.unitCodeTaken(listed.code), ['unitCode']);
    // Issue 15: the code of the unit itself never changes without the clerk confirming that unit, by name.
    if (confirmUnitCode.trim().toUpperCase() !== listed.code.toUpperCase()) {
      throw new AttkError('VALIDATION', confirmUnitCode ? vi.trust.identity.confirmMismatch(listed.code, confirmUnitCode) : vi.trust.identity.confirmNeeded(home.code, listed.code, listed.name), ['confirmUnitCode']);
    }
    db.prepare('UPDATE units SET code = ?, updated_at = ? WHERE id = ?').run(listed.code, now, home.id);
    unitCodeChanged = { from: home.code, to: listed.code };
    writeAudit(db, ctx, { action: 'update', entity: 'unit', entityId: home.id, summary: T.auditCode(home.code, listed.code), data: unitCodeChanged });
  }

  // Systems: matched by code, else by name; missing ones are created with the file's intervals.
  const systems = db.prepare(SYSTEM_ROWS).all() as SystemRow[];
  const systemsCreated: string[] = [];
  const siteToSiteApplied: CampaignFileImportResult['siteToSiteApplied'] = [];
  const systemIds: number[] = [];
  for (const s of payload.systems) {
    const m = matchSystem(systems, s);
    if (m) {
      if (!systemIds.includes(m.id)) systemIds.push(m.id);
      // Rule 7 (seed 000): the office's setting applies, audited with the unit's previous value.
      if (siteToSiteChanges(m, s)) {
        const on = s.requiresSiteToSiteVpn === true;
        db.prepare('UPDATE systems SET requires_site_to_site_vpn = ?, updated_at = ? WHERE id = ?').run(on ? 1 : 0, now, m.id);
        m.s2s = on ? 1 : 0;
        siteToSiteApplied.push({ name: m.name, requiresSiteToSiteVpn: on });
        writeAudit(db, ctx, {
          action: 'update', entity: 'system', entityId: m.id, summary: vi.districtNotices.campaignFile.audit(m.name, on, payload.office.name),
          data: { requiresSiteToSiteVpn: { from: !on, to: on }, reference: payload.reference },
        });
      }
      continue;
    }
    const order = (db.prepare('SELECT coalesce(max(sort_order), 0) + 1 AS n FROM systems').get() as { n: number }).n;
    const r = db
      .prepare(
        `INSERT INTO systems (code, name, managing_agency, admin_interval_months, user_interval_months, requires_licensed_av, requires_site_to_site_vpn,
           active, sort_order, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
      )
      .run(s.code, s.name, s.managingAgency, s.adminIntervalMonths, s.userIntervalMonths, s.requiresLicensedAv ? 1 : 0, s.requiresSiteToSiteVpn ? 1 : 0, order, now);
    const id = Number(r.lastInsertRowid);
    systems.push({ id, code: s.code, name: s.name, s2s: s.requiresSiteToSiteVpn ? 1 : 0 });
    systemIds.push(id);
    systemsCreated.push(s.name);
    writeAudit(db, ctx, { action: 'create', entity: 'system', entityId: id, summary: s.name, data: s });
  }

  // Legal basis: documents the register lacks are added (version 1 of a new document).
  const legalAdded: string[] = [];
  const legalIds: number[] = [];
  for (const d of payload.legal) {
    let id = matchLegal(db, d);
    if (!id) {
      const r = db
        .prepare(
          `INSERT INTO legal_documents (doc_key, version, kind, number, issued_on, issuer, title, effective_from, effective_to, note, created_at)
           VALUES (0, 1, ?, ?, ?, ?, ?, ?, ?, '', ?)`,
        )
        .run(d.kind, d.number, d.issuedOn, d.issuer, d.title, d.effectiveFrom, d.effectiveTo, now);
      id = Number(r.lastInsertRowid);
      db.prepare('UPDATE legal_documents SET doc_key = id WHERE id = ?').run(id);
      legalAdded.push(d.number);
      writeAudit(db, ctx, { action: 'create', entity: 'legal', entityId: id, summary: d.number, data: d });
    }
    if (!legalIds.includes(id)) legalIds.push(id);
  }

  const c = payload.campaign;
  const fields = {
    directiveNumber: c.directiveNumber, directiveDate: c.directiveDate, issuer: c.issuer, subject: c.subject, startDate: c.startDate,
    deadline: c.deadline, recipient: payload.office.name, note: c.note, now,
  };
  const existing = db.prepare('SELECT id, status FROM campaigns WHERE reference = ?').get(payload.reference) as { id: number; status: string } | undefined;
  let campaignId: number;
  if (existing) {
    if (existing.status === 'reported' || existing.status === 'sent') throw new AttkError('CONFLICT', T.locked, ['dataBase64']);
    db.prepare(
      `UPDATE campaigns SET directive_number = @directiveNumber, directive_date = @directiveDate, issuer = @issuer, subject = @subject,
         start_date = @startDate, deadline = @deadline, recipient = @recipient, note = @note, updated_at = @now WHERE id = @id`,
    ).run({ ...fields, id: existing.id });
    campaignId = existing.id;
  } else {
    // The directive has arrived: the campaign starts at once (the unit may still edit it, as any campaign in progress).
    const r = db
      .prepare(
        `INSERT INTO campaigns (directive_number, directive_date, issuer, subject, start_date, deadline, recipient, note, status, started_on, reference, created_at, updated_at)
         VALUES (@directiveNumber, @directiveDate, @issuer, @subject, @startDate, @deadline, @recipient, @note, 'in_progress', @today, @reference, @now, @now)`,
      )
      .run({ ...fields, today: toIsoDate(ctx.now()), reference: payload.reference });
    campaignId = Number(r.lastInsertRowid);
  }
  db.prepare('DELETE FROM campaign_systems WHERE campaign_id = ?').run(campaignId);
  db.prepare('DELETE FROM campaign_legal_basis WHERE campaign_id = ?').run(campaignId);
  const addSystem = db.prepare('INSERT INTO campaign_systems (campaign_id, system_id) VALUES (?, ?)');
  for (const id of systemIds) addSystem.run(campaignId, id);
  const addLegal = db.prepare('INSERT INTO campaign_legal_basis (campaign_id, legal_document_id, position) VALUES (?, ?, ?)');
  legalIds.forEach((id, i) => addLegal.run(campaignId, id, i + 1));

  db.prepare(
    `INSERT INTO campaign_file_imports (campaign_id, reference, office_code, office_name, office_fingerprint, sha256, imported_at, imported_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(campaignId, payload.reference, payload.office.code, payload.office.name, parsed.fingerprint, parsed.sha256, now, ctx.actor);
  const campaign = getCampaign(db, campaignId);
  writeAudit(db, ctx, {
    action: existing ? 'update' : 'create', entity: 'campaign', entityId: campaignId, summary: T.auditImport(payload.office.name, payload.reference),
    data: { reference: payload.reference, fingerprint: parsed.fingerprint, sha256: parsed.sha256, systemsCreated, siteToSiteApplied, legalAdded },
  });
  return { campaign, created: !existing, systemsCreated, siteToSiteApplied, legalAdded, unitCodeChanged, fingerprint: parsed.fingerprint };
}
