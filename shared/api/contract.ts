import { z } from 'zod';
import { AccountCreateInput, AccountStatusInput, AccountUpdateInput, AccountsListInput, type Account, type AccountsPage } from '../accounts/schema';
import { AuditExportInput, AuditListInput, type AuditEntry, type AuditExport, type AuditFacets } from '../audit/schema';
import { BackupRestoreInput, type BackupCreated, type BackupList, type RestoreResult } from '../backup/schema';
import { LockClearInput, LockSetInput, LockUnlockInput, type LockStatus } from '../lock/schema';
import { CampaignAdvanceInput, CampaignCreateInput, CampaignUpdateInput, ChecklistInput, type Amendment, type Campaign, type CampaignProgress, type ChecklistPage } from '../campaigns/schema';
import { ConfirmationBulkInput, ConfirmationCreateInput, ConfirmationHistoryInput, ConfirmationPreviewInput, ConfirmationVoidInput, type BulkResult, type Confirmation, type ConfirmationPreview } from '../confirmations/schema';
import type { DashboardSummary } from '../dashboard/schema';
import {
  BoardInput, CampaignFileImportInput, CampaignRef, DistrictExportFileInput, DistrictSettingsInput, ExpectedUnitsInput, FileUpload, RegisterUnitInput,
  DistrictExportInput, KeyChangeInput, SubmissionHistoryInput, SubmissionImportInput, type CampaignFileExport, type KeyChangeResult, type CampaignFileImportResult, type CampaignFilePreview, type DistrictBoard,
  type DistrictReportData, type DistrictSettings, type RegisterUnit, type SubmissionEntry,
} from '../district/schema';
import { DeviceCheckInput, DeviceCheckVoidInput, DeviceChecksInput, DeviceCreateInput, DeviceDefaultSystemsInput, DeviceUpdateInput, DevicesListInput, type Device, type DeviceCheck, type DevicesPage } from '../devices/schema';
import { ConnectionCreateInput, ConnectionUpdateInput, ConnectionsListInput, type ConnectionsList, type DataConnection } from '../connections/schema';
import {
  SecurityCheckInput, SecurityCheckVoidInput, SecurityChecksInput, SecurityFeatureSaveInput, SecurityFeaturesInput,
  type SecurityCheck, type SecurityFeature, type SecurityOverview,
} from '../security/schema';
import { JobStatusInput, type JobStarted, type JobStatus } from '../jobs/schema';
import { DocxInput, ReportDataInput, ReportExportInput, ReportFileInput, ReportHistoryInput, SignSheetInput, type ReportData, type ReportHistoryEntry } from '../reports/schema';
import type { SignSheetData } from '../reports/document';
import { NarrativeSaveInput, type ReportNarrative } from '../reports/narrative';
import { EvaluationCalendarInput, EvaluationRecordInput, EvaluationYearInput, type EvaluationCalendar, type EvaluationMonth, type EvaluationNext, type EvaluationReminders, type EvaluationYear } from '../evaluation/schema';
import { ImportCommitInput, ImportPreviewInput, ImportStageInput, ImportTemplateInput, type ImportCommitResult, type ImportPreview, type ImportTemplate } from '../import/schema';
import { LegalCreateInput, LegalListInput, LegalReviseInput, type LegalDocument } from '../legal/schema';
import { AppSettingsInput, type AppSettings } from '../settings/schema';
import type { Envelope } from '../errors';
import { PeopleListInput, PersonCreateInput, PersonStatusInput, PersonUpdateInput, type PeoplePage, type Person } from '../people/schema';
import { byId, empty, id, type Page } from '../schema/fields';
import { SignedReportsInput, SignReportInput, TokenCertificatesInput, TrustedRootsImportInput, type SignedReport, type SigningStatus, type TokenCertificateEntry, type TrustedRoot } from '../signing/schema';
import { SystemCreateInput, SystemUpdateInput, type TrackedSystem } from '../systems/schema';
import { UnitProfileInput, type UnitProfile, type UnitSummary } from '../unit/schema';

