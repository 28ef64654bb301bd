/**
 * `npm run bench`: every figure in one run, on real PostgreSQL, printed as one table.
 *
 * - req/s, p50, p99 for every public page (home, /products, a category, a filtered listing, two searches (one
 *   word, two words: each kept after its first render), a product, /cart, /impact with 1,000,000 orders
 *   behind it), each against a static Next page of the same bytes and characters and a bare node:http server
 *   sending the same bytes (autocannon, 50 connections), and through deploy/nginx.conf (when nginx is installed)
 *   against the bare server;
 * - GET /api/cart (the static cart page's lines) under load, with a guest's cart cookie;
 * - GET /api/v1/impact latency with those 1,000,000 orders;
 * - orders/s through POST /api/v1/orders against a bare postgres.js loop issuing the same statements
 *   (bench/orders-baseline.ts), and the oversell count on a product with 500 in stock;
 * - first-load JS per route against an empty Next page (the layout alone);
 * - the server's RSS after the run.
 *
 * Uses DATABASE_URL's server (a fresh database on it), or starts a throwaway cluster
 * (scripts/pg-throwaway.sh) when DATABASE_URL is unset. BENCH_SECONDS=8, IMPACT_ORDERS=1000000.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { ensureLocalSecrets } from '@/lib/env';
import { createDatabase } from './fresh-db';
import { generateOrders } from './generate-orders';
import { medianOf, ordersAgainstBareLoop } from './orders-baseline';
import {
  EMPTY_SHAPE,
  load,
  type LoadResult,
  loadWithBaselines,
  postOrders,
  serveWithBaselines,
  startNginxFront,
  stockAndAccepted,
} from './lib';

ensureLocalSecrets();
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const total = Number(process.env.IMPACT_ORDERS ?? 1_000_000);
const port = Number(process.env.BENCH_PORT ?? 3600);
const base = `http://127.0.0.1:${port}`;

let serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  const r = spawnSync('bash', ['scripts/pg-throwaway.sh', '/tmp/gejiu-bench-pg', '54361'], { encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(
      'npm run bench needs PostgreSQL: set DATABASE_URL, or install it (apt-get install -y postgresql) for a throwaway cluster.',
    );
    process.exit(1);
  }
  serverUrl = r.stdout.trim();
}
const fresh = await createDatabase(serverUrl);
const env = {
  DATABASE_URL: fresh.url,
  PORT: String(port),
  DATABASE_POOL_SIZE: '20',
  RATE_LIMIT_ORDERS_PER_MINUTE: '100000000',
  // Every request comes from one address and one mobile number: no cap on open orders.
  GUEST_MAX_OPEN_ORDERS: '0',
};
const run = (cmd: string[], extra: Record<string, string> = {}) => {
  const r = spawnSync('npx', cmd, {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...env, ...extra },
  });
  if (r.status !== 0) throw new Error(`${cmd.join(' ')} failed`);
};
const log = (s: string) => console.log(`[bench] ${s}`);

type Row = { what: string; value: string; baseline?: string; ratio?: string };
const table: Row[] = [];
const productPath = '/products/manhao-mangoes';
// Every public page: the home page, the listing, a category, a filtered listing (static listings behind
// /products?…, proxy.ts), two searches, a product, the cart's static shell, /impact.
const pages = [
  '/',
  '/products',
  '/products?category=fruit',
  '/products?category=fruit&certified=1&sort=price_asc',
  // Two searches, one word and two words: each renders once per catalog change and is then kept (in a bounded
  // memory LRU, lib/cache/page-cache-handler.js). The cost of a search nobody asked before is its own row below.
  `/products?q=${encodeURIComponent('芒果')}`,
  `/products?q=${encodeURIComponent('芒果 红河')}`,
  productPath,
  '/cart',
  '/impact',
];
const aim = (p: string) => (p.includes('q=') ? 0.5 : 0.9);
// A guest's cart cookie as the cart actions write it (two lines), for GET /api/cart.
const guestCart = `gj_cart=${encodeURIComponent(
  JSON.stringify([
    { slug: 'manhao-mangoes', quantity: 2 },
    { slug: 'kafang-black-tea', quantity: 1 },
  ]),
)}`;

try {
  run(['tsx', 'scripts/prepare-db.ts']);
  const db = postgres(env.DATABASE_URL, { max: 1, onnotice: () => {} });
  const t0 = performance.now();
  await generateOrders(db, total, (n) =>
    process.stdout.write(`\r[bench] generating orders: ${n.toLocaleString('en')} / ${total.toLocaleString('en')}`),
  );
  const genMs = Math.round(performance.now() - t0);
  await db`analyze`;
  console.log('');
  table.push({
    what: `generate ${total.toLocaleString('en')} paid orders (orders, lines, ledger, rollups)`,
    value: `${(genMs / 1000).toFixed(1)} s`,
  });

  const { server, shapes } = await serveWithBaselines({
    port,
    paths: pages,
    env,
    build: (extra) => run(['tsx', 'scripts/build.ts'], extra),
  });

  const loads: LoadResult[] = [];
  // The same anonymous pages through deploy/nginx.conf (micro-cache), when nginx is installed.
  const frontPort = port + 90;
  const front = await startNginxFront(frontPort, port);
  if (!front) log('nginx is not installed (apt-get install -y nginx): no rows through nginx');
  for (const [i, p] of pages.entries()) {
    log(`load ${p}`);
    const {
      page,
      stat,
      raw,
      viaFront: viaNginx,
    } = await loadWithBaselines(
      base,
      p,
      shapes[i]!,
      port + 1 + i,
      seconds,
      front ? `http://127.0.0.1:${frontPort}${p}` : undefined,
    );
    loads.push(page, stat, raw);
    if (viaNginx)
      table.push({
        what: `${p} through nginx (micro-cache), anonymous: req/s, p50/p99 ms`,
        value: `${viaNginx.rps.toFixed(0)} req/s, ${viaNginx.p50}/${viaNginx.p99}`,
        baseline: `bare ${raw.rps.toFixed(0)} (${raw.p50}/${raw.p99})`,
        ratio: `${(viaNginx.rps / raw.rps).toFixed(2)} of bare (aim ≥ 0.5)`,
      });
    table.push({
      what: `${p} (${(page.bytes / 1024).toFixed(0)} KB): req/s, p50/p99 ms`,
      value: `${page.rps.toFixed(0)} req/s, ${page.p50}/${page.p99}`,
      baseline: `static ${stat.rps.toFixed(0)} (${stat.p50}/${stat.p99}, ${(stat.bytes / 1024).toFixed(0)} KB); bare ${raw.rps.toFixed(0)} (${raw.p50}/${raw.p99})`,
      ratio: `${(page.rps / stat.rps).toFixed(2)} of static (aim ≥ ${aim(p)}), ${(page.rps / raw.rps).toFixed(2)} of bare`,
    });
    if (page.errors || page.non2xx)
      table.push({ what: `${p} errors / non-2xx`, value: `${page.errors} / ${page.non2xx}` });
  }

  front?.kill('SIGTERM');

  // The floor of any page rendered per request: the layout around one dynamic line (app/bench/dynamic).
  log('load /bench/dynamic (a minimal page rendered per request)');
  for (const path of ['/bench/dynamic', `/bench/static/${EMPTY_SHAPE}`]) await load('warm-up', base + path, 2);
  const floor = await load('next /bench/dynamic', `${base}/bench/dynamic`, seconds);
  const staticEmpty = await load('next static empty page', `${base}/bench/static/${EMPTY_SHAPE}`, seconds);
  table.push({
    what: `a minimal page rendered per request (${(floor.bytes / 1024).toFixed(0)} KB): req/s, p50/p99 ms`,
    value: `${floor.rps.toFixed(0)} req/s, ${floor.p50}/${floor.p99}`,
    baseline: `static empty page ${staticEmpty.rps.toFixed(0)} (${staticEmpty.p50}/${staticEmpty.p99})`,
    ratio: `${(floor.rps / staticEmpty.rps).toFixed(2)} of static: the ceiling for any page rendered per request`,
  });

  // A search nobody asked before misses the cache and renders: every request here is a new query.
  log('load distinct searches (every request a cache miss)');
  let asked = 0;
  const fresh = await autocannon({
    url: base,
    connections: 50,
    duration: seconds,
    requests: [
      {
        setupRequest: (req) => ({
          ...req,
          path: `/products?q=${encodeURIComponent(`芒果 ${(asked++).toString(36)}`)}`,
        }),
      },
    ],
  });
  table.push({
    what: `/products?q=<a search nobody asked before>, each request a new one: req/s, p50/p99 ms`,
    value: `${fresh.requests.average.toFixed(0)} req/s, ${fresh.latency.p50}/${fresh.latency.p99} (non-2xx ${fresh.non2xx})`,
    baseline: `the minimal page rendered per request ${floor.rps.toFixed(0)}`,
    ratio: `${(fresh.requests.average / staticEmpty.rps).toFixed(2)} of the static empty page: what a cache miss costs`,
  });

  log('GET /api/cart (the lines of the static /cart page)');
  const cartRes = await fetch(`${base}/api/cart`, { headers: { cookie: guestCart } });
  const cartLines = ((await cartRes.json()) as { lines: unknown[] }).lines.length;
  if (cartLines !== 2) throw new Error(`GET /api/cart answered ${cartLines} lines for a guest cart of 2`);
  const cart = await autocannon({
    url: `${base}/api/cart`,
    headers: { cookie: guestCart },
    connections: 50,
    duration: seconds,
  });
  table.push({
    what: 'GET /api/cart, a guest cart of 2 lines (cookie), 50 connections: req/s, p50/p99 ms',
    value: `${cart.requests.average.toFixed(0)} req/s, ${cart.latency.p50}/${cart.latency.p99} (non-2xx ${cart.non2xx})`,
    baseline: `Cache-Control: ${cartRes.headers.get('cache-control')}`,
  });

  log('GET /api/v1/impact latency');
  const lat: number[] = [];
  for (let i = 0; i < 20; i++) await (await fetch(`${base}/api/v1/impact`)).arrayBuffer();
  for (let i = 0; i < 300; i++) {
    const t = performance.now();
    await (await fetch(`${base}/api/v1/impact`)).arrayBuffer();
    lat.push(performance.now() - t);
  }
  lat.sort((a, b) => a - b);
  const pct = (q: number) => lat[Math.min(lat.length - 1, Math.floor(q * lat.length))]!.toFixed(1);
  table.push({
    what: `GET /api/v1/impact with ${total.toLocaleString('en')} orders, one client, p50/p99`,
    value: `${pct(0.5)} / ${pct(0.99)} ms`,
    baseline: 'aim p50 ≤ 20 ms',
  });

  log('first-load JS');
  const firstLoad = async (p: string) => {
    const html = await (await fetch(base + p)).text();
    const srcs = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!))];
    let raw = 0;
    let gz = 0;
    for (const s of srcs) {
      const b = Buffer.from(await (await fetch(new URL(s, base))).arrayBuffer());
      raw += b.length;
      gz += gzipSync(b).length;
    }
    return { raw, gz };
  };
  const empty = await firstLoad(`/bench/static/${EMPTY_SHAPE}`);
  table.push({
    what: 'first-load JS, empty Next page (layout only), gzip',
    value: `${(empty.gz / 1024).toFixed(1)} KB (${(empty.raw / 1024).toFixed(0)} KB raw)`,
  });
  for (const p of pages.filter((x) => !x.includes('?'))) {
    const f = await firstLoad(p);
    table.push({
      what: `first-load JS ${p}, gzip`,
      value: `${(f.gz / 1024).toFixed(1)} KB`,
      baseline: `+${((f.gz - empty.gz) / 1024).toFixed(1)} KB over empty`,
    });
  }

  log('orders through POST /api/v1/orders');
  await db`update products set stock = 10000000 where slug = 'manhao-bananas'`;
  await db`update products set stock = 500 where slug = 'kafang-black-tea'`;
  const post = (slug: string, duration: number) => postOrders(base, slug, duration);
  await post('manhao-bananas', 10); // warm-up, as in bench/orders.ts
  // Against the database's own limit: the same statements per order from a bare postgres.js loop
  // (bench/orders-baseline.ts), in alternation with the API, three phases each.
  const cmp = await ordersAgainstBareLoop(post, env, seconds);
  const [{ since }] = (await db`select now() as since`) as unknown as [{ since: Date }];
  await post('kafang-black-tea', 5);
  const { stock, accepted: n } = await stockAndAccepted(db, 'kafang-black-tea', since);
  const latency = (xs: { p50: number; p99: number }[]) =>
    `${medianOf(xs.map((x) => x.p50))}/${medianOf(xs.map((x) => x.p99))}`;
  table.push({
    what: `POST /api/v1/orders, 50 connections, 3 phases of ${cmp.seconds} s in alternation with the bare loop: orders/s, p50/p99 ms (median of phases)`,
    value: `${cmp.apiRate.toFixed(0)} orders/s, ${latency(cmp.api)} (failed ${cmp.api.reduce((t, x) => t + x.failed, 0)})`,
    baseline: `bare postgres.js loop, same statements, pool ${env.DATABASE_POOL_SIZE}: ${cmp.bareRate.toFixed(0)} orders/s, ${latency(cmp.bare)}`,
    ratio: `${cmp.ratio.toFixed(2)} (phases ${cmp.rounds.map((r) => r.toFixed(2)).join(', ')})`,
  });
  table.push({
    what: 'oversell on a product with 500 in stock',
    value: `${Math.max(0, n - 500)} oversold`,
    baseline: `${n} accepted, stock ${stock} (sum ${n + stock})`,
  });

  const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1];
  table.push({ what: 'server RSS after the run', value: rss ? `${(Number(rss) / 1024).toFixed(0)} MB` : 'n/a' });
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  await db.end();
} finally {
  await fresh.drop();
}

console.log(
  `\nnpm run bench: PostgreSQL, autocannon 50 connections, ${seconds} s per load, ${new Date().toISOString()}`,
);
console.log('| measure | result | baseline (same run) | ratio |');
console.log('|---|---|---|---|');
for (const r of table) console.log(`| ${r.what} | ${r.value} | ${r.baseline ?? ''} | ${r.ratio ?? ''} |`);
