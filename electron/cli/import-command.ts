import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { contract } from '../../shared/api/contract';
import { AttkError } from '../../shared/errors';
import { vi } from '../../shared/i18n/vi';
import { DUPLICATE_POLICIES, IMPORT_KINDS, MAX_FILE_BYTES, type DuplicatePolicy, type ImportKind, type ImportPreview } from '../../shared/import/schema';
import { foldForSearch } from '../../shared/text/vietnamese';
import { createCore } from '../core';
import { columnLetter } from '../core/import/package-parts';
import { ImportService } from '../core/import/service';
import { progressBar } from './progress';

// `attk import staff|accounts|confirmations FILE --db FILE [--sheet NAME] [--duplicates P]
//  [--system CODE] [--dry-run] [--json]` — the same core as the wizard: stage (pre-scan + worker),
// plan, and commit in one IMMEDIATE transaction. Exit 0 when every row was imported or skipped,
// 1 when some rows were refused (the valid ones are imported; --dry-run writes nothing).

const T = vi.import;

export class ImportUsageError extends Error {}

export interface ImportCommandArgs {
  positionals: string[];
  db: string;
  sheet?: string | undefined;
  duplicates?: string | undefined;
  system?: string | undefined;
  dryRun: boolean;
  json: boolean;
  now?: (() => Date) | undefined;
  appVersion: string;
  out: (text: string) => void;
}

export async function importCommand(args: ImportCommandArgs): Promise<number> {
  const [kindArg, fileArg] = args.positionals;
  if (!kindArg || !(IMPORT_KINDS as readonly string[]).includes(kindArg)) throw new ImportUsageError(`${T.cli.badKind}\n${T.cli.usage}`);
  if (!fileArg) throw new ImportUsageError(T.cli.usage);
  const kind = kindArg as ImportKind;
  const duplicates = (args.duplicates ?? 'skip') as DuplicatePolicy;
  if (!DUPLICATE_POLICIES.includes(duplicates)) throw new ImportUsageError(T.cli.badPolicy);
  let bytes: Buffer;
  // Too large is said before the file is read (and in the import's own words, with the limit).
  let size: number;
  try {
    size = statSync(resolve(fileArg)).size;
  } catch {
    throw new ImportUsageError(T.cli.noFile(fileArg));
  }
  if (size > MAX_FILE_BYTES) throw new AttkError('VALIDATION', vi.safety.files.tooLarge(basename(fileArg), size, MAX_FILE_BYTES));
  try {
    bytes = readFileSync(resolve(fileArg));
  } catch {
    throw new ImportUsageError(T.cli.noFile(fileArg));
  }
  const started = performance.now();
  const core = createCore({ file: resolve(args.db), shell: 'cli', appVersion: args.appVersion, ...(args.now ? { now: args.now } : {}) });
  try {
    const ctx = core.context();
    const service = new ImportService(core.db);
    const bars = !args.json && process.stderr.isTTY === true;
    let systemId: number | undefined;
    if (args.system) {
      const wanted = foldForSearch(args.system);
      const systems = core.db.prepare('SELECT id, name, code FROM systems').all() as { id: number; name: string; code: string }[];
      systemId = systems.find((s) => foldForSearch(s.code) === wanted || foldForSearch(s.name) === wanted)?.id;
      if (!systemId) throw new ImportUsageError(T.cli.unknownSystem(args.system));
    }
    // Inputs go through the contract's own schemas, exactly as a call from the UI would.
    const stageInput = contract['import.stage'].input.parse({
      kind, fileName: basename(fileArg), dataBase64: bytes.toString('base64'), ...(args.sheet ? { sheet: args.sheet } : {}),
    });
    const staged = await service.stage(stageInput, ctx, progressBar(T.cli.progressRead, bars));
    const planInput = { stageId: staged.stageId, sheet: staged.sheet, mapping: staged.mapping, duplicates, ...(systemId ? { systemId } : {}) };
    const preview = await service.preview(contract['import.preview'].input.parse({ ...planInput, filter: 'problems', limit: 1000 }), ctx);
    if (preview.missing.length > 0 || preview.needsSystem) {
      throw new AttkError('VALIDATION', preview.needsSystem ? T.errors.needSystem : T.errors.missingRequired(preview.missing.map((f) => T.fields[f]).join(', ')));
    }
    let result = { created: 0, updated: 0, skipped: preview.counts.skip, errors: preview.counts.error };
    if (!args.dryRun) {
      const commitInput = contract['import.commit'].input.parse(planInput);
      const bar = progressBar(T.cli.progressCommit, bars);
      // The same checked backup the app makes before every import (electron/core/backup).
      await core.beforeWrite?.('import.commit');
      // One transaction of its own (in the file worker when built): all rows and the audit row, or nothing.
      result = await service.commit(commitInput, ctx, bar);
    }
    const ms = Math.round(performance.now() - started);
    const problems = preview.rows.slice(0, 50).map((r) => ({ row: r.row, action: r.action, problems: r.problems }));
    if (args.json) {
      args.out(JSON.stringify({
        ok: true, kind, file: fileArg, sheet: preview.sheet, headerRow: preview.headerRow, dryRun: args.dryRun,
        mapping: Object.fromEntries(Object.entries(preview.mapping).map(([f, c]) => [f, columnLetter(c)])),
        counts: preview.counts, legacy: preview.legacy, notes: preview.notes, ...result, problems, ms,
      }));
    } else {
      args.out(args.dryRun ? T.cli.dryRun(preview.counts) : T.done(result));
      for (const note of preview.notes) args.out(`  ${note}`);
      for (const l of preview.legacy) args.out(`  ${T.converted(T.encodingName[l.encoding] ?? l.encoding, l.cells)}`);
      for (const r of summarise(preview)) args.out(r);
    }
    return preview.counts.error > 0 ? 1 : 0;
  } finally {
    core.db.close();
  }
}

function summarise(preview: ImportPreview): string[] {
  const lines = preview.rows.slice(0, 20).map((r) => T.cli.problem(r.row, r.problems.map((p) => (p.column ? `[${p.column}] ${p.message}` : p.message)).join(' ')));
  if (preview.total > 20) lines.push(T.cli.moreProblems(preview.total - 20));
  return lines;
}
