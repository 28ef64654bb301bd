import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { listingRewrite } from '@/lib/http/listing-rewrite';
import { proxy } from '@/proxy';
import { useSeededDatabase } from '@/scripts/test-support/database';

useSeededDatabase();

const rewritten = async (path: string, init?: { method?: string }) =>
  (await listingRewrite(new NextRequest(`http://localhost${path}`, init)))?.pathname ?? null;

describe('/products served from its static listings (proxy.ts, lib/http/listing-rewrite.ts)', () => {
  it('rewrites /products and seeded bounded filters to one key, other parameters ignored', async () => {
    expect(await rewritten('/products')).toBe('/listing/all');
    expect(await rewritten('/products?sort=sales&category=tea&utm_source=wechat')).toBe(
      '/listing/category.tea~sort.sales',
    );
    expect(await rewritten('/products?certified=1&page=2')).toBe('/listing/certified.1~page.2');
  });

  it('serves a search from its listing key from its second ask on, normalised, with the bounded filters beside it', async () => {
    const hex = (text: string) => Buffer.from(text).toString('hex');
    // Asked once: rendered per request (keeping a page costs a prerender, and most searches are asked once).
    expect(await rewritten('/products?q=芒果')).toBeNull();
    expect(await rewritten('/products?q=芒果')).toBe('/listing/q.e88a92e69e9c');
    // The same normalised search, however it is typed, is the same ask.
    expect(await rewritten(`/products?q=${encodeURIComponent(' 芒果　')}&utm_source=x`)).toBe(
      '/listing/q.e88a92e69e9c',
    );
    // Words the catalog does not have, and several words: one page per normalised query all the same.
    for (const [path, key] of [
      ['/products?q=不存在的词', `q.${hex('不存在的词')}`],
      [`/products?q=${encodeURIComponent('芒果  红河')}`, `q.${hex('芒果 红河')}`],
      [`/products?q=${encodeURIComponent('ＨＯＮＥＹ')}`, `q.${hex('honey')}`],
      ['/products?sort=sales&q=芒果&category=fruit', 'q.e88a92e69e9c~category.fruit~sort.sales'],
    ]) {
      expect(await rewritten(path!), path).toBeNull();
      expect(await rewritten(path!), path).toBe(`/listing/${key}`);
    }
  });

  it('leaves long searches, price ranges, invalid and made-up values on /products (rendered per request)', async () => {
    for (const path of [
      `/products?q=${'芒'.repeat(51)}`,
      `/products?q=${'芒'.repeat(51)}`,
      '/products?q=芒果&minPrice=10',
      '/products?q=芒果&category=made-up-category',
      '/products?q=芒果&category=made-up-category',
      '/products?category=tea&minPrice=10',
      '/products?sort=cheapest',
      '/products?category=made-up-category',
      '/products?supplier=no-such-supplier',
      '/products?township=tea',
      '/products?page=0',
    ])
      expect(await rewritten(path), path).toBeNull();
  });

  it('rewrites only reads of /products itself', async () => {
    expect(await rewritten('/products', { method: 'POST' })).toBeNull();
    expect(await rewritten('/products/manhao-mangoes')).toBeNull();
    expect(await rewritten('/listing/all')).toBeNull();
  });

  it('proxy.ts hands the listing a rewrite, keeping the query (an RSC request keeps its _rsc)', async () => {
    const res = await proxy(
      new NextRequest('http://localhost/products?category=tea&_rsc=abc', { headers: { rsc: '1' } }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('x-middleware-rewrite')).toBe('http://localhost/listing/category.tea?category=tea&_rsc=abc');
    const priced = await proxy(new NextRequest('http://localhost/products?minPrice=10'));
    expect(priced.headers.get('x-middleware-rewrite')).toBeNull();
  });

  it('answers a static listing asked for directly, a search key included, with the 404 (reached only through /products)', async () => {
    for (const path of [
      '/listing/all',
      '/listing/q.e88a92e69e9c',
      `/listing/q.${Buffer.from('随便').toString('hex')}`,
    ]) {
      const res = await proxy(new NextRequest(`http://localhost${path}`));
      expect(res.headers.get('x-middleware-rewrite'), path).toBe('http://localhost/404');
    }
  });

  it('sends an unknown product to the 404 before it renders, for documents and client navigations alike', async () => {
    for (const headers of [{}, { rsc: '1' }] as Record<string, string>[]) {
      const unknown = await proxy(new NextRequest('http://localhost/products/no-such-product', { headers }));
      expect(unknown.headers.get('x-middleware-rewrite')).toBe('http://localhost/404');
      const placeholder = await proxy(new NextRequest('http://localhost/products/_', { headers }));
      expect(placeholder.headers.get('x-middleware-rewrite')).toBe('http://localhost/404');
      const known = await proxy(new NextRequest('http://localhost/products/manhao-mangoes', { headers }));
      expect(known.headers.get('x-middleware-rewrite')).toBeNull();
    }
  });
});
