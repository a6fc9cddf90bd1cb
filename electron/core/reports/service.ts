import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { toIsoDate } from '../../../shared/dates';
import { AttkError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import type { CampaignFigures } from '../../../shared/campaigns/rules';
import type { ExportResult, ReportHistoryEntry } from '../../../shared/reports/schema';
import type { CallContext, HandlersFor } from '../api/types';
import { writeAudit } from '../audit/service';
import { getCampaign } from '../campaigns/service';
import type { Db } from '../db/open';
import type { JobRunner } from '../jobs/runner';
import { lastExportFingerprint, loadOrCreateUnitKey } from './keys';
import type { WrittenReport } from './write-task';
import { runFileTask } from '../import/run-reader';
import { getHomeUnit } from '../unit/service';
import { toJobError } from '../jobs/errors';
import { documentDocx, readReportData, readSignSheetData } from './documents';
import { saveNarrative } from './narrative';
import { publishOutput } from '../output/publish';

export interface ReportEnv {
  /** The database file: exports go to an `exports` folder beside it, the signing key sits beside it. */
  file: string;
  /** A second, read-only connection: the export reads one consistent snapshot while the app keeps working. */
  openReader: () => Db;
  jobs: JobRunner;
  /** The native addon the running runtime needs, for the file worker's own read-only connection. */
  nativeBinding?: string | undefined;
  /** The desktop shell prints a renderer route to PDF (Electron's printToPDF); absent in the harness and CLI. */
  printPdf?: ((route: string) => Promise<Buffer>) | undefined;
  /** A job's write on the file worker's own connection: the dispatcher holds main-connection writes meanwhile (api/dispatch.ts). */
  writeAside?: <T>(work: () => Promise<T>) => Promise<T>;
}

/** A province-size export may take minutes; the watchdog is for a worker that hangs. */
const EXPORT_TIMEOUT_MS = 10 * 60_000;

export function exportsDir(dbFile: string): string {
  return join(dirname(dbFile), 'exports');
}

/**
 * An exported file as recorded (name, path, SHA-256), read back for saving elsewhere: refused if
 * it is gone or no longer the file that was recorded.
 */
export function readRecordedExport(row: { fileName: string; filePath: string; sha256: string }): { fileName: string; dataBase64: string } {
  let data: Buffer;
  try {
    data = readFileSync(row.filePath);
  } catch {
    throw new AttkError('NOT_FOUND', vi.reports.fileMissing(row.filePath), ['exportId']);
  }
  if (createHash('sha256').update(data).digest('hex') !== row.sha256) throw new AttkError('CONFLICT', vi.reports.fileChanged(basename(row.filePath)), ['exportId']);
  return { fileName: row.fileName, dataBase64: data.toString('base64') };
}

type ExportInput = { campaignId: number; kind: 'report' | 'cancellations'; showLogins: boolean };

/**
 * Write the workbook from a snapshot, publish it in exports/ (a fresh name, never replacing a
 * file), then record the export (file hash + figures as written) in one transaction. The record
 * comes only after the file is in place: a failed publish leaves no history row, and a failed
 * record removes the file it would have described.
 */
export async function runExport(db: Db, env: ReportEnv, ctx: CallContext, input: ExportInput, progress: (d: number, t: number) => void): Promise<ExportResult> {
  const today = toIsoDate(ctx.now());
  const generatedAt = ctx.now().toISOString();
  const key = loadOrCreateUnitKey(db, env.file, ctx.now());
  const dir = exportsDir(env.file);
  mkdirSync(dir, { recursive: true });
  const unit = getHomeUnit(db);
  if (!unit) throw new AttkError('VALIDATION', vi.errors.noHomeUnit);
  const fileName = vi.reports.fileName(unit.code.replace(/[^A-Za-z0-9_-]/g, '_'), input.kind === 'report' ? 'BaoCao' : 'DeNghiHuy', generatedAt.slice(0, 19).replace(/[-:T]/g, ''));
  let written: WrittenReport | undefined;
  // Two exports in the same second get -2, -3… (the record points at its own file). The workbook
  // is read from one snapshot and written in the file worker (issue 16 §4): the main thread only
  // publishes and records it.
  const filePath = await publishOutput(
    join(dir, fileName),
    async (tmp) => {
      written = (await runFileTask(
        {
          type: 'writeReport', dbFile: env.file, nativeBinding: env.nativeBinding, campaignId: input.campaignId, today,
          kind: input.kind, showLogins: input.showLogins, key, generatedAt, tmpPath: tmp,
        },
        { onProgress: progress, timeoutMs: EXPORT_TIMEOUT_MS },
      )) as WrittenReport;
    },
    { dbFile: env.file, mode: 'unique' },
  );
  let published = filePath;
  try {
    const { sha256 } = written!;
    const figures = written!.figures.overall;
    const { exportId, previous } = db.transaction(() => {
      const previous = lastExportFingerprint(db);
      const r = db
        .prepare('INSERT INTO report_exports (campaign_id, kind, file_name, file_path, sha256, figures, exported_at, exported_by, fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(input.campaignId, input.kind, basename(filePath), filePath, sha256, JSON.stringify(written!.figures), generatedAt, ctx.actor, key.fingerprint);
      writeAudit(db, ctx, {
        action: 'export', entity: 'campaign', entityId: input.campaignId, summary: `${basename(filePath)} (SHA-256 ${sha256.slice(0, 12)}…)`,
        data: { kind: input.kind, sha256, figures, fingerprint: key.fingerprint, ...(previous && previous !== key.fingerprint ? { previousFingerprint: previous } : {}) },
      });
      return { exportId: Number(r.lastInsertRowid), previous };
    }).immediate();
    published = '';
    // The key changed since the last export (a copy or restore without the key file): the office
    // will refuse this file until it confirms a key change, so say so now and how to get the key back.
    const keyWarning = previous && previous !== key.fingerprint ? vi.trust.keys.exportKeyChanged(previous, key.fingerprint) : null;
    return { exportId, kind: input.kind, filePath, fileName: basename(filePath), sha256, fingerprint: key.fingerprint, figures, rows: written!.rows, keyWarning };
  } finally {
    if (published) rmSync(published, { force: true });
  }
}

export function reportHandlers(db: Db, env: ReportEnv): HandlersFor<'reports'> & HandlersFor<'jobs'> {
  return {
    'reports.export': (input, ctx) => {
      const campaign = getCampaign(db, input.campaignId, ['campaignId']);
      if (campaign.status === 'draft') throw new AttkError('VALIDATION', vi.reports.draftCampaign, ['campaignId']);
      const jobId = env.jobs.start('reports.export', (progress) => runExport(db, env, ctx, input, progress), toJobError);
      return { jobId };
    },

    'jobs.status': ({ id }) => env.jobs.status(id),

    'reports.history': ({ campaignId }) => {
      const rows = db
        .prepare(
          `SELECT id, campaign_id AS campaignId, kind, file_name AS fileName, file_path AS filePath, sha256, figures, exported_at AS exportedAt, exported_by AS exportedBy
           FROM report_exports ${campaignId ? 'WHERE campaign_id = ?' : ''} ORDER BY id DESC`,
        )
        .all(...(campaignId ? [campaignId] : [])) as (Omit<ReportHistoryEntry, 'figures'> & { figures: string })[];
      return rows.map((r) => ({ ...r, figures: (JSON.parse(r.figures) as { overall: CampaignFigures }).overall }));
    },

    'reports.file': ({ exportId }) => {
      const row = db.prepare('SELECT file_name AS fileName, file_path AS filePath, sha256 FROM report_exports WHERE id = ?').get(exportId) as
        | { fileName: string; filePath: string; sha256: string }
        | undefined;
      if (!row) throw new AttkError('NOT_FOUND', vi.errors.notFound('tệp báo cáo', exportId), ['exportId']);
      return readRecordedExport(row);
    },

    'reports.data': ({ campaignId }, ctx) => readReportData(db, env, campaignId, toIsoDate(ctx.now())),

    'reports.saveNarrative': (input, ctx) => saveNarrative(db, ctx, input),

    'reports.signSheet': ({ campaignId, unitId }, ctx) => readSignSheetData(db, campaignId, toIsoDate(ctx.now()), unitId),

    'reports.docx': async ({ campaignId, kind, unitId }, ctx) => {
      const doc = await documentDocx(db, env, { campaignId, kind, unitId, now: ctx.now() });
      return { fileName: doc.fileName, dataBase64: doc.data.toString('base64') };
    },
  };
}
