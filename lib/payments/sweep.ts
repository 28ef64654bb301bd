import { expireCertifications } from '@/lib/certifications/decisions';
import { chinaDate } from '@/domain/time';
import { invalidateInBackground } from '@/lib/cache/invalidate';
import { getEnv } from '@/lib/env';
import { errorName } from '@/lib/errors';
import { forgetOldWindows } from '@/lib/security/rate-limit';
import { escalateOverdueCases } from '@/lib/after-sales/cases';
import { autoConfirmReceipts } from '@/lib/orders/receipt';
import { expireOverdueAndClose } from './sessions';

/**
 * Every EXPIRY_SWEEP_SECONDS (60) in each app process: expires unpaid orders past their hold and
 * purchase orders past their 7-day hold (closing their open payments), confirms receipt of orders shipped
 * 10 days ago, sends after-sales cases the supplier left 48 hours to the office, marks certificates past their
 * date as expired, and forgets rate-limit windows a day old. Several instances may run it at once: each
 * order is expired once (lib/orders/payment-effects). It runs outside any request, so its cache
 * invalidations go through the shared cache-tag path (lib/cache/invalidate.ts `invalidateInBackground`).
 */
export function startExpirySweep(intervalMs = getEnv().EXPIRY_SWEEP_SECONDS * 1000): void {
  const g = globalThis as { __gejiuSweep?: NodeJS.Timeout };
  if (g.__gejiuSweep) return;
  g.__gejiuSweep = setInterval(() => {
    expireOverdueAndClose()
      .then((ids) => Promise.all(ids.map((orderId) => invalidateInBackground.order({ orderId }))))
      .catch((e: unknown) => console.error('[sweep] expiry failed:', errorName(e)));
    // Certificates past their date: status 'expired' (and delisting when the setting says so).
    expireCertifications({ today: chinaDate() })
      .then((slugs) => (slugs.length ? invalidateInBackground.catalog() : undefined))
      .catch((e: unknown) => console.error('[sweep] certificate expiry failed:', errorName(e)));
    // 确认收货 10 days after shipment, and after-sales cases past the supplier's 48 hours to the office.
    autoConfirmReceipts().catch((e: unknown) => console.error('[sweep] auto-receipt failed:', errorName(e)));
    escalateOverdueCases().catch((e: unknown) => console.error('[sweep] after-sales escalation failed:', errorName(e)));
    forgetOldWindows().catch((e: unknown) => console.error('[sweep] rate-limit cleanup failed:', errorName(e)));
  }, intervalMs);
  g.__gejiuSweep.unref();
}
