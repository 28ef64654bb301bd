import { readFileSync, statSync } from 'node:fs';
import { expect, test, type Browser } from '@playwright/test';
import postgres from 'postgres';
import { fenToDecimalYuan, fenToYuanText, formatFen } from '../../domain/money';
import { DEMO_PASSWORD } from '../pages/auth';
import {
  appEnv,
  completedEvent,
  deliverWebhook,
  fakeStripe,
  freshDatabase,
  nginxAvailable,
  pgAvailable,
  placeApiOrder,
  startApp,
  startNginx,
  appPort,
  type App,
  type FakeStripe,
} from './support';

/**
 * Two app processes from one checkout and one build, started as an operator starts them (`npm start` with
 * NODE_ENV=production and PORT=…), on one PostgreSQL, as they would run behind a load balancer, with one
 * AUTH_SECRET and one Stripe webhook secret; and deploy/nginx.conf in front of both (when nginx is
 * installed). The servers are shared by every test of this file.
 */
test.skip(!pgAvailable(), 'needs PostgreSQL binaries (apt-get install -y postgresql); CI installs them');

const NGINX_REASON = 'needs nginx (apt-get install -y nginx); .ci/run installs it';
/** deploy/nginx.conf: proxy_cache_valid for catalog pages. */
const MICRO_CACHE_MS = 2_000;
/** The shared tag poll of lib/cache/shared-tags-handler.js (CACHE_TAG_POLL_MS). */
const TAG_POLL_MS = 1_000;

let a: App;
let b: App;
let front: App | undefined;
let stripe: FakeStripe;
let db: postgres.Sql;
let build: { id: string; mtimeMs: number };
let env: Record<string, string>;

const buildId = () => ({ id: readFileSync('.next/BUILD_ID', 'utf8'), mtimeMs: statSync('.next/BUILD_ID').mtimeMs });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  const url = await freshDatabase('gejiu_two_instances');
  stripe = await fakeStripe();
  // Behind nginx, which overwrites X-Forwarded-For with the client's address: one trusted hop.
  env = { ...appEnv(url, stripe.port), TRUSTED_PROXY_HOPS: '1' };
  build = buildId();
  // The second start comes while the first serves: it must serve the same build, not rebuild it.
  a = await startApp(appPort(1), env, 'npm start');
  b = await startApp(appPort(2), env, 'npm start');
  if (nginxAvailable()) front = await startNginx(appPort(9), [appPort(1), appPort(2)]);
  db = postgres(url, { max: 1, onnotice: () => {} });
});

test.afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop(), front?.stop()]);
  stripe?.close();
  await db?.end();
});

async function signIn(browser: Browser, base: string, account: string) {
  const context = await browser.newContext({ baseURL: base });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('账号 (邮箱或手机号)').fill(account);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((u) => u.pathname !== '/login');
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
  return { context, page };
}

