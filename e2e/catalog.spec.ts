import { expect, test } from '@playwright/test';
import { CatalogPage, checkPage } from './pages/catalog';

test('home → category → product → certificate check', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('买个旧好物，助乡亲增收');
  await expect(page.getByRole('progressbar', { name: '已计入目标的销售额占目标的比例' })).toBeVisible();
  await expect(page.getByText('/ 目标 ¥40,000,000.00')).toBeVisible();
  await expect(page.getByRole('heading', { name: '大屯幸福社区刺绣扶贫车间' })).toBeVisible();
  await expect(page.getByRole('note', { name: '演示数据说明' })).toContainText('演示数据');
  await checkPage(page, testInfo, '01-home');

  await page.getByRole('link', { name: /^水果/ }).click();
  await expect(page).toHaveURL(/category=fruit/);
  const catalog = new CatalogPage(page);
  await expect(catalog.productList().getByRole('listitem').first()).toBeVisible();
  await checkPage(page, testInfo, '02-category');

  await catalog
    .productList()
    .getByRole('link', { name: /蔓耗红河谷芒果/ })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('蔓耗红河谷芒果');
  await expect(page.getByText('规格：5kg 中果')).toBeVisible();
  await expect(page.getByRole('heading', { name: '单位采购阶梯价' })).toBeVisible();
  await expect(page.getByText('扫一扫在手机打开')).toBeVisible();
  await expect(page.getByRole('heading', { name: /蔓耗镇红河谷热带水果/ })).toBeVisible();
  await checkPage(page, testInfo, '03-product');

  await page.getByRole('link', { name: '查询认定证书真伪' }).click();
  await expect(page).toHaveURL(/\/verify\/GJXF-/);
  await expect(page.getByRole('heading', { name: '认定状态：有效' })).toBeVisible();
  await checkPage(page, testInfo, '04-verify');
});

test('search 刺绣 finds the embroidery and filters combine', async ({ page }, testInfo) => {
  await page.goto('/');
  const catalog = new CatalogPage(page);
  await catalog.search('刺绣');
  await expect(catalog.productList()).toContainText('彝绣马缨花围巾');
  await expect(catalog.productList()).toContainText('马缨花刺绣胸针');

  await page.getByRole('button', { name: '筛选' }).click();
  const sheet = page.getByRole('dialog', { name: '筛选' });
  await sheet.getByLabel('分类').selectOption('fruit');
  await sheet.getByLabel('关键词').fill('');
  await sheet.getByLabel('只看消费扶贫认定商品').check();
  await sheet.getByRole('button', { name: '确定' }).click();
  await expect(page).toHaveURL(/category=fruit/);
  await expect(page).toHaveURL(/certified=1/);
  await expect(catalog.productList()).not.toContainText('河谷木瓜'); // its certificate has expired
  await expect(catalog.productList()).toContainText('蔓耗红河谷芒果');
  await checkPage(page, testInfo, '05-search');
});

test('an expired certificate shows 认定已过期 and the check says so', async ({ page }, testInfo) => {
  await page.goto('/products/manhao-papaya');
  await expect(page.getByText('认定已过期').first()).toBeVisible();
  await page.getByRole('link', { name: '查询认定证书真伪' }).click();
  await expect(page.getByRole('heading', { name: '认定状态：已过期' })).toBeVisible();
  await checkPage(page, testInfo, '06-verify-expired');
});

test('hostile query strings give a normal page, never a 500', async ({ page, request }) => {
  const hostile = [
    'q=' + 'x'.repeat(10_000),
    "q=' or 1=1 --",
    'q=%25',
    'q=_',
    'page=-1',
    'page=abc',
    'sort=drop',
    'sort=relevance&q=%25%5F',
    'q=' + encodeURIComponent('米 '.repeat(40)),
    'minPrice=abc&maxPrice=-5',
  ];
  for (const qs of hostile) {
    const res = await request.get(`/products?${qs}`);
    expect(res.status(), qs).toBe(200);
  }
  await page.goto('/products?page=-1&sort=drop');
  await expect(page.getByRole('status')).toContainText('页码须为正整数');
  const api = await request.get('/api/v1/products?sort=drop');
  expect(api.status()).toBe(400);
  expect((await api.json()).error.code).toBe('invalid_input');
  // An unknown certificate is a real 404 (issue 13), with the page's own 未查到证书.
  const unknown = await request.get('/verify/%3Cscript%3E');
  expect(unknown.status()).toBe(404);
});
