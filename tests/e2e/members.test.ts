import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addDays, addMonths, formatDateVi, todayIso } from '../../shared/domain/dates';
import { launchChromium } from '../setup/chromium';
import { newLaptop, screenshotPath } from './harness';
import { nodeTotal } from './orgPage';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Opens the organization picker labelled `label` and picks the first branch it allows; returns its
 * name. The dropdown slides in, so a click can land while it moves: the pick is checked and retried.
 */
async function pickFirstBranch(page: Page, label: string): Promise<string> {
  const input = page.getByLabel(label, { exact: true });
  const select = page.locator('.ant-select').filter({ has: input });
  for (let attempt = 0; attempt < 3; attempt += 1) {
    await input.click();
    const option = page
      .locator(
        '.ant-select-dropdown:visible .ant-select-tree-treenode:not(.ant-select-tree-treenode-disabled) .ant-select-tree-node-content-wrapper',
      )
      .first();
    await option.waitFor();
    const name = (await option.getAttribute('title')) ?? '';
    await option.click();
    const picked = await select
      .filter({ hasText: name })
      .waitFor({ timeout: 2_000 })
      .then(() => true)
      .catch(() => false);
    if (picked) return name;
  }
  throw new Error(`Không chọn được tổ chức trong ô “${label}”.`);
}

/** Picks the organization named `name` in the picker labelled `label`, searching for it. */
async function pickBranchByName(page: Page, label: string, name: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  const select = page.locator('.ant-select').filter({ has: input });
  for (let attempt = 0; attempt < 3; attempt += 1) {
    await input.click();
    await input.fill(name);
    await page
      .locator(`.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper[title="${name}"]`)
      .click();
    const picked = await select
      .filter({ hasText: name })
      .waitFor({ timeout: 2_000 })
      .then(() => true)
      .catch(() => false);
    if (picked) return;
  }
  throw new Error(`Không chọn được tổ chức ${name}.`);
}

/** The totals of these organizations on the organizations page, then back to where we were. */
async function totals(page: Page, names: string[]): Promise<number[]> {
  const back = page.url();
  await page.getByRole('menuitem', { name: 'Tổ chức đảng' }).click();
  await page.getByRole('heading', { level: 2, name: 'Tổ chức đảng' }).waitFor();
  await page.locator('.org-tree-card .org-node-count').first().waitFor();
  const result: number[] = [];
  for (const name of names) result.push(await nodeTotal(page, name));
  await page.goto(back);
  await page.getByTestId('member-header').waitFor();
  return result;
}

/** A portrait-shaped PNG drawn in the page (a stand-in for a scanned 3×4 photo). */
async function drawnPortrait(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 900;
    canvas.height = 1200;
    const g = canvas.getContext('2d')!;
    const sky = g.createLinearGradient(0, 0, 0, 1200);
    sky.addColorStop(0, '#dbe8f5');
    sky.addColorStop(1, '#9fbad6');
    g.fillStyle = sky;
    g.fillRect(0, 0, 900, 1200);
    g.fillStyle = '#f1cfb4';
    g.beginPath();
    g.ellipse(450, 480, 170, 215, 0, 0, Math.PI * 2);
    g.fill();
    g.fillStyle = '#2b2b2b';
    g.beginPath();
    g.ellipse(450, 340, 190, 120, 0, Math.PI, Math.PI * 2);
    g.fill();
    g.fillStyle = '#f7f7f7';
    g.beginPath();
    g.moveTo(80, 1200);
    g.quadraticCurveTo(120, 760, 450, 740);
    g.quadraticCurveTo(780, 760, 820, 1200);
    g.fill();
    return canvas.toDataURL('image/png');
  });
  return Buffer.from(dataUrl.split(',')[1]!, 'base64');
}

