/**
 * Excel in and out in real Chromium: a messy member list imported through the wizard (the browser
 * adapter's file input), and a filtered list exported and read back from the download.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import readXlsxFile from 'read-excel-file/node';
import writeXlsxFile, { type SheetData } from 'write-excel-file/node';
import { foldForSearch } from '@shared/text/vi';
import { launchChromium } from '../setup/chromium';
import { newLaptop, screenshotPath, ARTIFACTS, type Laptop } from './harness';
import { messyWorkbook } from '../../renderer/src/features/excel/messyWorkbook';

let browser: Browser;
let laptop: Laptop;
const baseUrl = inject('baseUrl');

/** Names of two residential branches of the demo ward, read from the page's IndexedDB. */
function branchNames(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('qldv');
        open.onerror = () => reject(new Error('cannot open qldv'));
        open.onsuccess = () => {
          const request = open.result.transaction('organizations').objectStore('organizations').getAll();
          request.onsuccess = () => {
            const names = (request.result as { name: string; type: string; status: string; deleted: number }[])
              .filter((o) => o.type === 'branch' && o.status === 'active' && o.deleted === 0 && o.name.startsWith('Chi bộ Tổ dân phố'))
              .map((o) => o.name)
              .sort();
            open.result.close();
            resolve(names.slice(0, 2));
          };
        };
      }),
  );
}

