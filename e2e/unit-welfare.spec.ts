import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { chinaDateOffset } from '../domain/time';
import { DEMO_PASSWORD, login, logout } from './pages/auth';
import { checkPage } from './pages/catalog';
import { approveFromList, submitPurchaseOrder } from './pages/unit';

/**
 * Issue 15's Must-hold journey: 工会慰问品 for 50 staff, paid from union money. The office sets a festival
 * window covering today and the per-member amount; the workshop's manager, on a 390 px phone, stocks up;
 * the 采购员 uploads a 50-recipient .xlsx written by openpyxl (full-width digits in quantities and phones),
 * previews it and submits it as 工会; the approver sees the lines and the recipients and approves; the unit
 * transfers to the displayed account and the office confirms "24,500.00"; the manager downloads the 面单
 * CSV and uploads 50 tracking numbers; the unit sees 已发 50 / 50 and confirms receipt (验收); the unit's
 * pledge and the city total each rise by exactly the order's goods.
 *
 * ¥24,500.00 = 彝绣马缨花围巾 150 × ¥151.20 (10% off from 50) + 手工刺绣鞋垫 40 × ¥42.70 (5% off from 10)
 * + 马缨花刺绣胸针 4 × ¥28.00: ¥490.00 a head for 50 recipients, shipping free. All three are certified.
 */
const GOODS_FEN = 2_450_000;
const SURNAMES = ['张', '李', '王', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['建华', '秀英', '志强', '丽萍', '国庆'];
const fullWidth = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));

/** 50 recipients, one parcel each: 30 × 5 scarves, 8 × 3 and 8 × 2 insoles, 4 × 1 brooch. */
function recipientRows(): string[][] {
  return Array.from({ length: 50 }, (_, k) => {
    const i = k + 1;
    const [code, qty] = i <= 30 ? ['GJ0001', 5] : i <= 38 ? ['GJ0010', 3] : i <= 46 ? ['GJ0010', 2] : ['GJ0011', 1];
    return [
      code,
      fullWidth(String(qty)),
      `${SURNAMES[k % 10]}${GIVEN[Math.floor(k / 10)]}`,
      fullWidth(`139873200${String(i).padStart(2, '0')}`),
      `个旧市金湖东路 ${i} 号 ${Math.ceil(i / 10)} 栋`,
    ];
  });
}

/** The sheet as another program writes it: openpyxl (Debian's python3-openpyxl), not the app's template writer. */
function openpyxlSheet(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'gj-welfare-')), '工会慰问品.xlsx');
  const script = [
    'import json, sys',
    'from openpyxl import Workbook',
    'wb = Workbook()',
    'ws = wb.active',
    'ws.title = "慰问品"',
    'ws.append(["商品编码", "数量", "收货人", "手机号", "收货地址"])',
    'for row in json.loads(sys.argv[2]): ws.append(row)',
    'wb.save(sys.argv[1])',
  ].join('\n');
  execFileSync('/usr/bin/python3', ['-c', script, path, JSON.stringify(recipientRows())]);
  return path;
}

/** ¥24,500.00 → 2450000. */
const fenOf = (money: string) => Math.round(Number(money.replace(/[¥,\s]/g, '')) * 100);

async function countedFen(page: Page): Promise<number> {
  const r = (await (await page.request.get('/api/v1/impact')).json()) as { countedFen: number | string };
  return Number(r.countedFen);
}

