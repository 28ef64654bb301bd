import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb, rowsOf } from '@/db/client';
import { useSeededDatabase } from '@/scripts/test-support/database';
import { seededUserId } from '@/scripts/test-support/orders';

/**
 * 立即购买 checks out that item alone and leaves the cart as it was: the button goes to its own checkout
 * (nothing added to the cart), and 提交订单 there orders only that item, at the database's price, and
 * clears nothing. Above the stock it is refused with the stock shown.
 */
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock('@/lib/auth/session', () => ({ getSessionUserId: async () => session.userId }));
vi.mock('@/lib/auth/auth', () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn(async () => undefined) }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn() }));
const redirects = vi.hoisted(() => ({ to: [] as string[] }));
vi.mock('next/navigation', async (orig) => ({
  ...(await orig<typeof import('next/navigation')>()),
  redirect: (to: string) => {
    redirects.to.push(to);
    throw Object.assign(new Error('NEXT_REDIRECT'), { digest: `NEXT_REDIRECT;replace;${to};307;` });
  },
}));
const jar = vi.hoisted(() => new Map<string, string>());
vi.mock('next/headers', async () =>
  (await import('@/scripts/test-support/next-headers')).fakeNextHeaders({ address: '203.0.113.20', jar }),
);

useSeededDatabase();
let buyerId = '';
beforeAll(async () => {
  buyerId = await seededUserId('buyer@example.com');
});

const { addToCartAction, checkoutAction } = await import('./cart');
const { readCart } = await import('@/lib/cart/cart');
const form = {
  name: '王芳',
  mobile: '13987310000',
  province: '云南省',
  city: '红河哈尼族彝族自治州',
  district: '个旧市',
  detail: '大屯街道幸福小区 3 栋',
};

describe.each([
  ['a guest', () => null],
  ['a signed-in buyer', () => buyerId],
])('立即购买 for %s', (_who, actor) => {
  it('orders that item alone and leaves the cart as it was', async () => {
    session.userId = actor();
    jar.clear();
    redirects.to = [];
    await addToCartAction(null, { slug: 'embroidered-brooch', quantity: '1' });
    const cart = await readCart(session.userId);

    await expect(addToCartAction(null, { slug: 'yi-embroidered-scarf', quantity: '2', buyNow: '1' })).rejects.toThrow(
      'NEXT_REDIRECT',
    );
    expect(redirects.to.pop()).toBe('/checkout?buy=yi-embroidered-scarf&qty=2');
    expect(await readCart(session.userId)).toEqual(cart);

    await expect(checkoutAction(null, { ...form, buySlug: 'yi-embroidered-scarf', buyQty: '2' })).rejects.toThrow(
      'NEXT_REDIRECT',
    );
    const orderNo = /\/pay\/simulated\/(GJ[\d-]+)/.exec(redirects.to.pop()!)![1]!;
    const lines = rowsOf<{ slug: string; quantity: number; unit_price_fen: number }>(
      await getDb().execute(
        sql`select p.slug, oi.quantity, oi.unit_price_fen from order_items oi join orders o on o.id = oi.order_id join products p on p.id = oi.product_id where o.order_no = ${orderNo}`,
      ),
    );
    expect(lines).toEqual([{ slug: 'yi-embroidered-scarf', quantity: 2, unit_price_fen: 16800 }]);
    expect(await readCart(session.userId)).toEqual(cart);
  });

  it('refuses more than the stock with the stock shown', async () => {
    session.userId = actor();
    await getDb().execute(sql`update products set stock = 3 where slug = 'embroidered-coaster-set'`);
    const r = await addToCartAction(null, { slug: 'embroidered-coaster-set', quantity: '4', buyNow: '1' });
    expect(r).toMatchObject({ ok: false, code: 'out_of_stock', error: '库存不足：该商品仅剩 3 件' });
  });
});
