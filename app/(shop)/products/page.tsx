import type { Metadata } from 'next';
import { Suspense } from 'react';
import { CatalogResults, CatalogSkeleton } from '@/components/catalog/catalog-results';
import { cachedFacets, cachedSearch } from '@/lib/cache/reads';
import { normalizeQuery } from '@/domain/search';
import { parseCatalogQuery, type CatalogQuery } from '@/lib/validation/catalog';

export const metadata: Metadata = { title: '全部商品' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * What proxy.ts does not serve from a static listing (lib/http/listing-rewrite.ts): a price range, another
 * page size, a search longer than the search reads, a value that does not exist. The shell is static; the
 * results render behind it, once per normalised query and catalog change (`全 芒果 ` and `全 芒果` are one entry).
 */
export default function ProductsPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <div className="mx-auto max-w-6xl px-4 py-3 md:py-6">
      <Suspense fallback={<CatalogSkeleton />}>
        <Catalog searchParams={searchParams} />
      </Suspense>
    </div>
  );
}

async function Catalog({ searchParams }: { searchParams: SearchParams }) {
  const { query, errors } = parseCatalogQuery(await searchParams);
  return <CachedResults query={{ ...query, q: normalizeQuery(query.q) }} notices={Object.values(errors)} />;
}

/** A pure function of the normalised query: cached with the reads' tags ('catalog') and lifetime. */
async function CachedResults({ query, notices }: { query: CatalogQuery; notices: string[] }) {
  'use cache';
  const [facets, result] = await Promise.all([cachedFacets(), cachedSearch(query)]);
  return <CatalogResults query={query} facets={facets} items={result.items} total={result.total} notices={notices} />;
}
