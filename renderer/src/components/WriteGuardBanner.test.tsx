import { afterEach, beforeEach, describe, expect, it, vi as mock } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { AppLayout } from '../app/AppLayout';
import { MemberEditPage } from '../features/members/MemberFormPage';
import { OrganizationsPage } from '../features/organizations/OrganizationsPage';
import { addMember, Landing, openWard, renderRoutes, type Ward } from '../features/members/testing';
import { commit, upsert } from '../db/writePath';
import { installClockGuard } from '../db/writeGuard';
import { CLOCK_RECHECK_MS } from './WriteGuardBanner';

const DAY = 24 * 3_600_000;
const routes = [
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { path: 'dang-vien/:id/sua', element: <MemberEditPage /> },
      { path: 'dang-vien/:id', element: <Landing what="hồ sơ" /> },
      { path: 'to-chuc/:id?', element: <OrganizationsPage /> },
    ],
  },
];

let w: Ward;
/** The computer's clock as the guard reads it: the tests set it wrong and right. */
let wall: number;
const rightNow = Date.now();

beforeEach(async () => {
  w = await openWard();
  wall = rightNow;
  installClockGuard(w.store, { buildDate: __BUILD_DATE__, now: () => wall });
});
afterEach(() => {
  mock.useRealTimers();
  w.store.close();
});

/** Every synced row, the journal and the meta entries: a refused save must change none of them. */
async function everything(): Promise<string> {
  const { db } = w.store;
  const tables = await Promise.all([db.organizations.toArray(), db.members.toArray(), db.memberEvents.toArray()]);
  return JSON.stringify({ tables, journal: await db.journal.toArray(), meta: await db.meta.toArray() });
}

async function replaceText(user: UserEvent, label: string, text: string) {
  const input = screen.getByLabelText(label);
  await user.clear(input);
  await user.click(input);
  await user.paste(text);
}

const banner = () => screen.queryByTestId('clock-guard');

