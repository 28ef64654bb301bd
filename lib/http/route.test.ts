import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { installClientAddressHook } from './client-address';
import { route } from './route';

/**
 * The API is not proxied (proxy.ts's matcher), so route() answers a malformed escape itself. A real HTTP
 * server with the client-address hook, as in the app, hands each request to a route() handler.
 */
const handler = route(
  { name: 'test', query: z.object({ q: z.string().max(50).optional() }), invalid: '查询有误' },
  async ({ query }) => Response.json({ q: query.q ?? null }),
);
let base = '';
let close: () => void = () => {};
beforeAll(async () => {
  const uninstall = installClientAddressHook(0);
  const server = createServer(async (req, res) => {
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    // As Next does: the URL re-encoded, so that only the hook's mark tells a malformed escape.
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const answer = await handler(new Request(url.href, { headers }));
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? '' });
    res.end(await answer.text());
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => {
    server.close();
    uninstall();
  };
});
afterAll(() => close());

const malformed = (s: string) => {
  try {
    decodeURIComponent(s.replaceAll('+', ' '));
    return false;
  } catch {
    return true;
  }
};

describe('route(): malformed escapes in the URL', () => {
  it('answer 400 with the Chinese message in the API error shape; well-formed ones reach the handler', async () => {
    const escapes = fc.oneof(
      fc.constantFrom('%', '%2', '%zz', '%E4', '%E4%B8', '%C0%AF', '%FF', '%00', '%25', '%E4%B8%AD', '%2F', '+'),
      fc.string({ maxLength: 6 }).map(encodeURIComponent),
    );
    const part = fc.array(escapes, { minLength: 1, maxLength: 4 }).map((a) => a.join(''));
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/api/v1/orders?x=', '/api/v1/products?q='), part, async (at, p) => {
        runs++;
        const res = await fetch(`${base}${at}${p}`);
        expect(res.status, `${at}${p}`).toBeLessThan(500);
        if (malformed(p)) {
          expect(res.status, `${at}${p}`).toBe(400);
          expect(await res.json()).toEqual({
            error: { code: 'invalid_input', message: expect.stringMatching(/^链接无效/) },
          });
        } else {
          expect(res.status, `${at}${p}`).toBe(200);
        }
      }),
      { numRuns: 300 },
    );
    expect(runs).toBe(300);
  });

  it('a mark the client writes itself is ignored', async () => {
    const res = await fetch(`${base}/api/v1/products?q=1`, { headers: { 'x-gejiu-bad-escape': 'x' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ q: '1' });
  });
});