test('工会慰问品 for 50 staff: union rules, openpyxl sheet, approval, transfer, 50 parcels, 验收, pledge and city total', async ({
  page,
}, testInfo) => {
  test.skip(
    testInfo.project.name !== 'mobile',
    'one journey, in the Pixel 7 (mobile) project: the supplier on a phone',
  );
  test.setTimeout(300_000); // four accounts, 50 parcels and some twenty pages on a busy 2-core machine
  const wide = () => page.setViewportSize({ width: 1280, height: 900 });
  const phone = () => page.setViewportSize({ width: 390, height: 844 });
  const sheet = openpyxlSheet();

  // The workshop's manager, on a phone, stocks up for the order (scarves and insoles).
  await phone();
  await login(page, 'workshop@example.com', DEMO_PASSWORD, '/workshop/products');
  for (const [name, delta] of [
    ['彝绣马缨花围巾', '200'],
    ['手工刺绣鞋垫', '50'],
  ] as const) {
    await page.goto('/workshop/products');
    await page.getByRole('link', { name }).first().click();
    const stock = page.locator('#stock');
    await stock.getByLabel('增减数量').fill(delta);
    await stock.getByLabel('原因').fill('单位工会慰问品订货');
    await stock.getByRole('button', { name: '调整库存' }).click();
    await expect(stock.getByText(/^库存已调整为 \d+$/)).toBeVisible();
  }
  await logout(page);

  // The office: the account units transfer to, a festival window covering today, ¥5,000 a member a year.
  await wide();
  await login(page, 'admin@example.com', DEMO_PASSWORD, '/admin/settings');
  const payee = page.getByRole('region', { name: '收款账户（对公转账）' });
  await payee.getByLabel('户名').fill('个旧市消费帮扶商城运营中心（演示）');
  await payee.getByLabel('开户行').fill('中国农业银行个旧市支行（演示）');
  await payee.getByLabel('账号').fill('6228 4800 1234 5678 901');
  await payee.getByRole('button', { name: '保存收款账户' }).click();
  await expect(payee.getByText('收款账户已保存')).toBeVisible();
  const rules = page.getByRole('region', { name: '工会经费规则' });
  const [from, to] = [chinaDateOffset(-1), chinaDateOffset(1)];
  // Windows may not overlap: any already around today (the demo's, an earlier run's) goes first.
  const windows = rules.getByRole('table', { name: '节日时段' }).getByRole('row');
  for (const label of await windows
    .getByRole('button', { name: /^删除 / })
    .evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label')!))) {
    const [, , start, , end] = label.split(' ');
    if (start! > to || end! < from) continue;
    await rules.getByRole('button', { name: label }).click();
    await expect(rules.getByRole('button', { name: label })).toHaveCount(0);
  }
  await rules.getByLabel('节日', { exact: true }).selectOption('元旦');
  await rules.getByLabel('开始日期').fill(from);
  await rules.getByLabel('结束日期').fill(to);
  await rules.getByRole('button', { name: '添加节日时段' }).click();
  await expect(rules.getByText(`已添加节日时段：元旦 ${from} 至 ${to}`)).toBeVisible();
  await rules.getByLabel('每人每年（元）').fill('¥5,000');
  await rules.getByRole('button', { name: '保存人均标准' }).click();
  await expect(rules.getByText(/^已保存：\d{4} 年工会经费人均 ¥5,000\.00/)).toBeVisible();
  await checkPage(page, testInfo, '80-admin-union-rules');
  await logout(page);
  const cityBefore = await countedFen(page);

  // The 采购员 uploads the openpyxl sheet, previews it and submits it as 工会.
  await login(page, 'unit@example.com', DEMO_PASSWORD, '/unit');
  const pledgeBefore = fenOf((await page.getByTestId('pledge-paid').textContent())!);
  const orderNo = await submitPurchaseOrder(page, {
    fill: async () => {
      await page.getByLabel('或上传表格（.xlsx / .csv，最多 5000 行）').setInputFiles(sheet);
      await page.getByLabel('经费来源').selectOption('union');
    },
    beforeSubmit: async () => {
      const preview = page.getByRole('region', { name: '采购单预览（提交前请核对）' });
      await expect(preview.getByTestId('facts-fund')).toHaveText('工会经费');
      await expect(preview.getByTestId('facts-recipients')).toHaveText('50 位收货人，逐人配送');
      await expect(preview.getByTestId('facts-total')).toHaveText('¥24,500.00');
      await checkPage(page, testInfo, '81-unit-welfare-preview');
    },
  });
  await logout(page);

  // The approver sees the lines and every recipient (masked), then approves with the total repeated.
  await login(page, 'approver@example.com', DEMO_PASSWORD, '/unit');
  await approveFromList(page, orderNo, async () => {
    await expect(page.getByRole('list', { name: '采购明细' }).getByRole('listitem')).toHaveCount(3);
    await expect(page.getByTestId('facts-fund')).toHaveText('工会经费');
    await expect(page.getByRole('heading', { name: /^收货人（50 人）/ })).toBeVisible();
    await expect(page.getByRole('cell', { name: '张**', exact: true }).first()).toBeVisible();
    await expect(page.getByText('张建华')).toHaveCount(0);
  });
  await logout(page);

  // The unit transfers to the displayed account; the office confirms the amount as the statement shows it.
  await login(page, 'unit@example.com', DEMO_PASSWORD, `/unit/orders/${orderNo}`);
  const transfer = page.getByRole('region', { name: '对公转账' });
  await expect(transfer.getByTestId('payee-account')).toHaveText('6228 4800 1234 5678 901');
  await expect(transfer.getByTestId('payee-amount')).toContainText('¥24,500.00');
  await logout(page);
  await login(page, 'admin@example.com', DEMO_PASSWORD, '/admin/transfers');
  const card = page.getByRole('listitem').filter({ hasText: orderNo });
  await card.getByLabel('实际到账金额（元）').fill('24,500.00');
  await card.getByRole('button', { name: '确认到账' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: orderNo })).toHaveCount(0);
  await logout(page);

  // The workshop's manager, on a phone: the 面单 CSV, then the courier's sheet with 50 tracking numbers.
  await phone();
  await login(page, 'workshop@example.com', DEMO_PASSWORD, `/workshop/orders/${orderNo}`);
  await expect(page.getByTestId('parcel-progress')).toHaveText('已发 0 / 50');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: '下载面单 CSV' }).click(),
  ]);
  const rows = readFileSync((await download.path())!, 'utf8')
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  expect(rows).toHaveLength(51);
  expect(rows[1]!.split(',').slice(0, 3)).toEqual(['张建华', '13987320001', '个旧市金湖东路 1 号 1 栋']);
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
  await expect(page.getByText('全部 50 个包裹已发货')).toBeVisible();
  await expect(page.getByTestId('parcel-progress')).toHaveText('已发 50 / 50');
  await logout(page);

  // The unit sees every parcel shipped and accepts the goods (验收): the order is 已完成.
  await wide();
  await login(page, 'unit@example.com', DEMO_PASSWORD, '/unit');
  const row = page.getByRole('listitem').filter({ hasText: orderNo });
  await expect(row.getByRole('link', { name: '收货人 50 人 · 已发 50 / 50' })).toBeVisible();
  await page.goto(`/unit/orders/${orderNo}`);
  const receipt = page.getByRole('region', { name: '验收', exact: true });
  await expect(receipt).toContainText('最后一件发货后 15 天自动验收');
  await receipt.getByLabel('验收备注（可选）').fill('50 份全部收到，包装完好');
  await receipt.getByRole('button', { name: '确认收货' }).click();
  // The form goes once the order is accepted; the panel says so, with the note.
  await expect(receipt.getByTestId('receipt')).toContainText('已验收');
  await page.reload();
  await expect(page.getByText('已完成').first()).toBeVisible();
  await expect(receipt.getByTestId('receipt')).toContainText('备注：50 份全部收到，包装完好');
  await checkPage(page, testInfo, '82-unit-welfare-received');

  // The pledge and the city total each rose by exactly the order's goods.
  await page.goto('/unit');
  expect(fenOf((await page.getByTestId('pledge-paid').textContent())!) - pledgeBefore).toBe(GOODS_FEN);
  await expect.poll(async () => (await countedFen(page)) - cityBefore, { timeout: 20_000 }).toBe(GOODS_FEN);
  await logout(page);
});
