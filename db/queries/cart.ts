import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '../client';
import { cartItems, productImages, products } from '../schema';

export type CartLine = { slug: string; quantity: number };

export async function getUserCart({ userId }: { userId: string }): Promise<CartLine[]> {
  return getDb()
    .select({ slug: products.slug, quantity: cartItems.quantity })
    .from(cartItems)
    .innerJoin(products, eq(products.id, cartItems.productId))
    .where(eq(cartItems.userId, userId))
    .orderBy(asc(cartItems.updatedAt));
}

/** Listed products' ids by slug (unlisted and unknown slugs are absent). */
export async function listedProductIds({ slugs }: { slugs: string[] }): Promise<Map<string, number>> {
  if (!slugs.length) return new Map();
  const found = await getDb()
    .select({ id: products.id, slug: products.slug })
    .from(products)
    .where(and(inArray(products.slug, slugs), eq(products.status, 'listed')));
  return new Map(found.map((p) => [p.slug, p.id]));
}

export async function upsertCartLine({
  userId,
  productId,
  quantity,
}: {
  userId: string;
  productId: number;
  quantity: number;
}) {
  await getDb()
    .insert(cartItems)
    .values({ userId, productId, quantity })
    .onConflictDoUpdate({ target: [cartItems.userId, cartItems.productId], set: { quantity, updatedAt: sql`now()` } });
}

export async function deleteCartLine({ userId, productId }: { userId: string; productId: number }) {
  await getDb()
    .delete(cartItems)
    .where(and(eq(cartItems.userId, userId), eq(cartItems.productId, productId)));
}

/** Adds quantities to the account's lines (new lines are inserted), each capped at 10,000. */
export async function addCartLines({ lines }: { lines: { userId: string; productId: number; quantity: number }[] }) {
  if (!lines.length) return;
  await getDb()
    .insert(cartItems)
    .values(lines)
    .onConflictDoUpdate({
      target: [cartItems.userId, cartItems.productId],
      set: { quantity: sql`least(10000, ${cartItems.quantity} + excluded.quantity)`, updatedAt: sql`now()` },
    });
}

export async function clearUserCart({ userId }: { userId: string }): Promise<void> {
  await getDb().delete(cartItems).where(eq(cartItems.userId, userId));
}

/** Current names, prices and stock for cart lines; lines whose product is gone are dropped. */
export async function resolveCart({ lines }: { lines: CartLine[] }) {
  if (!lines.length) return [];
  const rows = await getDb()
    .select({
      slug: products.slug,
      name: products.name,
      spec: products.spec,
      priceFen: products.priceFen,
      stock: products.stock,
      imageSha: sql<
        string | null
      >`(select pi.sha256 from ${productImages} pi where pi.product_id = "products"."id" order by pi.position limit 1)`,
    })
    .from(products)
    .where(
      and(
        inArray(
          products.slug,
          lines.map((l) => l.slug),
        ),
        eq(products.status, 'listed'),
      ),
    );
  const bySlug = new Map(rows.map((r) => [r.slug, r]));
  return lines.filter((l) => bySlug.has(l.slug)).map((l) => ({ ...bySlug.get(l.slug)!, quantity: l.quantity }));
}

/** The summed quantity of the lines whose product is listed (the cart count in the navigation). */
export async function countCartItems({ lines }: { lines: CartLine[] }): Promise<number> {
  if (!lines.length) return 0;
  const listed = await listedProductIds({ slugs: lines.map((l) => l.slug) });
  return lines.reduce((n, l) => n + (listed.has(l.slug) ? l.quantity : 0), 0);
}
