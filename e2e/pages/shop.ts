import { expect, type APIRequestContext, type Page } from '@playwright/test';

export async function stockOf(request: APIRequestContext, slug: string): Promise<number> {
  const r = await request.get(`/api/v1/products/${slug}`);
  return ((await r.json()) as { stock: number }).stock;
}

/** The counted figure on the home page's target teaser, in fen. */
export async function countedFen(page: Page): Promise<bigint> {
  await page.goto('/');
  const text = (await page.locator('#target-heading + p span').first().textContent()) ?? '';
  return BigInt(text.replace(/[¥,.]/g, ''));
}

export async function addToCart(page: Page, slug: string, quantity: number): Promise<void> {
  await page.goto(`/products/${slug}`);
  await page.getByLabel('数量', { exact: true }).fill(String(quantity));
  await page.getByRole('button', { name: '加入购物车' }).click();
  await expect(page.getByText('已加入购物车')).toBeVisible();
}

export type Buyer = { name: string; mobile: string; detail: string };
const WANG_FANG: Buyer = { name: '王芳', mobile: '139 8731 0000', detail: '大屯街道幸福小区 3 栋' };

/** On the checkout page: the buyer's contact and address, 提交订单, and the new order's number from the pay page. */
export async function submitCheckout(page: Page, buyer: Buyer = WANG_FANG): Promise<string> {
  await page.getByLabel('收货人').fill(buyer.name);
  await page.getByLabel('手机号').fill(buyer.mobile);
  await page.getByLabel('详细地址').fill(buyer.detail);
  await page.getByRole('button', { name: '提交订单' }).click();
  await page.waitForURL(/\/pay\/simulated\//);
  return new URL(page.url()).pathname.split('/').pop()!;
}

/** The cart checked out as a guest (王芳 unless another buyer is given): the new order's number. */
export async function checkout(page: Page, buyer: Buyer = WANG_FANG): Promise<string> {
  await page.goto('/cart');
  await page.getByRole('link', { name: '去结算' }).click();
  return submitCheckout(page, buyer);
}
