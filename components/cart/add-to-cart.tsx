'use client';

import { useActionState, useState } from 'react';
import { stockRefusal } from '@/domain/checkout';
import { addToCartAction } from '@/lib/actions/cart';
import type { ActionResult } from '@/lib/actions/safe-action';
import { CartLink } from '../layout/cart-link';
import { useCartCountFrom } from '../layout/me-store';

const stepper = 'size-11 text-lg ring-1 ring-neutral-300 disabled:text-neutral-400';
const bar =
  'inline-flex min-h-11 flex-1 items-center justify-center rounded-lg px-2 font-medium whitespace-nowrap disabled:opacity-60';

/**
 * 数量, then 加入购物车 / 立即购买 in a bar fixed to the bottom on phones (one line down to 360 px). A
 * quantity above the stock is never cut down to it: it is shown as refused, and the server refuses it too.
 */
export function AddToCart({ slug, stock }: { slug: string; stock: number }) {
  const [qty, setQty] = useState('1');
  const [state, action, pending] = useActionState<ActionResult | null, FormData>(addToCartAction, null);
  useCartCountFrom(state);
  if (stock <= 0) {
    return <p className="rounded-lg bg-neutral-100 p-3 text-center font-medium text-neutral-700">已售罄，补货中</p>;
  }
  const n = Number(qty) || 0;
  const refusal = n > stock ? stockRefusal({ quantity: n, stock }) : null;
  const message = refusal ?? (state && !state.ok ? state.error : null);
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="slug" value={slug} />
      <div className="flex flex-wrap items-center gap-3">
        <div className="flex items-center" role="group" aria-label="购买数量">
          <button
            type="button"
            className={`${stepper} rounded-l-lg`}
            aria-label="减少数量"
            disabled={n <= 1}
            onClick={() => setQty(String(Math.max(1, n - 1)))}
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
            aria-invalid={message ? true : undefined}
            aria-describedby="qty-msg"
            onChange={(e) => setQty(e.target.value.replace(/\D/g, '').slice(0, 5))}
            onBlur={() => n < 1 && setQty('1')}
            className="h-11 w-16 border-y border-neutral-300 text-center text-base tabular aria-[invalid=true]:bg-brand-50"
          />
          <button
            type="button"
            className={`${stepper} rounded-r-lg`}
            aria-label="增加数量"
            disabled={n >= stock}
            onClick={() => setQty(String(Math.min(stock, n + 1)))}
          >
            +
          </button>
        </div>
        <span className="text-sm text-neutral-700">{`库存 ${stock} 件`}</span>
      </div>
      <p id="qty-msg" role="alert" className="text-sm font-medium text-brand-700 empty:hidden">
        {message}
      </p>
      <div
        data-bottom-bar
        className="fixed inset-x-0 bottom-0 z-20 border-t border-neutral-200 bg-white px-3 pt-2 pb-[max(0.5rem,env(safe-area-inset-bottom))] shadow-[0_-4px_12px_rgba(0,0,0,0.06)] md:static md:border-0 md:p-0 md:pt-2 md:shadow-none"
      >
        {state?.ok ? (
          <p role="status" className="pb-2 text-sm text-cert-800">
            {state.message}，
            <a href="/cart" className="font-medium underline underline-offset-2">
              去购物车结算
            </a>
          </p>
        ) : null}
        <div className="mx-auto flex max-w-6xl items-center gap-2">
          <CartLink className="md:hidden" />
          <button
            type="submit"
            name="buyNow"
            value=""
            disabled={pending}
            className={`${bar} bg-brand-50 text-brand-800 ring-1 ring-brand-600 hover:bg-brand-100`}
          >
            加入购物车
          </button>
          <button
            type="submit"
            name="buyNow"
            value="1"
            disabled={pending}
            className={`${bar} bg-brand-600 text-white hover:bg-brand-700`}
          >
            立即购买
          </button>
        </div>
      </div>
    </form>
  );
}
