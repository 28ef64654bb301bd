/**
 * The buyer's device as a payment provider needs it, read from the User-Agent: a phone browser (Alipay's
 * phone cashier, WeChat Pay H5), a desktop (Alipay's desktop cashier, a WeChat Pay QR code), or WeChat's
 * own in-app browser on a phone, where WeChat Pay refuses H5 and a QR code is recognised by a long press
 * (JSAPI, which needs an official account, is the next step). A wrong guess only changes which cashier
 * page opens: each takes the payment.
 */
export type BuyerDevice = 'phone' | 'desktop' | 'wechat';

const PHONE = /\b(iPhone|iPod|iPad|Android|Mobile Safari|Mobile|HarmonyOS|OpenHarmony|AlipayClient|Windows Phone)\b/i;

export function deviceOf(userAgent: string | null | undefined): BuyerDevice {
  const ua = (userAgent ?? '').slice(0, 1000);
  if (/\bMicroMessenger\b/i.test(ua)) return 'wechat';
  return PHONE.test(ua) ? 'phone' : 'desktop';
}
