import 'server-only';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { OrderStatus } from '@/domain/order-state';
import { getDb, rowsOf, type Executor } from '../client';
import { orderMoneyColumns } from './columns';
import { parcelColumns } from './recipients';
import { orderItems, orderRecipients, orders, paymentMovements, products, shipments } from '../schema';

export type OrderRow = typeof orders.$inferSelect;
export type NewOrder = typeof orders.$inferInsert;

/** An order with its lines, money movements and shipments; personal data as stored (encrypted). */
export async function getOrderRecord({ orderNo }: { orderNo: string }) {
  const db = getDb();
  const [o] = await db.select().from(orders).where(eq(orders.orderNo, orderNo)).limit(1);
  if (!o) return null;
  const [items, pays, ships] = await Promise.all([
    db
      .select({ item: orderItems, slug: products.slug, afterSalesClass: products.afterSalesClass })
      .from(orderItems)
      .innerJoin(products, eq(products.id, orderItems.productId))
      .where(eq(orderItems.orderId, o.id))
      .orderBy(asc(orderItems.id)),
    db
      .select()
      .from(paymentMovements)
      .where(eq(paymentMovements.orderId, o.id))
      .orderBy(asc(paymentMovements.createdAt), asc(paymentMovements.id)),
    db.select().from(shipments).where(eq(shipments.orderId, o.id)).orderBy(asc(shipments.shippedAt)),
  ]);
  return { order: o, items, movements: pays, shipments: ships };
}

/** The order row without a lock: a refusal decided on it writes nothing (a row lock takes a transaction id). */
export async function readOrderRow({ orderNo }: { orderNo: string }): Promise<OrderRow | null> {
  const [o] = await getDb().select().from(orders).where(eq(orders.orderNo, orderNo)).limit(1);
  return o ?? null;
}

/** The order row, locked for the rest of the caller's transaction. */
export async function lockOrder(where: { orderId?: string; orderNo?: string }, tx: Executor): Promise<OrderRow | null> {
  const cond = where.orderId ? eq(orders.id, where.orderId) : eq(orders.orderNo, where.orderNo ?? '');
  const [o] = await tx.select().from(orders).where(cond).for('update');
  return o ?? null;
}

/** The next running number for order numbers (domain/order-number). */
export async function nextOrderSequence(tx: Executor): Promise<bigint> {
  const [r] = rowsOf<{ seq: string }>(await tx.execute(sql`select nextval('order_no_seq')::text as seq`));
  return BigInt(r?.seq ?? '0');
}

export async function insertOrder(values: NewOrder, tx: Executor): Promise<{ id: string; orderNo: string }> {
  const [o] = await tx.insert(orders).values(values).returning({ id: orders.id, orderNo: orders.orderNo });
  return o!;
}

export async function insertOrderItems(rows: (typeof orderItems.$inferInsert)[], tx: Executor): Promise<void> {
  if (rows.length) await tx.insert(orderItems).values(rows);
}

export async function insertOrderRecipients(
  rows: (typeof orderRecipients.$inferInsert)[],
  tx: Executor,
): Promise<void> {
  if (rows.length) await tx.insert(orderRecipients).values(rows);
}

/*
 * Status changes, one statement each. Whether a change is allowed is decided by the caller
 * (domain/order-state, lib/orders); timestamps are the database's.
 */
const changed = { updatedAt: sql`now()` };

/** The balance is paid: the status it takes (domain/order-state statusWhenPaid) and the time. */
export async function setOrderPaid({ orderId, status }: { orderId: string; status: OrderStatus }, tx: Executor) {
  await tx
    .update(orders)
    .set({ status, paidAt: sql`now()`, ...changed })
    .where(eq(orders.id, orderId));
}

/** A closed order reopened by money the office applied (paid in the same transaction). */
export async function reopenOrder({ orderId }: { orderId: string }, tx: Executor) {
  await tx
    .update(orders)
    .set({ status: 'pending_payment', cancelledAt: null, cancelReason: null, ...changed })
    .where(eq(orders.id, orderId));
}

export async function closeOrder(
  { orderId, status, reason }: { orderId: string; status: 'cancelled' | 'expired'; reason: string },
  tx: Executor,
) {
  await tx
    .update(orders)
    .set({ status, cancelledAt: sql`now()`, cancelReason: reason, ...changed })
    .where(eq(orders.id, orderId));
}

export async function setOrderStatus({ orderId, status }: { orderId: string; status: OrderStatus }, tx: Executor) {
  await tx
    .update(orders)
    .set({ status, ...changed })
    .where(eq(orders.id, orderId));
}

/** 通过: the purchase order awaits payment, due in `dueDays` days from now. */
export async function approvePurchaseOrder(
  { orderId, approverId, dueDays }: { orderId: string; approverId: string; dueDays: number },
  tx: Executor,
) {
  await tx
    .update(orders)
    .set({
      status: 'pending_payment',
      decidedBy: approverId,
      decidedAt: sql`now()`,
      expiresAt: null,
      dueAt: sql`now() + make_interval(days => ${dueDays})`,
      ...changed,
    })
    .where(eq(orders.id, orderId));
}

