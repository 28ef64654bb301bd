'use client';

import { useActionState, useState } from 'react';
import { addToCartAction } from '@/lib/actions/cart';
import type { ActionResult } from '@/lib/actions/safe-action';
import { buttonClass } from '../ui/button';

/** 加入购物车 / 立即购买 with a quantity stepper; a sticky bar at the bottom on phones. */
export function AddToCart({ slug, stock }: { slug: string; stock: number }) {
  const [qty, setQty] = useState(1);
  const [state, action, pending] = useActionState<ActionResult | null, FormData>(addToCartAction, null);
  const max = Math.max(1, Math.min(stock, 10_000));
  if (stock <= 0) {
    return <p className="rounded-lg bg-neutral-100 p-3 text-center font-medium text-neutral-700">已售罄，补货中</p>;
  }
  const btn = 'min-h-11 flex-1 rounded-lg px-4 font-medium disabled:opacity-60';
  return (
    <form
      action={action}
      className="fixed inset-x-0 bottom-0 z-20 border-t border-neutral-200 bg-white p-3 shadow-[0_-4px_12px_rgba(0,0,0,0.06)] md:static md:rounded-xl md:border-0 md:p-0 md:shadow-none"
    >
      <input type="hidden" name="slug" value={slug} />
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-2">
        <div className="flex items-center" role="group" aria-label="购买数量">
          <button
            type="button"
            className="size-11 rounded-l-lg ring-1 ring-neutral-300"
            aria-label="减少数量"
            onClick={() => setQty((q) => Math.max(1, q - 1))}
          >
            −
          </button>
          <label htmlFor="qty" className="sr-only">
            数量
          </label>
          <input
            id="qty"
            name="quantity"
            inputMode="numeric"
            value={qty}
            onChange={(e) => setQty(Math.max(1, Math.min(max, Number(e.target.value.replace(/\D/g, '')) || 1)))}
            className="h-11 w-14 border-y border-neutral-300 text-center tabular"
          />
          <button
            type="button"
            className="size-11 rounded-r-lg ring-1 ring-neutral-300"
            aria-label="增加数量"
            onClick={() => setQty((q) => Math.min(max, q + 1))}
          >
            +
          </button>
        </div>
        <button
          type="submit"
          name="buyNow"
          value=""
          disabled={pending}
          className={`${btn} bg-brand-50 text-brand-800 ring-1 ring-brand-600`}
        >
          加入购物车
        </button>
        <button type="submit" name="buyNow" value="1" disabled={pending} className={`${buttonClass()} flex-1`}>
          立即购买
        </button>
        <p role="status" className="w-full text-sm empty:hidden">
          {state ? (
            state.ok ? (
              <span className="text-cert-800">
                {state.message}，
                <a href="/cart" className="underline">
                  去购物车
                </a>
              </span>
            ) : (
              <span className="text-brand-700">{state.error}</span>
            )
          ) : null}
        </p>
      </div>
    </form>
  );
}
