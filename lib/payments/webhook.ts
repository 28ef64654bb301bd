import 'server-only';
import type Stripe from 'stripe';
import { cancelOrder, markOrderPaid, recordEventOnly, refundOrder, type Effect } from '@/lib/orders/payment-effects';
import { findOrderIdByPaymentRef } from '@/db/queries/payments';
import { invalidate } from '@/lib/cache/invalidate';

const refOf = (v: string | { id: string } | null | undefined): string | null =>
  typeof v === 'string' ? v : (v?.id ?? null);

/** Applies one verified Stripe event. Each effect records the event id in its own transaction. */
export async function handleStripeEvent(event: Stripe.Event): Promise<Effect> {
  const base = { eventId: event.id, eventType: event.type as string };
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const s = event.data.object;
      const orderId = s.metadata?.orderId ?? s.client_reference_id;
      if (!orderId || s.payment_status !== 'paid' || s.amount_total === null) {
        await recordEventOnly(base);
        return 'ignored';
      }
      const effect = await markOrderPaid({
        ...base,
        orderId,
        amountFen: BigInt(s.amount_total),
        method: 'stripe',
        providerRef: refOf(s.payment_intent) ?? s.id,
      });
      if (effect === 'applied') await invalidate.order({ orderId });
      return effect;
    }
    case 'checkout.session.async_payment_failed': {
      const s = event.data.object;
      const orderId = s.metadata?.orderId ?? s.client_reference_id;
      if (!orderId) return recordEventOnly(base).then(() => 'ignored' as const);
      return afterCancel(orderId, await cancelOrder({ ...base, orderId, to: 'cancelled', reason: '支付失败' }));
    }
    case 'checkout.session.expired': {
      const s = event.data.object;
      const orderId = s.metadata?.orderId ?? s.client_reference_id;
      if (!orderId) return recordEventOnly(base).then(() => 'ignored' as const);
      return afterCancel(orderId, await cancelOrder({ ...base, orderId, to: 'expired', reason: '支付会话已过期' }));
    }
    case 'charge.refunded': {
      const c = event.data.object;
      const pi = refOf(c.payment_intent);
      const orderId = pi ? await findOrderIdByPaymentRef({ providerRef: pi }) : null;
      if (!orderId) return recordEventOnly(base).then(() => 'ignored' as const);
      const effect = await refundOrder({
        ...base,
        orderId,
        cumulativeFen: BigInt(c.amount_refunded),
        method: 'stripe',
        providerRef: `${c.id}:${c.amount_refunded}`,
      });
      if (effect === 'applied') await invalidate.order({ orderId });
      return effect;
    }
    default:
      await recordEventOnly(base);
      return 'ignored';
  }
}

async function afterCancel(orderId: string, effect: Effect): Promise<Effect> {
  if (effect === 'applied') await invalidate.order({ orderId });
  return effect;
}
