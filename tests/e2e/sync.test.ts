/**
 * Two laptops (two browser contexts) sync through `.qldv` files, as staff do with a USB stick:
 * A sets up the office on the demo ward, B joins from A's file, both edit the same member (different
 * fields, and the same field), files go both ways (download → file chooser), and both end with the
 * same member and the same data digest; B lists the one conflict.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../setup/chromium';
import { ARTIFACTS, newLaptop, screenshotPath } from './harness';

let browser: Browser;
const baseUrl = inject('baseUrl');
const PASSPHRASE = 'Chi bộ họp ngày mùng 5 hằng tháng';

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function openSync(page: Page) {
  await page.goto(`${baseUrl}#/dong-bo`);
  await page.getByRole('heading', { level: 2, name: 'Đồng bộ' }).waitFor();
}

/** Exports a full file and keeps it where the next laptop's file chooser picks it up. */
async function exportFile(page: Page, name: string): Promise<string> {
  await page.getByRole('tab', { name: 'Xuất tệp đồng bộ' }).click();
  const download = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByRole('button', { name: /Xuất tệp đồng bộ/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^QLDV-May-Van-phong-\d-\d{4}-\d{2}-\d{2}\.qldv$/);
  const path = `${ARTIFACTS}${name}.qldv`;
  await file.saveAs(path);
  await page.getByText(/^Đã xuất tệp QLDV-/).waitFor({ timeout: 120_000 });
  // The browser cannot say where the download landed, and the message does not pretend to.
  await page.getByText(/^Đã tải tệp xuống\./).waitFor();
  await page.screenshot({ path: screenshotPath(`sync-export-${name}`), fullPage: true });
  return path;
}

async function chooseFile(page: Page, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /Chọn tệp đồng bộ/ }).click();
  await (await chooser).setFiles(path);
}

async function importFile(page: Page, path: string, screenshot?: string) {
  await page.getByRole('tab', { name: 'Nhập tệp đồng bộ' }).click();
  await chooseFile(page, path);
  await page.getByTestId('sync-preview').waitFor({ timeout: 120_000 });
  if (screenshot) await page.screenshot({ path: screenshotPath(screenshot), fullPage: true });
  await page.getByRole('button', { name: 'Nhập', exact: true }).click();
  await page.getByText('Đã nhập tệp đồng bộ').waitFor({ timeout: 120_000 });
}

async function editMember(page: Page, id: string, fields: Record<string, string>) {
  await page.goto(`${baseUrl}#/dang-vien/${id}/sua`);
  for (const [label, value] of Object.entries(fields))
    await page.getByLabel(label, { exact: true }).fill(value);
  await page
    .getByRole('button', { name: /Lưu hồ sơ/ })
    .first()
    .click();
  await page.getByTestId('member-name').waitFor();
}

function readMember(page: Page, id: string) {
  return page.evaluate(
    (memberId) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const open = indexedDB.open('qldv');
        open.onerror = () => reject(new Error('open'));
        open.onsuccess = () => {
          const request = open.result.transaction('members').objectStore('members').get(memberId);
          request.onsuccess = () => {
            const { phone, workplace, notes } = request.result as Record<string, unknown>;
            resolve({ phone, workplace, notes });
            open.result.close();
          };
          request.onerror = () => reject(new Error('get'));
        };
      }),
    id,
  );
}

async function digestOf(page: Page): Promise<string> {
  await openSync(page);
  await page.getByRole('tab', { name: 'Tình trạng' }).click();
  return (await page.getByTestId('sync-digest').textContent({ timeout: 60_000 }))!;
}

