import 'server-only';
import { recordAudit } from '@/db/queries/audit';
import { dueReceiptOrderIds, insertOrderEvent, isFullyShipped, setOrderReceived } from '@/db/queries/after-sales';
import { lockOrder } from '@/db/queries/orders';
import { transaction } from '@/db/tx';
import { assertTransition } from '@/domain/order-state';
import { insertOrderReceipt } from '@/db/queries/unit-receipt';
import {
  AUTO_RECEIPT_DAYS,
  UNIT_AUTO_RECEIPT_DAYS,
  autoReceiptAt,
  canConfirmReceipt,
  statusOnReceipt,
} from '@/domain/receipt';
import { AppError } from '@/lib/errors';

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
  /** A unit's 验收: only a member of this unit (checked under the lock), with an optional note and photo. */
  unit?: { unitId: string; note: string; photo: { contentType: string; bytes: Uint8Array } | null };
}): Promise<ReceiptResult> {
  return transaction(
    async (tx) => {
      const o = await lockOrder({ orderId: p.orderId, orderNo: p.orderNo }, tx);
      if (!o) return 'not_ready';
      if (p.unit && o.unitId !== p.unit.unitId) throw new AppError('not_found', '采购单不存在');
      if (o.receivedAt) return 'already';
      const fullyShipped = await isFullyShipped({ orderId: o.id }, tx);
      if (!canConfirmReceipt({ status: o.status, receivedAt: o.receivedAt, fullyShipped })) return 'not_ready';
      const to = statusOnReceipt(o.status, o.unitId ? { paid: o.paidAt !== null } : undefined);
      if (to !== o.status) assertTransition(o.status, to);
      const at = p.now ?? new Date();
      await setOrderReceived({ orderId: o.id, status: to, at }, tx);
      const auto = !!p.autoAfterDays;
      if (o.unitId)
        await insertOrderReceipt(
          {
            orderId: o.id,
            receivedBy: p.actorId,
            auto,
            note: p.unit?.note ?? '',
            photoContentType: p.unit?.photo?.contentType ?? null,
            photoBytes: p.unit?.photo?.bytes ?? null,
            createdAt: at,
          },
          tx,
        );
      await insertOrderEvent(
        {
          orderId: o.id,
          actor: auto ? 'system' : 'buyer',
          action: auto
            ? o.unitId
              ? `最后一件发货后 ${p.autoAfterDays} 天自动验收`
              : `发货 ${p.autoAfterDays} 天后自动确认收货`
            : o.unitId
              ? '单位验收'
              : '买家确认收货',
          at,
        },
        tx,
      );
      await recordAudit(
        {
          actorUserId: p.actorId,
          action: `order.${o.unitId ? 'unit_receipt' : 'receipt'}${auto ? '_auto' : ''}`,
          entity: 'order',
          entityId: o.orderNo,
          data: o.unitId && !auto ? { note: !!p.unit?.note, photo: !!p.unit?.photo } : undefined,
        },
        tx,
      );
      return 'confirmed';
    },
    { retry: true },
  );
}

/**
 * The sweep: retail orders shipped AUTO_RECEIPT_DAYS ago and not confirmed are confirmed by the system,
 * and unit purchase orders UNIT_AUTO_RECEIPT_DAYS after their last shipment are accepted (验收).
 */
export async function autoConfirmReceipts({
  now = new Date(),
  days = AUTO_RECEIPT_DAYS,
  unitDays = UNIT_AUTO_RECEIPT_DAYS,
  limit = 200,
}: { now?: Date; days?: number; unitDays?: number; limit?: number } = {}): Promise<number> {
  let n = 0;
  for (const [unit, d] of [
    [false, days],
    [true, unitDays],
  ] as const) {
    // The last shipment at or before `now - d` (autoReceiptAt is the same rule, read backwards).
    const before = new Date(now.getTime() - (autoReceiptAt(now, d).getTime() - now.getTime()));
    for (const orderId of await dueReceiptOrderIds({ before, limit, unit }))
      if ((await confirmReceipt({ orderId, actorId: null, autoAfterDays: d, now })) === 'confirmed') n++;
  }
  return n;
}
