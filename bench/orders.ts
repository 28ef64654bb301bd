/**
 * Orders/s through POST /api/v1/orders on real PostgreSQL with 50 concurrent clients, p50/p99, against a
 * bare postgres.js loop issuing the same statements per order with the same pool size and concurrency
 * (bench/orders-baseline.ts), in the same run; and the oversell count on a product with limited stock
 * (must be 0). Uses the existing build when it is current (scripts/build-stamp.ts), else builds.
 *
 *   DATABASE_URL=postgres://… npm run bench:orders      # uses a fresh database on that server
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { ensureLocalSecrets } from '@/lib/env';
import { buildIsCurrent } from '../scripts/build-stamp';
import { startNext, stockAndAccepted, waitForHealth } from './lib';
import { bareLoopBesideApi } from './orders-baseline';

const base = process.env.DATABASE_URL;
if (!base) {
  console.error('bench/orders.ts needs DATABASE_URL (a PostgreSQL server); scripts/pg-throwaway.sh starts one.');
  process.exit(1);
}
// The server runs with NODE_ENV=production, which requires explicit secrets: use the local ones.
ensureLocalSecrets();
const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const port = Number(process.env.BENCH_PORT ?? 3400);
const name = `gejiu_bench_${randomBytes(4).toString('hex')}`;
const admin = postgres(base, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
const url = new URL(base);
url.pathname = `/${name}`;
const env = {
  DATABASE_URL: url.toString(),
  PORT: String(port),
  RATE_LIMIT_ORDERS_PER_MINUTE: '100000000',
  // Every request comes from one address and one mobile number: no cap on open orders.
  GUEST_MAX_OPEN_ORDERS: '0',
  DATABASE_POOL_SIZE: '20',
};

// One build serves any database: the bench's own is migrated and seeded, and the build reused if current.
const built = spawnSync('npx', ['tsx', buildIsCurrent() ? 'scripts/prepare-db.ts' : 'scripts/build.ts'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, ...env },
});
if (built.status !== 0) throw new Error('build failed');
const db = postgres(env.DATABASE_URL, { max: 2, onnotice: () => {} });
await db`update products set stock = 10000000 where slug = 'manhao-bananas'`;
await db`update products set stock = 500 where slug = 'kafang-black-tea'`;

const server = startNext(port, env);
await waitForHealth(`http://127.0.0.1:${port}`);
const body = (slug: string) =>
  JSON.stringify({
    items: [{ slug, quantity: 1 }],
    contact: { name: '压测', mobile: '13900000000' },
    shippingAddress: { province: '云南省', city: '红河哈尼族彝族自治州', district: '个旧市', detail: '压测路 1 号' },
    paymentMethod: 'simulated',
  });
const run = (slug: string, duration: number) =>
  autocannon({
    url: `http://127.0.0.1:${port}/api/v1/orders`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: body(slug),
    connections: 50,
    duration,
  });

await run('manhao-bananas', 3); // warm-up
const main = await run('manhao-bananas', seconds);
const bare = await bareLoopBesideApi(env, seconds);
const [{ since }] = (await db`select now() as since`) as unknown as [{ since: Date }];
const limited = await run('kafang-black-tea', 5);
const { stock, accepted: n } = await stockAndAccepted(db, 'kafang-black-tea', since);
server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));
await db.end();
await admin.unsafe(`drop database ${name} with (force)`);
await admin.end();

const accepted = Number(n);
console.log(`\nPOST /api/v1/orders on PostgreSQL, 50 connections, ${seconds} s (after a 3 s warm-up)`);
console.log('| run | orders/s (201) | p50 ms | p99 ms | non-2xx | errors |');
console.log('|---|---:|---:|---:|---:|---:|');
console.log(
  `| ample stock | ${(main['2xx'] / seconds).toFixed(0)} | ${main.latency.p50} | ${main.latency.p99} | ${main.non2xx} | ${main.errors} |`,
);
console.log(
  `| bare postgres.js loop, same statements, pool ${env.DATABASE_POOL_SIZE} | ${bare.perSecond.toFixed(0)} | ${bare.p50} | ${bare.p99} | ${bare.outOfStock} | ${bare.errors} |`,
);
console.log(
  `| stock 500, 5 s | ${(limited['2xx'] / 5).toFixed(0)} | ${limited.latency.p50} | ${limited.latency.p99} | ${limited.non2xx} (409 out_of_stock) | ${limited.errors} |`,
);
console.log(`\nPOST /api/v1/orders ÷ bare loop: ${(main['2xx'] / seconds / bare.perSecond).toFixed(2)}`);
console.log(
  `\noversell: accepted ${accepted} of 500, final stock ${stock}, oversold ${Math.max(0, accepted - 500)}; accepted + stock = ${accepted + Number(stock)} (must be 500)`,
);
process.exit(0);
