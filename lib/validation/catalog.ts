import { z } from 'zod';
import { cleanInput } from './clean-input';
import { yuanField } from './money';
import { fenToYuanText } from '@/domain/money';
import {
  CATALOG_PAGE_SIZE,
  CATALOG_SORTS,
  DEFAULT_SORT,
  MAX_CATALOG_PAGE,
  MAX_QUERY_CHARS,
  normalizeQuery,
  type CatalogQuery,
  type CatalogSort,
} from '@/domain/search';

export { CATALOG_PAGE_SIZE, CATALOG_SORTS, DEFAULT_SORT, MAX_CATALOG_PAGE, type CatalogQuery, type CatalogSort };

const slug = z.string().regex(/^[a-z0-9-]{1,64}$/, '分类、镇街或供应商参数无效');
const yuan = yuanField({ invalid: '价格须为不超过两位小数的金额（元）', minFen: 0 });

const fields = {
  q: z.string().max(MAX_QUERY_CHARS * 4, `搜索词不能超过 ${MAX_QUERY_CHARS} 个字`),
  category: slug,
  township: slug,
  supplier: slug,
  certified: z.enum(['0', '1'], '“只看认定商品”参数须为 0 或 1'),
  minPrice: yuan,
  maxPrice: yuan,
  sort: z.enum(CATALOG_SORTS, '排序方式无效'),
  page: z
    .string()
    .regex(/^\d{1,6}$/, '页码须为正整数')
    .transform(Number)
    .pipe(z.number().int().min(1, '页码须为正整数').max(MAX_CATALOG_PAGE, `页码不能超过 ${MAX_CATALOG_PAGE}`)),
  pageSize: z
    .string()
    .regex(/^\d{1,3}$/, '每页数量须为 1 到 100 的整数')
    .transform(Number)
    .pipe(z.number().int().min(1, '每页数量须为 1 到 100 的整数').max(100, '每页数量须为 1 到 100 的整数')),
} as const;

type FieldName = keyof typeof fields;
export type CatalogQueryResult = { query: CatalogQuery; errors: Partial<Record<FieldName, string>> };

/**
 * Parses catalog search parameters field by field. Pages ignore invalid fields (and say so);
 * the JSON API answers 400 with the same Chinese messages when `errors` is not empty.
 */
export function parseCatalogQuery(raw: Record<string, string | string[] | undefined>): CatalogQueryResult {
  const errors: Partial<Record<FieldName, string>> = {};
  const value: Partial<Record<FieldName, unknown>> = {};
  for (const name of Object.keys(fields) as FieldName[]) {
    const v = raw[name];
    const first = cleanInput(Array.isArray(v) ? v[0] : v);
    if (first === undefined || first === '') continue;
    const r = fields[name].safeParse(first);
    if (r.success) value[name] = r.data;
    else errors[name] = r.error.issues[0]?.message ?? '参数无效';
  }
  let minPriceFen = value.minPrice as number | undefined;
  let maxPriceFen = value.maxPrice as number | undefined;
  if (minPriceFen !== undefined && maxPriceFen !== undefined && minPriceFen > maxPriceFen) {
    errors.maxPrice = '最高价不能低于最低价';
    maxPriceFen = undefined;
    minPriceFen = undefined;
  }
  return {
    errors,
    query: {
      q: typeof value.q === 'string' ? value.q : '',
      category: value.category as string | undefined,
      township: value.township as string | undefined,
      supplier: value.supplier as string | undefined,
      certifiedOnly: value.certified === '1',
      minPriceFen,
      maxPriceFen,
      sort: (value.sort as CatalogSort | undefined) ?? DEFAULT_SORT,
      page: (value.page as number | undefined) ?? 1,
      pageSize: (value.pageSize as number | undefined) ?? CATALOG_PAGE_SIZE,
    },
  };
}

