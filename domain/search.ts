/** Search input rules. The index side lives in SQL (gj_grams / gj_query_grams, migration 0001). */
export const MAX_QUERY_CHARS = 50;
export const MAX_QUERY_TERMS = 5;

/** NFKC folds full-width letters and digits (ＡＢＣ１２３) to ASCII; case and spacing are folded too. */
export function normalizeQuery(q: string): string {
  return q.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The distinct terms of a query; every term must match (AND). */
export function queryTerms(q: string): string[] {
  const terms = normalizeQuery(q).slice(0, MAX_QUERY_CHARS).split(' ').filter(Boolean);
  return [...new Set(terms)].slice(0, MAX_QUERY_TERMS);
}

/**
 * Searches served as static pages (lib/http/listing-rewrite.ts): the terms people are likely to type, taken
 * from the catalog's own names (products, categories, suppliers, townships): every run of 1 to
 * STATIC_TERM_CHARS characters inside a word of a name, as normalised. Such a search renders once per catalog
 * change, like a category; any other search renders per request. At most MAX_STATIC_TERMS terms, those found
 * in the most names first, so a large catalog cannot make the cache unbounded.
 */
export const STATIC_TERM_CHARS = 8;
export const MAX_STATIC_TERMS = 2000;

export function staticSearchTerms(names: readonly string[], limit = MAX_STATIC_TERMS): Set<string> {
  const found = new Map<string, Set<number>>();
  names.forEach((name, i) => {
    for (const word of normalizeQuery(name).split(/[\s\p{P}\p{S}]+/u)) {
      const chars = Array.from(word);
      for (let start = 0; start < chars.length; start++)
        for (let end = start + 1; end <= Math.min(chars.length, start + STATIC_TERM_CHARS); end++) {
          const term = chars.slice(start, end).join('');
          const seen = found.get(term) ?? new Set<number>();
          seen.add(i);
          found.set(term, seen);
        }
    }
  });
  const ranked = [...found].sort(
    ([a, x], [b, y]) => y.size - x.size || Array.from(a).length - Array.from(b).length || (a < b ? -1 : a > b ? 1 : 0),
  );
  return new Set(ranked.slice(0, limit).map(([term]) => term));
}

/** Whether a normalised search may have a static page: one word of at most STATIC_TERM_CHARS characters. */
export function isStaticTermShape(q: string): boolean {
  const n = Array.from(q).length;
  return n > 0 && n <= STATIC_TERM_CHARS && q === normalizeQuery(q) && !q.includes(' ');
}

/** Escapes LIKE metacharacters so that % and _ typed by a person match literally. */
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * A catalog search as the store runs it (parsed from /products and the API by lib/validation/catalog).
 * `relevance` (综合) is the default: with a query, domain/search-rank.ts; without one, featured products,
 * then best sellers, then the newest.
 */
export const CATALOG_SORTS = ['relevance', 'sales', 'price_asc', 'price_desc', 'newest'] as const;
export const DEFAULT_SORT: CatalogSort = 'relevance';
export type CatalogSort = (typeof CATALOG_SORTS)[number];
export const CATALOG_PAGE_SIZE = 20;
export const MAX_CATALOG_PAGE = 500;

export type CatalogQuery = {
  q: string;
  category?: string;
  township?: string;
  supplier?: string;
  certifiedOnly: boolean;
  minPriceFen?: number;
  maxPriceFen?: number;
  sort: CatalogSort;
  page: number;
  pageSize: number;
};
