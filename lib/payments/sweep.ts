import { expireOverdueOrders } from '@/lib/orders/payment-effects';
import { expireCertifications } from '@/lib/certifications/decisions';
import { chinaDate } from '@/domain/time';
import { invalidateInBackground } from '@/lib/cache/invalidate';
import { getEnv } from '@/lib/env';
import { forgetOldWindows } from '@/lib/security/rate-limit';

/**
 * Every EXPIRY_SWEEP_SECONDS (60) in each app process: expires unpaid orders past ORDER_PAYMENT_TIMEOUT_MINUTES and
 * purchase orders past their 7-day hold, and marks certificates past their date as expired.
 * Several instances may run it at once: each order is expired once (lib/orders/payment-effects).
 */
export function startExpirySweep(intervalMs = getEnv().EXPIRY_SWEEP_SECONDS * 1000): void {
  const g = globalThis as { __gejiuSweep?: NodeJS.Timeout };
  if (g.__gejiuSweep) return;
  g.__gejiuSweep = setInterval(() => {
    expireOverdueOrders()
      // Outside a request: through the shared cache-tag path (lib/cache/invalidate.ts).
      .then((ids) => Promise.all(ids.map((orderId) => invalidateInBackground.order({ orderId }))))
      .catch((e: unknown) => console.error('[sweep] expiry failed:', e instanceof Error ? e.name : 'unknown'));
    // Certificates past their date: status 'expired' (and delisting when the setting says so).
    expireCertifications({ today: chinaDate() })
      .then((slugs) => (slugs.length ? invalidateInBackground.catalog() : undefined))
      .catch((e: unknown) =>
        console.error('[sweep] certificate expiry failed:', e instanceof Error ? e.name : 'unknown'),
      );
    // Rate-limit windows that ended a day ago.
    forgetOldWindows().catch((e: unknown) =>
      console.error('[sweep] rate-limit cleanup failed:', e instanceof Error ? e.name : 'unknown'),
    );
  }, intervalMs);
  g.__gejiuSweep.unref();
}
