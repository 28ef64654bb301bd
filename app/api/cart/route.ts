import { currentCart } from '@/lib/cart/current';
import type { CartViewLine } from '@/components/cart/cart-view';
import { route } from '@/lib/http/route';

/**
 * The visitor's cart lines with current prices and stock, for the static /cart page (components/cart/
 * cart-lines.tsx). Keyed by the session or the guest cart cookie, so never stored by a browser, nginx
 * or a CDN: private, no-store, and Vary: Cookie for any cache that ignores that.
 */
export const GET = route({ name: 'cart json' }, async () => {
  const { lines } = await currentCart();
  const body: { lines: CartViewLine[] } = {
    lines: lines.map(({ slug, name, spec, priceFen, stock, imageSha, quantity }) => ({
      slug,
      name,
      spec,
      priceFen,
      stock,
      imageSha,
      quantity,
    })),
  };
  return Response.json(body, { headers: { 'Cache-Control': 'private, no-store', Vary: 'Cookie' } });
});
