import { z } from 'zod';
import { dayOfMonth } from '../evaluation/schema';
import { DEFAULT_WINDOWS } from '../evaluation/rules';

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
};

/** Domain settings kept in the database (UI preferences live in electron-store instead). */
export const AppSettingsSchema = z.strictObject({
  dueSoonDays: settingFields.dueSoonDays.default(14),
  selfEvalStartDay: settingFields.selfEvalStartDay.default(DEFAULT_WINDOWS.selfEvalStartDay),
  selfEvalEndDay: settingFields.selfEvalEndDay.default(DEFAULT_WINDOWS.selfEvalEndDay),
  unitEvalDay: settingFields.unitEvalDay.default(DEFAULT_WINDOWS.unitEvalDay),
  sendBeforeDay: settingFields.sendBeforeDay.default(DEFAULT_WINDOWS.sendBeforeDay),
});
export type AppSettings = z.output<typeof AppSettingsSchema>;
// Built from the fields without defaults: with `AppSettingsSchema.partial()` zod 4 fills every
// omitted key with its default, so saving one setting would reset all the others.
export const AppSettingsInput = z.strictObject(settingFields).partial();
export const DEFAULT_SETTINGS: AppSettings = AppSettingsSchema.parse({});
