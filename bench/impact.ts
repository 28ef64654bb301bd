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
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import postgres from 'postgres';
import { ensureLocalSecrets } from '@/lib/local-secrets';
import { load, printTable, startNext, waitForHealth, type LoadResult } from './lib';

const baseUrl = process.env.DATABASE_URL;
if (!baseUrl) {
  console.error('bench/impact.ts needs DATABASE_URL (a PostgreSQL server); scripts/pg-throwaway.sh starts one.');
  process.exit(1);
}
ensureLocalSecrets();
const total = Number(process.env.IMPACT_ORDERS ?? 1_000_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const port = Number(process.env.BENCH_PORT ?? 3500);
const base = `http://127.0.0.1:${port}`;
const name = `gejiu_bench_${randomBytes(4).toString('hex')}`;
const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
const url = new URL(baseUrl);
url.pathname = `/${name}`;
const env = { DATABASE_URL: url.toString(), PORT: String(port), DATABASE_POOL_SIZE: '10' };
const build = (extra: Record<string, string> = {}) => {
  const r = spawnSync('npx', ['tsx', 'scripts/build.ts'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...env, ...extra } });
  if (r.status !== 0) throw new Error('build failed');
};
const ms = (t0: number) => Math.round(performance.now() - t0);

try {
  build(); // migrates and seeds the fresh database
  const db = postgres(env.DATABASE_URL, { max: 1, onnotice: () => {} });
  const year = Number((await db`select year from programme_targets order by year desc limit 1`)[0]!.year);
  await db`insert into units (name, credit_code, type, contact_name, status) select '压测单位' || g, 'BENCH' || lpad(g::text, 13, '0'), 'public_institution', '压测', 'verified' from generate_series(1, 300) g`;

  // 1. Generate.
  const chunk = 100_000;
  const t0 = performance.now();
  for (let start = 1; start <= total; start += chunk) {
    const end = Math.min(total, start + chunk - 1);
    await db.begin(async (tx) => {
      await tx`
        create temp table gen on commit drop as
        select g, p.id as product_id, p.supplier_id, p.price_fen, p.category_id, p.name, p.spec, s.township_slug,
               (1 + g % 3) as qty, (g % 5 <> 0) as certified,
               case when g % 10 < 6 then 'online' when g % 10 < 8 then 'unit' when g % 10 < 9 then 'round' else 'livestream' end::sales_channel as channel,
               (select id from units where name = '压测单位' || (1 + g % 300)) as unit_id,
               (select id from promotion_rounds order by round_no limit 1 offset g % 5) as round_id,
               (select id from livestreams order by id limit 1) as livestream_id,
               (make_timestamptz(${year}, 1, 1, 0, 0, 0, 'Asia/Shanghai') + (g % 364) * interval '1 day' + (g % 86000) * interval '1 second') as at
        from generate_series(${start}::int, ${end}::int) g
        join lateral (select id, supplier_id, price_fen, category_id, name, spec from products order by id offset (g % 40) limit 1) p on true
        join suppliers s on s.id = p.supplier_id`;
      await tx`
        insert into orders (order_no, user_id, unit_id, channel, round_id, livestream_id, status, items_fen, shipping_fen, total_fen, paid_fen, payment_method,
                            contact_name_enc, contact_mobile_enc, contact_mobile_hash, shipping_address_enc, access_token_hash, paid_at, created_at)
        select 'GJB' || lpad(g::text, 9, '0'), null, case when channel in ('unit', 'round') then unit_id end, channel,
               case when channel = 'round' then round_id end, case when channel = 'livestream' then livestream_id end,
               'paid', price_fen * qty, 0, price_fen * qty, price_fen * qty, 'simulated',
               '\\x00', '\\x00', md5('buyer' || (g % 250000)), '\\x00', md5('token' || g), at, at
        from gen`;
      await tx`
        insert into order_items (order_id, product_id, supplier_id, product_name, product_spec, unit_price_fen, quantity, line_total_fen, certified_at_sale)
        select o.id, gen.product_id, gen.supplier_id, gen.name, gen.spec, gen.price_fen, gen.qty, gen.price_fen * gen.qty, gen.certified
        from gen join orders o on o.order_no = 'GJB' || lpad(gen.g::text, 9, '0')`;
      const ids = await tx`
        insert into sales_ledger (order_id, order_item_id, kind, amount_fen, counted, channel, supplier_id, category_id, township_slug, unit_id, round_id, livestream_id, occurred_at)
        select oi.order_id, oi.id, 'sale', oi.line_total_fen, oi.certified_at_sale, o.channel, oi.supplier_id, gen.category_id, gen.township_slug, o.unit_id, o.round_id, o.livestream_id, o.paid_at
        from gen join orders o on o.order_no = 'GJB' || lpad(gen.g::text, 9, '0') join order_items oi on oi.order_id = o.id
        returning id::text`;
      await tx`select gj_roll_up(${`{${ids.map((r) => r.id).join(',')}}`}::bigint[])`;
    });
    process.stdout.write(`\r  generated ${end.toLocaleString('en')} / ${total.toLocaleString('en')} orders (${ms(t0)} ms)`);
  }
  const genMs = ms(t0);
  const tA = performance.now();
  await db`analyze`;
  const analyzeMs = ms(tA);
  const [check] = await db`select (select count(*) from orders)::int as orders, (select sum(amount_fen) filter (where counted) from sales_ledger)::text as ledger,
    (select amount_fen from sales_rollup where year = ${year} and dim = 'total' and key = '' and counted)::text as rollup`;
  console.log(`\n  orders ${check!.orders}, counted from ledger ${check!.ledger}, from rollup ${check!.rollup} (${check!.ledger === check!.rollup ? 'equal' : 'DIFFERENT'})`);

  // 2 and 3: the page's size, then a build with a static page of that size.
  let server = startNext(port, env);
  await waitForHealth(base);
  const size = (await (await fetch(`${base}/impact`)).arrayBuffer()).byteLength;
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  build({ GEJIU_BENCH_SIZES: String(size) });
  server = startNext(port, { ...env, GEJIU_BENCH_SIZES: String(size) });
  await waitForHealth(base);

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

  for (let k = 0; k < 20; k++) await fetch(`${base}/impact`);
  const bytes = Buffer.from(await (await fetch(`${base}/impact`)).arrayBuffer());
  const bare = createServer((_q, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': bytes.length });
    res.end(bytes);
  }).listen(port + 1, '127.0.0.1');
  const rows: LoadResult[] = [await load('next /impact', `${base}/impact`, seconds), await load(`next static page (${size} B target)`, `${base}/bench/static/${size}`, seconds), await load('bare node:http, same bytes', `http://127.0.0.1:${port + 1}/`, seconds)];
  bare.close();
  server.kill('SIGTERM');
  await db.end();

  console.log(`\n${total.toLocaleString('en')} paid orders generated in ${genMs} ms (orders + lines + ledger + rollups, ${chunk.toLocaleString('en')} per transaction), analyze ${analyzeMs} ms`);
  console.log(`GET /api/v1/impact, one client, 300 requests: p50 ${pct(50)} ms, p99 ${pct(99)} ms`);
  printTable(rows, (r) => (r === rows[0] ? rows[1] : undefined));
  console.log(`\n/impact vs static Next page: ${(rows[0]!.rps / rows[1]!.rps).toFixed(2)}; vs bare node:http: ${(rows[0]!.rps / rows[2]!.rps).toFixed(2)}`);
} finally {
  await admin.unsafe(`drop database ${name} with (force)`);
  await admin.end();
}
