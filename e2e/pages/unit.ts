import { expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD, login, logout } from './auth';

/**
 * 批量下单 on /unit as the signed-in buyer: the delivery fields, 预览采购单, then 提交采购单 from the
 * preview; returns the order number. `fill` types the codes (or sets the file) first; `beforeSubmit` checks the preview.
 */
export async function submitPurchaseOrder(
  page: Page,
  {
    fill,
    terms = 'prepay',
    address = '个旧市机关大院 2 号',
    beforeSubmit,
  }: {
    fill: () => Promise<void>;
    terms?: 'prepay' | 'pay_later';
    address?: string;
    /** Checks of the preview before 提交采购单. */
    beforeSubmit?: () => Promise<void>;
  },
): Promise<string> {
  await fill();
  await page.getByLabel('付款方式').selectOption(terms);
  await page.getByLabel('联系人手机号').fill('13887312345');
  await page.getByLabel('收货地址').fill(address);
  await page.getByRole('button', { name: '预览采购单' }).click();
  await expect(page.getByRole('heading', { name: '采购单预览（提交前请核对）' })).toBeVisible();
  await beforeSubmit?.();
  await page.getByRole('button', { name: '提交采购单' }).click();
  const done = page.getByText(/采购单 GJ\d{8}-\d+ 已提交/);
  await expect(done).toBeVisible();
  return (await done.textContent())!.match(/GJ\d{8}-\d+/)![0];
}

/**
 * The signed-in approver opens the order from /unit, looks at it (`check`: what the approver must see
 * first), checks the total in the confirmation and approves.
 */
export async function approveFromList(page: Page, orderNo: string, check?: () => Promise<void>): Promise<void> {
  await page.goto('/unit');
  await page.getByRole('link', { name: `查看明细并审批 ${orderNo}` }).click();
  await page.waitForURL(`**/unit/orders/${orderNo}`);
  await check?.();
  await page.getByRole('button', { name: '通过' }).click();
  const dialog = page.getByRole('dialog', { name: '确认通过采购单？' });
  await expect(dialog.getByTestId('confirm-total')).toHaveText((await page.getByTestId('facts-total').textContent())!);
  await dialog.getByRole('button', { name: '确认通过' }).click();
  await expect(page.getByTestId('decision')).toHaveText(/^已通过/);
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
  const orderNo = await submitPurchaseOrder(page, {
    terms,
    fill: async () => {
      if (lines) await page.getByLabel('按商品编码快速添加（每行：编码 数量）').fill(lines);
      if (sheet)
        await page
          .getByLabel('或上传表格（.xlsx / .csv，最多 5000 行）')
          .setInputFiles({ name: '慰问品.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet) });
    },
  });
  await logout(page);
  await approveAsApprover(page, orderNo);
  return orderNo;
}

/** The demo unit's approver signs in, approves the order (with the confirmation) and sees it 待付款; ends signed out. */
export async function approveAsApprover(page: Page, orderNo: string): Promise<void> {
  await login(page, 'approver@example.com', DEMO_PASSWORD, '/unit');
  await approveFromList(page, orderNo);
  await page.goto('/unit');
  await expect(page.getByRole('listitem').filter({ hasText: orderNo }).getByText('待付款')).toBeVisible();
  await logout(page);
}
