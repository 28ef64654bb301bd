import 'server-only';
import { randomBytes } from 'node:crypto';
import { NextResponse, type NextRequest } from 'next/server';
import { getEnv } from '@/lib/env';
import { hasMalformedEscape, markedBadEscape } from './client-address';

/** Responses that proxy.ts makes itself: 400 for malformed escapes, and a page rendered with its real status. */

/**
 * A percent sign not followed by two hex digits, or an escape that is not UTF-8, in the path or the query.
 * The path is checked here; the query as the client sent it only by the client-address hook, because Next
 * re-encodes it before proxy.ts runs.
 */
export function hasBadEscape(req: NextRequest): boolean {
  return markedBadEscape(req.headers) || hasMalformedEscape(new URL(req.url).pathname + new URL(req.url).search);
}

const EXPLAIN = '网址中含有无法识别的字符编码，请检查链接或从首页重新进入';
/** The message of the 400 for a malformed escape, here and in the API (lib/http/route.ts). */
export const BAD_ESCAPE = `链接无效：${EXPLAIN}`;

export function badEscapeResponse(req: NextRequest): NextResponse {
  if (req.nextUrl.pathname.startsWith('/api/'))
    return NextResponse.json({ error: { code: 'invalid_input', message: BAD_ESCAPE } }, { status: 400 });
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>链接无效 · 个旧消费扶贫商城</title><style>body{font-family:"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:0;background:#f7f5f2;color:#1f1f1f}main{max-width:32rem;margin:4rem auto;padding:0 1rem;text-align:center}h1{font-size:1.5rem}a{display:inline-flex;min-height:44px;align-items:center;padding:0 1.25rem;margin-top:1rem;border-radius:.5rem;background:#a8201a;color:#fff;text-decoration:none}</style></head><body><main><h1>链接无效</h1><p>${EXPLAIN}。</p><a href="/">返回首页</a></main></body></html>`;
  return new NextResponse(html, {
    status: 400,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/** The mark on proxy.ts's own request for a page (per process, so that no client can send it). */
const PASS = 'x-gejiu-status-pass';
const NONCE = Symbol.for('gejiu.status-pass');
const holder = globalThis as typeof globalThis & { [NONCE]?: string };
const nonce = () => (holder[NONCE] ??= randomBytes(16).toString('hex'));

export function isStatusPass(req: NextRequest): boolean {
  return req.headers.get(PASS) === nonce();
}

/**
 * The page as the app renders it (its own not-found or 无权访问 content), answered with `status`. The
 * page is fetched from this same server with the visitor's cookies; should that fail, the request goes
 * on as usual (the content is right, only the status is not).
 */
export async function withStatus(req: NextRequest, status: 403 | 404): Promise<NextResponse> {
  const url = new URL(req.nextUrl.pathname + req.nextUrl.search, `http://127.0.0.1:${getEnv().PORT}`);
  const headers = new Headers({
    [PASS]: nonce(),
    'x-forwarded-proto': req.nextUrl.protocol.replace(':', ''),
    'x-forwarded-host': req.headers.get('x-forwarded-host') ?? req.headers.get('host') ?? url.host,
  });
  for (const h of ['cookie', 'accept', 'accept-language', 'user-agent']) {
    const v = req.headers.get(h);
    if (v) headers.set(h, v);
  }
  try {
    const res = await fetch(url, { headers, redirect: 'manual', cache: 'no-store' });
    if (res.status >= 300 && res.status < 400) return NextResponse.next();
    const out = new NextResponse(req.method === 'HEAD' ? null : res.body, {
      status,
      headers: {
        'content-type': res.headers.get('content-type') ?? 'text/html; charset=utf-8',
        'cache-control': 'private, no-store',
      },
    });
    for (const c of res.headers.getSetCookie()) out.headers.append('set-cookie', c);
    return out;
  } catch {
    return NextResponse.next();
  }
}

/** A path no route serves: rewritten to it, a request gets Next's 404 with app/not-found.tsx. */
export const NO_PAGE = '/404';
