import { expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD, login, logout } from './auth';

/** On the unit's order form, its lines filled in: the contact and address, 提交采购单, the new order's number. */
export async function submitPurchaseOrder(page: Page, address: string): Promise<string> {
  await page.getByLabel('联系人手机号').fill('13887312345');
  await page.getByLabel('收货地址').fill(address);
  await page.getByRole('button', { name: '提交采购单' }).click();
  const done = page.getByText(/采购单 GJ\d{8}-\d+ 已提交/);
  await expect(done).toBeVisible();
  return (await done.textContent())!.match(/GJ\d{8}-\d+/)![0];
}

/**
 * The demo unit's buyer submits a purchase order (typed `编码 数量` lines, or a CSV sheet) and its approver approves it;
 * returns the order number. Ends signed out.
 */
export async function approvedPurchaseOrder(
  page: Page,
  { lines, sheet, terms = 'prepay' }: { lines?: string; sheet?: string; terms?: 'prepay' | 'pay_later' },
): Promise<string> {
  await login(page, 'unit@example.com', DEMO_PASSWORD, '/unit');
  if (lines) await page.getByLabel('按商品编码快速添加（每行：编码 数量）').fill(lines);
  if (sheet)
    await page
      .getByLabel('或上传表格（.xlsx / .csv，最多 5000 行）')
      .setInputFiles({ name: '慰问品.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet) });
  await page.getByLabel('付款方式').selectOption(terms);
  const orderNo = await submitPurchaseOrder(page, '个旧市机关大院 2 号');
  await logout(page);
  await login(page, 'approver@example.com', DEMO_PASSWORD, '/unit');
  await page.getByRole('listitem').filter({ hasText: orderNo }).getByRole('button', { name: '通过' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: orderNo }).getByText('待付款')).toBeVisible();
  await logout(page);
  return orderNo;
}
