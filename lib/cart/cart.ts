import 'server-only';
import { cookies } from 'next/headers';
import { z } from 'zod';
import {
  addCartLines,
  clearUserCart,
  countCartItems,
  deleteCartLine,
  getUserCart,
  listedProductIds,
  upsertCartLine,
  type CartLine,
} from '@/db/queries/cart';
import { MAX_LINES } from '@/domain/checkout';

/** Guests keep their cart in a cookie (slugs and quantities only; prices always come from the database). */
const COOKIE = 'gj_cart';
const cookieSchema = z
  .array(z.object({ slug: z.string().regex(/^[a-z0-9-]{1,80}$/), quantity: z.number().int().min(1).max(10_000) }))
  .max(MAX_LINES);

export async function readGuestCart(): Promise<CartLine[]> {
  const raw = (await cookies()).get(COOKIE)?.value;
  if (!raw) return [];
  try {
    const parsed = cookieSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

async function writeGuestCart(lines: CartLine[]): Promise<void> {
  const jar = await cookies();
  if (!lines.length) jar.delete(COOKIE);
  else
    jar.set(COOKIE, JSON.stringify(lines.slice(0, MAX_LINES)), {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      maxAge: 30 * 86_400,
    });
}

export async function clearGuestCart(): Promise<void> {
  (await cookies()).delete(COOKIE);
}

export async function readCart(userId: string | null): Promise<CartLine[]> {
  return userId ? getUserCart({ userId }) : readGuestCart();
}

/** Sets the quantity of one product (0 removes). Returns false for an unknown product. */
export async function setCartQuantity(
  userId: string | null,
  slug: string,
  quantity: number,
  { add = false } = {},
): Promise<boolean> {
  if (userId) {
    const current = add ? ((await getUserCart({ userId })).find((l) => l.slug === slug)?.quantity ?? 0) : 0;
    const productId = (await listedProductIds({ slugs: [slug] })).get(slug);
    if (!productId) return false;
    const next = Math.min(10_000, current + quantity);
    if (next <= 0) await deleteCartLine({ userId, productId });
    else await upsertCartLine({ userId, productId, quantity: next });
    return true;
  }
  const lines = await readGuestCart();
  const i = lines.findIndex((l) => l.slug === slug);
  const next = Math.min(10_000, (add && i >= 0 ? lines[i]!.quantity : 0) + quantity);
  if (i >= 0) {
    if (next <= 0) lines.splice(i, 1);
    else lines[i] = { slug, quantity: next };
  } else if (next > 0) {
    if (lines.length >= MAX_LINES) return false;
    lines.push({ slug, quantity: next });
  }
  await writeGuestCart(lines);
  return true;
}

/** How many items the cart holds (the header's and tab bar's count): listed products only. */
export async function cartItemCount(userId: string | null): Promise<number> {
  return countCartItems({ lines: await readCart(userId) });
}

export async function clearCart(userId: string | null): Promise<void> {
  if (userId) await clearUserCart({ userId });
  else await clearGuestCart();
}

/** At login the guest cart joins the account's: quantities add up, capped at 10,000. */
export async function mergeIntoUserCart({ userId, lines }: { userId: string; lines: CartLine[] }): Promise<void> {
  const ids = await listedProductIds({ slugs: lines.map((l) => l.slug) });
  await addCartLines({
    lines: lines
      .filter((l) => ids.has(l.slug))
      .map((l) => ({ userId, productId: ids.get(l.slug)!, quantity: Math.min(10_000, l.quantity) })),
  });
}
