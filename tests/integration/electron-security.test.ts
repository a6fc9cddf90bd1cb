import { describe, expect, it } from 'vitest';
import { CHECKS, loadJustifications, scanElectron } from '../security/electron-scan';
import { importsOf, sourceFiles } from '../security/source-files';

/**
 * The static security scan of the Electron shell (our equivalent of electronegativity, see
 * tests/security/electron-scan.ts): runs in `npm test`, so in CI (.ci/run). Every finding is
 * fixed or justified in tests/security/electron-scan.config.json.
 */
describe('Electron security scan', () => {
  const findings = scanElectron();
  const justified = loadJustifications();
  const isJustified = (f: { check: string; file: string }) => justified.some((j) => j.check === f.check && j.file === f.file);

  it('has no finding without a justification', () => {
    console.log(`electron security scan: ${CHECKS.length} checks, ${findings.length} findings, ${findings.filter(isJustified).length} justified, ${findings.filter((f) => !isJustified(f)).length} open`);
    expect(findings.filter((f) => !isJustified(f))).toEqual([]);
  });

  it('has no justification left over for a finding that is gone', () => {
    const stale = justified.filter((j) => !findings.some((f) => f.check === j.check && f.file === j.file));
    expect(stale).toEqual([]);
    for (const j of justified) expect(j.reason.length, j.check).toBeGreaterThan(40);
  });
});

describe('no child processes in the app', () => {
  // With the RunAsNode fuse off, child_process.fork of the app binary cannot start Node: background
  // work uses worker_threads (see electron/core/import/run-reader.ts) or Electron's utilityProcess.
  it('electron/main and electron/core never import child_process', () => {
    const sites = [...sourceFiles('electron/main'), ...sourceFiles('electron/core')].flatMap((f) =>
      importsOf(f.text)
        .filter((s) => s.specifier === 'child_process' || s.specifier === 'node:child_process')
        .map((s) => `${f.path}:${s.line}`),
    );
    expect(sites).toEqual([]);
  });
});