test('one build serves both ports: the second start rebuilds nothing, and each serves pages, their script files and a login', async ({
  browser,
}) => {
  expect(buildId()).toEqual(build);
  for (const base of [a.base, b.base]) {
    // Per deployment, read at run time: the origin (APP_URL unset: localhost and this instance's port)…
    const port = new URL(base).port;
    expect(await (await fetch(`${base}/robots.txt`)).text()).toContain(`http://localhost:${port}/sitemap.xml`);
    const html = await (await fetch(`${base}/products`)).text();
    const scripts = [...html.matchAll(/src="(\/_next\/static\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) expect((await fetch(`${base}${s}`)).status, s).toBe(200);
    const { context, page } = await signIn(browser, base, 'buyer@example.com');
    // …and the payment simulator: off here (Stripe keys set), on in the e2e run of this same build.
    await expect(page.getByRole('note', { name: '演示支付' })).toHaveCount(0);
    await context.close();
  }
});

test('an order placed on one instance is paid through the other’s webhook and shows paid on both', async () => {
  const o = await placeApiOrder(a.base, 'manhao-bananas', 2);
  expect(o.status).toBe(201);
  const orderId = stripe.orderIdOf(o.orderNo!)!;
  expect(orderId).toBeTruthy();
  const event = completedEvent(`evt_two_${Date.now()}`, { orderId, orderNo: o.orderNo!, totalFen: o.totalFen! });
  expect((await deliverWebhook(b.base, event)).status).toBe(200);
  // Stripe retries: the same event on the first instance changes nothing.
  expect((await deliverWebhook(a.base, event)).status).toBe(200);
  for (const base of [a.base, b.base]) {
    const r = await fetch(`${base}/api/v1/orders/${o.orderNo}`, {
      headers: { authorization: `Bearer ${o.accessToken}` },
    });
    expect(((await r.json()) as { status: string }).status).toBe('paid');
  }
  const [l] = await db`select count(*)::int as n from sales_ledger where order_id = ${orderId}`;
  expect(l!.n).toBe(1);
});

test('a session from one instance works on the other, and a listing edit on one shows on the other (its product page, a search, and through nginx) within the cache lifetimes', async ({
  page,
}) => {
  // Log in on A.
  await page.goto(`${a.base}/login?next=/workshop/products`);
  await page.getByLabel('账号 (邮箱或手机号)').fill('workshop@example.com');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((u) => u.pathname === '/workshop/products');
  await expect(page.getByRole('heading', { name: '商品管理' })).toBeVisible();

  // The same cookie is a valid session on B (one AUTH_SECRET).
  await page.goto(`${b.base}/workshop`);
  await expect(page.getByRole('heading', { name: '车间/合作社', level: 1 })).toBeVisible();

  // B has the product page and the API answer cached; so has nginx, for anonymous visitors.
  const slug = 'embroidered-coaster-set';
  const priceOnB = async () =>
    ((await (await fetch(`${b.base}/api/v1/products/${slug}`)).json()) as { priceFen: number }).priceFen;
  const before = await priceOnB();
  await fetch(`${b.base}/products/${slug}`);
  const viaFront = async () => {
    const r = await fetch(`${front!.base}/products/${slug}`);
    return { cache: r.headers.get('x-cache-status'), html: await r.text() };
  };
  if (front) await expect.poll(async () => (await viaFront()).cache).toBe('HIT');
  // A search finding it is kept on B too (in memory, lib/cache/page-cache-handler.js).
  const searchOnB = () => fetch(`${b.base}/products?q=${encodeURIComponent('杯垫 刺绣')}`);
  await expect.poll(async () => (await searchOnB()).headers.get('x-nextjs-cache')).toBe('HIT');
  expect(await (await searchOnB()).text()).toContain(formatFen(before));

  // Edit the price on A.
  const id = (await db`select id from products where slug = ${slug}`)[0]!.id as number;
  await page.goto(`${a.base}/workshop/products/${id}`);
  const next = fenToDecimalYuan(before + 100);
  await page.getByRole('textbox', { name: '售价（元）' }).fill(next);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('已保存', { exact: true })).toBeVisible();

  // Within the tag poll (plus a render on a busy machine) on B; through nginx, within its micro-cache too.
  await expect.poll(priceOnB, { timeout: TAG_POLL_MS + 4_000, intervals: [250] }).toBe(before + 100);
  await expect
    .poll(async () => (await (await fetch(`${b.base}/products/${slug}`)).text()).includes(`¥${next}`), {
      timeout: TAG_POLL_MS + 4_000,
      intervals: [250],
    })
    .toBe(true);
  await expect
    .poll(async () => (await (await searchOnB()).text()).includes(`¥${next}`), {
      timeout: TAG_POLL_MS + 4_000,
      intervals: [250],
    })
    .toBe(true);
  if (front)
    await expect
      .poll(async () => (await viaFront()).html.includes(`¥${next}`), {
        timeout: MICRO_CACHE_MS + TAG_POLL_MS + 4_000,
        intervals: [250],
      })
      .toBe(true);
});

test('a price edited while an instance was down shows on it as soon as it serves again (its pages on disk outlive it)', async ({
  browser,
}) => {
  const slug = 'yi-embroidered-scarf';
  // 幸福刺绣 with the default sort is prerendered and kept in .next, which both instances share and which
  // outlives them.
  const listing = async (base: string) => (await fetch(`${base}/products?category=embroidery`)).text();
  const before = ((await (await fetch(`${b.base}/api/v1/products/${slug}`)).json()) as { priceFen: number }).priceFen;
  const next = formatFen(before + 1); // one fen more: no other product costs that
  expect(await listing(b.base)).not.toContain(next);
  await b.stop();

  // While B is down, the workshop edits the price on A; nobody asks A for the listing, so the copy on disk
  // is the one from before the edit.
  const { context, page } = await signIn(browser, a.base, 'workshop@example.com');
  const id = (await db`select id from products where slug = ${slug}`)[0]!.id as number;
  await page.goto(`/workshop/products/${id}`);
  await page.getByRole('textbox', { name: '售价（元）' }).fill(fenToYuanText(before + 1));
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('已保存', { exact: true })).toBeVisible();
  await context.close();

  // B polls the shared tags only once an hour now: its first read at start, made before it answers any page,
  // is all that can tell it (a first request racing the first poll got the copy from before the edit).
  b = await startApp(appPort(2), { ...env, CACHE_TAG_POLL_MS: '3600000' }, 'npm start');
  expect(await listing(b.base)).toContain(next);
  expect(await (await fetch(`${b.base}/products/${slug}`)).text()).toContain(next);
  await b.stop();
  b = await startApp(appPort(2), env, 'npm start');
});

