import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, login, logout } from './pages/auth';
import { checkPage } from './pages/catalog';

/**
 * Issue 15, the approver's journey at phone width: the 采购员 types codes as a Chinese keyboard does
 * (full-width digits, the Chinese comma and 、), a bad line keeps everything typed, the preview marks the
 * uncertified line 不计入认购 and it is kept only by its tick; the approver sees the lines, the submitter
 * and the recipients, and confirms with the total repeated; the office sets the payee account; the unit's
 * transfer page shows it with copy buttons; the office confirms the transfer typed as "1,721.00".
 */
// The phone project runs it at 390 px (the approver on a phone); the desktop project at its 1280 px.
test.use({
  viewport: async ({}, use, testInfo) =>
    use(testInfo.project.name === 'mobile' ? { width: 390, height: 844 } : { width: 1280, height: 900 }),
});

test('采购员 previews, the approver approves with the facts, the unit pays the displayed account', async ({
  page,
  context,
}, testInfo) => {
  test.setTimeout(180_000); // three accounts and a dozen pages: over a minute on a busy 2-core machine
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await login(page, 'unit@example.com', DEMO_PASSWORD, '/unit');
  const codes = page.getByLabel('按商品编码快速添加（每行：编码 数量）');
  // A bad line: nothing is lost, and the line is named with its text.
  await codes.fill('GJ0036，２０\nＧＪ００３５ １０\nGJ99 x\nGJ0040、1');
  await page.getByLabel('联系人手机号').fill('13887312345');
  await page.getByLabel('收货地址').fill('个旧市机关大院 3 号');
  await page.getByRole('button', { name: '预览采购单' }).click();
  const problems = page.getByRole('list', { name: '有问题的行' });
  await expect(problems).toContainText('第 3 行');
  await expect(problems).toContainText('GJ99 x');
  await expect(codes).toHaveValue('GJ0036，２０\nＧＪ００３５ １０\nGJ99 x\nGJ0040、1');
  await expect(page.getByLabel('联系人手机号')).toHaveValue('13887312345');
  await expect(page.getByLabel('收货地址')).toHaveValue('个旧市机关大院 3 号');
  await expect(codes).toHaveAttribute('aria-invalid', 'true');

  await codes.fill('GJ0036，２０\nＧＪ００３５ １０\nGJ0040、1');
  await page.getByRole('button', { name: '预览采购单' }).click();
  const preview = page.getByRole('region', { name: '采购单预览（提交前请核对）' });
  await expect(preview.getByRole('list', { name: '采购明细' }).getByRole('listitem')).toHaveCount(3);
  await expect(preview.getByText('不计入认购').first()).toBeVisible();
  await expect(preview.getByTestId('facts-submitter')).toHaveText('张建国');
  const total = (await preview.getByTestId('facts-total').textContent())!;
  const capital = (await preview.getByTestId('facts-capital').textContent())!;
  await checkPage(page, testInfo, '40-unit-preview');
  // Without the tick the server refuses the uncertified line; with it, the order is placed.
  await page.getByRole('button', { name: '提交采购单' }).click();
  await expect(page.getByRole('status').getByText(/干香菇 未获扶贫产品认定/)).toBeVisible();
  await preview.getByLabel('仍要采购 干香菇（不计入认购）').check();
  await page.getByRole('button', { name: '提交采购单' }).click();
  const done = page.getByText(/采购单 GJ\d{8}-\d+ 已提交/);
  await expect(done).toBeVisible();
  const orderNo = (await done.textContent())!.match(/GJ\d{8}-\d+/)![0];
  await logout(page);

  await login(page, 'approver@example.com', DEMO_PASSWORD, '/unit');
  await page.getByRole('link', { name: `查看明细并审批 ${orderNo}` }).click();
  await page.waitForURL(`**/unit/orders/${orderNo}`);
  const lines = page.getByRole('list', { name: '采购明细' });
  await expect(lines.getByRole('listitem')).toHaveCount(3);
  await expect(lines).toContainText('苦荞米');
  await expect(lines).toContainText('× 20');
  await expect(lines.getByText('不计入认购')).toBeVisible();
  await expect(page.getByTestId('facts-submitter')).toHaveText('张建国');
  await expect(page.getByTestId('facts-recipients')).toHaveText('统一配送至收货联系人');
  await expect(page.getByTestId('facts-total')).toHaveText(total);
  await page.getByRole('button', { name: '通过' }).click();
  const confirm = page.getByRole('dialog', { name: '确认通过采购单？' });
  await expect(confirm.getByTestId('confirm-total')).toHaveText(total);
  await expect(confirm).toContainText(capital);
  await checkPage(page, testInfo, '41-approver-confirm');
  await confirm.getByRole('button', { name: '确认通过' }).click();
  await expect(page.getByTestId('decision')).toHaveText(/^已通过/);
  await logout(page);

  await login(page, 'admin@example.com', DEMO_PASSWORD, '/admin/settings');
  const payee = page.getByRole('region', { name: '收款账户（对公转账）' });
  await payee.getByLabel('户名').fill('个旧市消费帮扶商城运营中心（演示）');
  await payee.getByLabel('开户行').fill('中国农业银行个旧市支行（演示）');
  await payee.getByLabel('账号').fill('6228 4800 1234 5678 901');
  await payee.getByRole('button', { name: '保存收款账户' }).click();
  await expect(payee.getByText('收款账户已保存')).toBeVisible();
  await logout(page);

  await login(page, 'unit@example.com', DEMO_PASSWORD, `/unit/orders/${orderNo}`);
  const transfer = page.getByRole('region', { name: '对公转账' });
  await expect(transfer.getByTestId('payee-name')).toHaveText('个旧市消费帮扶商城运营中心（演示）');
  await expect(transfer.getByTestId('payee-account')).toHaveText('6228 4800 1234 5678 901');
  await expect(transfer.getByTestId('payee-reference')).toHaveText(/^ZZ[A-Z2-9]{8}$/);
  await expect(transfer.getByTestId('payee-amount')).toContainText(total);
  await transfer.getByRole('button', { name: '复制账号' }).click();
  await expect(transfer.getByText('已复制')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('6228480012345678901');
  await transfer.getByRole('button', { name: '复制转账金额' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(total.replace(/[¥,]/g, ''));
  await checkPage(page, testInfo, '42-unit-transfer');
  await logout(page);

  await login(page, 'admin@example.com', DEMO_PASSWORD, '/admin/transfers');
  const card = page.getByRole('listitem').filter({ hasText: orderNo });
  // Typed as the bank statement shows it: thousands separators and two decimals.
  expect(total).toMatch(/^¥\d{1,3}(,\d{3})+\.\d{2}$/);
  await card.getByLabel('实际到账金额（元）').fill(total.slice(1));
  await card.getByRole('button', { name: '确认到账' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: orderNo })).toHaveCount(0);
  await logout(page);
});
