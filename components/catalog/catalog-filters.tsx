import Link from 'next/link';
import { SORT_LABELS } from '@/domain/labels';
import { fenToYuanText } from '@/domain/money';
import { CATALOG_SORTS, type CatalogQuery } from '@/lib/validation/catalog';
import { cardClass } from '../ui/card';
import { Button } from '../ui/button';
import { Field, inputClass } from '../ui/field';

type Facets = {
  categories: { slug: string; name: string; productCount: number }[];
  townships: { slug: string; name: string }[];
  suppliers: { slug: string; name: string }[];
};

/** A facet or sort select; `all` is the empty choice that drops the filter. */
function Select({
  id,
  label,
  value,
  all,
  options,
}: {
  id: string;
  label: string;
  value?: string;
  all?: string;
  options: { value: string; label: string }[];
}) {
  return (
    <Field id={id} label={label}>
      {(c) => (
        <select {...c} name={id} defaultValue={value ?? ''} className={inputClass}>
          {all !== undefined ? <option value="">{all}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function PriceInput({ id, label, placeholder, fen }: { id: string; label: string; placeholder: string; fen?: number }) {
  return (
    <Field id={id} label={label} srOnlyLabel className="min-w-0 flex-1">
      {(c) => (
        <input
          {...c}
          name={id}
          inputMode="decimal"
          defaultValue={fen === undefined ? '' : fenToYuanText(fen)}
          placeholder={placeholder}
          className={inputClass}
        />
      )}
    </Field>
  );
}

/** The catalog's filter form. Plain GET, so it works before any JavaScript loads. */
export function CatalogFilters({ query, facets }: { query: CatalogQuery; facets: Facets }) {
  const moreOpen = Boolean(
    query.township || query.supplier || query.minPriceFen !== undefined || query.maxPriceFen !== undefined,
  );
  return (
    <form action="/products" className={`grid gap-3 p-4 sm:grid-cols-2 ${cardClass}`}>
      <Field id="q" label="关键词" className="sm:col-span-2">
        {(c) => (
          <input
            {...c}
            name="q"
            type="search"
            defaultValue={query.q}
            maxLength={50}
            placeholder="商品、产地或供应商"
            className={inputClass}
          />
        )}
      </Field>
      <Select
        id="category"
        label="分类"
        value={query.category}
        all="全部分类"
        options={facets.categories.map((c) => ({ value: c.slug, label: `${c.name}（${c.productCount}）` }))}
      />
      <Select
        id="sort"
        label="排序"
        value={query.sort}
        options={CATALOG_SORTS.map((s) => ({ value: s, label: SORT_LABELS[s] }))}
      />
      <details open={moreOpen} className="group sm:col-span-2">
        <summary className="flex min-h-11 cursor-pointer list-none items-center gap-1 text-sm font-medium text-brand-700">
          <span aria-hidden="true" className="inline-block transition-transform group-open:rotate-90">
            ▸
          </span>
          更多筛选：镇街、供应商、价格
        </summary>
        <div className="mt-2 grid gap-3 sm:grid-cols-2">
          <Select
            id="township"
            label="镇（街道）"
            value={query.township}
            all="全部镇街"
            options={facets.townships.map((t) => ({ value: t.slug, label: t.name }))}
          />
          <Select
            id="supplier"
            label="供应商"
            value={query.supplier}
            all="全部供应商"
            options={facets.suppliers.map((x) => ({ value: x.slug, label: x.name }))}
          />
          <fieldset className="sm:col-span-2">
            <legend className="mb-1 text-sm font-medium">价格区间（元）</legend>
            <div className="flex items-center gap-2">
              <PriceInput id="minPrice" label="最低价（元）" placeholder="最低" fen={query.minPriceFen} />
              <span aria-hidden="true">–</span>
              <PriceInput id="maxPrice" label="最高价（元）" placeholder="最高" fen={query.maxPriceFen} />
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
