import ExcelJS from 'exceljs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { chinaMonth } from '../domain/time';
import { DEMO_PASSWORD, login } from './pages/auth';
import { checkPage } from './pages/catalog';
import { addToCart, checkout } from './pages/shop';

/**
 * 带贫成效 from real payments (issue 17): the workshop manager (on a phone in the mobile project)
 * registers three households, pays two of them piece rates for embroidery made for a sold order and the
 * third a dividend; a reviewer the office invited verifies one, the office the others; /impact shows
 * exactly three more households reached and the exact amounts; the monthly 通报's XLSX equals its page;
 * and the names typed in appear nowhere but behind the audited reveal.
 */
type ImpactApi = {
  households: { reached: number; poverty: number; monitored: number };
  payoutsFen: { totalFen: number; byChannel: { channel: string; paidFen: number }[] };
};
const paid = (a: ImpactApi, channel: string) =>
  BigInt(a.payoutsFen.byChannel.find((c) => c.channel === channel)!.paidFen);

async function as(browser: Browser, account: string, next: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await login(page, account, DEMO_PASSWORD, next);
  return page;
}

/** A folded form (记录计件工资… and the like), opened. */
async function openForm(page: Page, summary: string) {
  await page.getByText(summary, { exact: true }).click();
  return page.locator('details[open]').filter({ has: page.getByText(summary, { exact: true }) });
}

