import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO_PASSWORD, login, logout } from './pages/auth';
import { checkPage } from './pages/catalog';
import { stockOf } from './pages/shop';

/** The phone storefront (issue 16): navigation, listing, product page above the fold, trust details. */

async function box(l: Locator) {
  const b = await l.boundingBox();
  expect(b, 'element has a box').not.toBeNull();
  return b!;
}

/** Entirely within the first screen, above `limit` (the top of a bottom bar), without scrolling. */
async function expectAboveFold(page: Page, l: Locator, limit: number) {
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  const b = await box(l);
  expect(b.y).toBeGreaterThanOrEqual(0);
  expect(b.y + b.height).toBeLessThanOrEqual(limit);
}

test.describe('on a 390 × 844 phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test.beforeEach(({}, testInfo) => {
    test.skip(testInfo.project.name !== 'mobile', 'phone layout: runs in the Pixel 7 (mobile) project');
  });

  test('home → 分类 → a category → 筛选 → product above the fold → 加入购物车, and the cart count follows', async ({
    page,
    request,
  }, testInfo) => {
    await page.goto('/');
    const tabs = page.getByRole('navigation', { name: '主导航' });
    await expect(tabs.getByRole('link', { name: '购物车', exact: true })).toBeVisible(); // empty cart: no count
    await tabs.getByRole('link', { name: '分类' }).click();
    await page.waitForURL(/\/categories$/);
    await expect(tabs.getByRole('link', { name: '分类' })).toHaveAttribute('aria-current', 'page');
    await checkPage(page, testInfo, '60-categories');

    await page.getByRole('link', { name: /^茶叶/ }).click();
    await page.waitForURL(/category=tea/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('茶叶');
    const list = page.getByRole('list', { name: '商品列表' });
    // The first row of products is on the first screen, above the tab bar.
    const tabTop = (await box(tabs)).y;
    await expectAboveFold(page, list.getByRole('listitem').nth(0), tabTop);
    await expectAboveFold(page, list.getByRole('listitem').nth(1), tabTop);

    // Filters live in one sheet behind 筛选; the active ones come back as removable chips.
    await page.getByRole('button', { name: '筛选' }).click();
    const sheet = page.getByRole('dialog', { name: '筛选' });
    await expect(sheet).toBeVisible();
    await sheet.getByLabel('只看消费扶贫认定商品').check();
    await sheet.getByLabel('最高价（元）').fill('150');
    await checkPage(page, testInfo, '61-filter-sheet');
    await sheet.getByRole('button', { name: '确定' }).click();
    await page.waitForURL(/certified=1/);
    await expect(page).toHaveURL(/category=tea/);
    const chips = page.getByRole('list', { name: '已选筛选条件' });
    await expect(chips.getByRole('link')).toHaveText(['分类：茶叶×', '只看认定商品×', '价格：–¥150.00×', '清除全部']);
    await chips.getByRole('link', { name: '移除筛选条件 价格：–¥150.00' }).click();
    await page.waitForURL((u) => !u.search.includes('maxPrice'));
    await expect(page).toHaveURL(/certified=1/);
    await expectAboveFold(page, list.getByRole('listitem').nth(0), tabTop);
    await checkPage(page, testInfo, '62-listing-filtered');

    // The product page: price, spec and certification badge above the bottom bar, no scrolling.
    await list.getByRole('link', { name: /卡房云雾绿茶/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('卡房云雾绿茶');
    const bar = page.locator('[data-bottom-bar]');
    await expect(tabs).toBeHidden(); // the page's own bar takes the bottom
    const barTop = (await box(bar)).y;
    await expectAboveFold(page, page.getByTestId('product-price'), barTop);
    await expectAboveFold(page, page.locator('#buy-box').getByText('规格：250g 罐装'), barTop);
    await expectAboveFold(page, page.locator('#buy-box').getByRole('link', { name: /消费扶贫认定/ }), barTop);
    await checkPage(page, testInfo, '63-product-phone');

    await bar.getByRole('button', { name: '加入购物车' }).click();
    await expect(page.getByText('已加入购物车')).toBeVisible();
    await expect(bar.getByRole('link', { name: '购物车（1 件）' })).toBeVisible();
    await expect(page.getByRole('banner').getByRole('link', { name: '购物车（1 件）' })).toBeVisible();

    // Asking for more than the stock is refused with the stock shown, never cut down to it.
    const stock = await stockOf(request, 'kafang-cloud-green-tea');
    const qty = page.getByLabel('数量', { exact: true });
    await qty.fill(String(stock + 1));
    const refusal = page.getByRole('alert').filter({ hasText: '库存不足' });
    await expect(refusal).toHaveText(`库存不足：该商品仅剩 ${stock} 件`);
    await bar.getByRole('button', { name: '加入购物车' }).click();
    await expect(refusal).toContainText(`仅剩 ${stock} 件`);
    await expect(qty).toHaveValue(String(stock + 1));
    await expect(bar.getByRole('link', { name: '购物车（1 件）' })).toBeVisible();

    await page.goBack();
    await expect(tabs.getByRole('link', { name: '购物车（1 件）' })).toBeVisible();
    await tabs.getByRole('link', { name: '购物车（1 件）' }).click();
    const lines = page.getByRole('list', { name: '购物车商品' });
    await expect(lines.getByRole('listitem')).toHaveCount(1);
    await expect(lines.getByText(`库存 ${stock} 件`)).toBeVisible();
    await checkPage(page, testInfo, '64-cart-phone');
  });

  test('search 米: the heading names it and the rice comes first (综合)', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('search').getByRole('searchbox').fill('米');
    await page.getByRole('search').getByRole('button', { name: '搜索' }).click();
    await page.waitForURL(/q=/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('“米”的搜索结果');
    await expect(page.getByRole('navigation', { name: '排序' }).getByRole('link', { name: '综合' })).toHaveAttribute(
      'aria-current',
      'true',
    );
    const first = page.getByRole('list', { name: '商品列表' }).getByRole('heading').first();
    await expect(first).toContainText('米');
  });

  test('我的: guests find 订单查询 and 登录, which brings them back; signed-in users their orders and portals', async ({
    page,
  }, testInfo) => {
    await page.goto('/products');
    const tabs = page.getByRole('navigation', { name: '主导航' });
    await tabs.getByRole('link', { name: '我的' }).click();
    await page.waitForURL(/\/me$/);
    const services = page.getByRole('list', { name: '查询与服务' });
    await expect(services.getByRole('link', { name: /订单查询/ })).toHaveAttribute('href', '/orders');
    await checkPage(page, testInfo, '65-me-guest');

    // 登录 brings the visitor back to the page they were on before 我的 (here the listing).
    await page.getByRole('link', { name: '登录', exact: true }).click();
    await expect(page).toHaveURL(/\/login\?next=%2Fproducts$/);
    await page.getByLabel('账号 (邮箱或手机号)').fill('unit@example.com');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/products$/);
    await tabs.getByRole('link', { name: '我的' }).click();
    await page.waitForURL(/\/me$/);
    const mine = page.getByRole('list', { name: '我的账户' });
    await expect(mine.getByRole('link', { name: /我的订单/ })).toHaveAttribute('href', '/orders');
    await expect(mine.getByRole('link', { name: /账户安全/ })).toHaveAttribute('href', '/account/security');
    await expect(page.getByRole('list', { name: '工作入口' }).getByRole('link', { name: /单位采购/ })).toBeVisible();
    await checkPage(page, testInfo, '66-me-signed-in');
    await logout(page);
  });

  test('我的 opened by a full page load (tapped before the scripts loaded) still brings 登录 back to the page before', async ({
    page,
    baseURL,
  }) => {
    await page.goto('/me', { referer: `${baseURL}/products?category=tea` });
    const login = page.getByRole('main').getByRole('link', { name: '登录', exact: true });
    await expect(login).toHaveAttribute('href', `/login?next=${encodeURIComponent('/products?category=tea')}`);
    // Another site's page is not "before": 登录 comes back to 我的.
    await page.goto('/me', { referer: 'https://example.com/products' });
    await expect(login).toHaveAttribute('href', `/login?next=${encodeURIComponent('/me')}`);
  });
});

