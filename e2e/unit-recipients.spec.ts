import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, login, logout } from './pages/auth';
import { checkPage } from './pages/catalog';
import { approvedPurchaseOrder } from './pages/unit';

/**
 * Issue 15: 工会慰问品 shipped to every recipient. The unit orders brooches (GJ0011, 大屯幸福社区刺绣扶贫车间) for
 * three people; once approved and paid, the workshop's manager, on a 390 px phone, downloads the 面单 CSV,
 * fills in the courier's tracking numbers and uploads it; the unit then sees 已发 3 / 3 and each parcel.
 */
const RECIPIENTS = [
  ['张建华', '13987310001', '个旧市金湖东路 1 号 3 栋'],
  ['李秀英', '13987310002', '个旧市金湖西路 2 号 1 单元'],
  ['王小明', '13987310003', '个旧市大屯镇幸福社区 5 栋'],
];

test('a welfare order ships parcel by parcel: 面单 CSV, tracking upload at 390 px, 已发 3 / 3 for the unit', async ({
  page,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'mobile', 'the phone journey runs in the Pixel 7 (mobile) project');
  await page.setViewportSize({ width: 390, height: 844 });
  const sheet =
    '\uFEFF商品编码,数量,收货人,手机号,收货地址\r\n' +
    RECIPIENTS.map((r) => `GJ0011,1,${r.join(',')}`).join('\r\n') +
    '\r\n';
  const orderNo = await approvedPurchaseOrder(page, { sheet });

  // The office confirms the transfer: the order is paid.
  await login(page, 'admin@example.com', DEMO_PASSWORD, '/admin/transfers');
  await page.getByRole('listitem').filter({ hasText: orderNo }).getByRole('button', { name: '确认到账' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: orderNo })).toHaveCount(0);
  await logout(page);

  // The workshop's manager, on a phone.
  await login(page, 'workshop@example.com', DEMO_PASSWORD, '/workshop');
  await page.getByRole('link', { name: '按收货人发货（3 个包裹）' }).first().click();
  await page.waitForURL(new RegExp(`/workshop/orders/${orderNo}$`));
  await expect(page.getByTestId('parcel-progress')).toHaveText('已发 0 / 3');
  await expect(page.getByText('王小明')).toBeVisible(); // in full, to fill the waybill
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: '下载面单 CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`面单-${orderNo}.csv`);
  const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
  const rows = csv.trimEnd().split('\r\n');
  expect(rows[0]).toBe('收件人,手机,收件地址,物品,数量,备注,订单号,收货人编号,快递公司,运单号');
  expect(rows.slice(1).map((r) => r.split(',').slice(0, 3))).toEqual(RECIPIENTS);
  await checkPage(page, testInfo, '70-supplier-parcels');

  // The courier's sheet: the same file with a carrier and a tracking number on each line.
  const filled = [
    rows[0],
    ...rows
      .slice(1)
      .map((r, i) => r.replace(/,,$/, `,顺丰速运,SF${orderNo.slice(2, 10)}${String(i + 1).padStart(4, '0')}`)),
  ].join('\r\n');
  await page
    .getByLabel('运单文件')
    .setInputFiles({ name: '顺丰回单.csv', mimeType: 'text/csv', buffer: Buffer.from('\uFEFF' + filled) });
  await page.getByRole('button', { name: '上传运单' }).click();
  // The last parcel takes the upload form (and its 已录入 message) away: the page says all have shipped.
  await expect(page.getByText('全部 3 个包裹已发货')).toBeVisible();
  await expect(page.getByTestId('parcel-progress')).toHaveText('已发 3 / 3');
  await page.reload();
  await expect(page.getByTestId('parcel-progress')).toHaveText('已发 3 / 3');
  await checkPage(page, testInfo, '71-supplier-parcels-shipped');
  await logout(page);

  // The unit sees every parcel shipped, recipients masked.
  await login(page, 'unit@example.com', DEMO_PASSWORD, '/unit');
  const link = page.getByRole('link', { name: '收货人 3 人 · 已发 3 / 3' });
  await expect(link).toBeVisible();
  await link.click();
  await page.waitForURL(new RegExp(`/unit/orders/${orderNo}/recipients$`));
  await expect(page.getByTestId('delivery-progress')).toHaveText('已发 3 / 3');
  await expect(page.getByText('已发货').first()).toBeVisible();
  await expect(page.getByText('王小明')).toHaveCount(0);
  await checkPage(page, testInfo, '72-unit-recipients');
  await page.setViewportSize({ width: 1280, height: 900 });
  await checkPage(page, testInfo, '72-unit-recipients-wide');
});
