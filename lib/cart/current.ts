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
