// StrykerJS mutation testing (issue 22). Run: `npm run mutation`.
// Subsets: ATTK_MUTATE='shared/**/rules.ts' npm run mutation
//          ATTK_MUTATION_TESTS='shared/**/*.test.ts' limits the vitest files (see vitest.mutation.config.ts).
// Not part of .ci/run: the full scope takes longer than CI allows; scores go to bench/mutation.md.
const defaultMutate = [
  'shared/**/rules.ts',
  'electron/core/campaigns/service.ts',
  'electron/core/devices/service.ts',
  'electron/core/devices/forced.ts',
  'electron/core/reports/service.ts',
  'electron/core/reports/data.ts',
  'electron/core/reports/canonical.ts',
  'electron/core/reports/verify.ts',
  'electron/core/district/service.ts',
  'electron/core/district/board.ts',
  'electron/core/district/submissions.ts',
  'electron/core/district/store-submission.ts',
  'electron/core/audit/service.ts',
  'electron/core/api/dispatch.ts',
  'electron/main/ipc.ts',
  'electron/preload/bridge.ts',
  'electron/preload/channels.ts',
];

const mutate = process.env.ATTK_MUTATE?.split(',').filter(Boolean) ?? defaultMutate;
// One incremental file and one JSON report per module (ATTK_MUTATION_NAME=campaigns …), so runs of
// different modules do not discard each other's incremental results.
const runName = process.env.ATTK_MUTATION_NAME || 'all';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  // The TypeScript checker drops mutants that do not compile; on a loaded 2-core machine it
  // costs minutes per run, so ATTK_MUTATION_CHECK=0 skips it (such mutants then count as killed by errors).
  checkers: process.env.ATTK_MUTATION_CHECK === '0' ? [] : ['typescript'],
  tsconfigFile: 'tsconfig.node.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  mutate,
  incremental: true,
  incrementalFile: `reports/stryker-incremental-${runName}.json`,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: `reports/mutation/${runName}.json` },
  concurrency: 1,
  timeoutMS: 60_000,
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['out', 'dist', 'bench/cache', 'test-results', 'playwright-report', '*.sqlite', '.electron-native/**'],
  thresholds: { high: 90, low: 85, break: null },
};
