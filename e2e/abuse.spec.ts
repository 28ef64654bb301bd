import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, login, logout } from './pages/auth';
import { checkPage } from './pages/catalog';

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
  expect(await me.json()).toEqual({ signedIn: false, cartCount: 0, demoPayment: expect.any(Boolean) });
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
  // The API (not proxied) answers the same in its JSON error shape, an order or product path included.
  for (const path of [
    '/api/v1/products?q=%E4%B8%AD%2',
    '/api/v1/orders/abc%2',
    '/api/v1/products/%E4%B8',
    '/api/me?x=%zz',
  ]) {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(400);
    expect((await res.json()).error.message, path).toMatch(/^链接无效/);
  }

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

test('修改密码 ends every session; the office resets a password with a one-time link', async ({
  browser,
}, testInfo) => {
  const id = Date.now().toString(36);
  const email = `pw-${id}@example.com`;
  const name = `改密${id}`;
  const user = await browser.newContext();
  const page = await user.newPage();
  await page.goto('/register');
  await page.getByLabel('称呼').fill(name);
  await page.getByLabel('邮箱或手机号').fill(email);
  await page.getByLabel('密码').fill('12345678');
  await page.getByRole('button', { name: '注册' }).click();
  await expect(page.getByText('密码至少 10 位')).toBeVisible();
  await expect(page.getByLabel('密码')).toHaveValue(''); // the form has been redrawn with what was kept
  await page.getByLabel('密码').fill('1234567890');
  await page.getByRole('button', { name: '注册' }).click();
  await expect(page.getByText('该密码过于常见，容易被猜中，请换一个')).toBeVisible();
  await expect(page.getByLabel('密码')).toHaveValue('');
  await page.getByLabel('密码').fill('first-password-1');
  await page.getByRole('button', { name: '注册' }).click();
  await expect(page.getByText('注册成功，请登录')).toBeVisible();

  // 修改密码 at /account/security: every session ends, this one too.
  await login(page, email, 'first-password-1', '/account');
  await page.getByRole('link', { name: '账户安全（修改密码）' }).click();
  await expect(page.getByRole('heading', { name: '修改密码' })).toBeVisible();
  await checkPage(page, testInfo, '60-account-security');
  await page.getByLabel('当前密码').fill('first-password-1');
  await page.getByLabel('新密码', { exact: true }).fill('second-password-2');
  await page.getByLabel('再次输入新密码').fill('second-password-2');
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByText('密码已修改')).toBeVisible();
  await login(page, email, 'second-password-2', '/account');

  // The office starts a reset; the link is shown once.
  const office = await browser.newContext();
  const admin = await office.newPage();
  await login(admin, 'admin@example.com', DEMO_PASSWORD, '/admin/users');
  await admin.getByRole('button', { name: `重置密码 ${name}` }).click();
  const link = admin.getByTestId('reset-link');
  await expect(link).toBeVisible();
  await checkPage(admin, testInfo, '61-admin-users-reset');
  const resetUrl = (await link.textContent())!.trim();
  await admin.goto('/admin/purchase-orders');
  await expect(admin.getByRole('heading', { name: '采购单审批' })).toBeVisible();
  await checkPage(admin, testInfo, '62-admin-purchase-orders');
  await office.close();

  // The user opens it elsewhere and sets a new password; the session signed in before ends.
  const elsewhere = await browser.newContext();
  const reset = await elsewhere.newPage();
  await reset.goto(new URL(resetUrl).pathname);
  await expect(reset.getByText(`为 ${name} 设置新密码`)).toBeVisible();
  await checkPage(reset, testInfo, '63-reset-password');
  await reset.getByLabel('新密码', { exact: true }).fill('third-password-3');
  await reset.getByLabel('再次输入新密码').fill('third-password-3');
  await reset.getByRole('button', { name: '重置密码' }).click();
  await expect(reset.getByText('密码已重设，请用新密码登录')).toBeVisible();
  await reset.goto(new URL(resetUrl).pathname);
  await expect(reset.getByText('重置链接无效、已使用或已过期')).toBeVisible();
  await elsewhere.close();

  await page.goto('/account');
  await expect(page).toHaveURL(/\/login\?next=%2Faccount/);
  await login(page, email, 'third-password-3', '/account');
  await user.close();
});
