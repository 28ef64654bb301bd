import { expect, test, type Page } from '@playwright/test';
import { capitalAmount } from '../domain/capital-amount';
import { DEMO_PASSWORD, login, logout } from './pages/auth';
import { checkPage } from './pages/catalog';
import { countedFen } from './pages/shop';
import { approveAsApprover, submitPurchaseOrder } from './pages/unit';

const fen = (text: string | null) => BigInt((text ?? '').replace(/[¥,.\s]/g, ''));
async function pledgePaid(page: Page): Promise<bigint> {
  await page.goto('/unit');
  return fen(await page.getByTestId('pledge-paid').textContent());
}

test('a unit buys by spreadsheet, the approver approves, the office confirms the transfer', async ({
  page,
}, testInfo) => {
  const cityBefore = await countedFen(page);
  await login(page, 'unit@example.com', DEMO_PASSWORD, '/unit');
  const pledgeBefore = await pledgePaid(page);

  const sheet =
    '\uFEFF商品编码,数量,收货人,手机号,收货地址\r\nGJ0025,10,,,\r\nGJ0001,2,李秀英,13912345678,个旧市金湖东路 88 号\r\n';
  const orderNo = await submitPurchaseOrder(page, {
    address: '个旧市机关大院 1 号',
    fill: () =>
      page
        .getByLabel('或上传表格（.xlsx / .csv，最多 5000 行）')
        .setInputFiles({ name: '慰问品.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet) }),
  });
  await checkPage(page, testInfo, '30-unit-order');
  await logout(page);

  await approveAsApprover(page, orderNo);

  await login(page, 'admin@example.com', DEMO_PASSWORD, '/admin/transfers');
  const transfer = page.getByRole('listitem').filter({ hasText: orderNo });
  await checkPage(page, testInfo, '31-admin-transfers');
  await transfer.getByRole('button', { name: '确认到账' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: orderNo })).toHaveCount(0); // paid: no longer awaiting a transfer
  await logout(page);

  const total = 10n * 12160n + 2n * 16800n; // tea at its 10+ unit price, the scarf at list price
  expect((await countedFen(page)) - cityBefore).toBe(total);
  await login(page, 'unit@example.com', DEMO_PASSWORD, '/unit');
  expect((await pledgePaid(page)) - pledgeBefore).toBe(total);

  await page.goto(`/unit/orders/${orderNo}/print`);
  await expect(page.getByTestId('capital-amount')).toHaveText(capitalAmount(total));
  await expect(page.getByTestId('capital-amount')).toHaveText('人民币壹仟伍佰伍拾贰元整');
  await expect(page.getByRole('heading', { name: '结算单' })).toBeVisible();
  await checkPage(page, testInfo, '32-print');
});
