import { defineConfig } from '@playwright/test';
import { chromiumLaunch } from './e2e/chromium';

/**
 * System tests (`e2e/system`): two instances on one PostgreSQL, a PostgreSQL restart under load, an
 * app killed mid-webhook. They start their own processes from the production build; `npm test` runs
 * them after the e2e suite.
 */
export default defineConfig({
  testDir: 'e2e/system',
  globalTeardown: './e2e/system/teardown.ts',
  outputDir: 'test-results/system',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  timeout: 120_000,
  // The machine may be busy (several servers, a build): wait for a page as long as it needs, polling.
  expect: { timeout: 15_000 },
  use: {
    locale: 'zh-CN',
    viewport: { width: 1280, height: 900 },
    launchOptions: chromiumLaunch,
  },
});
