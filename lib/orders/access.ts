import 'server-only';
import { timingSafeEqual } from 'node:crypto';
import { cookies } from 'next/headers';
import { hashAccessToken } from './access-token';
import { isValidViewGrant, viewGrant } from './view-grant';

/** The cookie that lets a guest's browser open its own orders. */
export const orderCookieName = (orderNo: string) => `gj_order_${orderNo.replace(/[^A-Za-z0-9]/g, '')}`;

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Owner session, a bearer/form token, or the guest's order cookie. */
export async function canAccessOrder(
  order: { orderNo: string; userId: string | null; accessTokenHash: string },
  { userId, token }: { userId?: string | null; token?: string | null },
): Promise<boolean> {
  if (userId && order.userId === userId) return true;
  if (token && sameHash(hashAccessToken(token), order.accessTokenHash)) return true;
  const jar = await cookies();
  const cookie = jar.get(orderCookieName(order.orderNo))?.value;
  if (cookie && sameHash(hashAccessToken(cookie), order.accessTokenHash)) return true;
  return isValidViewGrant(order.orderNo, jar.get(`${orderCookieName(order.orderNo)}_v`)?.value);
}

/** Guest lookup (order number + mobile) succeeded: let this browser view the order for a day. */
export async function grantOrderView(orderNo: string): Promise<void> {
  (await cookies()).set(`${orderCookieName(orderNo)}_v`, viewGrant(orderNo), {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    maxAge: 86_400,
  });
}

export async function rememberOrderAccess(orderNo: string, token: string): Promise<void> {
  (await cookies()).set(orderCookieName(orderNo), token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    maxAge: 90 * 86_400,
  });
}
