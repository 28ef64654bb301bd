'use client';

import { useCallback, useEffect, useState } from 'react';
import { setCartQuantityAction } from '@/lib/actions/cart';
import type { ActionResult } from '@/lib/actions/safe-action';
import { Notice } from '../ui/notice';
import { PageSkeleton } from '../ui/page-skeleton';
import { CartView, type CartViewLine } from './cart-view';

/**
 * The cart on the static /cart page: its lines from GET /api/cart (private, never cached), asked for
 * each time the page is shown and again after every change of quantity.
 */
export function CartLines() {
  const [lines, setLines] = useState<CartViewLine[] | null>(null);
  const [failed, setFailed] = useState(false);
  const load = useCallback(async () => {
    try {
      const res = await fetch('/api/cart', { cache: 'no-store' });
      if (!res.ok) throw new Error(String(res.status));
      setLines(((await res.json()) as { lines: CartViewLine[] }).lines);
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, []);
  useEffect(() => void load(), [load]);
  const setQuantity = useCallback(
    async (prev: ActionResult | null, formData: FormData) => {
      const result = await setCartQuantityAction(prev, formData);
      if (result.ok) await load();
      return result;
    },
    [load],
  );
  if (failed && !lines) return <Notice tone="error">购物车加载失败，请刷新页面重试。</Notice>;
  if (!lines) return <PageSkeleton />;
  return <CartView lines={lines} setQuantity={setQuantity} />;
}
