import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { route } from '@/lib/http/route';
import { InvalidNotificationError } from '@/lib/payments/provider';
import { stripeProvider } from '@/lib/payments/stripe';
import { applyNotification } from '@/lib/payments/webhook';

/**
 * POST /api/stripe/webhook: the raw body's signature is verified (tolerance 300 s) before anything is
 * read. A failure answers 500 so that Stripe delivers the event again; the effect is all-or-nothing.
 */
export const POST = route({ name: 'stripe webhook' }, async ({ req }) => {
  if (!getEnv().STRIPE_WEBHOOK_SECRET) throw new AppError('not_found', '未配置 Stripe 回调');
  if (!req.headers.get('stripe-signature')) throw new AppError('invalid_input', '缺少签名');
  let parsed;
  try {
    parsed = await stripeProvider.parseNotification(await req.text(), req.headers);
  } catch (e) {
    if (e instanceof InvalidNotificationError) throw new AppError('invalid_input', '签名无效');
    throw e;
  }
  const effect = await applyNotification(stripeProvider, parsed);
  return Response.json({ received: true, effect });
});
