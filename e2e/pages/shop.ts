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

export async function checkout(page: Page): Promise<string> {
  await page.goto('/cart');
  await page.getByRole('link', { name: '去结算' }).click();
  await page.getByLabel('收货人').fill('王芳');
  await page.getByLabel('手机号').fill('139 8731 0000');
  await page.getByLabel('详细地址').fill('大屯街道幸福小区 3 栋');
  await page.getByRole('button', { name: '提交订单' }).click();
  await page.waitForURL(/\/pay\/simulated\//);
  return new URL(page.url()).pathname.split('/').pop()!;
}
