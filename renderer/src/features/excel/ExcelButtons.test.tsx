import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import readXlsxFile from 'read-excel-file/universal';
import type { Member } from '@shared/domain/types';
import type { PlatformApi, SaveFileRequest } from '@shared/platform';
import { AntProviders } from '../../app/App';
import { StoreProvider } from '../../app/StoreContext';
import { setPlatformForTests } from '../../platform';
import { addMember, openWard, type Ward } from '../members/testing';
import { OrganizationsExcelButton, RegisterExcelButtons } from './ExcelButtons';
import { emptyCounts } from '@shared/domain/orgCounts';
import type { Organization } from '@shared/domain/types';

let w: Ward;
let saved: SaveFileRequest[];

beforeEach(async () => {
  w = await openWard();
  saved = [];
  setPlatformForTests({
    openFile: () => Promise.resolve(null),
    saveFile: (request: SaveFileRequest) => {
      saved.push(request);
      return Promise.resolve({ saved: true });
    },
  } as unknown as PlatformApi);
});
afterEach(() => {
  setPlatformForTests(undefined);
  w.store.close();
});

function renderButtons(members: Member[]) {
  const router = createMemoryRouter(
    [
      {
        path: '/dang-vien',
        element: (
          <RegisterExcelButtons
            members={members}
            columns={[
              { key: 'fullName', title: 'Họ và tên' },
              { key: 'joinedOn', title: 'Ngày vào Đảng' },
            ]}
            scope={{ total: 5, organizationId: w.branchA.id }}
          />
        ),
      },
      { path: '/dang-vien/nhap-excel', element: <p>trang nhập</p> },
    ],
    { initialEntries: ['/dang-vien'] },
  );
  render(
    <AntProviders>
      <StoreProvider value={w.store}>
        <RouterProvider router={router} />
      </StoreProvider>
    </AntProviders>,
  );
}

describe('the register’s Excel buttons', () => {
  it('export the list on screen with its columns, under the branch’s name', async () => {
    const { member } = await addMember(w.store, { fullName: 'Nguyễn Văn An', organizationId: w.branchA.id });
    const user = userEvent.setup({ delay: null });
    renderButtons([member]);
    await user.click(screen.getByTestId('register-export'));
    await user.click(await screen.findByText('Danh sách đang hiển thị (các cột đã chọn)'));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.suggestedName).toMatch(/^danh-sach-dang-vien-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const [sheet] = await readXlsxFile(saved[0]!.bytes.slice().buffer);
    expect(sheet!.data[1]![0]).toBe(w.branchA.name);
    expect(sheet!.data.find((row) => row[0] === 1)).toEqual([1, 'Nguyễn Văn An', new Date(Date.UTC(1990, 4, 19))]);
    expect(await screen.findByText(/Đã xuất tệp danh-sach-dang-vien/)).toBeInTheDocument();
  });

  it('say so, and save nothing, when the list is empty', async () => {
    const user = userEvent.setup({ delay: null });
    renderButtons([]);
    await user.click(screen.getByTestId('register-export'));
    await user.click(await screen.findByText('Sổ danh sách đảng viên (mẫu 7-HSĐV)'));
    expect(await screen.findByText('Danh sách trống: không có gì để xuất.')).toBeInTheDocument();
    expect(saved).toHaveLength(0);
  });

  it('open the import wizard', async () => {
    const user = userEvent.setup({ delay: null });
    renderButtons([]);
    await user.click(screen.getByRole('button', { name: /Nhập từ Excel/ }));
    expect(await screen.findByText('trang nhập')).toBeInTheDocument();
  });

  it('the organization page’s button exports the tree with the counts shown', async () => {
    const user = userEvent.setup({ delay: null });
    const organizations = [w.ward, w.branchA, w.branchB] as Organization[];
    const counts = new Map([
      [w.ward.id, { ...emptyCounts(), official: 5, total: 5 }],
      [w.branchA.id, { ...emptyCounts(), official: 5, total: 5 }],
    ]);
    render(
      <AntProviders>
        <StoreProvider value={w.store}>
          <OrganizationsExcelButton organizations={organizations} counts={counts} asOf="2026-11-26" />
        </StoreProvider>
      </AntProviders>,
    );
    await user.click(screen.getByTestId('organizations-export'));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.suggestedName).toBe('to-chuc-dang-2026-11-26.xlsx');
    const [sheet] = await readXlsxFile(saved[0]!.bytes.slice().buffer);
    expect(sheet!.data[2]![0]).toBe('Tính đến ngày 26/11/2026');
    const header = sheet!.data.findIndex((row) => row[0] === 'STT');
    expect(sheet!.data.slice(header + 1).map((row) => row[4])).toEqual([5, 5, 0]);
  });
});
