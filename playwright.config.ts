import { defineConfig, devices } from '@playwright/test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumLaunch } from './e2e/chromium';
import { wechatEnv, wechatTestKeys } from './scripts/test-support/fake-wechatpay';

const port = Number(process.env.E2E_PORT ?? 3200);
/**
 * WeChat Pay (e2e/wechat.spec.ts): a local gateway (scripts/test-support/fake-wechatpay-server.ts) with
 * test keys made once per port in the temp directory, and the store configured for it.
 */
const wechatPort = port + 50;
const wechatDir = join(tmpdir(), `gejiu-wxpay-e2e-${port}`);
const wechat = wechatEnv(wechatTestKeys(wechatDir), `http://127.0.0.1:${wechatPort}`);

/**
 * e2e runs against a production build (`npm test` builds it first) on Debian's Chromium.
 * The server is started here and waited for on /api/health.
 */
export default defineConfig({
  testDir: 'e2e',
  // e2e/system runs under playwright.system.config.ts (its own processes and PostgreSQL).
  testIgnore: ['system/**'],
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  // Journeys switch between three or four accounts and take 30–60 s on a quiet 2-core machine: room for a busy one.
  timeout: 120_000,
  use: { baseURL: `http://127.0.0.1:${port}`, locale: 'zh-CN', launchOptions: chromiumLaunch, trace: 'off' },
  projects: [
    { name: 'mobile', use: { ...devices['Pixel 7'], launchOptions: chromiumLaunch } },
    { name: 'desktop', use: { viewport: { width: 1280, height: 900 }, launchOptions: chromiumLaunch } },
  ],
  webServer: [
    {
      command: 'node node_modules/tsx/dist/cli.mjs scripts/test-support/fake-wechatpay-server.ts',
      url: `http://127.0.0.1:${wechatPort}/health`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: { FAKE_WECHATPAY_DIR: wechatDir, FAKE_WECHATPAY_PORT: String(wechatPort) },
    },
    {
      command: `node node_modules/next/dist/bin/next start -p ${port}`,
      url: `http://127.0.0.1:${port}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      // Every journey comes from 127.0.0.1: no cap on open unpaid orders per address (the abuse tests check
      // it), and one trusted proxy hop, so that a test may act from another address by sending the
      // X-Forwarded-For a proxy would append (requests without it count as 127.0.0.1).
      env: {
        NEXT_TELEMETRY_DISABLED: '1',
        AUTH_TRUST_HOST: 'true',
        GUEST_MAX_OPEN_ORDERS: '0',
        TRUSTED_PROXY_HOPS: '1',
        ...wechat,
        WECHATPAY_NOTIFY_URL: `http://127.0.0.1:${port}/api/pay/wechat/notify`,
      },
    },
  ],
});
