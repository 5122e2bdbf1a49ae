import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { addMonths, formatDateVi, todayIso } from '@shared/domain/dates';
import type { Member, MemberEvent } from '@shared/domain/types';
import { MemberCreatePage, MemberEditPage } from './MemberFormPage';
import { addMember, findTreeOption, Landing, openWard, renderRoutes, type Ward } from './testing';

let w: Ward;
beforeEach(async () => {
  w = await openWard();
});
afterEach(() => w.store.close());

const routes = [
  { path: '/dang-vien/moi', element: <MemberCreatePage /> },
  { path: '/dang-vien/:id/sua', element: <MemberEditPage /> },
  { path: '/dang-vien/:id', element: <Landing what="hồ sơ" /> },
];

const members = async () => (await w.store.db.members.toArray()) as unknown as Member[];
const events = async () => (await w.store.db.memberEvents.toArray()) as unknown as MemberEvent[];

/** Replaces the text of a box as a user would, pasting rather than typing key by key (faster). */
async function type(user: UserEvent, label: string, text: string) {
  const input = screen.getByLabelText(label);
  await user.clear(input);
  await user.click(input);
  await user.paste(text);
}

async function pickOrganization(user: UserEvent, name: string) {
  await user.click(screen.getByLabelText('Tổ chức đảng'));
  await user.click(await findTreeOption(name));
}

/** A recent admission: 30 years old, ceremony two months ago, still probationary. */
const joined = addMonths(todayIso(), -2);
const born = addMonths(todayIso(), -30 * 12);

async function fillRequired(user: UserEvent, over: { birth?: string; joinedOn?: string } = {}) {
  await screen.findByText('Thông tin chung');
  await type(user, 'Họ và tên', '  Trần   Thị Bình ');
  await user.click(screen.getByLabelText('Nữ'));
  await type(user, 'Ngày sinh', over.birth ?? formatDateVi(born));
  await pickOrganization(user, w.branchA.name);
  await type(user, 'Ngày vào Đảng', over.joinedOn ?? formatDateVi(joined));
}

/** The save button beside the title (the same one stands at the end of the form). */
const save = (user: UserEvent) => user.click(screen.getAllByRole('button', { name: /Lưu hồ sơ/ })[0]!);

