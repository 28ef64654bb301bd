/**
 * The buyer's device as a payment provider needs it (a phone cashier, or a desktop page / QR code),
 * read from the User-Agent. A wrong guess only changes which cashier page opens: both take the payment.
 */
const PHONE = /\b(iPhone|iPod|Android.+Mobile|Mobile Safari|HarmonyOS|MicroMessenger|AlipayClient|Windows Phone)\b/i;

export function deviceOf(userAgent: string | null | undefined): 'phone' | 'desktop' {
  return userAgent && PHONE.test(userAgent.slice(0, 1000)) ? 'phone' : 'desktop';
}
