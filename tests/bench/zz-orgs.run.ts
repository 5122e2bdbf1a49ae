import { afterAll, beforeAll, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { launchChromium } from '../setup/chromium';
import { buildAndPreview } from '../setup/preview';

let browser: Browser; let server: PreviewServer; let baseUrl: string;
beforeAll(async () => { ({ server, url: baseUrl } = await buildAndPreview('bench')); browser = await launchChromium(); });
afterAll(async () => { await browser?.close(); await server?.close(); });

it('orgs at 100k', async () => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') console.log('console', m.text()); });
  await page.goto(`${baseUrl}bench.html`);
  await page.getByText('bench-ready').waitFor();
  const t0 = Date.now();
  await page.evaluate(() => window.qldvBench.load(100000));
  console.log('load ms', Date.now() - t0);
  await page.goto(`${baseUrl}index.html#/to-chuc`);
  const t1 = Date.now();
  await page.locator('.org-node-count', { hasText: '100.000' }).waitFor({ timeout: 120_000 });
  console.log('to-chuc ready ms', Date.now() - t1);
  const picker = page.locator('#org-as-of');
  await picker.click(); await picker.fill('01/01/2000');
  const t2 = Date.now();
  await picker.press('Enter');
  await page.locator('.org-tree-card:not(.org-tree-stale)').waitFor({ timeout: 120_000 });
  await page.getByTestId('count-subtree-total').waitFor();
  console.log('as-of ms', Date.now() - t2, await page.getByTestId('count-subtree-total').textContent());
  const search = page.getByLabel('Tìm tổ chức — gõ có dấu hoặc không dấu');
  const t3 = Date.now();
  await search.pressSequentially('to dan pho so 1');
  console.log('search typing ms', Date.now() - t3);
  await page.screenshot({ path: 'tests/artifacts/zz-100k.png' });
  await context.close();
}, 1_800_000);
