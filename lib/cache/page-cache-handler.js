// @ts-check
/**
 * The page cache (Next's incremental cache: prerendered and revalidated pages). Next's own file-system cache,
 * except for the listings that are not prerendered (lib/validation/catalog.ts listingKey): a search (any words
 * people type), a sort, a page, a township or supplier, 只看认定, or several of them (`/listing/q.<hex>`,
 * `/listing/category.tea~page.7`). Each is rendered once and kept, but in memory only, in an LRU of at most
 * LISTING_PAGE_BYTES. Their number has no useful bound (any words, 500 pages of every combination), so many
 * different ones evict the least recently used instead of filling the disk (a search is kept only from its
 * second ask on, lib/http/listing-rewrite.ts). `/products` (`all`) and each category alone are prerendered at
 * build and stay on disk as Next keeps them. Each instance keeps its own; catalog changes expire them by tag
 * exactly as Next expires the pages it keeps on disk (areTagsExpired, as FileSystemCache.get).
 *
 * Next loads it by path (next.config.mjs `cacheHandler`), outside the app's module graph, so it is plain
 * JavaScript like lib/cache/shared-tags-handler.js.
 */
import fileSystemCache from 'next/dist/server/lib/incremental-cache/file-system-cache.js';
import { areTagsExpired } from 'next/dist/server/lib/incremental-cache/tags-manifest.external.js';
import { LRUCache } from 'next/dist/server/lib/lru-cache.js';

/** @type {any} */
const FileSystemCache = /** @type {any} */ (fileSystemCache).default ?? fileSystemCache;

/** About 200 listing pages (60 KB of HTML, their RSC payload and prefetch segments) per instance. */
export const LISTING_PAGE_BYTES = 48 * 1024 * 1024;
const TAGS_HEADER = 'x-next-cache-tags';
const TAGS_READY = Symbol.for('gejiu.cache-tags-ready');

/**
 * Storage keys (`/route-cache/APP_PAGE/<route hash>/$/listing/<listing key>`) of the listings kept in memory:
 * every listing key but `all` and a category alone.
 */
export function isMemoryListingKey(/** @type {string} */ key) {
  const listing = /\/\$\/listing\/([^/]+)$/.exec(key)?.[1];
  return listing !== undefined && !/^(?:all|category\.[a-z0-9-]+)$/.test(listing);
}

/**
 * Bytes an entry holds, at most: its HTML and resume data (strings, counted at two bytes a UTF-16 unit, as V8
 * keeps text with Chinese in it), its RSC payload and prefetch segments (buffers).
 */
function entrySize(/** @type {any} */ entry, /** @type {string} */ key) {
  const v = entry?.value;
  let size = 2 * (key.length + (v?.html?.length ?? 0) + (v?.postponed?.length ?? 0)) + (v?.rscData?.length ?? 0);
  if (v?.segmentData) for (const [path, buf] of v.segmentData) size += 2 * path.length + (buf?.length ?? 0);
  return Math.max(size, 1);
}

export const listingPages = new LRUCache(LISTING_PAGE_BYTES, entrySize);

export default class PageCacheHandler extends FileSystemCache {
  /** @param {string} key @param {any} ctx */
  async get(key, ctx) {
    // After a start, the shared tags' first read (lib/cache/shared-tags-handler.js) comes before any answer.
    const ready = /** @type {any} */ (globalThis)[TAGS_READY];
    if (ready) await ready;
    if (!isMemoryListingKey(key)) return super.get(key, ctx);
    const data = listingPages.get(key);
    if (!data) return null;
    const tags = data.value?.headers?.[TAGS_HEADER];
    if (typeof tags === 'string' && areTagsExpired(tags.split(','), data.lastModified)) return null;
    return data;
  }

  /** @param {string} key @param {any} data @param {any} ctx */
  async set(key, data, ctx) {
    if (!isMemoryListingKey(key)) return super.set(key, data, ctx);
    if (data) listingPages.set(key, { value: data, lastModified: Date.now(), cacheControl: ctx?.cacheControl });
  }
}