describe('a new member', () => {
  it('saves the member as probationary with its admission event, in one commit', async () => {
    const user = userEvent.setup({ delay: null });
    const router = renderRoutes(w.store, routes, '/dang-vien/moi');
    await fillRequired(user);
    await type(user, 'Số quyết định kết nạp', '125-QĐ/ĐU');
    await save(user);

    await waitFor(() => expect(screen.getByTestId('landing')).toHaveTextContent(/^hồ sơ /));
    const [member] = await members();
    expect(member).toMatchObject({
      fullName: 'Trần Thị Bình',
      sex: 'female',
      birthDate: born,
      joinedOn: joined,
      organizationId: w.branchA.id,
      status: 'probationary',
      ethnicity: '01',
      religion: 'none',
    });
    expect(router.state.location.pathname).toBe(`/dang-vien/${member!.id}`);
    expect(await events()).toEqual([
      expect.objectContaining({
        memberId: member!.id,
        type: 'admission',
        date: joined,
        decisionNumber: '125-QĐ/ĐU',
        organizationId: w.branchA.id,
      }),
    ]);
    const journal = await w.store.db.journal.toArray();
    const lines = journal.filter((line) => line.table !== 'organizations');
    expect(lines.map((line) => line.table).sort()).toEqual(['memberEvents', 'members']);
    expect(new Set(lines.map((line) => line.hlc)).size).toBe(1);
  });

  it('shows a wrong date next to its field and saves nothing', async () => {
    const user = userEvent.setup({ delay: null });
    renderRoutes(w.store, routes, '/dang-vien/moi');
    await fillRequired(user, { birth: '31/02/1990' });
    await save(user);

    const message = 'Ngày sinh 31/02/1990 không hợp lệ: tháng 02/1990 chỉ có 28 ngày.';
    const field = screen.getByLabelText('Ngày sinh').closest('.ant-form-item')!;
    expect(await within(field as HTMLElement).findByText(message)).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Chưa lưu được: còn 1 lỗi cần sửa.');
    expect(await members()).toEqual([]);
    expect(await events()).toEqual([]);

    // Correcting the box clears its message, and the file saves.
    await type(user, 'Ngày sinh', '28/02/1990');
    await waitFor(() => expect(within(field as HTMLElement).queryByText(message)).not.toBeInTheDocument());
    await save(user);
    await waitFor(async () => expect(await members()).toHaveLength(1));
  });

  it('refuses an admission at 17 with the reason, unless an exception is recorded', async () => {
    const user = userEvent.setup({ delay: null });
    renderRoutes(w.store, routes, '/dang-vien/moi');
    const birth = addMonths(joined, -(17 * 12 + 6));
    await fillRequired(user, { birth: formatDateVi(birth) });
    await save(user);

    const field = screen.getByLabelText('Ngày vào Đảng').closest('.ant-form-item') as HTMLElement;
    expect(
      await within(field).findByText(
        `Ngày lễ kết nạp (${formatDateVi(joined)}) người được kết nạp mới 17 tuổi 6 tháng, chưa đủ 18 tuổi tính theo tháng. Nếu đã được cấp có thẩm quyền đồng ý, hãy ghi căn cứ vào ô “Căn cứ kết nạp ngoài độ tuổi”.`,
      ),
    ).toBeInTheDocument();
    expect(await members()).toEqual([]);

    await type(user, 'Căn cứ kết nạp ngoài độ tuổi', 'Công văn 15-CV/TU ngày 02/01/2026');
    await save(user);
    await waitFor(async () => expect(await members()).toHaveLength(1));
  });

  it('suggests the official date, warns when another one is typed, and saves an official member after confirming', async () => {
    const user = userEvent.setup({ delay: null });
    renderRoutes(w.store, routes, '/dang-vien/moi');
    await fillRequired(user, { birth: '12/04/1960', joinedOn: '19/05/1990' });
    expect(await screen.findByTestId('official-suggestion')).toHaveTextContent(
      'Theo quy định: 19/05/1991 (đủ 12 tháng dự bị).',
    );
    await type(user, 'Ngày chính thức', '01/06/1991');
    await save(user);

    const warning =
      'Ngày chính thức thường là 19/05/1991, đủ 12 tháng dự bị kể từ ngày vào Đảng 19/05/1990; ngày đã nhập là 01/06/1991.';
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Xin kiểm tra lại trước khi lưu');
    expect(within(dialog).getByTestId('warning-list')).toHaveTextContent(warning);
    const field = screen.getByLabelText('Ngày chính thức').closest('.ant-form-item') as HTMLElement;
    expect(within(field).getByText(warning)).toBeInTheDocument();

    // "Xem lại" keeps the form; use the suggestion instead, and the file saves without a question.
    await user.click(within(dialog).getByRole('button', { name: 'Xem lại' }));
    expect(await members()).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Dùng ngày này' }));
    expect(screen.getByLabelText('Ngày chính thức')).toHaveValue('19/05/1991');
    await save(user);
    await waitFor(async () => expect(await members()).toHaveLength(1));
    expect((await members())[0]).toMatchObject({ status: 'official', officialOn: '1991-05-19' });
    expect((await events()).map((e) => `${e.type} ${e.date}`).sort()).toEqual([
      'admission 1990-05-19',
      'madeOfficial 1991-05-19',
    ]);
  });

  it('"Vẫn lưu" saves despite a warning', async () => {
    const user = userEvent.setup({ delay: null });
    renderRoutes(w.store, routes, '/dang-vien/moi');
    await fillRequired(user);
    await type(user, 'Số thẻ đảng viên', '1234567');
    await save(user);
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Vẫn lưu' }));
    await waitFor(async () => expect((await members())[0]?.partyCardNumber).toBe('1234567'));
  });
});

describe('editing a member', () => {
  it('writes only the changed fields, and the admission event follows the ceremony date', async () => {
    const user = userEvent.setup({ delay: null });
    const { member } = await addMember(w.store, { organizationId: w.branchA.id, fullName: 'Nguyễn Văn An' });
    renderRoutes(w.store, routes, `/dang-vien/${member.id}/sua`);
    expect(await screen.findByLabelText('Ngày vào Đảng')).toHaveValue('19/05/1990');
    await type(user, 'Nghề nghiệp hiện nay', 'Hưu trí');
    await type(user, 'Ngày vào Đảng', '20/05/1990');
    await type(user, 'Ngày chính thức', '20/05/1991');
    const before = await w.store.db.journal.count();
    await save(user);

    await waitFor(() => expect(screen.getByTestId('landing')).toHaveTextContent(`hồ sơ ${member.id}`));
    const lines = (await w.store.db.journal.toArray()).slice(before);
    expect(lines.find((l) => l.table === 'members')?.fields?.sort()).toEqual([
      'joinedOn',
      'occupation',
      'officialOn',
    ]);
    expect((await events()).map((e) => `${e.type} ${e.date}`).sort()).toEqual([
      'admission 1990-05-20',
      'madeOfficial 1991-05-20',
    ]);
  });
});
