import { AttkError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import { emptyNarrative, NARRATIVE_FIELDS, type NarrativeField, type ReportNarrative } from '../../../shared/reports/narrative';
import type { CallContext } from '../api/types';
import { writeAudit } from '../audit/service';
import { getCampaign } from '../campaigns/service';
import type { Db } from '../db/open';

const COLUMN: Record<NarrativeField, string> = {
  kinhGui: 'kinh_gui', basis: 'basis', section1: 'section1', section5: 'section5', recipients: 'recipients', signerTitle: 'signer_title', signerName: 'signer_name',
};
const SELECT = `SELECT ${NARRATIVE_FIELDS.map((f) => `${COLUMN[f]} AS ${f}`).join(', ')} FROM report_narratives WHERE campaign_id = ?`;

/** The campaign's saved narrative; every field null (= generated text) when none was saved. */
export function getNarrative(db: Db, campaignId: number): ReportNarrative {
  return (db.prepare(SELECT).get(campaignId) as ReportNarrative | undefined) ?? emptyNarrative();
}

/**
 * Save the narrative (inside the dispatcher's write transaction) with an audit row holding the
 * fields before and after. Refused once the report was sent: the text the receiving office holds
 * is then fixed. (A reported but unsent report may still be reworded before it goes out.)
 */
export function saveNarrative(db: Db, ctx: CallContext, input: { campaignId: number } & ReportNarrative): ReportNarrative {
  const campaign = getCampaign(db, input.campaignId, ['campaignId']);
  if (campaign.status === 'sent') throw new AttkError('CONFLICT', vi.documents.narrative.sentLocked, ['campaignId']);
  const before = getNarrative(db, input.campaignId);
  const after = Object.fromEntries(NARRATIVE_FIELDS.map((f) => [f, input[f]])) as ReportNarrative;
  db.prepare(
    `INSERT INTO report_narratives (campaign_id, ${NARRATIVE_FIELDS.map((f) => COLUMN[f]).join(', ')}, updated_at, updated_by)
     VALUES (@campaignId, ${NARRATIVE_FIELDS.map((f) => `@${f}`).join(', ')}, @now, @actor)
     ON CONFLICT (campaign_id) DO UPDATE SET ${NARRATIVE_FIELDS.map((f) => `${COLUMN[f]} = excluded.${COLUMN[f]}`).join(', ')},
       updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run({ campaignId: input.campaignId, ...after, now: ctx.now().toISOString(), actor: ctx.actor });
  const changed = NARRATIVE_FIELDS.filter((f) => after[f] !== null);
  const labels = vi.documents.narrative;
  const names: Record<NarrativeField, string> = {
    kinhGui: labels.kinhGui, basis: labels.basis, section1: labels.section1, section5: labels.section5, recipients: labels.recipients,
    signerTitle: labels.signerTitle, signerName: labels.signerName,
  };
  writeAudit(db, ctx, {
    action: 'update', entity: 'campaign', entityId: input.campaignId,
    summary: labels.auditSummary(changed.map((f) => names[f])), data: { narrative: { before, after } },
  });
  return after;
}
