import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../setup/chromium';
import { newLaptop, screenshotPath, type Laptop } from './harness';
import { cardTotal, node, nodeTotal, select, setAsOf } from './orgPage';

let browser: Browser;
let laptop: Laptop;
const baseUrl = inject('baseUrl');

const WARD = 'Đảng bộ phường Phúc Lợi';
const SOURCE = 'Chi bộ Tổ dân phố số 2 Cổ Bi';
const TARGET = 'Chi bộ Tổ dân phố số 3 Cổ Bi';

beforeAll(async () => {
  browser = await launchChromium();
  laptop = await newLaptop(browser, baseUrl);
  await laptop.page.getByRole('button', { name: 'Dùng dữ liệu mẫu' }).click();
  await laptop.page.getByTestId('stat-members').filter({ hasText: '3.882' }).waitFor({ timeout: 90_000 });
  await laptop.page.getByRole('menuitem', { name: 'Tổ chức đảng' }).click();
  await laptop.page.getByRole('heading', { level: 2, name: 'Tổ chức đảng' }).waitFor();
});
afterAll(async () => {
  await laptop?.context.close();
  await browser?.close();
});

describe('the organizations register', () => {
  it('shows the tree with each organization’s total, the ward holding all 3,882 members', async () => {
    const { page } = laptop;
    await node(page, WARD).locator('.org-node-count', { hasText: '3.882' }).waitFor();
    await page.getByTestId('count-subtree-total').filter({ hasText: '3.882' }).waitFor();
    expect(await page.locator('.org-tree-card .org-node').count()).toBeGreaterThan(20);

    await select(page, 'Đảng bộ Trường THPT Thạch Bàn');
    await page.getByTestId('count-subtree-total').waitFor();
    expect(await cardTotal(page, 'subtree')).toBeGreaterThanOrEqual(30);
    await page.mouse.move(1400, 880);
    await page.screenshot({ path: screenshotPath('org-tree'), animations: 'disabled' });
    expect(laptop.problems).toEqual([]);
  });

  it('creates an organization under the ward and shows it in the tree', async () => {
    const { page } = laptop;
    await select(page, WARD);
    await page.getByRole('button', { name: 'Thêm tổ chức' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tên tổ chức').fill('Chi bộ Tổ dân phố số 30 Phúc Lợi');
    await dialog.getByLabel('Tên viết tắt').fill('TDP 30 Phúc Lợi');
    await dialog.getByLabel('Ngày thành lập').fill('15/08/2025');
    await dialog.getByLabel('Ngày thành lập').press('Enter');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã thêm Chi bộ Tổ dân phố số 30 Phúc Lợi.').waitFor();
    await page
      .getByTestId('org-card-title')
      .filter({ hasText: 'Chi bộ Tổ dân phố số 30 Phúc Lợi' })
      .waitFor();
    await node(page, 'Chi bộ Tổ dân phố số 30 Phúc Lợi').waitFor();
    expect(await page.getByTestId('org-details').textContent()).toContain('15/08/2025');
    expect(laptop.problems).toEqual([]);
  });

  it('merges two organizations: the target’s total becomes the sum; earlier dates still show them apart', async () => {
    const { page } = laptop;
    const source = await nodeTotal(page, SOURCE);
    const target = await nodeTotal(page, TARGET);
    expect(source).toBeGreaterThan(0);
    expect(target).toBeGreaterThan(0);

    await select(page, SOURCE);
    await page.getByRole('button', { name: 'Hợp nhất' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tổ chức nhận hợp nhất').click();
    await dialog.getByLabel('Tổ chức nhận hợp nhất').fill('to dan pho so 3 co bi');
    await page.locator(`.ant-select-dropdown [title="${TARGET}"]`).click();
    await dialog
      .getByTestId('merge-summary')
      .filter({ hasText: `${source} đảng viên` })
      .waitFor();
    await dialog.getByRole('button', { name: 'Hợp nhất', exact: true }).click();
    await page
      .getByText(`Đã hợp nhất ${SOURCE} vào ${TARGET}; ${source} đảng viên đã chuyển sang.`)
      .waitFor();

    await expect.poll(() => nodeTotal(page, TARGET)).toBe(source + target);
    await page.getByLabel('Tìm tổ chức — gõ có dấu hoặc không dấu').fill(SOURCE);
    expect(await node(page, SOURCE).count()).toBe(0);
    await page.getByLabel('Tìm tổ chức — gõ có dấu hoặc không dấu').fill('');
    await node(page, WARD).locator('.org-node-count', { hasText: '3.882' }).waitFor();

    // Yesterday the source still existed: its members count there, not in the target.
    const yesterday = new Date(Date.now() - 86_400_000);
    const dmy = (d: Date) =>
      `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
    await select(page, TARGET);
    await setAsOf(page, dmy(yesterday));
    await page.getByText(`tính đến ngày ${dmy(yesterday)}`).waitFor();
    await expect.poll(() => cardTotal(page, 'own')).toBe(target);

    // Further back, fewer members had joined the Party.
    await select(page, WARD);
    await setAsOf(page, '01/01/2000');
    await page.getByText('tính đến ngày 01/01/2000').waitFor();
    await expect.poll(() => cardTotal(page, 'subtree')).toBeLessThan(3882);
    const then = await cardTotal(page, 'subtree');
    expect(then).toBeGreaterThan(500);
    expect(await nodeTotal(page, WARD)).toBe(then);
    await page.locator('.ant-message-notice').waitFor({ state: 'detached', timeout: 10_000 });
    await page.mouse.move(1400, 880);
    await page.screenshot({ path: screenshotPath('org-as-of'), animations: 'disabled' });
    expect(laptop.problems).toEqual([]);
  });
});
