/** What every end-to-end test needs: a fresh laptop (browser context) on the previewed app. */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
mkdirSync(ARTIFACTS, { recursive: true });

export interface Laptop {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors, console errors and CSP violations seen so far. */
  problems: string[];
}

/** A new browser context is a new laptop: its own IndexedDB, its own node id. */
export async function newLaptop(browser: Browser, baseUrl: string): Promise<Laptop> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN', acceptDownloads: true });
  const page = await context.newPage();
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  await page.goto(baseUrl);
  return { context, page, problems };
}

export function screenshotPath(name: string): string {
  return `${ARTIFACTS}${name}.png`;
}
