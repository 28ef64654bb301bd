import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import autocannon from 'autocannon';

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

/**
 * A page under load (autocannon) beside its two baselines, each warmed first: the page, the static Next page
 * of `size` bytes (/bench/static/<size>), and a bare node:http server on `barePort` sending the page's very bytes.
 */
export async function loadWithBaselines(
  base: string,
  path: string,
  size: number,
  barePort: number,
  seconds: number,
): Promise<[page: LoadResult, stat: LoadResult, raw: LoadResult]> {
  for (let k = 0; k < 20; k++) await fetch(base + path);
  const bytes = Buffer.from(await (await fetch(base + path)).arrayBuffer());
  const bare = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': bytes.length });
    res.end(bytes);
  }).listen(barePort, '127.0.0.1');
  try {
    return [
      await load(`next ${path}`, base + path, seconds),
      await load(`next static page (${size} B target)`, `${base}/bench/static/${size}`, seconds),
      await load('bare node:http, same bytes', `http://127.0.0.1:${barePort}/`, seconds),
    ];
  } finally {
    bare.close();
  }
}

/**
 * Guest orders through POST /api/v1/orders for `duration` seconds from 50 connections, each order one unit of
 * `slug` paid with the simulator (the server's order caps must be lifted for it).
 */
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
