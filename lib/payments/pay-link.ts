import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { getEnv } from '@/lib/env';

/**
 * The capability in a simulator payUrl: a signed, expiring token bound to one order number. Whoever
 * holds the link (an API client's user in any browser) may pay or cancel that order, and see the order
 * itself, nothing more. Signed with AUTH_SECRET (shared by every instance), under its own label.
 */
const sign = (orderNo: string, exp: number) => {
  const secret = getEnv().AUTH_SECRET;
  if (!secret) throw new Error('AUTH_SECRET is not set');
  return createHmac('sha256', secret).update(`pay-capability:v1:${orderNo}:${exp}`).digest('base64url');
};

/** Valid until `until` (the order's expiry; a day more so the holder can see how it ended). */
export function payCapability(orderNo: string, until: Date): string {
  const exp = Math.floor(until.getTime() / 1000) + 86_400;
  return `${exp}.${sign(orderNo, exp)}`;
}

export function isValidPayCapability(orderNo: string, cap: string | null | undefined, now = Date.now()): boolean {
  if (!cap) return false;
  const m = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(cap);
  if (!m) return false;
  const exp = Number(m[1]);
  if (exp * 1000 < now) return false;
  const a = Buffer.from(m[2]!);
  const b = Buffer.from(sign(orderNo, exp));
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The simulator's payment page for an order, carrying the capability. */
export const simulatorPayUrl = (orderNo: string, until: Date) =>
  `/pay/simulated/${orderNo}?cap=${payCapability(orderNo, until)}`;
