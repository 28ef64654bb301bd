'use client';

import { IntentLink } from './intent-link';
import { Icon } from './icons';
import { badgeCount, useMe } from './me-store';

/** The header's cart, with the live item count. */
export function CartLink({ className = '' }: { className?: string }) {
  const count = useMe()?.cartCount ?? 0;
  return (
    <IntentLink
      href="/cart"
      aria-label={count > 0 ? `购物车（${count} 件）` : '购物车'}
      className={`relative flex min-h-11 min-w-11 items-center justify-center gap-1 rounded-md px-2 text-neutral-800 hover:bg-neutral-100 ${className}`}
    >
      <Icon name="cart" />
      <span aria-hidden="true" className="hidden lg:inline">
        购物车
      </span>
      <CountBadge count={count} className="top-0.5 right-0 lg:static lg:text-xs" />
    </IntentLink>
  );
}

/** The cart's item count on an icon (the accessible name of the link says it in words). */
export function CountBadge({ count, className }: { count: number; className: string }) {
  if (count <= 0) return null;
  return (
    <span
      aria-hidden="true"
      className={`absolute min-w-5 rounded-full bg-brand-600 px-1 text-center text-[11px] leading-5 font-semibold text-white tabular ${className}`}
    >
      {badgeCount(count)}
    </span>
  );
}
