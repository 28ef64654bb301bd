'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { ComponentProps } from 'react';

type Props = Omit<ComponentProps<typeof Link>, 'href' | 'prefetch'> & { href: string };

/**
 * Every link of the app (eslint.config.mjs refuses next/link elsewhere). Next prefetches a link on sight on
 * every page view: on a phone that was the home page, the cart, 分类, 直播 and 我的 from the frame, a product
 * page per card in view, every category listing from the home page's tiles, the footer's pages and 分类's
 * 33 listings, each parsed on the main thread while the page hydrates, over a slow network, and each a
 * request to the server from every visitor on a promotion day. Prefetched instead when the pointer or
 * finger reaches for the link, or it gets focus: the ~100 ms before a tap lands.
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
