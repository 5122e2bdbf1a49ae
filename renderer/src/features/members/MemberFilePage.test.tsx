import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { commit, upsert, type Draft } from '../../db/writePath';
import { makeEvent, makeMember } from '../../../../tests/fixtures/records';
import { MemberFilePage } from './MemberFilePage';
import { addMember, openWard, renderRoutes, type Ward } from './testing';

let w: Ward;
beforeEach(async () => {
  w = await openWard();
  await w.store.setNames({ userName: 'Lê Thị Hằng', deviceName: 'Máy Văn phòng 1' });
});
afterEach(() => w.store.close());

const routes = [{ path: '/dang-vien/:id', element: <MemberFilePage /> }];

async function openFile(id: string) {
  renderRoutes(w.store, routes, `/dang-vien/${id}`);
  await screen.findByTestId('member-header');
}

const fileOf = (over = {}) =>
  addMember(w.store, {
    organizationId: w.branchA.id,
    fullName: 'Nguyễn Văn Hùng',
    politicalTheory: 'intermediate',
    ethnicity: '01',
    religion: 'buddhism',
    occupation: 'Cán bộ',
    partyCardNumber: '12345678',
    hometown: { commune: 'Xã Cổ Bi', district: 'Huyện Gia Lâm', province: 'Hà Nội' },
    ...over,
  });

