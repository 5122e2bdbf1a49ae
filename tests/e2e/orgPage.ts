/** Reading the organizations page in end-to-end tests: tree nodes, totals, the as-of date. */
import type { Page } from 'playwright-core';

export const count = (text: string | null) => Number((text ?? '').replace(/\./g, ''));
export const node = (page: Page, name: string) =>
  page
    .locator('.org-tree-card .org-node')
    .filter({ has: page.locator('.org-node-name', { hasText: new RegExp(`^${name}$`) }) });

/** The total on a node, found by searching so the virtual tree renders it. */
export async function nodeTotal(page: Page, name: string): Promise<number> {
  const search = page.getByLabel('Tìm tổ chức — gõ có dấu hoặc không dấu');
  await search.fill(name);
  // The tree shows a node's total once the counts are in.
  const badge = node(page, name).locator('.org-node-count');
  await badge.waitFor();
  const total = count(await badge.textContent());
  await search.fill('');
  return total;
}

/** Clicks a node, scrolling the virtual tree by searching for it when it is not rendered. */
export async function select(page: Page, name: string): Promise<void> {
  const search = page.getByLabel('Tìm tổ chức — gõ có dấu hoặc không dấu');
  await search.fill(name);
  await node(page, name).click();
  await search.fill('');
  await page.getByTestId('org-card-title').filter({ hasText: name }).waitFor();
}

export async function setAsOf(page: Page, date: string): Promise<void> {
  const picker = page.locator('#org-as-of');
  await picker.click();
  await picker.fill(date);
  await picker.press('Enter');
}

export async function cardTotal(page: Page, row: 'own' | 'subtree'): Promise<number> {
  return count(await page.getByTestId(`count-${row}-total`).textContent());
}
