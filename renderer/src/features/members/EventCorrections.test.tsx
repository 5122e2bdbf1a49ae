import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { Member, MemberEvent } from '@shared/domain/types';
import { MemberFilePage } from './MemberFilePage';
import { RecycleBinPage } from '../recycleBin/RecycleBinPage';
import { addMember, openWard, renderRoutes, type Ward } from './testing';

let w: Ward;
beforeEach(async () => {
  w = await openWard();
});
afterEach(() => w.store.close());

const routes = [
  { path: '/dang-vien/:id', element: <MemberFilePage /> },
  { path: '/thung-rac', element: <RecycleBinPage /> },
];

const stored = async (id: string) => (await w.store.db.members.get(id)) as unknown as Member;
const event = async (id: string) => (await w.store.db.memberEvents.get(id)) as unknown as MemberEvent & { deleted: 0 | 1 };

async function historyTab(user: UserEvent, memberId: string) {
  const router = renderRoutes(w.store, routes, `/dang-vien/${memberId}`);
  await screen.findByTestId('member-header');
  await user.click(screen.getByRole('tab', { name: 'Lịch sử' }));
  await screen.findAllByTestId('timeline-event');
  return router;
}

/** The table's loading veil fades out; clicks go through once it is gone. */
const loaded = (table: HTMLElement) =>
  waitFor(() => expect(table.querySelector('.ant-spin-blur, .ant-spin-spinning')).toBeNull());

describe('correcting the history', () => {
  it('deletes a wrong “made official” event: the member is probationary again and the event is in the bin, from where it comes back', async () => {
    const user = userEvent.setup({ delay: null });
    const { member, events } = await addMember(w.store, {
      organizationId: w.branchA.id,
      fullName: 'Trần Văn Nhầm',
      joinedOn: '2024-03-02',
      officialOn: '2025-03-02',
      status: 'official',
    });
    const official = events.find((e) => e.type === 'madeOfficial')!;
    const router = await historyTab(user, member.id);
    await user.click(screen.getByRole('button', { name: 'Xóa Chuyển đảng chính thức 02/03/2025' }));
    const confirm = await screen.findByRole('dialog');
    expect(confirm).toHaveTextContent('Xóa sự kiện “Chuyển đảng chính thức” ngày 02/03/2025?');
    await user.click(within(confirm).getByRole('button', { name: 'Xóa sự kiện' }));
    expect(await screen.findByText('Đã đưa sự kiện vào Thùng rác.')).toBeInTheDocument();
    expect(await event(official.id)).toMatchObject({ deleted: 1 });
    expect(await stored(member.id)).toMatchObject({ status: 'probationary' });
    expect((await stored(member.id)).officialOn).toBeUndefined();
    await waitFor(() => expect(screen.getByTestId('member-status')).toHaveTextContent('Dự bị'));
    expect(screen.getAllByTestId('timeline-event')).toHaveLength(1);

    // The bin lists it and restores it, with the member's state.
    await router.navigate('/thung-rac');
    const bin = await screen.findByTestId('bin-events');
    const row = await within(bin).findByRole('row', { name: /Trần Văn Nhầm/ });
    await loaded(bin);
    expect(row).toHaveTextContent('Chuyển đảng chính thức');
    await user.click(within(row).getByRole('button', { name: /Khôi phục/ }));
    await waitFor(async () => expect(await event(official.id)).toMatchObject({ deleted: 0 }));
    expect(await stored(member.id)).toMatchObject({ status: 'official', officialOn: '2025-03-02' });
  });

  it('refuses to delete the admission while other events remain, and writes nothing', async () => {
    const user = userEvent.setup({ delay: null });
    const { member, events } = await addMember(w.store, {
      organizationId: w.branchA.id,
      joinedOn: '2010-05-19',
      officialOn: '2011-05-19',
    });
    const journal = await w.store.db.journal.count();
    await historyTab(user, member.id);
    await user.click(screen.getByRole('button', { name: 'Xóa Kết nạp 19/05/2010' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Xóa sự kiện' }));
    expect(
      await screen.findByText(
        'Hồ sơ phải còn sự kiện kết nạp, kết nạp lại hoặc chuyển sinh hoạt đến. Nếu cả hồ sơ bị nhập nhầm, hãy đưa hồ sơ vào Thùng rác.',
      ),
    ).toBeInTheDocument();
    expect(await event(events[0]!.id)).toMatchObject({ deleted: 0 });
    expect(await w.store.db.journal.count()).toBe(journal);
  });

  it('corrects an event’s decision number and refuses a date before the admission', async () => {
    const user = userEvent.setup({ delay: null });
    const { member, events } = await addMember(w.store, {
      organizationId: w.branchA.id,
      joinedOn: '2010-05-19',
      officialOn: '2011-05-19',
    });
    const official = events.find((e) => e.type === 'madeOfficial')!;
    await historyTab(user, member.id);
    await user.click(screen.getByRole('button', { name: 'Sửa Chuyển đảng chính thức 19/05/2011' }));
    let dialog = await screen.findByRole('dialog');
    const date = within(dialog).getByLabelText('Ngày của sự kiện');
    await user.clear(date);
    await user.type(date, '01/01/2009');
    await user.click(within(dialog).getByRole('button', { name: 'Ghi nhận' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Sự kiện “Chuyển đảng chính thức” ngày 01/01/2009 sẽ không còn hợp lệ: Ngày của sự kiện (01/01/2009) trước ngày vào Đảng (19/05/2010).',
    );
    expect((await event(official.id)).date).toBe('2011-05-19');

    await user.clear(date);
    await user.type(date, '19/05/2011');
    const number = within(dialog).getByLabelText('Số quyết định');
    await user.clear(number);
    await user.type(number, '15-QĐ/ĐU');
    await user.click(within(dialog).getByRole('button', { name: 'Ghi nhận' }));
    expect(await screen.findByText('Đã sửa sự kiện.')).toBeInTheDocument();
    expect(await event(official.id)).toMatchObject({ decisionNumber: '15-QĐ/ĐU', date: '2011-05-19' });
    expect(await stored(member.id)).toMatchObject({ officialDecisionNumber: '15-QĐ/ĐU' });
    dialog = screen.getByTestId('journal');
    expect(dialog).toHaveTextContent('15-QĐ/ĐU');
  });
});
