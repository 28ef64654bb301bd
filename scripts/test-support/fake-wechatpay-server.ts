import { startFakeWechatPay, wechatTestKeys } from './fake-wechatpay';

/**
 * The local WeChat Pay gateway as its own process, for the e2e run (playwright.config.ts starts it beside
 * the store): keys in FAKE_WECHATPAY_DIR (made there if missing), listening on FAKE_WECHATPAY_PORT.
 */
const dir = process.env.FAKE_WECHATPAY_DIR;
const port = Number(process.env.FAKE_WECHATPAY_PORT);
if (!dir || !port) throw new Error('FAKE_WECHATPAY_DIR and FAKE_WECHATPAY_PORT are required');
const fake = await startFakeWechatPay(wechatTestKeys(dir), { port });
console.log(`fake WeChat Pay gateway on ${fake.baseUrl}`);
