import 'server-only';
import { getToken } from 'next-auth/jwt';
import type { NextRequest } from 'next/server';
import {
  certificateExists,
  listedProductExists,
  orderAccessRecord,
  supplierParcelsOrder,
} from '@/db/queries/page-status';
import { recipientsRevealable } from '@/domain/recipient-shipping';
import { loadCurrentUser } from '@/db/queries/users';
import { mayOpen, type Portal } from '@/lib/auth/portals';
import { validSessionUser } from '@/lib/auth/session-version';
import { getEnv } from '@/lib/env';
import { orderAccessWith } from '@/lib/orders/access';
import { isValidPayCapability } from '@/lib/payments/pay-link';
import { certificateNoSchema } from '@/lib/validation/certificate';
import { orderNoSchema } from '@/lib/validation/orders';

/**
 * The HTTP status of a page, decided before it renders. With Cache Components a page starts streaming
 * its prerendered shell with 200, so a notFound() or a 无权访问 inside it cannot change the status any
 * more (Next's docs: "use Proxy before the page renders"). proxy.ts asks this module for the pages whose
 * status depends on data: an unknown product, certificate or order (404) and a portal the signed-in user
 * may not open (403). The page itself still decides what it shows; this only makes the status real.
 */
const SLUG = /^[a-z0-9-]{1,80}$/;
const SESSION_COOKIES = ['__Secure-authjs.session-token', 'authjs.session-token'];

/** Listed products seen recently: the product page is the busiest page, and a hit needs no query. */
const knownProducts = new Map<string, number>();
const KNOWN_MS = 60_000;

async function productExists(slug: string): Promise<boolean> {
  const seen = knownProducts.get(slug);
  if (seen && Date.now() - seen < KNOWN_MS) return true;
  if (!(await listedProductExists({ slug }))) return false;
  if (knownProducts.size > 20_000) knownProducts.clear();
  knownProducts.set(slug, Date.now());
  return true;
}

/** The signed-in user's id from the request's session cookie, if the session is still valid. */
export async function sessionUserId(req: NextRequest): Promise<string | null> {
  const secret = getEnv().AUTH_SECRET;
  if (!secret) return null;
  for (const cookieName of SESSION_COOKIES) {
    if (!req.cookies.has(cookieName)) continue;
    const token = await getToken({ req, secret, cookieName, salt: cookieName }).catch(() => null);
    const id = typeof token?.uid === 'string' ? token.uid : null;
    return validSessionUser(id, typeof token?.sv === 'number' ? token.sv : null);
  }
  return null;
}

function segment(pathname: string, prefix: string): string | null {
  const m = new RegExp(`^/${prefix}/([^/]+)/?$`).exec(pathname);
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return null;
  }
}

/**
 * A product page for a slug that is not a listed product. Asked for every read (documents and client
 * navigations alike): product pages are static per slug, and an unknown slug must never be rendered and kept.
 */
export async function unknownProductPage(pathname: string): Promise<boolean> {
  const slug = segment(pathname, 'products');
  return slug !== null && !(SLUG.test(slug) && (await productExists(slug)));
}

export async function pageStatus(req: NextRequest): Promise<403 | 404 | null> {
  const { pathname } = req.nextUrl;
  const slug = segment(pathname, 'products');
  if (slug !== null) return SLUG.test(slug) && (await productExists(slug)) ? null : 404;

  const cert = segment(pathname, 'verify');
  if (cert !== null) {
    const no = certificateNoSchema.safeParse(cert);
    return no.success && (await certificateExists({ certificateNo: no.data })) ? null : 404;
  }

  const orderNo = segment(pathname, 'orders');
  if (orderNo !== null) {
    const order = orderNoSchema.safeParse(orderNo).success ? await orderAccessRecord({ orderNo }) : null;
    if (!order) return 404;
    const userId = await sessionUserId(req);
    if (orderAccessWith(order, { userId }, req.cookies)) return null;
    // The programme office opens any order (masked); anyone else is told it is not found.
    const user = userId ? await loadCurrentUser({ id: userId }) : null;
    return user?.active && user.role === 'admin' ? null : 404;
  }

  // 支付结果: the order's buyer, the lookup's view grant, or the payUrl's capability (?cap=); never the number alone.
  const paid = /^\/pay\/result\/([^/]+)\/?$/.exec(pathname)?.[1];
  if (paid !== undefined) {
    const order = orderNoSchema.safeParse(paid).success ? await orderAccessRecord({ orderNo: paid }) : null;
    if (!order) return 404;
    if (isValidPayCapability(paid, req.nextUrl.searchParams.get('cap'))) return null;
    return orderAccessWith(order, { userId: await sessionUserId(req) }, req.cookies) ? null : 404;
  }

  const portal = /^\/(admin|unit|workshop)(\/|$)/.exec(pathname)?.[1];
  // Downloads inside a portal (template.csv, export.xlsx, certificate files) answer for themselves.
  if (portal && !/\.[a-z]+$|\/file$/.test(pathname)) {
    const userId = await sessionUserId(req);
    const user = userId ? await loadCurrentUser({ id: userId }) : null;
    if (!user?.active) return null; // signed out: the page sends the visitor to the login page
    if (!mayOpen(user, `/${portal}` as Portal)) return 403;
    // A welfare order's parcels: only for a manager of a supplier with recipients in it, paid or shippable.
    const parcels = /^\/workshop\/orders\/([^/]+)\/?$/.exec(pathname)?.[1];
    if (parcels !== undefined) {
      const order = orderNoSchema.safeParse(parcels).success
        ? await supplierParcelsOrder({ orderNo: parcels, supplierIds: user.supplierIds })
        : null;
      return order && recipientsRevealable(order) ? null : 404;
    }
    return null;
  }
  return null;
}
