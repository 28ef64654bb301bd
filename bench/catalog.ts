/**
 * Catalog page throughput (autocannon, 50 connections) against two baselines measured in the same run:
 * a static Next page of the same bytes and characters, and a bare node:http server sending the very same bytes.
 *
 *   npm run bench                 # BENCH_SECONDS=10 by default; uses the embedded DB unless DATABASE_URL
 */
import { spawnSync } from 'node:child_process';
import { type LoadResult, loadWithBaselines, printTable, serveWithBaselines } from './lib';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const port = Number(process.env.BENCH_PORT ?? 3300);
const base = `http://127.0.0.1:${port}`;
const productPath = '/products/manhao-mangoes';

function build(env: Record<string, string>): void {
  const r = spawnSync('npx', ['tsx', 'scripts/build.ts'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...env },
  });
  if (r.status !== 0) throw new Error('build failed');
}

// 1. Measure the real pages and the empty baseline, 2. rebuild with static baselines of their bytes and characters.
const { server, shapes } = await serveWithBaselines({ port, paths: ['/products', productPath], build });

const rows: LoadResult[] = [];
const baselines = new Map<string, LoadResult>();
for (const [i, path] of ['/products', productPath].entries()) {
  const { page, stat, raw } = await loadWithBaselines(base, path, shapes[i]!, port + 1 + i, seconds);
  rows.push(page, stat, raw);
  baselines.set(page.label, stat);
  baselines.set(raw.label + i, raw);
}
server.kill('SIGTERM');

console.log(
  `\nautocannon: 50 connections, ${seconds} s per row, database: ${process.env.DATABASE_URL ? 'postgres' : 'pglite'}`,
);
printTable(rows, (r) => baselines.get(r.label));
for (const [i, path] of ['/products', productPath].entries()) {
  const [page, stat, raw] = rows.slice(i * 3, i * 3 + 3) as [LoadResult, LoadResult, LoadResult];
  console.log(
    `${path}: ${(page.rps / stat.rps).toFixed(2)} of the static Next page, ${(page.rps / raw.rps).toFixed(2)} of bare node:http`,
  );
}
// Leave a normal build behind for `npm start`.
build({});
process.exit(0);
