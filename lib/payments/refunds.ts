import 'server-only';
import { getOrderRecord } from '@/db/queries/orders';
import { getMovement, refundableSources, refundedFrom } from '@/db/queries/payments';
import { getDb } from '@/db/client';
import { allocateAcrossSources, heldFen } from '@/domain/money-movements';
import { formatFen } from '@/domain/money';
import { AppError } from '@/lib/errors';
import { recordRefunds } from './movements';
import { paymentProvider } from './providers';

/**
 * The programme office refunds part or all of the money an order holds (paid or not yet fully paid):
 * split across the payments that brought it in, newest first, each refunded through its own provider
 * (Stripe's refund API, or recorded for the simulator and bank transfers) and recorded under the
 * provider's refund id. `requestId` comes with the office's form: submitting it again (a double click,
 * a retry after a timeout) refunds once. An after-sales refund (lib/after-sales) passes its case as the
 * request and the order line whose goods it returns (`orderItemId`), so that the ledger takes it off that line.
 */
export async function refundOrderMoney(p: {
  orderNo: string;
  amountFen: bigint;
  requestId: string;
  actorId: string;
  orderItemId?: string;
}): Promise<{ orderId: string }> {
  const order = (await getOrderRecord({ orderNo: p.orderNo }))?.order;
  if (!order) throw new AppError('not_found', '订单不存在');
  const sources = await refundableSources({ orderId: order.id }, getDb());
  const left = sources.reduce((s, x) => s + x.remainingFen, 0n);
  if (heldFen(order) === 0n || left === 0n) throw new AppError('conflict', '该订单没有可退的款项');
  if (p.amountFen > left)
    throw new AppError('invalid_input', `退款金额超过可退金额（最多 ${formatFen(left)}）`, {
      amount: '退款金额超过可退金额',
    });
  for (const part of allocateAcrossSources(p.amountFen, sources)) {
    const provider = paymentProvider(part.source.provider);
    const refund = await provider.refund({
      paymentRef: part.source.externalRef,
      amountFen: part.amountFen,
      idempotencyKey: `refund:${p.requestId}:${part.source.id}`,
    });
    await recordRefunds({
      sourceId: part.source.id,
      refunds: [refund],
      actorId: p.actorId,
      recordedOnly: provider.recordsRefunds,
      expect: 'applied',
      lineId: p.orderItemId ?? null,
    });
  }
  return { orderId: order.id };
}

/**
 * 待处理款项 → 退款: the office returns what is left of unmatched money through its provider (the
 * simulator and bank transfers: recorded). Refunding it again refunds once.
 */
export async function refundUnmatched(p: { movementId: string; actorId: string }): Promise<void> {
  const m = await getMovement({ id: p.movementId });
  if (!m || m.kind === 'refund') throw new AppError('not_found', '款项不存在');
  if (m.state !== 'unmatched') throw new AppError('conflict', '该款项已处理');
  const left = m.amountFen - (await refundedFrom({ sourceId: m.id }, getDb()));
  if (left <= 0n) throw new AppError('conflict', '该款项已处理');
  const provider = paymentProvider(m.provider);
  const refund = await provider.refund({
    paymentRef: m.externalRef,
    amountFen: left,
    idempotencyKey: `refund-unmatched:${m.id}:${left}`,
  });
  await recordRefunds({
    sourceId: m.id,
    refunds: [refund],
    actorId: p.actorId,
    recordedOnly: provider.recordsRefunds,
    expect: 'unmatched',
  });
}
