/**
 * `npm run bench`: the app's figures, measured in real Chromium against `vite preview` (the
 * same way as the end-to-end tests). Figures are ratios against a baseline measured in the same
 * page and run, never timed assertions.
 */
import { afterAll, beforeAll, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { launchChromium } from '../setup/chromium';
import { buildAndPreview } from '../setup/preview';
import { benchSizes, median, printTable, round, saveFigures, type Figures } from './figures';

let browser: Browser;
let server: PreviewServer;
let baseUrl: string;

beforeAll(async () => {
  ({ server, url: baseUrl } = await buildAndPreview('bench'));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const formatCount = (n: number) => new Intl.NumberFormat('vi-VN').format(n);

/** From navigation to the member total on screen, read in the page (performance.now() at the paint). */
async function dashboardStartup(page: Page, memberCount: number): Promise<number> {
  const expected = formatCount(memberCount);
  await page.goto('about:blank');
  await page.goto(`${baseUrl}index.html#/`);
  await page.getByTestId('stat-members').filter({ hasText: expected }).waitFor({ timeout: 120_000 });
  return page.evaluate(() => (window as unknown as { __dashboardReadyAt: number }).__dashboardReadyAt);
}

it('measures load and dashboard start-up', async () => {
  const figures: Figures = {};
  for (const n of benchSizes()) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      // Record the moment the member total first shows a number, without polling latency.
      const w = window as unknown as { __dashboardReadyAt?: number };
      new MutationObserver((_, observer) => {
        const el = document.querySelector('[data-testid="stat-members"]');
        if (el && /\d/.test(el.textContent ?? '') && el.textContent !== '0') {
          w.__dashboardReadyAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.goto(`${baseUrl}bench.html`);
    await page.getByText('bench-ready').waitFor();
    const load = await page.evaluate((count) => window.qldvBench.load(count), n);
    figures[`load.bulk_ms@${n}`] = round(load.bulkMs);
    figures[`load.raw_bulkput_ms@${n}`] = round(load.rawBulkPutMs);
    figures[`load.ratio_vs_raw@${n}`] = round(load.bulkMs / load.rawBulkPutMs, 2);
    figures[`load.records@${n}`] = load.records;

    const startups: number[] = [];
    for (let i = 0; i < 3; i++) startups.push(await dashboardStartup(page, n));
    figures[`startup.dashboard_ms@${n}`] = round(median(startups));
    await context.close();
  }
  printTable(saveFigures(figures));
});
