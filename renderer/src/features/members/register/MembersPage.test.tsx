import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AntProviders } from '../../../app/App';
import { StoreProvider } from '../../../app/StoreContext';
import { openDataStore, type DataStore } from '../../../db/store';
import { commit, upsert } from '../../../db/writePath';
import { draft, makeMember, makeOrganization } from '../../../../../tests/fixtures/records';
import { MembersPage } from '../MembersPage';
import { registerIndexFor } from './registerIndex';

let store: DataStore;
const ORG = makeOrganization({ name: 'Chi bộ Tổ dân phố số 3' });
const people = [
  makeMember({ organizationId: ORG.id, fullName: 'Nguyễn Văn Hùng', partyCardNumber: '11112222' }),
  makeMember({ organizationId: ORG.id, fullName: 'Đặng Thị Lan', sex: 'female' }),
  makeMember({ organizationId: ORG.id, fullName: 'Trần Văn An', status: 'probationary' }),
  makeMember({ organizationId: ORG.id, fullName: 'Lê Thị Bình', sex: 'female', status: 'deceased' }),
];

beforeEach(async () => {
  store = await openDataStore({ name: `register-${crypto.randomUUID()}` });
  await commit(store, [upsert('organizations', [draft(ORG)]), upsert('members', people.map(draft))]);
});
afterEach(() => {
  registerIndexFor(store.db).close();
  store.close();
});

function renderRegister() {
  const router = createMemoryRouter([{ path: '/', element: <MembersPage /> }, { path: '/dang-vien/:id', element: <p>hồ sơ</p> }]);
  return render(
    <AntProviders>
      <StoreProvider value={store}>
        <RouterProvider router={router} />
      </StoreProvider>
    </AntProviders>,
  );
}

const count = () => screen.getByTestId('register-count').textContent;

describe('the register screen', () => {
  it('lists the active members in register order with the count of matches', async () => {
    renderRegister();
    await waitFor(() => expect(count()).toBe('3 / 4 đảng viên'));
    const names = screen.getAllByRole('strong').map((el) => el.textContent);
    expect(names).toEqual(['Trần Văn An', 'Nguyễn Văn Hùng', 'Đặng Thị Lan']);
  });

  it('searches without diacritics, by card number, and says when nothing matches', async () => {
    const user = userEvent.setup();
    renderRegister();
    await waitFor(() => expect(count()).toBe('3 / 4 đảng viên'));
    const box = screen.getByTestId('register-search');
    await user.type(box, 'dang');
    await waitFor(() => expect(count()).toBe('1 / 4 đảng viên'));
    expect(screen.getByText('Đặng Thị Lan')).toBeInTheDocument();
    await user.clear(box);
    await user.type(box, '11112222');
    await waitFor(() => expect(count()).toBe('1 / 4 đảng viên'));
    expect(screen.getByText('Nguyễn Văn Hùng')).toBeInTheDocument();
    await user.clear(box);
    await user.type(box, 'không có ai');
    await waitFor(() => expect(count()).toBe('0 / 4 đảng viên'));
    expect(screen.getByText('Không có đảng viên nào khớp với điều kiện tìm kiếm.')).toBeInTheDocument();
  });

  it('follows writes: a new member appears, a deleted one goes', async () => {
    renderRegister();
    await waitFor(() => expect(count()).toBe('3 / 4 đảng viên'));
    const added = makeMember({ organizationId: ORG.id, fullName: 'Phạm Minh Anh' });
    await commit(store, [upsert('members', [draft(added)])]);
    await waitFor(() => expect(count()).toBe('4 / 5 đảng viên'));
    expect(screen.getByText('Phạm Minh Anh')).toBeInTheDocument();
    await commit(store, [{ table: 'members', kind: 'delete', ids: [added.id] }]);
    await waitFor(() => expect(count()).toBe('3 / 4 đảng viên'));
    expect(screen.queryByText('Phạm Minh Anh')).not.toBeInTheDocument();
  });

  it('opens a member file from its row', async () => {
    const user = userEvent.setup();
    renderRegister();
    await user.click(await screen.findByText('Đặng Thị Lan'));
    expect(await screen.findByText('hồ sơ')).toBeInTheDocument();
  });
});
