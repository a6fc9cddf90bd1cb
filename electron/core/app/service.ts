import { toIsoDate } from '../../../shared/dates';
import type { HandlersFor } from '../api/types';
import { schemaVersion, type Db } from '../db/open';

export interface AppEnv {
  /** The desktop shell's print of the print view on screen; false when the screen is not one. */
  printView?: (() => boolean) | undefined;
}

export function appHandlers(db: Db, env: AppEnv = {}): HandlersFor<'app'> {
  return {
    'app.print': () => ({ handled: env.printView ? env.printView() : false }),
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