test.describe('behind nginx (deploy/nginx.conf)', () => {
  test.skip(!nginxAvailable(), NGINX_REASON);

  test('an anonymous visitor gets the listing from the micro-cache, compressed; build assets are cached for a year', async () => {
    const get = (path: string, headers: Record<string, string> = {}) => fetch(`${front!.base}${path}`, { headers });
    // Some request within the cache lifetime is answered from the cache (the first one renders).
    await expect.poll(async () => (await get('/products')).headers.get('x-cache-status')).toBe('HIT');
    const r = await get('/products', { 'accept-encoding': 'gzip' });
    expect(r.headers.get('content-encoding')).toBe('gzip');
    const html = await r.text();
    const script = html.match(/src="(\/_next\/static\/[^"]+\.js)"/)![1]!;
    const asset = await get(script);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // A client's own X-Forwarded-For is replaced (the app trusts one hop): the page still renders as usual.
    expect((await get('/products', { 'x-forwarded-for': '203.0.113.9' })).status).toBe(200);
  });

  test('a signed-in user and a guest with a cart never get a cached page, nor anyone else’s header or cart', async ({
    browser,
  }) => {
    const base = front!.base;
    await expect.poll(async () => (await fetch(`${base}/products`)).headers.get('x-cache-status')).toBe('HIT');

    // A guest puts something in the cart: from then on the cart cookie bypasses the cache.
    const guest = await browser.newContext({ baseURL: base });
    const g = await guest.newPage();
    await g.goto('/products/manhao-bananas');
    await g.getByRole('button', { name: '加入购物车' }).click();
    await expect(g.getByText('已加入购物车')).toBeVisible();
    const gr = await g.goto('/products');
    expect(gr!.headers()['x-cache-status']).toBe('BYPASS');
    await expect(g.getByRole('link', { name: '购物车（1 件）' }).first()).toBeVisible();
    await expect(g.getByRole('link', { name: '登录' }).first()).toBeVisible();

    // A signed-in buyer: never a cached page, their own header.
    const { context: buyer, page: p } = await signIn(browser, base, 'buyer@example.com');
    for (const path of ['/products', '/', '/products/manhao-bananas']) {
      const r = await p.goto(path);
      expect(r!.headers()['x-cache-status'], path).toBe('BYPASS');
      await expect(p.getByRole('button', { name: '退出登录' })).toBeVisible();
    }
    const buyerMe = (await (await p.request.get('/api/me')).json()) as { signedIn: boolean; cartCount: number };
    expect(buyerMe.signedIn).toBe(true);

    // Neither reached the cache: an anonymous visitor still gets the anonymous page and header.
    const anon = await fetch(`${base}/products`);
    expect(['HIT', 'MISS', 'EXPIRED', 'STALE', 'UPDATING']).toContain(anon.headers.get('x-cache-status'));
    const html = await anon.text();
    expect(html).not.toContain('退出登录');
    expect(html).not.toContain('购物车（1 件）');
    const me = (await (await fetch(`${base}/api/me`)).json()) as { signedIn: boolean; cartCount: number };
    expect(me).toMatchObject({ signedIn: false, cartCount: 0 });
    // And the guest's header is still a guest's with one item.
    const guestMe = (await (await g.request.get('/api/me')).json()) as { signedIn: boolean; cartCount: number };
    expect(guestMe).toMatchObject({ signedIn: false, cartCount: 1 });
    await Promise.all([guest.close(), buyer.close()]);
  });

  // Last in this file: it leaves 127.0.0.1 throttled for logins for 15 minutes.
  test('a client-sent X-Forwarded-For is overwritten: spoofed addresses do not escape the per-address login limit', async () => {
    const login = (base: string, n: number, spoofed: string) =>
      fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': spoofed },
        // A new account each time: only the per-address limit (5 free failures) can refuse.
        body: JSON.stringify({ login: `xff-${n}-${Date.now()}@example.com`, password: 'wrong-password' }),
      });
    // Straight to an app that trusts one hop, a made-up address would be believed (that is what nginx is for).
    expect((await login(a.base, 0, '198.51.100.200')).status).toBe(401);
    // Through nginx, every try counts against the real client address, whatever the header says.
    const statuses: number[] = [];
    for (let i = 1; i <= 6; i++) statuses.push((await login(front!.base, i, `198.51.100.${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const spoofedAgain = await login(front!.base, 7, '203.0.113.77, 198.51.100.99');
    expect(spoofedAgain.status).toBe(429);
    expect(Number(spoofedAgain.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  test('a restarted instance serves again behind nginx (the time is recorded for README, not asserted)', async () => {
    await a.stop();
    const t0 = performance.now();
    a = await startApp(appPort(1), env, 'npm start');
    expect((await fetch(`${a.base}/`)).status).toBe(200);
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    test.info().annotations.push({ type: 'restart to first page (s)', description: seconds });
    console.log(`[system] npm start (build current) to GET / = 200: ${seconds} s`);
    await expect.poll(async () => (await fetch(`${front!.base}/api/health`)).status).toBe(200);
  });
});
