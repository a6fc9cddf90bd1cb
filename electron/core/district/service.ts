import { decodeBase64 } from '../import/base64';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { toIsoDate } from '../../../shared/dates';
import type { DistrictExportResult, UnitListImportResult } from '../../../shared/district/schema';
import { AttkError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import type { HandlersFor } from '../api/types';
import { writeAudit } from '../audit/service';
import { getCampaign } from '../campaigns/service';
import type { Db } from '../db/open';
import { toJobError } from '../jobs/errors';
import { getLegalDocuments } from '../legal/service';
import { exportsDir, readRecordedExport, type ReportEnv } from '../reports/service';
import { publishOutput } from '../output/publish';
import { getHomeUnit } from '../unit/service';
import { districtBoard, submissionHistory } from './board';
import { exportCampaignFile, importCampaignFile, previewCampaignFile } from './campaign-file';
import { parseCampaignFileOffThread } from './campaign-file-worker';
import { getRegisterUnit, listRegister, readDistrictSettings, upsertRegisterUnit } from './register';
import { importSubmissions } from './submissions';
import { fileWorkerUrl } from '../import/run-reader';
import { changeUnitKey } from './key-trust';
import { ListError, readUnitList } from './unit-list';
import { writeDistrictWorkbook } from './xlsx-district';

const T = vi.district;

function decode(fileName: string, dataBase64: string): Buffer {
  const bytes = decodeBase64(dataBase64);
  if (!bytes) throw new AttkError('VALIDATION', T.result.badBase64(fileName), ['dataBase64']);
  return bytes;
}

/** A campaign file export leaves its audit row (campaign-file.ts): the signing key's fingerprint is in its data. */
function campaignFileExported(db: Db, campaignId: number): boolean {
  return !!db
    .prepare(`SELECT 1 FROM audit_log WHERE action = 'export' AND entity = 'campaign' AND entity_id = ? AND json_extract(data, '$.fingerprint') IS NOT NULL LIMIT 1`)
    .get(campaignId);
}

export function districtHandlers(db: Db, env: ReportEnv): HandlersFor<'district'> & HandlersFor<'campaignFile'> {
  return {
    'district.settings': () => readDistrictSettings(db),

    'district.saveSettings': (input, ctx) => {
      const r = db
        .prepare('UPDATE units SET receiving_mode = ?, office_level = ?, office_address = ?, updated_at = ? WHERE is_home = 1')
        .run(input.receivingMode ? 1 : 0, input.officeLevel, input.officeAddress, ctx.now().toISOString());
      if (r.changes === 0) throw new AttkError('VALIDATION', vi.errors.noHomeUnit);
      writeAudit(db, ctx, { action: 'update', entity: 'settings', entityId: null, summary: T.settings.title, data: input });
      return readDistrictSettings(db);
    },

    'district.units': () => listRegister(db),

    'district.saveUnit': (input, ctx) => {
      const id = upsertRegisterUnit(db, input, ctx.now().toISOString());
      const unit = getRegisterUnit(db, id);
      writeAudit(db, ctx, { action: input.id ? 'update' : 'create', entity: 'unit', entityId: id, summary: unit.name, data: input });
      return unit;
    },

    'district.removeUnit': ({ id }, ctx) => {
      const unit = getRegisterUnit(db, id);
      // Only a unit entered by mistake: one with staff, files or a pinned key is part of the record.
      if (unit.people > 0 || unit.submissions > 0 || unit.key) throw new AttkError('CONFLICT', vi.errors.conflict, ['id']);
      db.prepare('DELETE FROM district_expected_units WHERE unit_id = ?').run(id);
      db.prepare('DELETE FROM units WHERE id = ? AND is_home = 0').run(id);
      writeAudit(db, ctx, { action: 'delete', entity: 'unit', entityId: id, summary: unit.name, data: unit });
      return { removed: id };
    },

    'district.importUnits': ({ fileName, dataBase64 }, ctx) => {
      const bytes = decode(fileName, dataBase64);
      const jobId = env.jobs.start(
        'district.importUnits',
        async (progress): Promise<UnitListImportResult> => {
          progress(0, 2);
          let list;
          try {
            list = await readUnitList(fileName, bytes);
          } catch (error) {
            if (error instanceof ListError) throw new AttkError('VALIDATION', error.message, ['dataBase64']);
            throw error;
          }
          progress(1, 2);
          return db.transaction(() => {
            const home = getHomeUnit(db);
            const now = ctx.now().toISOString();
            const result: UnitListImportResult = { created: 0, updated: 0, unchanged: 0, problems: [...list.problems] };
            const firstRow = new Map<string, number>();
            for (const r of list.rows) {
              const key = r.code.toUpperCase();
              if (home && key === home.code.toUpperCase()) {
                result.problems.push({ row: r.row, message: T.listImport.homeCode(r.code) });
                continue;
              }
              if (firstRow.has(key)) {
                result.problems.push({ row: r.row, message: T.listImport.duplicateInFile(r.code, firstRow.get(key)!) });
                continue;
              }
              firstRow.set(key, r.row);
              const existing = db.prepare('SELECT id, name, kind, contact FROM units WHERE code = ? AND is_home = 0').get(r.code) as
                | { id: number; name: string; kind: string; contact: string }
                | undefined;
              if (existing && existing.name === r.name && existing.kind === r.kind && existing.contact === r.contact) {
                result.unchanged++;
                continue;
              }
              upsertRegisterUnit(db, { ...(existing ? { id: existing.id } : {}), name: r.name, code: r.code, kind: r.kind, contact: r.contact }, now);
              if (existing) result.updated++;
              else result.created++;
            }
            result.problems.sort((a, b) => a.row - b.row);
            writeAudit(db, ctx, { action: 'import', entity: 'unit', entityId: null, summary: `${T.listImport.job}: ${fileName}`, data: { ...result, problems: result.problems.length } });
            return result;
          }).immediate();
        },
        toJobError,
      );
      return { jobId };
    },

    'district.expected': ({ campaignId }) => {
      getCampaign(db, campaignId, ['campaignId']);
      return (db.prepare('SELECT unit_id AS id FROM district_expected_units WHERE campaign_id = ? ORDER BY unit_id').all(campaignId) as { id: number }[]).map((r) => r.id);
    },

    'district.setExpected': ({ campaignId, unitIds }, ctx) => {
      getCampaign(db, campaignId, ['campaignId']);
      const ids = [...new Set(unitIds)];
      ids.forEach((id, i) => {
        if (!db.prepare('SELECT 1 FROM units WHERE id = ? AND is_home = 0').get(id)) throw new AttkError('NOT_FOUND', T.expected.unknownUnit(id), ['unitIds', i]);
      });
      db.prepare('DELETE FROM district_expected_units WHERE campaign_id = ?').run(campaignId);
      const add = db.prepare('INSERT INTO district_expected_units (campaign_id, unit_id) VALUES (?, ?)');
      for (const id of ids) add.run(campaignId, id);
      writeAudit(db, ctx, { action: 'update', entity: 'campaign', entityId: campaignId, summary: T.expected.saved(ids.length), data: { unitIds: ids } });
      return ids.sort((a, b) => a - b);
    },

    'district.importFiles': (input, ctx) => {
      if (input.campaignId) getCampaign(db, input.campaignId, ['campaignId']);
      // Each file is stored by the file worker on its own connection (issue 16 §4), when there is one.
      const workerUrl = db.memory ? null : fileWorkerUrl();
      const off = workerUrl && env.writeAside ? { workerUrl, dbFile: db.name, nativeBinding: env.nativeBinding, aside: env.writeAside } : undefined;
      const jobId = env.jobs.start('district.importFiles', (progress) => importSubmissions(db, ctx, input, progress, off), toJobError);
      return { jobId };
    },

    'district.changeKey': (input, ctx) => changeUnitKey(db, ctx, input),

    'district.board': ({ campaignId, kind, status }, ctx) => districtBoard(db, campaignId, toIsoDate(ctx.now()), { kind, status }),

    'district.submissions': ({ campaignId, unitId }) => submissionHistory(db, campaignId, unitId),

    'district.export': ({ campaignId, showLogins }, ctx) => {
      getCampaign(db, campaignId, ['campaignId']);
      const office = getHomeUnit(db);
      if (!office) throw new AttkError('VALIDATION', vi.errors.noHomeUnit);
      const jobId = env.jobs.start(
        'district.export',
        async (progress): Promise<DistrictExportResult> => {
          const generatedAt = ctx.now().toISOString();
          const dir = exportsDir(env.file);
          mkdirSync(dir, { recursive: true });
          const fileName = T.xlsx.fileName(office.code.replace(/[^A-Za-z0-9_-]/g, '_'), generatedAt.slice(0, 19).replace(/[-:T]/g, ''));
          // One consistent snapshot: files arriving meanwhile do not split the workbook.
          const reader = env.openReader();
          let published = '';
          try {
            reader.exec('BEGIN');
            const board = districtBoard(reader, campaignId, toIsoDate(ctx.now()));
            let sha256 = '';
            // Published first (a fresh name in exports/), recorded after: no history row without its file.
            const filePath = await publishOutput(
              join(dir, fileName),
              async (tmp) => {
                await writeDistrictWorkbook(reader, { file: tmp, office, board, generatedAt, progress, showLogins });
                sha256 = createHash('sha256').update(readFileSync(tmp)).digest('hex');
              },
              { dbFile: env.file, mode: 'unique' },
            );
            published = filePath;
            reader.exec('COMMIT');
            const finalName = basename(filePath);
            const exportId = db.transaction(() => {
              const r = db
                .prepare('INSERT INTO district_exports (campaign_id, file_name, file_path, sha256, units, exported_at, exported_by) VALUES (?, ?, ?, ?, ?, ?, ?)')
                .run(campaignId, finalName, filePath, sha256, board.units.length, generatedAt, ctx.actor);
              writeAudit(db, ctx, { action: 'export', entity: 'campaign', entityId: campaignId, summary: `${finalName} (SHA-256 ${sha256.slice(0, 12)}…)`, data: { sha256, counts: board.counts } });
              return Number(r.lastInsertRowid);
            }).immediate();
            published = '';
            return { exportId, filePath, fileName: finalName, sha256, units: board.counts.received, missing: board.counts.missing };
          } finally {
            if (reader.inTransaction) reader.exec('ROLLBACK');
            reader.close();
            if (published) rmSync(published, { force: true });
          }
        },
        toJobError,
      );
      return { jobId };
    },

    'district.exportFile': ({ exportId }) => {
      const row = db.prepare('SELECT file_name AS fileName, file_path AS filePath, sha256 FROM district_exports WHERE id = ?').get(exportId) as
        | { fileName: string; filePath: string; sha256: string }
        | undefined;
      if (!row) throw new AttkError('NOT_FOUND', vi.errors.notFound(T.xlsx.what, exportId), ['exportId']);
      return readRecordedExport(row);
    },

    'district.reportData': ({ campaignId }, ctx) => {
      const today = toIsoDate(ctx.now());
      const office = getHomeUnit(db);
      if (!office) throw new AttkError('VALIDATION', vi.errors.noHomeUnit);
      const board = districtBoard(db, campaignId, today);
      return {
        office, settings: readDistrictSettings(db), campaign: board.campaign, legal: getLegalDocuments(db, board.campaign.legalIds, today), board,
        toCancel: board.totals.overall.toCancel, today,
        campaignFileSent: campaignFileExported(db, campaignId),
      };
    },

    'campaignFile.export': ({ campaignId }, ctx) => exportCampaignFile(db, env.file, ctx, campaignId),

    // Parsed and verified in the file worker; the import's write is then one transaction here (a
    // `bulk` method: the dispatcher holds other writes while the file is parsed).
    'campaignFile.preview': async ({ fileName, dataBase64 }) => previewCampaignFile(db, await parseCampaignFileOffThread(fileName, dataBase64)),

    'campaignFile.import': async ({ fileName, dataBase64, unitCode, confirmUnitCode }, ctx) => {
      const parsed = await parseCampaignFileOffThread(fileName, dataBase64);
      return db.transaction(() => importCampaignFile(db, ctx, parsed, unitCode, confirmUnitCode)).immediate();
    },
  };
}
