import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { OrderStatus } from '@/domain/order-state';
import { getDb, rowsOf } from '../client';
import { certifications, orders, products } from '../schema';

/** Small existence reads for proxy.ts, which answers unknown pages with a real 404 before they stream. */

export async function listedProductExists({ slug }: { slug: string }): Promise<boolean> {
  const [r] = await getDb()
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.slug, slug), eq(products.status, 'listed')))
    .limit(1);
  return !!r;
}

export async function certificateExists({ certificateNo }: { certificateNo: string }): Promise<boolean> {
  const [r] = await getDb()
    .select({ id: certifications.id })
    .from(certifications)
    .where(eq(sql`upper(${certifications.certificateNo})`, certificateNo.toUpperCase()))
    .limit(1);
  return !!r;
}

/** What deciding access to an order needs: its owner and its token's hash. */
export async function orderAccessRecord({ orderNo }: { orderNo: string }) {
  const [r] = await getDb()
    .select({ orderNo: orders.orderNo, userId: orders.userId, accessTokenHash: orders.accessTokenHash })
    .from(orders)
    .where(eq(orders.orderNo, orderNo))
    .limit(1);
  return r ?? null;
}

/** A welfare order with recipients of one of these suppliers' lines, and what deciding its page's status needs. */
export async function supplierParcelsOrder({ orderNo, supplierIds }: { orderNo: string; supplierIds: number[] }) {
  if (!supplierIds.length) return null;
  const [r] = rowsOf<{
    status: OrderStatus;
    paid_at: Date | string | null;
    payment_terms: string;
    decided_at: Date | string | null;
  }>(
    await getDb().execute(sql`
      select o.status::text as status, o.paid_at, o.payment_terms, o.decided_at from orders o
      where o.order_no = ${orderNo} and exists (
        select 1 from order_recipients r join order_items oi on oi.order_id = r.order_id and oi.product_id = r.product_id
        where r.order_id = o.id and oi.supplier_id in (${sql.join(
          supplierIds.map((id) => sql`${id}`),
          sql`, `,
        )}))`),
  );
  if (!r) return null;
  const date = (d: Date | string | null) => (d ? new Date(d) : null);
  return { status: r.status, paidAt: date(r.paid_at), paymentTerms: r.payment_terms, decidedAt: date(r.decided_at) };
}
