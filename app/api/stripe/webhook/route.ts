import { apiError } from '@/lib/http/errors';
import { constructStripeEvent } from '@/lib/payments/stripe';
import { handleStripeEvent } from '@/lib/payments/webhook';
import { getEnv } from '@/lib/env';

/**
 * POST /api/stripe/webhook: the raw body's signature is verified (tolerance 300 s) before anything is
 * read. A failure answers 500 so that Stripe delivers the event again; the effect is all-or-nothing.
 */
export async function POST(req: Request): Promise<Response> {
  const secret = getEnv().STRIPE_WEBHOOK_SECRET;
  const signature = req.headers.get('stripe-signature');
  if (!secret) return apiError('not_found', '未配置 Stripe 回调');
  if (!signature) return apiError('invalid_input', '缺少签名');
  const raw = await req.text();
  let event;
  try {
    event = constructStripeEvent(raw, signature, secret);
  } catch {
    return apiError('invalid_input', '签名无效');
  }
  try {
    const effect = await handleStripeEvent(event);
    return Response.json({ received: true, effect });
  } catch (e) {
    console.error('[stripe webhook] failed:', event.type, e instanceof Error ? e.name : 'unknown');
    return apiError('internal', '处理失败，请稍后重试');
  }
}
