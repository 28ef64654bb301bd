import { normalizeQuery, queryTerms } from './search';

/**
 * 综合 (relevance) order of a catalog search with a query. Every candidate already matches every term
 * (in its own text, or through its supplier's or category's name); among them:
 *
 * 1. an exact name match first (the whole query equals the product's name, spacing ignored);
 * 2. then name bigram coverage: how many of the query's grams occur in the name (a one-character term
 *    is its own gram, a longer term its adjacent pairs, as the search index has them): "米" puts
 *    保和高原红米 before 锡城油辣子, whose description merely mentions 小米辣;
 * 3. then the terms found in the product's own text (name, spec, code, description), so that a
 *    description match comes before a product matched only through its supplier or category;
 * 4. then best sellers, then the most recently listed, then the highest id (a total order).
 */
export type RankCandidate = {
  id: number;
  name: string;
  /** How many of the query's terms occur in the product's own text (from the database). */
  textHits: number;
  salesCount: number;
  /** Listing time in ms since the epoch; 0 when never listed. */
  listedAt: number;
};

/** The grams the index asks of one term: the character itself, or every adjacent pair. */
export function termGrams(term: string): string[] {
  const chars = [...term];
  if (chars.length <= 1) return chars;
  return [...new Set(chars.slice(1).map((c, i) => chars[i] + c))];
}

/** Every character and adjacent pair of a text (whitespace excluded), as gj_grams indexes it. */
export function textGrams(text: string): Set<string> {
  const chars = [...normalizeQuery(text)];
  const out = new Set<string>();
  chars.forEach((c, i) => {
    if (!/\s/.test(c)) out.add(c);
    const pair = c + (chars[i + 1] ?? '');
    if (chars[i + 1] !== undefined && !/\s/.test(pair)) out.add(pair);
  });
  return out;
}

const squash = (s: string) => normalizeQuery(s).replace(/ /g, '');

/** The sort key of one candidate, most significant first; larger is more relevant. */
export function relevanceKey(q: string, c: Pick<RankCandidate, 'name' | 'textHits'>): [number, number, number] {
  const grams = [...new Set(queryTerms(q).flatMap(termGrams))];
  const inName = textGrams(c.name);
  const covered = grams.filter((g) => inName.has(g)).length;
  const exact = squash(q) !== '' && squash(c.name) === squash(q) ? 1 : 0;
  return [exact, covered, c.textHits];
}

/** The candidates in 综合 order (a new array). */
export function rankByRelevance<T extends RankCandidate>(q: string, candidates: readonly T[]): T[] {
  const keyed = candidates.map((c) => ({ c, k: relevanceKey(q, c) }));
  keyed.sort(
    (a, b) =>
      b.k[0] - a.k[0] ||
      b.k[1] - a.k[1] ||
      b.k[2] - a.k[2] ||
      b.c.salesCount - a.c.salesCount ||
      b.c.listedAt - a.c.listedAt ||
      b.c.id - a.c.id,
  );
  return keyed.map((x) => x.c);
}
