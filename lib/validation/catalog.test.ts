import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CATALOG_SORTS, catalogHref, listingKey, parseCatalogQuery, queryFromListingKey } from './catalog';
import { MAX_QUERY_CHARS, normalizeQuery } from '@/domain/search';

describe('parseCatalogQuery', () => {
  it('gives defaults for an empty query', () => {
    const { query, errors } = parseCatalogQuery({});
    expect(errors).toEqual({});
    expect(query).toMatchObject({ q: '', certifiedOnly: false, sort: 'relevance', page: 1, pageSize: 20 });
  });
  it('parses every contract parameter', () => {
    const { query, errors } = parseCatalogQuery({
      q: '刺绣',
      category: 'embroidery',
      township: 'datun',
      supplier: 'datun-xingfu-embroidery',
      certified: '1',
      minPrice: '10',
      maxPrice: '99.5',
      sort: 'price_asc',
      page: '2',
    });
    expect(errors).toEqual({});
    expect(query).toMatchObject({
      q: '刺绣',
      category: 'embroidery',
      certifiedOnly: true,
      minPriceFen: 1000,
      maxPriceFen: 9950,
      sort: 'price_asc',
      page: 2,
    });
  });
  it('reports hostile values in Chinese and falls back to defaults', () => {
    const { query, errors } = parseCatalogQuery({
      page: '-1',
      sort: 'drop',
      category: "x' or 1=1--",
      minPrice: 'abc',
      q: 'x'.repeat(10_000),
    });
    expect(query.page).toBe(1);
    expect(query.sort).toBe('relevance');
    expect(query.category).toBeUndefined();
    expect(query.minPriceFen).toBeUndefined();
    expect(query.q).toBe('');
    expect(Object.keys(errors).sort()).toEqual(['category', 'minPrice', 'page', 'q', 'sort']);
    for (const m of Object.values(errors)) expect(m).toMatch(/[\u4e00-\u9fff]/);
  });
  it('rejects page=abc and an inverted price range', () => {
    expect(parseCatalogQuery({ page: 'abc' }).errors.page).toBeDefined();
    const r = parseCatalogQuery({ minPrice: '50', maxPrice: '10' });
    expect(r.errors.maxPrice).toBe('最高价不能低于最低价');
    expect(r.query.minPriceFen).toBeUndefined();
  });
  it('takes the first of repeated parameters', () => {
    expect(parseCatalogQuery({ page: ['3', '4'] }).query.page).toBe(3);
  });
});

describe('catalogHref', () => {
  it('round-trips through the parser', () => {
    const href = catalogHref({
      q: '茶',
      category: 'tea',
      certifiedOnly: true,
      minPriceFen: 1050,
      sort: 'sales',
      page: 2,
    });
    expect(href).toBe('/products?q=%E8%8C%B6&category=tea&certified=1&minPrice=10.50&sort=sales&page=2');
    const params = Object.fromEntries(new URL(href, 'http://x').searchParams);
    expect(parseCatalogQuery(params).query).toMatchObject({ q: '茶', minPriceFen: 1050, page: 2, sort: 'sales' });
  });
});

