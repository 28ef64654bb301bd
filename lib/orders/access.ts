import 'server-only';
import { timingSafeEqual } from 'node:crypto';
import { cookies } from 'next/headers';
import { hashAccessToken } from './access-token';
import { isValidViewGrant, viewGrant } from './view-grant';

/** The cookie that lets a guest's browser open its own orders. */
export const orderCookieName = (orderNo: string) => `gj_order_${orderNo.replace(/[^A-Za-z0-9]/g, '')}`;
const viewCookieName = (orderNo: string) => `${orderCookieName(orderNo)}_v`;

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

type OrderRef = { orderNo: string; userId: string | null; accessTokenHash: string };
type Caller = { userId?: string | null; token?: string | null };
type CookieJar = { get(name: string): { value: string } | undefined };

/**
 * What a caller may do with an order. 'act' (pay it, cancel it): the owner's session, the bearer token
 * returned at creation, or the checkout's order cookie in the browser that placed it. 'read': also a
 * browser that found the order by its number and mobile (the lookup's view grant, read only).
 * The jar is the request's cookies (pages and actions use next/headers; proxy.ts passes its own).
 */
export function orderAccessWith(order: OrderRef, { userId, token }: Caller, jar: CookieJar): 'act' | 'read' | null {
  if (userId && order.userId === userId) return 'act';
  if (token && sameHash(hashAccessToken(token), order.accessTokenHash)) return 'act';
  const cookie = jar.get(orderCookieName(order.orderNo))?.value;
  if (cookie && sameHash(hashAccessToken(cookie), order.accessTokenHash)) return 'act';
  return isValidViewGrant(order.orderNo, jar.get(viewCookieName(order.orderNo))?.value) ? 'read' : null;
}

/** Pay or cancel: the owner, the token, or the checkout cookie; never the lookup's view grant. */
export async function canActOnOrder(order: OrderRef, caller: Caller): Promise<boolean> {
  return orderAccessWith(order, caller, await cookies()) === 'act';
}

/** Read: those who may act on it, and a browser that found it by number and mobile. */
export async function canAccessOrder(order: OrderRef, caller: Caller): Promise<boolean> {
  return orderAccessWith(order, caller, await cookies()) !== null;
}

/** Guest lookup (order number + mobile) succeeded: let this browser read the order for a day, never act on it. */
export async function grantOrderView(orderNo: string): Promise<void> {
  (await cookies()).set(viewCookieName(orderNo), viewGrant(orderNo), {
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