/** 驳回: the purchase order is cancelled with the approver's reason. */
export async function rejectPurchaseOrder(
  { orderId, approverId, reason }: { orderId: string; approverId: string; reason: string },
  tx: Executor,
) {
  await tx
    .update(orders)
    .set({
      status: 'cancelled',
      decidedBy: approverId,
      decidedAt: sql`now()`,
      rejectReason: reason,
      cancelReason: `审批驳回：${reason}`,
      cancelledAt: sql`now()`,
      ...changed,
    })
    .where(eq(orders.id, orderId));
}

/** Guest lookup: the order number with the keyed hash of the mobile number given at checkout. */
export async function findOrderNoByMobileHash({
  orderNo,
  mobileHash,
}: {
  orderNo: string;
  mobileHash: string;
}): Promise<string | null> {
  const [o] = await getDb()
    .select({ orderNo: orders.orderNo })
    .from(orders)
    .where(and(eq(orders.orderNo, orderNo), eq(orders.contactMobileHash, mobileHash)))
    .limit(1);
  return o?.orderNo ?? null;
}

export async function listOrdersForUser({ userId, limit }: { userId: string; limit: number }) {
  return getDb()
    .select({
      orderNo: orders.orderNo,
      status: orders.status,
      totalFen: orders.totalFen,
      createdAt: orders.createdAt,
      lines: sql<number>`(select count(*)::int from order_items oi where oi.order_id = "orders"."id")`,
    })
    .from(orders)
    .where(eq(orders.userId, userId))
    .orderBy(desc(orders.createdAt))
    .limit(limit);
}

export async function listOrdersForAdmin({ status, limit }: { status?: OrderStatus; limit: number }) {
  return getDb()
    .select({
      ...orderMoneyColumns,
      paymentMethod: orders.paymentMethod,
      channel: orders.channel,
      createdAt: orders.createdAt,
      ...parcelColumns,
    })
    .from(orders)
    .where(status ? eq(orders.status, status) : undefined)
    .orderBy(desc(orders.createdAt))
    .limit(limit);
}

/** Slugs of an order's products, to revalidate their cached pages after stock or sales change. */
export async function orderProductSlugs({
  orderId,
  orderNo,
}: {
  orderId?: string;
  orderNo?: string;
}): Promise<string[]> {
  const rows = await getDb()
    .select({ slug: products.slug })
    .from(orderItems)
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .innerJoin(products, eq(products.id, orderItems.productId))
    .where(orderId ? eq(orders.id, orderId) : eq(orders.orderNo, orderNo ?? ''));
  return rows.map((r) => r.slug);
}

/**
 * Unpaid orders (and purchase orders) past their deadline, oldest first. An order holding money is
 * never expired by the clock: the office refunds or applies it.
 */
export async function overdueOrderIds({ limit }: { limit: number }): Promise<string[]> {
  const rows = await getDb()
    .select({ id: orders.id })
    .from(orders)
    .where(
      and(
        sql`${orders.status} in ('pending_payment', 'pending_approval')`,
        sql`${orders.expiresAt} < now()`,
        sql`${orders.paidFen} = ${orders.refundedFen}`,
      ),
    )
    .orderBy(asc(orders.expiresAt))
    .limit(limit);
  return rows.map((r) => r.id);
}

/**
 * Serialises retail placements that share a contact mobile, account or client address, so that the
 * open-order cap holds for two requests at once (transaction-scoped advisory locks, taken in key order).
 */
export async function lockHoldKeys({ keys }: { keys: string[] }, tx: Executor): Promise<void> {
  for (const k of [...new Set(keys)].sort())
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`hold:${k}`}, 0))`);
}

/** Open (unexpired, unpaid) retail orders per contact mobile, account and client address, and the earliest expiry. */
export async function countOpenRetailOrders(
  { mobileHash, userId, addressHash }: { mobileHash: string; userId: string | null; addressHash: string | null },
  tx: Executor,
): Promise<{ mobile: number; account: number; address: number; nextExpiry: Date | null }> {
  const [r] = rowsOf<{ mobile: number; account: number; address: number; next: Date | string | null }>(
    await tx.execute(sql`
      select count(*) filter (where contact_mobile_hash = ${mobileHash})::int as mobile,
             count(*) filter (where user_id = ${userId})::int as account,
             count(*) filter (where client_address_hash = ${addressHash})::int as address,
             min(expires_at) as next
      from orders
      where status = 'pending_payment' and unit_id is null and expires_at > now()
        and (contact_mobile_hash = ${mobileHash} or user_id = ${userId} or client_address_hash = ${addressHash})`),
  );
  return {
    mobile: r?.mobile ?? 0,
    account: r?.account ?? 0,
    address: r?.address ?? 0,
    nextExpiry: r?.next ? new Date(r.next) : null,
  };
}
