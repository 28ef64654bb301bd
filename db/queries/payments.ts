import 'server-only';
import { and, count, eq } from 'drizzle-orm';
import { getDb, type Executor } from '../client';
import { payments, webhookEvents } from '../schema';

/** Money received or refunded, one row per provider reference, and the webhook events already applied. */

/** Records a webhook event id in the effect's transaction; false if it was processed before. */
export async function claimWebhookEvent({ id, type }: { id: string; type: string }, tx: Executor): Promise<boolean> {
  const r = await tx
    .insert(webhookEvents)
    .values({ id, type })
    .onConflictDoNothing()
    .returning({ id: webhookEvents.id });
  return r.length > 0;
}

export async function insertPayment(values: typeof payments.$inferInsert, tx: Executor): Promise<void> {
  await tx.insert(payments).values(values);
}

export async function paymentRefExists({ providerRef }: { providerRef: string }, tx: Executor): Promise<boolean> {
  const [p] = await tx.select({ id: payments.id }).from(payments).where(eq(payments.providerRef, providerRef));
  return !!p;
}

export async function countPayments({ orderId }: { orderId: string }, tx: Executor): Promise<number> {
  const [r] = await tx.select({ n: count() }).from(payments).where(eq(payments.orderId, orderId));
  return r?.n ?? 0;
}

export async function findOrderIdByPaymentRef({ providerRef }: { providerRef: string }): Promise<string | null> {
  const [r] = await getDb()
    .select({ orderId: payments.orderId })
    .from(payments)
    .where(and(eq(payments.providerRef, providerRef), eq(payments.kind, 'sale')))
    .limit(1);
  return r?.orderId ?? null;
}

/** The provider reference (Stripe payment intent) of an order's sale payment. */
export async function findPaymentRef({ orderId }: { orderId: string }, db: Executor = getDb()): Promise<string | null> {
  const [p] = await db
    .select({ ref: payments.providerRef })
    .from(payments)
    .where(and(eq(payments.orderId, orderId), eq(payments.kind, 'sale')))
    .limit(1);
  return p?.ref ?? null;
}
