import 'server-only';
import { recordAudit } from '@/db/queries/audit';
import { insertRefundRow, insertSaleRows, refundableLines, rollUp } from '@/db/queries/ledger';
import {
  closeOrder,
  lockOrder,
  overdueOrderIds,
  setOrderPaid,
  setOrderStatus,
  type OrderRow,
} from '@/db/queries/orders';
import { claimWebhookEvent } from '@/db/queries/payments';
import { addSalesCounts, orderQuantities, returnStock } from '@/db/queries/stock';
import { transaction } from '@/db/tx';
import type { Tx } from '@/db/client';
import type { PaymentMethod } from '@/domain/checkout';
import { allocateRefund } from '@/domain/ledger';
import { heldFen } from '@/domain/money-movements';
import { assertTransition, statusAfterRefund, statusWhenPaid } from '@/domain/order-state';
import { faultPoint } from '@/lib/fault';

/**
 * What money does to an order: paid, cancelled or expired (stock released), refunded. The money itself
 * (movement rows, the order's figures) is lib/payments/movements.ts, which calls these in its
 * transaction. A cancellation is one transaction (retried on deadlock) that first claims the webhook
 * event id, then locks the order row, then applies the change; an event id is applied once.
 */
export type Effect = 'applied' | 'duplicate' | 'ignored';

/** Which order, and which event or person caused the change. */
type EffectRef = { orderId?: string; orderNo?: string; eventId?: string; eventType?: string; actorId?: string | null };

function onLockedOrder<E extends string = Effect>(
  p: EffectRef,
  eventType: string,
  apply: (tx: Tx, o: OrderRow) => Promise<E | Effect>,
): Promise<E | Effect> {
  return transaction(
    async (tx) => {
      if (p.eventId && !(await claimWebhookEvent({ id: p.eventId, type: p.eventType ?? eventType }, tx)))
        return 'duplicate';
      const o = await lockOrder(p, tx);
      return o ? apply(tx, o) : 'ignored';
    },
    { retry: true },
  );
}

/** Records an event that needs no effect, so that it is acknowledged once. */
export async function recordEventOnly({ eventId, eventType }: { eventId: string; eventType: string }): Promise<void> {
  await transaction((tx) => claimWebhookEvent({ id: eventId, type: eventType }, tx));
}

/**
 * THE one point where an order becomes paid, whatever the channel (Stripe's webhook, the simulator,
 * a confirmed bank transfer, money the office applied), inside the caller's transaction with the order
 * row locked, once its movements cover the total (lib/payments/movements.ts): the status (a shipped
 * pay-later order keeps its own) and time, one ledger row per order line (counted when the line was
 * certified at sale) with its rollups, the sold counts, and the audit entry.
 */
export async function fulfilPaidOrder(
  tx: Tx,
  o: OrderRow,
  p: { method: PaymentMethod; actorId?: string | null },
): Promise<void> {
  const to = statusWhenPaid(o.status);
  if (to !== o.status) assertTransition(o.status, to);
  await setOrderPaid({ orderId: o.id, status: to }, tx);
  await rollUp({ ledgerIds: await insertSaleRows({ order: o }, tx) }, tx);
  await addSalesCounts({ orderId: o.id }, tx);
  await recordAudit(
    {
      actorUserId: p.actorId ?? null,
      action: 'order.paid',
      entity: 'order',
      entityId: o.orderNo,
      data: { method: p.method },
    },
    tx,
  );
  // Everything is written but not committed: a process killed here must leave no trace.
  await faultPoint('payment-before-commit');
}

/**
 * Cancels or expires an unpaid order and releases its stock exactly once. A paid order is never
 * touched (an `expired` event after `completed` changes nothing), and neither is one holding money
 * ('holds_money'): the office refunds that money first (or applies the rest).
 */
