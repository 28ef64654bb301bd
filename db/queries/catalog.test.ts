import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb, rowsOf } from '@/db/client';
import { seedDemoData } from '@/db/seed';
import { PRODUCTS } from '@/db/seed-data/products';
import { parseCatalogQuery } from '@/lib/validation/catalog';
import { useSeededDatabase } from '@/scripts/test-support/database';
import { searchProducts } from './catalog';
import { listCategories } from './facets';
import { getCertificateByNo, getProductBySlug } from './product';
import { chinaDate } from '@/domain/time';

useSeededDatabase();
const today = chinaDate();
const search = (raw: Record<string, string>) =>
  searchProducts({ query: parseCatalogQuery({ pageSize: '100', ...raw }).query, today });

describe('seed', () => {
  it('is idempotent: a re-run changes nothing', async () => {
    const counts = async () =>
      rowsOf<Record<string, string | number>>(
        await getDb().execute(sql`select
          (select count(*) from products)::int as products, (select count(*) from suppliers)::int as suppliers,
          (select count(*) from categories)::int as categories, (select count(*) from certifications)::int as certs,
          (select count(*) from product_images)::int as images, (select count(*) from product_tier_prices)::int as tiers,
          (select string_agg(expires_on::text, ',' order by id) from certifications) as expiry`),
      )[0];
    const before = await counts();
    await seedDemoData(getDb(), Date.now() + 40 * 86_400_000);
    expect(await counts()).toEqual(before);
    expect(Number(before!.products)).toBeGreaterThanOrEqual(40);
    expect(Number(before!.suppliers)).toBeGreaterThanOrEqual(8);
  });

  it('has the seven categories with listed products in each', async () => {
    const cats = await listCategories();
    expect(cats.map((c) => c.name)).toEqual(['蔬菜', '水果', '茶叶', '肉禽蛋', '粮油干货', '特色加工', '刺绣工艺品']);
    for (const c of cats) {
      const listed = await search({ category: c.slug });
      expect(c.productCount).toBe(listed.total);
      expect(c.productCount).toBeGreaterThan(1);
    }
  });
});

describe('searchProducts', () => {
  it('finds every listed embroidery item for 刺绣', async () => {
    const all = await search({ category: 'embroidery' });
    const found = await search({ q: '刺绣' });
    expect(all.total).toBeGreaterThanOrEqual(10);
    const foundSlugs = new Set(found.items.map((p) => p.slug));
    for (const p of all.items) expect(foundSlugs).toContain(p.slug);
  });

  it('matches single characters and Latin text, case-insensitively', async () => {
    const tea = await search({ q: '茶' });
    expect(tea.items.some((p) => p.slug === 'kafang-cloud-green-tea')).toBe(true);
    const code = await search({ q: 'gj0001' });
    expect(code.items.map((p) => p.code)).toEqual(['GJ0001']);
  });

  it('requires every term to match', async () => {
    const r = await search({ q: '刺绣 围巾' });
    expect(r.items.map((p) => p.slug)).toEqual(['yi-embroidered-scarf']);
  });

  it('combines filters', async () => {
    const r = await search({ category: 'fruit', certified: '1', minPrice: '40', maxPrice: '70' });
    expect(r.total).toBeGreaterThan(0);
    for (const p of r.items) {
      expect(p.category.slug).toBe('fruit');
      expect(p.badge).toBe('certified');
      expect(p.priceFen).toBeGreaterThanOrEqual(4000);
      expect(p.priceFen).toBeLessThanOrEqual(7000);
    }
    const papaya = PRODUCTS.find((p) => p.slug === 'manhao-papaya')!;
    expect(papaya.cert).toBe('expired');
    expect(r.items.some((p) => p.slug === 'manhao-papaya')).toBe(false);

    const t = await search({ township: 'datun', q: '胸针' });
    expect(t.items.map((p) => p.slug)).toEqual(['embroidered-brooch']);
    const s = await search({ supplier: 'kafang-ecotea-coop', sort: 'price_asc' });
    const prices = s.items.map((p) => p.priceFen);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
  });

  it('never lists products that are not listed', async () => {
    const r = await search({ q: '背被' });
    expect(r.total).toBe(0);
  });

  it('treats %, _ and SQL fragments as plain text', async () => {
    for (const q of ['%', '_', "' or 1=1 --", 'x%_\\', '"); drop table products; --']) {
      const r = await search({ q });
      expect(r.total).toBe(0);
    }
    const all = await search({});
    expect(all.total).toBeGreaterThanOrEqual(40);
  });

  it('paginates with a stable total', async () => {
    const p1 = await searchProducts({ query: parseCatalogQuery({ pageSize: '10' }).query, today });
    const p2 = await searchProducts({ query: parseCatalogQuery({ pageSize: '10', page: '2' }).query, today });
    const far = await searchProducts({ query: parseCatalogQuery({ pageSize: '10', page: '400' }).query, today });
    expect(p1.items).toHaveLength(10);
    expect(p2.total).toBe(p1.total);
    expect(p1.items[0]!.slug).not.toBe(p2.items[0]!.slug);
    expect(far.items).toHaveLength(0);
    expect(far.total).toBe(p1.total);
  });
});