test('households, payouts, verification, /impact and the monthly 通报 agree to the fen', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(300_000); // three accounts, a reviewer and some twenty pages: 96 s alone on this 2-core machine, twice that beside the other project
  const tag = testInfo.project.name === 'mobile' ? 'EM' : 'ED';
  const run = String(Date.now()).slice(-6);
  const codes = [1, 2, 3].map((i) => `${tag}-${run.slice(-5)}${i}`);
  const name = `演示绣娘${tag}${run}`;
  const idNumber = '11010519491231002X';
  const before = (await (await page.request.get('/api/v1/impact')).json()) as ImpactApi;

  // A buyer orders an embroidered scarf (¥168.00) and pays.
  await addToCart(page, 'yi-embroidered-scarf', 1);
  const orderNo = await checkout(page);
  await page.getByRole('button', { name: '确认支付' }).click();
  await page.waitForURL(new RegExp(`/pay/result/${orderNo}$`));

  // 1. The manager registers three households; the first with a name and ID number.
  const manager = await as(browser, 'workshop@example.com', '/workshop/households');
  await manager.goto('/workshop/households');
  for (const [i, code] of codes.entries()) {
    const form = await openForm(manager, '登记农户…');
    await form.getByLabel('农户编码').fill(code);
    await form.getByLabel('乡镇（街道）').selectOption({ label: '大屯街道' });
    await form.getByLabel('村（社区）').fill('幸福社区');
    await form.getByLabel('类别').selectOption({ label: i === 1 ? '监测对象' : '脱贫户' });
    await form.getByLabel('家庭人口').fill(String(3 + i));
    await form.getByLabel('吸纳就业').check();
    await form.getByLabel('收益分红').check();
    if (i === 0) {
      await form.getByLabel('姓名（可选）').fill(name);
      await form.getByLabel('身份证号（可选）').fill(idNumber);
    }
    await form.getByRole('button', { name: '登记' }).click();
    await expect(manager.getByText(`已登记 ${code}`)).toBeVisible();
    await manager.reload();
  }
  await expect(manager.getByRole('link', { name: codes[2] })).toBeVisible();
  await checkPage(manager, testInfo, '70-workshop-households');
  expect(await manager.content()).not.toContain(name);

  // The name is behind 查看身份信息, which the audit log records.
  await manager.getByRole('link', { name: codes[0] }).click();
  await expect(manager.getByRole('heading', { name: codes[0] })).toBeVisible();
  expect(await manager.content()).not.toContain(idNumber);
  await manager.getByRole('button', { name: `查看 ${codes[0]} 的身份信息` }).click();
  await expect(manager.getByTestId('revealed-name')).toHaveText(name);
  await expect(manager.getByTestId('revealed-id')).toHaveText(idNumber);
  await checkPage(manager, testInfo, '71-workshop-household');

  // 2. Piece rates for the scarf of that order: 3 pieces × ¥40.00 and 2 × ¥45.50.
  const pieceRates = [
    { code: codes[0]!, qty: '3', rate: '40.00', fen: 12000n },
    { code: codes[1]!, qty: '2', rate: '45.50', fen: 9100n },
  ];
  await manager.goto('/workshop/payouts');
  for (const p of pieceRates) {
    const form = await openForm(manager, '记录计件工资…');
    await form.getByLabel('农户', { exact: true }).selectOption({ label: `${p.code} · 幸福社区` });
    await form.getByLabel('所做商品').selectOption({ label: '彝绣马缨花围巾（180×60cm 棉麻）' });
    await form.getByLabel('数量（件）').fill(p.qty);
    await form.getByLabel('每件工价（元）').fill(p.rate);
    await form.getByLabel('对应订单号（可选）').fill(orderNo);
    await form.getByLabel('发放方式').selectOption({ label: '银行转账' });
    await form.getByRole('button', { name: '记录发放' }).click();
    await expect(form.getByText(/已记录 ¥\d+\.\d\d（待核实）/)).toBeVisible();
    await manager.reload();
  }
  await checkPage(manager, testInfo, '72-workshop-payouts');

  // 3. A dividend rule over today's counted sales (10%, split equally), and the third household's due, paid.
  const ruleTitle = `E2E 分红 ${tag}${run}`;
  await manager.goto('/workshop/dividends');
  const ruleForm = await openForm(manager, '设立分红规则…');
  await ruleForm.getByLabel('规则名称').fill(ruleTitle);
  const today = await ruleForm.getByLabel('销售截止日期').inputValue();
  await ruleForm.getByLabel('销售起始日期').fill(today);
  await ruleForm.getByLabel('分红比例（%）').fill('10');
  await ruleForm.getByRole('button', { name: '设立规则' }).click();
  await expect(manager.getByText(/已设立分红规则，\d+ 户参与分配/)).toBeVisible();
  await manager.reload();
  const ruleId = (await manager.getByRole('heading', { name: ruleTitle }).getAttribute('id'))!.replace('rule-', '');
  const dueText = (await manager.getByTestId(`due-${ruleId}-${codes[2]}`).textContent())!;
  const dueFen = BigInt(dueText.replace(/[¥,.]/g, ''));
  expect(dueFen).toBeGreaterThan(0n);
  await checkPage(manager, testInfo, '73-workshop-dividends');
  await manager.goto('/workshop/payouts');
  const dividend = await openForm(manager, '记录分红…');
  await dividend.getByLabel('农户', { exact: true }).selectOption({ label: `${codes[2]} · 幸福社区` });
  await dividend.getByLabel('分红规则').selectOption({ label: ruleTitle });
  await dividend.getByLabel('分红金额（元）').fill(dueText.replace(/[¥,]/g, ''));
  await dividend.getByRole('button', { name: '记录发放' }).click();
  await expect(dividend.getByText(`已记录 ${dueText}（待核实）`)).toBeVisible();

  // 4. The office invites a reviewer for 大屯街道, who verifies the dividend; the office verifies the rest.
  const admin = await as(browser, 'admin@example.com', '/admin/payouts');
  await admin.goto('/admin/payouts');
  await admin.getByLabel('核实员姓名').fill('幸福社区核实员');
  await admin.getByLabel('负责的乡镇（街道）').selectOption({ label: '大屯街道' });
  await admin.getByRole('button', { name: '生成邀请链接' }).click();
  const invite = (await admin.getByTestId('invite-link').textContent())!;
  const reviewer = await (await browser.newContext()).newPage();
  await reviewer.goto(new URL(invite).pathname);
  await expect(reviewer.getByText('大屯街道 的带贫核实员')).toBeVisible();
  const reviewerLogin = `reviewer-${tag.toLowerCase()}${run}@example.com`;
  await reviewer.getByLabel('登录账号（邮箱或手机号）').fill(reviewerLogin);
  await reviewer.getByLabel('密码').fill('reviewer-pass-1');
  await reviewer.getByRole('button', { name: '创建账号' }).click();
  await expect(reviewer.getByRole('link', { name: '去登录' })).toBeVisible();
  await login(reviewer, reviewerLogin, 'reviewer-pass-1', '/review');
  await reviewer.goto('/review');
  const divCard = reviewer.getByRole('listitem').filter({ hasText: codes[2]! });
  await expect(divCard).toContainText(dueText);
  await checkPage(reviewer, testInfo, '74-review');
  await divCard.getByRole('button', { name: /^通过 / }).click();
  await expect(reviewer.getByRole('listitem').filter({ hasText: codes[2]! })).toHaveCount(0);
  expect(await reviewer.content()).not.toContain(name);

  await admin.goto('/admin/payouts?status=submitted');
  for (const p of pieceRates) {
    const card = admin.getByRole('listitem').filter({ hasText: p.code });
    await expect(card).toContainText(orderNo);
    await card.getByRole('button', { name: /^通过 / }).click();
    await expect(admin.getByRole('listitem').filter({ hasText: p.code })).toHaveCount(0);
    await admin.reload();
  }
  await checkPage(admin, testInfo, '75-admin-payouts');

  // 5. /impact: exactly three more households reached, and the exact amounts by channel.
  const visitor = await (await browser.newContext()).newPage();
  // The figure is cached and tag-expired: README promises it within the 5 s invalidation interval (once in
  // three runs on a loaded machine the first load still showed the figure before the last verification).
  await expect
    .poll(
      async () => {
        await visitor.goto('/impact');
        return visitor.getByTestId('households-reached').textContent();
      },
      { timeout: 10_000 },
    )
    .toBe(String(before.households.reached + 3));
  await expect(visitor.getByTestId('households-monitored')).toHaveText(String(before.households.monitored + 1));
  const employment = paid(before, 'employment') + 12000n + 9100n;
  await expect(visitor.getByTestId('paid-employment')).toHaveAttribute('data-fen', String(employment));
  await expect(visitor.getByTestId('paid-dividend')).toHaveAttribute(
    'data-fen',
    String(paid(before, 'dividend') + dueFen),
  );
  expect(await visitor.content()).not.toContain(name);
  await checkPage(visitor, testInfo, '76-impact');
  const after = (await (await visitor.request.get('/api/v1/impact')).json()) as ImpactApi;
  expect(after.households.reached).toBe(before.households.reached + 3);
  expect(paid(after, 'employment')).toBe(employment);
  expect(JSON.stringify(after)).not.toContain(name);

  // 6. The monthly 通报: the XLSX holds every figure of the page, cell by cell; no names anywhere.
  const month = chinaMonth();
  await admin.goto(`/admin/reports/monthly?month=${month}`);
  await checkPage(admin, testInfo, '77-monthly-report');
  const xlsx = await admin.request.get(`/admin/reports/monthly/export?month=${month}&format=xlsx`);
  expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await xlsx.body()) as never);
  // Every cell of every table on the page: its exact value (data-fen, data-n) or its text.
  const page_ = await admin.locator('section[data-table]').evaluateAll((sections) =>
    sections.map((s) =>
      [...s.querySelectorAll('tbody tr, tfoot tr')].map((tr) =>
        [...tr.querySelectorAll('td')].map((td) => ({
          fen: td.querySelector('[data-fen]')?.getAttribute('data-fen') ?? null,
          n: td.querySelector('[data-n]')?.getAttribute('data-n') ?? null,
          bps: td.querySelector('[data-bps]') !== null,
          text: (td as HTMLElement).innerText.trim(),
        })),
      ),
    ),
  );
  expect(page_.length).toBe(wb.worksheets.length);
  let compared = 0;
  page_.forEach((rows, s) =>
    rows.forEach((cells, r) =>
      cells.forEach((c, j) => {
        const value = wb.worksheets[s]!.getRow(r + 3).getCell(j + 1).value;
        const where = `sheet ${s + 1} row ${r + 3} col ${j + 1}`;
        if (c.fen !== null) expect(BigInt(Math.round(Number(value) * 100)), where).toBe(BigInt(c.fen));
        else if (c.n !== null) expect(value, where).toBe(Number(c.n));
        else if (!c.bps) expect(String(value), where).toBe(c.text);
        compared++;
      }),
    ),
  );
  expect(compared).toBeGreaterThan(30);
  const monthPaid = await admin
    .locator('section[data-table="summary"] tr', { hasText: '本月已核实带贫发放' })
    .locator('[data-fen]')
    .getAttribute('data-fen');
  expect(BigInt(monthPaid!)).toBeGreaterThanOrEqual(12000n + 9100n + dueFen);
  const csv = await (await admin.request.get(`/admin/reports/monthly/export?month=${month}&format=csv`)).text();
  expect(csv).toContain('本月已核实带贫发放');
  for (const text of [csv, await admin.content()]) {
    expect(text).not.toContain(name);
    expect(text).not.toContain(idNumber);
  }

  // 7. The audit log has the reveal, without the name.
  await admin.goto('/admin/audit');
  await expect(admin.getByText('查看农户身份信息').first()).toBeVisible();
  expect(await admin.content()).not.toContain(name);
});
