import fc from 'fast-check';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { dbKind } from '@/db/client';
import { json, nasty, productQuery } from '@/scripts/test-support/fuzz-inputs';
import { chinese, fuzzActors, session, useFuzzWorld } from '@/scripts/test-support/fuzz-mocks';
import { nextXid } from '@/scripts/test-support/xid';

/**
 * Fuzzing the JSON API routes and the office's exports (fast-check): no 5xx, 400 with a Chinese message
 * for bad input, and no write at all when the call is refused (PostgreSQL's transaction ids, as in
 * fuzz.test.ts). The payment providers' notification routes are fuzzed in lib/payments/notify-fuzz.test.ts.
 */
vi.mock('@/lib/auth/session', async () => (await import('@/scripts/test-support/fuzz-mocks')).sessionModule);
vi.mock('@/lib/auth/auth', async () => (await import('@/scripts/test-support/fuzz-mocks')).authModule);
vi.mock('next/headers', async () => (await import('@/scripts/test-support/fuzz-mocks')).headersModule);
await useFuzzWorld();

let actors: (string | null)[] = [];
beforeAll(async () => {
  actors = await fuzzActors();
});

const { POST: placeOrder } = await import('@/app/api/v1/orders/route');
const { GET: getOrder } = await import('@/app/api/v1/orders/[orderNo]/route');
const { GET: listProducts } = await import('@/app/api/v1/products/route');
const { GET: getProduct } = await import('@/app/api/v1/products/[slug]/route');
const { POST: login } = await import('@/app/api/auth/login/route');
const { GET: impact } = await import('@/app/api/v1/impact/route');
const { GET: monthly } = await import('@/app/admin/reports/monthly/export/route');
const { GET: receipt } = await import('@/app/workshop/payouts/[id]/receipt/route');

/** A body: JSON of any shape, or any text. */
const jsonOrText = fc.oneof(
  json.map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
);

let cases = 0;
async function check(res: Response, label: string, before: string, mayWrite: boolean) {
  cases++;
  expect(res.status, label).toBeLessThan(500);
  if (res.status >= 400) {
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.message, label).toMatch(chinese);
    if (res.status === 400) expect(body.error.code).toBe('invalid_input');
    if (!mayWrite) expect(await nextXid(), `${label} wrote although refused`).toBe(before);
  }
}
const post = (url: string, body: string) =>
  new Request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.78' },
    body,
  });

// One database kind is enough: the refusals happen before the database, and PGlite runs in every `npm test`.
describe.skipIf(dbKind() === 'postgres')('fuzzing the JSON API routes', () => {
  it('orders, products and order lookups: no 5xx, 400 in Chinese for bad input, nothing written when refused', async () => {
    session.userId = null;
    await fc.assert(
      fc.asyncProperty(jsonOrText, async (body) => {
        await check(
          await placeOrder(post('http://t/api/v1/orders', body)),
          `POST /api/v1/orders ${body.slice(0, 200)}`,
          await nextXid(),
          false,
        );
      }),
      { numRuns: 2000 },
    );
    await fc.assert(
      fc.asyncProperty(productQuery, async (q) => {
        const before = await nextXid();
        await check(
          await listProducts(new NextRequest(`http://t/api/v1/products?${new URLSearchParams(q)}`)),
          `GET /api/v1/products ${JSON.stringify(q)}`,
          before,
          false,
        );
      }),
      { numRuns: 1500 },
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(nasty, fc.string({ maxLength: 60 })), async (s) => {
        const before = await nextXid();
        await check(
          await getProduct(new Request('http://t/'), { params: Promise.resolve({ slug: s }) }),
          `GET /api/v1/products/${s}`,
          before,
          false,
        );
        // Header values are bytes on the wire; the Request API refuses anything beyond Latin-1.
        const headers = /^[\x20-\x7e]*$/.test(s) ? { authorization: `Bearer ${s}` } : undefined;
        await check(
          await getOrder(new Request('http://t/', { headers }), { params: Promise.resolve({ orderNo: s }) }),
          `GET /api/v1/orders/${s}`,
          before,
          false,
        );
      }),
      { numRuns: 1000 },
    );
    for (let i = 0; i < 20; i++) {
      cases++;
      expect((await impact()).status).toBe(200);
    }
  }, 600_000);

  it('login: well-formed credentials may record a failed attempt; anything else writes nothing', async () => {
    session.userId = null;
    await fc.assert(
      fc.asyncProperty(jsonOrText, async (body) => {
        // Well-formed credentials may record a failed attempt (the rate limit); malformed ones write nothing.
        const parsedOk = (() => {
          try {
            const v = JSON.parse(body) as { login?: unknown; password?: unknown };
            return (
              typeof v?.login === 'string' &&
              typeof v?.password === 'string' &&
              v.login.trim() !== '' &&
              v.password !== ''
            );
          } catch {
            return false;
          }
        })();
        await check(
          await login(post('http://t/api/auth/login', body)),
          `POST /api/auth/login ${body.slice(0, 200)}`,
          await nextXid(),
          parsedOk,
        );
      }),
      { numRuns: 1000 },
    );
  }, 600_000);

  // 带贫成效 (issue 17): the monthly 通报 export and the receipt scans, as the office and as a stranger.
  it('the monthly export and the receipt scans, as every role: no 5xx, nothing written', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom('month', 'format', 'x'), fc.oneof(nasty, fc.string({ maxLength: 20 })), {
          maxKeys: 3,
        }),
        fc.oneof(nasty, fc.string({ maxLength: 20 })),
        fc.nat(actors.length - 1),
        async (query, id, who) => {
          session.userId = actors[who]!;
          const before = await nextXid();
          await check(
            await monthly(new Request(`http://t/admin/reports/monthly/export?${new URLSearchParams(query)}`)),
            `GET monthly ${JSON.stringify(query)}`,
            before,
            false,
          );
          cases++;
          const res = await receipt(new Request('http://t/'), { params: Promise.resolve({ id }) });
          expect([200, 401, 404]).toContain(res.status);
          expect(await nextXid()).toBe(before);
        },
      ),
      { numRuns: 300 },
    );
  }, 600_000);

  it('ran every case', () => {
    expect(cases).toBeGreaterThanOrEqual(2000 + 1500 + 2 * 1000 + 20 + 1000 + 2 * 300);
  });
});
