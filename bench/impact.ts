/**
 * The impact figures at scale, on real PostgreSQL:
 *   1. a generator inserts 1,000,000 paid orders (one line each, spread over the programme year, across
 *      every supplier, channel, round and 300 units), their ledger rows, and rolls them up with the
 *      same gj_roll_up the payments use; it reports how long that takes;
 *   2. GET /api/v1/impact latency p50/p99 (one client, sequential);
 *   3. /impact req/s against a static Next page of the same size and a bare node:http server (autocannon, 50 connections).
 *
 *   DATABASE_URL=postgres://… npm run bench:impact      # uses a fresh database on that server; IMPACT_ORDERS=1000000
 */
import { spawnSync } from 'node:child_process';
import postgres from 'postgres';
import { ensureLocalSecrets } from '@/lib/env';
import { createDatabase, requirePostgres } from './fresh-db';
import { generateOrders } from './generate-orders';
import { type LoadResult, loadWithBaselines, printTable, serveWithBaselines } from './lib';

const baseUrl = requirePostgres('bench/impact.ts');
ensureLocalSecrets();
const total = Number(process.env.IMPACT_ORDERS ?? 1_000_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const port = Number(process.env.BENCH_PORT ?? 3500);
const base = `http://127.0.0.1:${port}`;
const fresh = await createDatabase(baseUrl);
const env = { DATABASE_URL: fresh.url, PORT: String(port), DATABASE_POOL_SIZE: '10' };
const build = (extra: Record<string, string> = {}) => {
  const r = spawnSync('npx', ['tsx', 'scripts/build.ts'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...env, ...extra },
  });
  if (r.status !== 0) throw new Error('build failed');
};
const ms = (t0: number) => Math.round(performance.now() - t0);

try {
  build(); // migrates and seeds the fresh database
  const db = postgres(env.DATABASE_URL, { max: 1, onnotice: () => {} });
  const year = Number((await db`select year from programme_targets order by year desc limit 1`)[0]!.year);

  // 1. Generate.
  const t0 = performance.now();
  await generateOrders(db, total, (n) =>
    process.stdout.write(
      `\r  generated ${n.toLocaleString('en')} / ${total.toLocaleString('en')} orders (${ms(t0)} ms)`,
    ),
  );
  const genMs = ms(t0);
  const tA = performance.now();
  await db`analyze`;
  const analyzeMs = ms(tA);
  const [check] =
    await db`select (select count(*) from orders)::int as orders, (select sum(amount_fen) filter (where counted) from sales_ledger)::text as ledger,
    (select amount_fen from sales_rollup where year = ${year} and dim = 'total' and key = '' and counted)::text as rollup`;
  console.log(
    `\n  orders ${check!.orders}, counted from ledger ${check!.ledger}, from rollup ${check!.rollup} (${check!.ledger === check!.rollup ? 'equal' : 'DIFFERENT'})`,
  );

  // 2 and 3: the page's bytes and characters, then a build with a static page of that shape.
  const { server, shapes } = await serveWithBaselines({ port, paths: ['/impact'], env, build });
  const shape = shapes[0]!;

  const lat: number[] = [];
  for (let i = 0; i < 20; i++) await fetch(`${base}/api/v1/impact`);
  for (let i = 0; i < 300; i++) {
    const t = performance.now();
    const r = await fetch(`${base}/api/v1/impact`);
    await r.arrayBuffer();
    lat.push(performance.now() - t);
  }
  lat.sort((a, b) => a - b);
  const pct = (p: number) => lat[Math.min(lat.length - 1, Math.floor((p / 100) * lat.length))]!.toFixed(1);

  const { page, stat, raw } = await loadWithBaselines(base, '/impact', shape, port + 1, seconds);
  const rows: LoadResult[] = [page, stat, raw];
  server.kill('SIGTERM');
  await db.end();

  console.log(
    `\n${total.toLocaleString('en')} paid orders generated in ${genMs} ms (orders + lines + ledger + rollups, 100,000 per transaction), analyze ${analyzeMs} ms`,
  );
  console.log(`GET /api/v1/impact, one client, 300 requests: p50 ${pct(50)} ms, p99 ${pct(99)} ms`);
  printTable(rows, (r) => (r === rows[0] ? rows[1] : undefined));
  console.log(
    `\n/impact vs static Next page: ${(rows[0]!.rps / rows[1]!.rps).toFixed(2)}; vs bare node:http: ${(rows[0]!.rps / rows[2]!.rps).toFixed(2)}`,
  );
} finally {
  await fresh.drop();
}
