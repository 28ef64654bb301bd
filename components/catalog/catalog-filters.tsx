import { IntentLink } from '@/components/layout/intent-link';
import { fenToYuanText } from '@/domain/money';
import { catalogHref, DEFAULT_SORT, type CatalogQuery } from '@/lib/validation/catalog';
import { Button, buttonClass } from '../ui/button';
import { SelectField, TextField } from '../ui/field';

export type Facets = {
  categories: { slug: string; name: string; productCount: number }[];
  townships: { slug: string; name: string }[];
  suppliers: { slug: string; name: string }[];
};

function PriceInput({ id, label, placeholder, fen }: { id: string; label: string; placeholder: string; fen?: number }) {
  return (
    <TextField
      id={id}
      label={label}
      srOnlyLabel
      className="min-w-0 flex-1"
      name={id}
      inputMode="decimal"
      defaultValue={fen === undefined ? '' : fenToYuanText(fen)}
      placeholder={placeholder}
    />
  );
}

/** The catalog's filter form, shown in the 筛选 sheet. Plain GET: the listing is a function of its URL. */
export function CatalogFilters({ query, facets }: { query: CatalogQuery; facets: Facets }) {
  return (
    <form action="/products" className="grid gap-3">
      {query.sort !== DEFAULT_SORT ? <input type="hidden" name="sort" value={query.sort} /> : null}
      <TextField
        id="q"
        label="关键词"
        name="q"
        type="search"
        defaultValue={query.q}
        maxLength={50}
        placeholder="商品、产地或供应商"
      />
      <SelectField
        id="category"
        label="分类"
        value={query.category}
        empty="全部分类"
        options={facets.categories.map((c) => ({ value: c.slug, label: `${c.name}（${c.productCount}）` }))}
      />
      <SelectField
        id="township"
        label="镇（街道）"
        value={query.township}
        empty="全部镇街"
        options={facets.townships.map((t) => ({ value: t.slug, label: t.name }))}
      />
      <SelectField
        id="supplier"
        label="供应商"
        value={query.supplier}
        empty="全部供应商"
        options={facets.suppliers.map((x) => ({ value: x.slug, label: x.name }))}
      />
      <fieldset>
        <legend className="mb-1 text-sm font-medium">价格区间（元）</legend>
        <div className="flex items-center gap-2">
          <PriceInput id="minPrice" label="最低价（元）" placeholder="最低" fen={query.minPriceFen} />
          <span aria-hidden="true">–</span>
          <PriceInput id="maxPrice" label="最高价（元）" placeholder="最高" fen={query.maxPriceFen} />
        </div>
      </fieldset>
      <label className="flex min-h-11 items-center gap-2">
        <input
          type="checkbox"
          name="certified"
          value="1"
          defaultChecked={query.certifiedOnly}
          className="size-5 accent-cert-700"
        />
        <span>只看消费扶贫认定商品</span>
      </label>
      <div className="flex gap-3 pt-1">
        <IntentLink
          href={catalogHref({ sort: query.sort })}
          className={`${buttonClass({ variant: 'secondary' })} flex-1`}
        >
          重置
        </IntentLink>
        <Button type="submit" className="flex-1">
          确定
        </Button>
      </div>
    </form>
  );
}