test('the sticky bar fits 加入购物车 and 立即购买 on one line at 360 px', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'mobile', 'phone layout: runs in the Pixel 7 (mobile) project');
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/products/yi-embroidered-scarf');
  const bar = page.locator('[data-bottom-bar]');
  const add = await box(bar.getByRole('button', { name: '加入购物车' }));
  const buy = await box(bar.getByRole('button', { name: '立即购买' }));
  expect(Math.abs(add.y - buy.y)).toBeLessThan(1);
  expect(add.height).toBeLessThan(50); // one line of text, not two
  expect(buy.height).toBeLessThan(50);
  expect(buy.x + buy.width).toBeLessThanOrEqual(360);
  await page.screenshot({ path: `e2e/screenshots/${testInfo.project.name}-67-product-360.png` });
});

test('the product photo is in the first paint, and the header, tab bar, product cards and home tiles fetch nothing until reached for', async ({
  page,
  request,
}) => {
  // A loading.tsx above the page made React send a skeleton first and the page, hidden, after it.
  const html = await (await request.get('/products/manhao-mangoes')).text();
  const photo = html.indexOf('fetchPriority="high"');
  const firstHidden = html.indexOf('<div hidden id="S:');
  expect(photo).toBeGreaterThan(0);
  if (firstHidden >= 0) expect(photo).toBeLessThan(firstHidden);
  expect(html.slice(0, photo)).not.toContain('<template id="B:');

  const prefetched: string[] = [];
  /** The same requests, with the page that made them. */
  const made: { path: string; from: string }[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!url.searchParams.has('_rsc')) return;
    prefetched.push(url.pathname);
    made.push({ path: url.pathname, from: new URL(r.frame().url()).pathname });
  });
  await page.goto('/products/manhao-mangoes');
  await page.waitForLoadState('networkidle');
  // Nor the wide header's 注册, the breadcrumb (首页 › 分类), nor the certificate's links.
  const frame = ['/', '/products', '/cart', '/categories', '/livestreams', '/me', '/register'];
  expect(prefetched.filter((p) => p.startsWith('/verify/'))).toEqual([]);
  for (const path of frame) expect(prefetched).not.toContain(path);
  // Reaching for the cart fetches it, and the tap still lands there.
  await page
    .getByRole('banner')
    .getByRole('link', { name: /购物车/ })
    .click();
  await expect(page).toHaveURL(/\/cart$/);
  expect(prefetched).toContain('/cart');
  // Nor do the listing's product cards and their certificate badges, each a request per visitor on a promotion day.
  prefetched.length = 0;
  await page.goto('/products');
  await page.waitForLoadState('networkidle');
  expect(prefetched.filter((p) => p.startsWith('/products/') || p.startsWith('/verify/'))).toEqual([]);
  await page
    .getByRole('main')
    .getByRole('link', { name: /蔓耗红河谷芒果/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/products\/manhao-mangoes$/);
  await expect(page.getByRole('heading', { level: 1, name: /蔓耗红河谷芒果/ })).toBeVisible();

  // Nor does the home page: its category tiles, buttons and teasers fetched every listing as it loaded.
  prefetched.length = 0;
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  expect(prefetched).toEqual([]);
  await page.getByRole('main').getByRole('link', { name: /^茶叶/ }).click();
  await expect(page).toHaveURL(/\/products\?category=tea$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('茶叶');

  // Nor 分类 (33 listings of townships and suppliers), the cart and 直播 (the footer's pages, the rooms). The
  // pointer that tapped 茶叶 may rest on a card of the listing, which is reaching for it: move it away first.
  await page.mouse.move(0, 0);
  await page.waitForLoadState('networkidle');
  for (const path of ['/categories', '/cart', '/livestreams']) {
    made.length = 0;
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    // Made by this page: a prefetch the listing had queued for the card under the pointer can still leave
    // as the next page is requested.
    expect(
      made.filter((m) => m.from === path).map((m) => m.path),
      path,
    ).toEqual([]);
  }
});

