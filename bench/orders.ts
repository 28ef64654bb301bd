/**
 * Orders/s through POST /api/v1/orders on real PostgreSQL with 50 concurrent clients, p50/p99, against a
 * bare postgres.js loop issuing the same statements per order with the same pool size and concurrency
 * (bench/orders-baseline.ts), in the same run and in alternation with it; and the oversell count on a
 * product with limited stock (must be 0). Uses the existing build when it is current
 * (scripts/build-stamp.ts), else builds.
 *
 *   DATABASE_URL=postgres://… npm run bench:orders      # uses a fresh database on that server
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { ensureLocalSecrets } from '@/lib/env';
import { buildIsCurrent } from '../scripts/build-stamp';
import { postOrders, startNext, stockAndAccepted, waitForHealth } from './lib';
import { medianOf, ordersAgainstBareLoop, type Phase } from './orders-baseline';

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
const run = (slug: string, duration: number) => postOrders(`http://127.0.0.1:${port}`, slug, duration);

await run('manhao-bananas', 10); // warm-up: the first seconds of load still compile and optimise the route's code
// API and bare loop in alternation, three phases each (bench/orders-baseline.ts `ordersAgainstBareLoop`).
const cmp = await ordersAgainstBareLoop(run, env, seconds);
const [{ since }] = (await db`select now() as since`) as unknown as [{ since: Date }];
const limited = await run('kafang-black-tea', 5);
const { stock, accepted: n } = await stockAndAccepted(db, 'kafang-black-tea', since);
server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));
await db.end();
await admin.unsafe(`drop database ${name} with (force)`);
await admin.end();

const accepted = Number(n);
const row = (label: string, xs: Phase[], rate: number) =>
  `| ${label} | ${rate.toFixed(0)} | ${medianOf(xs.map((x) => x.p50))} | ${medianOf(xs.map((x) => x.p99))} | ${xs.reduce((t, x) => t + x.failed, 0)} |`;
console.log(
  `\nPOST /api/v1/orders on PostgreSQL, 50 connections, after a 10 s warm-up: API and bare loop in alternation, 3 phases of ${cmp.seconds} s each`,
);
console.log('| run | orders/s | p50 ms (median of phases) | p99 ms (median of phases) | failed |');
console.log('|---|---:|---:|---:|---:|');
console.log(row('ample stock, through the API', cmp.api, cmp.apiRate));
console.log(row(`bare postgres.js loop, same statements, pool ${env.DATABASE_POOL_SIZE}`, cmp.bare, cmp.bareRate));
console.log(
  `| stock 500, 5 s, through the API | ${(limited['2xx'] / 5).toFixed(0)} | ${limited.latency.p50} | ${limited.latency.p99} | ${limited.non2xx} (409 out_of_stock), errors ${limited.errors} |`,
);
console.log(
  `\nPOST /api/v1/orders ÷ bare loop: ${cmp.ratio.toFixed(2)} (phase by phase: ${cmp.rounds.map((r) => r.toFixed(2)).join(', ')})`,
);
console.log(
  `\noversell: accepted ${accepted} of 500, final stock ${stock}, oversold ${Math.max(0, accepted - 500)}; accepted + stock = ${accepted + Number(stock)} (must be 500)`,
);
process.exit(0);
