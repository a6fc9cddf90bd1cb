import { toIsoDate } from '../../../shared/dates';
import type { HandlersFor } from '../api/types';
import { schemaVersion, type Db } from '../db/open';

export function appHandlers(db: Db): HandlersFor<'app'> {
  return {
    'app.info': (_input, ctx) => ({
      appVersion: ctx.appVersion,
      schemaVersion: schemaVersion(db),
      dataFile: ctx.dataFile,
      shell: ctx.shell,
      hasHomeUnit: db.prepare('SELECT 1 FROM units WHERE is_home = 1').get() !== undefined,
      today: toIsoDate(ctx.now()),
    }),
  };
}
