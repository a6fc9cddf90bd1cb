import { z } from 'zod';
import type { CampaignFigures } from '../campaigns/rules';
import type { Amendment, Campaign, CampaignProgress, SystemFigures } from '../campaigns/schema';
import type { LegalDocument } from '../legal/schema';
import type { ConnectionReportFigures, DataConnection } from '../connections/schema';
import type { SecurityReportFigures } from '../security/schema';
import type { UnitProfile } from '../unit/schema';
import { flag, id, isoDate, optionalText } from '../schema/fields';
import type { ReportNarrative } from './narrative';

/**
 * The export file's machine-readable part; bump when its shape changes (the district checks it).
 * 2: one state per account (to cancel / must change after malware / done / late / missing, total =
 * their sum, split by role), devices counted once (figures.devices) with a per-system breakdown.
 */
export const REPORT_SCHEMA_VERSION = 4;
// 3: figures.connections and figures.security (Rules 7 and 8), counts.connectionRows / securityRows.
// 4: `report` — the report number and the date it was given (issue 14: one number, one date).

/**
 * The versions a receiving office accepts. A schema-3 file has the same figures and no `report`
 * (shown as not numbered): units that have not updated ATTK yet can still send theirs.
 */
export const READABLE_REPORT_SCHEMAS: readonly number[] = [3, 4];
export const isReadableReportSchema = (version: unknown): boolean => READABLE_REPORT_SCHEMAS.includes(Number(version));

/** The report's identity: the number the head signed and the date that number was given. */
export interface ReportIdentity {
  number: string;
  date: string;
}

/** The devices of a campaign counted once each (electron/core/reports/data.ts deviceSummary). */
export interface DeviceSummary {
  /** Distinct devices used for at least one of the campaign's systems: in use, or still infected. */
  devices: number;
  /** Of those, the latest valid check is within the last N months. */
  checked: number;
  /** Of the checked ones, that check shows antivirus installed, licensed and not expired. */
  licensedAv: number;
  /** Malware found, not yet cleaned with the OS reinstalled. */
  infected: number;
  /** Malware found, then cleaned and the OS reinstalled. */
  remediated: number;
}

/** The same figures for the devices used for one system: a breakdown, never summed into a total. */
export interface DeviceFigures extends DeviceSummary {
  systemId: number;
}

export const REPORT_KINDS = ['report', 'cancellations'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const ReportExportInput = z.strictObject({
  campaignId: id,
  kind: z.enum(REPORT_KINDS).default('report'),
  /** Login names are masked by default ("an***.vm"); the unit may choose to show them. */
  showLogins: flag.default(false),
});
export type ReportExportInput = z.input<typeof ReportExportInput>;

export const ReportFileInput = z.strictObject({ exportId: id });
export const ReportHistoryInput = z.strictObject({ campaignId: id.optional() });
export const ReportDataInput = z.strictObject({ campaignId: id });
export const AmendmentInput = z.strictObject({ campaignId: id, reason: z.string().min(1).max(500), note: optionalText(500) });

export interface CancellationRow {
  accountId: number;
  personName: string;
  position: string;
  department: string;
  unitName: string;
  unitCode: string;
  personStatus: string;
  statusDate: string | null;
  systemName: string;
  managingAgency: string;
  loginName: string;
  role: string;
  accountStatus: string;
}

/** What the receiving office reads from the hidden sheet (signed). */
export interface ReportPayload {
  schemaVersion: number;
  kind: ReportKind;
  unit: { code: string; name: string; parentBody: string };
  campaign: { directiveNumber: string; directiveDate: string | null; issuer: string; subject: string; startDate: string; deadline: string; reference: string | null };
  generatedAt: string;
  today: string;
  /** Schema 4: the campaign's report number and its date, null while the campaign is not reported; absent in schema 3. */
  report?: ReportIdentity | null;
  figures: {
    overall: CampaignFigures;
    bySystem: (SystemFigures & { systemCode: string })[];
    /** Rules 4/5: the campaign's devices, each counted once. */
    devices: DeviceSummary;
    /** Per-system breakdown (a device used for two systems is in both rows; not to be summed). */
    devicesBySystem: DeviceFigures[];
    /** Rule 7 (seed 000): connections per system, and summed over the systems that require site-to-site VPN; null in a cancellations file. */
    connections: ConnectionReportFigures | null;
    /** Rule 8 (seed 001): each system's latest security-feature check; null in a cancellations file. */
    security: SecurityReportFigures | null;
  };
  toCancel: CancellationRow[];
  /** Corrections made after the campaign was reported (locked figures change only this way). */
  amendments: { at: string; actor: string; reason: string; summary: string }[];
  /** connectionRows: the "Kết nối" sheet's rows (= the active connections counted); securityRows: the "Tính năng bảo mật" sheet's rows. */
  counts: { accountRows: number; toCancel: number; deviceRows: number; connectionRows: number; securityRows: number; cells: number };
  cellsSha256: string;
  fingerprint: string;
}

export interface ExportResult {
  exportId: number;
  kind: ReportKind;
  filePath: string;
  fileName: string;
  sha256: string;
  fingerprint: string;
  figures: CampaignFigures;
  rows: number;
  /** Vietnamese warning when the key differs from the one that signed the previous export (and how to restore it). */
  keyWarning: string | null;
}

export interface ReportHistoryEntry {
  id: number;
  campaignId: number;
  kind: ReportKind;
  fileName: string;
  filePath: string;
  sha256: string;
  figures: CampaignFigures;
  exportedAt: string;
  exportedBy: string;
}

export interface VerifyResult {
  ok: boolean;
  /** Vietnamese reasons when not ok. */
  problems: string[];
  payload: ReportPayload | null;
  publicKey: string | null;
  fingerprint: string | null;
}

/** What the print views (signed report, cancellation request) show. */
export interface ReportData {
  unit: UnitProfile;
  campaign: Campaign;
  legal: LegalDocument[];
  progress: CampaignProgress;
  toCancel: CancellationRow[];
  fingerprint: string;
  /** The key that signed the latest export (null before the first): differs from `fingerprint` when the key changed. */
  previousFingerprint: string | null;
  devices: DeviceSummary;
  devicesBySystem: DeviceFigures[];
  deviceCheckMonths: number;
  /** Rule 7 (seed 000): figures, the active connections listed, and the documents the paragraph cites. */
  connections: ConnectionReportFigures;
  connectionRows: DataConnection[];
  /** Rule 8 (seed 001): each system's latest security-feature check. */
  security: SecurityReportFigures;
  noticeBasis: { connections: string; security: string };
  amendments: Amendment[];
  lastExport: { exportedAt: string; sha256: string } | null;
  /** The words the unit changed (null fields follow the generated text): shared/reports/narrative.ts. */
  narrative: ReportNarrative;
  today: string;
  /** The date printed with the report number: the campaign's report date once it has one, else today. */
  documentDate: string;
}

export const DOCUMENT_KINDS = ['report', 'cancellations', 'sign-sheet'] as const;
export const SignSheetInput = z.strictObject({ campaignId: id, unitId: id.optional() });
export const DocxInput = z.strictObject({ campaignId: id, kind: z.enum(DOCUMENT_KINDS), unitId: id.optional() });

export { isoDate };
