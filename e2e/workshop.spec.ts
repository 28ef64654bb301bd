import { CHINA_OFFSET_MS } from '../domain/time';
import { expect, test, type Page } from '@playwright/test';
import { solidPng } from '../lib/media/fixtures';
import { DEMO_PASSWORD, login } from './pages/auth';
import { checkPage } from './pages/catalog';
import { checkout } from './pages/shop';
import { shipOrder } from './pages/workshop';

const png = (name: string) => ({ name, mimeType: 'image/png', buffer: Buffer.from(solidPng(400)) });
const isoDay = (offsetDays: number) =>
  new Date(Date.now() + CHINA_OFFSET_MS + offsetDays * 86_400_000).toISOString().slice(0, 10);

async function as(browser: import('@playwright/test').Browser, account: string, next: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await login(page, account, DEMO_PASSWORD, next);
  return page;
}

test('a manager lists a certified product; it sells, ships, changes price at once, and loses its badge at expiry', async ({
  page,
  browser,
}, testInfo) => {
  const name = `马缨花绣片${testInfo.project.name}${Date.now() % 100000}`;
  const certNo = `E2E-${testInfo.project.name.toUpperCase()}-${Date.now()}`;

  // 1. The manager creates the product, adds a photo and a certificate, and submits it.
  const manager = await as(browser, 'workshop@example.com', '/workshop/products/new');
  await manager.goto('/workshop/products/new');
  await manager.getByLabel('商品名称').fill(name);
  await manager.getByLabel('规格').fill('20×20cm');
  await manager.getByLabel('分类').selectOption({ label: '刺绣工艺品' });
  await manager.getByLabel('售价（元）').fill('58.00');
  await manager.getByLabel('市场参考价（元，可选）').fill('60');
  await manager.getByLabel('商品介绍').fill('## 手工\n- 彝族绣娘平绣\n- **一片一绣**');
  await manager.getByLabel('初始库存').fill('30');
  await manager.getByRole('button', { name: '保存草稿' }).click();
  await manager.waitForURL(/\/workshop\/products\/\d+\?created=1$/);
  const code = (await manager
    .getByText(/^GJ\d{4}/)
    .first()
    .textContent())!.slice(0, 6);
  const slug = code.toLowerCase();

  await manager.getByLabel('选择图片').setInputFiles(png('正面.png'));
  await manager.getByRole('button', { name: '上传图片' }).click();
  await expect(manager.getByText('图片已上传')).toBeVisible();
  // A renamed executable is refused with a message.
  await manager
    .getByLabel('选择图片')
    .setInputFiles({ name: '照片.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('MZ\x90\x00 this is not a photo') });
  await manager.getByRole('button', { name: '上传图片' }).click();
  await expect(manager.getByText('只接受 JPEG、PNG 或 WebP 图片').first()).toBeVisible();

  await manager.getByLabel('证书编号').fill(certNo);
  await manager.getByLabel('认定机构').fill('个旧市扶贫开发领导小组办公室');
  await manager.getByLabel('认定目录批次').fill('2026年第一批');
  await manager.getByLabel('认定日期').fill(isoDay(-30));
  await manager.getByLabel('有效期至').fill(isoDay(365));
  await manager.getByLabel('证书扫描件（图片或 PDF，最大 5 MB）').setInputFiles(png('证书.png'));
  await manager.getByRole('button', { name: '提交证书' }).click();
  await expect(manager.getByText('证书已提交，等待消费扶贫办公室审核')).toBeVisible();
  await manager.getByRole('button', { name: '提交审核' }).click();
  // The page re-renders in its new state: 审核中, with 下架 in place of 提交审核.
  await expect(manager.getByText('审核中', { exact: true })).toBeVisible();
  await expect(manager.getByRole('button', { name: '下架' })).toBeVisible();
  await checkPage(manager, testInfo, '41-workshop-editor');

  // 2. The programme office approves it.
  const admin = await as(browser, 'admin@example.com', '/admin/certifications');
  await admin.goto('/admin/certifications');
  await admin.getByRole('button', { name: `通过 ${certNo}` }).click();
  // Decided: it leaves the queue.
  await expect(admin.getByRole('button', { name: `通过 ${certNo}` })).toHaveCount(0);

  // 3. It is in the catalog with its badge (and its description's list).
  await page.goto(`/products?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole('link', { name: new RegExp(name) }).first()).toBeVisible();
  await page.goto(`/products/${slug}`);
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(page.getByText('消费扶贫认定').first()).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: '彝族绣娘平绣' })).toBeVisible();

  // A price edit shows on the product page and in the API on the very next request.
  await manager.getByRole('textbox', { name: '售价（元）' }).fill('56.50');
  await manager.getByRole('button', { name: '保存', exact: true }).click();
  await expect(manager.getByText('已保存', { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByText('¥56.50').first()).toBeAttached();
  const api = (await (await page.request.get(`/api/v1/products/${slug}`)).json()) as { priceFen: number };
  expect(api.priceFen).toBe(5650);

  // 4. A buyer orders it with the simulator.
  await page.getByLabel('数量', { exact: true }).fill('2');
  await page.getByRole('button', { name: '加入购物车' }).click();
  await expect(page.getByText('已加入购物车')).toBeVisible();
  const orderNo = await checkout(page);
  await page.getByRole('button', { name: '确认支付' }).click();
  await page.waitForURL(new RegExp(`/pay/result/${orderNo}$`));

  // 5. The manager ships it.
  await manager.goto('/workshop');
  const tracking = await shipOrder(manager, orderNo, '圆通速递');

  // 6. The buyer sees 已发货 and the tracking number.
  await page.goto(`/orders/${orderNo}`);
  await expect(page.getByText('已发货').first()).toBeVisible();
  await expect(page.getByText(tracking)).toBeVisible();

  // 7. The certificate's expiry (the office sets the date to yesterday) removes the badge.
  await admin.goto('/admin/certifications');
  await admin.getByLabel('证书编号', { exact: true }).fill(certNo);
  await admin.getByLabel('有效期至', { exact: true }).fill(isoDay(-1));
  await admin.getByLabel('原因', { exact: true }).fill('认定机构通知提前终止');
  await admin.getByRole('button', { name: '调整有效期' }).click();
  await expect(admin.getByText('认定标识已取消')).toBeVisible();
  await page.goto(`/products/${slug}`);
  await expect(page.getByText('认定已过期').first()).toBeVisible();
  await expect(page.getByText('消费扶贫认定', { exact: true })).toHaveCount(0);
});

test('a live session sells with 加入购物车 and the sale is attributed to it', async ({ page, browser }, testInfo) => {
  await page.goto('/livestreams');
  await expect(page.getByRole('heading', { name: /正在直播/ })).toBeVisible();
  await page
    .getByRole('link', { name: /绣娘现场绣马缨花/ })
    .first()
    .click();
  await expect(page.getByRole('link', { name: /进入直播间/ })).toHaveAttribute('href', /^https:\/\//);
  await checkPage(page, testInfo, '42-livestream');

  const manager = await as(browser, 'workshop@example.com', '/workshop/livestreams');
  await manager.goto('/workshop/livestreams');
  const streamCard = manager.getByRole('listitem').filter({ hasText: '绣娘现场绣马缨花' });
  const salesText = async () => (await streamCard.getByText(/^直播销售/).textContent()) ?? '';
  const fen = (t: string) => Number(/¥([\d,]+\.\d{2})/.exec(t)![1]!.replace(/[,.]/g, ''));
  const before = fen(await salesText());

  await page.getByRole('button', { name: /把 彝绣马缨花围巾 加入购物车/ }).click();
  await expect(page.getByText('已加入，')).toBeVisible();
  const orderNo = await checkout(page);
  await page.getByRole('button', { name: '确认支付' }).click();
  await page.waitForURL(new RegExp(`/pay/result/${orderNo}$`));

  await manager.reload();
  expect(fen(await salesText()) - before).toBe(16800);
  await checkPage(manager, testInfo, '43-workshop-livestreams');
});
