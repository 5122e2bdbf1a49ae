import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../setup/chromium';
import { ARTIFACTS, newLaptop, screenshotPath, type Laptop } from './harness';
import { pdfContains, pdfText } from './pdfText';

let browser: Browser;
let laptop: Laptop;
const baseUrl = inject('baseUrl');

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

describe('statistics and reports on the demo ward', () => {
  it('shows the ward’s statistics and drills down from a figure to its members', async () => {
    const { page } = laptop;
    await page.getByRole('menuitem', { name: 'Thống kê' }).click();
    const total = page.getByTestId('stats-total');
    await total.filter({ hasText: '3.882' }).waitFor({ timeout: 60_000 });
    const sex = page.getByTestId('stats-sex');
    const women = sex.getByRole('button', { name: 'Xem danh sách: Nữ' });
    const womenCount = Number((await women.textContent())!.replace(/\./g, ''));
    expect(womenCount).toBeGreaterThan(500);
    await page.waitForTimeout(300);
    await page.screenshot({ path: screenshotPath('statistics'), fullPage: false });
    await sex.screenshot({ path: screenshotPath('statistics-sex') });

    await women.click();
    const list = page.getByTestId('figure-members');
    await list.waitFor();
    await page.getByText(`Nữ: ${womenCount.toLocaleString('vi-VN')}`).waitFor();
    const firstName = (await list.getByRole('link').first().textContent())!;
    expect(firstName.length).toBeGreaterThan(3);
    await page.screenshot({ path: screenshotPath('statistics-drilldown') });
    await list.getByRole('link').first().click();
    await page.waitForURL(/#\/dang-vien\/[0-9a-f-]+$/);
    await page.getByText(firstName, { exact: false }).first().waitFor();
    expect(laptop.problems).toEqual([]);
  });

  it('prints the ward’s member list to an A4 PDF that names its members', { timeout: 180_000 }, async () => {
    const { page } = laptop;
    await page.getByRole('menuitem', { name: 'Báo cáo' }).click();
    const table = page.getByTestId('member-list-table');
    await table.waitFor({ timeout: 60_000 });
    const cells = table.locator('tbody tr:not(.group-row) td:nth-child(2)');
    await expect.poll(() => cells.count(), { timeout: 30_000 }).toBe(3882);
    const names = [
      ...(await cells.evaluateAll((tds) => tds.slice(0, 3).map((td) => td.textContent ?? ''))),
      (await cells.last().textContent()) ?? '',
    ];
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: screenshotPath('report-print-preview'), fullPage: false });
    const start = performance.now();
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pdfMs = performance.now() - start;
    await page.emulateMedia({ media: 'screen' });
    writeFileSync(`${ARTIFACTS}report-member-list.pdf`, pdf);
    console.log(`report.pdf_ms@3882: ${pdfMs.toFixed(0)} ms, ${(pdf.length / 1024).toFixed(0)} KB`);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const texts = pdfText(pdf);
    for (const name of names) expect(pdfContains(texts, name), name).toBe(true);
    expect(pdfContains(texts, 'ĐẢNG CỘNG SẢN VIỆT NAM')).toBe(true);
    expect(pdfContains(texts, 'DANH SÁCH ĐẢNG VIÊN')).toBe(true);
    // The app's chrome is not printed.
    expect(pdfContains(texts, 'Quản lý Đảng viên')).toBe(false);
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
    expect(pages).toBeGreaterThan(50);
    // A long list breaks across pages with its table header repeated on each of them.
    const pageTexts = texts.split('\n').filter(Boolean);
    const withHeader = pageTexts.filter((text) => pdfContains(text, 'STT Họ và tên Ngày sinh'));
    expect(withHeader.length).toBe(pages);
  });

  it('previews the statistics report of the ward on an A4 sheet', async () => {
    const { page } = laptop;
    await page.getByLabel('Loại báo cáo').click();
    await page.getByTitle('Báo cáo thống kê đảng viên').click();
    const sheet = page.getByTestId('a4-sheet');
    await sheet.filter({ hasText: 'có tổng số 3.882 đảng viên' }).waitFor({ timeout: 60_000 });
    await page.evaluate(() => document.fonts.ready);
    await sheet.screenshot({ path: screenshotPath('report-statistics-sheet') });
    expect(await sheet.textContent()).toContain('BÁO CÁO THỐNG KÊ ĐẢNG VIÊN ĐẢNG BỘ PHƯỜNG PHÚC LỢI');
    expect(laptop.problems).toEqual([]);
  });
});
