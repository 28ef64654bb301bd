import type { ProductCard } from '@/db/queries/catalog';
import { catalogHref, type CatalogQuery } from '@/lib/validation/catalog';
import { CatalogFilters, type Facets } from './catalog-filters';
import { activeFilters, catalogTitle, FilterChips, SortBar } from './catalog-toolbar';
import { FilterSheet } from './filter-sheet';
import { ProductGrid } from './product-card';
import { Pagination } from './pagination';
import { Card, cardClass } from '../ui/card';
import { ButtonLink } from '../ui/button';
import { Notice } from '../ui/notice';

/**
 * The listing: a heading that names the category or the search, one row with the sorts and the 筛选
 * button, the active filters as removable chips, then the products (the first row within the first
 * screen of a 390 × 844 phone).
 */
export function CatalogResults({
  query,
  facets,
  items,
  total,
  notices,
}: {
  query: CatalogQuery;
  facets: Facets;
  items: ProductCard[];
  total: number;
  notices: string[];
}) {
  const chips = activeFilters(query, facets);
  return (
    <>
      <div className="flex items-baseline justify-between gap-3">
        <h1 className="min-w-0 truncate text-xl font-bold md:text-2xl">{catalogTitle(query, facets)}</h1>
        <h2 id="results-heading" aria-live="polite" className="shrink-0 text-sm font-normal text-neutral-600">
          共 <span className="font-semibold tabular">{total}</span> 件
        </h2>
      </div>
      <div className="mt-1 flex items-center justify-between gap-2">
        <SortBar query={query} />
        <FilterSheet active={chips.filter((c) => !c.label.startsWith('搜索')).length}>
          <CatalogFilters query={query} facets={facets} />
        </FilterSheet>
      </div>
      <FilterChips chips={chips} clearHref={catalogHref({ sort: query.sort })} />
      {notices.length ? (
        <Notice tone="warning" className="mt-2">
          <p className="font-medium">部分筛选条件无效，已忽略：</p>
          <ul className="mt-1 list-disc pl-5">
            {notices.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <section aria-labelledby="results-heading" className="mt-2">
        {items.length ? (
          <ProductGrid products={items} label="商品列表" priorityCount={2} />
        ) : (
          <Card padding="none" className="p-8 text-center">
            <p className="text-lg font-medium">没有找到符合条件的商品</p>
            <p className="mt-1 text-neutral-700">试试更短的关键词，或减少筛选条件。</p>
            <ButtonLink href="/products" className="mt-4">
              查看全部商品
            </ButtonLink>
          </Card>
        )}
        <Pagination query={query} total={total} />
      </section>
    </>
  );
}

export function CatalogSkeleton() {
  return (
    <div aria-hidden="true" className="animate-pulse">
      <div className="h-8 w-40 rounded bg-neutral-200" />
      <div className="mt-2 h-11 rounded bg-neutral-100" />
      <div className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className={`p-3 ${cardClass}`}>
            <div className="aspect-square rounded-lg bg-neutral-200" />
            <div className="mt-3 h-4 w-3/4 rounded bg-neutral-200" />
            <div className="mt-2 h-4 w-1/3 rounded bg-neutral-200" />
          </div>
        ))}
      </div>
    </div>
  );
}
