import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunch } from './e2e/chromium';

const port = Number(process.env.E2E_PORT ?? 3200);
/** The local gateways of scripts/test-support/providers-e2e-server.ts. */
export const FAKE_ALIPAY_PORT = port + 60;
export const FAKE_WECHATPAY_PORT = port + 70;

/**
 * 支付宝 and 微信支付 direct (e2e/alipay.spec.ts, e2e/wechat.spec.ts): the production build started with
 * ALIPAY_* and WECHATPAY_* pointing at local gateways that hold their own keys
 * (scripts/test-support/fake-alipay.ts, fake-wechatpay.ts), the simulator beside them. `npm test` runs it
 * after the main e2e suite, on the same build and database.
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: ['alipay.spec.ts', 'wechat.spec.ts'],
  outputDir: 'test-results/providers',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  timeout: 120_000,
  use: { baseURL: `http://127.0.0.1:${port}`, locale: 'zh-CN', launchOptions: chromiumLaunch, trace: 'off' },
  projects: [
    { name: 'mobile', use: { ...devices['Pixel 7'], launchOptions: chromiumLaunch } },
    { name: 'desktop', use: { viewport: { width: 1280, height: 900 }, launchOptions: chromiumLaunch } },
  ],
  webServer: {
    command: 'npx tsx scripts/test-support/providers-e2e-server.ts',
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(port),
      FAKE_ALIPAY_PORT: String(FAKE_ALIPAY_PORT),
      FAKE_WECHATPAY_PORT: String(FAKE_WECHATPAY_PORT),
      NEXT_TELEMETRY_DISABLED: '1',
      AUTH_TRUST_HOST: 'true',
      GUEST_MAX_OPEN_ORDERS: '0',
      TRUSTED_PROXY_HOPS: '1',
    },
  },
});
