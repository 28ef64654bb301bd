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

type OrderRef = { orderNo: string; userId: string | null; accessTokenHash: string };
type Caller = { userId?: string | null; token?: string | null };

/**
 * Who may act on an order (pay it, cancel it): the owner's session, the bearer token returned at
 * creation, or the checkout's order cookie in the browser that placed it.
 */
export async function canActOnOrder(order: OrderRef, { userId, token }: Caller): Promise<boolean> {
  if (userId && order.userId === userId) return true;
  if (token && sameHash(hashAccessToken(token), order.accessTokenHash)) return true;
  const cookie = (await cookies()).get(orderCookieName(order.orderNo))?.value;
  return !!cookie && sameHash(hashAccessToken(cookie), order.accessTokenHash);
}

/** Who may read an order: those who may act on it, and a browser that found it by number and mobile (read only). */
export async function canAccessOrder(order: OrderRef, caller: Caller): Promise<boolean> {
  if (await canActOnOrder(order, caller)) return true;
  const grant = (await cookies()).get(`${orderCookieName(order.orderNo)}_v`)?.value;
  return isValidViewGrant(order.orderNo, grant);
}

/** Guest lookup (order number + mobile) succeeded: let this browser read the order for a day, never act on it. */
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
