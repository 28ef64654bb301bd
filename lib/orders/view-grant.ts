import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { getEnv } from '@/lib/env';

/** After a guest proves order number + mobile, a signed grant lets their browser view that order for a day. */
export function viewGrant(orderNo: string, day = Math.floor(Date.now() / 86_400_000)): string {
  const secret = getEnv().AUTH_SECRET;
  if (!secret) throw new Error('AUTH_SECRET is not set');
  return `${day}.${createHmac('sha256', secret).update(`order-view:${orderNo}:${day}`).digest('base64url')}`;
}

export function isValidViewGrant(orderNo: string, grant: string | undefined): boolean {
  if (!grant) return false;
  const day = Number(grant.split('.')[0]);
  const today = Math.floor(Date.now() / 86_400_000);
  if (!Number.isInteger(day) || today - day > 1 || day > today) return false;
  const a = Buffer.from(grant);
  const b = Buffer.from(viewGrant(orderNo, day));
  return a.length === b.length && timingSafeEqual(a, b);
}
