import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'demo12345';

export async function login(page: Page, account: string, password = DEMO_PASSWORD, next = '/'): Promise<void> {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('账号 (邮箱或手机号)').fill(account);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByRole('link', { name: '登录' })).toBeVisible();
}