/** Builds a /products URL from a query, keeping only non-default values. */
export function catalogHref(q: Partial<CatalogQuery>): string {
  const p = new URLSearchParams();
  if (q.q) p.set('q', q.q);
  if (q.category) p.set('category', q.category);
  if (q.township) p.set('township', q.township);
  if (q.supplier) p.set('supplier', q.supplier);
  if (q.certifiedOnly) p.set('certified', '1');
  if (q.minPriceFen !== undefined) p.set('minPrice', fenToYuanText(q.minPriceFen));
  if (q.maxPriceFen !== undefined) p.set('maxPrice', fenToYuanText(q.maxPriceFen));
  if (q.sort && q.sort !== DEFAULT_SORT) p.set('sort', q.sort);
  if (q.page && q.page > 1) p.set('page', String(q.page));
  const s = p.toString();
  return s ? `/products?${s}` : '/products';
}

/**
 * Listings with bounded values only (category, township, supplier, 只看认定, a sort, a page) have a
 * path key, `all` or `category.tea~sort.sales`: proxy.ts rewrites `/products?…` to `/listing/<key>`, a
 * page rendered once per catalog change and cached (the tag 'catalog'). A search has one too, its normalised
 * text in hex first (`q.e88a92e69e9c` for 芒果, `q.e88a92e69e9c~sort.sales`), when it is at most
 * MAX_QUERY_CHARS characters. Every listing but `all` and a category alone is kept in memory only, in a
 * bounded LRU (lib/cache/page-cache-handler.js), so made-up searches and pages cannot fill the cache. A price
 * range, another page size or a longer search have none (null) and render per request at /products.
 */
const KEY_FIELDS = ['q', 'category', 'township', 'supplier', 'certified', 'sort', 'page'] as const;
export const LISTING_KEY_ALL = 'all';

export function listingKey(q: CatalogQuery): string | null {
  if (q.minPriceFen !== undefined || q.maxPriceFen !== undefined || q.pageSize !== CATALOG_PAGE_SIZE) return null;
  const text = normalizeQuery(q.q);
  if (Array.from(text).length > MAX_QUERY_CHARS) return null;
  const values: Record<(typeof KEY_FIELDS)[number], string | undefined> = {
    q: text ? toHex(text) : undefined,
    category: q.category,
    township: q.township,
    supplier: q.supplier,
    certified: q.certifiedOnly ? '1' : undefined,
    sort: q.sort === DEFAULT_SORT ? undefined : q.sort,
    page: q.page > 1 ? String(q.page) : undefined,
  };
  const parts = KEY_FIELDS.filter((f) => values[f] !== undefined).map((f) => `${f}.${values[f]}`);
  return parts.length ? parts.join('~') : LISTING_KEY_ALL;
}

function toHex(text: string): string {
  return Array.from(new TextEncoder().encode(text), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** UTF-8 text from lowercase hex, or null for anything else (odd length, other characters, invalid UTF-8). */
function fromHex(hex: string): string | null {
  if (!/^(?:[0-9a-f]{2})+$/.test(hex)) return null;
  const bytes = Uint8Array.from(hex.match(/../g)!, (h) => parseInt(h, 16));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The query of a listing key, or null unless the key is exactly the one listingKey gives for it. */
/** A search of MAX_QUERY_CHARS characters of up to 4 UTF-8 bytes each, in hex, and every other field. */
const MAX_KEY_CHARS = 2 + MAX_QUERY_CHARS * 8 + 300;

export function queryFromListingKey(key: string): CatalogQuery | null {
  if (key.length > MAX_KEY_CHARS) return null;
  const raw: Record<string, string> = {};
  if (key !== LISTING_KEY_ALL) {
    for (const part of key.split('~')) {
      const dot = part.indexOf('.');
      const name = part.slice(0, dot);
      if (dot < 1 || !(KEY_FIELDS as readonly string[]).includes(name) || name in raw) return null;
      const value = part.slice(dot + 1);
      const text = name === 'q' ? fromHex(value) : value;
      if (text === null) return null;
      raw[name] = text;
    }
  }
  const { query, errors } = parseCatalogQuery(raw);
  return Object.keys(errors).length || listingKey(query) !== key ? null : query;
}
