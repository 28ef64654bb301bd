import type { Metadata } from 'next';
import { Suspense } from 'react';
import { CatalogResults, CatalogSkeleton } from '@/components/catalog/catalog-results';
import { cachedFacets, cachedSearch } from '@/lib/cache/reads';
import { parseCatalogQuery } from '@/lib/validation/catalog';

export const metadata: Metadata = { title: '全部商品' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default function ProductsPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <div className="mx-auto max-w-6xl px-4 py-3 md:py-6">
      <Suspense fallback={<CatalogSkeleton />}>
        <Catalog searchParams={searchParams} />
      </Suspense>
    </div>
  );
}

/** A pure function of the query string: no cookies, no headers (the listing can be rendered statically). */
async function Catalog({ searchParams }: { searchParams: SearchParams }) {
  const { query, errors } = parseCatalogQuery(await searchParams);
  const [facets, result] = await Promise.all([cachedFacets(), cachedSearch(query)]);
  return (
    <CatalogResults
      query={query}
      facets={facets}
      items={result.items}
      total={result.total}
      notices={Object.values(errors)}
    />
  );
}
