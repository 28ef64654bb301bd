import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunch } from './e2e/chromium';

const port = Number(process.env.E2E_PORT ?? 3200);
/**
 * `npm test` sets E2E_DESKTOP_PORT: the desktop project then runs beside the phone project, against a
 * second server with its own copy of the build and its own database (scripts/test.ts prepares both), so
 * the two widths never see each other's orders or page cache. Without it (a single spec run by hand)
 * both projects share one server and run one after the other.
 */
const desktopPort = process.env.E2E_DESKTOP_PORT ? Number(process.env.E2E_DESKTOP_PORT) : null;

// Every journey comes from 127.0.0.1: no cap on open unpaid orders per address (the abuse tests check
// it), and one trusted proxy hop, so that a test may act from another address by sending the
// X-Forwarded-For a proxy would append (requests without it count as 127.0.0.1).
const serverEnv = {
  NEXT_TELEMETRY_DISABLED: '1',
  AUTH_TRUST_HOST: 'true',
  GUEST_MAX_OPEN_ORDERS: '0',
  TRUSTED_PROXY_HOPS: '1',
};

function server(p: number, env: Record<string, string> = {}) {
  return {
    // Sockets stay open longer than the tests leave them idle: with Node's 5 s default, a request sent on a
    // pooled connection just as the server closed it failed with ECONNRESET (once in a full run).
    command: `node node_modules/next/dist/bin/next start -p ${p} --keepAliveTimeout 65000`,
    url: `http://127.0.0.1:${p}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { ...serverEnv, ...env },
  };
}

/**
 * e2e runs against a production build (`npm test` builds it first) on Debian's Chromium.
 * The server is started here and waited for on /api/health.
 */
export default defineConfig({
  testDir: 'e2e',
  // e2e/system runs under playwright.system.config.ts (its own processes and PostgreSQL); e2e/alipay.spec.ts
  // and e2e/wechat.spec.ts under playwright.providers.config.ts (the app configured with local gateways).
  testIgnore: ['system/**', 'alipay.spec.ts', 'wechat.spec.ts'],
  outputDir: 'test-results',
  fullyParallel: false,
  // One journey at a time per server: journeys assert exact changes of shared figures (stock, /impact).
  workers: desktopPort ? 2 : 1,
  retries: 0,
  reporter: [['list']],
  // Journeys switch between three or four accounts and take 30–60 s on a quiet 2-core machine: room for a busy one.
  timeout: 120_000,
  use: { baseURL: `http://127.0.0.1:${port}`, locale: 'zh-CN', launchOptions: chromiumLaunch, trace: 'off' },
  projects: [
    { name: 'mobile', workers: 1, use: { ...devices['Pixel 7'], launchOptions: chromiumLaunch } },
    {
      name: 'desktop',
      workers: 1,
      use: {
        viewport: { width: 1280, height: 900 },
        launchOptions: chromiumLaunch,
        ...(desktopPort ? { baseURL: `http://127.0.0.1:${desktopPort}` } : {}),
      },
    },
  ],
  webServer: desktopPort
    ? [
        server(port),
        server(desktopPort, {
          PGLITE_DIR: process.env.E2E_DESKTOP_PGLITE_DIR ?? '',
          NEXT_DIST_DIR: process.env.E2E_DESKTOP_DIST_DIR ?? '',
        }),
      ]
    : server(port),
});
