'use server';

import { z } from 'zod';
import { requireAdmin } from '@/lib/auth/guards';
import { getOrderRecord } from '@/db/queries/orders';
import { formatFen } from '@/domain/money';
import { heldFen } from '@/domain/money-movements';
import { refundOrderMoney } from '@/lib/payments/refunds';
import { endOrder } from '@/lib/payments/sessions';
import { yuanField } from '@/lib/validation/money';
import { orderNoSchema, requestIdField } from '@/lib/validation/orders';
import { AppError } from '@/lib/errors';
import { invalidate } from '@/lib/cache/invalidate';
import { validatedAction } from './safe-action';

/**
 * The programme office cancels an unpaid order; its stock is released and its open payment closed. An
 * order holding money is refused with the amount: the office refunds it first (or applies the rest).
 */
export const adminCancelOrderAction = validatedAction(
  z.object({
    orderNo: orderNoSchema,
    reason: z.string().trim().min(2, '请写明取消原因').max(200, '原因不能超过 200 字'),
  }),
  async ({ orderNo, reason }) => {
    const admin = await requireAdmin();
    const effect = await endOrder({ orderNo, to: 'cancelled', reason, actorId: admin.id });
    if (effect === 'holds_money') {
      const o = (await getOrderRecord({ orderNo }))?.order;
      throw new AppError('conflict', `该订单已收款 ${formatFen(o ? heldFen(o) : 0n)}，请先退款后再取消`);
    }
    if (effect !== 'applied') throw new AppError('conflict', '只有待付款的订单可以取消；已付款的订单请退款');
    await invalidate.orderByOffice({ orderNo });
    return { ok: true, message: '订单已取消，库存已释放' };
  },
);

/**
 * Refunds part or all of the money an order holds: through Stripe's refund API, or recorded for the
 * simulator and bank transfers. The form's requestId makes a resubmission refund once.
 */
export const adminRefundOrderAction = validatedAction(
  z.object({
    orderNo: orderNoSchema,
    amount: yuanField({
      required: '请填写退款金额',
      invalid: '退款金额须为大于 0、最多两位小数的金额（元）',
      maxFen: 1_000_000_000_00,
    }).transform((n) => BigInt(n)),
    requestId: requestIdField,
  }),
  async ({ orderNo, amount, requestId }) => {
    const admin = await requireAdmin();
    const { orderId } = await refundOrderMoney({ orderNo, amountFen: amount, requestId, actorId: admin.id });
    await invalidate.refund({ orderId });
    return { ok: true, message: '已退款' };
  },
);
