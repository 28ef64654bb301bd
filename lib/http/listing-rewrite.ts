import 'server-only';
import type { NextRequest } from 'next/server';
import { listCategories, listSuppliers, listTownships } from '@/db/queries/facets';
import { LISTING_KEY_ALL, listingKey, parseCatalogQuery, type CatalogQuery } from '@/lib/validation/catalog';
import { repeatGate } from './repeat-gate';

/**
 * `/products?category=…&sort=…` and `/products?q=…` as people share them, served from `/listing/<key>`
 * (app/(shop)/listing), which renders once per catalog change. Only slugs that exist get a key, so nobody can
 * fill the cache with made-up ones: the known slugs are read at most once a minute. Searches are free text and
 * pages many, so those listings are kept in a bounded in-memory LRU (lib/cache/page-cache-handler.js). Anything
 * else (a price range, an unknown or malformed value) stays on /products and renders per request, notices
 * included.
 */
/** The internal route of the static listings (app/(shop)/listing/[key]); it has no page of its own. */
export const LISTING_PATH = '/listing';
const KNOWN_MS = 60_000;
let known: { at: number; values: Promise<Set<string>> } | null = null;

function knownValues(): Promise<Set<string>> {
  if (!known || Date.now() - known.at > KNOWN_MS) {
    const values = Promise.all([listCategories(), listTownships(), listSuppliers()]).then(
      ([c, t, s]) =>
        new Set([
          ...c.map((x) => `category:${x.slug}`),
          ...t.map((x) => `township:${x.slug}`),
          ...s.map((x) => `supplier:${x.slug}`),
        ]),
    );
    known = { at: Date.now(), values };
    // A failed read is not remembered.
    values.catch(() => (known = null));
  }
  return known.values;
}

async function valuesExist(q: CatalogQuery): Promise<boolean> {
  const wanted = (['category', 'township', 'supplier'] as const).flatMap((f) => (q[f] ? [`${f}:${q[f]}`] : []));
  if (!wanted.length) return true;
  const values = await knownValues();
  return wanted.every((w) => values.has(w));
}

/**
 * A search is served from its listing from its second ask on (per instance, within 10 minutes). Keeping a
 * page costs a whole prerender, several times a per-request render, and most searches are asked once: a
 * search typed once renders per request as before, a search many people make (a livestream's word) is
 * rendered once more and then kept.
 */
const searchAskedBefore = repeatGate({ max: 10_000, windowMs: 10 * 60_000 });

/** The internal URL a catalog document or RSC request is served from, or null to render it per request. */
export async function listingRewrite(req: NextRequest): Promise<URL | null> {
  const { pathname, searchParams } = req.nextUrl;
  if (pathname !== '/products' || (req.method !== 'GET' && req.method !== 'HEAD')) return null;
  const raw: Record<string, string[]> = {};
  for (const name of new Set(searchParams.keys())) raw[name] = searchParams.getAll(name);
  const { query, errors } = parseCatalogQuery(raw);
  const key = Object.keys(errors).length ? null : listingKey(query);
  if (!key || (key !== LISTING_KEY_ALL && !(await valuesExist(query)))) return null;
  if (key.startsWith('q.') && !searchAskedBefore(key)) return null;
  const url = req.nextUrl.clone();
  url.pathname = `${LISTING_PATH}/${key}`;
  return url;
}
