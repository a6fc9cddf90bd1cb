import { z } from 'zod';
import { normalizeSymbol } from '../reports/symbols';
import { choice, empty, optionalEmail, optionalText, nameText, optionalNameText } from '../schema/fields';

export const UNIT_KINDS = ['home', 'office', 'ward', 'commune', 'school', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/**
 * The home unit's profile: what the Decree 30/2020 header, date line and signature block need.
 * The receiving office (Phòng Nội vụ, or since 07/2025 a city department) is data, not code.
 */
export const UnitProfileInput = z.strictObject({
  parentBody: optionalNameText(200),
  name: nameText(200),
  code: nameText(40),
  headName: optionalNameText(120),
  headTitle: optionalNameText(120),
  signAuthority: optionalNameText(120),
  clerkName: optionalNameText(120),
  placeName: optionalNameText(80),
  // Stored normalised ("/BC-UBND" → "BC-UBND"), so no view prints "Số: //BC-UBND" (issue 18).
  reportSymbol: optionalNameText(40).transform(normalizeSymbol),
  recipientName: optionalNameText(200),
  recipientAddress: optionalText(300),
  email: optionalEmail(200),
  phone: optionalText(40),
});
export type UnitProfileInput = z.input<typeof UnitProfileInput>;

export interface UnitProfile extends z.output<typeof UnitProfileInput> {
  id: number;
  updatedAt: string;
}

export interface UnitSummary {
  id: number;
  name: string;
  code: string;
  kind: UnitKind;
  isHome: boolean;
  people: number;
}

export const UnitGetInput = empty;
export const UnitListInput = empty;
export const UnitKindField = choice(UNIT_KINDS);
