import { expect, test } from '@playwright/test';
import postgres from 'postgres';
import { DEMO_PASSWORD } from '../pages/auth';
import {
  appEnv,
  completedEvent,
  deliverWebhook,
  fakeStripe,
  freshDatabase,
  pgAvailable,
  placeApiOrder,
  startApp,
  appPort,
  type App,
  type FakeStripe,
} from './support';

/**
 * Two app processes on different ports share one PostgreSQL, as they would behind a load balancer,
 * with one AUTH_SECRET and one Stripe webhook secret.
 */
test.skip(!pgAvailable(), 'needs PostgreSQL binaries (apt-get install -y postgresql); CI installs them');

let a: App;
let b: App;
let stripe: FakeStripe;
let db: postgres.Sql;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const url = await freshDatabase('gejiu_two_instances');
  stripe = await fakeStripe();
  const env = appEnv(url, stripe.port);
  a = await startApp(appPort(1), env);
  b = await startApp(appPort(2), env);
  db = postgres(url, { max: 1, onnotice: () => {} });
});

test.afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  stripe?.close();
  await db?.end();
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

test('a session from one instance works on the other, and a listing edit on one shows on the other within 5 s', async ({
  page,
}) => {
  // Log in on A.
  await page.goto(`${a.base}/login?next=/workshop/products`);
  await page.getByLabel('账号 (邮箱或手机号)').fill('workshop@example.com');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('heading', { name: '商品管理' })).toBeVisible();

  // The same cookie is a valid session on B (one AUTH_SECRET).
  await page.goto(`${b.base}/workshop`);
  await expect(page.getByRole('heading', { name: '车间/合作社', level: 1 })).toBeVisible();

  // B has the product page and the API answer cached.
  const slug = 'embroidered-coaster-set';
  const priceOnB = async () =>
    ((await (await fetch(`${b.base}/api/v1/products/${slug}`)).json()) as { priceFen: number }).priceFen;
  const before = await priceOnB();
  await fetch(`${b.base}/products/${slug}`);

  // Edit the price on A.
  const id = (await db`select id from products where slug = ${slug}`)[0]!.id as number;
  await page.goto(`${a.base}/workshop/products/${id}`);
  const next = ((before + 100) / 100).toFixed(2);
  await page.getByRole('textbox', { name: '售价（元）' }).fill(next);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('已保存', { exact: true })).toBeVisible();

  await expect.poll(priceOnB, { timeout: 5_000, intervals: [250] }).toBe(before + 100);
  await expect
    .poll(async () => (await (await fetch(`${b.base}/products/${slug}`)).text()).includes(`¥${next}`), {
      timeout: 5_000,
      intervals: [250],
    })
    .toBe(true);
});
