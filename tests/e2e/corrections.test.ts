import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
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

/** An official demo member whose history is exactly an admission and the official decision. */
function findOfficialMember(page: Page): Promise<{ id: string; name: string; officialOn: string }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('qldv');
        open.onerror = () => reject(new Error('cannot open qldv'));
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['members', 'memberEvents'], 'readonly');
          const members = tx.objectStore('members').getAll();
          const events = tx.objectStore('memberEvents').getAll();
          tx.oncomplete = () => {
            const byMember = new Map<string, { type: string; date: string }[]>();
            for (const e of events.result as { memberId: string; type: string; date: string; deleted: number }[])
              if (e.deleted === 0) byMember.set(e.memberId, [...(byMember.get(e.memberId) ?? []), e]);
            for (const m of members.result as { id: string; fullName: string; status: string; deleted: number }[]) {
              const history = byMember.get(m.id) ?? [];
              const official = history.find((e) => e.type === 'madeOfficial');
              if (m.deleted === 0 && m.status === 'official' && history.length === 2 && official)
                return resolve({ id: m.id, name: m.fullName, officialOn: official.date });
            }
            reject(new Error('no official member with a two-event history'));
          };
        };
      }),
  );
}

const vi = (iso: string) => iso.split('-').reverse().join('/');

describe('correcting a member’s history', () => {
  it('deletes a wrong “made official” event, the status follows, and the recycle bin brings it back', async () => {
    const { page, problems, context } = await newLaptop(browser, baseUrl);
    await page.getByRole('button', { name: 'Dùng dữ liệu mẫu' }).click();
    await page.getByTestId('stat-members').filter({ hasText: '3.882' }).waitFor({ timeout: 120_000 });
    const member = await findOfficialMember(page);
    await page.evaluate((id) => (location.hash = `#/dang-vien/${id}`), member.id);
    await expect.poll(() => page.getByTestId('member-status').textContent()).toBe('Chính thức');
    await page.getByRole('tab', { name: 'Lịch sử' }).click();
    await page.getByRole('button', { name: `Xóa Chuyển đảng chính thức ${vi(member.officialOn)}` }).click();
    await page
      .locator('.ant-modal-confirm-title', { hasText: `Xóa sự kiện “Chuyển đảng chính thức” ngày ${vi(member.officialOn)}?` })
      .waitFor();
    await page.waitForTimeout(400); // the dialog's opening animation
    await page.screenshot({ path: screenshotPath('event-delete-confirm') });
    await page.getByRole('button', { name: 'Xóa sự kiện' }).click();
    await page.getByText('Đã đưa sự kiện vào Thùng rác.').waitFor();
    await expect.poll(() => page.getByTestId('member-status').textContent()).toBe('Dự bị');
    expect(await page.getByTestId('timeline-event').count()).toBe(1);

    await page.getByRole('menu').getByText('Thùng rác').click();
    const row = page.getByTestId('bin-events').getByRole('row', { name: new RegExp(member.name) });
    await row.waitFor();
    await page.screenshot({ path: screenshotPath('recycle-bin-events'), fullPage: true });
    await row.getByRole('button', { name: /Khôi phục/ }).click();
    await page.getByText(/^Đã khôi phục Chuyển đảng chính thức/).waitFor();
    await row.waitFor({ state: 'detached' });
    await page.evaluate((id) => (location.hash = `#/dang-vien/${id}`), member.id);
    await expect.poll(() => page.getByTestId('member-status').textContent()).toBe('Chính thức');
    expect(problems).toEqual([]);
    await context.close();
  });
});
