'use client';

import { usePathname } from 'next/navigation';
import { Suspense, useEffect, useRef } from 'react';
import { IntentLink } from './intent-link';
import { Icon, type IconName } from './icons';
import { CountBadge } from './cart-link';
import { recordPage, refreshMe, useMe } from './me-store';

type Tab = { href: string; label: string; icon: IconName; section: (path: string) => boolean };

const TABS: Tab[] = [
  { href: '/', label: '首页', icon: 'home', section: (p) => p === '/' },
  {
    href: '/categories',
    label: '分类',
    icon: 'grid',
    section: (p) => p === '/categories' || p.startsWith('/products'),
  },
  { href: '/livestreams', label: '直播', icon: 'live', section: (p) => p.startsWith('/livestreams') },
  { href: '/cart', label: '购物车', icon: 'cart', section: (p) => p === '/cart' || p === '/checkout' },
  {
    href: '/me',
    label: '我的',
    icon: 'user',
    section: (p) => ['/me', '/account', '/orders', '/login', '/register'].some((s) => p === s || p.startsWith(`${s}/`)),
  },
];

/** The bottom tab bar on phones (主导航), as the big shopping apps have it. Hidden from 768 px up. */
export function TabBar() {
  // The path is known only per request on dynamic routes: until then the bar shows no current tab.
  return (
    <Suspense fallback={<Bar path={null} />}>
      <CurrentBar />
    </Suspense>
  );
}

function CurrentBar() {
  const path = usePathname();
  const first = useRef(true);
  // Signing in or out, or checking out, happens on other pages: ask again after each navigation.
  useEffect(() => {
    recordPage(path, window.location.search);
    if (first.current) first.current = false;
    else void refreshMe();
  }, [path]);
  return <Bar path={path} />;
}

/** The product page has its own bottom bar (加入购物车 / 立即购买). */
const OWN_BOTTOM_BAR = /^\/products\/[^/]+$/;

function Bar({ path }: { path: string | null }) {
  const count = useMe()?.cartCount ?? 0;
  const shown = path === null || !OWN_BOTTOM_BAR.test(path);
  return (
    <nav
      aria-label="主导航"
      data-tab-bar
      data-path={path ?? undefined}
      data-shown={shown ? '' : undefined}
      className={`fixed inset-x-0 bottom-0 z-30 border-t border-neutral-200 bg-white pb-[env(safe-area-inset-bottom)] md:hidden ${shown ? '' : 'hidden'}`}
    >
      <ul className="grid h-14 grid-cols-5">
        {TABS.map((t) => {
          const current = path !== null && t.section(path);
          const isCart = t.href === '/cart';
          return (
            <li key={t.href}>
              <IntentLink
                href={t.href}
                aria-current={current ? 'page' : undefined}
                aria-label={isCart && count > 0 ? `购物车（${count} 件）` : undefined}
                className="relative flex h-full flex-col items-center justify-center gap-0.5 text-xs text-neutral-700 aria-[current=page]:font-medium aria-[current=page]:text-brand-600"
              >
                <Icon name={t.icon} className="size-6" />
                <span>{t.label}</span>
                {isCart ? <CountBadge count={count} className="top-1 left-1/2 ml-1.5" /> : null}
              </IntentLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