async function registerCount(page: Page): Promise<string> {
  await page.getByRole('menuitem', { name: 'Đảng viên' }).click();
  await page.locator('[data-testid="register-count"][data-ready="true"]').waitFor();
  return (await page.getByTestId('register-count').textContent()) ?? '';
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

describe('Excel', () => {
  it('imports a messy workbook: the good rows land in the register, the bad ones are reported', async () => {
    const { page } = laptop;
    const [first, second] = await branchNames(page);
    const bytes = await messyWorkbook({ branches: [first!, second!] });
    expect(await registerCount(page)).toBe('3.882 / 3.882 đảng viên');

    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page.getByRole('button', { name: 'Nhập từ Excel' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: /Chọn tệp Excel/ }).click();
    await (await chooser).setFiles({
      name: 'Danh sách đảng viên.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(bytes),
    });
    await expect.poll(() => page.getByTestId('import-file').textContent()).toContain('dòng tiêu đề là dòng 5');
    await page.getByLabel('Chi bộ nhận đảng viên').click();
    await page.keyboard.type(first!);
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: first! }).first().click();
    await page.screenshot({ path: screenshotPath('excel-import-mapping'), fullPage: true });
    await page.getByRole('button', { name: /Kiểm tra và xem trước/ }).click();

    const summary = page.getByTestId('import-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('8 dòng đảng viên: 4 dòng sẽ được nhập, 3 dòng có lỗi, 1 dòng trùng.');
    const table = page.getByTestId('preview-table');
    expect(await table.textContent()).toContain('Ngày sinh 31/02/1980 không hợp lệ');
    expect(await table.textContent()).toContain('chưa đủ 18 tuổi');
    expect(await table.textContent()).toContain('Không tìm thấy chi bộ “Chi bộ số 99”');
    // The file was read, and its rows checked, in the import worker, off the window's thread.
    expect(workers.filter((url) => url.includes('import.worker'))).toHaveLength(2);
    await page.screenshot({ path: screenshotPath('excel-import-preview'), fullPage: true });

    const errorFile = page.waitForEvent('download');
    await page.getByRole('button', { name: /Tải tệp các dòng lỗi/ }).click();
    const errorPath = `${ARTIFACTS}excel-errors.xlsx`;
    await (await errorFile).saveAs(errorPath);
    const [errors] = await readXlsxFile(await readFile(errorPath));
    expect(errors!.data.slice(1).map((row) => row[1])).toEqual(['Phạm Thị Hoa', 'Hoàng Văn Minh', 'Vũ Thị Mai']);
    expect(errors!.data[0]!.at(-1)).toBe('Lỗi cần sửa');

    await page.getByRole('button', { name: /Nhập 4 đảng viên/ }).click();
    await expect.poll(() => page.getByTestId('import-done').textContent(), { timeout: 30_000 }).toBe('Đã nhập 4 đảng viên');
    await page.screenshot({ path: screenshotPath('excel-import-done') });
    await page.getByRole('button', { name: 'Xem sổ đảng viên' }).click();
    await expect.poll(() => page.getByTestId('register-count').textContent()).toBe('3.886 / 3.886 đảng viên');
    await page.getByTestId('register-search').fill('Trần Thị Lan');
    await expect
      .poll(() => page.locator('[data-testid="register-table"] .vgrid-row strong').allTextContents())
      .toContain('Trần Thị Lan');
    expect(laptop.problems).toEqual([]);
  });

  it('exports the filtered list with the chosen columns, and the 7-HSĐV register', async () => {
    const { page } = laptop;
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page.getByTestId('register-search').fill('nguyen van');
    await page.locator('[data-testid="register-count"][data-query="nguyen van"]').waitFor();
    const count = /^([\d.]+) \//.exec((await page.getByTestId('register-count').textContent()) ?? '')![1]!;
    const shown = Number(count.replace(/\./g, ''));
    expect(shown).toBeGreaterThan(10);

    await page.getByTestId('register-export').click();
    const listDownload = page.waitForEvent('download');
    await page.getByText('Danh sách đang hiển thị (các cột đã chọn)').click();
    const list = await listDownload;
    expect(list.suggestedFilename()).toMatch(/^danh-sach-dang-vien-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const listPath = `${ARTIFACTS}excel-list.xlsx`;
    await list.saveAs(listPath);
    const [sheet] = await readXlsxFile(await readFile(listPath));
    const header = sheet!.data.findIndex((row) => row[0] === 'STT');
    expect(sheet!.data[header]).toEqual(['STT', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Tổ chức đảng', 'Tình trạng', 'Ngày vào Đảng', 'Số thẻ']);
    const rows = sheet!.data.slice(header + 1);
    expect(rows).toHaveLength(shown);
    // The search matches every word with or without diacritics, as on screen.
    for (const row of rows) expect(foldForSearch(String(row[1]))).toMatch(/nguyen.*van/);
    expect(rows.some((row) => row[3] instanceof Date)).toBe(true);
    expect(rows.every((row) => row[6] instanceof Date || typeof row[6] === 'string')).toBe(true);

    await page.getByTestId('register-export').click();
    const bookDownload = page.waitForEvent('download');
    await page.getByText('Sổ danh sách đảng viên (mẫu 7-HSĐV)').click();
    const bookPath = `${ARTIFACTS}excel-7-hsdv.xlsx`;
    await (await bookDownload).saveAs(bookPath);
    const [book] = await readXlsxFile(await readFile(bookPath));
    const numbers = book!.data.findIndex((row) => row[0] === '1' && row[1] === '2');
    expect(book!.data[numbers]).toHaveLength(15);
    expect(book!.data.slice(numbers + 1)).toHaveLength(shown);
    // Both files were written in the Excel worker, off the window's thread.
    expect(workers.filter((url) => url.includes('xlsx.worker'))).toHaveLength(2);
    expect(laptop.problems).toEqual([]);
  });

  it('updates a member from an edited export: the change is previewed old → new, then stored', async () => {
    const { page } = laptop;
    // The list exported above, with one member's name corrected in the sheet as an office would.
    const [sheet] = await readXlsxFile(await readFile(`${ARTIFACTS}excel-list.xlsx`));
    const header = sheet!.data.findIndex((row) => row[0] === 'STT');
    const target = sheet!.data.findIndex((row, i) => i > header && typeof row[7] === 'string' && row[7] !== '');
    const oldName = String(sheet!.data[target]![1]);
    const newName = 'Nguyễn Văn Thử Nghiệm';
    const edited = sheet!.data.map((row, i) =>
      row.map((cell, j) => {
        if (i === target && j === 1) return newName;
        return cell instanceof Date ? { value: cell, type: Date, format: 'dd/mm/yyyy' } : (cell ?? null);
      }),
    );
    const bytes = await writeXlsxFile(edited as unknown as SheetData).toBuffer();

    await page.getByRole('menuitem', { name: 'Đảng viên' }).click();
    await page.getByRole('button', { name: 'Nhập từ Excel' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: /Chọn tệp Excel/ }).click();
    await (await chooser).setFiles({
      name: 'Danh sách đã sửa.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: bytes,
    });
    await page.getByTestId('import-file').waitFor();
    // The file names each member's branch in its “Tổ chức đảng” column: no branch to choose.
    await page.getByRole('button', { name: /Kiểm tra và xem trước/ }).click();
    const summary = page.getByTestId('import-summary');
    await summary.waitFor({ timeout: 30_000 });
    expect(await summary.textContent()).toMatch(/0 dòng sẽ được nhập, 0 dòng có lỗi/);

    // Only the edited row has something to update; its change list shows the name old → new.
    await page.getByText('Có thay đổi', { exact: true }).click();
    const rows = page.locator('[data-testid="preview-table"] tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(1);
    await rows.first().locator('.ant-table-row-expand-icon').click();
    const changes = page.getByTestId(`changes-${target + 1}`);
    await changes.waitFor();
    expect(await changes.textContent()).toContain(oldName);
    expect(await changes.textContent()).toContain(newName);
    await page.getByRole('button', { name: 'Cập nhật tất cả' }).click();
    await page.screenshot({ path: screenshotPath('excel-import-update'), fullPage: true });
    await page.getByRole('button', { name: 'Cập nhật 1 hồ sơ' }).click();
    await expect
      .poll(() => page.getByTestId('import-done').textContent(), { timeout: 30_000 })
      .toBe('Đã cập nhật 1 hồ sơ đảng viên');

    await page.getByRole('button', { name: 'Xem sổ đảng viên' }).click();
    await expect.poll(() => page.getByTestId('register-count').textContent()).toMatch(/\/ 3\.886 đảng viên$/);
    await page.getByTestId('register-search').fill('thu nghiem');
    await expect
      .poll(() => page.locator('[data-testid="register-table"] .vgrid-row strong').allTextContents())
      .toContain(newName);
    expect(laptop.problems).toEqual([]);
  });

  it('exports the organization list with its counts', async () => {
    const { page } = laptop;
    await page.getByRole('menuitem', { name: 'Tổ chức đảng' }).click();
    const button = page.getByTestId('organizations-export');
    await expect.poll(() => button.isEnabled(), { timeout: 30_000 }).toBe(true);
    const download = page.waitForEvent('download');
    await button.click();
    const path = `${ARTIFACTS}excel-organizations.xlsx`;
    await (await download).saveAs(path);
    const [sheet] = await readXlsxFile(await readFile(path));
    const header = sheet!.data.findIndex((row) => row[0] === 'STT');
    const rows = sheet!.data.slice(header + 1);
    // The ward committee and its 98 organizations, the ward first with every member.
    expect(rows).toHaveLength(99);
    expect(String(rows[0]![1])).toBe('Đảng bộ phường Phúc Lợi');
    expect(rows[0]![4]).toBe(3886);
  });
});
