import { toIsoDate } from '../../../shared/dates';
import { AttkError } from '../../../shared/errors';
import { connectionReportFigures, connectionReportRows, noticeBasis, securityReportFigures } from './notice-figures';
import { vi } from '../../../shared/i18n/vi';
import { cancellationDocument, reportDocument, signSheetDocument, type DocumentKind, type OfficialDocument, type SignSheetData, type SignSheetRow } from '../../../shared/reports/document';
import type { ReportData } from '../../../shared/reports/schema';
import { getCampaign, params, STATED_SQL } from '../campaigns/service';
import type { Db } from '../db/open';
import { getLegalDocuments } from '../legal/service';
import { getHomeUnit } from '../unit/service';
import { cancellationRows, reportContext } from './data';
import { renderDocx } from './docx';
import { lastExportFingerprint, loadOrCreateUnitKey } from './keys';
import { getNarrative } from './narrative';

/** What the print views and the Word files show: the one read behind both (figures, lists, saved narrative). */
export function readReportData(db: Db, env: { file: string }, campaignId: number, today: string): ReportData {
  const rctx = reportContext(db, campaignId, today);
  const lastExport = db
    .prepare("SELECT exported_at AS exportedAt, sha256 FROM report_exports WHERE campaign_id = ? AND kind = 'report' ORDER BY id DESC LIMIT 1")
    .get(campaignId) as { exportedAt: string; sha256: string } | undefined;
  return {
    unit: rctx.unit,
    campaign: rctx.campaign,
    legal: rctx.legal,
    progress: rctx.progress,
    toCancel: cancellationRows(db, rctx.campaign),
    fingerprint: loadOrCreateUnitKey(db, env.file).fingerprint,
    previousFingerprint: lastExportFingerprint(db),
    amendments: rctx.amendments,
    devices: rctx.devices,
    devicesBySystem: rctx.devicesBySystem,
    deviceCheckMonths: rctx.deviceCheckMonths,
    documentDate: rctx.documentDate,
    connections: connectionReportFigures(db, today),
    connectionRows: connectionReportRows(db, today),
    security: securityReportFigures(db, today),
    noticeBasis: { connections: noticeBasis(db, 'connectionsLegalKeys'), security: noticeBasis(db, 'securityLegalKeys') },
    lastExport: lastExport ?? null,
    narrative: getNarrative(db, campaignId),
    today,
  };
}

/**
 * The sign sheet's rows: every in-scope account except the leavers' (they are to be cancelled,
 * not confirmed), in the checklist's order (person, system, login); optionally one unit's.
 */
export function readSignSheetData(db: Db, campaignId: number, today: string, unitId?: number): SignSheetData {
  const unit = getHomeUnit(db);
  if (!unit) throw new AttkError('VALIDATION', vi.errors.noHomeUnit);
  const campaign = getCampaign(db, campaignId, ['campaignId']);
  const rows = db
    .prepare(
      `SELECT accountId, personId, personName, position, department, systemName, loginName, role
       FROM (${STATED_SQL}) WHERE state <> 'to_cancel' ${unitId ? 'AND unitId = @unitId' : ''}
       ORDER BY sortKey, systemOrder, loginName`,
    )
    .all({ ...params(campaign), ...(unitId ? { unitId } : {}) }) as SignSheetRow[];
  return {
    unit, campaign, rows, narrative: getNarrative(db, campaignId), legal: getLegalDocuments(db, campaign.legalIds, today),
    toCancel: cancellationRows(db, campaign),
  };
}

/**
 * The most accounts a Word sign sheet holds. The docx library builds the whole document in memory:
 * measured on the district demo, 29,000 accounts took 5 minutes and 4.2 GB; a sheet people sign by
 * hand is printed per unit anyway (the checklist's unit filter), a few hundred rows each.
 */
export const SIGN_SHEET_DOCX_MAX = 3000;

export function officialDocument(db: Db, env: { file: string }, kind: DocumentKind, campaignId: number, today: string, unitId?: number): OfficialDocument {
  if (kind === 'sign-sheet') {
    const data = readSignSheetData(db, campaignId, today, unitId);
    if (data.rows.length > SIGN_SHEET_DOCX_MAX) throw new AttkError('VALIDATION', vi.documents.word.signSheetTooLarge(data.rows.length, SIGN_SHEET_DOCX_MAX), ['unitId']);
    return signSheetDocument(data);
  }
  const data = readReportData(db, env, campaignId, today);
  return kind === 'report' ? reportDocument(data) : cancellationDocument(data);
}

/** The Word file of a document, built from the same model as its print view. */
export async function documentDocx(
  db: Db, env: { file: string }, input: { campaignId: number; kind: DocumentKind; unitId?: number | undefined; now: Date },
): Promise<{ fileName: string; data: Buffer; document: OfficialDocument }> {
  const document = officialDocument(db, env, input.kind, input.campaignId, toIsoDate(input.now), input.unitId);
  const data = await renderDocx(document, { creator: vi.app.name, created: input.now });
  const unit = getHomeUnit(db);
  const stamp = input.now.toISOString().slice(0, 19).replace(/[-:T]/g, '');
  const fileName = vi.documents.word.fileName(vi.documents.word.kinds[input.kind] ?? input.kind, (unit?.code ?? '').replace(/[^A-Za-z0-9_-]/g, '_'), stamp);
  return { fileName, data, document };
}