describe('listing keys (the static listings behind /products?…)', () => {
  const q = (raw: Record<string, string>) => parseCatalogQuery(raw).query;

  it('gives /products and bounded filters one canonical key, whatever the parameter order', () => {
    expect(listingKey(q({}))).toBe('all');
    expect(listingKey(q({ sort: 'sales', category: 'tea' }))).toBe('category.tea~sort.sales');
    expect(listingKey(q({ page: '2', certified: '1', township: 'jijie', supplier: 'a-b' }))).toBe(
      'township.jijie~supplier.a-b~certified.1~page.2',
    );
    // Defaults are left out, so ?sort=relevance&page=1&certified=0 is the page /products is.
    expect(listingKey(q({ sort: 'relevance', page: '1', certified: '0' }))).toBe('all');
  });

  it('gives a search a key of its normalised text in hex, first, with the other bounded fields', () => {
    expect(listingKey(q({ q: '芒果' }))).toBe('q.e88a92e69e9c');
    expect(listingKey(q({ q: '  芒果 ' }))).toBe('q.e88a92e69e9c');
    expect(listingKey(q({ q: 'ＴＥＡ' }))).toBe('q.746561');
    // Several words, as normalised: one space between them, so `芒果　 干` is the page `芒果 干` is.
    expect(listingKey(q({ q: '芒果　 干' }))).toBe('q.e88a92e69e9c20e5b9b2');
    expect(listingKey(q({ q: '芒果', sort: 'sales', category: 'fruit', page: '2' }))).toBe(
      'q.e88a92e69e9c~category.fruit~sort.sales~page.2',
    );
    expect(listingKey(q({ q: '一'.repeat(MAX_QUERY_CHARS) }))).toBe(`q.${'e4b880'.repeat(MAX_QUERY_CHARS)}`);
  });

  it('gives none to a search longer than the search reads, a price range or another page size', () => {
    expect(listingKey(q({ q: '一'.repeat(MAX_QUERY_CHARS + 1) }))).toBeNull();
    expect(listingKey(q({ q: '芒果', minPrice: '10' }))).toBeNull();
    expect(listingKey(q({ minPrice: '10' }))).toBeNull();
    expect(listingKey(q({ maxPrice: '99.5', category: 'tea' }))).toBeNull();
    expect(listingKey(q({ pageSize: '50' }))).toBeNull();
  });

  it('reads back exactly the key of any query it gives one (property)', () => {
    const field = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
    fc.assert(
      fc.property(
        fc.record({
          q: field(
            fc.string({ maxLength: 60, unit: fc.constantFrom('芒', '果', ' ', '　', 'Ａ', 'a', 'é', '😀', '\t') }),
          ),
          category: field(fc.constantFrom('tea', 'fruit')),
          sort: field(fc.constantFrom(...CATALOG_SORTS)),
          page: field(fc.integer({ min: 1, max: 500 }).map(String)),
          certified: field(fc.constantFrom('0', '1')),
        }),
        (raw) => {
          const query = q(
            Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)) as Record<string, string>,
          );
          const key = listingKey(query);
          if (key === null) return;
          const back = queryFromListingKey(key);
          expect(back).not.toBeNull();
          expect(listingKey(back!)).toBe(key);
          expect(normalizeQuery(back!.q)).toBe(normalizeQuery(query.q));
        },
      ),
    );
  });

  it('reads back exactly the keys it gives', () => {
    const raws: Record<string, string>[] = [
      {},
      { category: 'tea', sort: 'price_desc' },
      { supplier: 'x', certified: '1', page: '500' },
      { q: '芒果' },
      { q: 'honey' },
    ];
    for (const raw of raws) {
      const query = q(raw);
      expect(queryFromListingKey(listingKey(query)!)).toEqual(query);
    }
  });

  it.each([
    'sort.relevance',
    'page.1',
    'certified.0',
    'sort.sales~category.tea',
    'category.tea~category.fruit',
    'q.mango',
    'q.E88A92E69E9C',
    'q.e88a92e69e9',
    'q.ff',
    'q.20e88a92e69e9c',
    'sort.sales~q.e88a92e69e9c',
    'q.e88a92e69e9c~q.e88a92e69e9c',
    'q.20',
    'q.e88a92e69e9c2020e5b9b2',
    `q.${'e4b880'.repeat(MAX_QUERY_CHARS + 1)}`,
    'q.',
    'minPrice.10',
    'category.TEA',
    'category.tea~',
    'category',
    '.tea',
    'page.501',
    'sort.cheapest',
    `category.${'a'.repeat(400)}`,
    '',
  ])('refuses the non-canonical or unbounded key %j', (key) => {
    expect(queryFromListingKey(key)).toBeNull();
  });
});
