import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { allocateRefund } from '@/domain/ledger';
import { assertTransition, isPaidStatus, type OrderStatus } from '@/domain/order-state';
import { getDb, rowsOf, type Db } from '../client';
import { orderItems, orders, payments, salesLedger, webhookEvents } from '../schema';
import { withTxRetry } from '../tx';
import { faultPoint } from '@/lib/fault';
import { recordAudit } from './audit';
import { rollUp } from './rollups';
import type { PaymentMethod } from '@/domain/checkout';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type LockedOrder = typeof orders.$inferSelect;
export type Effect = 'applied' | 'duplicate' | 'ignored';
export type { Tx };

/** Which order, and which event or payment caused the change (event ids are applied once). */
type EffectRef = { orderId?: string; orderNo?: string; eventId?: string; eventType?: string; actorId?: string | null };
type MoneyRef = EffectRef & { method: PaymentMethod; providerRef: string };

/**
 * The frame of every payment-side change: one transaction (retried on deadlock) that first claims the
 * event id, then locks the order row, then applies the change.
 */
function onLockedOrder(
  p: EffectRef,
  eventType: string,
  apply: (tx: Tx, o: LockedOrder) => Promise<Effect>,
): Promise<Effect> {
  return withTxRetry(() =>
    getDb().transaction(async (tx) => {
      if (!(await claimEvent(tx, p.eventId, p.eventType ?? eventType))) return 'duplicate';
      const o = await lockOrder(tx, p);
      return o ? apply(tx, o) : 'ignored';
    }),
  );
}

/** Records a webhook event id inside the effect's transaction; false if it was processed before. */
async function claimEvent(tx: Tx, eventId: string | undefined, type: string): Promise<boolean> {
  if (!eventId) return true;
  const r = await tx
    .insert(webhookEvents)
    .values({ id: eventId, type })
    .onConflictDoNothing()
    .returning({ id: webhookEvents.id });
  return r.length > 0;
}

async function lockOrder(tx: Tx, where: { orderId?: string; orderNo?: string }) {
  const cond = where.orderId ? eq(orders.id, where.orderId) : eq(orders.orderNo, where.orderNo!);
  const [o] = await tx.select().from(orders).where(cond).for('update');
  return o ?? null;
}

/**
 * The order is paid: status, paid amount, one ledger row per order line (counted when the line was
 * certified at sale), and the sold counts, inside the caller's transaction.
 */