describe('综合 (relevance) over the seed catalog', () => {
  it('puts a product whose name holds the term first for 米, 红米 and 茶', async () => {
    for (const q of ['米', '红米', '茶']) {
      const r = await search({ q });
      expect(r.total, q).toBeGreaterThan(0);
      expect(r.items[0]!.name, q).toContain(q);
    }
  });

  it('ranks every name match above description-only matches, and is the default order', async () => {
    const r = await search({ q: '米' });
    const inName = r.items.map((p) => p.name.includes('米'));
    expect(inName.indexOf(false)).toBeGreaterThan(0);
    expect(inName.slice(inName.indexOf(false))).not.toContain(true); // no name match after the first miss
    expect(r.items.map((p) => p.name)).toContain('锡城油辣子'); // 小米辣 in its description: found, ranked last
    const explicit = await search({ q: '米', sort: 'relevance' });
    expect(explicit.items.map((p) => p.slug)).toEqual(r.items.map((p) => p.slug));
  });

  it('pages through the ranking without repeats, with the same total', async () => {
    const all = await search({ q: '茶' });
    const q = (page: string) =>
      searchProducts({ query: parseCatalogQuery({ q: '茶', pageSize: '2', page }).query, today });
    const pages = await Promise.all(['1', '2', '3'].map(q));
    expect(pages.every((p) => p.total === all.total)).toBe(true);
    expect(pages.flatMap((p) => p.items.map((i) => i.slug))).toEqual(all.items.slice(0, 6).map((i) => i.slug));
  });

  it('keeps the other sorts: newest, price and sales', async () => {
    const newest = await search({ q: '茶', sort: 'newest' });
    const sales = await search({ q: '茶', sort: 'sales' });
    const byPrice = await search({ q: '茶', sort: 'price_desc' });
    expect(new Set(newest.items.map((p) => p.slug))).toEqual(new Set(sales.items.map((p) => p.slug)));
    const s = sales.items.map((p) => p.salesCount);
    expect(s).toEqual([...s].sort((a, b) => b - a));
    const prices = byPrice.items.map((p) => p.priceFen);
    expect(prices).toEqual([...prices].sort((a, b) => b - a));
  });
});

describe('product and certificate', () => {
  it('applies the badge rule on the product page', async () => {
    expect((await getProductBySlug({ slug: 'yi-embroidered-scarf', today }))!.badge).toBe('certified');
    expect((await getProductBySlug({ slug: 'manhao-papaya', today }))!.badge).toBe('expired');
    expect((await getProductBySlug({ slug: 'jijie-chayote', today }))!.badge).toBe('pending');
    expect((await getProductBySlug({ slug: 'laochang-dried-mushrooms', today }))!.badge).toBe('none');
    expect(await getProductBySlug({ slug: 'embroidered-baby-carrier', today })).toBeNull();
  });

  it('returns images, tiers and the supplier card', async () => {
    const p = (await getProductBySlug({ slug: 'manhao-mangoes', today }))!;
    expect(p.images).toHaveLength(2);
    expect(p.tiers.map((t) => t.minQuantity)).toEqual([10, 50]);
    expect(p.supplier.townshipName).toBe('蔓耗镇');
    expect(p.supplier.povertyHouseholds).toBeGreaterThan(0);
  });

  it('finds a certificate by number, case-insensitively', async () => {
    const p = (await getProductBySlug({ slug: 'yi-embroidered-scarf', today }))!;
    const c = await getCertificateByNo({ certificateNo: p.cert!.certificateNo.toLowerCase() });
    expect(c?.product.slug).toBe('yi-embroidered-scarf');
    expect(await getCertificateByNo({ certificateNo: 'NOPE-1' })).toBeNull();
  });
});
