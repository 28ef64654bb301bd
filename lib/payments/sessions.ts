import 'server-only';
import { openPaymentSessions, setPaymentSessionStatus } from '@/db/queries/payments';
import { errorName } from '@/lib/errors';
import { cancelOrder, expireOverdueOrders } from '@/lib/orders/payment-effects';
import { paymentProvider } from './providers';

/**
 * Payments end with their orders: cancelling or expiring an order closes the payments opened for it
 * (Stripe: the Checkout Session is expired), so that it cannot be paid afterwards. A payment that was
 * made all the same reports later and goes to 待处理款项 (lib/payments/movements.ts).
 */
export async function endOrder(p: Parameters<typeof cancelOrder>[0]): ReturnType<typeof cancelOrder> {
  const effect = await cancelOrder(p);
  if (effect === 'applied') await closePaymentSessions(p);
  return effect;
}

/** The expiry sweep's orders, each with its payments closed. Returns the expired order ids. */
export async function expireOverdueAndClose(): Promise<string[]> {
  const ids = await expireOverdueOrders();
  for (const orderId of ids) await closePaymentSessions({ orderId });
  return ids;
}

/** Closes an order's open sessions; one that cannot be closed now stays open (and its payment still counts). */
export async function closePaymentSessions(ref: { orderId?: string; orderNo?: string }): Promise<void> {
  for (const s of await openPaymentSessions(ref)) {
    try {
      await paymentProvider(s.provider).close(s.externalRef);
      await setPaymentSessionStatus({ provider: s.provider, externalRef: s.externalRef, status: 'closed' });
    } catch (e) {
      console.error('[payments] closing a payment session failed:', errorName(e));
    }
  }
}