describe('the clock guard banner', () => {
  it('a clock before the release date: the banner explains, the member form refuses the save, and fixing the clock unblocks', async () => {
    const user = userEvent.setup({ delay: null });
    const { member } = await addMember(w.store, { organizationId: w.branchA.id, fullName: 'Nguyễn Văn An' });
    wall = new Date(2024, 5, 1, 9, 30).getTime(); // 01/06/2024 09:30: a flat clock battery
    renderRoutes(w.store, routes, `/dang-vien/${member.id}/sua`);

    const alert = await screen.findByTestId('clock-guard');
    expect(alert).toHaveTextContent('Ngày giờ máy tính không đúng');
    expect(alert).toHaveTextContent(
      'Máy tính đang hiển thị 01/06/2024 09:30, trước cả ngày phát hành phiên bản phần mềm này (01/01/2025).',
    );
    expect(alert).toHaveTextContent('ngày đúng phải từ 01/01/2025 trở đi');
    expect(alert).toHaveTextContent('sau đó bấm "Kiểm tra lại"');
    // No way around a date before the release.
    expect(within(alert).queryByRole('button', { name: /đang hiển thị là đúng/ })).not.toBeInTheDocument();

    await screen.findByLabelText('Nghề nghiệp hiện nay');
    await replaceText(user, 'Nghề nghiệp hiện nay', 'Hưu trí');
    const before = await everything();
    await user.click(screen.getAllByRole('button', { name: /Lưu hồ sơ/ })[0]!);
    expect(
      await screen.findByText(/^Chưa lưu: ngày giờ máy tính không đúng \(máy đang hiển thị 01\/06\/2024 09:30\)/),
    ).toBeInTheDocument();
    expect(await everything()).toBe(before);

    // "Kiểm tra lại" with the clock still wrong says so and keeps the banner.
    await user.click(within(alert).getByRole('button', { name: /Kiểm tra lại/ }));
    expect(await screen.findByText('Máy tính vẫn đang hiển thị 01/06/2024 09:30. Ngày giờ chưa được chỉnh đúng.')).toBeInTheDocument();
    expect(banner()).toBeInTheDocument();

    wall = rightNow; // the clerk sets the date in Windows
    await user.click(within(alert).getByRole('button', { name: /Kiểm tra lại/ }));
    await waitFor(() => expect(banner()).not.toBeInTheDocument());
    await user.click(screen.getAllByRole('button', { name: /Lưu hồ sơ/ })[0]!);
    expect(await screen.findByTestId('landing')).toHaveTextContent(`hồ sơ ${member.id}`);
    expect((await w.store.db.members.get(member.id))?.occupation).toBe('Hưu trí');
  });

  it('a clock days behind the last save: the organization form refuses, and the window getting the focus re-checks', async () => {
    const user = userEvent.setup({ delay: null });
    await commit(w.store, [upsert('organizations', [{ id: w.branchA.id, shortName: 'TDP 1' }])]);
    const lastSave = new Date(wall);
    const pad = (n: number) => String(n).padStart(2, '0');
    const lastSaveText = `${pad(lastSave.getDate())}/${pad(lastSave.getMonth() + 1)}/${lastSave.getFullYear()} ${pad(lastSave.getHours())}:${pad(lastSave.getMinutes())}`;
    wall = rightNow - 3 * DAY;
    renderRoutes(w.store, routes, `/to-chuc/${w.ward.id}`);

    const alert = await screen.findByTestId('clock-guard');
    expect(alert).toHaveTextContent(`sớm hơn lần lưu thay đổi cuối cùng trên chính máy này (${lastSaveText})`);
    expect(alert).toHaveTextContent(`ngày giờ đúng phải sau ${lastSaveText}`);

    await user.click(await screen.findByRole('button', { name: /Thêm tổ chức/ }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('Tên tổ chức'), 'Chi bộ Tổ dân phố số 9');
    const before = await everything();
    // By its text: a role query over the whole page and dialog is slow on a busy machine.
    const saveButton = () => within(dialog).getByText('Lưu').closest('button')!;
    await user.click(saveButton());
    expect(await within(dialog).findByText(/^Chưa lưu: ngày giờ máy tính không đúng/)).toBeInTheDocument();
    expect(await everything()).toBe(before);

    wall = rightNow + 60_000;
    fireEvent.focus(window);
    await waitFor(() => expect(banner()).not.toBeInTheDocument());
    await user.click(saveButton());
    expect(await screen.findByText('Đã thêm Chi bộ Tổ dân phố số 9.')).toBeInTheDocument();
  });

  it('re-checks the clock every minute', async () => {
    mock.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    wall = new Date(2024, 0, 1).getTime();
    renderRoutes(w.store, routes, `/to-chuc/${w.ward.id}`);
    expect(await screen.findByTestId('clock-guard')).toBeInTheDocument();
    wall = rightNow;
    await act(() => {
      mock.advanceTimersByTime(CLOCK_RECHECK_MS - 1000);
      return Promise.resolve();
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(banner()).toBeInTheDocument();
    await act(() => {
      mock.advanceTimersByTime(1000);
      return Promise.resolve();
    });
    await waitFor(() => expect(banner()).not.toBeInTheDocument());
  });

  it('"Ngày giờ đang hiển thị là đúng", after confirming, unblocks a laptop whose last save was made on a fast clock', async () => {
    const user = userEvent.setup({ delay: null });
    wall = rightNow + 10 * DAY; // the clock ran ten days fast at the last save
    await commit(w.store, [upsert('organizations', [{ id: w.branchA.id, shortName: 'TDP 1' }])]);
    wall = rightNow;
    renderRoutes(w.store, routes, `/to-chuc/${w.ward.id}`);
    const alert = await screen.findByTestId('clock-guard');
    await user.click(within(alert).getByRole('button', { name: 'Ngày giờ đang hiển thị là đúng' }));
    expect(await screen.findByText('Ngày giờ máy tính đang hiển thị là đúng?')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Đúng, cho phép sửa dữ liệu' }));
    await waitFor(() => expect(banner()).not.toBeInTheDocument());
    expect((await w.store.db.meta.get('clockGuardLastSave'))?.value).toBe(rightNow);
  });

  it('shows nothing on a right clock', async () => {
    renderRoutes(w.store, routes, `/to-chuc/${w.ward.id}`);
    expect(await screen.findByRole('button', { name: /Thêm tổ chức/ })).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(banner()).not.toBeInTheDocument();
  });
});

describe('the export notice', () => {
  it('says saves will be written when the export has read the data, and goes away after', async () => {
    renderRoutes(w.store, routes, `/to-chuc/${w.ward.id}`);
    await screen.findByRole('button', { name: /Thêm tổ chức/ });
    expect(screen.queryByText(/Đang đọc dữ liệu để xuất tệp đồng bộ/)).not.toBeInTheDocument();
    let finish!: () => void;
    let exported!: Promise<void>;
    act(() => {
      exported = w.store.writeHold.export(() => new Promise<void>((resolve) => (finish = resolve)));
    });
    expect(await screen.findByText(/Đang đọc dữ liệu để xuất tệp đồng bộ\. Thay đổi bạn lưu lúc này sẽ được ghi ngay khi đọc xong/)).toBeInTheDocument();
    await act(async () => {
      finish();
      await exported;
    });
    expect(screen.queryByText(/Đang đọc dữ liệu để xuất tệp đồng bộ/)).not.toBeInTheDocument();
  });
});
