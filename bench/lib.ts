import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import autocannon from 'autocannon';
import type postgres from 'postgres';

export type LoadResult = {
  label: string;
  bytes: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
};

export async function waitForHealth(base: string, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server at ${base} did not become healthy`);
}

export function startNext(port: number, env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port)], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
  });
}

export async function load(label: string, url: string, seconds: number, connections = 50): Promise<LoadResult> {
  const body = await (await fetch(url)).arrayBuffer();
  const r = await autocannon({ url, connections, duration: seconds, pipelining: 1 });
  return {
    label,
    bytes: body.byteLength,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}

/** A page's size as Next handles it: the bytes sent and the characters of the string it keeps. */
export type Shape = { bytes: number; chars: number };
/** The baseline with no text: the layout alone. */
export const EMPTY_SHAPE = '0-0';

export async function pageShape(url: string): Promise<Shape> {
  const text = await (await fetch(url)).text();
  return { bytes: Buffer.byteLength(text), chars: text.length };
}

/** A baseline with a known text, built beside EMPTY_SHAPE to measure what Next adds around text (baselineShape). */
export const PROBE_SHAPE = '40000-4000';

/** The baselines a first build carries to measure Next's HTML around text (calibrate). */
export const CALIBRATION_SHAPES = `${EMPTY_SHAPE},${PROBE_SHAPE}`;
export type Calibration = { layout: Shape; probe: Shape };

export async function calibrate(base: string): Promise<Calibration> {
  return {
    layout: await pageShape(`${base}/bench/static/${EMPTY_SHAPE}`),
    probe: await pageShape(`${base}/bench/static/${PROBE_SHAPE}`),
  };
}

/**
 * The static baseline (app/bench/static/[shape]) with `page`'s bytes and characters: `layout` is the baseline
 * with no text (EMPTY_SHAPE), `probe` the one with PROBE_SHAPE's text (both from calibrate), which shows how many bytes and characters
 * Next's HTML spends per byte and character of text (the RSC payload's chunk wrappers). The text makes up the
 * rest, ASCII and Chinese (3 bytes, 1 character) in the proportion that gives both figures.
 */
export function baselineShape(page: Shape, { layout, probe }: Calibration): string {
  const [ascii, cjk] = PROBE_SHAPE.split('-').map(Number) as [number, number];
  const perByte = (probe.bytes - layout.bytes) / (ascii + 3 * cjk);
  const perChar = (probe.chars - layout.chars) / (ascii + cjk);
  const bytes = Math.max(0, (page.bytes - layout.bytes) / perByte);
  const chars = Math.max(0, Math.min(bytes, (page.chars - layout.chars) / perChar));
  const wide = Math.floor((bytes - chars) / 2);
  return `${Math.max(0, Math.round(chars - wide))}-${wide}`;
}

/**
 * Builds twice and serves the second build on `port`: the first build carries the calibration baselines, to
 * measure each of `paths` (baselineShape); the second a static baseline of each page's shape and the empty
 * one. `build` runs scripts/build.ts with the given extra environment. Returns the server and the shapes, in
 * the order of `paths`.
 */
export async function serveWithBaselines(p: {
  port: number;
  paths: readonly string[];
  env?: Record<string, string>;
  build: (env: Record<string, string>) => void;
}): Promise<{ server: ChildProcess; shapes: string[] }> {
  const base = `http://127.0.0.1:${p.port}`;
  console.log('[bench] build 1 of 2 (to measure the pages and the empty baseline)');
  p.build({ GEJIU_BENCH_SIZES: CALIBRATION_SHAPES });
  let server = startNext(p.port, { ...p.env, GEJIU_BENCH_SIZES: CALIBRATION_SHAPES });
  await waitForHealth(base);
  const calibration = await calibrate(base);
  const shapes: string[] = [];
  for (const path of p.paths) {
    for (let i = 0; i < 3; i++) await fetch(base + path);
    shapes.push(baselineShape(await pageShape(base + path), calibration));
  }
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));

  const list = [...new Set([EMPTY_SHAPE, ...shapes])].join(',');
  console.log('[bench] build 2 of 2 (with static baselines of the same bytes and characters)');
  p.build({ GEJIU_BENCH_SIZES: list });
  server = startNext(p.port, { ...p.env, GEJIU_BENCH_SIZES: list });
  await waitForHealth(base);
  return { server, shapes };
}

/**
 * A page under load (autocannon) beside its two baselines: the page, the static Next page of the same bytes and
 * characters (/bench/static/<shape>, baselineShape), and a bare node:http server on `barePort` sending the
 * page's very bytes; with `front` (the page's URL through nginx), that too. Each is first warmed under the same
 * load for 2 s (the first seconds of a cold route run unoptimised code), then measured in two interleaved
 * rounds, so that a drift of the machine's load falls on all of them.
 */
