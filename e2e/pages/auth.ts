import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'demo12345';

/** Who /api/me says is signed in (the header and the tab bar show the same). */
export async function signedIn(page: Page): Promise<boolean> {
  return ((await (await page.request.get('/api/me')).json()) as { signedIn: boolean }).signedIn;
}

export async function login(page: Page, account: string, password = DEMO_PASSWORD, next = '/'): Promise<void> {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('账号 (邮箱或手机号)').fill(account);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((u) => u.pathname !== '/login');
  // Wide screens show 退出登录 in the header; phones keep it on 我的 (the tab bar).
  if (page.viewportSize()!.width >= 768) await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
  else await expect.poll(() => signedIn(page)).toBe(true);
}

export async function logout(page: Page): Promise<void> {
  if (page.viewportSize()!.width < 768) {
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的' }).click();
    await page.waitForURL(/\/me$/);
  }
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.waitForURL((u) => u.pathname === '/');
  await expect.poll(() => signedIn(page)).toBe(false);
  if (page.viewportSize()!.width >= 768) await expect(page.getByRole('link', { name: '登录' })).toBeVisible();
}
