'use client';

import { useActionState } from 'react';
import { addToCartAction } from '@/lib/actions/cart';
import type { ActionResult } from '@/lib/actions/safe-action';
import { useCartCountFrom } from '../layout/me-store';
import { Button } from '../ui/button';

/** 加入购物车 for one item from a livestream page; the stream is remembered for attribution. */
export function QuickAdd({
  slug,
  name,
  livestreamId,
  soldOut,
}: {
  slug: string;
  name: string;
  livestreamId: number;
  soldOut: boolean;
}) {
  const [state, action, pending] = useActionState<ActionResult | null, FormData>(addToCartAction, null);
  useCartCountFrom(state);
  if (soldOut) return <p className="text-center text-sm text-neutral-700">已售罄</p>;
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="quantity" value="1" />
      <input type="hidden" name="livestreamId" value={livestreamId} />
      <Button type="submit" size="sm" disabled={pending} aria-label={`把 ${name} 加入购物车`} className="w-full">
        加入购物车
      </Button>
      <p role="status" className="text-xs empty:hidden">
        {state ? (
          state.ok ? (
            <span className="text-cert-800">
              已加入，
              <a href="/cart" className="underline">
                去结算
              </a>
            </span>
          ) : (
            <span className="text-brand-700">{state.error}</span>
          )
        ) : null}
      </p>
    </form>
  );
}
