import { copyFileSync, existsSync } from 'node:fs';
import { z } from 'zod';
import { checkOutput, publishOutputSync, type PublishOptions } from '../core/output/publish';
import { fileErrorMessage } from '../core/output/file-errors';
import { appendErrorLog } from '../core/db/error-log';
import { assertWritable, databaseErrorMessage } from '../core/db/errors';
import { zodToApiError } from '../core/api/dispatch';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isIsoDate } from '../../shared/dates';
import { AttkError } from '../../shared/errors';
import { vi } from '../../shared/i18n/vi';
import { checkDatabase, createCore, DatabaseDamagedError, dispatch, openDatabase, preflightDatabase, scheduleDailyBackups } from '../core';
import { backupCommand, damageHint, restoreCommand } from './backup-command';
import type { JobStatus } from '../../shared/jobs/schema';
import type { ExportResult } from '../../shared/reports/schema';
import type { AuditExport } from '../../shared/audit/schema';
import { generateDemo } from '../core/demo/generate';
import { startHarness } from './harness';
import { importCommand, ImportUsageError } from './import-command';
import { districtCommand, DistrictUsageError } from './district-command';
import { isOfficeCommand, officeCommand, OfficeUsageError } from './office-command';
import { signCommand, SignUsageError } from './sign-command';
import { exportDocxCommand } from './docx-command';
import { connectionsCommand, ConnectionsUsageError } from './connections-command';
import { progressBar } from './progress';

const APP_VERSION = '0.1.0';

class UsageError extends Error {}

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}
const stdio: Io = { out: (t) => process.stdout.write(`${t}\n`), err: (t) => process.stderr.write(`${t}\n`) };

