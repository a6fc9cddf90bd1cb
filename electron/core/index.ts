import { userInfo } from 'node:os';
import { createHandlers } from './api/handlers';
import type { Core } from './api/dispatch';
import type { CallContext } from './api/types';
import { openDatabase, type OpenOptions } from './db/open';
import { JobRunner } from './jobs/runner';

export { dispatch, type Core } from './api/dispatch';
export { checkDatabase, openDatabase, LATEST_SCHEMA_VERSION } from './db/open';

export interface CoreOptions extends OpenOptions {
  file: string;
  shell: CallContext['shell'];
  appVersion: string;
  /** Defaults to the OS user name. */
  actor?: string;
  /** Tests pass a fixed clock. */
  now?: () => Date;
}

/** Open the database and build the handler map: what both shells (Electron IPC, HTTP harness) and the CLI sit on. */
export function createCore(options: CoreOptions): Core {
  const db = openDatabase(options.file, options);
  const actor = options.actor ?? safeUserName();
  const now = options.now ?? (() => new Date());
  const env = {
    file: options.file,
    openReader: () => openDatabase(options.file, { readonly: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) }),
    jobs: new JobRunner(),
  };
  return {
    db,
    handlers: createHandlers(db, env),
    context: () => ({ actor, now, shell: options.shell, dataFile: options.file, appVersion: options.appVersion }),
  };
}

function safeUserName(): string {
  try {
    return userInfo().username || 'attk';
  } catch {
    return 'attk';
  }
}
