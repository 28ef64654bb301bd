import 'server-only';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { EXPIRY_WARNING_DAYS, LOW_STOCK } from '@/domain/listing';
import { isOverpriced } from '@/domain/price-fairness';
import { chinaDate, chinaMidnight } from '@/domain/time';
import { getDb, rowsOf } from '../client';
import { certificateColumns, productIdentityColumns } from './columns';
import {
  categories,
  certifications,
  productImages,
  products,
  productTierPrices,
  stockAdjustments,
  users,
} from '../schema';

/** The supplier that owns a product, for guards; null when there is no such product. */
export async function getProductSupplierId({ productId }: { productId: number }): Promise<number | null> {
  const [p] = await getDb()
    .select({ supplierId: products.supplierId })
    .from(products)
    .where(eq(products.id, productId));
  return p?.supplierId ?? null;
}

/** Whether the product has an approved certificate in force on `today` (a China date). */
export const inForceSql = (today: string) =>
  sql<boolean>`exists (select 1 from certifications c where c.product_id = "products"."id" and c.status = 'approved' and c.expires_on >= ${today}::date)`;
// Written out: drizzle renders a column inside a select's sql as a bare "id", which the subquery would resolve to c.id.
export const pendingSql = sql<boolean>`exists (select 1 from certifications c where c.product_id = "products"."id" and c.status = 'pending')`;

/** A supplier's own products, every status, with what the manager needs at a glance. */
export async function listSupplierProducts({ supplierId }: { supplierId: number }) {
  const today = chinaDate();
  const rows = await getDb()
    .select({
      ...productIdentityColumns,
      referencePriceFen: products.referencePriceFen,
      stock: products.stock,
      status: products.status,
      salesCount: products.salesCount,
      inForce: inForceSql(today),
      pending: pendingSql,
      imageSha: sql<
        string | null
      >`(select pi.sha256 from product_images pi where pi.product_id = "products"."id" order by pi.position limit 1)`,
    })
    .from(products)
    .where(eq(products.supplierId, supplierId))
    .orderBy(asc(products.code));
  return rows.map((r) => ({ ...r, overpriced: isOverpriced(r.priceFen, r.referencePriceFen) }));
}

/** One product for its manager's editor; null when it is not this supplier's. */
export async function getSupplierProduct({ productId, supplierId }: { productId: number; supplierId: number }) {
  const db = getDb();
  const today = chinaDate();
  const [p] = await db
    .select({ product: products, categorySlug: categories.slug, inForce: inForceSql(today), pending: pendingSql })
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(and(eq(products.id, productId), eq(products.supplierId, supplierId)));
  if (!p) return null;
  const [tiers, images, certs, adjustments] = await Promise.all([
    db
      .select({ minQuantity: productTierPrices.minQuantity, priceFen: productTierPrices.priceFen })
      .from(productTierPrices)
      .where(eq(productTierPrices.productId, productId))
      .orderBy(asc(productTierPrices.minQuantity)),
    db
      .select({
        id: productImages.id,
        sha256: productImages.sha256,
        alt: productImages.alt,
        width: productImages.width,
        height: productImages.height,
        position: productImages.position,
      })
      .from(productImages)
      .where(eq(productImages.productId, productId))
      .orderBy(asc(productImages.position)),
    db
      .select({
        ...certificateColumns,
        status: certifications.status,
        reviewNote: certifications.reviewNote,
        hasFile: sql<boolean>`${certifications.fileBytes} is not null`,
      })
      .from(certifications)
      .where(eq(certifications.productId, productId))
      .orderBy(desc(certifications.id)),
    db
      .select({
        id: stockAdjustments.id,
        delta: stockAdjustments.delta,
        stockAfter: stockAdjustments.stockAfter,
        reason: stockAdjustments.reason,
        createdAt: stockAdjustments.createdAt,
        actorName: users.name,
      })
      .from(stockAdjustments)
      .leftJoin(users, eq(users.id, stockAdjustments.actorUserId))
      .where(eq(stockAdjustments.productId, productId))
      .orderBy(desc(stockAdjustments.id))
      .limit(20),
  ]);
  return {
    ...p.product,
    categorySlug: p.categorySlug,
    inForce: p.inForce,
    pending: p.pending,
    tiers,
    images,
    certs,
    adjustments,
  };
}

/** A certificate's scan, for the programme office or the product's own supplier. */
export async function getCertificateFile({ id }: { id: number }) {
  const [c] = await getDb()
    .select({
      contentType: certifications.fileContentType,
      bytes: certifications.fileBytes,
      supplierId: products.supplierId,
      no: certifications.certificateNo,
    })
    .from(certifications)
    .innerJoin(products, eq(products.id, certifications.productId))
    .where(eq(certifications.id, id));
  return c?.bytes && c.contentType
    ? { contentType: c.contentType, bytes: c.bytes, supplierId: c.supplierId, no: c.no }
    : null;
}

/** The manager's dashboard: orders waiting to ship, low stock, certificates expiring soon, this month's sales. */
export async function getSupplierDashboard({ supplierId }: { supplierId: number }) {
  const db = getDb();
  const today = chinaDate();
  const monthStart = chinaMidnight(Number(today.slice(0, 4)), Number(today.slice(5, 7)), 1);
  const [waiting, low, expiring, month] = await Promise.all([
    db.execute(sql`
      select count(distinct o.id)::int as n from orders o
      join order_items oi on oi.order_id = o.id and oi.supplier_id = ${supplierId}
      where o.status in ('paid', 'partially_shipped', 'partially_refunded')
        and not exists (select 1 from shipments s where s.order_id = o.id and s.supplier_id = ${supplierId})`),
    db
      .select({ id: products.id, name: products.name, spec: products.spec, stock: products.stock })
      .from(products)
      .where(
        and(
          eq(products.supplierId, supplierId),
          inArray(products.status, ['listed', 'in_review']),
          sql`${products.stock} <= ${LOW_STOCK}`,
        ),
      )
      .orderBy(asc(products.stock)),
    db
      .select({
        id: certifications.id,
        productId: products.id,
        productName: products.name,
        certificateNo: certifications.certificateNo,
        expiresOn: certifications.expiresOn,
      })
      .from(certifications)
      .innerJoin(products, eq(products.id, certifications.productId))
      .where(
        and(
          eq(products.supplierId, supplierId),
          eq(certifications.status, 'approved'),
          sql`${certifications.expiresOn} between ${today}::date and ${today}::date + ${EXPIRY_WARNING_DAYS}::int`,
        ),
      )
      .orderBy(asc(certifications.expiresOn)),
    // Sales net of refunds, by China-time month, from the ledger (the figures the office reports).
    db.execute(sql`
      select coalesce(sum(amount_fen), 0)::text as fen, count(distinct order_id) filter (where kind = 'sale')::int as orders
      from sales_ledger
      where supplier_id = ${supplierId} and occurred_at >= ${monthStart.toISOString()}::timestamptz`),
  ]);
  const m = rowsOf<{ fen: string; orders: number }>(month)[0]!;
  return {
    waitingToShip: rowsOf<{ n: number }>(waiting)[0]!.n,
    lowStock: low,
    expiring: expiring.map((e) => ({ ...e, expiresOn: String(e.expiresOn).slice(0, 10) })),
    monthSalesFen: BigInt(m.fen),
    monthOrders: m.orders,
  };
}
