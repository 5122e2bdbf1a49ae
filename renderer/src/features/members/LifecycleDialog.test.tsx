import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { addMonths, formatDateVi, todayIso } from '@shared/domain/dates';
import type { Member, MemberEvent } from '@shared/domain/types';
import { MemberFilePage } from './MemberFilePage';
import { addMember, findTreeOption, openWard, renderRoutes, type Ward } from './testing';

let w: Ward;
beforeEach(async () => {
  w = await openWard();
});
afterEach(() => w.store.close());

const routes = [{ path: '/dang-vien/:id', element: <MemberFilePage /> }];
const today = todayIso();

async function openFile(id: string) {
  renderRoutes(w.store, routes, `/dang-vien/${id}`);
  await screen.findByTestId('member-header');
}

const memberById = async (id: string) => (await w.store.db.members.get(id)) as unknown as Member;
const eventsOf = async (id: string) =>
  (await w.store.db.memberEvents.filter((e) => e.memberId === id).toArray()) as unknown as MemberEvent[];

async function paste(user: UserEvent, input: HTMLElement, text: string) {
  await user.clear(input);
  await user.click(input);
  await user.paste(text);
}

async function openAction(user: UserEvent, name: string, inMenu = false): Promise<HTMLElement> {
  const actions = await screen.findByTestId('member-actions');
  if (inMenu) {
    await user.click(within(actions).getByRole('button', { name: /Nghiệp vụ khác/ }));
    await user.click(await screen.findByRole('menuitem', { name }));
  } else {
    await user.click(within(actions).getByRole('button', { name }));
  }
  const dialog = await screen.findByRole('dialog');
  await within(dialog).findByLabelText(/^Ngày/);
  return dialog;
}

const probationary = (joinedMonthsAgo: number) => {
  const joinedOn = addMonths(today, -joinedMonthsAgo);
  return addMember(w.store, {
    organizationId: w.branchA.id,
    status: 'probationary',
    fullName: 'Phạm Thu Trang',
    sex: 'female',
    birthDate: '1995-03-08',
    joinedOn,
    officialOn: undefined,
  });
};

