import { describe, expect, it, vi } from 'vitest';
import { useSeededDatabase } from '@/scripts/test-support/database';
import { seededUserId } from '@/scripts/test-support/orders';

/**
 * GET /api/cart, the lines of the static /cart page: each visitor gets their own cart (guest cookie or
 * account), never anyone else's, and the answer is never stored by a shared cache.
 */
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock('@/lib/auth/session', () => ({ getSessionUserId: async () => session.userId }));
vi.mock('@/lib/auth/auth', () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn(async () => undefined) }));
const jar = vi.hoisted(() => new Map<string, string>());
vi.mock('next/headers', async () =>
  (await import('@/scripts/test-support/next-headers')).fakeNextHeaders({ address: '203.0.113.11', jar }),
);

useSeededDatabase();

const { addToCartAction } = await import('./cart');
const { GET } = await import('@/app/api/cart/route');

async function cartJson() {
  const res = await GET();
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toBe('private, no-store');
  expect(res.headers.get('vary')).toBe('Cookie');
  return ((await res.json()) as { lines: { slug: string; quantity: number; priceFen: number }[] }).lines;
}

describe('GET /api/cart', () => {
  it("answers each visitor's own lines with current prices, and nobody else's", async () => {
    session.userId = null;
    jar.clear();
    expect(await cartJson()).toEqual([]);
    expect(await addToCartAction(null, { slug: 'manhao-mangoes', quantity: '2' })).toMatchObject({ ok: true });
    const guestA = new Map(jar);
    const lines = await cartJson();
    expect(lines).toEqual([expect.objectContaining({ slug: 'manhao-mangoes', quantity: 2 })]);
    expect(lines[0]!.priceFen).toBeGreaterThan(0);

    // Another guest (no cookie), then a signed-in buyer: neither sees guest A's lines.
    jar.clear();
    expect(await cartJson()).toEqual([]);
    session.userId = await seededUserId('buyer@example.com');
    expect((await cartJson()).some((l) => l.slug === 'manhao-mangoes' && l.quantity === 2)).toBe(false);

    // Guest A again: the cookie alone decides.
    session.userId = null;
    for (const [k, v] of guestA) jar.set(k, v);
    expect(await cartJson()).toEqual([expect.objectContaining({ slug: 'manhao-mangoes', quantity: 2 })]);
  });

  it('answers an empty cart to a forged or malformed cookie, and leaves unlisted products out', async () => {
    session.userId = null;
    for (const forged of ['not json', '[{"slug":"../etc","quantity":1}]', `[{"slug":"a","quantity":1e9}]`, '{}']) {
      jar.set('gj_cart', forged);
      expect(await cartJson(), forged).toEqual([]);
    }
    jar.set('gj_cart', JSON.stringify([{ slug: 'no-such-product', quantity: 1 }]));
    expect(await cartJson()).toEqual([]);
  });
});
