import { z } from 'zod';
import { choice, flag, id, isoDate, optionalText, requiredText } from '../schema/fields';
import { FEATURE_RESULTS, FEATURE_SCOPES, type FeatureResult, type FeatureScope, type ResultCounts, type SecurityState } from './rules';

// Security features of tracked systems and their periodic checks (Kiểm tra tính năng bảo mật, Rule 8).
// Checks are evidence: never edited — a mistake is voided with a reason and entered again.

export const SecurityFeaturesInput = z.strictObject({ systemId: id.optional(), includeInactive: flag.default(false) });
export type SecurityFeaturesInput = z.input<typeof SecurityFeaturesInput>;

/** Without id: a new feature of the system; with id: an edit (a system's features can change). */
export const SecurityFeatureSaveInput = z.strictObject({
  id: id.optional(),
  systemId: id,
  featureName: requiredText(200),
  description: optionalText(500),
  featureScope: choice(FEATURE_SCOPES).default('system'),
  active: flag.default(true),
});
export type SecurityFeatureSaveInput = z.input<typeof SecurityFeatureSaveInput>;

export const SecurityCheckInput = z.strictObject({
  systemId: id,
  /** Set for a check of one account's personal features (e.g. one-time-code sign-in). */
  accountId: z.union([id, z.null()]).optional().transform((v) => v ?? null),
  checkedOn: isoDate,
  checker: requiredText(120),
  items: z.array(z.strictObject({ featureId: id, result: choice(FEATURE_RESULTS) })).min(1).max(100),
  note: optionalText(500),
});
export type SecurityCheckInput = z.input<typeof SecurityCheckInput>;

export const SecurityCheckVoidInput = z.strictObject({ id, reason: requiredText(300) });
export const SecurityChecksInput = z.strictObject({ systemId: id, accountId: id.optional(), includeAccounts: flag.default(false) });
export type SecurityChecksInput = z.input<typeof SecurityChecksInput>;

export interface SecurityFeature {
  id: number;
  systemId: number;
  featureName: string;
  description: string;
  featureScope: FeatureScope;
  active: boolean;
}

export interface SecurityCheckItem {
  featureId: number;
  /** The feature's name when the check was recorded (a later rename does not rewrite the evidence). */
  featureName: string;
  featureScope: FeatureScope;
  result: FeatureResult;
}

export interface SecurityCheck {
  id: number;
  systemId: number;
  systemName: string;
  accountId: number | null;
  loginName: string | null;
  personName: string | null;
  checkedOn: string;
  checker: string;
  note: string;
  items: SecurityCheckItem[];
  counts: ResultCounts;
  recordedBy: string;
  recordedAt: string;
  voidedAt: string | null;
  voidedBy: string | null;
  voidReason: string | null;
}

/** Rule 8 for one system, as of today. */
export interface SystemSecurityStatus {
  systemId: number;
  systemName: string;
  systemCode: string;
  systemActive: boolean;
  /** Active required features (all scopes), and how many are personal. */
  features: number;
  personalFeatures: number;
  /** The latest valid system-wide check. */
  lastCheck: SecurityCheck | null;
  nextDue: string | null;
  state: SecurityState;
  /** Names of the features the latest check found not used. */
  unusedFeatures: string[];
  /** Accounts checked one by one within N months, and accounts whose latest own check found a personal feature unused. */
  accountsChecked: number;
  accountsUnused: number;
}

export interface FlaggedAccountCheck {
  accountId: number;
  loginName: string;
  personName: string | null;
  systemId: number;
  systemName: string;
  checkedOn: string;
  unusedFeatures: string[];
}

export interface SecurityOverview {
  checkMonths: number;
  systems: SystemSecurityStatus[];
  /** Accounts whose latest own check found a personal feature unused (capped for display). */
  flaggedAccounts: FlaggedAccountCheck[];
  flaggedAccountCount: number;
}

export { FEATURE_RESULTS, FEATURE_SCOPES };

/** One system's Rule 8 figures as a report states them (signed payload `figures.security.systems`). */
export interface SecuritySystemFigures {
  systemId: number;
  systemCode: string;
  systemName: string;
  features: number;
  lastCheckedOn: string | null;
  checker: string | null;
  /** Results of the latest system-wide check (0 when never checked). */
  used: number;
  notUsed: number;
  na: number;
  nextDue: string | null;
  state: SecurityState;
  unusedFeatures: string[];
  accountsChecked: number;
  accountsUnused: number;
}

/** What a unit's report states about Rule 8 (signed payload `figures.security`, print view, "Tính năng bảo mật" sheet). */
export interface SecurityReportFigures {
  checkMonths: number;
  systems: SecuritySystemFigures[];
  /** systems = ok + overdue (never checked or late) + unused. */
  counts: { systems: number; ok: number; overdue: number; unused: number };
}
