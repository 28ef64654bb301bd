import type { MetadataRoute } from 'next';
import { connection } from 'next/server';
import { cachedFacets, cachedListedSlugs } from '@/lib/cache/reads';
import { getEnv } from '@/lib/env';

/**
 * The public catalog for search engines: home, listings, categories, every listed product, impact.
 * Rendered per request (the catalog reads are cached), so the URLs carry the APP_URL of the running server.
 */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  await connection();
  const base = getEnv().appUrl;
  const [facets, slugs] = await Promise.all([cachedFacets(), cachedListedSlugs(5000)]);
  return [
    { url: `${base}/`, changeFrequency: 'daily', priority: 1 },
    { url: `${base}/products`, changeFrequency: 'daily', priority: 0.9 },
    { url: `${base}/impact`, changeFrequency: 'daily', priority: 0.6 },
    { url: `${base}/livestreams`, changeFrequency: 'daily', priority: 0.6 },
    { url: `${base}/verify`, changeFrequency: 'monthly', priority: 0.4 },
    ...facets.categories.map((c) => ({
      url: `${base}/products?category=${c.slug}`,
      changeFrequency: 'weekly' as const,
      priority: 0.7,
    })),
    ...slugs.map((s) => ({ url: `${base}/products/${s}`, changeFrequency: 'weekly' as const, priority: 0.8 })),
  ];
}
