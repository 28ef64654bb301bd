import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, login } from './pages/auth';
import { checkPage } from './pages/catalog';
import { addToCart, checkout } from './pages/shop';

async function countedOnImpact(page: Page): Promise<bigint> {
  await page.goto('/impact');
  return BigInt((await page.getByTestId('counted-fen').getAttribute('data-fen'))!);
}

test('a purchase raises /impact by exactly its counted amount, a refund lowers it, and the export equals the page', async ({
  page,
  browser,
}, testInfo) => {
  const before = await countedOnImpact(page);
  await checkPage(page, testInfo, '50-impact');

  // The scarf is certified (¥168.00) and ships free: the order's counted amount is its item total.
  await addToCart(page, 'yi-embroidered-scarf', 1);
  const orderNo = await checkout(page);
  await page.getByRole('button', { name: '确认支付' }).click();
  await page.waitForURL(new RegExp(`/pay/result/${orderNo}$`));
  expect(await countedOnImpact(page)).toBe(before + 16800n);

  // The office refunds ¥50.00 of it.
  const admin = await (await browser.newContext()).newPage();
  await login(admin, 'admin@example.com', DEMO_PASSWORD, '/admin/orders');
  await admin.goto('/admin/orders?status=paid');
  const card = admin.getByRole('listitem').filter({ hasText: orderNo });
  await card.getByText('退款…').click();
  await card.getByLabel('退款金额（元）').fill('50.00');
  await card.getByRole('button', { name: '退款', exact: true }).click();
  // The order leaves the 已付款 filter once it is partly refunded.
  await expect(admin.getByRole('listitem').filter({ hasText: orderNo })).toHaveCount(0);
  const after = before + 16800n - 5000n;
  expect(await countedOnImpact(page)).toBe(after);

  // The dashboard shows the same figure, and the exported spreadsheet's total equals it to the fen.
  await admin.goto('/admin/impact');
  expect(BigInt((await admin.getByTestId('counted-fen').getAttribute('data-fen'))!)).toBe(after);
  await checkPage(admin, testInfo, '51-admin-impact');
  const csv = await (await admin.request.get('/admin/impact/export?format=csv')).text();
  const total = csv
    .replace(/^\uFEFF/, '')
    .split('\r\n')[1]!
    .split(',');
  expect(total[0]).toBe('合计');
  expect(BigInt(total[3]!)).toBe(after);
  const xlsx = await admin.request.get('/admin/impact/export?format=xlsx');
  expect(xlsx.headers()['content-type']).toContain('spreadsheetml');

  // Drill-down: the order is behind the total.
  await admin.getByTestId('counted-fen').getByRole('link').click();
  await expect(admin.getByRole('cell', { name: orderNo })).toBeVisible();
  // …and the office can open it, with the buyer's details masked.
  await admin.getByRole('link', { name: orderNo }).click();
  await expect(admin.getByText('139****0000')).toBeVisible();
  await expect(admin.getByText('13987310000')).toHaveCount(0);

  const api = (await (await page.request.get('/api/v1/impact')).json()) as { countedFen: number };
  expect(BigInt(api.countedFen)).toBe(after);
});
