import { expireOverdueOrders } from '@/db/queries/payments';
import { revalidateOrder } from '@/lib/catalog/revalidate';

/**
 * Expires unpaid orders past ORDER_PAYMENT_TIMEOUT_MINUTES once a minute in each app process.
 * Several instances may run it at once: each order is expired once (db/queries/payments).
 */
export function startExpirySweep(intervalMs = 60_000): void {
  const g = globalThis as { __gejiuSweep?: NodeJS.Timeout };
  if (g.__gejiuSweep) return;
  g.__gejiuSweep = setInterval(() => {
    expireOverdueOrders()
      .then((ids) => Promise.all(ids.map((orderId) => revalidateOrder({ orderId }))))
      .catch((e: unknown) => console.error('[sweep] expiry failed:', e instanceof Error ? e.name : 'unknown'));
  }, intervalMs);
  g.__gejiuSweep.unref();
}
