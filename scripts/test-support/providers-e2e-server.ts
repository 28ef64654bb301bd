import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeAlipay } from './fake-alipay';
import { startFakeWechatPay, wechatTestKeys } from './fake-wechatpay';

/**
 * The web server of playwright.providers.config.ts: the local Alipay gateway (its keys made now) on
 * FAKE_ALIPAY_PORT and the local WeChat Pay gateway (keys and certificates made with openssl) on
 * FAKE_WECHATPAY_PORT, then the production build (`next start` on PORT) configured with both and with the
 * simulator beside them, so that the buyer chooses. e2e/alipay.spec.ts and e2e/wechat.spec.ts drive the
 * gateways' cashiers in the browser and their notifications through their control endpoints. Stopping
 * this process stops all three.
 */
const port = Number(process.env.PORT ?? 3200);
const alipay = await startFakeAlipay({ port: Number(process.env.FAKE_ALIPAY_PORT ?? port + 60) });

const wechat = await startFakeWechatPay(wechatTestKeys(join(tmpdir(), `gejiu-wxpay-e2e-${port}`)), {
  port: Number(process.env.FAKE_WECHATPAY_PORT ?? port + 70),
});
const app = spawn(
  process.execPath,
  ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '--keepAliveTimeout', '65000'],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      ...alipay.env,
      ...wechat.env,
      APP_URL: `http://127.0.0.1:${port}`,
      WECHATPAY_NOTIFY_URL: `http://127.0.0.1:${port}/api/pay/wechat/notify`,
      PAYMENT_SIMULATOR: '1',
    },
  },
);
const stop = () => {
  app.kill('SIGTERM');
  void alipay.close();
  void wechat.close();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
app.on('exit', (code) => {
  void alipay.close();
  void wechat.close();
  process.exit(code ?? 0);
});
