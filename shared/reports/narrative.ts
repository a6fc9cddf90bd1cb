import { z } from 'zod';
import { id, multilineText } from '../schema/fields';

/**
 * The words of a campaign's report that the unit may change before signing (the way an office
 * finishes every document in Word): Kính gửi, the "Căn cứ" lines, section I, section V, Nơi nhận,
 * the signer's title and name. Figures, tables and lists are never part of it — they are always
 * generated from the data. A field that is null follows the generated text (which moves with the
 * data, e.g. section V names the number of accounts to cancel); a string replaces it.
 */
export const NARRATIVE_FIELDS = ['kinhGui', 'basis', 'section1', 'section5', 'recipients', 'signerTitle', 'signerName'] as const;
export type NarrativeField = (typeof NARRATIVE_FIELDS)[number];
export type ReportNarrative = Record<NarrativeField, string | null>;
/** The text a document prints: every field resolved (saved, else generated). */
export type EffectiveNarrative = Record<NarrativeField, string>;

export const NARRATIVE_LIMITS: Record<NarrativeField, number> = {
  kinhGui: 300, basis: 3000, section1: 6000, section5: 6000, recipients: 1000, signerTitle: 200, signerName: 120,
};

export const NarrativeGetInput = z.strictObject({ campaignId: id });
export const NarrativeSaveInput = z.strictObject({
  campaignId: id,
  ...(Object.fromEntries(NARRATIVE_FIELDS.map((f) => [f, multilineText(NARRATIVE_LIMITS[f])])) as Record<NarrativeField, ReturnType<typeof multilineText>>),
});
export type NarrativeSaveInput = z.input<typeof NarrativeSaveInput>;

export const emptyNarrative = (): ReportNarrative => ({ kinhGui: null, basis: null, section1: null, section5: null, recipients: null, signerTitle: null, signerName: null });

/** Saved fields over the generated ones. */
export function resolveNarrative(saved: ReportNarrative, generated: EffectiveNarrative): EffectiveNarrative {
  return Object.fromEntries(NARRATIVE_FIELDS.map((f) => [f, saved[f] ?? generated[f]])) as EffectiveNarrative;
}

/**
 * What to save from an editor's text: a field left equal to the generated text is stored as null,
 * so it keeps following the data (the editor shows the generated text to start from).
 */
export function narrativeOverrides(edited: EffectiveNarrative, generated: EffectiveNarrative): ReportNarrative {
  const norm = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean).join('\n');
  return Object.fromEntries(NARRATIVE_FIELDS.map((f) => [f, norm(edited[f]) === norm(generated[f]) ? null : edited[f]])) as ReportNarrative;
}

/** Lines of a multi-line field ("" → none). */
export const lines = (s: string): string[] => s.split('\n').map((l) => l.trim()).filter(Boolean);
