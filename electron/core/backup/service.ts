import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupCreated, BackupEntry, BackupKind, BackupList, BackupUnit, RestoreResult } from '../../../shared/backup/schema';
import { AttkError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import type { CallContext, HandlersFor } from '../api/types';
import { writeAudit } from '../audit/service';
import { schemaVersion, type Db } from '../db/open';
import { readSettings } from '../settings/service';
import { backupDir, backupsToRemove, listBackups } from './files';
import { backupIdentity, belongsTo, readIdentity, setDatabaseId, type DatabaseIdentity } from './identity';
import { runFileTask } from '../import/run-reader';
import { swapInBackup } from './restore';
import { sweepTemporary, writeBackup } from './write';

const R = vi.reliability;

export interface BackupServiceOptions {
  file: string;
  /** The live connection; replaced by a restore. */
  db: () => Db;
  /** Close the live connection, run `swap` with no connection open, then open the file again. */
  reopen: (swap: () => void) => Db;
  /** True while background work (an export) holds its own connection to the file. */
  busy: () => boolean;
  nativeBinding?: string | undefined;
  /** Real time: names and daily rotation follow the wall clock, not `--today`. */
  clock?: () => Date;
  log?: (message: string, error: unknown) => void;
}

/**
 * Backups beside the database: automatic daily, before every import (the dispatcher's
 * beforeWrite), before every migration (openDatabase) and restore, and on demand.
 */
export class BackupService {
  private running: Promise<unknown> | null = null;
  private readonly clock: () => Date;

  constructor(private readonly options: BackupServiceOptions) {
    this.clock = options.clock ?? (() => new Date());
  }

  /** The live connection. */
  db(): Db {
    return this.options.db();
  }

  get dir(): string {
    return backupDir(this.options.file);
  }

  /** This database's identity: its id and home unit. */
  identity(): DatabaseIdentity {
    return readIdentity(this.options.db());
  }

  /**
   * The folder's backups split by database: this one's copies, and those of another database in
   * the same folder (compared by the id each copy carries; see identity.ts).
   */
  list(): BackupList {
    const own = this.identity();
    const entries: BackupEntry[] = [];
    const others: BackupEntry[] = [];
    for (const e of listBackups(this.dir)) {
      const id = backupIdentity(join(this.dir, e.name), this.options.nativeBinding);
      // A damaged file kept at startup may not say who it is: unless it names another database, it is this one's evidence.
      const mine = e.kind === 'damaged' ? !id?.id || belongsTo(id, own) : belongsTo(id, own);
      (mine ? entries : others).push({ ...e, unit: id?.unit ?? null });
    }
    return { dir: this.dir, entries, others, unit: own.unit };
  }

  /** A checked copy with the online backup API, then rotation. One copy at a time. */
  async create(kind: BackupKind): Promise<BackupCreated> {
    while (this.running) await this.running.catch(() => undefined);
    const work = this.createNow(kind);
    this.running = work;
    try {
      return await work;
    } finally {
      this.running = null;
    }
  }

  private async createNow(kind: BackupKind): Promise<BackupCreated> {
    let entry: BackupEntry & { path: string };
    try {
      entry = await writeBackup(this.options.db(), { dir: this.dir, kind, at: this.clock(), nativeBinding: this.options.nativeBinding });
    } catch (e) {
      if (e instanceof AttkError) throw e;
      throw new AttkError('DATABASE', R.errors.backupFailed((e as Error).message));
    }
    const { path, ...plain } = entry;
    return { entry: plain, path, removed: this.rotate() };
  }

  /** The automatic copy: once per calendar day (local), whenever the app runs that day. */
  async runDailyIfDue(): Promise<BackupCreated | null> {
    const today = this.clock();
    const stamp = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    // Only this database's daily copy counts: another database's in the same folder is not ours.
    if (this.list().entries.some((e) => e.kind === 'daily' && e.createdAt.startsWith(stamp))) return null;
    return this.create('daily');
  }

  /** Remove what the retention settings no longer keep, and temporary files of killed copies. */
  rotate(): string[] {
    const settings = readSettings(this.options.db());
    // Rotation looks at this database's copies only: another database's are never removed from here.
    const remove = backupsToRemove(this.list().entries, { keepDaily: settings.backupKeepDaily, keepMonthly: settings.backupKeepMonthly });
    for (const name of remove) rmSync(join(this.dir, name), { force: true });
    try {
      sweepTemporary(this.dir, readdirSync(this.dir));
    } catch {
      /* the folder may not exist yet */
    }
    return remove;
  }

  /**
   * Restore a backup from the folder: verify it (integrity_check, schema version — in the file
   * worker: ~0.3–0.5 s on a district copy) → a checked 'restore' copy of the current data (online
   * backup API, checked in the worker) → close the connection → swap the file in → reopen
   * (migrating an older backup) → audit. The dispatcher runs it as a `bulk` method: no write, job
   * or other admin call runs meanwhile; a copy due meanwhile (the daily one) waits for it.
   */
  async restore(name: string, ctx: CallContext, confirmUnitCode?: string): Promise<RestoreResult> {
    if (this.running) throw new AttkError('CONFLICT', R.errors.busyBackup);
    if (this.options.busy()) throw new AttkError('CONFLICT', R.errors.busyJobs);
    const list = this.list();
    const entry = list.entries.find((e) => e.name === name) ?? list.others.find((e) => e.name === name);
    if (!entry || !entry.restorable) throw new AttkError('NOT_FOUND', R.errors.backupNotFound(name), ['name']);
    // Another database's copy replaces this unit's data with someone else's: only if the user
    // confirmed the unit the screen named.
    const foreign = !list.entries.includes(entry);
    if (foreign) assertForeignConfirmed(entry, list.unit, confirmUnitCode);
    const work = this.restoreNow(entry, foreign, ctx);
    this.running = work;
    try {
      return await work;
    } finally {
      this.running = null;
    }
  }

  private async restoreNow(entry: BackupEntry, foreign: boolean, ctx: CallContext): Promise<RestoreResult> {
    const name = entry.name;
    const ownId = this.identity().id;
    const path = join(this.dir, name);
    if (!existsSync(path) || !statSync(path).isFile()) throw new AttkError('NOT_FOUND', R.errors.backupNotFound(name));
    try {
      await runFileTask({ type: 'verifyBackupFile', path, nativeBinding: this.options.nativeBinding }, { timeoutMs: 10 * 60_000 });
    } catch (e) {
      if (e instanceof AttkError) throw e;
      throw new AttkError('DATABASE', R.errors.backupBad((e as Error).message));
    }
    let kept: BackupEntry & { path: string };
    try {
      kept = await writeBackup(this.options.db(), { dir: this.dir, kind: 'restore', at: this.clock(), nativeBinding: this.options.nativeBinding });
    } catch (e) {
      if (e instanceof AttkError) throw e;
      throw new AttkError('DATABASE', R.errors.backupFailed((e as Error).message));
    }
    let db: Db;
    try {
      db = this.options.reopen(() => swapInBackup(this.options.file, path, { replaced: 'backed-up', at: this.clock(), nativeBinding: this.options.nativeBinding }));
    } catch (e) {
      if (e instanceof AttkError) throw new AttkError(e.code, R.errors.restoreFailed(e.message));
      throw new AttkError('DATABASE', R.errors.restoreFailed((e as Error).message));
    }
    db.transaction(() => {
      // The file stays itself: its own daily copies and list continue, whatever data it now holds.
      if (foreign && ownId) setDatabaseId(db, ownId);
      writeAudit(db, ctx, {
        action: 'restore', entity: 'database', entityId: null, summary: R.backup.auditRestore(name),
        data: { from: name, preRestore: kept.name, ...(foreign ? { otherUnit: entry.unit ?? null } : {}) },
      });
    }).immediate();
    this.rotate();
    return { restored: entry, preRestore: kept.name, schemaVersion: schemaVersion(db) };
  }
}

export function backupHandlers(service: BackupService): HandlersFor<'backup'> {
  return {
    'backup.list': () => service.list(),
    'backup.create': async (_input, ctx) => {
      const created = await service.create('manual');
      // Recorded after the copy, so the copy itself does not contain its own audit row.
      const db = service.db();
      db.transaction(() => writeAudit(db, ctx, { action: 'backup', entity: 'database', entityId: null, summary: R.backup.audit(created.entry.name) })).immediate();
      return created;
    },
    'backup.restore': ({ name, confirmUnitCode }, ctx) => service.restore(name, ctx, confirmUnitCode),
  };
}

/** Refuse another database's copy unless the user confirmed its unit (by the code the list showed). */
export function assertForeignConfirmed(entry: BackupEntry, own: BackupUnit | null, confirmUnitCode: string | undefined): void {
  const unit = entry.unit ?? null;
  const expected = unit?.code ?? '';
  if (confirmUnitCode === undefined || confirmUnitCode.trim() !== expected) {
    throw new AttkError('CONFLICT', vi.safety.backup.foreign(unit, own), ['confirmUnitCode']);
  }
}

export interface DailyBackupTimer {
  stop: () => void;
}

/**
 * The automatic daily copy for a running app (Electron, `attk serve`): checked shortly after start
 * and then every hour, so an app left open over midnight makes the next day's copy too.
 */
export function scheduleDailyBackups(service: BackupService, log: (message: string, error: unknown) => void, firstDelayMs = 20_000, everyMs = 60 * 60_000): DailyBackupTimer {
  let stopped = false;
  const run = () => {
    if (stopped || !service.db().open) return;
    service.runDailyIfDue().catch((e: unknown) => log('daily backup failed', e));
  };
  const first = setTimeout(run, firstDelayMs);
  const every = setInterval(run, everyMs);
  first.unref?.();
  every.unref?.();
  return {
    stop: () => {
      stopped = true;
      clearTimeout(first);
      clearInterval(every);
    },
  };
}
