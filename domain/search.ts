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
