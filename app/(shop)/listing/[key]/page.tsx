import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CatalogResults } from '@/components/catalog/catalog-results';
import { cachedFacets, cachedSearch } from '@/lib/cache/reads';
import { LISTING_KEY_ALL, listingKey, queryFromListingKey, DEFAULT_SORT } from '@/lib/validation/catalog';
import { CATALOG_PAGE_SIZE } from '@/domain/search';

/**
 * `/products` with bounded filters, a search among them or alone (proxy.ts rewrites it here,
 * lib/http/listing-rewrite.ts): a static page per key, rendered on first visit and kept until the catalog
 * changes (the reads are tagged 'catalog'). `/products` and each category with the default sort are rendered
 * at build and kept on disk; every other key in a bounded memory LRU (lib/cache/page-cache-handler.js).
 */
export const metadata: Metadata = { title: '全部商品' };
/**
 * A key not rendered at build waits for its complete static page. The shop has no loading.tsx: above a static
 * page, React sends its fallback first and reveals the page at least 300 ms later (a boundary larger than
 * its progressive chunk is outlined), which put the product page's LCP behind hydration (Lighthouse 86 → 98).
 */
export const ensureStatic = 'navigation';

type Params = Promise<{ key: string }>;

export async function generateStaticParams() {
  const { categories } = await cachedFacets();
  const base = { q: '', certifiedOnly: false, sort: DEFAULT_SORT, page: 1, pageSize: CATALOG_PAGE_SIZE };
  const keys = [LISTING_KEY_ALL, ...categories.map((c) => listingKey({ ...base, category: c.slug }))];
  return keys.flatMap((key) => (key ? [{ key }] : []));
}

export default async function ListingPage({ params }: { params: Params }) {
  const query = queryFromListingKey((await params).key);
  if (!query) notFound();
  const [facets, result] = await Promise.all([cachedFacets(), cachedSearch(query)]);
  return (
    <div className="mx-auto max-w-6xl px-4 py-3 md:py-6">
      <CatalogResults query={query} facets={facets} items={result.items} total={result.total} notices={[]} />
    </div>
  );
}
