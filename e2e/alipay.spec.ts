import { expect, test } from '@playwright/test';
import { checkPage } from './pages/catalog';
import { addToCart, countedFen } from './pages/shop';
import { FAKE_ALIPAY_PORT } from '../playwright.providers.config';

/**
 * Issue 19: a buyer on a phone pays with 支付宝 (playwright.providers.config.ts: the app is configured with
 * a local Alipay gateway that holds its own keys, scripts/test-support/fake-alipay.ts).
 */
const gateway = `http://127.0.0.1:${FAKE_ALIPAY_PORT}`;

test('a buyer chooses 支付宝, pays at its cashier, returns to 支付成功; paid once, the target up by exactly its goods', async ({
  page,
  request,
}, testInfo) => {
  const counted = await countedFen(page);
  // Alipay's notification is held back: 支付结果 must ask Alipay itself (alipay.trade.query).
  expect((await request.post(`${gateway}/_control/notify`, { form: { auto: '0' } })).ok()).toBe(true);

  await addToCart(page, 'kafang-cloud-green-tea', 2); // 2 × ¥128, certified, free shipping
  await page.goto('/cart');
  await page.getByRole('link', { name: '去结算' }).click();
  await page.getByLabel('收货人').fill('李娜');
  await page.getByLabel('手机号').fill(testInfo.project.name === 'mobile' ? '139 8731 0019' : '139 8731 0020');
  await page.getByLabel('详细地址').fill('金湖东路 19 号');
  const choices = page.getByRole('group', { name: '支付方式' });
  await expect(choices.getByRole('radio')).toHaveCount(3); // 支付宝, 微信支付 and the simulator
  await choices.getByRole('radio', { name: '支付宝' }).check();
  await checkPage(page, testInfo, '70-checkout-choice');
  await page.getByRole('button', { name: '提交订单' }).click();

  // Alipay's cashier on the gateway: 手机网站支付 on a phone, 电脑网站支付 on a desktop.
  await page.waitForURL((u) => u.href.startsWith(`${gateway}/gateway.do?`));
  expect(new URL(page.url()).searchParams.get('method')).toBe(
    testInfo.project.name === 'mobile' ? 'alipay.trade.wap.pay' : 'alipay.trade.page.pay',
  );
  await expect(page.getByText('¥256.00')).toBeVisible();
  await page.screenshot({ path: `e2e/screenshots/${testInfo.project.name}-71-alipay-cashier.png`, fullPage: true });
  await page.getByRole('button', { name: '确认付款' }).click();

  await page.waitForURL(/\/pay\/result\/GJ\d{8}-\d+/);
  const orderNo = new URL(page.url()).pathname.split('/').pop()!;
  await expect(page.getByRole('heading', { name: '支付成功' })).toBeVisible();
  await checkPage(page, testInfo, '72-pay-result-alipay');

  // The notification arrives after all: acknowledged, and the payment is not counted again.
  const released = (await (
    await request.post(`${gateway}/_control/notify`, { form: { release: '1', auto: '1' } })
  ).json()) as { released: { status: number; answer: string }[] };
  expect(released.released).toEqual([{ status: 200, answer: 'success' }]);
  expect(await countedFen(page)).toBe(counted + 25600n);
  await page.goto(`/orders/${orderNo}`);
  await expect(page.getByText('已付款').first()).toBeVisible();
});
