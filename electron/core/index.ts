import { userInfo } from 'node:os';
import type { MethodName } from '../../shared/api/contract';
import { AttkError } from '../../shared/errors';
import { vi } from '../../shared/i18n/vi';
import { createHandlers } from './api/handlers';
import { writeAside, type Core } from './api/dispatch';
import type { CallContext, Handlers } from './api/types';
import { BackupService, backupHandlers } from './backup/service';
import { openDatabase, type Db, type OpenOptions } from './db/open';
import { preflightDatabase } from './db/preflight';
import { appendErrorLog } from './db/error-log';
import { JobRunner } from './jobs/runner';
import { AppLock, lockHandlers } from './lock/service';
import { useBinding } from './signing/pkcs11';

export { dispatch, type Core } from './api/dispatch';
export { checkDatabase, openDatabase, LATEST_SCHEMA_VERSION } from './db/open';
export { DatabaseDamagedError, preflightDatabase } from './db/preflight';
export { dataLocation, type DataLocation } from './db/data-location';
export { moveDatabaseOnce, type MoveOutcome } from './db/move-to-local';
export { backupDir, listBackups } from './backup/files';
export { databaseInUse, findNewestGoodBackup, swapInBackup, verifyBackupFile } from './backup/restore';
export { scheduleDailyBackups, type DailyBackupTimer } from './backup/service';
export { writeBackup, writeBackupSync } from './backup/write';

export interface CoreOptions extends OpenOptions {
  file: string;
  shell: CallContext['shell'];
  appVersion: string;
  /** Defaults to the OS user name. */
  actor?: string;
  /** Tests pass a fixed clock. */
  now?: () => Date;
  /** Check an existing file read-only before opening it for writing (default true). */
  verify?: boolean;
  /** Wall clock for backup names and rotation (default: real time, whatever `now` says). */
  backupClock?: () => Date;
  /** Monotonic milliseconds for the app lock's idle timer and retry waits. */
  lockClock?: () => number;
  /** The desktop shell's printer: a renderer route → PDF bytes (report signing). */
  printPdf?: (route: string) => Promise<Buffer>;
  /** The desktop shell's print dialog for the print view on screen (the views' "In" button). */
  printView?: () => boolean;
  /** pkcs11.node built for this Electron (`npm start` only; see electron/main/native-bindings.ts). */
  pkcs11Binding?: string | undefined;
}

/** What createCore returns: the Core the shells dispatch to, plus the session services they schedule. */
export interface AppCore extends Core {
  readonly file: string;
  readonly backups: BackupService;
  readonly lock: AppLock;
}

/** Imports, preceded by a checked backup: each changes many rows at once, from a file. */
const BACKUP_BEFORE: ReadonlySet<MethodName> = new Set<MethodName>(['import.commit', 'campaignFile.import', 'district.importUnits', 'district.importFiles']);

/**
 * Open the database and build the handler map: what both shells (Electron IPC, HTTP harness) and
 * the CLI sit on. The core owns its connection and may replace it: a restore closes it, swaps the
 * file and opens the restored one, then rebuilds the handlers — so `core.db` and `core.handlers`
 * are read at each call (dispatch does), never kept.
 */
export function createCore(options: CoreOptions): AppCore {
  if (options.verify !== false) preflightDatabase(options.file, options);
  const actor = options.actor ?? safeUserName();
  const now = options.now ?? (() => new Date());
  const native = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  const env = {
    file: options.file,
    openReader: () => openDatabase(options.file, { readonly: true, ...native }),
    nativeBinding: options.nativeBinding,
    jobs: new JobRunner(),
    printPdf: options.printPdf,
    printView: options.printView,
    // A received unit file is stored by the file worker; writes on this connection wait meanwhile.
    writeAside: <T>(work: () => Promise<T>): Promise<T> => writeAside(core as unknown as Core, work),
  };
  if (options.pkcs11Binding) useBinding(options.pkcs11Binding);
  const open = () => openDatabase(options.file, options);
  let db: Db = open();

  const core = {
    file: options.file,
    get db() {
      return db;
    },
    handlers: {} as Handlers,
    context: () => ({ actor, now, shell: options.shell, dataFile: options.file, appVersion: options.appVersion }),
  } as AppCore & { handlers: Handlers };

  const reopen = (swap: () => void): Db => {
    try {
      // Fold the WAL into the file first: nothing of the old database may stay beside it.
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
    try {
      swap();
    } finally {
      // Whether the swap happened or not, the app keeps a working connection to whatever is there.
      db = open();
      core.handlers = build();
    }
    lock.reload();
    return db;
  };
  const backups = new BackupService({ file: options.file, db: () => db, reopen, busy: () => env.jobs.hasRunning(), nativeBinding: options.nativeBinding, ...(options.backupClock ? { clock: options.backupClock } : {}) });
  const lock = new AppLock({ db: () => db, ...(options.lockClock ? { clock: options.lockClock } : {}) });
  const build = (): Handlers => ({ ...createHandlers(db, env), ...backupHandlers(backups), ...lockHandlers(lock) }) as Handlers;
  core.handlers = build();

  Object.assign(core, {
    backups,
    lock,
    // Stacks of unexpected errors go to attk-errors.log beside the database, never to the screen.
    log: (message: string, error: unknown) => {
      if (options.file === ':memory:' || !appendErrorLog(options.file, message, error)) console.error(`[attk] ${message}`);
    },
    gate: (method: MethodName) => lock.gate(method),
    jobsRunning: () => env.jobs.hasRunning(),
    beforeWrite: async (method: MethodName) => {
      if (!BACKUP_BEFORE.has(method) || options.file === ':memory:') return;
      try {
        await backups.create('import');
      } catch (e) {
        throw new AttkError('DATABASE', vi.reliability.errors.backupBeforeImport((e as Error).message));
      }
    },
  });
  return core;
}

function safeUserName(): string {
  try {
    return userInfo().username || 'attk';
  } catch {
    return 'attk';
  }
}
