import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, login } from './pages/auth';
import { checkPage } from './pages/catalog';
import { addToCart, checkout, countedFen, stockOf } from './pages/shop';
import { shipOrder } from './pages/workshop';

test('a guest buys two products with the simulator: paid, stock down, counted total up by the order total', async ({
  page,
  request,
}, testInfo) => {
  const before = {
    tea: await stockOf(request, 'kafang-cloud-green-tea'),
    scarf: await stockOf(request, 'yi-embroidered-scarf'),
  };
  const counted = await countedFen(page);
  await expect(page.getByRole('note', { name: '演示支付' })).toBeVisible();

  await addToCart(page, 'kafang-cloud-green-tea', 2);
  await checkPage(page, testInfo, '20-product-buy');
  await addToCart(page, 'yi-embroidered-scarf', 1);
  await page.goto('/cart');
  await expect(page.getByRole('list', { name: '购物车商品' }).getByRole('listitem')).toHaveCount(2);
  await checkPage(page, testInfo, '21-cart');
  await page.getByRole('link', { name: '去结算' }).click();
  // The cart's own title matches until the client-side navigation has swapped the head.
  await expect(page).toHaveTitle(/^结算/);
  await checkPage(page, testInfo, '22-checkout');
  const orderNo = await checkout(page);
  await checkPage(page, testInfo, '23-pay');
  await page.getByRole('button', { name: '确认支付' }).click();
  await page.waitForURL(new RegExp(`/pay/result/${orderNo}$`));
  await expect(page.getByText('已付款').first()).toBeVisible();
  await checkPage(page, testInfo, '24-order');

  const total = 2 * 12800 + 16800; // both certified, free shipping
  expect(await stockOf(request, 'kafang-cloud-green-tea')).toBe(before.tea - 2);
  expect(await stockOf(request, 'yi-embroidered-scarf')).toBe(before.scarf - 1);
  expect(await countedFen(page)).toBe(counted + BigInt(total));
});

test('cancelling on the simulator releases the stock', async ({ page, request }) => {
  const before = await stockOf(request, 'laochang-walnuts');
  await addToCart(page, 'laochang-walnuts', 3);
  await checkout(page);
  expect(await stockOf(request, 'laochang-walnuts')).toBe(before - 3);
  await page.getByRole('button', { name: '取消支付' }).click();
  await expect(page.getByText('已取消').first()).toBeVisible();
  expect(await stockOf(request, 'laochang-walnuts')).toBe(before);
});

test('a guest finds an order by number and mobile; others cannot open it', async ({ page, browser }) => {
  await addToCart(page, 'jiasha-eggs', 1);
  const orderNo = await checkout(page);
  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(`/orders/${orderNo}`);
  await expect(stranger.getByText('找不到该订单')).toBeVisible();
  await stranger.goto('/orders');
  await stranger.getByLabel('订单号', { exact: true }).fill(orderNo);
  await stranger.getByLabel('下单手机号').fill('13987310000');
  await stranger.getByRole('button', { name: '查询订单' }).click();
  await stranger.waitForURL(new RegExp(`/orders/${orderNo}$`));
  await expect(stranger.getByText('待付款').first()).toBeVisible();
});

test('the workshop ships a paid order and the buyer sees 已发货 with the tracking number', async ({
  page,
  browser,
}, testInfo) => {
  await addToCart(page, 'embroidered-coaster-set', 1);
  await addToCart(page, 'embroidered-insoles', 1);
  const orderNo = await checkout(page);
  await page.getByRole('button', { name: '确认支付' }).click();
  await page.waitForURL(new RegExp(`/pay/result/${orderNo}$`));

  const manager = await (await browser.newContext()).newPage();
  await login(manager, 'workshop@example.com', DEMO_PASSWORD, '/workshop');
  const card = manager.getByRole('listitem').filter({ hasText: orderNo });
  await expect(card.getByText('139****0000')).toBeVisible(); // the buyer's number, masked
  const tracking = await shipOrder(manager, orderNo, '顺丰速运');
  await checkPage(manager, testInfo, '40-workshop-ship');

  await page.goto(`/orders/${orderNo}`);
  await expect(page.getByText('已发货').first()).toBeVisible();
  await expect(page.getByText(tracking)).toBeVisible();
});
