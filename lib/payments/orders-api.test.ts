import { describe, expect, it, vi } from 'vitest';
import { dbKind } from '@/db/client';
import { useSeededDatabase } from '@/scripts/test-support/database';
import { address, contact, orderRequest, scalar, setStock, stockOf } from '@/scripts/test-support/orders';
import { sql } from 'drizzle-orm';

vi.mock('@/lib/auth/session', () => ({ getSessionUserId: async () => null }));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
}));
vi.stubEnv('RATE_LIMIT_ORDERS_PER_MINUTE', '1000000');

const { POST } = await import('@/app/api/v1/orders/route');
const { GET } = await import('@/app/api/v1/orders/[orderNo]/route');
useSeededDatabase();

const order = (items: unknown, extra: Record<string, unknown> = {}) =>
  POST(orderRequest({ items, contact, shippingAddress: address, paymentMethod: 'simulated', ...extra }));

describe('POST /api/v1/orders: input', () => {
  it('takes prices from the database and ignores a client-sent price or total', async () => {
    const r = await order([{ slug: 'manhao-mangoes', quantity: 2, priceFen: 1 }], { totalFen: 1 });
    expect(r.status).toBe(201);
    const body = (await r.json()) as {
      totalFen: number;
      orderNo: string;
      accessToken: string;
      payUrl: string;
      status: string;
    };
    expect(body.totalFen).toBe(2 * 6900);
    expect(body.status).toBe('pending_payment');
    expect(body.payUrl).toMatch(new RegExp(`^/pay/simulated/${body.orderNo}\\?cap=\\d+\\.[A-Za-z0-9_-]{43}$`));
    expect(body.accessToken.length).toBeGreaterThan(20);
  });

  it('GET /api/v1/orders/{orderNo} answers the bearer of the access token, and 404 to anyone else', async () => {
    const created = (await (await order([{ slug: 'manhao-mangoes', quantity: 1 }])).json()) as {
      orderNo: string;
      accessToken: string;
    };
    const get = (headers: Record<string, string>, orderNo = created.orderNo) =>
      GET(new Request(`http://localhost/api/v1/orders/${orderNo}`, { headers }), {
        params: Promise.resolve({ orderNo }),
      });
    const ok = await get({ authorization: `Bearer ${created.accessToken}` });
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as {
      status: string;
      totalFen: number;
      contact: { mobile: string };
      items: unknown[];
    };
    expect(body).toMatchObject({ status: 'pending_payment', totalFen: 6900 + 800 });
    expect(body.contact.mobile).toBe('139****5678');
    expect((await get({})).status).toBe(404);
    expect((await get({ authorization: 'Bearer ' + 'x'.repeat(32) })).status).toBe(404);
    expect((await get({}, 'not-an-order')).status).toBe(404);
  });

  it('adds 8 yuan shipping below 99 yuan and snapshots the certificate', async () => {
    const r = await order([
      { slug: 'embroidered-brooch', quantity: 1 },
      { slug: 'laochang-dried-mushrooms', quantity: 1 },
    ]);
    const { orderNo, totalFen } = (await r.json()) as { orderNo: string; totalFen: number };
    expect(totalFen).toBe(2800 + 6800 + 800); // 96 yuan of goods, below 99: 8 yuan shipping
    const lines = await scalar(
      sql`select string_agg(certified_at_sale::text, ',' order by unit_price_fen) from order_items oi join orders o on o.id = oi.order_id where o.order_no = ${orderNo}`,
    );
    expect(lines).toBe('true,false');
  });

  it('rejects bad quantities, unknown slugs and bad bodies with 400 and writes nothing', async () => {
    const before = await scalar(sql`select count(*) from orders`);
    const stock = await stockOf('manhao-mangoes');
    for (const quantity of [0, -1, 1.5, 10_001, '2', null]) {
      const r = await order([{ slug: 'manhao-mangoes', quantity }]);
      expect(r.status, String(quantity)).toBe(400);
      const body = (await r.json()) as { error: { code: string; message: string; fields: Record<string, string> } };
      expect(body.error.code).toBe('invalid_input');
      expect(Object.values(body.error.fields).join('')).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await order([{ slug: 'no-such-product', quantity: 1 }])).status).toBe(400);
    expect((await order([{ slug: 'embroidered-baby-carrier', quantity: 1 }])).status).toBe(400); // not listed
    expect((await order([])).status).toBe(400);
    expect(
      (await POST(new Request('http://localhost/api/v1/orders', { method: 'POST', body: '{not json' }))).status,
    ).toBe(400);
    expect(
      (await order([{ slug: 'manhao-mangoes', quantity: 1 }], { contact: { name: '张', mobile: '12345' } })).status,
    ).toBe(400);
    expect(
      (
        await order([{ slug: 'manhao-mangoes', quantity: 1 }], {
          invoice: { title: '个旧市某单位', taxNo: '91350100M000100Y4Z' },
        })
      ).status,
    ).toBe(400);
    expect(await scalar(sql`select count(*) from orders`)).toBe(before);
    expect(await stockOf('manhao-mangoes')).toBe(stock);
  });

  it('sums lines for the same product before the stock check', async () => {
    await setStock('jiasha-black-goat', 3);
    const r = await order([
      { slug: 'jiasha-black-goat', quantity: 2 },
      { slug: 'jiasha-black-goat', quantity: 2 },
    ]);
    expect(r.status).toBe(409);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('out_of_stock');
    expect(await stockOf('jiasha-black-goat')).toBe(3);
  });
});

