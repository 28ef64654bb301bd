import type { ProductCard } from '@/db/queries/catalog';
import type { CatalogQuery } from '@/lib/validation/catalog';
import { ProductGrid } from './product-card';
import { Pagination } from './pagination';
import { Card, cardClass } from '../ui/card';
import { ButtonLink } from '../ui/button';
import { Notice } from '../ui/notice';

export function CatalogResults({
  query,
  items,
  total,
  notices,
}: {
  query: CatalogQuery;
  items: ProductCard[];
  total: number;
  notices: string[];
}) {
  return (
    <section aria-labelledby="results-heading" className="mt-6">
      {notices.length ? (
        <Notice tone="warning" className="mb-4">
          <p className="font-medium">部分筛选条件无效，已忽略：</p>
          <ul className="mt-1 list-disc pl-5">
            {notices.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <h2 id="results-heading" className="mb-3 text-base text-neutral-700" aria-live="polite">
        {query.q ? `“${query.q}”的搜索结果：` : ''}共 <span className="font-semibold tabular">{total}</span> 件商品
      </h2>
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
  );
}

export function CatalogSkeleton() {
  return (
    <div aria-hidden="true" className="mt-6 grid animate-pulse grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
      {Array.from({ length: 8 }, (_, i) => (
        <div key={i} className={`p-3 ${cardClass}`}>
          <div className="aspect-square rounded-lg bg-neutral-200" />
          <div className="mt-3 h-4 w-3/4 rounded bg-neutral-200" />
          <div className="mt-2 h-4 w-1/3 rounded bg-neutral-200" />
        </div>
      ))}
    </div>
  );
}
