/**
 * Catalog search at 10,000 products: p50/p99 of searchProducts for short Chinese queries (where trigram
 * indexes cannot help), a Latin code, multi-term and no-hit queries, plus the plan used.
 *
 *   npx tsx --conditions=react-server bench/search.ts          # PGlite in memory
 *   DATABASE_URL=postgres://… npx tsx --conditions=react-server bench/search.ts   # a fresh database on that server
 */
import { sql } from 'drizzle-orm';
import { useSeededDatabase } from './fresh-db';

const N = Number(process.env.BENCH_PRODUCTS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);

const { getDb, rowsOf, done } = await useSeededDatabase();
const { searchProducts } = await import('@/db/queries/catalog');
const { parseCatalogQuery } = await import('@/lib/validation/catalog');
const { chinaDate } = await import('@/domain/time');
const db = getDb();

// Multiply the demo catalog to N products: same suppliers and categories, varied names and text.
const t0 = performance.now();
const words = ['高山', '生态', '农家', '手工', '有机', '精选', '礼盒', '散装', '新鲜', '传统'];
const existing = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from products`))[0]!.n;
for (let start = existing; start < N; start += 2000) {
  const count = Math.min(2000, N - start);
  await db.execute(sql`
    insert into products (slug, code, name, spec, description, category_id, supplier_id, price_fen, reference_price_fen, stock, status, listed_at)
    select 'bench-' || g, 'BX' || lpad(g::text, 6, '0'),
      ${sql.raw(`(array['${words.join("','")}'])`)}[1 + g % 10] || p.name || ' ' || g,
      p.spec, p.description || ' 批次 ' || g, p.category_id, p.supplier_id, p.price_fen + (g % 500), p.reference_price_fen, 50, 'listed',
      now() - (g || ' minutes')::interval
    from generate_series(${start}::int, ${start + count - 1}::int) g
    join lateral (select * from products where slug not like 'bench-%' order by id offset (g % ${existing}::int) limit 1) p on true`);
}
await db.execute(sql`analyze`);
const genMs = performance.now() - t0;
const total = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from products`))[0]!.n;

const today = chinaDate();
const queries: Record<string, string>[] = [
  { q: '茶' },
  { q: '刺绣' },
  { q: '红米' },
  { q: '芒果 5kg' },
  { q: 'bx000123' },
  { q: '高山 礼盒' },
  { q: '锡矿' },
  { q: '刺绣', category: 'embroidery', certified: '1', sort: 'price_asc' },
  {},
];

console.log(
  `\n${total} products (generated ${N - existing} in ${Math.round(genMs)} ms) on ${process.env.DATABASE_URL ? 'postgres' : 'pglite'}, ${RUNS} runs per query`,
);
console.log('\n| query | hits | p50 ms | p99 ms |');
console.log('|---|---:|---:|---:|');
for (const raw of queries) {
  const { query } = parseCatalogQuery(raw);
  const times: number[] = [];
  let hits = 0;
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    const r = await searchProducts({ query, today });
    times.push(performance.now() - s);
    hits = r.total;
  }
  times.sort((a, b) => a - b);
  const p = (x: number) => times[Math.min(times.length - 1, Math.floor(x * times.length))]!.toFixed(2);
  console.log(
    `| ${
      Object.entries(raw)
        .map(([k, v]) => `${k}=${v}`)
        .join('&') || '(all)'
    } | ${hits} | ${p(0.5)} | ${p(0.99)} |`,
  );
}
const plan = rowsOf<Record<string, string>>(
  await db.execute(
    sql`explain select id from products where search_grams @> gj_query_grams('刺绣') and search_text like '%刺绣%'`,
  ),
);
console.log('\nplan for 刺绣:\n  ' + plan.map((r) => Object.values(r)[0]).join('\n  '));
await done();
