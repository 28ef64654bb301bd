/**
 * The cache tags of the cached reads (lib/cache/reads.ts). Only reads.ts and invalidate.ts name them.
 * - catalog: every listing read (search, facets, featured, product and certificate pages);
 * - product:<slug>: one product's page and API entry (stock, price, badge);
 * - impact: the target figure and everything on /impact;
 * - site: the operator's contact details (footer, certificate check).
 */
export const CATALOG_TAG = 'catalog';
export const IMPACT_TAG = 'impact';
export const productTag = (slug: string): `product:${string}` => `product:${slug}`;
export const SITE_TAG = 'site';