/** Entry point of `attk`. Returns the process exit code. */
export async function main(argv: string[], io: Io = stdio): Promise<number> {
  const [command, ...rest] = argv;
  let json = false;
  try {
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      io.out(helpText());
      return 0;
    }
    const { values, positionals } = parseArgs({
      args: rest,
      options: {
        db: { type: 'string' },
        size: { type: 'string' },
        port: { type: 'string' },
        today: { type: 'string' },
        campaign: { type: 'string' },
        out: { type: 'string' },
        format: { type: 'string' },
        unit: { type: 'string' },
        from: { type: 'string' },
        sheet: { type: 'string' },
        duplicates: { type: 'string' },
        system: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'show-logins': { type: 'boolean', default: false },
        'unit-code': { type: 'string' },
        'trust-new-keys': { type: 'boolean', default: false },
        pkcs11: { type: 'string' },
        slot: { type: 'string' },
        'key-label': { type: 'string' },
        'pin-env': { type: 'string' },
        attach: { type: 'string' },
        roots: { type: 'string' },
        replace: { type: 'boolean', default: false },
        'confirm-key': { type: 'string', multiple: true },
        'confirm-unit': { type: 'string', multiple: true },
        'confirm-unit-code': { type: 'string' },
        fingerprint: { type: 'string' },
        reason: { type: 'string' },
        name: { type: 'string' },
        code: { type: 'string' },
        parent: { type: 'string' },
        'head-name': { type: 'string' },
        'head-title': { type: 'string' },
        place: { type: 'string' },
        level: { type: 'string' },
        address: { type: 'string' },
        directive: { type: 'string' },
        subject: { type: 'string' },
        start: { type: 'string' },
        deadline: { type: 'string' },
        systems: { type: 'string' },
        units: { type: 'string' },
        recipient: { type: 'string' },
        waits: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: true,
    });
    json = values.json ?? false;
    if (values.help) {
      io.out(helpText());
      return 0;
    }
    const today = values.today;
    if (today !== undefined && !isIsoDate(today)) throw new UsageError(vi.errors.invalidDate);
    const now = today ? () => new Date(`${today}T09:00:00`) : undefined;

    if (isOfficeCommand(command, positionals[0])) {
      // attk unit set, attk district mode|expect|board, attk campaign create (electron/cli/office-command.ts)
      try {
        return await officeCommand({
          command, sub: positionals[0], positionals: positionals.slice(1), db: requireDb(values.db), json, now, appVersion: APP_VERSION, write: io.out,
          options: {
            name: values.name, code: values.code, parent: values.parent, 'head-name': values['head-name'], 'head-title': values['head-title'], place: values.place,
            level: values.level, address: values.address, directive: values.directive, subject: values.subject, start: values.start, deadline: values.deadline,
            systems: values.systems, units: values.units, recipient: values.recipient, campaign: values.campaign,
          },
        });
      } catch (e) {
        throw e instanceof OfficeUsageError ? new UsageError(e.message) : e;
      }
    }
    switch (command) {
      case 'init': {
        const file = requireDb(values.db);
        const db = openDatabase(file);
        const version = checkDatabase(db).schemaVersion;
        db.close();
        report(io, json, { ok: true, file, schemaVersion: version }, vi.cli.initDone(file, version));
        return 0;
      }
      case 'demo': {
        const file = requireDb(values.db);
        const size = values.size ?? 'unit';
        if (size !== 'unit' && size !== 'district' && size !== 'province') throw new UsageError(vi.cli.badSize);
        if (existsSync(file)) throw new UsageError(vi.cli.demoExists(file));
        const started = performance.now();
        const db = openDatabase(file);
        try {
          const counts = generateDemo(db, size, {
            onProgress: progressBar(vi.cli.demoProgress, !json && process.stderr.isTTY === true),
            ...(today ? { today } : {}),
          });
          const ms = Math.round(performance.now() - started);
          report(io, json, { ok: true, file, size, ...counts, ms }, vi.cli.demoDone(counts.people, counts.accounts, ms));
        } finally {
          db.close();
        }
        return 0;
      }
      case 'check': {
        const file = requireDb(values.db);
        // Damage found read-only first (DatabaseDamagedError → the newest good backup is suggested below).
        preflightDatabase(file);
        const db = openDatabase(file, { readonly: true });
        const result = checkDatabase(db);
        db.close();
        const hint = result.ok ? null : damageHint(file);
        report(io, json, { ...result, file, ...(hint ? { backup: hint.backup } : {}) }, result.ok ? vi.cli.checkOk(result.schemaVersion) : `${vi.cli.checkFail(result.problems.join('; '))}\n${hint!.text}`);
        return result.ok ? 0 : 1;
      }
      case 'backup':
        return await backupCommand({ db: requireDb(values.db), dir: values.out, json, out: io.out });
      case 'audit': {
        // attk audit export --db FILE --out FILE.csv [--replace]: the whole audit log as the Nhật ký screen exports it.
        if (positionals[0] !== 'export') throw new UsageError(vi.safety.cli.auditUsage);
        const file = requireDb(values.db);
        if (!values.out) throw new UsageError(vi.cli.missingOption('--out'));
        const outOptions: PublishOptions = { dbFile: resolve(file), mode: values.replace ? 'replace' : 'refuse' };
        checkOutput(values.out, outOptions);
        const core = createCore({ file: resolve(file), shell: 'cli', appVersion: APP_VERSION, ...(now ? { now } : {}) });
        try {
          const r = await dispatch(core, 'audit.export', {});
          if (!r.ok) throw new AttkError(r.error.code, r.error.message, r.error.path);
          const exported = r.result as AuditExport;
          const out = publishOutputSync(values.out, Buffer.from(exported.csv, 'utf8'), outOptions);
          report(io, json, { ok: true, out, rows: exported.rows }, vi.safety.cli.auditDone(out, exported.rows));
        } finally {
          core.db.close();
        }
        return 0;
      }
      case 'restore':
        if (!values.from) throw new UsageError(vi.cli.missingOption('--from'));
        return restoreCommand({ db: requireDb(values.db), from: values.from, json, out: io.out, appVersion: APP_VERSION, confirmUnit: values['confirm-unit']?.[0] });
      case 'serve': {
        const file = requireDb(values.db);
        const port = values.port === undefined ? 0 : Number(values.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(vi.cli.badPort);
        // A database it cannot write is refused before anything else (the page would fail at the first save).
        preflightDatabase(resolve(file));
        assertWritable(resolve(file));
        const rendererDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'renderer');
        if (!existsSync(join(rendererDir, 'index.html'))) throw new UsageError(vi.cli.serveNoBuild);
        const core = createCore({ file: resolve(file), shell: 'harness', appVersion: APP_VERSION, ...(now ? { now } : {}) });
        const harness = await startHarness({ core, rendererDir, port }).catch((e: NodeJS.ErrnoException) => {
          core.db.close();
          throw e.code === 'EADDRINUSE' ? new UsageError(vi.cli.portInUse(port)) : e;
        });
        report(io, json, { ok: true, url: harness.openUrl, port: harness.port, token: harness.token }, vi.cli.serveReady(harness.openUrl));
        const daily = scheduleDailyBackups(core.backups, (message, error) => console.error(`[attk serve] ${message}`, error));
        await new Promise<void>((done) => {
          const stop = () => void harness.close().then(() => (daily.stop(), core.db.close(), done()));
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        return 0;
      }
      case 'bench': {
        const sizes = values.size ? [values.size] : undefined;
        if (sizes && !['unit', 'district', 'province'].includes(sizes[0]!)) throw new UsageError(vi.cli.badSize);
        const { runBench, runWaitBench } = await import('./bench');
        // --waits: only the main-thread waits (issue 16), on the district demo.
        if (values.waits) {
          io.out(await runWaitBench());
          return 0;
        }
        io.out(await runBench(sizes ? { sizes: sizes as ('unit' | 'district' | 'province')[] } : {}));
        return 0;
      }
      case 'export': {
        // attk export report|cancellations|sign-sheet --db FILE --campaign ID --out FILE [--format xlsx|docx] [--show-logins]
        const format = values.format ?? 'xlsx';
        if (format !== 'xlsx' && format !== 'docx') throw new UsageError(vi.documents.cli.formatKind);
        const kind = positionals[0] === 'report' ? 'report' : positionals[0] === 'cancellations' ? 'cancellations' : positionals[0] === 'sign-sheet' ? 'sign-sheet' : null;
        if (!kind) throw new UsageError(vi.cli.exportKind);
        const file = requireDb(values.db);
        const campaignId = Number(values.campaign);
        if (!Number.isInteger(campaignId) || campaignId <= 0) throw new UsageError(vi.cli.missingOption('--campaign'));
        if (!values.out) throw new UsageError(vi.cli.missingOption('--out'));
        const unitId = values.unit === undefined ? undefined : Number(values.unit);
        if (unitId !== undefined && (!Number.isInteger(unitId) || unitId <= 0)) throw new UsageError(vi.cli.missingOption('--unit'));
        // Checked before anything runs: --out never names the database, its -wal/-shm, the key, backups/.
        const outOptions: PublishOptions = { dbFile: resolve(file), mode: values.replace ? 'replace' : 'refuse' };
        checkOutput(values.out, outOptions);
        if (format === 'docx') return await exportDocxCommand({ db: file, kind, campaignId, out: values.out, unitId, replace: values.replace ?? false, json, now, appVersion: APP_VERSION, write: io.out });
        if (kind === 'sign-sheet') throw new UsageError(vi.documents.cli.signSheetXlsx);
        const core = createCore({ file: resolve(file), shell: 'cli', appVersion: APP_VERSION, ...(now ? { now } : {}) });
        try {
          const t0 = performance.now();
          const started = await dispatch(core, 'reports.export', { campaignId, kind, showLogins: values['show-logins'] ?? false });
          if (!started.ok) throw new AttkError(started.error.code, started.error.message, started.error.path);
          const bar = progressBar(vi.reports.exportJob, !json && process.stderr.isTTY === true);
          let status;
          for (;;) {
            const s = await dispatch(core, 'jobs.status', { id: (started.result as { jobId: string }).jobId });
            if (!s.ok) throw new AttkError(s.error.code, s.error.message);
            status = s.result as JobStatus<ExportResult>;
            bar(status.done, status.total);
            if (status.state !== 'running') break;
            await new Promise((r) => setTimeout(r, 10));
          }
          // The export as the app runs it (the job, from request to the file recorded), without this process's start-up.
          const exportMs = Math.round(performance.now() - t0);
          if (status.state === 'failed' || !status.result) throw new AttkError('INTERNAL', status.error?.message ?? vi.errors.internal);
          const recorded = status.result.filePath;
          const out = publishOutputSync(values.out, (tmp) => copyFileSync(recorded, tmp), outOptions);
          const r = status.result;
          const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
          report(
            io, json, { ok: true, out, sha256: r.sha256, fingerprint: r.fingerprint, keyWarning: r.keyWarning, figures: r.figures, rows: r.rows, exportMs, maxRssMb },
            vi.cli.exportDone(out, r.sha256, r.fingerprint) + (r.keyWarning ? `\n${r.keyWarning}` : ''),
          );
        } finally {
          core.db.close();
        }
        return 0;
      }
      case 'import': {
        // attk import staff|accounts|confirmations FILE.xlsx --db FILE [--sheet NAME] [--duplicates skip|update|create] [--system CODE] [--dry-run]
        try {
          return await importCommand({
            positionals, db: requireDb(values.db), sheet: values.sheet, duplicates: values.duplicates, system: values.system,
            dryRun: values['dry-run'] ?? false, json, now, appVersion: APP_VERSION, out: io.out,
          });
        } catch (e) {
          throw e instanceof ImportUsageError ? new UsageError(e.message) : e;
        }
      }
      case 'campaign':
      case 'district': {
        // attk campaign export|import …, attk district import|export|units … (electron/cli/district-command.ts)
        try {
          return await districtCommand({
            command, positionals, db: requireDb(values.db), campaign: values.campaign, out: values.out, unitCode: values['unit-code'],
            trustNewKeys: values['trust-new-keys'] ?? false, replace: values.replace ?? false, confirmKeys: values['confirm-key'] ?? [], confirmUnits: values['confirm-unit'] ?? [],
            confirmUnitCode: values['confirm-unit-code'], unit: values.unit, fingerprint: values.fingerprint, reason: values.reason,
            showLogins: values['show-logins'] ?? false, json, now, appVersion: APP_VERSION, write: io.out,
          });
        } catch (e) {
          throw e instanceof DistrictUsageError ? new UsageError(e.message) : e;
        }
      }
      case 'sign-pdf':
      case 'verify-pdf': {
        // attk sign-pdf IN.pdf --out OUT.pdf --pkcs11 LIB … / attk verify-pdf FILE.pdf [--roots DIR] (electron/cli/sign-command.ts)
        try {
          return await signCommand({
            command, positionals, out: values.out, pkcs11: values.pkcs11, slot: values.slot, keyLabel: values['key-label'], pinEnv: values['pin-env'],
            attach: values.attach, roots: values.roots, db: values.db, replace: values.replace ?? false, json, now: now ?? (() => new Date()), write: io.out,
          });
        } catch (e) {
          throw e instanceof SignUsageError ? new UsageError(e.message) : e;
        }
      }
      case 'connections':
      case 'security': {
        // attk connections list …, attk security list … (electron/cli/connections-command.ts)
        try {
          return await connectionsCommand({ command, positionals, db: requireDb(values.db), json, now, appVersion: APP_VERSION, write: io.out });
        } catch (e) {
          throw e instanceof ConnectionsUsageError ? new UsageError(e.message) : e;
        }
      }
      default:
        throw new UsageError(vi.cli.unknownCommand(command));
    }
  } catch (error) {
    const known = error instanceof z.ZodError ? zodToApiError(error).message : knownErrorMessage(error);
    const message =
      error instanceof AttkError || error instanceof UsageError
        ? error.message
        : (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
          ? `${(error as Error).message}\n${vi.cli.unknownCommand(command ?? '')}`
          : (known ?? vi.errors.internal);
    // No stack on the console: it goes to attk-errors.log beside the database, and the message says where.
    let logged: string | null = null;
    if (!(error instanceof AttkError || error instanceof UsageError) && !(error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      const db = dbOf(rest);
      logged = db ? appendErrorLog(db, `attk ${command ?? ''}`, error) : null;
    }
    // A damaged database: never touched; point at the newest good backup and the command to restore it.
    const hint = error instanceof DatabaseDamagedError ? damageHint(error.file) : null;
    const shown = logged ? `${message}\n${vi.safety.db.logged(logged)}` : message;
    if (json) io.out(JSON.stringify({ ok: false, error: { message: shown }, ...(hint ? { backup: hint.backup } : {}) }));
    else io.err(hint ? `${shown}\n${hint.text}` : shown);
    return error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? 2 : 1;
  }
}

/** The whole --help: the general commands, then each feature's own. */
function helpText(): string {
  return `${vi.cli.help}${vi.import.cli.help}\n${vi.reliability.cli.help}\n${vi.signing.cli.help}\n${vi.safety.cli.help}\n${vi.cli.helpDistrict}\n${vi.district.cli.usage.replace(/^Cách dùng:\n/, '')}\n${vi.trust.cli.help}\n${vi.connections.cli.help}\n${vi.cli.helpOptions}`;
}

/** The --db argument, read without the parser (the error may be the parser's own). */
function dbOf(args: string[]): string | null {
  const i = args.findIndex((a) => a === '--db' || a.startsWith('--db='));
  if (i < 0) return null;
  return args[i]!.startsWith('--db=') ? args[i]!.slice(5) : (args[i + 1] ?? null);
}

/** A disk or database error a person can meet: its own Vietnamese message (not "lỗi không mong muốn"). */
function knownErrorMessage(error: unknown): string | null {
  const code = (error as { code?: unknown }).code;
  return databaseErrorMessage(code) ?? (typeof code === 'string' && code.startsWith('E') ? fileErrorMessage(error, vi.safety.files.dataFolder) : null);
}

function requireDb(db: string | undefined): string {
  if (!db) throw new UsageError(vi.cli.missingOption('--db'));
  return db;
}

function report(io: Io, json: boolean, data: object, text: string): void {
  io.out(json ? JSON.stringify(data) : text);
}
