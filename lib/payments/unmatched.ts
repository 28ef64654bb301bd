import 'server-only';
import { recordAudit } from '@/db/queries/audit';
import { lockOrder, reopenOrder } from '@/db/queries/orders';
import { getMovement, lockMovement, refundedFrom, setMovementState } from '@/db/queries/payments';
import { orderQuantities, takeStock } from '@/db/queries/stock';
import { transaction } from '@/db/tx';
import type { Tx } from '@/db/client';
import { applicability } from '@/domain/money-movements';
import { assertTransition } from '@/domain/order-state';
import { AppError } from '@/lib/errors';
import { settlePayment } from './movements';

/**
 * 待处理款项 → 计入订单: the office applies unmatched money to the order it was paid for. An order
 * awaiting payment takes it up to its balance; a cancelled or expired order paid in full is reopened,
 * its stock reserved again (refused when there is not enough), and paid, all in one transaction.
 * Returns whether the order is now paid.
 */
export async function applyUnmatched(p: {
  movementId: string;
  actorId: string;
}): Promise<{ orderId: string; paid: boolean }> {
  return transaction(
    async (tx) => {
      const m0 = await getMovement({ id: p.movementId }, tx);
      if (!m0 || m0.kind === 'refund') throw new AppError('not_found', '款项不存在');
      let o = m0.orderId ? await lockOrder({ orderId: m0.orderId }, tx) : null;
      const m = (await lockMovement({ id: m0.id }, tx))!;
      if (m.state !== 'unmatched') throw new AppError('conflict', '该款项已处理');
      if ((await refundedFrom({ sourceId: m.id }, tx)) > 0n)
        throw new AppError('conflict', '该款项已部分退款，请退还余下部分');
      const a = applicability({ order: o, amountFen: m.amountFen, currency: m.currency });
      if (!a.ok) throw new AppError('conflict', a.message);
      if (!o) throw new AppError('conflict', '该款项没有对应的订单，请退款');
      if (a.reopen) {
        await reserveAgain(tx, o.id);
        assertTransition(o.status, 'pending_payment');
        await reopenOrder({ orderId: o.id }, tx);
        o = { ...o, status: 'pending_payment', cancelledAt: null, cancelReason: null };
      }
      await setMovementState({ id: m.id, state: 'applied', resolvedBy: p.actorId }, tx);
      const paid = await settlePayment(tx, o, { method: m.provider, actorId: p.actorId });
      await recordAudit(
        {
          actorUserId: p.actorId,
          action: 'payment.apply',
          entity: 'order',
          entityId: o.orderNo,
          data: { movementId: m.id, amountFen: String(m.amountFen), reopened: a.reopen },
        },
        tx,
      );
      return { orderId: o.id, paid };
    },
    { retry: true },
  );
}

/** Takes a closed order's quantities from stock again, in product-id order; refused when any is short. */
async function reserveAgain(tx: Tx, orderId: string): Promise<void> {
  for (const q of await orderQuantities({ orderId }, tx))
    if (!(await takeStock(q, tx))) throw new AppError('out_of_stock', '库存不足，不能恢复该订单，请退款');
}
