/** Types of lib/cache/page-cache-handler.js (plain JavaScript that Next loads by path), for its tests. */
type Entry = { value: unknown; lastModified: number; cacheControl?: unknown };
export declare const LISTING_PAGE_BYTES: number;
export declare function isMemoryListingKey(key: string): boolean;
export declare const listingPages: {
  get(key: string): Entry | undefined;
  has(key: string): boolean;
  readonly size: number;
};
export default class PageCacheHandler {
  constructor(ctx: {
    fs: unknown;
    serverDistDir: string;
    flushToDisk: boolean;
    revalidatedTags: string[];
    maxMemoryCacheSize?: number;
  });
  get(key: string, ctx: Record<string, unknown>): Promise<Entry | null>;
  set(key: string, data: unknown, ctx: Record<string, unknown>): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
}
