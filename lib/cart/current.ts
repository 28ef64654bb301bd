import 'server-only';
import { resolveCart } from '@/db/queries/cart';
import { optionalUser } from '@/lib/auth/guards';
import { readCart } from './cart';

/** The visitor's cart with current prices and stock. */
export async function currentCart() {
  const user = await optionalUser();
  const lines = await resolveCart({ lines: await readCart(user?.id ?? null) });
  return { user, lines };
}

/** 立即购买: one product at the quantity asked, apart from the cart (which stays as it was). */
export async function buyNowLines({ slug, quantity }: { slug: string; quantity: number }) {
  const user = await optionalUser();
  const lines = await resolveCart({ lines: [{ slug, quantity }] });
  return { user, lines };
}
