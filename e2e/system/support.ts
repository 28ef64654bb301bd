import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import postgres from 'postgres';
import Stripe from 'stripe';
import { startFakeStripe } from '../../scripts/test-support/fake-stripe';

/**
 * System tests run the production build as real processes against a throwaway PostgreSQL cluster
 * that they own (so that they may restart it), with a local stand-in for the Stripe API.
 */
/** TEST_PORT_OFFSET moves every port (and the cluster directory) so that checkouts can test side by side. */
export const PORT_OFFSET = Number(process.env.TEST_PORT_OFFSET ?? 0);
export const PG_DIR = `/tmp/gejiu-system-pg${PORT_OFFSET || ''}`;
export const PG_PORT = 54351 + PORT_OFFSET;
/** The app ports of the system tests: appPort(1) … appPort(9). */
export const appPort = (n: number) => 3260 + n + PORT_OFFSET;
export const WEBHOOK_SECRET = 'whsec_system_test';

export function pgAvailable(): boolean {
  return (
    existsSync('/usr/lib/postgresql') &&
    readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`))
  );
}

/** Starts (or reuses) the cluster and returns a URL to a fresh database on it. */
export async function freshDatabase(name: string): Promise<string> {
  const r = spawnSync('bash', ['scripts/pg-throwaway.sh', PG_DIR, String(PG_PORT)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pg-throwaway failed: ${r.stderr}`);
  const base = r.stdout.trim();
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const prep = spawnSync('npx', ['tsx', 'scripts/prepare-db.ts'], {
    encoding: 'utf8',
    env: { ...process.env, ...appEnv(url.toString()) },
  });
  if (prep.status !== 0) throw new Error(`prepare-db failed: ${prep.stderr}`);
  return url.toString();
}

/** pg_ctl restart of the whole cluster (fast shutdown: open connections are cut). */
export function restartPostgres(): void {
  const bindir = readdirSync('/usr/lib/postgresql')
    .sort()
    .map((v) => `/usr/lib/postgresql/${v}/bin`)
    .pop()!;
  const cmd = `${bindir}/pg_ctl -D ${PG_DIR} -m fast -w restart -l ${PG_DIR}/server.log -o '-p ${PG_PORT} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200 -k /tmp'`;
  const asRoot = process.getuid?.() === 0;
  const r = spawnSync(asRoot ? 'su' : 'bash', asRoot ? ['postgres', '-s', '/bin/bash', '-c', cmd] : ['-c', cmd], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`restart failed: ${r.stderr}`);
}

export type FakeStripe = { port: number; orderIdOf: (orderNo: string) => string | undefined; close: () => void };

/**
 * The store's local Stripe (scripts/test-support/fake-stripe.ts: sessions, expiry, refunds), with each
 * order's id as the session carries it (metadata).
 */
export async function fakeStripe(): Promise<FakeStripe> {
  const fake = await startFakeStripe(WEBHOOK_SECRET);
  const orderIdOf = (orderNo: string) =>
    [...fake.sessions.values()].find((s) => s.orderNo === orderNo)?.orderId ?? undefined;
  return { port: fake.port, orderIdOf, close: () => void fake.close() };
}

export function appEnv(databaseUrl: string, stripePort?: number): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: 'system-test-auth-secret-0123456789abcdef',
    DATA_ENCRYPTION_KEY: 'system-test-data-key-0123456789abcdef',
    AUTH_TRUST_HOST: 'true',
    NEXT_TELEMETRY_DISABLED: '1',
    SEED_DEMO: '1',
    RATE_LIMIT_ORDERS_PER_MINUTE: '100000000',
    // Every request comes from one address and one mobile number: no cap on open orders.
    GUEST_MAX_OPEN_ORDERS: '0',
    ...(stripePort
      ? {
          STRIPE_SECRET_KEY: 'sk_test_system',
          STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
          STRIPE_API_HOST: '127.0.0.1',
          STRIPE_API_PORT: String(stripePort),
          STRIPE_API_PROTOCOL: 'http',
          PAYMENT_SIMULATOR: '0',
        }
      : {}),
  };
}

export type App = { base: string; proc: ChildProcess; stop: (signal?: NodeJS.Signals) => Promise<void> };

/**
 * The production build as its own process, resolves when /api/health answers: `next start` (the default),
 * or `npm start` (scripts/start.ts, as an operator runs it: NODE_ENV=production, PORT set, which must
 * serve the existing build and never build).
 */
