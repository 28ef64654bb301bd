// @ts-check
/**
 * The 'use cache' handler: Next's own in-memory cache per process, plus tag invalidations shared
 * through PostgreSQL, so that several app instances behind a load balancer agree within about a
 * second (a listing edit on one instance shows on the others; see README "Several instances").
 *
 * - updateTags (revalidateTag / updateTag here) expires the tags locally and records them in
 *   cache_tags with a new version (batched every 100 ms).
 * - Every second (and at most once a second on requests), new versions are read and expired locally.
 * - On the first read, made as the module loads, every tag is expired as of the time it was last
 *   invalidated: the pages kept on disk in .next outlive the process, and one rendered before an
 *   invalidation that happened while this instance was down (or that its previous process never
 *   re-rendered) is stale. The page cache waits for this read before its first answer.
 * With PGlite (one process by design) there is no other instance, but the pages on disk outlive the
 * process all the same: the same record is kept in a small file beside them (<distDir>/cache/
 * expired-tags.json, tag → when it was last invalidated), written with the same batching and read as
 * the module loads.
 *
 * The one file of lib/ besides lib/env.ts that reads process.env: Next loads it by path as plain
 * JavaScript, outside the app's module graph (no TypeScript, no `@/` aliases), before any request, so it
 * cannot import lib/env.ts. It reads DATABASE_URL and CACHE_TAG_POLL_MS, which lib/env.ts declares, so a
 * bad value still stops the start (instrumentation.ts), and NEXT_DIST_DIR as next.config.mjs does.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { createDefaultCacheHandler } from 'next/dist/server/lib/cache-handlers/default.js';
import { tagsManifest } from 'next/dist/server/lib/incremental-cache/tags-manifest.external.js';

const local = createDefaultCacheHandler(50 * 1024 * 1024);
const url = process.env.DATABASE_URL;
const sql = url ? postgres(url, { max: 1, idle_timeout: 60, connect_timeout: 5, onnotice: () => {} }) : null;
const POLL_MS = Number(process.env.CACHE_TAG_POLL_MS ?? 1000);

/** Without PostgreSQL: the file that keeps, across restarts, when each tag was last invalidated. */
export const JOURNAL = sql ? null : path.join(process.env.NEXT_DIST_DIR || '.next', 'cache', 'expired-tags.json');

/**
 * Next's own clock for tag times (tags-manifest: performance.timeOrigin + performance.now()). Date.now() can
 * run a few ms apart from it, and an expiry stamped by one and checked against the other can land in the future.
 */
const clock = () => performance.timeOrigin + performance.now();

/** @type {bigint | null} */
let seen = null;
let lastPoll = 0;
/** @type {Promise<void> | null} */
let polling = null;
let warned = false;

/**
 * Marks a tag expired at `at` (ms since the epoch), the way Next's own updateTags marks it at "now": an
 * entry made before `at` is expired, one made after is not. Never moves an expiry back.
 * @param {string} tag
 * @param {number} at
 */
function expireAsOf(tag, at) {
  // Never in the future (a database clock ahead of this one, a hand-edited file): until then every entry
  // would count as stale and be rendered again on each request.
  at = Math.min(at, clock());
  const entry = tagsManifest.get(tag) ?? {};
  if ((entry.expired ?? 0) >= at) return;
  tagsManifest.set(tag, { ...entry, stale: Math.max(entry.stale ?? 0, at), expired: at });
}

/** @returns {Record<string, number>} */
function readJournal() {
  if (!JOURNAL) return {};
  try {
    const parsed = JSON.parse(readFileSync(JOURNAL, 'utf8'));
    /** @type {Record<string, number>} */
    const out = {};
    for (const [tag, at] of Object.entries(parsed ?? {})) if (Number.isFinite(at)) out[tag] = Number(at);
    return out;
  } catch {
    return {}; // none yet (a fresh build), or unreadable: nothing known to have been invalidated
  }
}
/** Tag → last invalidation (ms), as kept in JOURNAL. */
const journal = readJournal();
for (const [tag, at] of Object.entries(journal)) expireAsOf(tag, at);

