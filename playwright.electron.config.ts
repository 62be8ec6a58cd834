import { defineConfig } from '@playwright/test';

// npm run test:electron: the browser-mode specs and page objects again, on the real Electron app
// (tests/e2e/electron-app.ts says which). tests/e2e/fixtures.ts reads this in the runner and in
// every worker, which load this file too.
process.env.MADOGUCHI_E2E_SHELL = 'electron';

export default defineConfig({
  testDir: 'tests/e2e',
  // Browser mode's own loopback server (its URL, start key and session), which Electron does not have;
  // browser mode's printing through the PDF viewer (Electron's print options: tests/unit/electron).
  testIgnore: ['browser-host.spec.ts', 'printing.spec.ts'],
  globalSetup: './tests/e2e/electron-setup.ts',
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results/electron',
});
