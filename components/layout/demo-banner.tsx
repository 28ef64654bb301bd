'use client';

import { useMe } from './me-store';

/**
 * Shown on every page while the offline payment simulator is on. The setting is read at run time (from
 * /api/me, which every page asks anyway), not baked into the static pages: one build serves a demo and
 * a real store.
 */
export function DemoPaymentBanner() {
  const me = useMe();
  if (!me?.demoPayment) return null;
  return (
    <div role="note" aria-label="演示支付" className="bg-amber-100 px-4 py-1.5 text-center text-sm text-amber-950">
      演示支付：<span className="hidden sm:inline">本站未接入真实支付，</span>付款为模拟操作，不会扣款。
    </div>
  );
}
