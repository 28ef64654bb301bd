import 'server-only';
import { recordAudit } from '@/db/queries/audit';
import { dueReceiptOrderIds, insertOrderEvent, isFullyShipped, setOrderReceived } from '@/db/queries/after-sales';
import { lockOrder } from '@/db/queries/orders';
import { transaction } from '@/db/tx';
import { assertTransition } from '@/domain/order-state';
import { AUTO_RECEIPT_DAYS, autoReceiptAt, canConfirmReceipt, statusOnReceipt } from '@/domain/receipt';

export type ReceiptResult = 'confirmed' | 'already' | 'not_ready';

/**
 * 确认收货: the buyer confirms receipt of a shipped order, or the sweep does it AUTO_RECEIPT_DAYS after the
 * last shipment (domain/receipt). Under the order's row lock, so two confirmations at once confirm it once;
 * the time is recorded (orders.received_at, from which the after-sales window runs), with the order's
 * timeline and the audit log. The caller has checked that the actor may act on the order.
 */
export async function confirmReceipt(p: {
  orderId?: string;
  orderNo?: string;
  actorId: string | null;
  /** Set by the sweep: the days after shipment it waited. */
  autoAfterDays?: number;
  now?: Date;
}): Promise<ReceiptResult> {
  return transaction(
    async (tx) => {
      const o = await lockOrder({ orderId: p.orderId, orderNo: p.orderNo }, tx);
      if (!o) return 'not_ready';
      if (o.receivedAt) return 'already';
      const fullyShipped = await isFullyShipped({ orderId: o.id }, tx);
      if (!canConfirmReceipt({ status: o.status, receivedAt: o.receivedAt, fullyShipped })) return 'not_ready';
      const to = statusOnReceipt(o.status);
      if (to !== o.status) assertTransition(o.status, to);
      const at = p.now ?? new Date();
      await setOrderReceived({ orderId: o.id, status: to, at }, tx);
      await insertOrderEvent(
        {
          orderId: o.id,
          actor: p.autoAfterDays ? 'system' : 'buyer',
          action: p.autoAfterDays ? `发货 ${p.autoAfterDays} 天后自动确认收货` : '买家确认收货',
          at,
        },
        tx,
      );
      await recordAudit(
        {
          actorUserId: p.actorId,
          action: p.autoAfterDays ? 'order.receipt_auto' : 'order.receipt',
          entity: 'order',
          entityId: o.orderNo,
        },
        tx,
      );
      return 'confirmed';
    },
    { retry: true },
  );
}

/** The sweep: orders shipped AUTO_RECEIPT_DAYS ago and not confirmed are confirmed by the system. */
export async function autoConfirmReceipts({
  now = new Date(),
  days = AUTO_RECEIPT_DAYS,
  limit = 200,
}: { now?: Date; days?: number; limit?: number } = {}): Promise<number> {
  // The last shipment at or before `now - days` (autoReceiptAt is the same rule, read backwards).
  const before = new Date(now.getTime() - (autoReceiptAt(now, days).getTime() - now.getTime()));
  let n = 0;
  for (const orderId of await dueReceiptOrderIds({ before, limit }))
    if ((await confirmReceipt({ orderId, actorId: null, autoAfterDays: days, now })) === 'confirmed') n++;
  return n;
}
