import { z } from 'zod';
import type { CampaignFigures } from '../campaigns/rules';
import type { Campaign } from '../campaigns/schema';
import type { LegalDocument } from '../legal/schema';
import type { BoardNotices } from './notices';
import type { CancellationRow, DeviceSummary, ReportIdentity } from '../reports/schema';
import type { UnitProfile } from '../unit/schema';
import { choice, flag, id, optionalText, requiredText, nameText } from '../schema/fields';

// The receiving office (PRODUCT.md "Campaign file", "Consolidation"): the register of units it
// collects from, the campaign file it sends down, the unit files coming up, the status board and
// the consolidated export. Since 07/2025 the office may be a city/province department or a ward
// collecting from its schools: its name, level and address are data.

export const OFFICE_LEVELS = ['province', 'district', 'ward', 'other'] as const;
export type OfficeLevel = (typeof OFFICE_LEVELS)[number];

/** The kinds of unit a register holds (the home unit is not in its own register). */
export const REGISTER_KINDS = ['office', 'ward', 'commune', 'school', 'other'] as const;
export type RegisterKind = (typeof REGISTER_KINDS)[number];

export const SUBMISSION_STATUSES = ['on_time', 'late', 'missing'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** Why a unit file is refused (each with a Vietnamese message a clerk can act on). */
export const REFUSAL_REASONS = [
  'unreadable', 'notReport', 'altered', 'unknownUnit', 'noCampaign', 'otherCampaign', 'duplicate', 'older', 'needsKey', 'keyChanged', 'signature',
  'keyConflict', 'identity',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** An uploaded file: base64 of at most 20 MB (the zip pre-scan's own limit). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
const MAX_BASE64 = Math.ceil(MAX_UPLOAD_BYTES / 3) * 4 + 4;
export const FileUpload = z.strictObject({
  fileName: z.string().min(1).max(255),
  dataBase64: z.string().max(MAX_BASE64),
});
export type FileUpload = z.input<typeof FileUpload>;

/** A key fingerprint as printed on the paper report: "3FA2-91C0-77D1-0B4E". */
export const fingerprint = z.string().regex(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/);

export const DistrictSettingsInput = z.strictObject({
  receivingMode: flag,
  officeLevel: choice(OFFICE_LEVELS).default('province'),
  officeAddress: optionalText(300),
});
export type DistrictSettingsInput = z.input<typeof DistrictSettingsInput>;

export interface DistrictSettings {
  receivingMode: boolean;
  officeLevel: OfficeLevel;
  officeAddress: string;
  /** The home unit's name (the office's name is the unit profile's). */
  officeName: string;
}

export const RegisterUnitInput = z.strictObject({
  id: id.optional(),
  name: nameText(200),
  code: nameText(40),
  kind: choice(REGISTER_KINDS),
  contact: optionalText(300),
});
export type RegisterUnitInput = z.input<typeof RegisterUnitInput>;

export interface PinnedKey {
  fingerprint: string;
  confirmedAt: string;
  confirmedBy: string;
}

export interface RegisterUnit {
  id: number;
  name: string;
  code: string;
  kind: RegisterKind;
  contact: string;
  people: number;
  submissions: number;
  key: PinnedKey | null;
}

export interface UnitListImportResult {
  created: number;
  updated: number;
  unchanged: number;
  problems: { row: number; message: string }[];
}

/** The explicit key change of one unit (issue 15): never a side effect of importing files. */
export const KeyChangeInput = z.strictObject({
  unitCode: requiredText(40),
  publicKey: z.string().min(40).max(200).regex(/^[A-Za-z0-9+/]+={0,2}$/),
  fingerprint,
  reason: requiredText(500),
});
export type KeyChangeInput = z.input<typeof KeyChangeInput>;

export interface KeyChangeResult {
  unitId: number;
  unitName: string;
  from: string;
  to: string;
  message: string;
}

export const ExpectedUnitsInput = z.strictObject({ campaignId: id, unitIds: z.array(id).max(10_000) });
export const CampaignRef = z.strictObject({ campaignId: id });
/** The consolidated workbook: logins masked (distinguishable) unless `showLogins` (as the units sent them). */
export const DistrictExportInput = z.strictObject({ campaignId: id, showLogins: flag.default(false) });

export const SubmissionImportInput = z.strictObject({
  /** The campaign the files are for; omitted: matched among all campaigns (the CLI). */
  campaignId: id.optional(),
  files: z.array(FileUpload).min(1).max(500),
  /** Keys the clerk confirmed (fingerprint checked against the unit's signed paper report). */
  confirmedKeys: z.array(z.strictObject({ unitCode: requiredText(40), fingerprint })).max(1000).default([]),
  /** Pin the first key of units that have none without a confirmation (CLI --trust-new-keys); never changes a pinned key. */
  trustNewKeys: flag.default(false),
  /** Units whose file states another name than the register, confirmed by the clerk as the same unit. */
  confirmedUnits: z.array(z.strictObject({ unitCode: requiredText(40), unitName: optionalText(200) })).max(1000).default([]),
});
export type SubmissionImportInput = z.input<typeof SubmissionImportInput>;

export interface SubmissionFileResult {
  fileName: string;
  status: 'accepted' | 'refused';
  reason?: RefusalReason;
  /** Vietnamese: what happened, or why the file was refused and what to do. */
  message: string;
  sha256: string | null;
  unitCode?: string;
  unitName?: string;
  /** The key the file is signed with. */
  fingerprint?: string;
  /** The key pinned for the unit (when the file carries another one). */
  pinnedFingerprint?: string;
  /** base64 SPKI of the file's key, when refused for its key (for the explicit key change). */
  publicKey?: string;
  /** The unit's name as the file states it (when it differs from the register's). */
  fileUnitName?: string;
  campaignId?: number;
  submissionId?: number;
  /** A re-sent file: the earlier one stays in history. */
  replaced?: boolean;
  /** The key was pinned (first file) or changed by this import, on the clerk's confirmation. */
  keyPinned?: boolean;
  receivedOn?: string;
  late?: boolean;
  figures?: CampaignFigures;
}

export interface SubmissionImportResult {
  results: SubmissionFileResult[];
  accepted: number;
  refused: number;
  ms: number;
}

export const BoardInput = z.strictObject({
  campaignId: id,
  kind: choice(REGISTER_KINDS).optional(),
  status: choice(SUBMISSION_STATUSES).optional(),
});
export type BoardInput = z.input<typeof BoardInput>;

export interface BoardUnit {
  unitId: number;
  code: string;
  name: string;
  kind: RegisterKind;
  contact: string;
  expected: boolean;
  status: SubmissionStatus;
  /** Timeliness counts from the first valid file received. */
  firstReceivedOn: string | null;
  lastReceivedOn: string | null;
  files: number;
  submissionId: number | null;
  fileName: string | null;
  fingerprint: string | null;
  /** The certificate the current file was signed with, when it came as a signed PDF. */
  signer: { commonName: string; organisation: string } | null;
  figures: CampaignFigures | null;
  /** The unit's devices counted once each (null: no file yet, or a file of schema 1). */
  devices: DeviceSummary | null;
  /** The report number and its date, as the current file's signed payload states them (null: not numbered, or a schema-3 file). */
  report: ReportIdentity | null;
}

export interface SystemTotal extends CampaignFigures {
  systemKey: string;
  systemCode: string;
  systemName: string;
  /** Units whose file reports this system. */
  units: number;
}

export interface DistrictBoard {
  campaign: Campaign;
  today: string;
  daysLeft: number;
  /**
   * Units: expected (chosen for the campaign), received/onTime/late (every unit that sent a file,
   * as the list shows them), missing (expected units without a file), others (units that sent a
   * file without being expected: part of `received`, said so in the documents' sentence).
   */
  counts: { expected: number; received: number; onTime: number; late: number; missing: number; others: number };
  /** Units after the filters, in Vietnamese order by kind then name. */
  units: BoardUnit[];
  /** Sums of the current files of the units shown. */
  totals: { overall: CampaignFigures; bySystem: SystemTotal[]; devices: DeviceSummary };
  /** Late and missing units (all kinds), with their contact. */
  chase: BoardUnit[];
  /** Rules 7 and 8 per unit that sent a file (issue 21), from its signed payload, and their sums. */
  notices: BoardNotices;
}

export const SubmissionHistoryInput = z.strictObject({ campaignId: id, unitId: id });
export interface SubmissionEntry {
  id: number;
  fileName: string;
  receivedOn: string;
  receivedAt: string;
  receivedBy: string;
  sha256: string;
  fingerprint: string;
  generatedAt: string;
  matchedBy: 'reference' | 'directive';
  figures: CampaignFigures;
  current: boolean;
}

export interface DistrictExportResult {
  exportId: number;
  filePath: string;
  fileName: string;
  sha256: string;
  units: number;
  missing: number;
}
export const DistrictExportFileInput = z.strictObject({ exportId: id });

export interface CancellationAcrossUnits extends CancellationRow {
  fromUnitCode: string;
  fromUnitName: string;
}

/** What the receiving office's own report (print view) shows. */
export interface DistrictReportData {
  office: UnitProfile;
  settings: DistrictSettings;
  campaign: Campaign;
  legal: LegalDocument[];
  board: DistrictBoard;
  toCancel: number;
  today: string;
  /** Whether a campaign file of this campaign was ever exported (the report may say it was sent). */
  campaignFileSent: boolean;
}

// ---- The campaign file going down ------------------------------------------------------------

export const CAMPAIGN_FILE_FORMAT = 'ATTK-CAMPAIGN';
export const CAMPAIGN_FILE_VERSION = 1;
export const CAMPAIGN_FILE_EXTENSION = '.attk-campaign';
export const MAX_CAMPAIGN_FILE_BYTES = 2 * 1024 * 1024;

const isoDateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const text = (max: number) => z.string().max(max);

/** What the office signs. Parsed strictly on import: the file comes from outside. */
export const CampaignFilePayload = z.strictObject({
  reference: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
  issuedAt: z.string().max(40),
  office: z.strictObject({ code: text(40), name: text(200), parentBody: text(200), level: z.enum(OFFICE_LEVELS).or(z.literal('')), address: text(300) }),
  campaign: z.strictObject({
    directiveNumber: z.string().min(1).max(80),
    directiveDate: isoDateText.nullable(),
    issuer: text(200),
    subject: z.string().min(1).max(500),
    startDate: isoDateText,
    deadline: isoDateText,
    note: text(500),
  }),
  systems: z
    .array(
      z.strictObject({
        code: text(40),
        name: z.string().min(1).max(200),
        managingAgency: text(200),
        adminIntervalMonths: z.number().int().min(1).max(60),
        userIntervalMonths: z.number().int().min(1).max(60),
        requiresLicensedAv: z.boolean(),
        /** Data connections must use site-to-site VPN (Rule 7, seed 000); absent in files exported before issue 21: left as the unit has it. */
        requiresSiteToSiteVpn: z.boolean().optional(),
      }),
    )
    .min(1)
    .max(100),
  legal: z
    .array(
      z.strictObject({
        kind: z.enum(['law', 'decree', 'circular', 'decision', 'directive', 'letter', 'notice', 'other']),
        number: z.string().min(1).max(80),
        issuedOn: isoDateText.nullable(),
        issuer: text(200),
        title: z.string().min(1).max(500),
        effectiveFrom: isoDateText.nullable(),
        effectiveTo: isoDateText.nullable(),
      }),
    )
    .max(50),
  units: z.array(z.strictObject({ code: z.string().min(1).max(40), name: text(200), kind: z.enum(REGISTER_KINDS) })).max(10_000),
});
export type CampaignFilePayload = z.infer<typeof CampaignFilePayload>;

/** The file itself: the payload as the exact JSON text that was signed, and the office's key. */
export const CampaignFileEnvelope = z.strictObject({
  format: z.literal(CAMPAIGN_FILE_FORMAT),
  version: z.number().int(),
  payload: z.string().max(MAX_CAMPAIGN_FILE_BYTES),
  publicKey: z.string().max(200),
  fingerprint: z.string().max(40),
  signature: z.string().max(200),
});

export const CampaignFileImportInput = z.strictObject({
  ...FileUpload.shape,
  dataBase64: z.string().max(Math.ceil(MAX_CAMPAIGN_FILE_BYTES / 3) * 4 + 4),
  /** Which unit of the file's list this database is (when its code is not in the list). */
  unitCode: optionalText(40),
  /** The same code again: the clerk's confirmation that this database's own code changes to it (never silently). */
  confirmUnitCode: optionalText(40),
});
export type CampaignFileImportInput = z.input<typeof CampaignFileImportInput>;

export interface CampaignFileExport {
  fileName: string;
  filePath: string;
  dataBase64: string;
  reference: string;
  fingerprint: string;
}

export interface CampaignFilePreview {
  reference: string;
  office: CampaignFilePayload['office'];
  campaign: CampaignFilePayload['campaign'];
  fingerprint: string;
  /** The same office (by code) sent an earlier campaign file signed with another key. */
  previousFingerprint: string | null;
  systems: {
    name: string; code: string; action: 'matched' | 'create'; matchedName?: string;
    /** The file's "connections must use site-to-site VPN" (absent in older files), and whether importing changes the unit's setting. */
    requiresSiteToSiteVpn?: boolean; siteToSiteChanges?: boolean;
  }[];
  legal: { number: string; action: 'exists' | 'add' }[];
  units: CampaignFilePayload['units'];
  homeUnitCode: string;
  /** The home unit's code is in the file's list of units (or the list is empty). */
  homeCodeListed: boolean;
  /** A campaign with this reference exists already. */
  existingCampaignId: number | null;
  existingLocked: boolean;
}

export interface CampaignFileImportResult {
  campaign: Campaign;
  created: boolean;
  systemsCreated: string[];
  /** Matched systems whose "connections must use site-to-site VPN" the file changed (issue 21). */
  siteToSiteApplied: { name: string; requiresSiteToSiteVpn: boolean }[];
  legalAdded: string[];
  unitCodeChanged: { from: string; to: string } | null;
  fingerprint: string;
}
