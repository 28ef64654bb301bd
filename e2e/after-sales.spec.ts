import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { solidPng } from '../lib/media/fixtures';
import { login } from './pages/auth';
import { checkPage } from './pages/catalog';
import { addToCart, checkout, submitCheckout } from './pages/shop';
import { shipOrder } from './pages/workshop';

/**
 * Issue 16, Must hold: on a Pixel 7, 分类 → a category → 筛选 → the product (price above the fold) →
 * 立即购买 with another item in the cart (the cart stays) → pay → 支付结果 → 我的订单 → the supplier ships →
 * 确认收货 → 退货退款 with a photo → the supplier refuses → the office approves → the return is tracked and
 * received → the refund → /impact drops by exactly the refunded goods.
 */

async function box(l: Locator) {
  const b = await l.boundingBox();
  expect(b, 'element has a box').not.toBeNull();
  return b!;
}

async function countedOnImpact(page: Page): Promise<bigint> {
  await page.goto('/impact');
  return BigInt((await page.getByTestId('counted-fen').getAttribute('data-fen'))!);
}

async function as(browser: Browser, account: string, next: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await login(page, account, undefined, next);
  return page;
}

test('buy-now to a refund after a refused return: the journey at 390 × 844', async ({ page, browser }, testInfo) => {
  test.skip(testInfo.project.name !== 'mobile', 'the phone journey runs in the Pixel 7 (mobile) project');
  test.setTimeout(300_000); // four accounts and some twenty pages: over a minute on a busy 2-core machine, 2 minutes beside the other project
  await login(page, 'buyer@example.com', undefined, '/');
  await addToCart(page, 'embroidered-brooch', 1); // already in the cart: must stay there, unpaid

  await page.goto('/');
  const tabs = page.getByRole('navigation', { name: '主导航' });
  await tabs.getByRole('link', { name: '分类' }).click();
  await page.waitForURL(/\/categories$/);
  await page.getByRole('link', { name: /^刺绣工艺品/ }).click();
  await page.waitForURL(/category=embroidery/);
  await page.getByRole('button', { name: '筛选' }).click();
  const sheet = page.getByRole('dialog', { name: '筛选' });
  await sheet.getByLabel('只看消费扶贫认定商品').check();
  await sheet.getByRole('button', { name: '确定' }).click();
  await page.waitForURL(/certified=1/);
  await page
    .getByRole('list', { name: '商品列表' })
    .getByRole('link', { name: /彝绣马缨花围巾/ })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('彝绣马缨花围巾');
  const bar = page.locator('[data-bottom-bar]');
  // On the first screen as the page opens: inside the viewport, above the bottom bar.
  const price = await box(page.getByTestId('product-price'));
  expect(price.y).toBeGreaterThanOrEqual(0);
  expect(price.y + price.height).toBeLessThanOrEqual((await box(bar)).y);
  await expect(page.getByTestId('after-sales-rule')).toContainText('支持七天无理由退货');

  // 立即购买: this item alone; the brooch stays in the cart.
  await bar.getByRole('button', { name: '立即购买' }).click();
  await page.waitForURL(/\/checkout\?buy=yi-embroidered-scarf&qty=1$/);
  const summary = page.getByRole('region', { name: '立即购买' });
  await expect(summary.getByRole('listitem')).toHaveCount(1);
  await expect(summary.getByText('彝绣马缨花围巾')).toBeVisible();
  await expect(summary.getByText('马缨花刺绣胸针')).toHaveCount(0);
  await checkPage(page, testInfo, '70-buy-now-checkout');
  const orderNo = await submitCheckout(page);
  await page.getByRole('button', { name: '确认支付' }).click();
  await page.waitForURL(new RegExp(`/pay/result/${orderNo}$`));
  await expect(page.getByRole('heading', { name: '支付成功' })).toBeVisible();
  await checkPage(page, testInfo, '71-pay-result-paid');
  await expect(tabs.getByRole('link', { name: /^购物车（\d+ 件）$/ })).toBeVisible();
  await page.goto('/cart');
  await expect(page.getByRole('list', { name: '购物车商品' }).getByText('马缨花刺绣胸针')).toBeVisible();

  // 我的订单 lists it.
  await page.goto('/orders');
  await page.getByRole('link', { name: new RegExp(orderNo) }).click();
  await page.waitForURL(new RegExp(`/orders/${orderNo}$`));
  await expect(page.getByRole('button', { name: '确认收货' })).toHaveCount(0); // not shipped yet

  // The supplier ships.
  const manager = await as(browser, 'workshop@example.com', '/workshop');
  await shipOrder(manager, orderNo, '圆通速递');

  // 确认收货, then 退货退款 with a photo.
  await page.reload();
  await page.getByRole('button', { name: '确认收货' }).click();
  await expect(page.getByText(/已于 .+ 确认收货/)).toBeVisible();
  await expect(page.getByRole('button', { name: '确认收货' })).toHaveCount(0);
  await page.getByText('申请售后：彝绣马缨花围巾').click();
  await page.getByLabel('售后类型').selectOption('return_refund');
  await page.getByLabel('原因').selectOption('no_reason');
  await page.getByLabel('问题描述').fill('颜色与图片不一致，想退货');
  await page.getByLabel(/照片/).setInputFiles({
    name: '照片.png',
    mimeType: 'image/png',
    buffer: Buffer.from(solidPng(400)),
  });
  await page.getByRole('button', { name: '申请售后' }).click();
  const mine = page.getByRole('article', { name: '售后 彝绣马缨花围巾' });
  await expect(mine.getByText('待商家处理')).toBeVisible();
  await expect(mine.getByRole('img', { name: '售后照片 1' })).toBeVisible();
  await checkPage(page, testInfo, '72-order-after-sales');

  // The supplier refuses, with a reason: the case goes to the office.
  await manager.goto('/workshop/after-sales');
  const supplierCase = manager.getByRole('article').filter({ hasText: orderNo });
  await supplierCase.getByText('拒绝…').click();
  await supplierCase.getByLabel(/拒绝原因/).fill('商品已下水洗涤，影响二次销售');
  await supplierCase.getByRole('button', { name: '拒绝', exact: true }).click();
  await expect(supplierCase.getByText('待消费帮扶办公室处理')).toBeVisible();
  await checkPage(manager, testInfo, '73-workshop-after-sales-1280');
  await manager.setViewportSize({ width: 390, height: 844 }); // the manager's phone
  await checkPage(manager, testInfo, '73-workshop-after-sales-390');
  await manager.setViewportSize({ width: 1280, height: 900 });

  // The office approves; the buyer gets the return address.
  const admin = await as(browser, 'admin@example.com', '/admin/after-sales');
  const officeCase = admin
    .getByRole('region', { name: /待办公室处理/ })
    .getByRole('article')
    .filter({ hasText: orderNo });
  await expect(officeCase.getByText('商品已下水洗涤')).toBeVisible();
  await checkPage(admin, testInfo, '74-admin-after-sales-1280');
  await admin.setViewportSize({ width: 390, height: 844 });
  await checkPage(admin, testInfo, '74-admin-after-sales-390');
  await admin.setViewportSize({ width: 1280, height: 900 });
  await officeCase.getByRole('button', { name: /^同意/ }).click();
  const following = admin
    .getByRole('region', { name: /进行中/ })
    .getByRole('article')
    .filter({ hasText: orderNo });
  await expect(following.getByText('待买家寄回商品')).toBeVisible();

  await page.reload();
  await expect(mine.getByText('待买家寄回商品')).toBeVisible();
  await expect(mine.getByText(/大屯/).first()).toBeVisible(); // the supplier's return address
  await mine.getByLabel('快递公司').fill('顺丰速运');
  await mine.getByLabel('快递单号').fill('SF1234567890');
  await mine.getByRole('button', { name: '提交退货物流' }).click();
  await expect(mine.getByText('买家已寄回，待确认退款')).toBeVisible();

  // The supplier receives the parcel: the refund goes through the money model.
  const before = await countedOnImpact(page);
  await manager.reload();
  await supplierCase.getByRole('button', { name: /确认收到退货并退款/ }).click();
  await expect(supplierCase.getByText('已退款', { exact: true })).toBeVisible();
  expect(before - (await countedOnImpact(page))).toBe(16800n);

  await page.goto(`/orders/${orderNo}`);
  await expect(mine.getByText('已退款', { exact: true })).toBeVisible();
  const steps = page.getByRole('list', { name: '售后进度' });
  await expect(steps.getByRole('listitem')).toHaveText([
    /买家确认收货/,
    /申请退货退款（七天无理由）/,
    /商家不同意售后.*商品已下水洗涤/,
    /消费帮扶办公室同意售后/,
    /买家已寄回商品.*SF1234567890/,
    /已确认收到退货/,
    /已退款 ¥168\.00/,
  ]);
  await checkPage(page, testInfo, '77-order-refunded-390');
  await page.setViewportSize({ width: 1280, height: 900 });
  await checkPage(page, testInfo, '77-order-refunded-1280');
  await admin.goto('/admin/audit');
  await expect(admin.getByText('售后退款').first()).toBeVisible();
});

test('支付结果 while pending: a countdown and 继续支付; the order page counts down too', async ({ page }, testInfo) => {
  await addToCart(page, 'embroidered-bookmark-set', 1);
  const orderNo = await checkout(page, { name: '李华', mobile: '139 8731 0001', detail: '锡城镇 1 号' });
  await page.goto(`/pay/result/${orderNo}`);
  await expect(page.getByRole('heading', { name: '待支付' })).toBeVisible();
  await expect(page.getByRole('timer')).toHaveText(/^\d{2}:\d{2}$/);
  await checkPage(page, testInfo, '75-pay-result-pending');
  await page.getByRole('link', { name: '继续支付' }).click();
  await page.waitForURL(/\/pay\/simulated\/.*cap=/);
  await page.getByRole('button', { name: '取消支付' }).click();
  await page.waitForURL(new RegExp(`/pay/result/${orderNo}$`));
  await expect(page.getByRole('heading', { name: '支付未完成' })).toBeVisible();
  await checkPage(page, testInfo, '76-pay-result-closed');

  // Another browser with the order number alone: not found.
  const stranger = await (await page.context().browser()!.newContext()).newPage();
  const r = await stranger.goto(`/pay/result/${orderNo}`);
  expect(r?.status()).toBe(404);
});
