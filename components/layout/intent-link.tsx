'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { ComponentProps } from 'react';

type Props = Omit<ComponentProps<typeof Link>, 'href' | 'prefetch'> & { href: string };

/**
 * A link of the site's frame (header, tab bar). They are on every page and always in view, so Next would
 * prefetch all of them on every page view: on a phone the home page, the cart, 分类, 直播 and 我的 (about
 * 50 KB of RSC parsed on the main thread while the page hydrates, on a slow network). Prefetched instead
 * when the pointer or finger reaches for the link, or it gets focus: the ~100 ms before the click lands.
 */
export function IntentLink({ href, ...props }: Props) {
  const router = useRouter();
  const prefetch = () => router.prefetch(href);
  return (
    <Link
      href={href}
      prefetch={false}
      onPointerEnter={prefetch}
      onPointerDown={prefetch}
      onFocus={prefetch}
      {...props}
    />
  );
}
