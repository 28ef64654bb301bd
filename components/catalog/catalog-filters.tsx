import Link from 'next/link';
import { SORT_LABELS } from '@/domain/labels';
import { fenToYuanText } from '@/domain/money';
import { CATALOG_SORTS, type CatalogQuery } from '@/lib/validation/catalog';
import { cardClass } from '../ui/card';
import { Button } from '../ui/button';

type Facets = {
  categories: { slug: string; name: string; productCount: number }[];
  townships: { slug: string; name: string }[];
  suppliers: { slug: string; name: string }[];
};

const yuan = (fen?: number) => (fen === undefined ? '' : fenToYuanText(fen));
const field = 'h-11 w-full rounded-lg border border-neutral-300 bg-white px-3 text-base';

/** The catalog's filter form. Plain GET, so it works before any JavaScript loads. */
export function CatalogFilters({ query, facets }: { query: CatalogQuery; facets: Facets }) {
  const moreOpen = Boolean(
    query.township || query.supplier || query.minPriceFen !== undefined || query.maxPriceFen !== undefined,
  );
  return (
    <form action="/products" className={`grid gap-3 p-4 sm:grid-cols-2 ${cardClass}`}>
      <div className="sm:col-span-2">
        <label htmlFor="q" className="mb-1 block text-sm font-medium">
          关键词
        </label>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={query.q}
          maxLength={50}
          placeholder="商品、产地或供应商"
          className={field}
        />
      </div>
      <div>
        <label htmlFor="category" className="mb-1 block text-sm font-medium">
          分类
        </label>
        <select id="category" name="category" defaultValue={query.category ?? ''} className={field}>
          <option value="">全部分类</option>
          {facets.categories.map((c) => (
            <option key={c.slug} value={c.slug}>
              {c.name}（{c.productCount}）
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="sort" className="mb-1 block text-sm font-medium">
          排序
        </label>
        <select id="sort" name="sort" defaultValue={query.sort} className={field}>
          {CATALOG_SORTS.map((s) => (
            <option key={s} value={s}>
              {SORT_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <details open={moreOpen} className="group sm:col-span-2">
        <summary className="flex min-h-11 cursor-pointer list-none items-center gap-1 text-sm font-medium text-brand-700">
          <span aria-hidden="true" className="inline-block transition-transform group-open:rotate-90">
            ▸
          </span>
          更多筛选：镇街、供应商、价格
        </summary>
        <div className="mt-2 grid gap-3 sm:grid-cols-2">
          <div>
            <label htmlFor="township" className="mb-1 block text-sm font-medium">
              镇（街道）
            </label>
            <select id="township" name="township" defaultValue={query.township ?? ''} className={field}>
              <option value="">全部镇街</option>
              {facets.townships.map((t) => (
                <option key={t.slug} value={t.slug}>
                  {t.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="supplier" className="mb-1 block text-sm font-medium">
              供应商
            </label>
            <select id="supplier" name="supplier" defaultValue={query.supplier ?? ''} className={field}>
              <option value="">全部供应商</option>
              {facets.suppliers.map((s) => (
                <option key={s.slug} value={s.slug}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="sm:col-span-2">
            <legend className="mb-1 text-sm font-medium">价格区间（元）</legend>
            <div className="flex items-center gap-2">
              <label htmlFor="minPrice" className="sr-only">
                最低价（元）
              </label>
              <input
                id="minPrice"
                name="minPrice"
                inputMode="decimal"
                defaultValue={yuan(query.minPriceFen)}
                placeholder="最低"
                className={field}
              />
              <span aria-hidden="true">–</span>
              <label htmlFor="maxPrice" className="sr-only">
                最高价（元）
              </label>
              <input
                id="maxPrice"
                name="maxPrice"
                inputMode="decimal"
                defaultValue={yuan(query.maxPriceFen)}
                placeholder="最高"
                className={field}
              />
            </div>
          </fieldset>
        </div>
      </details>
      <div className="flex items-end gap-3 sm:col-span-2">
        <label className="flex min-h-11 flex-1 items-center gap-2">
          <input
            type="checkbox"
            name="certified"
            value="1"
            defaultChecked={query.certifiedOnly}
            className="size-5 accent-cert-700"
          />
          <span>只看消费扶贫认定商品</span>
        </label>
        <Link
          href="/products"
          className="flex min-h-11 items-center px-2 text-sm text-neutral-700 underline underline-offset-2"
        >
          清除
        </Link>
        <Button type="submit">筛选</Button>
      </div>
    </form>
  );
}
