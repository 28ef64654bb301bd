import { NextResponse, type NextRequest } from 'next/server';
import { PATH_HEADER } from '@/lib/auth/portals';
import { NO_PAGE, badEscapeResponse, hasBadEscape, isStatusPass, withStatus } from '@/lib/http/proxy-responses';
import { LISTING_PATH, listingRewrite } from '@/lib/http/listing-rewrite';
import { pageStatus, unknownProductPage } from '@/lib/http/status-gate';
import { warnOnceIfAppUrlUnset } from '@/lib/http/app-url';

/**
 * Redirects, real status codes, and forged requests. Every page, action and route checks session, role
 * and ownership itself; this file is never the security boundary.
 * - A malformed percent-escape in the path or query: 400 with a Chinese page (JSON under /api/).
 * - `/products` with bounded filters is served from its static listing (lib/http/listing-rewrite.ts).
 * - A page whose status depends on data (lib/http/status-gate.ts): an unknown product, certificate or
 *   order is a 404, a portal the signed-in user may not open a 403, decided here because a page that has
 *   started streaming (Cache Components) can no longer change its status.
 */
const PROTECTED = ['/account', '/unit', '/workshop', '/admin', '/review'];
const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];

export async function proxy(req: NextRequest): Promise<NextResponse> {
  // CVE-2025-29927: this internal header once let requests skip middleware. It has no business here.
  if (req.headers.has('x-middleware-subrequest')) {
    return NextResponse.json({ error: { code: 'invalid_input', message: '请求无效' } }, { status: 400 });
  }
  if (hasBadEscape(req)) return badEscapeResponse(req);
  // Static pages per value never render a made-up one (which would be kept): the listings are reached
  // through /products?… alone, and an unknown product is Next's 404 (app/not-found.tsx) at once.
  const read = req.method === 'GET' || req.method === 'HEAD';
  const { pathname: path } = req.nextUrl;
  if (path === LISTING_PATH || path.startsWith(`${LISTING_PATH}/`) || (read && (await unknownProductPage(path)))) {
    return NextResponse.rewrite(new URL(NO_PAGE, req.url));
  }
  // Server actions and the login endpoint accept only same-origin browser posts.
  if (req.method === 'POST' && (req.headers.has('next-action') || req.nextUrl.pathname.startsWith('/api/auth/'))) {
    const origin = req.headers.get('origin');
    const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
    if (origin && origin !== 'null' && safeHost(origin) !== host) {
      return NextResponse.json({ error: { code: 'forbidden', message: '跨站请求已拒绝' } }, { status: 403 });
    }
  }
  const { pathname, search } = req.nextUrl;
  const isProtected = PROTECTED.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  if (isProtected && !SESSION_COOKIES.some((c) => req.cookies.has(c))) {
    const url = req.nextUrl.clone();
    url.pathname = '/login';
    url.search = `?next=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }
  // Documents only: client-side navigations (RSC) and prefetches render the same page, status aside.
  const document = (req.method === 'GET' || req.method === 'HEAD') && !req.headers.has('rsc');
  if (document) warnOnceIfAppUrlUnset(req.headers.get('host'));
  if (document && !isStatusPass(req)) {
    const status = await pageStatus(req);
    if (status) return withStatus(req, status);
  }
  if (!isProtected) {
    // /products with bounded filters: the static listing of those filters (documents and RSC alike).
    const listing = await listingRewrite(req);
    return listing ? NextResponse.rewrite(listing) : NextResponse.next();
  }
  // The portal layouts send a stale session back to the login page with this path (set here, so a
  // client cannot choose it).
  const headers = new Headers(req.headers);
  headers.set(PATH_HEADER, pathname);
  return NextResponse.next({ request: { headers } });
}

function safeHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * Everything but static files and the API routes at fixed paths, whose only input is the query and the
 * body: each guards itself, and route() (lib/http/route.ts) answers a malformed escape in their query.
 * Running the proxy cost each of those requests about 0.7 ms of the server's CPU (README "Orders against
 * the database's own limit"). API paths with a segment of their own (/api/v1/orders/…) stay: Next cannot
 * decode a malformed escape there and would answer 500 before any handler runs. /api/auth/ stays for the
 * same-origin check on login posts.
 */
export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|api/(?:v1/(?:orders|products|impact)|me|cart|health)$).*)'],
};
