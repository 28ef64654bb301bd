import { errorName, toAppError } from '@/lib/errors';
import { InvalidNotificationError } from '@/lib/payments/provider';
import { wechatProvider } from '@/lib/payments/wechat';
import { MAX_NOTIFICATION_BYTES, wechatConfig } from '@/lib/payments/wechat-client';
import { applyNotification } from '@/lib/payments/webhook';

/**
 * POST /api/pay/wechat/notify: WeChat Pay's notifications (支付成功, 退款). The Wechatpay-* signature is
 * verified over the raw body with the platform certificate and the resource decrypted with the APIv3
 * key before anything is read; a bad one is refused (401) and writes nothing. Success answers 204 once
 * the effect is committed; any failure answers 4xx/5xx with {"code":"FAIL","message"} so that WeChat
 * Pay delivers it again (its protocol).
 */
const fail = (status: number, message: string) =>
  Response.json({ code: 'FAIL', message }, { status, headers: { 'Cache-Control': 'no-store' } });

export async function POST(req: Request): Promise<Response> {
  if (!wechatConfig()) return fail(404, '未配置微信支付');
  const length = Number(req.headers.get('content-length') ?? '0');
  if (length > MAX_NOTIFICATION_BYTES) return fail(413, '通知过大');
  try {
    const raw = await req.text();
    const parsed = await wechatProvider.parseNotification(raw, req.headers);
    await applyNotification(wechatProvider, parsed);
    return new Response(null, { status: 204 });
  } catch (e) {
    if (e instanceof InvalidNotificationError) return fail(401, '签名无效');
    const err = toAppError(e);
    if (err.handling === 'log') console.error('[wechat notify] failed:', errorName(e));
    return fail(err.status, err.message);
  }
}
