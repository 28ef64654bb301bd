'use server';

import { z } from 'zod';
import { requireAdmin } from '@/lib/auth/guards';
import { formatFen } from '@/domain/money';
import { invalidate } from '@/lib/cache/invalidate';
import { refundUnmatched } from '@/lib/payments/refunds';
import { confirmTransfer } from '@/lib/payments/transfers';
import { applyUnmatched } from '@/lib/payments/unmatched';
import { yuanField } from '@/lib/validation/money';
import { orderNoSchema, requestIdField } from '@/lib/validation/orders';
import { validatedAction } from './safe-action';

/** 确认到账: only the programme office records a transfer, with the amount actually received. */
export const confirmTransferAction = validatedAction(
  z.object({
    orderNo: orderNoSchema,
    amount: yuanField({
      required: '请填写到账金额',
      invalid: '到账金额须为大于 0、最多两位小数的金额（元）',
      maxFen: 1_000_000_000_00,
    }).transform((n) => BigInt(n)),
    requestId: requestIdField,
  }),
  async ({ orderNo, amount, requestId }) => {
    const admin = await requireAdmin();
    const r = await confirmTransfer({ orderNo, amountFen: amount, adminId: admin.id, requestId });
    await invalidate.transfer({ orderNo, paid: r.result === 'paid', unmatched: r.unmatchedFen > 0n });
    const extra = r.unmatchedFen > 0n ? `；超出应付的 ${formatFen(r.unmatchedFen)} 已记入待处理款项` : '';
    const message = {
      paid: '已确认到账，订单已付款',
      partial: `已记录部分到账，尚欠 ${formatFen(r.totalFen - r.heldFen)}`,
      unmatched: '订单已不在待付款状态，到账款项已记入待处理款项',
    }[r.result];
    return { ok: true, message: message + extra };
  },
);

const movementSchema = z.object({ movementId: z.uuid('款项不存在') });

/** 待处理款项 → 计入订单: the office applies unmatched money to its order (reopening a closed one when stock allows). */
export const applyUnmatchedAction = validatedAction(movementSchema, async ({ movementId }) => {
  const admin = await requireAdmin();
  const r = await applyUnmatched({ movementId, actorId: admin.id });
  await invalidate.unmatched({ orderId: r.orderId });
  return { ok: true, message: r.paid ? '已计入订单，订单已付款' : '已计入订单' };
});

/** 待处理款项 → 退款: the office returns unmatched money through its provider (recorded for transfers and the simulator). */
export const refundUnmatchedAction = validatedAction(movementSchema, async ({ movementId }) => {
  const admin = await requireAdmin();
  await refundUnmatched({ movementId, actorId: admin.id });
  await invalidate.unmatched({});
  return { ok: true, message: '已退款' };
});
