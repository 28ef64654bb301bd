import type { MetadataRoute } from 'next';
import { connection } from 'next/server';
import { getEnv } from '@/lib/env';

/**
 * Public catalog pages are crawlable; accounts, portals, payment and the API are not. Rendered per
 * request: the sitemap's origin is the APP_URL the server runs with, not the one it was built with.
 */
export default async function robots(): Promise<MetadataRoute.Robots> {
  await connection();
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
          // The static listings behind /products?… (proxy.ts): the shared URLs are the ones to index.
          '/listing',
        ],
      },
    ],
    sitemap: `${getEnv().appUrl}/sitemap.xml`,
  };
}
