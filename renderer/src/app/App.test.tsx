import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from './App';
import { openDataStore, type DataStore } from '../db/store';
import { commit, upsert } from '../db/writePath';
import { startEmpty } from '../features/onboarding/setup';
import { draft, makeMember, makeOrganization } from '../../../tests/fixtures/records';

let store: DataStore;

beforeEach(async () => {
  window.location.hash = '#/';
  store = await openDataStore({ name: `app-${crypto.randomUUID()}` });
});
afterEach(() => store.close());

describe('first run', () => {
  it('offers the demo or an empty start, and refuses an empty committee name', async () => {
    const user = userEvent.setup();
    render(<App store={store} />);
    expect(await screen.findByRole('button', { name: /Dùng dữ liệu mẫu/ })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Bắt đầu/ }));
    expect(await screen.findByText('Hãy nhập tên Đảng bộ.')).toBeInTheDocument();
    expect(await store.db.organizations.count()).toBe(0);
  });

  it('"Bắt đầu" creates the ward under the typed name and opens the dashboard', async () => {
    const user = userEvent.setup();
    render(<App store={store} />);
    await user.type(await screen.findByLabelText('Tên Đảng bộ'), '  Đảng bộ  phường Phúc Lợi ');
    await user.type(screen.getByLabelText('Tên máy này'), 'Máy Văn phòng 2');
    await user.click(screen.getByRole('button', { name: /Bắt đầu/ }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Tổng quan' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('ward-name')).toHaveTextContent('Đảng bộ phường Phúc Lợi'));
    expect(screen.getByTestId('stat-members')).toHaveTextContent('0');
    expect(await screen.findByText('Máy Văn phòng 2')).toBeInTheDocument();
    const wards = await store.db.organizations.toArray();
    expect(wards).toHaveLength(1);
    expect(wards[0]).toMatchObject({ name: 'Đảng bộ phường Phúc Lợi', type: 'ward' });
    expect(wards[0]!.parentId ?? null).toBeNull();
  });
});

describe('dashboard', () => {
  it('counts live from the database and updates when a member is added', async () => {
    await startEmpty(store, 'Đảng bộ phường Phúc Lợi');
    const ward = (await store.db.organizations.toArray())[0]!;
    const branchId = crypto.randomUUID();
    await commit(store, [
      upsert('organizations', [draft(makeOrganization({ id: branchId, parentId: ward.id }))]),
      upsert('members', [
        draft(makeMember({ organizationId: branchId, status: 'official' })),
        draft(makeMember({ organizationId: branchId, status: 'probationary', fullName: 'Trần Thị Bình', sex: 'female' })),
      ]),
    ]);
    render(<App store={store} />);
    await waitFor(() => expect(screen.getByTestId('stat-members')).toHaveTextContent('2'));
    expect(screen.getByTestId('stat-organizations')).toHaveTextContent('1');
    expect(screen.getByTestId('stat-official')).toHaveTextContent('1');
    expect(screen.getByTestId('stat-probationary')).toHaveTextContent('1');
    expect(within(screen.getByTestId('orgs-by-type')).getByText('Chi bộ trực thuộc')).toBeInTheDocument();

    const memberId = crypto.randomUUID();
    await commit(store, [upsert('members', [draft(makeMember({ id: memberId, organizationId: branchId, status: 'exempted' }))])]);
    await waitFor(() => expect(screen.getByTestId('stat-members')).toHaveTextContent('3'));

    // A member in the recycle bin is not counted.
    await commit(store, [{ table: 'members', kind: 'delete', ids: [memberId] }]);
    await waitFor(() => expect(screen.getByTestId('stat-members')).toHaveTextContent('2'));
  });
});

describe('the sidebar', () => {
  it('opens the recycle bin from its own entry, and marks it as the current page', async () => {
    const user = userEvent.setup();
    await startEmpty(store, 'Đảng bộ phường Phúc Lợi');
    render(<App store={store} />);
    const menu = await screen.findByRole('menu');
    await user.click(within(menu).getByText('Thùng rác'));
    expect(await screen.findByRole('heading', { level: 2, name: 'Thùng rác' })).toBeInTheDocument();
    expect(window.location.hash).toBe('#/thung-rac');
    expect(within(menu).getByText('Thùng rác').closest('li')).toHaveClass('ant-menu-item-selected');
  });
});
