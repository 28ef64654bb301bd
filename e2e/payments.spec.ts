import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, login, logout } from './pages/auth';
import { checkPage } from './pages/catalog';
import { countedFen } from './pages/shop';
import { shipOrder } from './pages/workshop';
import { approvedPurchaseOrder } from './pages/unit';

/** Issue 14: payment links that work for API clients, and pay-later orders that ship. */

test('an API client orders; its payUrl, opened in a fresh browser, pays that order and shows nothing more', async ({
  request,
  browser,
}, testInfo) => {
  const created = await request.post('/api/v1/orders', {
    data: {
      items: [{ slug: 'jiasha-eggs', quantity: 1 }],
      contact: { name: '小程序用户', mobile: '13987310001' },
      shippingAddress: {
        province: '云南省',
        city: '红河哈尼族彝族自治州',
        district: '个旧市',
        detail: '金湖西路 9 号',
      },
      paymentMethod: 'simulated',
    },
  });
  expect(created.status()).toBe(201);
  const order = (await created.json()) as { orderNo: string; payUrl: string; accessToken: string; totalFen: number };
  expect(order.payUrl).toContain('cap=');

  // A browser that never saw the order: no cookie, no session.
  const buyer = await (await browser.newContext()).newPage();
  await buyer.goto(order.payUrl);
  await expect(buyer.getByText(`订单号 ${order.orderNo}`)).toBeVisible();
  await expect(buyer.getByText('小程序用户')).toHaveCount(0); // the order, not the buyer's details
  await expect(buyer.getByText('金湖西路')).toHaveCount(0);
  await checkPage(buyer, testInfo, '60-pay-capability');
  await buyer.getByRole('button', { name: '确认支付' }).click();
  // 支付结果, reached with the capability: the payment, no link into the order or the buyer's details.
  await expect(buyer.getByRole('heading', { name: '支付成功' })).toBeVisible();
  await expect(buyer.getByRole('link', { name: '查看订单' })).toHaveCount(0);
  await expect(buyer.getByText('金湖西路')).toHaveCount(0);
  await buyer.goto(order.payUrl);
  await expect(buyer.getByRole('button', { name: '确认支付' })).toHaveCount(0);

  // The same page without the capability, or with it on another order's page, is not found.
  const other = await (await browser.newContext()).newPage();
  const url = new URL(order.payUrl, 'http://x');
  await other.goto(url.pathname);
  await expect(other.getByRole('heading', { name: '页面不存在' })).toBeVisible();
  await other.goto(`/pay/simulated/GJ20200101-000001${url.search}`);
  await expect(other.getByRole('heading', { name: '页面不存在' })).toBeVisible();

  const read = await request.get(`/api/v1/orders/${order.orderNo}`, {
    headers: { authorization: `Bearer ${order.accessToken}` },
  });
  expect(((await read.json()) as { status: string; paidFen: number }).status).toBe('paid');
});

test('a pay-later purchase order is approved, shipped by its supplier before payment, and shows 已发货 to the unit', async ({
  page,
  browser,
}, testInfo) => {
  const cityBefore = await countedFen(page);
  const orderNo = await approvedPurchaseOrder(page, { lines: 'GJ0001 2', terms: 'pay_later' });

  // The embroidery workshop ships it although the unit has not paid yet.
  const manager = await (await browser.newContext()).newPage();
  await login(manager, 'workshop@example.com', DEMO_PASSWORD, '/workshop');
  const card = manager.getByRole('listitem').filter({ hasText: orderNo });
  await expect(card.getByText('先货后款（单位尚未付款）')).toBeVisible();
  await shipOrder(manager, orderNo, '圆通速递');
  await checkPage(manager, testInfo, '61-workshop-pay-later');

  await login(page, 'unit@example.com', DEMO_PASSWORD, '/unit');
  const mine = page.getByRole('listitem').filter({ hasText: orderNo });
  await expect(mine.getByText('已发货')).toBeVisible();
  await expect(mine.getByText('待付款')).toBeVisible();
  await checkPage(page, testInfo, '62-unit-shipped-unpaid');
  await logout(page);
  expect(await countedFen(page)).toBe(cityBefore); // not counted until paid

  // The office still awaits the transfer; once confirmed, the target rises by the order's goods.
  await login(page, 'admin@example.com', DEMO_PASSWORD, '/admin/transfers');
  const awaiting = page.getByRole('listitem').filter({ hasText: orderNo });
  await expect(awaiting.getByText('已发货（先货后款）', { exact: false })).toBeVisible();
  await awaiting.getByRole('button', { name: '确认到账' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: orderNo })).toHaveCount(0);
  await logout(page);
  expect((await countedFen(page)) - cityBefore).toBe(2n * 16800n);
});

test('a transfer beyond the balance pays the order; the office refunds the excess from 待处理款项', async ({
  page,
}, testInfo) => {
  const orderNo = await approvedPurchaseOrder(page, { lines: 'GJ0001 1' });
  await login(page, 'admin@example.com', DEMO_PASSWORD, '/admin/transfers');
  const row = page.getByRole('listitem').filter({ hasText: orderNo });
  await row.getByLabel('实际到账金额（元）').fill('170.00'); // ¥168 owed, ¥2 too much
  await row.getByRole('button', { name: '确认到账' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: orderNo })).toHaveCount(0); // paid

  await page.getByRole('navigation', { name: '管理后台' }).getByRole('link', { name: '待处理款项' }).click();
  const excess = page.getByRole('listitem').filter({ hasText: orderNo });
  await expect(excess.getByText('超出应付余额的部分')).toBeVisible();
  await expect(excess.getByRole('button', { name: /计入订单/ })).toHaveCount(0);
  await expect(excess.getByText('订单已付款，请退款')).toBeVisible();
  await checkPage(page, testInfo, '63-admin-unmatched');
  await excess.getByRole('button', { name: /退还 ¥2\.00/ }).click();
  await expect(page.getByRole('listitem').filter({ hasText: orderNo })).toHaveCount(0);
});
