import 'server-only';
import { claimWebhookEvent, findMovement, setPaymentSessionStatus } from '@/db/queries/payments';
import { transaction } from '@/db/tx';
import { AppError } from '@/lib/errors';
import { cleanInput, cleanText } from '@/lib/validation/clean-input';
import { invalidate, invalidateInBackground } from '@/lib/cache/invalidate';
import { recordEventOnly } from '@/lib/orders/payment-effects';
import { receiveMoney, recordRefunds } from './movements';
import type { ParsedNotification, PaymentProvider } from './provider';
import { endOrder } from './sessions';

export type NotificationEffect = 'applied' | 'unmatched' | 'duplicate' | 'ignored';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Our order references are order ids; anything else (a Payment Link's own reference) names no order of ours. */
const orderIdOf = (ref: string | null) => (ref && UUID.test(ref) ? ref.toLowerCase() : null);

/**
 * Applies one verified provider notification, recording its event id in the same transaction as its
 * effect (a replayed or concurrent event is applied once). Money received goes through receiveMoney
 * (applied, or 待处理款项: late, duplicated, wrong currency or amount, not our order); refunds are
 * recorded by the provider's refund id; a closed payment cancels or expires its unpaid order.
 */
export async function applyNotification(
  provider: PaymentProvider,
  n: ParsedNotification,
  { duringRender = false }: { duringRender?: boolean } = {},
): Promise<NotificationEffect> {
  // A provider's text reaches PostgreSQL like any other input: without the control characters it cannot
  // hold (lib/validation/clean-input; a NUL in WeChat Pay's out_trade_no was a 500, found by the fuzz test).
  const event = { id: cleanText(n.eventId), type: cleanText(n.eventType) };
  // A page render (支付结果 reading a payment again, lib/payments/resume.ts) may not revalidate tags:
  // its invalidations go through the cache handler, as the sweep's do.
  const invalidateOrder = (ref: { orderId: string }) =>
    duringRender ? invalidateInBackground.order(ref) : invalidate.order(ref);
  const x = cleanInput(n.notification);
  switch (x.type) {
    case 'payment': {
      const r = await transaction(
        async (tx) => {
          if (!(await claimWebhookEvent(event, tx))) return null;
          const received = await receiveMoney(tx, {
            kind: 'payment',
            provider: provider.id,
            externalRef: x.externalRef,
            amountFen: x.amountFen,
            currency: x.currency,
            orderId: orderIdOf(x.orderRef),
            givenOrderRef: x.orderRef,
            exact: provider.exact,
          });
          if (x.sessionRef)
            await setPaymentSessionStatus(
              { provider: provider.id, externalRef: x.sessionRef, status: 'completed' },
              tx,
            );
          return received;
        },
        { retry: true },
      );
      if (!r) return 'duplicate';
      if (r.paid && r.orderId) await invalidateOrder({ orderId: r.orderId });
      return r.effect;
    }
    case 'refunds': {
      const source = await findMovement({ provider: provider.id, externalRef: x.paymentRef });
      if (!source) {
        // Our payment whose own notification has not been applied yet: answered with an error so that
        // the provider delivers this one again later. Someone else's payment: acknowledged.
        if (x.ours) throw new AppError('conflict', '该笔付款尚未入账，请稍后重试');
        await recordEventOnly({ eventId: event.id, eventType: event.type });
        return 'ignored';
      }
      const r = await recordRefunds({ sourceId: source.id, refunds: x.refunds, event });
      if (r.recorded && r.orderId) await invalidate.order({ orderId: r.orderId });
      return r.recorded ? 'applied' : 'duplicate';
    }
    case 'closed': {
      await setPaymentSessionStatus({ provider: provider.id, externalRef: x.sessionRef, status: 'closed' });
      const orderId = orderIdOf(x.orderRef);
      if (!orderId) {
        await recordEventOnly({ eventId: event.id, eventType: event.type });
        return 'ignored';
      }
      const effect = await endOrder({ eventId: event.id, eventType: event.type, orderId, to: x.to, reason: x.reason });
      if (effect === 'applied') await invalidateOrder({ orderId });
      return effect === 'holds_money' ? 'ignored' : effect;
    }
    case 'ignored':
      await recordEventOnly({ eventId: event.id, eventType: event.type });
      return 'ignored';
  }
}
