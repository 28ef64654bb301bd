import Link from 'next/link';
import type { ReactNode } from 'react';
import { Suspense } from 'react';
import { PageSkeleton } from '../auth/forbidden';

const LINKS = [
  { href: '/workshop', label: '概览与发货' },
  { href: '/workshop/products', label: '商品' },
  { href: '/workshop/livestreams', label: '直播' },
  // 带贫成效 (issue 17).
  { href: '/workshop/households', label: '农户台账' },
  { href: '/workshop/payouts', label: '收益发放' },
  { href: '/workshop/dividends', label: '分红' },
] as const;

/** The portal's section links; the current one is marked for screen readers too. */
export function WorkshopNav({ current }: { current: (typeof LINKS)[number]['href'] }) {
  return (
    <nav aria-label="车间/合作社" className="-mx-4 mt-3 overflow-x-auto px-4">
      <ul className="flex gap-2">
        {LINKS.map((l) => (
          <li key={l.href} className="shrink-0">
            <Link
              href={l.href}
              aria-current={l.href === current ? 'page' : undefined}
              className={`inline-flex min-h-11 items-center rounded-full px-4 text-sm font-medium whitespace-nowrap ring-1 ${l.href === current ? 'bg-brand-600 text-white ring-brand-600' : 'bg-white text-neutral-900 ring-neutral-300 hover:bg-neutral-50'}`}
            >
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The frame of every /workshop page: title, section links and a skeleton while the page's own
 * guarded content streams in. The product editor passes no title (its heading names the product).
 */
export function WorkshopShell({
  title,
  current,
  children,
}: {
  title?: string;
  current: (typeof LINKS)[number]['href'];
  children: ReactNode;
}) {
  return (
    <div className="mx-auto max-w-3xl px-4 py-6">
      {title ? <h1 className="text-2xl font-bold">{title}</h1> : null}
      <WorkshopNav current={current} />
      <div className={title ? 'mt-4' : ''}>
        <Suspense fallback={<PageSkeleton />}>{children}</Suspense>
      </div>
    </div>
  );
}