export async function startApp(
  port: number,
  env: Record<string, string>,
  how: 'next' | 'npm start' = 'next',
): Promise<App> {
  const args =
    how === 'next'
      ? ['node_modules/next/dist/bin/next', 'start', '-p', String(port)]
      : ['--import', 'tsx', 'scripts/start.ts'];
  const proc = spawn(process.execPath, args, {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...env, ...(how === 'npm start' ? { PORT: String(port), NODE_ENV: 'production' } : {}) },
  });
  const base = `http://127.0.0.1:${port}`;
  await waitForHealth(base, proc, `app on ${port}`);
  /** Stops the process; one that does not exit within 5 s of SIGTERM is killed. */
  const stop = stopper(proc);
  return { base, proc, stop };
}

/** Polls /api/health until it answers 200 (a busy machine may take a while), or the process exits. */
async function waitForHealth(base: string, proc: ChildProcess, what: string): Promise<void> {
  const end = Date.now() + 120_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`${what} exited with ${proc.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // starting
    }
    if (Date.now() > end) throw new Error(`${what} did not start`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function stopper(proc: ChildProcess) {
  return async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill(signal);
    const timer = setTimeout(() => proc.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
}

export const NGINX = '/usr/sbin/nginx';
export const nginxAvailable = () => existsSync(NGINX);

/**
 * deploy/nginx.conf in front of the given app ports, run by scripts/serve-nginx.sh in the foreground (the
 * process held is nginx's master); resolves when /api/health answers through it.
 */
export async function startNginx(port: number, upstreamPorts: number[]): Promise<App> {
  const proc = spawn('bash', ['scripts/serve-nginx.sh', String(port)], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      UPSTREAM: upstreamPorts.map((p) => `127.0.0.1:${p}`).join(' '),
      NGINX_WORK: `/tmp/gejiu-system-nginx${PORT_OFFSET || ''}`,
    },
  });
  const base = `http://127.0.0.1:${port}`;
  await waitForHealth(base, proc, `nginx on ${port}`);
  return { base, proc, stop: stopper(proc) };
}

const signer = new Stripe('sk_test_system');

/** A Stripe webhook delivery, signed as Stripe signs it. */
export function deliverWebhook(base: string, event: object): Promise<Response> {
  const payload = JSON.stringify(event);
  return fetch(`${base}/api/stripe/webhook`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'stripe-signature': signer.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }),
    },
    body: payload,
  });
}

export function completedEvent(id: string, o: { orderId: string; orderNo: string; totalFen: number }) {
  return {
    id,
    object: 'event',
    type: 'checkout.session.completed',
    api_version: '2025-01-01',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: null,
    data: {
      object: {
        id: `cs_${o.orderNo}`,
        object: 'checkout.session',
        payment_status: 'paid',
        amount_total: o.totalFen,
        currency: 'cny',
        payment_intent: `pi_${o.orderNo}`,
        client_reference_id: o.orderId,
        metadata: { orderId: o.orderId, orderNo: o.orderNo },
      },
    },
  };
}

export const orderBody = (slug: string, quantity = 1) =>
  JSON.stringify({
    items: [{ slug, quantity }],
    contact: { name: '系统测试', mobile: '13900001111' },
    shippingAddress: { province: '云南省', city: '红河哈尼族彝族自治州', district: '个旧市', detail: '测试路 1 号' },
    paymentMethod: 'stripe',
  });

export async function placeApiOrder(
  base: string,
  slug: string,
  quantity = 1,
): Promise<{ status: number; orderNo?: string; totalFen?: number; accessToken?: string }> {
  const r = await fetch(`${base}/api/v1/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: orderBody(slug, quantity),
  });
  if (r.status !== 201) return { status: r.status };
  const b = (await r.json()) as { orderNo: string; totalFen: number; accessToken: string };
  return { ...b, status: 201 };
}

/** Stops the cluster the system tests started (playwright.system.config.ts globalTeardown). */
export function stopPostgres(): void {
  if (!pgAvailable()) return;
  const bindir = readdirSync('/usr/lib/postgresql')
    .sort()
    .map((v) => `/usr/lib/postgresql/${v}/bin`)
    .pop()!;
  const cmd = `${bindir}/pg_ctl -D ${PG_DIR} -m fast stop`;
  const asRoot = process.getuid?.() === 0;
  spawnSync(asRoot ? 'su' : 'bash', asRoot ? ['postgres', '-s', '/bin/bash', '-c', cmd] : ['-c', cmd], {
    stdio: 'ignore',
  });
}
