import { unstable_doesMiddlewareMatch } from 'next/experimental/testing/server';
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { PATH_HEADER } from '@/lib/auth/portals';
import { config, proxy } from './proxy';

const cookie = { cookie: 'authjs.session-token=abc' };
/** What NextResponse.next({ request: { headers } }) hands the page as the request header. */
const passedOn = (res: Response) => res.headers.get(`x-middleware-request-${PATH_HEADER}`);

describe('proxy', () => {
  it('sends a visitor without a session to the login page, path and query kept', async () => {
    const res = await proxy(new NextRequest('http://localhost/admin/orders?status=paid'));
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toBe('http://localhost/login?next=%2Fadmin%2Forders%3Fstatus%3Dpaid');
  });

  it('tells a portal layout the path being opened, overwriting a value the client sent', async () => {
    const res = await proxy(
      new NextRequest('http://localhost/workshop/products/7', { headers: { ...cookie, [PATH_HEADER]: '/evil' } }),
    );
    expect(res.status).toBe(200);
    expect(passedOn(res)).toBe('/workshop/products/7');
  });

  it('leaves public pages alone and adds no path header there', async () => {
    const res = await proxy(new NextRequest('http://localhost/products', { headers: { [PATH_HEADER]: '/admin' } }));
    expect(res.status).toBe(200);
    expect(res.headers.get('location')).toBeNull();
    expect(passedOn(res)).toBeNull();
  });

  it('never serves the internal static listings by their own path (a made-up key would render and be kept)', async () => {
    for (const path of ['/listing/all', '/listing/category.made-up-1', '/listing', '/listing/all?_rsc=1']) {
      const res = await proxy(new NextRequest(`http://localhost${path}`, { headers: { rsc: '1' } }));
      // Next's own 404 (app/not-found.tsx).
      expect(res.headers.get('x-middleware-rewrite'), path).toBe('http://localhost/404');
    }
  });

  it('refuses the internal middleware header and foreign-origin posts', async () => {
    expect(
      (await proxy(new NextRequest('http://localhost/admin', { headers: { 'x-middleware-subrequest': 'x' } }))).status,
    ).toBe(400);
    const foreign = new NextRequest('http://localhost/register', {
      method: 'POST',
      headers: { origin: 'https://evil.example', host: 'localhost', 'next-action': 'abc' },
    });
    expect((await proxy(foreign)).status).toBe(403);
  });
});

// Issue 13: malformed escapes are a 400 with a Chinese page (JSON under /api/), before anything renders.
describe('proxy: malformed escapes', () => {
  it.each([
    '/verify/abc%2',
    '/products/abc%2',
    '/orders/abc%2',
    '/products/%E4%B8',
    '/products?q=%E4%B8%AD%2',
    '/?x=%zz',
  ])('%s answers 400 in Chinese', async (path) => {
    const res = await proxy(new NextRequest(`http://localhost${path}`));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('链接无效');
  });

  it('answers JSON under /api/auth/ and leaves good escapes alone', async () => {
    const api = await proxy(new NextRequest('http://localhost/api/auth/session?q=%zz'));
    expect(api.status).toBe(400);
    expect(await api.json()).toMatchObject({
      error: { code: 'invalid_input', message: expect.stringContaining('链接无效') },
    });
    const good = await proxy(new NextRequest('http://localhost/products?q=%E4%B8%AD%E6%96%87+%25'));
    expect(good.status).toBe(200);
  });
});

describe('what the proxy runs on', () => {
  const runs = (url: string) => unstable_doesMiddlewareMatch({ config, url });
  it('pages, server actions, the login endpoints and API paths with a segment of their own', () => {
    for (const url of [
      '/',
      '/products?q=%E4%B8%AD',
      '/admin/users',
      '/api/auth/login',
      '/api/auth/callback/credentials',
      '/api/v1/orders/GJ20261203-000001',
      '/api/v1/products/manhao-mangoes',
      '/api/me/x',
    ]) {
      expect(runs(url), url).toBe(true);
    }
  });
  it('not the API routes at fixed paths (lib/http/route.ts answers their malformed escapes), nor static files', () => {
    for (const url of [
      '/api/v1/orders',
      '/api/v1/products?q=x',
      '/api/v1/impact',
      '/api/me',
      '/api/cart',
      '/api/health',
    ]) {
      expect(runs(url), url).toBe(false);
    }
    expect(runs('/_next/static/chunks/a.js')).toBe(false);
    // A path that only begins like the API is a page.
    expect(runs('/apis')).toBe(true);
  });
});
