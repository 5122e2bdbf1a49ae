import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../setup/chromium';
import { newLaptop, screenshotPath, type Laptop } from './harness';

let browser: Browser;
let laptop: Laptop;
const baseUrl = inject('baseUrl');

async function countText(page: Page): Promise<string> {
  return (await page.getByTestId('register-count').textContent()) ?? '';
}

/** Names in the rendered rows (the virtual table renders only what is on screen). */
async function visibleNames(page: Page): Promise<string[]> {
  return page.locator('[data-testid="register-table"] .vgrid-row strong').allTextContents();
}

async function search(page: Page, query: string): Promise<void> {
  const box = page.getByTestId('register-search');
  await box.fill('');
  await box.pressSequentially(query);
  await page.locator(`[data-testid="register-count"][data-query="${query}"]`).waitFor();
  // The virtual list lays out its rows on the next frames.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

beforeAll(async () => {
  browser = await launchChromium();
  laptop = await newLaptop(browser, baseUrl);
  await laptop.page.getByRole('button', { name: 'Dùng dữ liệu mẫu' }).click();
  await laptop.page.getByTestId('stat-members').filter({ hasText: '3.882' }).waitFor({ timeout: 90_000 });
});
afterAll(async () => {
  await laptop?.context.close();
  await browser?.close();
});

describe('the member register', () => {
  it('opens with every active member, in Vietnamese order by given name', async () => {
    const { page } = laptop;
    await page.getByRole('menuitem', { name: 'Đảng viên' }).click();
    await page.locator('[data-testid="register-count"][data-ready="true"]').waitFor();
    expect(await countText(page)).toBe('3.882 / 3.882 đảng viên');
    const names = await visibleNames(page);
    expect(names.length).toBeGreaterThan(5);
    const given = names.map((n) => n.split(' ').at(-1)!);
    expect(given[0]!.startsWith('A')).toBe(true);
    await page.screenshot({ path: screenshotPath('register'), fullPage: false });
  });

  it('searches as you type, with or without diacritics', async () => {
    const { page } = laptop;
    await search(page, 'nguyen van');
    const folded = await visibleNames(page);
    expect(folded.length).toBeGreaterThan(0);
    for (const name of folded) expect(name).toMatch(/^Nguyễn Văn /);
    const foldedCount = await countText(page);

    // With diacritics the search is exact: "Nguyễn Văn" no longer finds "Nguyễn Vân".
    await search(page, 'Nguyễn Văn');
    const exactCount = Number((await countText(page)).split(' ')[0]);
    expect(exactCount).toBeGreaterThan(0);
    expect(exactCount).toBeLessThanOrEqual(Number(foldedCount.split(' ')[0]));
    for (const name of await visibleNames(page)) expect(name).toMatch(/^Nguyễn Văn /);

    await search(page, 'dang');
    const dang = await visibleNames(page);
    expect(dang.some((n) => /Đặng|Đăng|Đang/.test(n))).toBe(true);

    await search(page, 'Đặng');
    for (const name of await visibleNames(page)) expect(name).toContain('Đặng');

    await search(page, 'zzzz');
    expect(await countText(page)).toBe('0 / 3.882 đảng viên');
    await page.getByText('Không có đảng viên nào khớp với điều kiện tìm kiếm.').waitFor();
    expect(laptop.problems).toEqual([]);
  });

  it('finds a member by party card number', async () => {
    const { page } = laptop;
    await search(page, '');
    const firstRow = page.locator('[data-testid="register-table"] .vgrid-row').first();
    const card = (await firstRow.getByRole('cell').nth(6).textContent())!.trim();
    expect(card).toMatch(/^\d{8}$/);
    await search(page, card);
    expect(await countText(page)).toBe('1 / 3.882 đảng viên');
  });

  it('filters by sex and shows the count of matches', async () => {
    const { page } = laptop;
    await search(page, '');
    await page.getByRole('button', { name: 'Bộ lọc' }).click();
    await page.getByLabel('Giới tính').click();
    await page.getByTitle('Nữ').click();
    await expect.poll(() => countText(page)).not.toBe('3.882 / 3.882 đảng viên');
    const women = Number((await countText(page)).split(' ')[0]!.replace(/\./g, ''));
    expect(women).toBeGreaterThan(500);
    expect(women).toBeLessThan(3882);
    await page.getByRole('button', { name: 'Xóa bộ lọc' }).click();
    await expect.poll(() => countText(page)).toBe('3.882 / 3.882 đảng viên');
  });
});
