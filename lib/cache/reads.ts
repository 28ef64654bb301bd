import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { getFeaturedProducts, getProductsBySupplier, searchProducts } from '@/db/queries/catalog';
import { listCategories, listListedProductSlugs, listSuppliers, listTownships } from '@/db/queries/facets';
import { getImpactAndBenefit, getTargetProgress } from '@/db/queries/impact';
import { getCertificateByNo, getProductBySlug } from '@/db/queries/product';
import { getSiteContact } from '@/lib/programme/settings';
import type { CatalogQuery } from '@/domain/search';
import { CATALOG_TAG, IMPACT_TAG, SITE_TAG, productTag } from './tags';
import { chinaDate } from '@/domain/time';

/**
 * Cached catalog reads. Everything is tagged 'catalog' (and per product 'product:<slug>'), so an action
 * that changes a listing calls lib/cache/invalidate.ts and the next request sees it. The 'catalog' cache life
 * also bounds staleness of date-dependent state (certificate expiry) to a few minutes.
 */

export async function cachedSearch(query: CatalogQuery) {
  'use cache';
  cacheTag(CATALOG_TAG);
  cacheLife('catalog');
  return searchProducts({ query, today: chinaDate() });
}

export async function cachedFeatured(limit: number) {
  'use cache';
  cacheTag(CATALOG_TAG);
  cacheLife('catalog');
  return getFeaturedProducts({ limit, today: chinaDate() });
}

export async function cachedSupplierProducts(supplierSlug: string, limit: number) {
  'use cache';
  cacheTag(CATALOG_TAG);
  cacheLife('catalog');
  return getProductsBySupplier({ supplierSlug, limit, today: chinaDate() });
}

export async function cachedFacets() {
  'use cache';
  cacheTag(CATALOG_TAG);
  cacheLife('catalog');
  const [categories, townships, suppliers] = await Promise.all([listCategories(), listTownships(), listSuppliers()]);
  return { categories, townships, suppliers };
}

export async function cachedProduct(slug: string) {
  'use cache';
  cacheTag(CATALOG_TAG, productTag(slug));
  cacheLife('catalog');
  return getProductBySlug({ slug, today: chinaDate() });
}

export async function cachedCertificate(certificateNo: string) {
  'use cache';
  cacheTag(CATALOG_TAG);
  cacheLife('catalog');
  const record = await getCertificateByNo({ certificateNo });
  return record ? { record, today: chinaDate() } : null;
}

export async function cachedListedSlugs(limit: number) {
  'use cache';
  cacheTag(CATALOG_TAG);
  cacheLife('catalog');
  return listListedProductSlugs({ limit });
}

/** The counted figure against the target. Revalidated by payments (tag 'impact') within seconds. */
export async function cachedTargetProgress() {
  'use cache';
  cacheTag(IMPACT_TAG);
  cacheLife('impact');
  return getTargetProgress();
}

/** Everything on /impact, from the rollups. Payments expire the tag at once; 5 s bounds other instances. */
export async function cachedImpact() {
  'use cache';
  cacheTag(IMPACT_TAG);
  cacheLife('impact');
  return { ...(await getImpactAndBenefit()), updatedAt: new Date() };
}

/** The operator's contact details (footer, certificate check). The office's edits update the tag 'site'. */
export async function cachedSiteContact() {
  'use cache';
  cacheTag(SITE_TAG);
  cacheLife('catalog');
  return getSiteContact();
}
