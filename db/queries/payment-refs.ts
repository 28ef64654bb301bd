import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '../client';
import { payments } from '../schema';

/** The provider reference (Stripe payment intent) of an order's sale payment. */
export async function findPaymentRef({ orderId }: { orderId: string }): Promise<string | null> {
  const [p] = await getDb()
    .select({ ref: payments.providerRef })
    .from(payments)
    .where(and(eq(payments.orderId, orderId), eq(payments.kind, 'sale')))
    .limit(1);
  return p?.ref ?? null;
}
