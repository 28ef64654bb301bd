import 'server-only';
import { getOrderRecord } from '@/db/queries/orders';
import { transaction } from '@/db/tx';
import { awaitsPayment, STORE_CURRENCY } from '@/domain/money-movements';
import { AppError } from '@/lib/errors';
import { receiveMoney } from './movements';

/**
 * 确认到账: the programme office records a bank transfer received for a unit's order, with the amount
 * actually received. It is applied up to the balance due (the whole of it makes the order paid, with
 * the earlier part transfers); anything beyond the balance is recorded as 待处理款项. `requestId`
 * comes with the office's form, so the same confirmation submitted twice is recorded once.
 */
export async function confirmTransfer(p: { orderNo: string; amountFen: bigint; adminId: string; requestId: string }) {
  const o = (await getOrderRecord({ orderNo: p.orderNo }))?.order;
  if (!o || o.paymentMethod !== 'bank_transfer' || !awaitsPayment(o))
    throw new AppError('conflict', '该订单不在待转账状态');
  const r = await transaction(
    (tx) =>
      receiveMoney(tx, {
        kind: 'transfer',
        provider: 'bank_transfer',
        externalRef: `transfer:${o.orderNo}:${p.requestId}`,
        amountFen: p.amountFen,
        currency: STORE_CURRENCY,
        orderId: o.id,
        exact: false,
        actorId: p.adminId,
      }),
    { retry: true },
  );
  const after = (await getOrderRecord({ orderNo: p.orderNo }))!.order;
  return {
    // The order left 待付款 between the page and the confirmation: all of it went to 待处理款项.
    result: r.effect === 'unmatched' ? ('unmatched' as const) : after.paidAt ? ('paid' as const) : ('partial' as const),
    orderId: o.id,
    heldFen: after.paidFen - after.refundedFen,
    totalFen: o.totalFen,
    unmatchedFen: r.unmatchedFen,
  };
}
