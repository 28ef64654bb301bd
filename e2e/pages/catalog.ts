import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';

/** Checks a page with axe (no serious or critical violations) and saves a full-page screenshot. */
export async function checkPage(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  // After a client-side navigation the title arrives with the streamed metadata.
  await expect(page).toHaveTitle(/个旧消费扶贫商城/);
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
  await page.screenshot({ path: `e2e/screenshots/${testInfo.project.name}-${name}.png`, fullPage: true });
}

export class CatalogPage {
  constructor(private readonly page: Page) {}

  async search(term: string): Promise<void> {
    const form = this.page.getByRole('search');
    await form.getByRole('searchbox').fill(term);
    await form.getByRole('button', { name: '搜索' }).click();
    await this.page.waitForURL(/\/products\?q=/);
  }

  productList() {
    return this.page.getByRole('list', { name: '商品列表' });
  }

  resultCount() {
    return this.page.locator('#results-heading');
  }
}