describe('members', () => {
  it('adds a member (refusing a wrong date), makes them official and moves them to another branch, changing both counts', async () => {
    const { page, context, problems } = await newLaptop(browser, baseUrl);
    await page.getByRole('button', { name: 'Dùng dữ liệu mẫu' }).click();
    await page.getByTestId('stat-members').filter({ hasText: '3.882' }).waitFor({ timeout: 90_000 });

    // A new member whose ceremony was 12 months and 10 days ago: probation has just ended.
    const joinedOn = addDays(addMonths(todayIso(), -12), -10);
    await page.goto(`${baseUrl}#/dang-vien/moi`);
    await page.getByRole('heading', { level: 2, name: 'Thêm đảng viên' }).waitFor();
    await page.getByLabel('Họ và tên', { exact: true }).fill('Nguyễn Thị Mai');
    await page.getByLabel('Nữ').check();
    await page.getByLabel('Ngày sinh', { exact: true }).fill('31/02/1990');
    const firstBranch = await pickFirstBranch(page, 'Tổ chức đảng');
    await page.getByLabel('Ngày vào Đảng', { exact: true }).fill(formatDateVi(joinedOn));
    await page.getByLabel('Số quyết định kết nạp').fill('312-QĐ/ĐU');
    await page
      .getByRole('button', { name: /Lưu hồ sơ/ })
      .first()
      .click();

    await page
      .locator('.ant-form-item-explain-error', {
        hasText: 'Ngày sinh 31/02/1990 không hợp lệ: tháng 02/1990 chỉ có 28 ngày.',
      })
      .waitFor();
    const summary = page.getByRole('alert').filter({ hasText: 'Chưa lưu được' });
    await summary.waitFor();
    expect(await summary.textContent()).toBe(
      'Chưa lưu được: còn 1 lỗi cần sửa.Ngày sinh 31/02/1990 không hợp lệ: tháng 02/1990 chỉ có 28 ngày.',
    );
    await page.evaluate(() => document.querySelector('.ant-layout-content')?.scrollTo(0, 0));
    await page.screenshot({ path: screenshotPath('member-form-errors') });

    await page.getByLabel('Ngày sinh', { exact: true }).fill('28/02/1990');
    await page
      .getByRole('button', { name: /Lưu hồ sơ/ })
      .first()
      .click();
    await page.getByTestId('member-name').filter({ hasText: 'NGUYỄN THỊ MAI' }).waitFor();
    expect(await page.getByTestId('member-status').textContent()).toBe('Dự bị');
    expect(await page.getByTestId('member-organization').textContent()).toBe(firstBranch);

    // Probation has ended: "Chuyển đảng chính thức" proposes the day it ended.
    await page.getByRole('button', { name: 'Chuyển đảng chính thức' }).click();
    const official = page.getByRole('dialog');
    expect(await official.getByLabel('Ngày chính thức').inputValue()).toBe(
      formatDateVi(addMonths(joinedOn, 12)),
    );
    await official.getByLabel('Số quyết định').fill('45-QĐ/ĐU');
    await official.getByRole('button', { name: 'Ghi nhận' }).click();
    await page.getByTestId('member-status').filter({ hasText: 'Chính thức' }).waitFor();

    // A move to another branch of the ward changes the member's organization, and both counts.
    const otherBranch =
      firstBranch === 'Chi bộ Tổ dân phố số 3 Cổ Bi'
        ? 'Chi bộ Tổ dân phố số 2 Cổ Bi'
        : 'Chi bộ Tổ dân phố số 3 Cổ Bi';
    const before = await totals(page, [firstBranch, otherBranch]);
    await page.getByRole('button', { name: 'Chuyển sinh hoạt' }).click();
    const transfer = page.getByRole('dialog');
    await pickBranchByName(page, 'Tổ chức đảng chuyển đến', otherBranch);
    await transfer.getByLabel('Số giấy giới thiệu sinh hoạt đảng').fill('27/GGT');
    await transfer.getByLabel('Đã đóng đảng phí đến hết tháng').fill(formatDateVi(todayIso()).slice(3));
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 10_000 });
    await page.screenshot({ path: screenshotPath('member-transfer-dialog') });
    await transfer.getByRole('button', { name: 'Ghi nhận' }).click();
    await page.getByTestId('member-organization').filter({ hasText: otherBranch }).waitFor();
    await transfer.waitFor({ state: 'detached' });
    await expect
      .poll(() => totals(page, [firstBranch, otherBranch]), { timeout: 30_000 })
      .toEqual([before[0]! - 1, before[1]! + 1]);

    // A 900×1200 photo is stored scaled down to 450×600.
    await page
      .getByTestId('photo-input')
      .setInputFiles({ name: 'anh-3x4.png', mimeType: 'image/png', buffer: await drawnPortrait(page) });
    const photo = page.getByRole('img', { name: 'Ảnh của đồng chí Nguyễn Thị Mai' });
    await photo.waitFor();
    expect(
      await photo.evaluate((img: HTMLImageElement) => [
        img.naturalWidth,
        img.naturalHeight,
        img.src.slice(0, 23),
      ]),
    ).toEqual([450, 600, 'data:image/jpeg;base64,']);
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 10_000 });
    await page.screenshot({ path: screenshotPath('member-file') });

    await page.getByRole('tab', { name: 'Lịch sử' }).click();
    const timeline = page.getByTestId('timeline-event');
    await timeline.nth(2).waitFor();
    expect(await timeline.allTextContents()).toEqual([
      expect.stringContaining('Kết nạp'),
      expect.stringContaining('Chuyển đảng chính thức'),
      expect.stringContaining(`Chuyển sinh hoạt trong Đảng bộ`),
    ]);
    await page.getByTestId('journal').getByText('Tạo hồ sơ').waitFor();
    await page.screenshot({ path: screenshotPath('member-file-history'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('opens the file of a demo member, with every tab filled', async () => {
    const { page, context, problems } = await newLaptop(browser, baseUrl);
    await page.getByRole('button', { name: 'Dùng dữ liệu mẫu' }).click();
    await page.getByTestId('stat-members').filter({ hasText: '3.882' }).waitFor({ timeout: 90_000 });
    // An exempted elder: the longest history of the demo ward.
    const id = await page.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const open = indexedDB.open('qldv');
          open.onerror = () => reject(new Error('open'));
          open.onsuccess = () => {
            const request = open.result
              .transaction('members')
              .objectStore('members')
              .index('[deleted+status]')
              .get([0, 'exempted']);
            request.onsuccess = () => resolve((request.result as { id: string }).id);
            request.onerror = () => reject(new Error('get'));
          };
        }),
    );
    await page.goto(`${baseUrl}#/dang-vien/${id}`);
    await page.getByTestId('member-status').filter({ hasText: 'Miễn công tác và sinh hoạt đảng' }).waitFor();
    await page.getByRole('button', { name: 'Trở lại sinh hoạt' }).waitFor();
    await page.getByRole('tab', { name: 'Đảng' }).click();
    await page.getByRole('tabpanel').getByText('Số lý lịch').waitFor();
    await page.locator('.ant-tabs-tab-active', { hasText: 'Đảng' }).waitFor();
    await page.waitForTimeout(400); // the tab's ink bar slides across
    await page.screenshot({ path: screenshotPath('member-file-demo'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });
});
