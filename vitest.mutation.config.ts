import { defineConfig } from 'vitest/config';

// Vitest config used only by StrykerJS (`npm run mutation`, stryker.config.mjs).
// It is limited to the tests that exercise the mutated modules: the whole suite's
// dry run trips on tests/security's static scan, which would read Stryker's
// instrumented copy of the sources, and the e2e/wiring suites add minutes per
// mutant without covering these modules.
const scope = process.env.ATTK_MUTATION_TESTS?.split(',').filter(Boolean);

export default defineConfig({
  test: {
    include: scope ?? [
      'shared/**/*.test.ts',
      'tests/integration/campaigns.test.ts',
      'tests/integration/devices.test.ts',
      'tests/integration/reports.test.ts',
      'tests/integration/district.test.ts',
      'tests/integration/api.test.ts',
      'tests/integration/reliability/**/*.test.ts',
      'electron/core/**/*.test.ts',
      'electron/main/trusted-sender.test.ts',
      'electron/preload/bridge.test.ts',
    ],
    exclude: ['tests/security/**', 'tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 60_000,
  },
});