export async function fulfilPaidOrder(tx: Tx, o: LockedOrder, paidFen: bigint): Promise<void> {
  assertTransition(o.status, 'paid');
  await tx
    .update(orders)
    .set({ status: 'paid', paidFen, paidAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(orders.id, o.id));
  const ledger = await tx.execute(sql`
    insert into sales_ledger (order_id, order_item_id, kind, amount_fen, counted, channel, supplier_id, category_id, township_slug, unit_id, round_id, livestream_id, occurred_at)
    select oi.order_id, oi.id, 'sale', oi.line_total_fen, oi.certified_at_sale, ${o.channel}, oi.supplier_id, p.category_id, s.township_slug,
           ${o.unitId}::uuid, ${o.roundId}::int, ${o.livestreamId}::int, now()
    from order_items oi join products p on p.id = oi.product_id join suppliers s on s.id = oi.supplier_id
    where oi.order_id = ${o.id}
    returning id::text`);
  await rollUp(
    tx,
    rowsOf<{ id: string }>(ledger).map((r) => r.id),
  );
  await tx.execute(sql`
    update products p set sales_count = p.sales_count + oi.quantity
    from order_items oi where oi.order_id = ${o.id} and oi.product_id = p.id`);
}

/** Records an event that needs no effect, so that it is acknowledged once. */
export async function recordEventOnly({ eventId, eventType }: { eventId: string; eventType: string }): Promise<void> {
  await getDb().transaction(async (tx) => {
    await claimEvent(tx, eventId, eventType);
  });
}

/**
 * Fulfilment: the one place an order becomes paid (webhook and simulator alike). In one transaction:
 * the event id, the payment, the status, one ledger row per order line, and the sold counts.
 */
export async function markOrderPaid(p: MoneyRef & { amountFen: bigint }): Promise<Effect> {
  return onLockedOrder(p, 'payment', async (tx, o) => {
    const status = o.status;
    if (isPaidStatus(status) || status === 'refunded') return 'duplicate';
    if (status !== 'pending_payment' || p.amountFen !== o.totalFen) {
      await recordAudit(
        {
          actorUserId: null,
          action: 'payment.unmatched',
          entity: 'order',
          entityId: o.orderNo,
          data: { status, amountFen: String(p.amountFen), ref: p.providerRef },
        },
        tx,
      );
      return 'ignored';
    }
    await tx.insert(payments).values({
      orderId: o.id,
      method: p.method,
      providerRef: p.providerRef,
      amountFen: p.amountFen,
      kind: 'sale',
      confirmedBy: p.actorId ?? null,
    });
    await fulfilPaidOrder(tx, o, p.amountFen);
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
    return 'applied';
  });
}

/**
 * Cancels or expires an unpaid order and releases its stock exactly once. A paid order is never
 * touched (an `expired` event after `completed` changes nothing).
 */
export async function cancelOrder(p: EffectRef & { to: 'cancelled' | 'expired'; reason: string }): Promise<Effect> {
  return onLockedOrder(p, p.to, async (tx, o) => {
    const status = o.status;
    if (status !== 'pending_payment' && status !== 'pending_approval') return status === p.to ? 'duplicate' : 'ignored';
    assertTransition(status, p.to);
    await releaseStock(tx, o.id);
    await tx
      .update(orders)
      .set({ status: p.to, cancelledAt: sql`now()`, cancelReason: p.reason, updatedAt: sql`now()` })
      .where(eq(orders.id, o.id));
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
  const items = await tx
    .select({ productId: orderItems.productId, quantity: orderItems.quantity })
    .from(orderItems)
    .where(eq(orderItems.orderId, orderId))
    .orderBy(asc(orderItems.productId));
  for (const i of items)
    await tx.execute(
      sql`update products set stock = stock + ${i.quantity}, updated_at = now() where id = ${i.productId}`,
    );
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
    const status = o.status;
    const amountFen = p.amountFen ?? (p.cumulativeFen ?? 0n) - o.refundedFen;
    if (p.amountFen === undefined && amountFen <= 0n) return 'duplicate';
    if (!isPaidStatus(status) || amountFen <= 0n || amountFen > o.paidFen - o.refundedFen) return 'ignored';
    const [dup] = await tx.select({ id: payments.id }).from(payments).where(eq(payments.providerRef, p.providerRef));
    if (dup) return 'duplicate';
    const lines = rowsOf<{ id: string; line_total_fen: string; refunded: string }>(
      await tx.execute(sql`
        select oi.id::text, oi.line_total_fen::text, coalesce(-sum(l.amount_fen) filter (where l.kind = 'refund'), 0)::text as refunded
        from order_items oi left join sales_ledger l on l.order_item_id = oi.id
        where oi.order_id = ${o.id} group by oi.id order by oi.id`),
    );
    const itemsRefunded = lines.reduce((s, l) => s + BigInt(l.refunded), 0n);
    const buckets = [
      ...lines.map((l) => ({ key: l.id, remainingFen: BigInt(l.line_total_fen) - BigInt(l.refunded) })),
      { key: 'shipping', remainingFen: maxBig(0n, o.shippingFen - (o.refundedFen - itemsRefunded)) },
    ];
    const parts = allocateRefund(amountFen, buckets);
    const refundedFen = o.refundedFen + amountFen;
    const to: OrderStatus = refundedFen === o.paidFen ? 'refunded' : 'partially_refunded';
    assertTransition(status, to);
    await tx.insert(payments).values({
      orderId: o.id,
      method: p.method,
      providerRef: p.providerRef,
      amountFen,
      kind: 'refund',
      confirmedBy: p.actorId ?? null,
    });
    const ledgerIds: string[] = [];
    for (const l of lines) {
      const part = parts.get(l.id) ?? 0n;
      if (part === 0n) continue;
      const r = await tx.execute(sql`
        insert into sales_ledger (order_id, order_item_id, kind, amount_fen, counted, channel, supplier_id, category_id, township_slug, unit_id, round_id, livestream_id, occurred_at)
        select order_id, order_item_id, 'refund', ${-part}, counted, channel, supplier_id, category_id, township_slug, unit_id, round_id, livestream_id, now()
        from sales_ledger where order_item_id = ${l.id}::bigint and kind = 'sale' limit 1
        returning id::text`);
      ledgerIds.push(...rowsOf<{ id: string }>(r).map((x) => x.id));
    }
    await rollUp(tx, ledgerIds);
    await tx
      .update(orders)
      .set({ status: to, refundedFen, updatedAt: sql`now()` })
      .where(eq(orders.id, o.id));
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
  const due = rowsOf<{ id: string }>(
    await getDb().execute(
      sql`select id from orders where status in ('pending_payment', 'pending_approval') and expires_at < now() order by expires_at limit ${limit}`,
    ),
  );
  const expired: string[] = [];
  for (const { id } of due) {
    if ((await cancelOrder({ orderId: id, to: 'expired', reason: '超时未付款' })) === 'applied') expired.push(id);
  }
  return expired;
}

export async function findOrderIdByPaymentRef({ providerRef }: { providerRef: string }): Promise<string | null> {
  const [r] = await getDb()
    .select({ orderId: payments.orderId })
    .from(payments)
    .where(and(eq(payments.providerRef, providerRef), eq(payments.kind, 'sale')))
    .limit(1);
  return r?.orderId ?? null;
}

/** Sum of the ledger: counted sales (certified lines, net of refunds) and everything. */
export async function ledgerTotals(): Promise<{ countedFen: bigint; allFen: bigint }> {
  const [r] = rowsOf<{ counted: string; all: string }>(
    await getDb().execute(
      sql`select coalesce(sum(amount_fen) filter (where counted), 0)::text as counted, coalesce(sum(amount_fen), 0)::text as all from ${salesLedger}`,
    ),
  );
  return { countedFen: BigInt(r?.counted ?? '0'), allFen: BigInt(r?.all ?? '0') };
}

const maxBig = (a: bigint, b: bigint) => (a > b ? a : b);