export async function loadWithBaselines(
  base: string,
  path: string,
  shape: string,
  barePort: number,
  seconds: number,
  front?: string,
): Promise<{ page: LoadResult; stat: LoadResult; raw: LoadResult; viaFront: LoadResult | null }> {
  const bytes = Buffer.from(await (await fetch(base + path)).arrayBuffer());
  const bare = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': bytes.length });
    res.end(bytes);
  }).listen(barePort, '127.0.0.1');
  const runs = [
    { label: `next ${path}`, url: base + path },
    { label: `next static page (${shape})`, url: `${base}/bench/static/${shape}` },
    { label: 'bare node:http, same bytes', url: `http://127.0.0.1:${barePort}/` },
    ...(front ? [{ label: `${path} through nginx`, url: front }] : []),
  ];
  try {
    for (const { url } of runs) await autocannon({ url, connections: 50, duration: 2 });
    const half = Math.max(1, Math.round(seconds / 2));
    const rounds: LoadResult[][] = [];
    for (let r = 0; r < 2; r++) {
      const round: LoadResult[] = [];
      for (const { label, url } of runs) round.push(await load(label, url, half));
      rounds.push(round);
    }
    const [page, stat, raw, viaFront] = runs.map((_, i) => combine(rounds[0]![i]!, rounds[1]![i]!));
    return { page: page!, stat: stat!, raw: raw!, viaFront: viaFront ?? null };
  } finally {
    bare.close();
  }
}

/** Two runs of one URL as one: mean req/s and p50, the worse p99, all errors. */
function combine(a: LoadResult, b: LoadResult): LoadResult {
  return {
    label: a.label,
    bytes: a.bytes,
    rps: (a.rps + b.rps) / 2,
    p50: (a.p50 + b.p50) / 2,
    p99: Math.max(a.p99, b.p99),
    errors: a.errors + b.errors,
    non2xx: a.non2xx + b.non2xx,
  };
}

/**
 * Guest orders through POST /api/v1/orders for `duration` seconds from 50 connections, each order one unit of
 * `slug` paid with the simulator (the server's order caps must be lifted for it).
 */
/**
 * A product's stock and the quantity this run's orders took of it (since `since`; the generated orders,
 * GJB…, and cancelled ones left out), read in one statement so that both come from one snapshot: orders
 * still in flight when the load stops commit their line and their stock together, before or after it.
 */
export async function stockAndAccepted(
  db: postgres.Sql,
  slug: string,
  since: Date,
): Promise<{ stock: number; accepted: number }> {
  const [row] = await db<{ stock: number; accepted: number }[]>`
    select (select stock from products where slug = ${slug}) as stock,
      (select coalesce(sum(oi.quantity), 0)::int from order_items oi join products p on p.id = oi.product_id
        join orders o on o.id = oi.order_id
        where p.slug = ${slug} and o.created_at >= ${since} and o.order_no not like 'GJB%' and o.status <> 'cancelled'
      ) as accepted`;
  return row!;
}

export function postOrders(base: string, slug: string, duration: number) {
  return autocannon({
    url: `${base}/api/v1/orders`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      items: [{ slug, quantity: 1 }],
      contact: { name: '压测', mobile: '13900000000' },
      shippingAddress: { province: '云南省', city: '红河哈尼族彝族自治州', district: '个旧市', detail: '压测路 1 号' },
      paymentMethod: 'simulated',
    }),
    connections: 50,
    duration,
  });
}

export function printTable(rows: LoadResult[], baseline?: (r: LoadResult) => LoadResult | undefined): void {
  console.log('\n| page | bytes | req/s | p50 ms | p99 ms | errors | non-2xx | ratio |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const b = baseline?.(r);
    const ratio = b && b !== r ? (r.rps / b.rps).toFixed(2) : '';
    console.log(
      `| ${r.label} | ${r.bytes} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} | ${ratio} |`,
    );
  }
}

/**
 * deploy/nginx.conf in front of the app (scripts/serve-nginx.sh, foreground); null when nginx is not
 * installed (apt-get install -y nginx).
 */
export async function startNginxFront(port: number, appPort: number): Promise<ChildProcess | null> {
  if (!existsSync('/usr/sbin/nginx')) return null;
  const proc = spawn('bash', ['scripts/serve-nginx.sh', String(port)], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, UPSTREAM: `127.0.0.1:${appPort}`, NGINX_WORK: `/tmp/gejiu-bench-nginx-${port}` },
  });
  await waitForHealth(`http://127.0.0.1:${port}`);
  return proc;
}