// PGlite has a single connection, so these mean something only on a real PostgreSQL server.
describe.skipIf(dbKind() === 'pglite')('POST /api/v1/orders: concurrency on PostgreSQL', () => {
  it('200 concurrent orders of 1 on stock 5: exactly 5 orders, 195 clean 409s, 20 times', async () => {
    for (let rep = 0; rep < 20; rep++) {
      await setStock('kafang-black-tea', 5);
      const results = await Promise.all(
        Array.from({ length: 200 }, () => order([{ slug: 'kafang-black-tea', quantity: 1 }])),
      );
      const codes = results.map((r) => r.status);
      expect(codes.filter((c) => c === 201)).toHaveLength(5);
      expect(codes.filter((c) => c === 409)).toHaveLength(195);
      expect(await stockOf('kafang-black-tea')).toBe(0);
    }
  }, 300_000);

  it('50 concurrent orders of 1–5 on stock 20: accepted quantities equal the stock taken, 20 times', async () => {
    for (let rep = 0; rep < 20; rep++) {
      await setStock('jiasha-duck-eggs', 20);
      const qty = Array.from({ length: 50 }, () => 1 + Math.floor(Math.random() * 5));
      const results = await Promise.all(qty.map((q) => order([{ slug: 'jiasha-duck-eggs', quantity: q }])));
      const accepted = results.reduce((s, r, i) => s + (r.status === 201 ? qty[i]! : 0), 0);
      expect(results.every((r) => r.status === 201 || r.status === 409)).toBe(true);
      const left = await stockOf('jiasha-duck-eggs');
      expect(left).toBeGreaterThanOrEqual(0);
      expect(accepted).toBe(20 - left);
    }
  }, 300_000);

  it('two products in opposite line orders never surface a deadlock, 20 times', async () => {
    for (let rep = 0; rep < 20; rep++) {
      await setStock('jijie-tomatoes', 1000);
      await setStock('jijie-green-peppers', 1000);
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          order(
            i % 2
              ? [
                  { slug: 'jijie-tomatoes', quantity: 1 },
                  { slug: 'jijie-green-peppers', quantity: 1 },
                ]
              : [
                  { slug: 'jijie-green-peppers', quantity: 1 },
                  { slug: 'jijie-tomatoes', quantity: 1 },
                ],
          ),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(Array(40).fill(201));
      expect(await stockOf('jijie-tomatoes')).toBe(960);
    }
  }, 300_000);
});
