import { AppError, errorName } from '@/lib/errors';
import { getAlipay, alipayProvider } from '@/lib/payments/alipay';
import { InvalidNotificationError } from '@/lib/payments/provider';
import { applyNotification } from '@/lib/payments/webhook';

/**
 * POST /api/pay/alipay/notify: Alipay's asynchronous notification (a signed form). The signature is
 * verified with the 支付宝公钥 before anything in it is read; the answer is the plain `success` only
 * once its effect is committed (applied, or already applied), and `fail` otherwise, so that Alipay
 * delivers it again (a refund of a payment not recorded yet, a database failure). A bad signature
 * writes nothing and answers 400 `fail`.
 */
const text = (body: 'success' | 'fail', status = 200) =>
  new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

export async function POST(req: Request): Promise<Response> {
  if (!getAlipay()) return text('fail', 404);
  try {
    const parsed = await alipayProvider.parseNotification(await req.text(), req.headers);
    await applyNotification(alipayProvider, parsed);
    return text('success');
  } catch (e) {
    if (e instanceof InvalidNotificationError) return text('fail', 400);
    if (e instanceof AppError && e.handling === 'show') return text('fail', e.status);
    console.error('[alipay notify] failed:', errorName(e));
    return text('fail', 500);
  }
}
