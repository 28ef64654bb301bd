import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeFs } from 'next/dist/server/lib/node-fs-methods';
import PageCacheHandler, { LISTING_PAGE_BYTES, isMemoryListingKey, listingPages } from './page-cache-handler.js';

const dir = mkdtempSync(path.join(tmpdir(), 'gj-page-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const handler = new PageCacheHandler({
  fs: nodeFs,
  serverDistDir: dir,
  flushToDisk: true,
  revalidatedTags: [],
  maxMemoryCacheSize: 0,
});
const ctx = { kind: 'APP_PAGE', isRoutePPREnabled: true, isFallback: false };
const route = (p: string) => `/route-cache/APP_PAGE/0a1b/$${p}`;
const page = (html: string, tags = 'catalog,_N_T_/listing') => ({
  kind: 'APP_PAGE',
  html,
  rscData: Buffer.from('rsc'),
  headers: { 'x-next-cache-tags': tags },
  status: 200,
  segmentData: new Map([['/_tree', Buffer.from('tree')]]),
});
const files = () => readdirSync(dir, { recursive: true }).map(String);

describe('the page cache: listings that are not prerendered in a bounded memory LRU, every other page as Next keeps it', () => {
  it('keeps in memory every listing but /products and a category alone (those are prerendered)', () => {
    for (const key of [
      '/listing/q.e88a92e69e9c',
      '/listing/q.e88a92e69e9c~category.fruit~sort.sales',
      '/listing/category.tea~page.500',
      '/listing/category.tea~sort.sales',
      '/listing/township.jijie',
      '/listing/certified.1',
      '/listing/page.2',
    ])
      expect(isMemoryListingKey(route(key)), key).toBe(true);
    for (const key of [
      route('/listing/all'),
      route('/listing/category.tea'),
      route('/products/manhao-mangoes'),
      route('/listing/q.e88a/x'),
      route('/index'),
      '/listing/q.e88a',
    ])
      expect(isMemoryListingKey(key), key).toBe(false);
  });

  it('keeps a search page in memory and writes nothing to disk; other pages go to disk as before', async () => {
    const key = route('/listing/q.e88a92e69e9c');
    await handler.set(key, page('<p>芒果</p>'), { ...ctx, cacheControl: { revalidate: 300, expire: 3600 } });
    const hit = await handler.get(key, ctx);
    expect((hit?.value as { html: string }).html).toBe('<p>芒果</p>');
    expect(hit?.cacheControl).toEqual({ revalidate: 300, expire: 3600 });
    expect(files().some((f) => f.includes('q.e88a'))).toBe(false);

    // Next's FileSystemCache, unchanged (a page without PPR: HTML, RSC payload and metadata files).
    const whole = { ...ctx, isRoutePPREnabled: false };
    await handler.set(route('/listing/category.tea'), page('<p>茶</p>'), whole);
    expect(files().some((f) => f.endsWith('category.tea.html'))).toBe(true);
    expect(((await handler.get(route('/listing/category.tea'), whole))?.value as { html: string }).html).toBe(
      '<p>茶</p>',
    );
  });

  it('misses a search page whose tags were expired after it was kept (a catalog change)', async () => {
    const key = route('/listing/q.e5b9b2');
    await handler.set(key, page('<p>干</p>', 'gj-test-expire,_N_T_/listing'), ctx);
    expect(await handler.get(key, ctx)).not.toBeNull();
    await new Promise((r) => setTimeout(r, 5));
    await handler.revalidateTag(['gj-test-expire']);
    expect(await handler.get(key, ctx)).toBeNull();
  });

  it('holds at most LISTING_PAGE_BYTES, evicting the least recently used (many made-up searches or pages)', async () => {
    const big = 'x'.repeat(1024 * 1024);
    const first = route('/listing/q.6669727374');
    await handler.set(first, page(big), ctx);
    const count = Math.ceil(LISTING_PAGE_BYTES / big.length) + 5;
    for (let i = 0; i < count; i++)
      await handler.set(route(`/listing/q.${i.toString(16).padStart(4, '0')}`), page(big), ctx);
    expect(listingPages.has(first)).toBe(false);
    expect(await handler.get(first, ctx)).toBeNull();
    // Each holds 1 MB of text (2 MB as V8 keeps it).
    expect(listingPages.size).toBeLessThanOrEqual(LISTING_PAGE_BYTES / (2 * big.length));
    expect(await handler.get(route(`/listing/q.${(count - 1).toString(16).padStart(4, '0')}`), ctx)).not.toBeNull();
    expect(files().some((f) => f.includes('/q.'))).toBe(false);
  });
});
