import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { commit } from '../../db/writePath';
import { MemberFilePage } from '../members/MemberFilePage';
import { addMember, openWard, renderRoutes, type Ward } from '../members/testing';
import { RecycleBinPage } from './RecycleBinPage';

let w: Ward;
beforeEach(async () => {
  w = await openWard();
});
afterEach(() => w.store.close());

const routes = [
  { path: '/dang-vien/:id', element: <MemberFilePage /> },
  { path: '/thung-rac', element: <RecycleBinPage /> },
];

/** The table's loading veil fades out; clicks go through once it is gone. */
const loaded = (table: HTMLElement) =>
  waitFor(() => expect(table.querySelector('.ant-spin-blur, .ant-spin-spinning')).toBeNull());

const live = async (table: 'members' | 'memberEvents') =>
  (await w.store.db[table].toArray()).filter((record) => record.deleted === 0).length;

describe('recycle bin', () => {
  it('a file deleted as a mistake goes to the bin with its events, and "Khôi phục" brings both back', async () => {
    const user = userEvent.setup({ delay: null });
    const { member } = await addMember(w.store, { organizationId: w.branchA.id, fullName: 'Vũ Văn Nhầm' });
    const router = renderRoutes(w.store, routes, `/dang-vien/${member.id}`);
    await user.click(await screen.findByRole('button', { name: /Xóa \(nhập nhầm\)/ }));
    const confirm = await screen.findByRole('dialog');
    expect(confirm).toHaveTextContent('Chỉ dùng khi hồ sơ này được nhập nhầm');
    expect(confirm).toHaveTextContent('từ trần');
    await user.click(within(confirm).getByRole('button', { name: 'Chuyển vào Thùng rác' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/thung-rac'));
    expect([await live('members'), await live('memberEvents')]).toEqual([0, 0]);
    const bin = await screen.findByTestId('bin-members');
    await waitFor(() => expect(bin).toHaveTextContent('Vũ Văn Nhầm'));
    expect(bin).toHaveTextContent(w.branchA.name);
    expect(bin).toHaveTextContent(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    await loaded(bin);

    await user.click(within(bin).getByRole('button', { name: 'Khôi phục Vũ Văn Nhầm' }));
    expect(await screen.findByText('Đã khôi phục Vũ Văn Nhầm.')).toBeInTheDocument();
    expect([await live('members'), await live('memberEvents')]).toEqual([1, 2]);
    await waitFor(() => expect(bin).toHaveTextContent('Không có hồ sơ đảng viên nào trong Thùng rác.'));
    const kinds = (await w.store.db.journal.where('recordId').equals(member.id).toArray()).map(
      (line) => line.kind,
    );
    expect(kinds).toEqual(['create', 'delete', 'restore']);
  });

  it('restores a deleted organization', async () => {
    const user = userEvent.setup({ delay: null });
    await commit(w.store, [{ table: 'organizations', kind: 'delete', ids: [w.branchB.id] }]);
    renderRoutes(w.store, routes, '/thung-rac');
    const bin = await screen.findByTestId('bin-organizations');
    await waitFor(() => expect(bin).toHaveTextContent(w.branchB.name));
    expect(bin).toHaveTextContent('Chi bộ trực thuộc');
    expect(bin).toHaveTextContent(w.ward.name);
    await loaded(bin);
    await user.click(within(bin).getByRole('button', { name: `Khôi phục ${w.branchB.name}` }));
    await waitFor(async () => expect((await w.store.db.organizations.get(w.branchB.id))?.deleted).toBe(0));
  });

  it('says what the bin is for, and that members who left are not in it', async () => {
    renderRoutes(w.store, routes, '/thung-rac');
    expect(await screen.findByRole('heading', { level: 2, name: 'Thùng rác' })).toBeInTheDocument();
    expect(screen.getByText(/không nằm ở đây/)).toBeInTheDocument();
    expect(await screen.findByText('Không có tổ chức đảng nào trong Thùng rác.')).toBeInTheDocument();
  });
});