test.describe('on a wide screen', () => {
  test.beforeEach(({}, testInfo) => {
    test.skip(testInfo.project.name !== 'desktop', 'header layout: runs in the desktop project');
  });

  test('登录 from the header returns the buyer to the page they were on', async ({ page }) => {
    await page.goto('/products/manhao-mangoes');
    await page.getByRole('navigation', { name: '账户' }).getByRole('link', { name: '登录' }).click();
    await expect(page).toHaveURL(/\/login\?next=%2Fproducts%2Fmanhao-mangoes$/);
    await page.getByLabel('账号 (邮箱或手机号)').fill('buyer@example.com');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/products\/manhao-mangoes$/);
    await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
  });

  test('the office sets the contact details; the footer and the certificate check show them', async ({
    page,
    browser,
  }, testInfo) => {
    const hotline = `0873-${String(Date.now()).slice(-7)}`;
    const admin = await (await browser.newContext()).newPage();
    await login(admin, 'admin@example.com', DEMO_PASSWORD, '/admin/settings');
    await admin.getByLabel('客服电话').fill(hotline);
    await admin.getByLabel('服务时间').fill('工作日 9:00–17:30');
    await admin.getByRole('button', { name: '保存', exact: true }).click();
    await expect(admin.getByText('站点信息已保存')).toBeVisible();
    await checkPage(admin, testInfo, '68-admin-settings');
    await admin.goto('/admin/audit');
    await expect(admin.getByText('修改站点信息').first()).toBeVisible();

    await page.goto('/');
    const footer = page.getByRole('contentinfo');
    await expect(footer.getByRole('link', { name: hotline })).toHaveAttribute(
      'href',
      `tel:${hotline.replace('-', '')}`,
    );
    await expect(footer.getByText('工作日 9:00–17:30')).toBeVisible();
    await expect(footer.getByRole('link', { name: '消费帮扶成效' })).toHaveAttribute('href', '/impact');
    await expect(footer.getByRole('link', { name: '订单查询' })).toHaveAttribute('href', '/orders');
    await page.goto('/verify');
    await expect(page.getByRole('heading', { name: '哪些商品经过认定' })).toBeVisible();
    await expect(page.getByRole('main').getByRole('link', { name: hotline })).toBeVisible();
    await checkPage(page, testInfo, '69-verify');
    await logout(admin);
  });
});
