import { z } from 'zod';
import { dayOfMonth } from '../evaluation/schema';
import { DEFAULT_WINDOWS } from '../evaluation/rules';
import { DEFAULT_DEVICE_CHECK_MONTHS } from '../devices/rules';
import { DEFAULT_CONNECTION_CHECK_MONTHS } from '../connections/rules';
import { DEFAULT_SECURITY_CHECK_MONTHS } from '../security/rules';

/** One schema per setting, without defaults: a partial save must not reset the keys it omits. */
const settingFields = {
  /** Rule 1: "due soon" threshold in days. */
  dueSoonDays: z.number().int().min(0).max(90),
  /**
   * Monthly evaluation windows (Đống Đa letter 01/2024, section 2): self-evaluation 22–24, unit
   * on the 25th, PDF before the 29th. Each 1–31; settings.save also checks start ≤ end < unit <
   * send-before on the merged settings (shared/evaluation/rules.ts windowsIssue).
   */
  selfEvalStartDay: dayOfMonth,
  selfEvalEndDay: dayOfMonth,
  unitEvalDay: dayOfMonth,
  sendBeforeDay: dayOfMonth,
  /** Rule 4: every device in use needs a check within this many months (default 3). */
  deviceCheckMonths: z.number().int().min(1).max(24),
  /** Rule 7: a data connection counts as checked for this many months (default 12). */
  connectionCheckMonths: z.number().int().min(1).max(36),
  /** Rule 8: each system's security features are checked at least every this many months (default 3). */
  securityCheckMonths: z.number().int().min(1).max(24),
  /** Backups (electron/core/backup): keep the daily copies of this many recent days… */
  backupKeepDaily: z.number().int().min(1).max(365),
  /** …and the newest daily copy of each of this many recent months. */
  backupKeepMonthly: z.number().int().min(0).max(120),
  /** The app lock closes the app after this many idle minutes; 0 = never. */
  lockIdleMinutes: z.number().int().min(0).max(240),
};

/** Domain settings kept in the database (UI preferences live in electron-store instead). */
export const AppSettingsSchema = z.strictObject({
  dueSoonDays: settingFields.dueSoonDays.default(14),
  selfEvalStartDay: settingFields.selfEvalStartDay.default(DEFAULT_WINDOWS.selfEvalStartDay),
  selfEvalEndDay: settingFields.selfEvalEndDay.default(DEFAULT_WINDOWS.selfEvalEndDay),
  unitEvalDay: settingFields.unitEvalDay.default(DEFAULT_WINDOWS.unitEvalDay),
  sendBeforeDay: settingFields.sendBeforeDay.default(DEFAULT_WINDOWS.sendBeforeDay),
  deviceCheckMonths: settingFields.deviceCheckMonths.default(DEFAULT_DEVICE_CHECK_MONTHS),
  connectionCheckMonths: settingFields.connectionCheckMonths.default(DEFAULT_CONNECTION_CHECK_MONTHS),
  securityCheckMonths: settingFields.securityCheckMonths.default(DEFAULT_SECURITY_CHECK_MONTHS),
  backupKeepDaily: settingFields.backupKeepDaily.default(14),
  backupKeepMonthly: settingFields.backupKeepMonthly.default(12),
  lockIdleMinutes: settingFields.lockIdleMinutes.default(10),
});
export type AppSettings = z.output<typeof AppSettingsSchema>;
// Built from the fields without defaults: with `AppSettingsSchema.partial()` zod 4 fills every
// omitted key with its default, so saving one setting would reset all the others.
export const AppSettingsInput = z.strictObject(settingFields).partial();
export const DEFAULT_SETTINGS: AppSettings = AppSettingsSchema.parse({});
