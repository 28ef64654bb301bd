import { IntentLink } from '@/components/layout/intent-link';
import { formatFen } from '@/domain/money';
import { catalogHref, type CatalogQuery, type CatalogSort } from '@/lib/validation/catalog';
import type { Facets } from './catalog-filters';

const nameOf = (list: { slug: string; name: string }[], slug?: string) => list.find((x) => x.slug === slug)?.name;

/** The listing's heading: the search, else the category, supplier or township chosen, else 全部商品. */
export function catalogTitle(query: CatalogQuery, facets: Facets): string {
  const category = nameOf(facets.categories, query.category);
  if (query.q) return `“${query.q}”${category ? `（${category}）` : ''}的搜索结果`;
  return (
    category ??
    nameOf(facets.suppliers, query.supplier) ??
    (query.township ? `${nameOf(facets.townships, query.township) ?? ''}产品` : null) ??
    (query.certifiedOnly ? '消费扶贫认定商品' : '全部商品')
  );
}

/** The active filters, each with the URL that drops it. */
export function activeFilters(query: CatalogQuery, facets: Facets): { label: string; href: string }[] {
  const without = (q: Partial<CatalogQuery>) => catalogHref({ ...query, ...q, page: 1 });
  const out: { label: string; href: string }[] = [];
  if (query.q) out.push({ label: `搜索：${query.q}`, href: without({ q: '' }) });
  if (query.category)
    out.push({
      label: `分类：${nameOf(facets.categories, query.category) ?? query.category}`,
      href: without({ category: undefined }),
    });
  if (query.township)
    out.push({
      label: `镇街：${nameOf(facets.townships, query.township) ?? query.township}`,
      href: without({ township: undefined }),
    });
  if (query.supplier)
    out.push({
      label: `供应商：${nameOf(facets.suppliers, query.supplier) ?? query.supplier}`,
      href: without({ supplier: undefined }),
    });
  if (query.certifiedOnly) out.push({ label: '只看认定商品', href: without({ certifiedOnly: false }) });
  if (query.minPriceFen !== undefined || query.maxPriceFen !== undefined) {
    const lo = query.minPriceFen !== undefined ? formatFen(query.minPriceFen) : '';
    const hi = query.maxPriceFen !== undefined ? formatFen(query.maxPriceFen) : '';
    out.push({ label: `价格：${lo}–${hi}`, href: without({ minPriceFen: undefined, maxPriceFen: undefined }) });
  }
  return out;
}

const tab =
  'inline-flex min-h-11 items-center gap-0.5 px-2 text-sm text-neutral-700 aria-[current=true]:font-semibold aria-[current=true]:text-brand-700';

/** 综合 · 销量 · 价格 · 最新, as the shopping apps have them; 价格 toggles low→high and high→low. */
export function SortBar({ query }: { query: CatalogQuery }) {
  const to = (sort: CatalogSort) => catalogHref({ ...query, sort, page: 1 });
  const price = query.sort === 'price_asc' || query.sort === 'price_desc';
  const simple: { sort: CatalogSort; label: string }[] = [
    { sort: 'relevance', label: '综合' },
    { sort: 'sales', label: '销量' },
  ];
  return (
    <nav aria-label="排序" className="flex min-w-0 items-center">
      {simple.map((s) => (
        <IntentLink
          key={s.sort}
          href={to(s.sort)}
          aria-current={query.sort === s.sort ? 'true' : undefined}
          className={tab}
        >
          {s.label}
        </IntentLink>
      ))}
      <IntentLink
        href={to(query.sort === 'price_asc' ? 'price_desc' : 'price_asc')}
        aria-current={price ? 'true' : undefined}
        aria-label={
          query.sort === 'price_asc'
            ? '价格从低到高（点按改为从高到低）'
            : query.sort === 'price_desc'
              ? '价格从高到低（点按改为从低到高）'
              : '价格从低到高'
        }
        className={tab}
      >
        价格
        <span aria-hidden="true" className="text-xs">
          {query.sort === 'price_desc' ? '↓' : query.sort === 'price_asc' ? '↑' : '↕'}
        </span>
      </IntentLink>
      <IntentLink href={to('newest')} aria-current={query.sort === 'newest' ? 'true' : undefined} className={tab}>
        最新
      </IntentLink>
    </nav>
  );
}

/** The active filters as removable chips (links: the listing stays a function of its URL). */
export function FilterChips({ chips, clearHref }: { chips: { label: string; href: string }[]; clearHref: string }) {
  if (!chips.length) return null;
  return (
    <ul aria-label="已选筛选条件" className="-mx-4 flex gap-2 overflow-x-auto px-4 pb-1 md:mx-0 md:flex-wrap md:px-0">
      {chips.map((c) => (
        <li key={c.label} className="shrink-0">
          <IntentLink
            href={c.href}
            aria-label={`移除筛选条件 ${c.label}`}
            className="inline-flex min-h-11 items-center gap-1 rounded-full bg-brand-50 px-3 text-sm text-brand-800 ring-1 ring-brand-200 hover:ring-brand-600"
          >
            {c.label}
            <span aria-hidden="true" className="text-base leading-none">
              ×
            </span>
          </IntentLink>
        </li>
      ))}
      {chips.length > 1 ? (
        <li className="shrink-0">
          <IntentLink
            href={clearHref}
            className="inline-flex min-h-11 items-center px-2 text-sm text-neutral-700 underline underline-offset-2"
          >
            清除全部
          </IntentLink>
        </li>
      ) : null}
    </ul>
  );
}
