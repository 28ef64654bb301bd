import { afterAll, vi } from 'vitest';
import { startFakeAlipay } from './fake-alipay';
import { wechatEnv, wechatTestKeys } from './fake-wechatpay';

/**
 * Every payment entry point configured, for the test files that call them all (the authorization matrix,
 * the fuzzer): Alipay with the keys of a local gateway, so that its notify route verifies what it is sent;
 * the simulator on; WeChat Pay, so that its notify route verifies (nothing here reaches its gateway).
 */
export async function usePaymentProviders() {
  const alipay = await startFakeAlipay();
  for (const [k, v] of Object.entries(alipay.env)) vi.stubEnv(k, v);
  vi.stubEnv('PAYMENT_SIMULATOR', '1');
  afterAll(() => alipay.close());
  const wx = wechatTestKeys();
  for (const [k, v] of Object.entries(wechatEnv(wx, 'http://127.0.0.1:9'))) vi.stubEnv(k, v);
  return { alipay, wx };
}