describe('making a probationary member official', () => {
  it('records it on the day probation ended: status, official date and event in one commit', async () => {
    const user = userEvent.setup({ delay: null });
    const { member } = await probationary(13);
    const due = addMonths(member.joinedOn, 12);
    await openFile(member.id);
    expect(screen.getByTestId('member-status')).toHaveTextContent('Dự bị');
    const dialog = await openAction(user, 'Chuyển đảng chính thức');
    expect(within(dialog).getByLabelText('Ngày chính thức')).toHaveValue(formatDateVi(due));
    await paste(user, within(dialog).getByLabelText('Số quyết định'), '45-QĐ/ĐU');
    const before = await w.store.db.journal.count();
    await user.click(within(dialog).getByRole('button', { name: 'Ghi nhận' }));

    await waitFor(() => expect(screen.getByTestId('member-status')).toHaveTextContent('Chính thức'));
    expect(await memberById(member.id)).toMatchObject({
      status: 'official',
      officialOn: due,
      officialDecisionNumber: '45-QĐ/ĐU',
    });
    expect((await eventsOf(member.id)).find((e) => e.type === 'madeOfficial')).toMatchObject({
      date: due,
      decisionNumber: '45-QĐ/ĐU',
      issuedBy: 'Đảng ủy phường Phúc Lợi',
      organizationId: w.branchA.id,
    });
    const lines = (await w.store.db.journal.toArray()).slice(before);
    expect(lines.map((l) => l.table).sort()).toEqual(['memberEvents', 'members']);
    expect(new Set(lines.map((l) => l.hlc)).size).toBe(1);
  });

  it('before 12 months the button is disabled and says from which day it is possible', async () => {
    const user = userEvent.setup({ delay: null });
    const { member } = await probationary(5);
    await openFile(member.id);
    const button = within(screen.getByTestId('member-actions')).getByRole('button', {
      name: 'Chuyển đảng chính thức',
    });
    expect(button).toBeDisabled();
    await user.hover(button.parentElement!);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      `Chưa đủ 12 tháng dự bị: đồng chí vào Đảng ngày ${formatDateVi(member.joinedOn)}, sớm nhất được công nhận chính thức từ ngày ${formatDateVi(addMonths(member.joinedOn, 12))}.`,
    );
  });

  it('refuses a date before the end of probation, with the reason, and writes nothing', async () => {
    const user = userEvent.setup({ delay: null });
    const { member } = await probationary(13);
    await openFile(member.id);
    const dialog = await openAction(user, 'Chuyển đảng chính thức');
    const early = addMonths(member.joinedOn, 11);
    await paste(user, within(dialog).getByLabelText('Ngày chính thức'), formatDateVi(early));
    const before = await w.store.db.journal.count();
    await user.click(within(dialog).getByRole('button', { name: 'Ghi nhận' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      `Chưa đủ 12 tháng dự bị: đồng chí vào Đảng ngày ${formatDateVi(member.joinedOn)}, sớm nhất được công nhận chính thức từ ngày ${formatDateVi(addMonths(member.joinedOn, 12))}.`,
    );
    expect(await w.store.db.journal.count()).toBe(before);
  });
});

describe('discipline', () => {
  it('"cách chức" of a probationary member is refused with the reason; a reprimand is recorded', async () => {
    const user = userEvent.setup({ delay: null });
    const { member } = await probationary(5);
    await openFile(member.id);
    const dialog = await openAction(user, 'Kỷ luật', true);
    await user.click(within(dialog).getByLabelText('Cách chức'));
    await paste(
      user,
      within(dialog).getByLabelText('Lý do'),
      'Vi phạm quy định về những điều đảng viên không được làm',
    );
    const before = await w.store.db.journal.count();
    await user.click(within(dialog).getByRole('button', { name: 'Ghi nhận' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Đảng viên dự bị chỉ bị kỷ luật khiển trách hoặc cảnh cáo; hình thức cách chức chỉ áp dụng với đảng viên chính thức.',
    );
    expect(await w.store.db.journal.count()).toBe(before);

    await user.click(within(dialog).getByLabelText('Khiển trách'));
    await user.click(within(dialog).getByRole('button', { name: 'Ghi nhận' }));
    await waitFor(async () => expect((await eventsOf(member.id)).map((e) => e.type)).toContain('discipline'));
    expect((await memberById(member.id)).status).toBe('probationary');
  });
});

describe('transfer between two branches of the ward', () => {
  it('changes the member’s organization with its event in one commit', async () => {
    const user = userEvent.setup({ delay: null });
    const { member } = await addMember(w.store, { organizationId: w.branchA.id, fullName: 'Đỗ Minh Quang' });
    await openFile(member.id);
    const dialog = await openAction(user, 'Chuyển sinh hoạt');
    await user.click(within(dialog).getByLabelText('Tổ chức đảng chuyển đến'));
    await user.click(await findTreeOption(w.branchB.name));
    await paste(user, within(dialog).getByLabelText('Số giấy giới thiệu sinh hoạt đảng'), '17/GGT');
    await paste(user, within(dialog).getByLabelText('Đã đóng đảng phí đến hết tháng'), '02/2026');
    const before = await w.store.db.journal.count();
    await user.click(within(dialog).getByRole('button', { name: 'Ghi nhận' }));

    await waitFor(() => expect(screen.getByTestId('member-organization')).toHaveTextContent(w.branchB.name));
    expect(await memberById(member.id)).toMatchObject({ organizationId: w.branchB.id, status: 'official' });
    expect((await eventsOf(member.id)).find((e) => e.type === 'transferInternal')).toMatchObject({
      date: today,
      transferKind: 'official',
      fromOrganizationId: w.branchA.id,
      toOrganizationId: w.branchB.id,
      organizationId: w.branchA.id,
      decisionNumber: '17/GGT',
      duesPaidThrough: '2026-02',
    });
    const lines = (await w.store.db.journal.toArray()).slice(before);
    expect(new Set(lines.map((l) => l.hlc)).size).toBe(1);
    const countIn = async (orgId: string) =>
      w.store.db.members.where('[deleted+organizationId]').equals([0, orgId]).count();
    expect([await countIn(w.branchA.id), await countIn(w.branchB.id)]).toEqual([0, 1]);
  });

  it('asks for the destination, letter number and dues month before writing', async () => {
    const user = userEvent.setup({ delay: null });
    const { member } = await addMember(w.store, { organizationId: w.branchA.id });
    await openFile(member.id);
    const dialog = await openAction(user, 'Chuyển sinh hoạt');
    await user.click(within(dialog).getByRole('button', { name: 'Ghi nhận' }));
    expect(await within(dialog).findByText('Hãy chọn tổ chức đảng chuyển đến.')).toBeInTheDocument();
    expect(within(dialog).getByText('Hãy ghi số giấy giới thiệu sinh hoạt đảng.')).toBeInTheDocument();
    expect(
      within(dialog).getByText('Hãy ghi tháng đã đóng đảng phí đến hết (theo giấy giới thiệu).'),
    ).toBeInTheDocument();
    expect((await eventsOf(member.id)).map((e) => e.type).sort()).toEqual(['admission', 'madeOfficial']);
  });
});

describe('death', () => {
  it('ends the membership; afterwards the only action is a posthumous award', async () => {
    const user = userEvent.setup({ delay: null });
    const { member } = await addMember(w.store, { organizationId: w.branchA.id });
    await openFile(member.id);
    const dialog = await openAction(user, 'Báo từ trần', true);
    await paste(user, within(dialog).getByLabelText('Nguyên nhân từ trần'), 'Bệnh tuổi già');
    await user.click(within(dialog).getByRole('button', { name: 'Ghi nhận' }));
    await waitFor(() => expect(screen.getByTestId('member-status')).toHaveTextContent('Từ trần'));
    const actions = screen.getByTestId('member-actions');
    expect(
      within(actions)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Sửa', 'Truy tặng', 'Xóa (nhập nhầm)']);
  });
});