export async function cancelOrder(
  p: EffectRef & { to: 'cancelled' | 'expired'; reason: string },
): Promise<Effect | 'holds_money'> {
  return onLockedOrder<Effect | 'holds_money'>(p, p.to, async (tx, o) => {
    if (o.status !== 'pending_payment' && o.status !== 'pending_approval')
      return o.status === p.to ? 'duplicate' : 'ignored';
    if (heldFen(o) > 0n) return 'holds_money';
    assertTransition(o.status, p.to);
    await releaseStock(tx, o.id);
    await closeOrder({ orderId: o.id, status: p.to, reason: p.reason }, tx);
    await recordAudit(
      {
        actorUserId: p.actorId ?? null,
        action: `order.${p.to}`,
        entity: 'order',
        entityId: o.orderNo,
        data: { reason: p.reason },
      },
      tx,
    );
    return 'applied';
  });
}

/** Gives an unpaid order's stock back, in product-id order (the same order reservations lock in). */
export async function releaseStock(tx: Tx, orderId: string): Promise<void> {
  for (const i of await orderQuantities({ orderId }, tx)) await returnStock(i, tx);
}

/**
 * The ledger side of a refund of a paid order, in the caller's transaction after the refund movement:
 * allocated across lines and shipping in proportion to what remains refundable, with negative ledger
 * rows per line and their rollups, and the status (partially refunded or refunded). A paid order held
 * exactly its total when it was paid, so what was refunded since is its total less what it held
 * before this refund (money returned before it was paid never reached the ledger). With `lineId` (an
 * after-sales refund of the goods of one line), the whole amount comes off that line when it still holds
 * it, so the target drops by exactly the refunded goods.
 */
export async function refundPaidOrder(
  tx: Tx,
  o: OrderRow,
  p: { amountFen: bigint; heldBeforeFen: bigint; actorId?: string | null; lineId?: string | null },
): Promise<void> {
  const lines = await refundableLines({ orderId: o.id }, tx);
  const line = p.lineId ? lines.find((l) => l.id === p.lineId) : undefined;
  const lineHolds = line !== undefined && line.lineTotalFen - line.refundedFen >= p.amountFen;
  const itemsRefunded = lines.reduce((s, l) => s + l.refundedFen, 0n);
  const refundedSincePaid = o.totalFen - p.heldBeforeFen;
  const parts = lineHolds
    ? new Map([[line.id, p.amountFen]])
    : allocateRefund(p.amountFen, [
        ...lines.map((l) => ({ key: l.id, remainingFen: l.lineTotalFen - l.refundedFen })),
        { key: 'shipping', remainingFen: maxBig(0n, o.shippingFen - (refundedSincePaid - itemsRefunded)) },
      ]);
  const ledgerIds: string[] = [];
  for (const l of lines) {
    const part = parts.get(l.id) ?? 0n;
    if (part !== 0n) ledgerIds.push(...(await insertRefundRow({ orderItemId: l.id, amountFen: part }, tx)));
  }
  await rollUp({ ledgerIds }, tx);
  const to = statusAfterRefund({ heldFen: p.heldBeforeFen - p.amountFen });
  if (to !== o.status) {
    assertTransition(o.status, to);
    await setOrderStatus({ orderId: o.id, status: to }, tx);
  }
  await recordAudit(
    {
      actorUserId: p.actorId ?? null,
      action: 'order.refund',
      entity: 'order',
      entityId: o.orderNo,
      data: { amountFen: String(p.amountFen), ...(lineHolds ? { orderItemId: line.id } : {}) },
    },
    tx,
  );
}

/**
 * The expiry sweep: unpaid orders past their deadline are expired and their stock released.
 * Each order is re-read under a row lock and its status checked, so concurrent or repeated sweeps
 * expire it once.
 */
export async function expireOverdueOrders({ limit = 200 }: { limit?: number } = {}): Promise<string[]> {
  const expired: string[] = [];
  for (const id of await overdueOrderIds({ limit })) {
    if ((await cancelOrder({ orderId: id, to: 'expired', reason: '超时未付款' })) === 'applied') expired.push(id);
  }
  return expired;
}

const maxBig = (a: bigint, b: bigint) => (a > b ? a : b);
