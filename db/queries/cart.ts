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

/** Sets a line's quantity (0 removes it). Unknown or unlisted products are refused. */
export async function setUserCartQuantity({
  userId,
  slug,
  quantity,
}: {
  userId: string;
  slug: string;
  quantity: number;
}): Promise<boolean> {
  const [p] = await getDb()
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.slug, slug), eq(products.status, 'listed')))
    .limit(1);
  if (!p) return false;
  if (quantity <= 0) {
    await getDb()
      .delete(cartItems)
      .where(and(eq(cartItems.userId, userId), eq(cartItems.productId, p.id)));
    return true;
  }
  await getDb()
    .insert(cartItems)
    .values({ userId, productId: p.id, quantity })
    .onConflictDoUpdate({ target: [cartItems.userId, cartItems.productId], set: { quantity, updatedAt: sql`now()` } });
  return true;
}

/** At login the guest cart joins the account's: quantities add up, capped at 10,000. */
export async function mergeIntoUserCart({ userId, lines }: { userId: string; lines: CartLine[] }): Promise<void> {
  if (!lines.length) return;
  const found = await getDb()
    .select({ id: products.id, slug: products.slug })
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
  const ids = new Map(found.map((p) => [p.slug, p.id]));
  const values = lines
    .filter((l) => ids.has(l.slug))
    .map((l) => ({ userId, productId: ids.get(l.slug)!, quantity: Math.min(10_000, l.quantity) }));
  if (!values.length) return;
  await getDb()
    .insert(cartItems)
    .values(values)
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
