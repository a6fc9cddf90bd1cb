import { AppSettingsSchema, DEFAULT_SETTINGS, type AppSettings } from '../../../shared/settings/schema';
import type { HandlersFor } from '../api/types';
import { vi } from '../../../shared/i18n/vi';
import { changedFields } from '../audit/labels';
import { writeAudit } from '../audit/service';
import type { Db } from '../db/open';
import { checkEvaluationWindows } from '../evaluation/windows';

/** Domain settings as a typed object; unknown or invalid stored values fall back to defaults. */
export function readSettings(db: Db): AppSettings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const raw: Record<string, unknown> = {};
  for (const { key, value } of rows) {
    if (!(key in DEFAULT_SETTINGS)) continue;
    try {
      raw[key] = JSON.parse(value);
    } catch {
      /* keep the default */
    }
  }
  const parsed = AppSettingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export function settingsHandlers(db: Db): HandlersFor<'settings'> {
  return {
    'settings.get': () => readSettings(db),
    'settings.save': (input, ctx) => {
      const before = readSettings(db);
      checkEvaluationWindows({ ...before, ...input });
      // A save that changes nothing writes nothing, not even an audit row (issue 18).
      const changes = changedFields(before as unknown as Record<string, unknown>, input);
      if (changes.length === 0) return before;
      const upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
      for (const [key, value] of Object.entries(input)) if (value !== undefined) upsert.run(key, JSON.stringify(value));
      writeAudit(db, ctx, { action: 'update', entity: 'settings', entityId: null, summary: vi.auditText.settings(changes), data: input });
      return readSettings(db);
    },
  };
}
