import { z } from 'zod';

/** Domain settings kept in the database (UI preferences live in electron-store instead). */
export const AppSettingsSchema = z.strictObject({
  /** Rule 1: "due soon" threshold in days. */
  dueSoonDays: z.number().int().min(0).max(90).default(14),
});
export type AppSettings = z.output<typeof AppSettingsSchema>;
export const AppSettingsInput = AppSettingsSchema.partial();
export const DEFAULT_SETTINGS: AppSettings = AppSettingsSchema.parse({});
