import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { ProductStatus } from '@/domain/certification';
import type { Tier } from '@/domain/tier-pricing';
import { rowsOf, type Executor } from '../client';
import { categories, mediaBlobs, productImages, products, productTierPrices, stockAdjustments } from '../schema';
import { inForceSql, pendingSql } from './listings';

/** The writes behind a supplier's listings (lib/listings), one statement each, in the caller's transaction. */

export type ProductRow = typeof products.$inferSelect;

/** The product if it is this supplier's, locked (or not, `lock: false`) for the caller's transaction. */
export async function supplierProduct(
  { productId, supplierId, lock = true }: { productId: number; supplierId: number; lock?: boolean },
  tx: Executor,
): Promise<ProductRow | null> {
  const q = tx
    .select()
    .from(products)
    .where(and(eq(products.id, productId), eq(products.supplierId, supplierId)));
  const [p] = lock ? await q.for('update') : await q;
  return p ?? null;
}

/** The same with whether a certificate is in force on `today` and whether one is waiting for review. */
export async function supplierProductListingState(
  { productId, supplierId, today }: { productId: number; supplierId: number; today: string },
  tx: Executor,
) {
  const [p] = await tx
    .select({
      id: products.id,
      slug: products.slug,
      code: products.code,
      status: products.status,
      inForce: inForceSql(today),
      pending: pendingSql,
    })
    .from(products)
    .where(and(eq(products.id, productId), eq(products.supplierId, supplierId)))
    .for('update');
  return p ?? null;
}

export async function productSlugAndStatus({ productId }: { productId: number }, tx: Executor) {
  const [p] = await tx
    .select({ slug: products.slug, status: products.status })
    .from(products)
    .where(eq(products.id, productId));
  return p ?? null;
}

export async function categoryIdBySlug({ slug }: { slug: string }, tx: Executor): Promise<number | null> {
  const [c] = await tx.select({ id: categories.id }).from(categories).where(eq(categories.slug, slug));
  return c?.id ?? null;
}

/** Serialises product-code allocation across instances until the transaction ends. */
export async function lockProductCodes(tx: Executor): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(7301)`);
}

/** The number after the highest GJ code. */
export async function nextProductCodeNumber(tx: Executor): Promise<number> {
  const [r] = rowsOf<{ n: number }>(
    await tx.execute(
      sql`select coalesce(max(substring(code from 3)::int), 0)::int + 1 as n from products where code ~ '^GJ[0-9]+$'`,
    ),
  );
  return r?.n ?? 1;
}

export async function insertProduct(values: typeof products.$inferInsert, tx: Executor): Promise<number> {
  const [row] = await tx.insert(products).values(values).returning({ id: products.id });
  return row!.id;
}

export async function updateProductRow(
  { id, set }: { id: number; set: Partial<typeof products.$inferInsert> },
  tx: Executor,
): Promise<void> {
  await tx
    .update(products)
    .set({ ...set, updatedAt: sql`now()` })
    .where(eq(products.id, id));
}

/** A listing status change; the first listing dates the product, listing clears the review note. */
export async function setListingStatus({ id, status }: { id: number; status: ProductStatus }, tx: Executor) {
  await tx
    .update(products)
    .set({
      status,
      listedAt: status === 'listed' ? sql`coalesce(${products.listedAt}, now())` : products.listedAt,
      reviewNote: status === 'listed' ? null : products.reviewNote,
      updatedAt: sql`now()`,
    })
    .where(eq(products.id, id));
}

/** A product waiting in review is listed once a certificate is approved. */
export async function listReviewedProduct({ productId }: { productId: number }, tx: Executor): Promise<void> {
  await tx
    .update(products)
    .set({ status: 'listed', listedAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(products.id, productId));
}

export async function deleteTierPrices({ productId }: { productId: number }, tx: Executor): Promise<void> {
  await tx.delete(productTierPrices).where(eq(productTierPrices.productId, productId));
}

export async function insertTierPrices({ productId, tiers }: { productId: number; tiers: Tier[] }, tx: Executor) {
  if (tiers.length) await tx.insert(productTierPrices).values(tiers.map((t) => ({ productId, ...t })));
}

/** Adds `delta` (negative to take away) to the stock; returns the new stock. */
export async function addToStock({ productId, delta }: { productId: number; delta: number }, tx: Executor) {
  const [u] = await tx
    .update(products)
    .set({ stock: sql`${products.stock} + ${delta}`, updatedAt: sql`now()` })
    .where(eq(products.id, productId))
    .returning({ stock: products.stock });
  return u!.stock;
}

export async function insertStockAdjustment(values: typeof stockAdjustments.$inferInsert, tx: Executor) {
  await tx.insert(stockAdjustments).values(values);
}

export async function countProductImages({ productId }: { productId: number }, tx: Executor): Promise<number> {
  const [r] = rowsOf<{ n: number }>(
    await tx.execute(sql`select count(*)::int as n from product_images where product_id = ${productId}`),
  );
  return r?.n ?? 0;
}

export async function nextImagePosition({ productId }: { productId: number }, tx: Executor): Promise<number> {
  const [r] = rowsOf<{ next: number }>(
    await tx.execute(
      sql`select coalesce(max(position), -1)::int + 1 as next from product_images where product_id = ${productId}`,
    ),
  );
  return r?.next ?? 0;
}

/** Another size of an uploaded photo, stored once per content hash. */
export async function insertMediaBlob(values: typeof mediaBlobs.$inferInsert, tx: Executor): Promise<void> {
  await tx.insert(mediaBlobs).values(values).onConflictDoNothing();
}

export async function insertProductImage(values: typeof productImages.$inferInsert, tx: Executor): Promise<void> {
  await tx.insert(productImages).values(values);
}

/** Deletes one of this product's images; returns its hash, or null when there is no such image. */
export async function deleteProductImage(
  { productId, imageId }: { productId: number; imageId: number },
  tx: Executor,
): Promise<string | null> {
  const del = await tx
    .delete(productImages)
    .where(and(eq(productImages.id, imageId), eq(productImages.productId, productId)))
    .returning({ sha256: productImages.sha256 });
  return del[0]?.sha256 ?? null;
}
