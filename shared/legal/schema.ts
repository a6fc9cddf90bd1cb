import { z } from 'zod';
import { choice, id, isoDate, optionalIsoDate, optionalText, nameText, optionalNameText } from '../schema/fields';

// The legal basis (căn cứ) a report cites. Laws change (a new Cybersecurity Law took effect in
// 2026): the register is editable and versioned — a revision adds a new version and keeps the old
// one, so a campaign keeps citing exactly what it cited, and shows when that was superseded.

export const LEGAL_KINDS = ['law', 'decree', 'circular', 'decision', 'directive', 'letter', 'notice', 'other'] as const;
export type LegalKind = (typeof LEGAL_KINDS)[number];

const legalFields = {
  kind: choice(LEGAL_KINDS).default('letter'),
  number: nameText(80),
  issuedOn: optionalIsoDate,
  issuer: optionalNameText(200),
  title: nameText(500),
  effectiveFrom: optionalIsoDate,
  /** Set when the document stops being in force (repealed/replaced). */
  effectiveTo: optionalIsoDate,
  note: optionalText(500),
};

export const LegalCreateInput = z.strictObject(legalFields);
export type LegalCreateInput = z.input<typeof LegalCreateInput>;
/** A revision supersedes version `id` with a new version of the same document. */
export const LegalReviseInput = z.strictObject({ id, ...legalFields });
export type LegalReviseInput = z.input<typeof LegalReviseInput>;
export const LegalListInput = z.strictObject({ includeSuperseded: z.boolean().default(false), asOf: isoDate.optional() });

export interface LegalDocument {
  id: number;
  /** All versions of one document share a docKey. */
  docKey: number;
  version: number;
  kind: LegalKind;
  number: string;
  issuedOn: string | null;
  issuer: string;
  title: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  note: string;
  /** A later version of the same document exists. */
  superseded: boolean;
  /** Not superseded and within its effective dates as of the date asked. */
  inForce: boolean;
}

/** "Nghị định số 55/2022/NĐ-CP ngày 23/8/2022 của Chính phủ …" — the line a report prints. */
export function citation(doc: Pick<LegalDocument, 'number' | 'issuedOn' | 'issuer' | 'title'>, formatDate: (iso: string) => string): string {
  const date = doc.issuedOn ? ` ngày ${formatDate(doc.issuedOn)}` : '';
  const issuer = doc.issuer ? ` của ${doc.issuer}` : '';
  return `${doc.number}${date}${issuer} ${doc.title}`.trim();
}
