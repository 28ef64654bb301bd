import { expect, test } from '@playwright/test';
import { CREDIT_CODE_CHARSET, withCreditCodeCheck } from '../domain/credit-code';
import { DEMO_PASSWORD, login, logout } from './pages/auth';
import { checkPage } from './pages/catalog';

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

test('register, log in, log out', async ({ page }, testInfo) => {
  const email = `buyer-${unique()}@example.com`;
  await page.goto('/register');
  await page.getByLabel('称呼').fill('王小明');
  await page.getByLabel('邮箱或手机号').fill(email);
  await page.getByLabel('密码').fill('short');
  await page.getByRole('button', { name: '注册' }).click();
  await expect(page.getByText('密码至少 10 位')).toBeVisible();
  await expect(page.getByLabel('称呼')).toHaveValue('王小明'); // kept after the failed submit
  await expect(page.getByLabel('密码')).toHaveValue(''); // passwords are not kept
  await page.getByLabel('密码').fill('a-good-password');
  await page.getByRole('button', { name: '注册' }).click();
  await expect(page.getByText('注册成功，请登录')).toBeVisible();
  await checkPage(page, testInfo, '10-register');

  await login(page, email, 'a-good-password', '/account');
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('heading', { name: '我的账户' })).toBeVisible();
  await checkPage(page, testInfo, '11-account');
  await logout(page);
  await page.goto('/account');
  await expect(page).toHaveURL(/\/login\?next=%2Faccount/);
});

test('a unit registers, the admin verifies it, then its buyer reaches /unit', async ({ page }, testInfo) => {
  const body = Array.from({ length: 9 }, () => CREDIT_CODE_CHARSET[Math.floor(Math.random() * 31)]).join('');
  const code = withCreditCodeCheck(`12532501${body}`);
  const email = `unit-${unique()}@example.com`;
  const unitName = `个旧市测试中心${unique()}`;
  await page.goto('/register/unit');
  await page.getByLabel('单位名称').fill(unitName);
  await page.getByLabel('统一社会信用代码').fill(code.slice(0, 17) + (code[17] === '0' ? '1' : '0'));
  await page.getByLabel('单位类型').selectOption('public_institution');
  await page.getByLabel('联系人', { exact: true }).fill('陈红');
  await page.getByLabel('联系人手机号').fill('+86 139-8731-2345');
  await page.getByLabel('登录账号（邮箱或手机号）').fill(email);
  await page.getByLabel('密码').fill('unit-password');
  await page.getByRole('button', { name: '提交单位注册' }).click();
  await expect(page.getByText('统一社会信用代码无效')).toBeVisible();
  await expect(page.getByLabel('密码')).toHaveValue('');
  await page.getByLabel('统一社会信用代码').fill(code.toLowerCase());
  await page.getByLabel('密码').fill('unit-password');
  await page.getByRole('button', { name: '提交单位注册' }).click();
  await expect(page.getByText('单位注册已提交')).toBeVisible();
  await checkPage(page, testInfo, '12-register-unit');

  await login(page, email, 'unit-password', '/unit');
  await expect(page.getByText('待审核')).toBeVisible();
  await logout(page);

  await login(page, 'admin@example.com', DEMO_PASSWORD, '/admin/units');
  const card = page.getByRole('listitem').filter({ hasText: unitName });
  await card.getByRole('button', { name: '通过' }).click();
  await expect(card.getByText('已认证')).toBeVisible();
  await expect(card.getByRole('button', { name: '通过' })).toHaveCount(0);
  await checkPage(page, testInfo, '13-admin-units');
  await logout(page);

  await login(page, email, 'unit-password', '/unit');
  await expect(page.getByRole('heading', { name: unitName })).toBeVisible();
  await expect(page.getByText('已认证')).toBeVisible();
  await expect(page.getByText('139****2345')).toBeVisible();
  await expect(page.getByText('事业单位')).toBeVisible();
  await checkPage(page, testInfo, '14-unit');
});

test('a deactivated manager is refused at the next action while the cookie is still valid', async ({
  browser,
}, testInfo) => {
  const managerContext = await browser.newContext();
  const adminContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await login(manager, 'coop@example.com', DEMO_PASSWORD, '/workshop');
  await expect(manager.getByRole('heading', { name: /鸡街镇绿源蔬菜/ })).toBeVisible();
  await checkPage(manager, testInfo, '15-workshop');

  const admin = await adminContext.newPage();
  await login(admin, 'admin@example.com', DEMO_PASSWORD, '/admin/users');
  const row = admin.getByRole('row').filter({ hasText: 'coop@example.com' });
  await row.getByRole('button', { name: /停用/ }).click();
  await expect(row.getByText('账号已停用，立即生效')).toBeVisible();

  // 停用 ends every session of the account (issue 13): the cookie the manager still holds is no session.
  await manager.getByLabel('简介').fill('停用之后尝试修改');
  await manager.getByRole('button', { name: '保存' }).click();
  await expect(manager.getByText('请先登录')).toBeVisible();

  await admin.reload();
  await admin.getByRole('row').filter({ hasText: 'coop@example.com' }).getByRole('button', { name: /启用/ }).click();
  await expect(admin.getByText('账号已启用')).toBeVisible();
  await managerContext.close();
  await adminContext.close();
});

test('the 6th failed login returns 429 with Retry-After', async ({ request }) => {
  const account = `nobody-${unique()}@example.com`;
  // The e2e server trusts one proxy hop (playwright.config.ts): this is the address a proxy would append.
  const headers = { 'x-forwarded-for': `198.51.100.${Math.floor(Math.random() * 250) + 1}` };
  for (let i = 1; i <= 5; i++) {
    const r = await request.post('/api/auth/login', { data: { login: account, password: `wrong-${i}` }, headers });
    expect(r.status(), `attempt ${i}`).toBe(401);
    expect((await r.json()).error.message).toBe('账号或密码错误');
  }
  const sixth = await request.post('/api/auth/login', { data: { login: account, password: 'wrong-6' }, headers });
  expect(sixth.status()).toBe(429);
  expect(Number(sixth.headers()['retry-after'])).toBeGreaterThan(0);
  expect((await sixth.json()).error.message).toMatch(/登录失败次数过多，请 \d+ 秒后再试/);
});

test('security headers, forged middleware header and foreign origins', async ({ request }) => {
  const home = await request.get('/');
  const h = home.headers();
  expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(h['x-content-type-options']).toBe('nosniff');

  const forged = await request.get('/admin', {
    headers: { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' },
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(400);
  const anon = await request.get('/admin', { maxRedirects: 0 });
  expect(anon.status()).toBe(307);
  expect(anon.headers()['location']).toContain('/login?next=%2Fadmin');

  const foreign = await request.post('/register', {
    headers: { origin: 'https://evil.example', 'next-action': 'abc' },
    data: {},
  });
  expect(foreign.status()).toBe(403);
  const foreignLogin = await request.post('/api/auth/login', {
    headers: { origin: 'https://evil.example' },
    data: { login: 'admin@example.com', password: DEMO_PASSWORD },
  });
  expect(foreignLogin.status()).toBe(403);
});
