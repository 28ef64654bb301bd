import { expireCertifications } from '@/lib/certifications/decisions';
import { chinaDate } from '@/domain/time';
import { invalidate } from '@/lib/cache/invalidate';
import { errorName } from '@/lib/errors';
import { expireOverdueAndClose } from './sessions';

/**
 * Once a minute in each app process: expires unpaid orders past ORDER_PAYMENT_TIMEOUT_MINUTES and
 * purchase orders past their 7-day hold (closing their open payments), and marks certificates past
 * their date as expired. Several instances may run it at once: each order is expired once
 * (lib/orders/payment-effects).
 */
export function startExpirySweep(intervalMs = 60_000): void {
  const g = globalThis as { __gejiuSweep?: NodeJS.Timeout };
  if (g.__gejiuSweep) return;
  g.__gejiuSweep = setInterval(() => {
    expireOverdueAndClose()
      .then((ids) => Promise.all(ids.map((orderId) => invalidate.order({ orderId }))))
      .catch((e: unknown) => console.error('[sweep] expiry failed:', errorName(e)));
    // Certificates past their date: status 'expired' (and delisting when the setting says so).
    expireCertifications({ today: chinaDate() })
      .then((slugs) => slugs.length && invalidate.catalog())
      .catch((e: unknown) => console.error('[sweep] certificate expiry failed:', errorName(e)));
  }, intervalMs);
  g.__gejiuSweep.unref();
}
