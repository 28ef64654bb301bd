import { expect, type Page } from '@playwright/test';

const TRACKING_PREFIX = { 顺丰速运: 'SF', 圆通速递: 'YT' } as const;

/**
 * On /workshop, the manager ships the order with `carrier` and a fresh tracking number, and sees the number
 * on the order's card; returns the number.
 */
export async function shipOrder(
  manager: Page,
  orderNo: string,
  carrier: keyof typeof TRACKING_PREFIX,
): Promise<string> {
  const card = manager.getByRole('listitem').filter({ hasText: orderNo });
  const tracking = `${TRACKING_PREFIX[carrier]}${Date.now()}`;
  await card.getByLabel('快递公司').selectOption(carrier);
  await card.getByLabel('运单号').fill(tracking);
  await card.getByRole('button', { name: '发货' }).click();
  await expect(manager.getByRole('listitem').filter({ hasText: orderNo }).getByText(tracking)).toBeVisible();
  return tracking;
}
