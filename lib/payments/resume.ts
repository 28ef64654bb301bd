import 'server-only';
import { readOrderRow } from '@/db/queries/orders';
import { openPaymentSessions } from '@/db/queries/payments';
import { awaitsPayment, balanceDue } from '@/domain/money-movements';
import { errorName } from '@/lib/errors';
import { simulatorPayUrl } from './pay-link';
import { paymentProvider } from './providers';
import { paymentSimulatorOn } from './stripe';
import { applyNotification } from './webhook';

/**
 * 支付结果 and 继续支付 (app/pay/result): what became of an order's payment when the buyer comes back
 * from the cashier, and where to continue paying. Each provider's part goes through its `lookup`
 * (lib/payments/provider.ts): Stripe reads the Checkout Session again, and a payment made whose webhook
 * has not arrived yet is applied through the same money model (applyNotification), once. The caller has
 * checked that the visitor may see the order (lib/orders/access.ts); these never check access.
 */

export type PaymentState = 'paid' | 'pending' | 'closed' | 'none';

/** The order's payment state now, after asking the provider about any payment still open. */
export async function checkPendingPayment(orderNo: string): Promise<PaymentState> {
  const o = await readOrderRow({ orderNo });
  if (!o) return 'none';
  if (awaitsPayment(o) && o.status === 'pending_payment') {
    for (const s of await openPaymentSessions({ orderId: o.id })) {
      const provider = paymentProvider(s.provider);
      try {
        const r = await provider.lookup?.(s.externalRef);
        if (r?.state === 'done' && r.parsed.notification.type !== 'ignored')
          await applyNotification(provider, r.parsed, { duringRender: true });
      } catch (e) {
        // The provider could not be asked now: the page shows the order as it is, and the webhook still applies.
        console.error('[payments] payment lookup failed:', errorName(e));
      }
    }
  }
  const now = await readOrderRow({ orderNo });
  if (!now) return 'none';
  if (now.paidAt) return 'paid';
  if (now.status === 'pending_payment') return 'pending';
  return now.status === 'cancelled' || now.status === 'expired' ? 'closed' : 'none';
}

/**
 * Where the buyer continues paying an order awaiting payment: the simulator's capability link, or the
 * provider's open payment (Stripe: the Checkout Session's URL). Null when it cannot be paid now.
 */
export async function continuePayUrl(orderNo: string): Promise<string | null> {
  const o = await readOrderRow({ orderNo });
  if (!o || o.status !== 'pending_payment' || balanceDue(o) === 0n) return null;
  if (o.expiresAt && o.expiresAt.getTime() <= Date.now()) return null;
  if (o.paymentMethod === 'simulated')
    return paymentSimulatorOn() && o.expiresAt ? simulatorPayUrl(orderNo, o.expiresAt) : null;
  for (const s of await openPaymentSessions({ orderId: o.id })) {
    try {
      const r = await paymentProvider(s.provider).lookup?.(s.externalRef);
      if (r?.state === 'open') return r.payUrl;
    } catch (e) {
      console.error('[payments] payment lookup failed:', errorName(e));
    }
  }
  return null;
}
