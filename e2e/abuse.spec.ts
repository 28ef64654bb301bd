import { expect, test } from '@playwright/test';
import { login, logout } from './pages/auth';

/**
 * Issue 13 against the running server: sessions that end, real status codes, and stored files served
 * under their own sandbox (the real response headers).
 */
test('log in, copy the cookie, log out, replay the cookie: refused', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, 'buyer@example.com', undefined, '/account');
  const session = (await context.cookies()).find((c) => c.name.endsWith('authjs.session-token'));
  expect(session).toBeTruthy();
  await logout(page);

  // The copied cookie, replayed from another browser, is no session any more.
  const thief = await browser.newContext();
  await thief.addCookies([session!]);
  const replay = await thief.newPage();
  const me = await replay.request.get('/api/me');
  expect(await me.json()).toEqual({ signedIn: false });
  await replay.goto('/account');
  await expect(replay).toHaveURL(/\/login\?next=%2Faccount/);
  await thief.close();
  await context.close();
});

test('real status codes: 404 for unknown pages, 400 for malformed escapes, 403 without the role', async ({ page }) => {
  const notFound = await page.goto('/products/no-such-product');
  expect(notFound?.status()).toBe(404);
  await expect(page.getByText('页面不存在')).toBeVisible();
  const noCert = await page.goto('/verify/NOPE-0001');
  expect(noCert?.status()).toBe(404);
  await expect(page.getByText('未查到证书 NOPE-0001')).toBeVisible();
  const noOrder = await page.goto('/orders/GJ20200101-000001');
  expect(noOrder?.status()).toBe(404);
  await expect(page.getByText('找不到该订单')).toBeVisible();
  for (const path of ['/verify/abc%2', '/products/abc%2', '/orders/abc%2', '/products?q=%E4%B8%AD%2']) {
    const bad = await page.goto(path);
    expect(bad?.status(), path).toBe(400);
    await expect(page.getByRole('heading', { name: '链接无效' })).toBeVisible();
  }
  await page.screenshot({ path: `e2e/screenshots/bad-escape-${test.info().project.name}.png` });

  await login(page, 'buyer@example.com');
  const denied = await page.goto('/admin/users');
  expect(denied?.status()).toBe(403);
  await expect(page.getByText('无权访问')).toBeVisible();
  await expect(page.getByRole('navigation', { name: '管理后台' })).toHaveCount(0);
  await page.screenshot({ path: `e2e/screenshots/forbidden-${test.info().project.name}.png` });
  await logout(page);
});

test('stored files: attachment unless a re-encoded photo, CSP sandbox and nosniff that page headers do not replace', async ({
  request,
}) => {
  const html = await (await request.get('/products/manhao-bananas')).text();
  const src = /\/media\/[0-9a-f]{64}/.exec(html)?.[0];
  expect(src).toBeTruthy();
  const res = await request.get(src!);
  expect(res.status()).toBe(200);
  const h = res.headers();
  expect(h['content-security-policy']).toContain('sandbox');
  expect(h['content-security-policy']).not.toContain("script-src 'self'");
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['content-disposition']).toBe(h['content-type'] === 'image/webp' ? 'inline' : 'attachment');
});
