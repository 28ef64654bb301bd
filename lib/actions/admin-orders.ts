'use server';

import { z } from 'zod';
import { cancelOrder } from '@/lib/orders/payment-effects';
import { requireAdmin } from '@/lib/auth/guards';
import { refundPaidOrder } from '@/lib/payments/refund';
import { yuanField } from '@/lib/validation/money';
import { orderNoSchema } from '@/lib/validation/orders';
import { AppError } from '@/lib/errors';
import { invalidate } from '@/lib/cache/invalidate';
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
    await invalidate.orderByOffice({ orderNo });
    return { ok: true, message: '订单已取消，库存已释放' };
  },
);

/** Refunds part or all of a paid order: through Stripe's refund API, or recorded for the simulator. */
export const adminRefundOrderAction = validatedAction(
  z.object({
    orderNo: orderNoSchema,
    amount: yuanField({
      required: '请填写退款金额',
      invalid: '退款金额须为大于 0、最多两位小数的金额（元）',
    }).transform((n) => BigInt(n)),
  }),
  async ({ orderNo, amount }) => {
    const admin = await requireAdmin();
    await refundPaidOrder({ orderNo, amountFen: amount, actorId: admin.id });
    invalidate.refund();
    return { ok: true, message: '已退款' };
  },
);
