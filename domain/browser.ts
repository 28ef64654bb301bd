/**
 * Which WeChat Pay flow suits the buyer's browser: H5 (the WeChat app opened from a phone browser) on a
 * phone or tablet browser outside WeChat; Native (a QR code) on a desktop, and inside WeChat's own
 * browser, where H5 is refused and a QR code is recognised by a long press (JSAPI, which needs an
 * official account, is the next step).
 */
export function wechatPayFlow(userAgent: string | null | undefined): 'h5' | 'native' {
  const ua = userAgent ?? '';
  if (/MicroMessenger/i.test(ua)) return 'native';
  return /Android|iPhone|iPod|iPad|Mobile|HarmonyOS|OpenHarmony/i.test(ua) ? 'h5' : 'native';
}
