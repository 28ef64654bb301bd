import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '../client';
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