/**
 * THE API CONTRACT: the one table of every method the UI may call.
 * name → input schema (zod, validated before any service runs) → result type.
 *
 * From it: the core's handler map is typed (a missing or mistyped method is a compile error),
 * the IPC dispatcher validates, the preload exposes exactly these names, and `attk serve`
 * publishes them with JSON Schemas at GET /api/_methods.
 *
 * `write` methods run inside one IMMEDIATE transaction (all-or-nothing, audit row included);
 * `bulk` methods write many rows in one IMMEDIATE transaction of their own, off the main thread;
 * `job` methods start background work and return `{ jobId }` for `jobs.status`.
 */
type Kind = 'read' | 'write' | 'bulk' | 'job' | 'admin';
export interface MethodDef<I extends z.ZodType = z.ZodType, R = unknown> {
  kind: Kind;
  input: I;
  /** Phantom: carries the result type only. */
  result: R;
}

const def = <I extends z.ZodType>(kind: Kind, input: I) => ({
  returns: <R>(): MethodDef<I, R> => ({ kind, input, result: undefined as R }),
});
const read = <I extends z.ZodType>(input: I) => def('read', input);
const write = <I extends z.ZodType>(input: I) => def('write', input);
/**
 * A write whose heavy part runs off the main thread, all or nothing in one IMMEDIATE transaction of
 * its own: the import's commit (plan and write on the file worker's connection: 10,000 rows held
 * the main thread ~1 s), the campaign file's import (parsed and verified in the worker, then
 * written here) and a backup's restore (verified and the current data copied off the main thread,
 * then swapped in). The dispatcher takes the safety backup first, opens no transaction of its own, and
 * holds every other write, job and admin call until it ends; reads keep answering (the state before).
 */
const bulk = <I extends z.ZodType>(input: I) => def('bulk', input);
/** Starts background work (exports) that does its own transactions; returns a job id to poll. */
const job = <I extends z.ZodType>(input: I) => def('job', input);
/**
 * Runs outside the dispatcher's transaction because it takes the whole database or the session:
 * backup (the online backup API), restore (closes, swaps and reopens the file), the app lock.
 */
const admin = <I extends z.ZodType>(input: I) => def('admin', input);

export interface AppInfo {
  appVersion: string;
  schemaVersion: number;
  dataFile: string;
  /** 'electron' in the desktop app, 'harness' under `attk serve`. */
  shell: 'electron' | 'harness' | 'cli';
  hasHomeUnit: boolean;
  today: string;
}

