import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { useSeededDatabase } from '@/scripts/test-support/database';
import { seededUserId } from '@/scripts/test-support/orders';

/**
 * A quantity above the stock is refused with the stock shown, never silently cut (product page and
 * cart), for a guest (cookie cart) and a signed-in buyer (database cart) alike; a refusal changes nothing.
 */
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock('@/lib/auth/session', () => ({ getSessionUserId: async () => session.userId }));
vi.mock('@/lib/auth/auth', () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn(async () => undefined) }));
const jar = vi.hoisted(() => new Map<string, string>());
vi.mock('next/headers', async () =>
  (await import('@/scripts/test-support/next-headers')).fakeNextHeaders({ address: '203.0.113.10', jar }),
);

useSeededDatabase();

const SLUG = 'manhao-bananas';
let buyerId = '';

beforeAll(async () => {
  await getDb().execute(sql`update products set stock = 12 where slug = ${SLUG}`);
  buyerId = await seededUserId('buyer@example.com');
});

const { addToCartAction, setCartQuantityAction } = await import('./cart');
const { readCart } = await import('@/lib/cart/cart');
const quantityInCart = async () => (await readCart(session.userId)).find((l) => l.slug === SLUG)?.quantity ?? 0;

describe.each([
  ['a guest', () => null],
  ['a signed-in buyer', () => buyerId],
])('stock limits for %s', (_who, actor) => {
  it('refuses 20 of 12 in stock with the stock shown, and adds nothing', async () => {
    session.userId = actor();
    jar.clear();
    const r = await addToCartAction(null, { slug: SLUG, quantity: '20' });
    expect(r).toMatchObject({ ok: false, code: 'out_of_stock', error: '库存不足：该商品仅剩 12 件' });
    expect(await quantityInCart()).toBe(0);
  });

  it('accepts exactly the stock, then refuses one more, naming what the cart holds', async () => {
    session.userId = actor();
    const ok = await addToCartAction(null, { slug: SLUG, quantity: '12' });
    expect(ok).toMatchObject({ ok: true, data: { cartCount: '12' } });
    const more = await addToCartAction(null, { slug: SLUG, quantity: '1' });
    expect(more).toMatchObject({ ok: false, error: '库存不足：该商品仅剩 12 件，购物车中已有 12 件' });
    expect(await quantityInCart()).toBe(12);
  });

  it('refuses raising a cart line above the stock, and always allows lowering it', async () => {
    session.userId = actor();
    const up = await setCartQuantityAction(null, { slug: SLUG, quantity: '13' });
    expect(up).toMatchObject({ ok: false, error: '库存不足：该商品仅剩 12 件，购物车中已有 12 件' });
    expect(await quantityInCart()).toBe(12);
    await getDb().execute(sql`update products set stock = 5 where slug = ${SLUG}`);
    const down = await setCartQuantityAction(null, { slug: SLUG, quantity: '11' }); // still above 5: allowed
    expect(down).toMatchObject({ ok: true, data: { cartCount: '11' } });
    const removed = await setCartQuantityAction(null, { slug: SLUG, quantity: '0' });
    expect(removed).toMatchObject({ ok: true, data: { cartCount: '0' } });
    await getDb().execute(sql`update products set stock = 12 where slug = ${SLUG}`);
  });
});
