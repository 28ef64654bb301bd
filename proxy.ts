import { NextResponse, type NextRequest } from 'next/server';
import { PATH_HEADER } from '@/lib/auth/portals';

/**
 * Redirects only. Every page, action and route checks session, role and ownership itself; this file
 * is never the security boundary. It also refuses two kinds of forged requests early.
 */
const PROTECTED = ['/account', '/unit', '/workshop', '/admin'];
const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];

export function proxy(req: NextRequest): NextResponse {
  // CVE-2025-29927: this internal header once let requests skip middleware. It has no business here.
  if (req.headers.has('x-middleware-subrequest')) {
    return NextResponse.json({ error: { code: 'invalid_input', message: '请求无效' } }, { status: 400 });
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
  if (!PROTECTED.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return NextResponse.next();
  if (!SESSION_COOKIES.some((c) => req.cookies.has(c))) {
    const url = req.nextUrl.clone();
    url.pathname = '/login';
    url.search = `?next=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
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

export const config = {
  matcher: ['/((?!_next/static|_next/image|media/|favicon.ico).*)'],
};
