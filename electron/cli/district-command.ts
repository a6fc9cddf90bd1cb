import { copyFileSync, readFileSync } from 'node:fs';
import { checkOutput, publishOutputSync, type PublishOptions } from '../core/output/publish';
import { basename, resolve } from 'node:path';
import type { InputOf, MethodName, ResultOf } from '../../shared/api/contract';
import type { DistrictExportResult, SubmissionImportResult, UnitListImportResult } from '../../shared/district/schema';
import { AttkError } from '../../shared/errors';
import { vi } from '../../shared/i18n/vi';
import type { JobStatus } from '../../shared/jobs/schema';
import { createCore, dispatch } from '../core';
import { progressBar } from './progress';
import { verifyReportSafely } from '../core/import/run-reader';

// The receiving office from the command line (same core, same contract as the UI):
//   attk campaign export --campaign ID --out FILE.attk-campaign --db DB
//   attk campaign import FILE.attk-campaign --db DB [--unit-code CODE]
//   attk district import FILE.xlsx|FILE.pdf… --db DB [--campaign ID] [--trust-new-keys] (a signed report PDF: see signed-submission.ts)
//   attk district export --campaign ID --out FILE.xlsx --db DB
//   attk district units FILE.xlsx|FILE.csv --db DB
// Exit 0 when everything went in, 1 when a file was refused (the others are stored).

const T = vi.district.cli;

export class DistrictUsageError extends Error {}

export interface DistrictCommandArgs {
  command: 'campaign' | 'district';
  positionals: string[];
  db: string;
  campaign?: string | undefined;
  out?: string | undefined;
  unitCode?: string | undefined;
  trustNewKeys: boolean;
  /** --replace: the user chose to replace an existing --out file. */
  replace?: boolean;
  /** --confirm-key CODE=FINGERPRINT (repeatable): keys checked against the units' signed paper reports. */
  confirmKeys: string[];
  /** --confirm-unit CODE (repeatable): files whose unit name differs from the register, confirmed as that unit. */
  confirmUnits: string[];
  confirmUnitCode?: string | undefined;
  unit?: string | undefined;
  fingerprint?: string | undefined;
  reason?: string | undefined;
  showLogins: boolean;
  json: boolean;
  now?: (() => Date) | undefined;
  appVersion: string;
  write: (text: string) => void;
}

function readUpload(path: string): { fileName: string; dataBase64: string } {
  try {
    return { fileName: basename(path), dataBase64: readFileSync(resolve(path)).toString('base64') };
  } catch {
    throw new DistrictUsageError(T.noFile(path));
  }
}

function confirmedKeys(values: string[]): { unitCode: string; fingerprint: string }[] {
  return values.map((v) => {
    const m = /^([^=]+)=([0-9A-Fa-f]{4}(?:-[0-9A-Fa-f]{4}){3})$/.exec(v.trim());
    if (!m) throw new DistrictUsageError(vi.trust.keys.badConfirmKey(v));
    return { unitCode: m[1]!.trim(), fingerprint: m[2]!.toUpperCase() };
  });
}

function campaignId(value: string | undefined): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0) throw new DistrictUsageError(vi.cli.missingOption('--campaign'));
  return id;
}