async function pull() {
  if (!sql) return;
  const now = Date.now();
  if (polling || now - lastPoll < POLL_MS) return polling ?? undefined;
  lastPoll = now;
  polling = (async () => {
    try {
      if (seen === null) {
        const rows = await sql`
          select tag, version::text as v, (extract(epoch from updated_at) * 1000)::float8 as at from cache_tags`;
        for (const r of rows) expireAsOf(r.tag, r.at);
        seen = rows.reduce((max, r) => (BigInt(r.v) > max ? BigInt(r.v) : max), 0n);
        return;
      }
      const rows =
        await sql`select tag, version::text as v from cache_tags where version > ${seen.toString()} order by version limit 1000`;
      if (rows.length) {
        seen = BigInt(rows[rows.length - 1].v);
        await local.updateTags(
          rows.map((r) => r.tag),
          { expire: 0 },
        );
      }
      warned = false;
    } catch (e) {
      // The database is unreachable: keep serving; entries still expire by their own time.
      if (!warned) console.error('[cache] shared tags unavailable:', e instanceof Error ? e.message : e);
      warned = true;
    } finally {
      polling = null;
    }
  })();
  return polling;
}

if (sql) setInterval(() => void pull(), POLL_MS).unref();

/**
 * The first read, started as the module loads. Pages kept on disk are looked up (lib/cache/page-cache-handler.js)
 * without refreshTags, and a restarted instance's first request may come before the first poll: the page
 * cache waits for this read, so that it never serves a page an earlier invalidation made stale.
 */
const firstRead = pull();
globalThis[Symbol.for('gejiu.cache-tags-ready')] = firstRead;

/**
 * Invalidations are published in batches: a burst of orders expiring the same product tag becomes one
 * write every FLUSH_MS instead of one contended row update per order.
 */
const FLUSH_MS = 100;
/** @type {Set<string>} */
const outbox = new Set();
/** @type {NodeJS.Timeout | null} */
let flushTimer = null;

async function flush() {
  flushTimer = null;
  if (!outbox.size) return;
  const tags = [...outbox].sort();
  outbox.clear();
  if (!sql) return writeJournal(tags);
  try {
    await sql`
      insert into cache_tags (tag, version)
      select t, nextval('cache_tag_version_seq') from unnest(${tags}::text[]) as t
      on conflict (tag) do update set version = excluded.version, updated_at = now()`;
  } catch (e) {
    console.error('[cache] could not share a tag invalidation:', e instanceof Error ? e.message : e);
  }
}

let journalWarned = false;
/** @param {string[]} tags */
function writeJournal(tags) {
  if (!JOURNAL) return;
  const now = Math.round(clock());
  for (const t of tags) journal[t] = now;
  try {
    mkdirSync(path.dirname(JOURNAL), { recursive: true });
    writeFileSync(`${JOURNAL}.tmp`, JSON.stringify(journal));
    renameSync(`${JOURNAL}.tmp`, JOURNAL); // whole or not at all, should the process stop mid-write
  } catch (e) {
    // A read-only .next: said once, not on every order (the record is then lost at the next restart).
    if (!journalWarned)
      console.error('[cache] could not record a tag invalidation:', e instanceof Error ? e.message : e);
    journalWarned = true;
  }
}

/** @type {import('next/dist/server/lib/cache-handlers/types').CacheHandler} */
const handler = {
  get: (key, softTags) => local.get(key, softTags),
  set: (key, pending) => local.set(key, pending),
  async refreshTags() {
    await pull();
    await local.refreshTags();
  },
  getExpiration: (tags) => local.getExpiration(tags),
  async updateTags(tags, durations) {
    await local.updateTags(tags, durations);
    if (!tags.length) return;
    for (const t of tags) outbox.add(t);
    flushTimer ??= setTimeout(() => void flush(), FLUSH_MS);
  },
};

// lib/cache/invalidate.ts expires tags through this handler outside a request (the expiry sweep), where
// Next's revalidateTag cannot run: locally at once, and for the other instances through cache_tags.
globalThis[Symbol.for('gejiu.cache-handler')] = handler;

export default handler;
