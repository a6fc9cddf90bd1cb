import { defineConfig } from '@playwright/test';

// Browser tests drive Debian's Chromium (Playwright's own browsers cannot be downloaded here)
// against `attk serve` on a temporary database: the real UI, the real core, the real file.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    locale: 'vi-VN',
    viewport: { width: 1366, height: 768 },
    launchOptions: {
      executablePath: process.env.ATTK_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu', '--no-first-run', '--disable-sync'],
    },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
});
