/** The clock guard in the real app: a wrong computer date blocks saving with a plain explanation. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../setup/chromium';
import { newLaptop, screenshotPath } from './harness';

let browser: Browser;
const baseUrl = inject('baseUrl');
const DAY = 24 * 3_600_000;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function addOrganization(page: Page, name: string) {
  await page.getByRole('menuitem', { name: /Tổ chức đảng/ }).click();
  await page.getByRole('button', { name: 'Thêm tổ chức' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Tên tổ chức').fill(name);
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  return dialog;
}

describe('clock guard', () => {
  it('a computer date before the release blocks saving; after setting the date the same save goes through', async () => {
    const { page, context, problems } = await newLaptop(browser, baseUrl);
    await page.getByLabel('Tên Đảng bộ').fill('Đảng bộ phường Giang Biên');
    await page.getByRole('button', { name: 'Bắt đầu' }).click();
    await page.getByTestId('stat-members').waitFor();
    const banner = page.getByTestId('clock-guard');
    expect(await banner.count()).toBe(0);

    // A flat clock battery: the computer shows 01/06/2024.
    await page.clock.setFixedTime(new Date(2024, 5, 1, 9, 30));
    await page.reload();
    await banner.waitFor();
    expect(await banner.textContent()).toContain('Ngày giờ máy tính không đúng');
    expect(await banner.textContent()).toContain('Máy tính đang hiển thị 01/06/2024 09:30, trước cả ngày phát hành');
    await page.screenshot({ path: screenshotPath('clock-guard-before-release') });
    await banner.getByRole('button', { name: /Kiểm tra lại/ }).click();
    await page.getByText('Máy tính vẫn đang hiển thị 01/06/2024 09:30. Ngày giờ chưa được chỉnh đúng.').waitFor();

    const dialog = await addOrganization(page, 'Chi bộ Tổ dân phố số 1');
    await dialog.getByText(/^Chưa lưu: ngày giờ máy tính không đúng/).waitFor();
    await page.screenshot({ path: screenshotPath('clock-guard-refused') });

    // The clerk sets the date in Windows and presses "Lưu" again: the dialog kept what was typed.
    await page.clock.setFixedTime(new Date(Date.now() + 60_000));
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã thêm Chi bộ Tổ dân phố số 1.').waitFor();
    await banner.waitFor({ state: 'detached' });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a computer date days behind the last save on this laptop names that save; "the time shown is right" unblocks after confirming', async () => {
    const { page, context, problems } = await newLaptop(browser, baseUrl);
    await page.getByLabel('Tên Đảng bộ').fill('Đảng bộ phường Giang Biên');
    await page.getByRole('button', { name: 'Bắt đầu' }).click();
    await page.getByTestId('stat-members').waitFor();
    // A save made while the clock ran five days fast, then the clock corrected.
    await page.clock.setFixedTime(new Date(Date.now() + 5 * DAY));
    await page.reload();
    await addOrganization(page, 'Chi bộ Tổ dân phố số 2');
    await page.getByText('Đã thêm Chi bộ Tổ dân phố số 2.').waitFor();
    await page.clock.setFixedTime(new Date());
    await page.reload();

    const banner = page.getByTestId('clock-guard');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('sớm hơn lần lưu thay đổi cuối cùng trên chính máy này');
    await page.screenshot({ path: screenshotPath('clock-guard-behind-last-save') });
    await banner.getByRole('button', { name: 'Ngày giờ đang hiển thị là đúng' }).click();
    await page.getByText('Ngày giờ máy tính đang hiển thị là đúng?').waitFor();
    await page.waitForTimeout(400); // the pop-up's opening animation, for the picture
    await page.screenshot({ path: screenshotPath('clock-guard-accept-confirm') });
    await page.getByRole('button', { name: 'Đúng, cho phép sửa dữ liệu' }).click();
    await banner.waitFor({ state: 'detached' });
    await addOrganization(page, 'Chi bộ Tổ dân phố số 3');
    await page.getByText('Đã thêm Chi bộ Tổ dân phố số 3.').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
