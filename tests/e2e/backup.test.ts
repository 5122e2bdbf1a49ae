/**
 * Backups in real Chromium: on the demo ward with the office set up, "Sao lưu ngay", edit a member,
 * "Khôi phục" the backup (what it holds, the typed word, an automatic backup of the edited state),
 * and after the app reloads the member has its old value again, under a new node id.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../setup/chromium';
import { newLaptop, screenshotPath } from './harness';

let browser: Browser;
const baseUrl = inject('baseUrl');
const PASSPHRASE = 'Chi bộ họp ngày mùng 5 hằng tháng';

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** One value from the app's IndexedDB (`qldv`), read directly. */
function readRecord(page: Page, store: string, key: string): Promise<Record<string, unknown> | undefined> {
  return page.evaluate(
    ({ store, key }) =>
      new Promise<Record<string, unknown> | undefined>((resolve, reject) => {
        const open = indexedDB.open('qldv');
        open.onerror = () => reject(new Error('open'));
        open.onsuccess = () => {
          const request = open.result.transaction(store).objectStore(store).get(key);
          request.onsuccess = () => {
            resolve(request.result as Record<string, unknown> | undefined);
            open.result.close();
          };
          request.onerror = () => reject(new Error('get'));
        };
      }),
    { store, key },
  );
}

function firstMemberId(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('qldv');
        open.onerror = () => reject(new Error('open'));
        open.onsuccess = () => {
          const request = open.result.transaction('members').objectStore('members').openCursor();
          request.onsuccess = () => {
            resolve((request.result!.value as { id: string }).id);
            open.result.close();
          };
          request.onerror = () => reject(new Error('cursor'));
        };
      }),
  );
}

async function openBackups(page: Page) {
  await page.goto(`${baseUrl}#/sao-luu`);
  await page.getByRole('heading', { level: 2, name: 'Sao lưu' }).waitFor();
}

describe('backup and restore', () => {
  it('backs up, edits a member, restores, and shows the old value', async () => {
    const a = await newLaptop(browser, baseUrl);
    await a.page.getByRole('textbox', { name: 'Tên máy này' }).fill('Máy Văn phòng 1');
    await a.page.getByRole('button', { name: 'Dùng dữ liệu mẫu' }).click();
    await a.page.getByTestId('stat-members').filter({ hasText: '3.882' }).waitFor({ timeout: 120_000 });

    await a.page.goto(`${baseUrl}#/dong-bo`);
    await a.page.locator('#officeSetUp_passphrase').fill(PASSPHRASE);
    await a.page.getByLabel('Nhập lại mật khẩu').fill(PASSPHRASE);
    await a.page.getByRole('button', { name: 'Thiết lập văn phòng' }).click();
    await a.page.getByTestId('sync-digest').waitFor({ timeout: 60_000 });

    await openBackups(a.page);
    const started = Date.now();
    await a.page.getByRole('button', { name: /Sao lưu ngay/ }).click();
    await a.page.getByText(/^Đã sao lưu: QLDV-sao-luu-/).waitFor({ timeout: 120_000 });
    const backupMs = Date.now() - started;
    await a.page.getByText('Sao lưu do người dùng tạo').waitFor();
    await a.page.getByText(/^[\d.]+ đảng viên, [\d.]+ tổ chức, [\d.]+ sự kiện$/).waitFor();
    await a.page.screenshot({ path: screenshotPath('backup-list'), fullPage: true });

    const id = await firstMemberId(a.page);
    const before = await readRecord(a.page, 'members', id);
    const nodeBefore = (await readRecord(a.page, 'meta', 'nodeId'))!.value;
    await a.page.goto(`${baseUrl}#/dang-vien/${id}/sua`);
    await a.page.getByLabel('Điện thoại', { exact: true }).fill('0999888777');
    await a.page.getByRole('button', { name: /Lưu hồ sơ/ }).first().click();
    await a.page.getByTestId('member-name').waitFor();
    expect((await readRecord(a.page, 'members', id))!.phone).toBe('0999888777');

    await openBackups(a.page);
    await a.page.getByRole('button', { name: 'Khôi phục', exact: true }).first().click();
    await a.page.getByText(/^Bản sao lưu này chứa/).waitFor({ timeout: 120_000 });
    await a.page.locator('.ant-descriptions').getByText('Máy Văn phòng 1', { exact: true }).waitFor();
    await a.page.screenshot({ path: screenshotPath('backup-restore-confirm'), fullPage: true });
    await a.page.getByLabel('Ô xác nhận khôi phục').fill('KHÔI PHỤC');
    const reloaded = a.page.waitForEvent('load', { timeout: 120_000 });
    await a.page.getByRole('button', { name: 'Khôi phục', exact: true }).click();
    await reloaded;
    await a.page.getByRole('heading', { level: 2, name: 'Sao lưu' }).waitFor({ timeout: 60_000 });

    const after = await readRecord(a.page, 'members', id);
    expect(after!.phone).toBe(before!.phone);
    expect(after!.fullName).toBe(before!.fullName);
    expect((await readRecord(a.page, 'meta', 'nodeId'))!.value).not.toBe(nodeBefore);
    // The member's file shows the old value too.
    await a.page.goto(`${baseUrl}#/dang-vien/${id}`);
    await a.page.getByTestId('member-name').waitFor();
    await expect(a.page.getByText('0999888777').count()).resolves.toBe(0);

    // The edited state was backed up automatically before the restore.
    await openBackups(a.page);
    await a.page.getByText('Trước khi khôi phục').waitFor();
    await a.page.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
    await a.page.screenshot({ path: screenshotPath('backup-after-restore'), fullPage: true });
    expect(a.problems).toEqual([]);
    console.log(`backup of the demo ward (3,882 members) in Chromium: ${backupMs} ms (click to message)`);
  }, 600_000);
});
