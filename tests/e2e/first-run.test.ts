import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../setup/chromium';
import { newLaptop, screenshotPath } from './harness';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('first run', () => {
  it('loads the demo ward and the dashboard shows 98 organizations and 3,882 members', async () => {
    const { page, context, problems } = await newLaptop(browser, baseUrl);
    await page.getByRole('textbox', { name: 'Tên máy này' }).fill('Máy Văn phòng 1');
    await page.getByRole('button', { name: 'Dùng dữ liệu mẫu' }).click();

    await page.getByTestId('stat-members').filter({ hasText: '3.882' }).waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('stat-organizations').textContent()).toBe('98');
    const statusSum = await Promise.all(
      ['official', 'probationary'].map(async (s) => Number((await page.getByTestId(`stat-${s}`).textContent())!.replace(/\./g, ''))),
    );
    expect(statusSum[0]! + statusSum[1]!).toBeLessThan(3882);
    await expect.poll(() => page.getByTestId('ward-name').textContent()).toBe('Đảng bộ phường Phúc Lợi');
    expect(await page.getByText('Máy Văn phòng 1').count()).toBeGreaterThan(0);
    expect(await page.getByText(/Tính đến ngày \d{2}\/\d{2}\/\d{4}/).count()).toBe(1);
    await page.screenshot({ path: screenshotPath('dashboard-demo'), fullPage: true });

    // The data lives on this laptop: a reload goes straight to the dashboard.
    await page.reload();
    await page.getByTestId('stat-members').filter({ hasText: '3.882' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('starts an empty register under the committee name, refusing an empty name', async () => {
    const { page, context, problems } = await newLaptop(browser, baseUrl);
    await page.getByRole('button', { name: 'Bắt đầu' }).click();
    await page.getByText('Hãy nhập tên Đảng bộ.').waitFor();
    await page.screenshot({ path: screenshotPath('first-run-error') });

    await page.getByLabel('Tên Đảng bộ').fill('  Đảng bộ   phường Giang Biên ');
    await page.getByRole('button', { name: 'Bắt đầu' }).click();
    await page.getByTestId('stat-members').filter({ hasText: '0' }).waitFor();
    await expect.poll(() => page.getByTestId('ward-name').textContent()).toBe('Đảng bộ phường Giang Biên');
    expect(await page.getByTestId('stat-organizations').textContent()).toBe('0');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('every section of the sidebar opens', async () => {
    const { page, context, problems } = await newLaptop(browser, baseUrl);
    await page.getByLabel('Tên Đảng bộ').fill('Đảng bộ phường Thử Nghiệm');
    await page.getByRole('button', { name: 'Bắt đầu' }).click();
    await page.getByTestId('stat-members').waitFor();
    for (const section of ['Tổ chức đảng', 'Đảng viên', 'Đồng bộ', 'Báo cáo', 'Cài đặt', 'Tổng quan']) {
      await page.getByRole('menuitem', { name: section }).click();
      await page.getByRole('heading', { level: 2, name: section }).waitFor();
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});
