'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { ComponentProps } from 'react';

type Props = Omit<ComponentProps<typeof Link>, 'href' | 'prefetch'> & { href: string };

/**
 * A link that Next would prefetch on sight on every page view: the site's frame (header, tab bar) and the
 * product cards of the home page and the listings. On a phone that was the home page, the cart, 分类, 直播
 * and 我的 plus a prefetch per card in view, each parsed on the main thread while the page hydrates, over a
 * slow network, and each a request to the server from every visitor on a promotion day. Prefetched
 * instead when the pointer or finger reaches for the link, or it gets focus: the ~100 ms before a tap lands.
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
