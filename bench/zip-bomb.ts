import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from '@playwright/test';
import { xlsxWithRows } from '../scripts/test-support/zip';
import { readSheet } from '../lib/bulk/read-sheet';
import { startNext, waitForHealth } from './lib';

/**
 * Issue 13, item 3: a decompression bomb in 批量下单. Prints, for a 1,000,000-row and a 3,000,000-row
 * .xlsx (and one whose ZIP directory lies about its size):
 * - in this process, readSheet's refusal time, the longest event-loop stall meanwhile, and the RSS growth;
 * - against the production build (`npm run build` first) on a copy of the embedded database: the time from
 *   submitting the sheet on /unit to the Chinese refusal, the longest /api/health answer meanwhile, and the
 *   server's peak RSS (VmHWM) before and after.
 * Run: flock /tmp/gejiu-heavy.lock npm run bench:zip-bomb   (BENCH_PORT, default 3420)
 */
process.env.NEXT_TELEMETRY_DISABLED = '1';
const bombs = [
  { label: '1,000,000 rows', bytes: xlsxWithRows(1_000_000, { bomb: true }) },
  { label: '3,000,000 rows', bytes: xlsxWithRows(3_000_000, { bomb: true }) },
  { label: '3,000,000 rows, lying directory', bytes: xlsxWithRows(3_000_000, { bomb: true, declaredSheetSize: 1000 }) },
];
const kb = (n: number) => `${Math.round(n / 1024)} kB`;
const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/** The longest gap between 5 ms timer ticks while `fn` runs: how long the event loop was blocked. */
async function stall<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; maxStallMs: number }> {
  let last = performance.now();
  let max = 0;
  const t = setInterval(() => {
    const now = performance.now();
    max = Math.max(max, now - last - 5);
    last = now;
  }, 5);
  const start = performance.now();
  const value = await fn();
  const ms = performance.now() - start;
  clearInterval(t);
  return { value, ms, maxStallMs: Math.max(0, max) };
}

console.log('\nIn process (the code the server runs):');
console.log('| sheet | file | refused in | longest event-loop stall | RSS growth | message |');
console.log('|---|---|---|---|---|---|');
for (const b of bombs) {
  const rss = process.memoryUsage().rss;
  const r = await stall(() =>
    readSheet(new File([new Uint8Array(b.bytes)], 'bomb.xlsx')).then(
      () => 'accepted (!)',
      (e: Error) => e.message,
    ),
  );
  const grew = process.memoryUsage().rss - rss;
  console.log(
    `| ${b.label} | ${kb(b.bytes.length)} | ${r.ms.toFixed(0)} ms | ${r.maxStallMs.toFixed(0)} ms | ${mb(Math.max(0, grew))} | ${r.value} |`,
  );
}

if (!existsSync('.next/BUILD_ID') || !existsSync('.data/pglite')) {
  console.log('\n(no production build: run `npm run build` for the server figures)');
  process.exit(0);
}
const port = Number(process.env.BENCH_PORT ?? 3420);
const dataDir = mkdtempSync(join(tmpdir(), 'gejiu-bomb-db-'));
cpSync('.data/pglite', dataDir, { recursive: true });
const server = startNext(port, { PGLITE_DIR: dataDir, DATABASE_URL: '' });
const base = `http://127.0.0.1:${port}`;
const hwm = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
const rssNow = () =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
try {
  await waitForHealth(base);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
  const page = await browser.newPage({ baseURL: base, locale: 'zh-CN' });
  await page.goto('/login?next=/unit');
  await page.getByLabel('账号 (邮箱或手机号)').fill('unit@example.com');
  await page.getByLabel('密码').fill('demo12345');
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL('**/unit');
  await page
    .getByLabel('或上传表格（.xlsx / .csv，最多 5000 行）')
    .waitFor({ timeout: 30_000 })
    .catch(async () => {
      await page.screenshot({ path: '/tmp/zip-bomb-unit.png', fullPage: true });
      throw new Error(`the 批量下单 form is not on ${page.url()} (screenshot: /tmp/zip-bomb-unit.png)`);
    });
  console.log('\nAgainst the server (next start, upload through /unit):');
  console.log('| sheet | refused in | longest /api/health | server RSS peak before → after | message |');
  console.log('|---|---|---|---|---|');
  for (const b of bombs) {
    await page.goto('/unit');
    await page.getByLabel('或上传表格（.xlsx / .csv，最多 5000 行）').setInputFiles({
      name: 'bomb.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: b.bytes,
    });
    await page.getByLabel('联系人手机号').fill('13887312345');
    await page.getByLabel('收货地址').fill('个旧市机关大院 1 号');
    const peakBefore = hwm();
    let health = 0;
    let probing = true;
    const probe = (async () => {
      while (probing) {
        const t = performance.now();
        await fetch(`${base}/api/health`).catch(() => undefined);
        health = Math.max(health, performance.now() - t);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    // The sheet is read at 预览采购单 (the first of the two steps since issue 15).
    const start = performance.now();
    await page.getByRole('button', { name: '预览采购单' }).click();
    const message = page.getByText(/解压后过大|与其目录不符|无法读取|一次最多/).first();
    await message.waitFor({ timeout: 60_000 });
    const ms = performance.now() - start;
    probing = false;
    await probe;
    console.log(
      `| ${b.label} | ${ms.toFixed(0)} ms | ${health.toFixed(0)} ms | ${mb(peakBefore)} → ${mb(hwm())} (now ${mb(rssNow())}) | ${await message.textContent()} |`,
    );
  }
  await browser.close();
} finally {
  server.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