export const contract = {
  'app.info': read(empty).returns<AppInfo>(),
  /**
   * The desktop shell prints the print view on screen through Electron's print dialog with the
   * view's paper and orientation (electron/main/print.ts); elsewhere `handled` is false and the
   * page prints itself (window.print, which follows the views' @page CSS in a browser).
   */
  'app.print': read(empty).returns<{ handled: boolean }>(),

  'unit.get': read(empty).returns<UnitProfile | null>(),
  'unit.save': write(UnitProfileInput).returns<UnitProfile>(),
  'units.list': read(empty).returns<UnitSummary[]>(),
  'units.departments': read(z.strictObject({ unitId: id.optional() })).returns<string[]>(),

  'people.list': read(PeopleListInput).returns<PeoplePage>(),
  'people.get': read(byId).returns<Person>(),
  'people.create': write(PersonCreateInput).returns<Person>(),
  'people.update': write(PersonUpdateInput).returns<Person>(),
  'people.setStatus': write(PersonStatusInput).returns<Person>(),

  'systems.list': read(empty).returns<TrackedSystem[]>(),
  'systems.create': write(SystemCreateInput).returns<TrackedSystem>(),
  'systems.update': write(SystemUpdateInput).returns<TrackedSystem>(),

  'accounts.list': read(AccountsListInput).returns<AccountsPage>(),
  'accounts.get': read(byId).returns<Account>(),
  'accounts.create': write(AccountCreateInput).returns<Account>(),
  'accounts.update': write(AccountUpdateInput).returns<Account>(),
  'accounts.setStatus': write(AccountStatusInput).returns<Account>(),

  'audit.list': read(AuditListInput).returns<Page<AuditEntry>>(),
  'audit.facets': read(empty).returns<AuditFacets>(),
  'audit.export': read(AuditExportInput).returns<AuditExport>(),

  'settings.get': read(empty).returns<AppSettings>(),
  'settings.save': write(AppSettingsInput).returns<AppSettings>(),

  'legal.list': read(LegalListInput).returns<LegalDocument[]>(),
  'legal.create': write(LegalCreateInput).returns<LegalDocument>(),
  'legal.revise': write(LegalReviseInput).returns<LegalDocument>(),

  'confirmations.create': write(ConfirmationCreateInput).returns<Confirmation>(),
  'confirmations.bulkCreate': write(ConfirmationBulkInput).returns<BulkResult>(),
  'confirmations.void': write(ConfirmationVoidInput).returns<Confirmation>(),
  'confirmations.history': read(ConfirmationHistoryInput).returns<Confirmation[]>(),
  'confirmations.preview': read(ConfirmationPreviewInput).returns<ConfirmationPreview>(),

  'campaigns.list': read(empty).returns<Campaign[]>(),
  'campaigns.get': read(byId).returns<Campaign>(),
  'campaigns.create': write(CampaignCreateInput).returns<Campaign>(),
  'campaigns.update': write(CampaignUpdateInput).returns<Campaign>(),
  'campaigns.advance': write(CampaignAdvanceInput).returns<Campaign>(),
  'campaigns.progress': read(byId).returns<CampaignProgress>(),
  'campaigns.amendments': read(byId).returns<Amendment[]>(),
  'campaigns.checklist': read(ChecklistInput).returns<ChecklistPage>(),

  'dashboard.summary': read(empty).returns<DashboardSummary>(),

  // Devices and device checks (Rules 4 and 5). Checks are never edited: void with a reason, re-enter.
  'devices.list': read(DevicesListInput).returns<DevicesPage>(),
  'devices.get': read(byId).returns<Device>(),
  'devices.create': write(DeviceCreateInput).returns<Device>(),
  'devices.update': write(DeviceUpdateInput).returns<Device>(),
  'devices.defaultSystems': read(DeviceDefaultSystemsInput).returns<number[]>(),
  'devices.checks': read(DeviceChecksInput).returns<DeviceCheck[]>(),
  'devices.recordCheck': write(DeviceCheckInput).returns<DeviceCheck>(),
  'devices.voidCheck': write(DeviceCheckVoidInput).returns<DeviceCheck>(),

  // Data connections over site-to-site VPN (Rule 7, seed 000): a register, edited with audit; a link no longer used is stopped.
  'connections.list': read(ConnectionsListInput).returns<ConnectionsList>(),
  'connections.get': read(byId).returns<DataConnection>(),
  'connections.create': write(ConnectionCreateInput).returns<DataConnection>(),
  'connections.update': write(ConnectionUpdateInput).returns<DataConnection>(),

  // Security features and their periodic checks (Rule 8, seed 001). Checks are never edited: void with a reason, re-enter.
  'security.features': read(SecurityFeaturesInput).returns<SecurityFeature[]>(),
  'security.saveFeature': write(SecurityFeatureSaveInput).returns<SecurityFeature>(),
  'security.overview': read(empty).returns<SecurityOverview>(),
  'security.checks': read(SecurityChecksInput).returns<SecurityCheck[]>(),
  'security.recordCheck': write(SecurityCheckInput).returns<SecurityCheck>(),
  'security.voidCheck': write(SecurityCheckVoidInput).returns<SecurityCheck>(),

  'reports.export': job(ReportExportInput).returns<JobStarted>(),
  'reports.history': read(ReportHistoryInput).returns<ReportHistoryEntry[]>(),
  'reports.file': read(ReportFileInput).returns<{ fileName: string; dataBase64: string }>(),
  'reports.data': read(ReportDataInput).returns<ReportData>(),
  'reports.saveNarrative': write(NarrativeSaveInput).returns<ReportNarrative>(),
  'reports.signSheet': read(SignSheetInput).returns<SignSheetData>(),
  'reports.docx': read(DocxInput).returns<{ fileName: string; dataBase64: string }>(),
  'jobs.status': read(JobStatusInput).returns<JobStatus>(),

  'evaluation.calendar': read(EvaluationCalendarInput).returns<EvaluationCalendar>(),
  'evaluation.year': read(EvaluationYearInput).returns<EvaluationYear>(),
  'evaluation.record': write(EvaluationRecordInput).returns<EvaluationMonth>(),
  'evaluation.reminders': read(empty).returns<EvaluationReminders>(),
  'evaluation.next': read(empty).returns<EvaluationNext>(),
  // Excel import: stage parses (async, in a worker), preview pages the plan, commit writes it all-or-nothing.
  'import.stage': read(ImportStageInput).returns<ImportPreview>(),
  'import.preview': read(ImportPreviewInput).returns<ImportPreview>(),
  'import.commit': bulk(ImportCommitInput).returns<ImportCommitResult>(),
  'import.template': read(ImportTemplateInput).returns<ImportTemplate>(),

  // Backups and restore (electron/core/backup). Restore closes the database, swaps the file, reopens it.
  'backup.list': read(empty).returns<BackupList>(),
  'backup.create': admin(empty).returns<BackupCreated>(),
  'backup.restore': bulk(BackupRestoreInput).returns<RestoreResult>(),

  // The app lock (electron/core/lock): while locked, the dispatcher refuses everything but these and app.info.
  'lock.status': admin(empty).returns<LockStatus>(),
  'lock.unlock': admin(LockUnlockInput).returns<LockStatus>(),
  'lock.lock': admin(empty).returns<LockStatus>(),
  'lock.set': write(LockSetInput).returns<LockStatus>(),
  'lock.clear': write(LockClearInput).returns<LockStatus>(),
  // The receiving office (issue #7): register of units, campaign file going down, unit files coming up
  // (verified, key-pinned), status board, consolidated export and the office's own report.
  'district.settings': read(empty).returns<DistrictSettings>(),
  'district.saveSettings': write(DistrictSettingsInput).returns<DistrictSettings>(),
  'district.units': read(empty).returns<RegisterUnit[]>(),
  'district.saveUnit': write(RegisterUnitInput).returns<RegisterUnit>(),
  'district.removeUnit': write(byId).returns<{ removed: number }>(),
  'district.importUnits': job(FileUpload).returns<JobStarted>(),
  'district.expected': read(CampaignRef).returns<number[]>(),
  'district.setExpected': write(ExpectedUnitsInput).returns<number[]>(),
  'district.importFiles': job(SubmissionImportInput).returns<JobStarted>(),
  'district.changeKey': write(KeyChangeInput).returns<KeyChangeResult>(),
  'district.board': read(BoardInput).returns<DistrictBoard>(),
  'district.submissions': read(SubmissionHistoryInput).returns<SubmissionEntry[]>(),
  'district.export': job(DistrictExportInput).returns<JobStarted>(),
  'district.exportFile': read(DistrictExportFileInput).returns<{ fileName: string; dataBase64: string }>(),
  'district.reportData': read(CampaignRef).returns<DistrictReportData>(),
  'campaignFile.export': write(CampaignRef).returns<CampaignFileExport>(),
  'campaignFile.preview': read(CampaignFileImportInput).returns<CampaignFilePreview>(),
  'campaignFile.import': bulk(CampaignFileImportInput).returns<CampaignFileImportResult>(),

  'signing.status': read(empty).returns<SigningStatus>(),
  'signing.certificates': read(TokenCertificatesInput).returns<TokenCertificateEntry[]>(),
  'signing.signReport': job(SignReportInput).returns<JobStarted>(),
  'signing.history': read(SignedReportsInput).returns<SignedReport[]>(),
  'signing.file': read(byId).returns<{ fileName: string; dataBase64: string }>(),
  'trustedRoots.list': read(empty).returns<TrustedRoot[]>(),
  'trustedRoots.import': write(TrustedRootsImportInput).returns<{ added: number }>(),
  'trustedRoots.remove': write(byId).returns<{ removed: number }>(),
} as const satisfies Record<string, MethodDef>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const methodNames = Object.keys(contract) as MethodName[];

export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type ResultOf<M extends MethodName> = Contract[M]['result'];

/** What the renderer calls: every method, typed, returning a promise of its result. */
export type Api = { [M in MethodName]: (input: InputOf<M>) => Promise<ResultOf<M>> };

/** What crosses a process boundary (preload bridge, HTTP): an envelope, never a thrown stack. */
export type Bridge = { [M in MethodName]: (input: InputOf<M>) => Promise<Envelope<ResultOf<M>>> };

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
