import { getEnv } from '@/lib/env';
/**
 * A fixed-window counter per key, in this process. For order placement (RATE_LIMIT_ORDERS_PER_MINUTE);
 * with several instances each enforces its own window, which the README states.
 */
const windows = new Map<string, { start: number; count: number }>();

export function hitRateLimit(key: string, limit: number, windowMs = 60_000, now = Date.now()): boolean {
  const w = windows.get(key);
  if (!w || now - w.start >= windowMs) {
    windows.set(key, { start: now, count: 1 });
    if (windows.size > 50_000) for (const [k, v] of windows) if (now - v.start >= windowMs) windows.delete(k);
    return false;
  }
  w.count += 1;
  return w.count > limit;
}

export function ordersPerMinute(): number {
  return getEnv().RATE_LIMIT_ORDERS_PER_MINUTE;
}
