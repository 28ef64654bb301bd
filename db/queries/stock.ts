import 'server-only';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Tier } from '@/domain/tier-pricing';
import { dbKind, rowsOf, type Executor } from '../client';
import { pgErrorCode, pgErrorDetail } from '../tx';
import { certifications, orderItems, products, productTierPrices } from '../schema';

/**
 * Products at checkout: what an order is priced from, and stock reserved, released and sold. Every
 * function runs in the caller's transaction (lib/orders/place-order.ts, lib/orders/payment-effects.ts).
 */

/** Listed products by slug, with what pricing needs. Unlisted and unknown slugs are simply absent. */
export async function listedProductsBySlugs({ slugs }: { slugs: string[] }, tx: Executor) {
  if (!slugs.length) return [];
  return tx
    .select({
      id: products.id,
      slug: products.slug,
      name: products.name,
      spec: products.spec,
      priceFen: products.priceFen,
      supplierId: products.supplierId,
      unitMinQuantity: products.unitMinQuantity,
    })
    .from(products)
    .where(and(inArray(products.slug, slugs), eq(products.status, 'listed')));
}

/** The approved certificate in force on `today` (China date) per product, the latest-expiring one. */
export async function certificatesInForce(
  { productIds, today }: { productIds: number[]; today: string },
  tx: Executor,
): Promise<Map<number, { id: number; certificateNo: string }>> {
  if (!productIds.length) return new Map();
  const rows = await tx
    .selectDistinctOn([certifications.productId], {
      productId: certifications.productId,
      id: certifications.id,
      certificateNo: certifications.certificateNo,
    })
    .from(certifications)
    .where(
      and(
        inArray(certifications.productId, productIds),
        eq(certifications.status, 'approved'),
        sql`${certifications.expiresOn} >= ${today}::date`,
      ),
    )
    .orderBy(certifications.productId, desc(certifications.expiresOn));
  return new Map(rows.map((c) => [c.productId, c]));
}

/** Tier prices (单位阶梯价) per product. */
export async function tierPricesOf(
  { productIds }: { productIds: number[] },
  tx: Executor,
): Promise<Map<number, Tier[]>> {
  const rows = productIds.length
    ? await tx.select().from(productTierPrices).where(inArray(productTierPrices.productId, productIds))
    : [];
  const by = new Map<number, Tier[]>();
  for (const t of rows) by.set(t.productId, [...(by.get(t.productId) ?? []), t]);
  return by;
}

/** The livestream, if it is not cancelled and features one of these products. */
export async function livestreamFeaturing(
  { livestreamId, productIds }: { livestreamId: number; productIds: number[] },
  tx: Executor,
): Promise<number | null> {
  if (!productIds.length) return null;
  const [hit] = rowsOf<{ id: number }>(
    await tx.execute(sql`select l.id from livestreams l join livestream_products lp on lp.livestream_id = l.id
      where l.id = ${livestreamId} and l.status <> 'cancelled'
        and lp.product_id in (${sql.join(
          productIds.map((id) => sql`${id}`),
          sql`, `,
        )}) limit 1`),
  );
  return hit?.id ?? null;
}

/** A checkout line as stock is taken for it: at the price the order was priced at. */
export type StockLine = { productId: number; quantity: number; priceFen: number };

/** take_stock's error for lines short of stock (migration 0018); its DETAIL lists their product ids. */
const SHORT_OF_STOCK = 'GJ409';

/**
 * Takes each line's quantity from stock (the SQL function take_stock, migration 0018) and, on PostgreSQL,
 * commits the caller's transaction in the same round trip: `select take_stock(…); commit and chain` as one
 * simple query. A popular product's row is then locked only while PostgreSQL runs the two statements; sent
 * apart, it stayed locked until the reply reached the app and the app's next turn sent COMMIT, which on a
 * busy server was most of an order's time (README "Orders against the database's own limit").
 *
 * So it must be the transaction's last statement: what follows runs in the empty transaction that
 * `and chain` opens, which the transaction wrapper's own COMMIT ends. On PGlite (one connection, no
 * contention) the wrapper commits as usual.
 *
 * Lines are taken in the order given: pass them sorted by product id, so two orders lock rows in one
 * order. A product whose price or listing changed since it was read raises serialization_failure (the
 * caller's transaction runs again, db/tx.ts). Returns the product ids short of stock; when there are any,
 * nothing was taken or committed and the transaction is aborted: the caller must throw.
 */
export async function takeStockAndCommit(lines: readonly StockLine[], tx: Executor): Promise<number[]> {
  // Inlined, because a simple query (which may hold two statements) has no parameters: integers only.
  const ints = (xs: number[]) => {
    if (!xs.every(Number.isSafeInteger)) throw new Error('takeStockAndCommit: integers only');
    return `array[${xs.join(',')}]::integer[]`;
  };
  const call = `select take_stock(${ints(lines.map((l) => l.productId))}, ${ints(lines.map((l) => l.quantity))}, ${ints(lines.map((l) => l.priceFen))})`;
  try {
    await tx.execute(sql.raw(dbKind() === 'postgres' ? `${call}; commit and chain` : call));
    return [];
  } catch (e) {
    if (pgErrorCode(e) !== SHORT_OF_STOCK) throw e;
    const detail = pgErrorDetail(e) ?? '';
    return detail.split(',').filter(Boolean).map(Number);
  }
}

/** An order's quantities per product, in product-id order (the order reservations lock rows in). */
export async function orderQuantities({ orderId }: { orderId: string }, tx: Executor) {
  return tx
    .select({ productId: orderItems.productId, quantity: orderItems.quantity })
    .from(orderItems)
    .where(eq(orderItems.orderId, orderId))
    .orderBy(asc(orderItems.productId));
}

/** Takes `quantity` from stock when there is enough (a closed order reopened); false otherwise. */
export async function takeStock({ productId, quantity }: { productId: number; quantity: number }, tx: Executor) {
  const r = await tx.execute(
    sql`update products set stock = stock - ${quantity}, updated_at = now() where id = ${productId} and stock >= ${quantity} returning id`,
  );
  return rowsOf(r).length > 0;
}

export async function returnStock({ productId, quantity }: { productId: number; quantity: number }, tx: Executor) {
  await tx.execute(sql`update products set stock = stock + ${quantity}, updated_at = now() where id = ${productId}`);
}

/** Adds a paid order's quantities to its products' sold counts. */
export async function addSalesCounts({ orderId }: { orderId: string }, tx: Executor): Promise<void> {
  await tx.execute(sql`
    update products p set sales_count = p.sales_count + oi.quantity
    from order_items oi where oi.order_id = ${orderId} and oi.product_id = p.id`);
}
