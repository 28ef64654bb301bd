import 'server-only';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { PaymentMethod } from '@/domain/checkout';
import type { MovementState, OrderMoney } from '@/domain/money-movements';
import type { OrderStatus } from '@/domain/order-state';
import { getDb, rowsOf, type Executor } from '../client';
import { orders, paymentMovements, paymentSessions, webhookEvents } from '../schema';

/**
 * Money movements (payments and transfers received, refunds sent), the payment sessions opened with
 * providers, and the webhook events already applied. Rows are written only by lib/payments, in the
 * transaction of their effect.
 */

export type MovementRow = typeof paymentMovements.$inferSelect;
export type NewMovement = typeof paymentMovements.$inferInsert;

/** Records a webhook event id in the effect's transaction; false if it was processed before. */
export async function claimWebhookEvent({ id, type }: { id: string; type: string }, tx: Executor): Promise<boolean> {
  const r = await tx
    .insert(webhookEvents)
    .values({ id, type })
    .onConflictDoNothing()
    .returning({ id: webhookEvents.id });
  return r.length > 0;
}

/** Inserts a movement unless its provider reference is already recorded; returns it, or null when it was. */
export async function insertMovement(values: NewMovement, tx: Executor): Promise<MovementRow | null> {
  const [m] = await tx.insert(paymentMovements).values(values).onConflictDoNothing().returning();
  return m ?? null;
}

export async function findMovement(
  { provider, externalRef }: { provider: PaymentMethod; externalRef: string },
  db: Executor = getDb(),
): Promise<MovementRow | null> {
  const [m] = await db
    .select()
    .from(paymentMovements)
    .where(and(eq(paymentMovements.provider, provider), eq(paymentMovements.externalRef, externalRef)));
  return m ?? null;
}

export async function getMovement({ id }: { id: string }, db: Executor = getDb()): Promise<MovementRow | null> {
  const [m] = await db.select().from(paymentMovements).where(eq(paymentMovements.id, id));
  return m ?? null;
}

/** The movement row, locked for the rest of the caller's transaction (after its order, if any). */
export async function lockMovement({ id }: { id: string }, tx: Executor): Promise<MovementRow | null> {
  const [m] = await tx.select().from(paymentMovements).where(eq(paymentMovements.id, id)).for('update');
  return m ?? null;
}

/** What has been refunded out of a received movement. */
export async function refundedFrom({ sourceId }: { sourceId: string }, tx: Executor): Promise<bigint> {
  const [r] = rowsOf<{ s: string }>(
    await tx.execute(
      sql`select coalesce(sum(amount_fen), 0)::text as s from payment_movements where source_id = ${sourceId}`,
    ),
  );
  return BigInt(r?.s ?? '0');
}

/** An order's applied received movements, oldest first, with what is left of each after its refunds. */
export async function refundableSources({ orderId }: { orderId: string }, tx: Executor) {
  const rows = rowsOf<{ id: string; provider: PaymentMethod; external_ref: string; remaining: string }>(
    await tx.execute(sql`
      select m.id, m.provider::text as provider, m.external_ref,
             (m.amount_fen - coalesce((select sum(r.amount_fen) from payment_movements r where r.source_id = m.id), 0))::text as remaining
      from payment_movements m
      where m.order_id = ${orderId} and m.kind <> 'refund' and m.state = 'applied'
      order by m.created_at, m.id`),
  );
  return rows.map((r) => ({
    id: r.id,
    provider: r.provider,
    externalRef: r.external_ref,
    remainingFen: BigInt(r.remaining),
  }));
}

export async function setMovementState(
  { id, state, resolvedBy }: { id: string; state: MovementState; resolvedBy?: string | null },
  tx: Executor,
): Promise<void> {
  await tx
    .update(paymentMovements)
    .set({ state, resolvedBy: resolvedBy ?? null, resolvedAt: sql`now()` })
    .where(eq(paymentMovements.id, id));
}

/**
 * The order's paid and refunded figures, recomputed from its applied movements in one statement (the
 * only write of these columns). Returns the new figures.
 */
export async function syncOrderMoney(
  { orderId }: { orderId: string },
  tx: Executor,
): Promise<{ paidFen: bigint; refundedFen: bigint }> {
  const [r] = rowsOf<{ paid_fen: string; refunded_fen: string }>(
    await tx.execute(sql`
      update orders o set
        paid_fen = coalesce((select sum(m.amount_fen) from payment_movements m where m.order_id = o.id and m.kind <> 'refund' and m.state = 'applied'), 0),
        refunded_fen = coalesce((select sum(m.amount_fen) from payment_movements m where m.order_id = o.id and m.kind = 'refund' and m.state = 'applied'), 0),
        updated_at = now()
      where o.id = ${orderId}
      returning o.paid_fen::text, o.refunded_fen::text`),
  );
  return { paidFen: BigInt(r?.paid_fen ?? '0'), refundedFen: BigInt(r?.refunded_fen ?? '0') };
}

