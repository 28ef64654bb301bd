/** Types of lib/cache/shared-tags-handler.js (plain JavaScript that Next loads by path), for its tests. */
import type { CacheHandler } from 'next/dist/server/lib/cache-handlers/types';
/** Without PostgreSQL: the file that keeps when each tag was last invalidated, across restarts. */
export declare const JOURNAL: string | null;
declare const handler: CacheHandler;
export default handler;
