import 'server-only';
import { recordAudit } from '@/db/queries/audit';
import { insertRefundRow, insertSaleRows, refundableLines, rollUp } from '@/db/queries/ledger';
import {
  closeOrder,
  lockOrder,
  overdueOrderIds,
  setOrderPaid,
  setOrderRefunded,
  type OrderRow,
} from '@/db/queries/orders';
import { claimWebhookEvent, insertPayment, paymentRefExists } from '@/db/queries/payments';
import { addSalesCounts, orderQuantities, returnStock } from '@/db/queries/stock';
import { transaction } from '@/db/tx';
import type { Tx } from '@/db/client';
import type { PaymentMethod } from '@/domain/checkout';
import { allocateRefund } from '@/domain/ledger';
import { assertTransition, isPaidStatus, type OrderStatus } from '@/domain/order-state';
import { faultPoint } from '@/lib/fault';

/**
 * What money does to an order: paid, cancelled or expired (stock released), refunded. Every effect is
 * one transaction (retried on deadlock) that first claims the webhook event id, then locks the order
 * row, then applies the change; an event id is applied once.
 */
export type Effect = 'applied' | 'duplicate' | 'ignored';

/** Which order, and which event or person caused the change. */
type EffectRef = { orderId?: string; orderNo?: string; eventId?: string; eventType?: string; actorId?: string | null };
type MoneyRef = EffectRef & { method: PaymentMethod; providerRef: string };

function onLockedOrder(
  p: EffectRef,
  eventType: string,
  apply: (tx: Tx, o: OrderRow) => Promise<Effect>,
): Promise<Effect> {
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
 * a confirmed bank transfer), inside the caller's transaction with the order row locked: the status and
 * paid amount, one ledger row per order line (counted when the line was certified at sale) with its
 * rollups, the sold counts, and the audit entry.
 */
export async function fulfilPaidOrder(
  tx: Tx,
  o: OrderRow,
  p: { paidFen: bigint; method: PaymentMethod; actorId?: string | null },
): Promise<void> {
  assertTransition(o.status, 'paid');
  await setOrderPaid({ orderId: o.id, paidFen: p.paidFen }, tx);
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
}

/**
 * A provider reports the whole amount paid (Stripe's webhook, the simulator): the payment is recorded
 * and the order fulfilled. A different amount, or an order no longer awaiting payment, is recorded in
 * the audit log as unmatched and changes nothing else.
 */
export async function markOrderPaid(p: MoneyRef & { amountFen: bigint }): Promise<Effect> {
  return onLockedOrder(p, 'payment', async (tx, o) => {
    if (isPaidStatus(o.status) || o.status === 'refunded') return 'duplicate';
    if (o.status !== 'pending_payment' || p.amountFen !== o.totalFen) {
      await recordAudit(
        {
          actorUserId: null,
          action: 'payment.unmatched',
          entity: 'order',
          entityId: o.orderNo,
          data: { status: o.status, amountFen: String(p.amountFen), ref: p.providerRef },
        },
        tx,
      );
      return 'ignored';
    }
    await insertPayment(
      {
        orderId: o.id,
        method: p.method,
        providerRef: p.providerRef,
        amountFen: p.amountFen,
        kind: 'sale',
        confirmedBy: p.actorId ?? null,
      },
      tx,
    );
    await fulfilPaidOrder(tx, o, { paidFen: p.amountFen, method: p.method, actorId: p.actorId });
    // Everything is written but not committed: a process killed here must leave no trace.
    await faultPoint('payment-before-commit');
    return 'applied';
  });
}

/**
 * Cancels or expires an unpaid order and releases its stock exactly once. A paid order is never
 * touched (an `expired` event after `completed` changes nothing).
 */
export async function cancelOrder(p: EffectRef & { to: 'cancelled' | 'expired'; reason: string }): Promise<Effect> {
  return onLockedOrder(p, p.to, async (tx, o) => {
    if (o.status !== 'pending_payment' && o.status !== 'pending_approval')
      return o.status === p.to ? 'duplicate' : 'ignored';
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
 * Records a refund up to the order's paid amount: allocated across lines and shipping in proportion,
 * with negative ledger rows per line, in the same transaction as the status change.
 */
export async function refundOrder(
  p: MoneyRef & {
    /** The amount of this refund, or (cumulativeFen) the order's total refunded so far, as Stripe reports it. */
    amountFen?: bigint;
    cumulativeFen?: bigint;
  },
): Promise<Effect> {
  return onLockedOrder(p, 'refund', async (tx, o) => {
    const amountFen = p.amountFen ?? (p.cumulativeFen ?? 0n) - o.refundedFen;
    if (p.amountFen === undefined && amountFen <= 0n) return 'duplicate';
    if (!isPaidStatus(o.status) || amountFen <= 0n || amountFen > o.paidFen - o.refundedFen) return 'ignored';
    if (await paymentRefExists({ providerRef: p.providerRef }, tx)) return 'duplicate';
    const lines = await refundableLines({ orderId: o.id }, tx);
    const itemsRefunded = lines.reduce((s, l) => s + l.refundedFen, 0n);
    const parts = allocateRefund(amountFen, [
      ...lines.map((l) => ({ key: l.id, remainingFen: l.lineTotalFen - l.refundedFen })),
      { key: 'shipping', remainingFen: maxBig(0n, o.shippingFen - (o.refundedFen - itemsRefunded)) },
    ]);
    const refundedFen = o.refundedFen + amountFen;
    const to: OrderStatus = refundedFen === o.paidFen ? 'refunded' : 'partially_refunded';
    assertTransition(o.status, to);
    await insertPayment(
      {
        orderId: o.id,
        method: p.method,
        providerRef: p.providerRef,
        amountFen,
        kind: 'refund',
        confirmedBy: p.actorId ?? null,
      },
      tx,
    );
    const ledgerIds: string[] = [];
    for (const l of lines) {
      const part = parts.get(l.id) ?? 0n;
      if (part !== 0n) ledgerIds.push(...(await insertRefundRow({ orderItemId: l.id, amountFen: part }, tx)));
    }
    await rollUp({ ledgerIds }, tx);
    await setOrderRefunded({ orderId: o.id, status: to, refundedFen }, tx);
    await recordAudit(
      {
        actorUserId: p.actorId ?? null,
        action: 'order.refund',
        entity: 'order',
        entityId: o.orderNo,
        data: { amountFen: String(amountFen) },
      },
      tx,
    );
    return 'applied';
  });
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
