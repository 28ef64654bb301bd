'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getOrderView } from '@/db/queries/orders';
import { findPaymentRef } from '@/db/queries/payment-refs';
import { cancelOrder, refundOrder } from '@/db/queries/payments';
import { requireAdmin } from '@/lib/auth/guards';
import { revalidateImpact, revalidateOrder } from '@/lib/cache/invalidate';
import { parseYuanToFen } from '@/domain/money';
import { getStripe } from '@/lib/payments/stripe';
import { orderNoSchema } from '@/lib/validation/orders';
import { AppError } from '@/lib/errors';
import { validatedAction } from './safe-action';

/** The programme office cancels an unpaid order; its stock is released. */
export const adminCancelOrderAction = validatedAction(
  z.object({
    orderNo: orderNoSchema,
    reason: z.string().trim().min(2, '请写明取消原因').max(200, '原因不能超过 200 字'),
  }),
  async ({ orderNo, reason }) => {
    const admin = await requireAdmin();
    const effect = await cancelOrder({ orderNo, to: 'cancelled', reason, actorId: admin.id });
    if (effect !== 'applied') throw new AppError('conflict', '只有待付款的订单可以取消；已付款的订单请退款');
    await revalidateOrder({ orderNo });
    revalidatePath('/admin/orders');
    return { ok: true, message: '订单已取消，库存已释放' };
  },
);

/** Refunds part or all of a paid order: through Stripe's refund API, or recorded for the simulator. */
export const adminRefundOrderAction = validatedAction(
  z.object({
    orderNo: orderNoSchema,
    amount: z.string('请填写退款金额').transform((v, ctx) => {
      const fen = parseYuanToFen(v);
      if (fen === null || fen <= 0) {
        ctx.addIssue({ code: 'custom', message: '退款金额须为大于 0、最多两位小数的金额（元）' });
        return z.NEVER;
      }
      return BigInt(fen);
    }),
  }),
  async ({ orderNo, amount }) => {
    const admin = await requireAdmin();
    const order = await getOrderView({ orderNo });
    if (!order) throw new AppError('not_found', '订单不存在');
    if (amount > order.paidFen - order.refundedFen)
      throw new AppError('invalid_input', '退款金额超过可退金额', { amount: '退款金额超过可退金额' });
    let providerRef = `sim-refund:${orderNo}:${order.refundedFen + amount}`;
    if (order.paymentMethod === 'stripe') {
      const stripe = getStripe();
      const pi = await findPaymentRef({ orderId: order.id });
      if (!stripe || !pi) throw new AppError('conflict', '找不到该订单的 Stripe 支付记录');
      const refund = await stripe.refunds.create(
        { payment_intent: pi, amount: Number(amount) },
        { idempotencyKey: `refund:${orderNo}:${order.refundedFen}:${amount}` },
      );
      providerRef = refund.id;
    }
    const effect = await refundOrder({
      orderNo,
      amountFen: amount,
      method: order.paymentMethod,
      providerRef,
      actorId: admin.id,
    });
    if (effect !== 'applied') throw new AppError('conflict', '该订单当前不能退款');
    revalidateImpact();
    revalidatePath('/admin/orders');
    return { ok: true, message: '已退款' };
  },
);