/** An order's movements, oldest first, for its page. */
export async function orderMovements({ orderId }: { orderId: string }, db: Executor = getDb()) {
  return db
    .select()
    .from(paymentMovements)
    .where(eq(paymentMovements.orderId, orderId))
    .orderBy(asc(paymentMovements.createdAt), asc(paymentMovements.id));
}

export type UnmatchedRow = {
  id: string;
  provider: PaymentMethod;
  externalRef: string;
  kind: 'payment' | 'transfer';
  amountFen: bigint;
  remainingFen: bigint;
  currency: string;
  reason: string | null;
  orderNo: string | null;
  /** The order's money and status, to tell whether the money can be applied to it. */
  order: (OrderMoney & { rejectReason: string | null }) | null;
  givenOrderRef: string | null;
  createdAt: Date;
};

/** 待处理款项: received money no order took, with what is left of it after refunds, oldest first. */
export async function listUnmatched({ limit }: { limit: number }): Promise<UnmatchedRow[]> {
  const rows = rowsOf<{
    id: string;
    provider: PaymentMethod;
    external_ref: string;
    kind: 'payment' | 'transfer';
    amount_fen: string;
    remaining: string;
    currency: string;
    unmatched_reason: string | null;
    order_no: string | null;
    status: OrderStatus | null;
    paid_at: Date | string | null;
    total_fen: string | null;
    paid_fen: string | null;
    refunded_fen: string | null;
    reject_reason: string | null;
    given_order_ref: string | null;
    created_at: Date | string;
  }>(
    await getDb().execute(sql`
      select m.id, m.provider::text as provider, m.external_ref, m.kind::text as kind, m.amount_fen::text, m.currency, m.unmatched_reason,
             (m.amount_fen - coalesce((select sum(r.amount_fen) from payment_movements r where r.source_id = m.id), 0))::text as remaining,
             o.order_no, o.status::text as status, o.paid_at, o.total_fen::text, o.paid_fen::text, o.refunded_fen::text, o.reject_reason,
             m.given_order_ref, m.created_at
      from payment_movements m left join orders o on o.id = m.order_id
      where m.state = 'unmatched' and m.kind <> 'refund'
      order by m.created_at, m.id
      limit ${limit}`),
  );
  return rows.map((r) => ({
    id: r.id,
    provider: r.provider,
    externalRef: r.external_ref,
    kind: r.kind,
    amountFen: BigInt(r.amount_fen),
    remainingFen: BigInt(r.remaining),
    currency: r.currency,
    reason: r.unmatched_reason,
    orderNo: r.order_no,
    order: r.status
      ? {
          status: r.status,
          paidAt: r.paid_at ? new Date(r.paid_at) : null,
          totalFen: BigInt(r.total_fen!),
          paidFen: BigInt(r.paid_fen!),
          refundedFen: BigInt(r.refunded_fen!),
          rejectReason: r.reject_reason,
        }
      : null,
    givenOrderRef: r.given_order_ref,
    createdAt: new Date(r.created_at),
  }));
}

/** Records the payment a provider opened for an order's balance. */
export async function insertPaymentSession(values: typeof paymentSessions.$inferInsert): Promise<void> {
  await getDb().insert(paymentSessions).values(values).onConflictDoNothing();
}

/** A payment opened with a provider, by its reference. */
export async function getPaymentSession({ provider, externalRef }: { provider: PaymentMethod; externalRef: string }) {
  const [s] = await getDb()
    .select()
    .from(paymentSessions)
    .where(and(eq(paymentSessions.provider, provider), eq(paymentSessions.externalRef, externalRef)))
    .limit(1);
  return s ?? null;
}

/** An order's sessions still open with their provider. */
export async function openPaymentSessions({ orderId, orderNo }: { orderId?: string; orderNo?: string }) {
  return getDb()
    .select({ provider: paymentSessions.provider, externalRef: paymentSessions.externalRef })
    .from(paymentSessions)
    .innerJoin(orders, eq(orders.id, paymentSessions.orderId))
    .where(
      and(orderId ? eq(orders.id, orderId) : eq(orders.orderNo, orderNo ?? ''), eq(paymentSessions.status, 'open')),
    )
    .orderBy(desc(paymentSessions.createdAt));
}

export async function setPaymentSessionStatus(
  { provider, externalRef, status }: { provider: PaymentMethod; externalRef: string; status: 'completed' | 'closed' },
  db: Executor = getDb(),
): Promise<void> {
  await db
    .update(paymentSessions)
    .set({ status })
    .where(
      and(
        eq(paymentSessions.provider, provider),
        eq(paymentSessions.externalRef, externalRef),
        eq(paymentSessions.status, 'open'),
      ),
    );
}
