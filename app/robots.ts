import type { MetadataRoute } from 'next';
import { getEnv } from '@/lib/env';

/** Public catalog pages are crawlable; accounts, portals, payment and the API are not. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: [
      {
        userAgent: '*',
        allow: '/',
        disallow: [
          '/admin',
          '/workshop',
          '/unit',
          '/account',
          '/orders',
          '/pay',
          '/api',
          '/invite',
          '/checkout',
          '/bench',
        ],
      },
    ],
    sitemap: `${getEnv().appUrl}/sitemap.xml`,
  };
}
