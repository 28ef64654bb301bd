'use client';

import { IntentLink } from '@/components/layout/intent-link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';

export type PortalLink = { href: string; label: string };

/** The link whose section contains the path: the longest matching prefix. */
function currentHref(links: PortalLink[], path: string): string | undefined {
  return links
    .filter((l) => path === l.href || path.startsWith(`${l.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
}

/**
 * A portal's section links, drawn once by its layout. One row that scrolls sideways on a phone and wraps
 * on wider screens; the current section is marked for screen readers too.
 */
export function PortalNav({ label, links }: { label: string; links: PortalLink[] }) {
  const current = currentHref(links, usePathname());
  const nav = useRef<HTMLElement>(null);
  // On a phone the current section may sit past the edge of the row: bring it into view sideways only
  // (scrollIntoView would also move the page, away from a #fragment the visitor came for).
  useEffect(() => {
    const el = nav.current?.querySelector<HTMLElement>('[aria-current="page"]');
    if (nav.current && el && el.offsetLeft + el.offsetWidth > nav.current.clientWidth)
      nav.current.scrollLeft = el.offsetLeft - 16;
  }, [current]);
  return (
    <nav ref={nav} aria-label={label} className="relative -mx-4 overflow-x-auto px-4 py-1 sm:mx-0 sm:px-0">
      <ul className="flex gap-2 sm:flex-wrap">
        {links.map((l) => (
          <li key={l.href} className="shrink-0">
            <IntentLink
              href={l.href}
              aria-current={l.href === current ? 'page' : undefined}
              className="inline-flex min-h-11 items-center rounded-full bg-white px-4 text-sm font-medium text-neutral-900 ring-1 ring-neutral-300 hover:bg-neutral-50 aria-[current=page]:bg-brand-600 aria-[current=page]:text-white aria-[current=page]:ring-brand-600"
            >
              {l.label}
            </IntentLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