export async function districtCommand(args: DistrictCommandArgs): Promise<number> {
  const [sub, ...files] = args.positionals;
  // --out is checked before anything runs: never the database, its -wal/-shm, the key, backups/.
  const outOptions: PublishOptions = { dbFile: resolve(args.db), mode: args.replace ? 'replace' : 'refuse' };
  if (args.out && (sub === 'export')) checkOutput(args.out, outOptions);
  const core = createCore({ file: resolve(args.db), shell: 'cli', appVersion: args.appVersion, ...(args.now ? { now: args.now } : {}) });
  const call = async <M extends MethodName>(method: M, input: InputOf<M>): Promise<ResultOf<M>> => {
    const r = await dispatch(core, method, input);
    if (!r.ok) throw new AttkError(r.error.code, r.error.message, r.error.path);
    return r.result as ResultOf<M>;
  };
  const bars = !args.json && process.stderr.isTTY === true;
  const wait = async <R>(jobId: string, label: string): Promise<R> => {
    const bar = progressBar(label, bars);
    for (;;) {
      const s = (await call('jobs.status', { id: jobId })) as JobStatus<R>;
      bar(s.done, s.total);
      if (s.state === 'done') return s.result as R;
      if (s.state === 'failed') throw new AttkError('VALIDATION', s.error?.message ?? vi.errors.internal);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const print = (data: object, text: string) => args.write(args.json ? JSON.stringify(data) : text);
  try {
    if (args.command === 'campaign' && sub === 'export') {
      if (!args.out) throw new DistrictUsageError(vi.cli.missingOption('--out'));
      const r = await call('campaignFile.export', { campaignId: campaignId(args.campaign) });
      const out = publishOutputSync(args.out, Buffer.from(r.dataBase64, 'base64'), outOptions);
      print({ ok: true, out, reference: r.reference, fingerprint: r.fingerprint }, T.campaignExported(out, r.reference, r.fingerprint));
      return 0;
    }
    if (args.command === 'campaign' && sub === 'import') {
      if (!files[0]) throw new DistrictUsageError(T.noFiles);
      const upload = readUpload(files[0]);
      // The unit's own code changes only to one of the file's units, picked and confirmed by the clerk.
      const preview = await call('campaignFile.preview', upload);
      if (!preview.homeCodeListed) {
        const list = [vi.trust.identity.listTitle, ...preview.units.map((u) => vi.trust.identity.listLine(u.code, u.name))].join('\n');
        const picked = args.unitCode ? preview.units.find((u) => u.code.toUpperCase() === args.unitCode!.trim().toUpperCase()) : undefined;
        if (!args.unitCode) throw new DistrictUsageError(`${vi.trust.identity.notListed(preview.homeUnitCode)}\n${list}`);
        if (!picked) throw new DistrictUsageError(`${vi.trust.identity.pickNotListed(args.unitCode)}\n${list}`);
        if (!args.confirmUnitCode) throw new DistrictUsageError(vi.trust.identity.confirmNeeded(preview.homeUnitCode, picked.code, picked.name));
      }
      const r = await call('campaignFile.import', { ...upload, unitCode: args.unitCode ?? '', confirmUnitCode: args.confirmUnitCode ?? '' });
      print(
        { ok: true, campaignId: r.campaign.id, reference: r.campaign.reference, fingerprint: r.fingerprint, created: r.created, systemsCreated: r.systemsCreated, siteToSiteApplied: r.siteToSiteApplied, legalAdded: r.legalAdded, unitCodeChanged: r.unitCodeChanged },
        T.campaignImported(r.campaign.directiveNumber, r.campaign.id, r.fingerprint) + (r.unitCodeChanged ? `\n${vi.trust.identity.codeChanged(r.unitCodeChanged.from, r.unitCodeChanged.to)}` : '')
          + r.siteToSiteApplied.map((x) => `\n${vi.districtNotices.campaignFile.applied(x.name, x.requiresSiteToSiteVpn)}`).join(''),
      );
      return 0;
    }
    if (args.command === 'district' && sub === 'import') {
      if (files.length === 0) throw new DistrictUsageError(T.noFiles);
      const uploads = files.map(readUpload);
      const { jobId } = await call('district.importFiles', {
        files: uploads, trustNewKeys: args.trustNewKeys, confirmedKeys: confirmedKeys(args.confirmKeys),
        confirmedUnits: args.confirmUnits.map((c) => ({ unitCode: c.trim(), unitName: '' })),
        ...(args.campaign ? { campaignId: campaignId(args.campaign) } : {}),
      });
      const r = await wait<SubmissionImportResult>(jobId, T.progress);
      if (args.json) args.write(JSON.stringify({ ok: r.refused === 0, ...r }));
      else {
        for (const f of r.results) args.write(T.line(f.fileName, f.status, f.message));
        args.write(T.summary(r.accepted, r.refused, (r.ms / 1000).toFixed(1)));
        // Never an invitation to --trust-new-keys: the way in is the fingerprint checked on paper.
        if (r.results.some((f) => f.reason === 'needsKey' || f.reason === 'keyChanged' || f.reason === 'keyConflict')) args.write(vi.trust.keys.cliHint);
        if (r.results.some((f) => f.reason === 'identity')) args.write(vi.trust.identity.cliHint);
      }
      return r.refused === 0 ? 0 : 1;
    }
    if (args.command === 'district' && sub === 'change-key') {
      // attk district change-key FILE.xlsx --unit CODE --fingerprint FP --reason TEXT: one unit, explicitly.
      if (!files[0]) throw new DistrictUsageError(T.noFiles);
      if (!args.unit) throw new DistrictUsageError(vi.cli.missingOption('--unit'));
      if (!args.fingerprint) throw new DistrictUsageError(vi.cli.missingOption('--fingerprint'));
      if (!args.reason) throw new DistrictUsageError(vi.cli.missingOption('--reason'));
      let verified;
      try {
        verified = await verifyReportSafely(readFileSync(resolve(files[0])));
      } catch {
        throw new DistrictUsageError(vi.district.result.unreadable(basename(files[0])));
      }
      if (!verified.ok || !verified.payload || !verified.publicKey) throw new DistrictUsageError(vi.district.result.altered(verified.problems.join(' ')));
      if (verified.payload.unit.code.toUpperCase() !== args.unit.trim().toUpperCase()) {
        throw new DistrictUsageError(vi.trust.keys.change.otherUnit(verified.payload.unit.code, args.unit));
      }
      const r = await call('district.changeKey', { unitCode: args.unit, publicKey: verified.publicKey, fingerprint: args.fingerprint.trim().toUpperCase(), reason: args.reason });
      print({ ok: true, ...r }, vi.trust.keys.cliChanged(r.unitName, r.from, r.to));
      return 0;
    }
    if (args.command === 'district' && sub === 'export') {
      if (!args.out) throw new DistrictUsageError(vi.cli.missingOption('--out'));
      const { jobId } = await call('district.export', { campaignId: campaignId(args.campaign), showLogins: args.showLogins });
      const r = await wait<DistrictExportResult>(jobId, vi.district.xlsx.job);
      const out = publishOutputSync(args.out, (tmp) => copyFileSync(r.filePath, tmp), outOptions);
      print({ ok: true, out, sha256: r.sha256, units: r.units, missing: r.missing }, T.exported(out, r.sha256));
      return 0;
    }
    if (args.command === 'district' && sub === 'units') {
      if (!files[0]) throw new DistrictUsageError(T.noFiles);
      const { jobId } = await call('district.importUnits', readUpload(files[0]));
      const r = await wait<UnitListImportResult>(jobId, vi.district.listImport.job);
      if (args.json) args.write(JSON.stringify({ ok: r.problems.length === 0, ...r }));
      else {
        args.write(T.unitsImported(r.created, r.updated, r.unchanged, r.problems.length));
        for (const p of r.problems) args.write(`  ${vi.district.register.problemRow(p.row, p.message)}`);
      }
      return r.problems.length === 0 ? 0 : 1;
    }
    throw new DistrictUsageError(`${T.unknown(sub ?? '')}\n${T.usage}`);
  } finally {
    core.db.close();
  }
}
