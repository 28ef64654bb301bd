import { spawn } from 'node:child_process';
import { startFakeAlipay } from './fake-alipay';

/**
 * The web server of playwright.alipay.config.ts: the local Alipay gateway (its keys made now) on
 * FAKE_ALIPAY_PORT, then the production build (`next start` on PORT) configured with the application
 * key and the 支付宝公钥 of that gateway, and the simulator beside it (so that the buyer chooses).
 * e2e/alipay.spec.ts drives the gateway's cashier in the browser and its notifications through
 * POST /_control/notify. Stopping this process stops both.
 */
const port = Number(process.env.PORT ?? 3200);
const fake = await startFakeAlipay({ port: Number(process.env.FAKE_ALIPAY_PORT ?? port + 60) });
const app = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port)], {
  stdio: 'inherit',
  env: {
    ...process.env,
    ...fake.env,
    APP_URL: `http://127.0.0.1:${port}`,
    PAYMENT_SIMULATOR: '1',
  },
});
const stop = () => {
  app.kill('SIGTERM');
  void fake.close();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
app.on('exit', (code) => {
  void fake.close();
  process.exit(code ?? 0);
});
