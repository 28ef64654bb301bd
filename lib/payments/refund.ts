import 'server-only';
import { getOrderRecord } from '@/db/queries/orders';
import { findPaymentRef } from '@/db/queries/payments';
import { AppError } from '@/lib/errors';
import { refundOrder } from '@/lib/orders/payment-effects';
import { getStripe } from './stripe';

/**
 * The programme office refunds part or all of a paid order: through Stripe's refund API for card and
 * wallet payments, recorded directly for the simulator; then the refund effect (ledger, status).
 */
export async function refundPaidOrder(p: { orderNo: string; amountFen: bigint; actorId: string }): Promise<void> {
  const order = (await getOrderRecord({ orderNo: p.orderNo }))?.order;
  if (!order) throw new AppError('not_found', '订单不存在');
  if (p.amountFen > order.paidFen - order.refundedFen)
    throw new AppError('invalid_input', '退款金额超过可退金额', { amount: '退款金额超过可退金额' });
  let providerRef = `sim-refund:${p.orderNo}:${order.refundedFen + p.amountFen}`;
  if (order.paymentMethod === 'stripe') {
    const stripe = getStripe();
    const pi = await findPaymentRef({ orderId: order.id });
    if (!stripe || !pi) throw new AppError('conflict', '找不到该订单的 Stripe 支付记录');
    const refund = await stripe.refunds.create(
      { payment_intent: pi, amount: Number(p.amountFen) },
      { idempotencyKey: `refund:${p.orderNo}:${order.refundedFen}:${p.amountFen}` },
    );
    providerRef = refund.id;
  }
  const effect = await refundOrder({
    orderNo: p.orderNo,
    amountFen: p.amountFen,
    method: order.paymentMethod,
    providerRef,
    actorId: p.actorId,
  });
  if (effect !== 'applied') throw new AppError('conflict', '该订单当前不能退款');
}