describe('the member file', () => {
  it('shows the name in upper case, the status, the organization and a placeholder photo', async () => {
    const { member } = await fileOf();
    await openFile(member.id);
    expect(screen.getByTestId('member-name')).toHaveTextContent('NGUYỄN VĂN HÙNG');
    expect(screen.getByTestId('member-status')).toHaveTextContent('Chính thức');
    await waitFor(() => expect(screen.getByTestId('member-organization')).toHaveTextContent(w.branchA.name));
    expect(screen.getByTestId('photo-placeholder')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Thêm ảnh/ })).toBeInTheDocument();
    expect(screen.getByTestId('member-header')).toHaveTextContent('Sinh ngày 12/04/1960');
  });

  it('renders every tab with the file’s values in Vietnamese', async () => {
    const user = userEvent.setup({ delay: null });
    const { member } = await fileOf();
    await commit(w.store, [
      upsert('memberEvents', [
        {
          ...makeEvent({
            memberId: member.id,
            type: 'award',
            date: '2020-02-03',
            badgeYears: 30,
            decisionNumber: '88-QĐ/TU',
            issuedBy: 'Thành ủy Hà Nội',
          }),
        },
        {
          ...makeEvent({
            memberId: member.id,
            type: 'discipline',
            date: '2021-06-01',
            disciplineForm: 'reprimand',
            reason: 'Vi phạm quy định sinh hoạt',
          }),
        },
      ]),
    ]);
    await openFile(member.id);
    const panel = () => screen.getByRole('tabpanel');
    expect(panel()).toHaveTextContent('Quê quán');
    expect(panel()).toHaveTextContent('Xã Cổ Bi, Huyện Gia Lâm, Hà Nội');
    expect(panel()).toHaveTextContent('Phật giáo');
    expect(panel()).toHaveTextContent('12/04/1960');

    await user.click(screen.getByRole('tab', { name: 'Đảng' }));
    await waitFor(() => expect(panel()).toHaveTextContent('Ngày vào Đảng19/05/1990'));
    expect(panel()).toHaveTextContent('Số thẻ đảng viên12345678');
    expect(panel()).toHaveTextContent(`Tổ chức đảng${w.branchA.name}`);

    await user.click(screen.getByRole('tab', { name: 'Trình độ' }));
    await waitFor(() => expect(panel()).toHaveTextContent('Lý luận chính trịTrung cấp'));

    await user.click(screen.getByRole('tab', { name: 'Công tác và chức vụ' }));
    await waitFor(() => expect(panel()).toHaveTextContent('Nghề nghiệp hiện nayCán bộ'));

    await user.click(screen.getByRole('tab', { name: 'Khen thưởng và kỷ luật' }));
    const awards = await screen.findByTestId('awards');
    expect(awards).toHaveTextContent('03/02/2020');
    expect(awards).toHaveTextContent('Huy hiệu 30 năm tuổi Đảng');
    expect(awards).toHaveTextContent('Thành ủy Hà Nội');
    expect(screen.getByTestId('discipline')).toHaveTextContent('Khiển trách');

    await user.click(screen.getByRole('tab', { name: 'Lịch sử' }));
    const timeline = await screen.findAllByTestId('timeline-event');
    expect(timeline.map((item) => item.textContent?.slice(0, 10))).toEqual([
      '19/05/1990',
      '19/05/1991',
      '03/02/2020',
      '01/06/2021',
    ]);
    expect(timeline[0]).toHaveTextContent('Kết nạp');
    expect(timeline[1]).toHaveTextContent('Chuyển đảng chính thức');
    expect(timeline[2]).toHaveTextContent('Số quyết định: 88-QĐ/TU');
  });

  it('the history shows who changed which field on which laptop, old → new, newest first', async () => {
    const user = userEvent.setup({ delay: null });
    const { member } = await fileOf();
    await commit(w.store, [
      upsert('members', [{ id: member.id, occupation: 'Hưu trí', birthDate: '1960-04-13' }]),
    ]);
    await commit(w.store, [upsert('members', [{ id: member.id, organizationId: w.branchB.id }])]);
    await openFile(member.id);
    await user.click(screen.getByRole('tab', { name: 'Lịch sử' }));
    const journal = await screen.findByTestId('journal');
    const rows = within(journal).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    await waitFor(() =>
      expect(rows[0]).toHaveTextContent(`Tổ chức đảng: ${w.branchA.name} → ${w.branchB.name}`),
    );
    expect(rows[1]).toHaveTextContent('Nghề nghiệp hiện nay: Cán bộ → Hưu trí');
    expect(rows[1]).toHaveTextContent('Ngày sinh: 12/04/1960 → 13/04/1960');
    expect(rows[1]).toHaveTextContent('Lê Thị Hằng');
    expect(rows[1]).toHaveTextContent('Máy Văn phòng 1');
    expect(rows[1]).toHaveTextContent(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(rows[2]).toHaveTextContent('Tạo hồ sơ');
    expect(within(rows[1]!).getByText('Cán bộ').tagName).toBe('DEL');
  });

  it('the history of a member created by a bulk creation (an Excel import) shows that creation', async () => {
    const user = userEvent.setup({ delay: null });
    // The first of the import's ids is another member's: the line's `recordId` is not Lan's.
    const first = makeMember({
      id: '00000000-0000-4000-8000-000000000001',
      organizationId: w.branchA.id,
      fullName: 'Vũ Văn Minh',
    });
    const lan = makeMember({
      organizationId: w.branchB.id,
      fullName: 'Hoàng Thị Lan',
      occupation: 'Giáo viên',
    });
    const imported = await commit(w.store, [
      { table: 'members', kind: 'create', records: [first, lan] as unknown as Draft[] },
    ]);
    await commit(w.store, [upsert('members', [{ id: lan.id, occupation: 'Hưu trí' }])]);
    await openFile(lan.id);
    await user.click(screen.getByRole('tab', { name: 'Lịch sử' }));
    const journal = await screen.findByTestId('journal');
    const rows = within(journal).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('Nghề nghiệp hiện nay: Giáo viên → Hưu trí');
    expect(rows[1]).toHaveTextContent('Tạo hồ sơ');
    const line = (await w.store.db.journal.toArray()).find((l) => l.recordIds);
    expect(line).toMatchObject({ recordId: first.id, createdStamps: [imported.stamp] });
  });

  it('says there is no such member for an unknown id', async () => {
    renderRoutes(w.store, routes, '/dang-vien/00000000-0000-4000-8000-00000000abcd');
    expect(await screen.findByText('Không tìm thấy hồ sơ')).toBeInTheDocument();
  });

  it('shows the stored photo instead of the placeholder', async () => {
    const photo = 'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ==';
    const { member } = await fileOf();
    await commit(w.store, [upsert('memberPhotos', [{ id: member.id, dataUrl: photo }])]);
    await openFile(member.id);
    // The photo is read apart from the member row, so it may arrive after the header.
    expect(await screen.findByRole('img', { name: 'Ảnh của đồng chí Nguyễn Văn Hùng' })).toHaveAttribute(
      'src',
      photo,
    );
    expect(screen.queryByTestId('photo-placeholder')).not.toBeInTheDocument();
    // The photo lives apart from the member row, so the register never reads it.
    expect((await w.store.db.members.get(member.id))!.photo).toBeUndefined();
  });

  it('offers the actions of an official member, and "Sửa"', async () => {
    const user = userEvent.setup({ delay: null });
    const { member } = await fileOf();
    await openFile(member.id);
    const actions = screen.getByTestId('member-actions');
    for (const name of ['Sửa', 'Chuyển sinh hoạt', 'Khen thưởng', 'Nghiệp vụ khác', 'Xóa (nhập nhầm)'])
      expect(
        within(actions).getByRole('button', { name: new RegExp(name.replace(/[()]/g, '\\$&')) }),
      ).toBeInTheDocument();
    expect(within(actions).queryByRole('button', { name: 'Chuyển đảng chính thức' })).not.toBeInTheDocument();
    await user.click(within(actions).getByRole('button', { name: /Nghiệp vụ khác/ }));
    const menu = await screen.findByRole('menu');
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Miễn công tác và sinh hoạt đảng',
      'Kỷ luật',
      'Xóa tên',
      'Ra khỏi Đảng',
      'Khai trừ',
      'Báo từ trần',
    ]);
  });
});