describe('sync between two laptops', () => {
  it('sets up, joins, exchanges files both ways and lists the one conflict', async () => {
    const a = await newLaptop(browser, baseUrl);
    const workers: string[] = [];
    a.page.on('worker', (worker) => workers.push(worker.url()));
    await a.page.getByRole('textbox', { name: 'Tên máy này' }).fill('Máy Văn phòng 1');
    await a.page.getByRole('button', { name: 'Dùng dữ liệu mẫu' }).click();
    await a.page.getByTestId('stat-members').filter({ hasText: '3.882' }).waitFor({ timeout: 120_000 });

    await openSync(a.page);
    await a.page.locator('#officeSetUp_passphrase').fill(PASSPHRASE);
    await a.page.getByLabel('Nhập lại mật khẩu').fill(PASSPHRASE);
    await a.page.getByRole('button', { name: 'Thiết lập văn phòng' }).click();
    await a.page.getByTestId('sync-digest').waitFor({ timeout: 60_000 });
    await a.page.screenshot({ path: screenshotPath('sync-status-a'), fullPage: true });
    const first = await exportFile(a.page, 'sync-a1');
    // The file was sealed in a Web Worker, not on the window's thread.
    expect(workers.some((url) => url.includes('bundle.worker'))).toBe(true);

    const b = await newLaptop(browser, baseUrl);
    await b.page.getByRole('textbox', { name: 'Tên máy này' }).fill('Máy Văn phòng 2');
    await b.page.getByLabel('Tên Đảng bộ').fill('Đảng bộ phường Phúc Lợi');
    await b.page.getByRole('button', { name: 'Bắt đầu' }).click();
    await b.page.getByTestId('stat-members').waitFor();
    await openSync(b.page);
    await b.page.screenshot({ path: screenshotPath('sync-office-b'), fullPage: true });
    await chooseFile(b.page, first);
    await b.page.locator('#sync-join-passphrase').fill('Mật khẩu sai của ai đó');
    await b.page.getByRole('button', { name: 'Tham gia văn phòng' }).click();
    await b.page.getByText('Mật khẩu văn phòng không đúng.').waitFor({ timeout: 60_000 });
    await b.page.locator('#sync-join-passphrase').fill(PASSPHRASE);
    await b.page.getByRole('button', { name: 'Tham gia văn phòng' }).click();
    await b.page.getByText(/^Đã tham gia văn phòng Đảng bộ phường Phúc Lợi/).waitFor({ timeout: 120_000 });

    // The same member, edited on both laptops: different fields, and the same field.
    const id = await a.page.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const open = indexedDB.open('qldv');
          open.onerror = () => reject(new Error('open'));
          open.onsuccess = () => {
            const request = open.result
              .transaction('members')
              .objectStore('members')
              .index('[deleted+status]')
              .get([0, 'official']);
            request.onsuccess = () => {
              resolve((request.result as { id: string }).id);
              open.result.close();
            };
            request.onerror = () => reject(new Error('get'));
          };
        }),
    );
    await editMember(a.page, id, { 'Điện thoại': '0911000111', 'Ghi chú': 'Ghi chú từ máy 1' });
    await editMember(b.page, id, {
      'Nơi làm việc': 'Trường Tiểu học Phúc Lợi',
      'Ghi chú': 'Ghi chú từ máy 2',
    });

    // A → B: the preview shows the change and the conflict.
    await openSync(a.page);
    const fromA = await exportFile(a.page, 'sync-a2');
    await openSync(b.page);
    await importFile(b.page, fromA, 'sync-preview');
    // B → A.
    const fromB = await exportFile(b.page, 'sync-b1');
    await openSync(a.page);
    await importFile(a.page, fromB);

    const onA = await readMember(a.page, id);
    const onB = await readMember(b.page, id);
    expect(onA).toEqual(onB);
    expect(onA).toEqual({
      phone: '0911000111',
      workplace: 'Trường Tiểu học Phúc Lợi',
      notes: 'Ghi chú từ máy 2',
    });
    expect(await digestOf(a.page)).toBe(await digestOf(b.page));
    await b.page.getByText('Máy Văn phòng 1').first().waitFor();
    await b.page.screenshot({ path: screenshotPath('sync-status-b'), fullPage: true });

    await b.page.getByRole('tab', { name: /^Xung đột/ }).click();
    const conflict = b.page.getByTestId('sync-conflict');
    await conflict.waitFor();
    expect(await conflict.count()).toBe(1);
    expect(await conflict.textContent()).toContain('Ghi chú từ máy 1');
    await b.page.screenshot({ path: screenshotPath('sync-conflicts'), fullPage: true });

    expect(a.problems).toEqual([]);
    expect(b.problems).toEqual([]);
    await a.context.close();
    await b.context.close();
  });
});
