import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { route } from '@/lib/http/route';
import { constructStripeEvent } from '@/lib/payments/stripe';
import { handleStripeEvent } from '@/lib/payments/webhook';

/**
 * POST /api/stripe/webhook: the raw body's signature is verified (tolerance 300 s) before anything is
 * read. A failure answers 500 so that Stripe delivers the event again; the effect is all-or-nothing.
 */
export const POST = route({ name: 'stripe webhook' }, async ({ req }) => {
  const secret = getEnv().STRIPE_WEBHOOK_SECRET;
  const signature = req.headers.get('stripe-signature');
  if (!secret) throw new AppError('not_found', '未配置 Stripe 回调');
  if (!signature) throw new AppError('invalid_input', '缺少签名');
  const raw = await req.text();
  let event;
  try {
    event = constructStripeEvent(raw, signature, secret);
  } catch {
    throw new AppError('invalid_input', '签名无效');
  }
  const effect = await handleStripeEvent(event);
  return Response.json({ received: true, effect });
});
