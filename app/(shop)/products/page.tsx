import type { Metadata } from 'next';
import { Suspense } from 'react';
import { CatalogFilters } from '@/components/catalog/catalog-filters';
import { CatalogResults, CatalogSkeleton } from '@/components/catalog/catalog-results';
import { cachedFacets, cachedSearch } from '@/lib/cache/reads';
import { parseCatalogQuery } from '@/lib/validation/catalog';

export const metadata: Metadata = { title: '全部商品' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default function ProductsPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <div className="mx-auto max-w-6xl px-4 py-6">
      <h1 className="mb-4 text-2xl font-bold">全部商品</h1>
      <Suspense fallback={<CatalogSkeleton />}>
        <Catalog searchParams={searchParams} />
      </Suspense>
    </div>
  );
}

async function Catalog({ searchParams }: { searchParams: SearchParams }) {
  const { query, errors } = parseCatalogQuery(await searchParams);
  const [facets, result] = await Promise.all([cachedFacets(), cachedSearch(query)]);
  return (
    <>
      <CatalogFilters query={query} facets={facets} />
      <CatalogResults query={query} items={result.items} total={result.total} notices={Object.values(errors)} />
    </>
  );
}
