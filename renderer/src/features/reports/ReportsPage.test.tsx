import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlatformApi } from '@shared/platform';
import { formatDateVi, todayIso } from '@shared/domain/dates';
import { setPlatformForTests } from '../../platform';
import { createBrowserBackupStore } from '../../platform/browserBackups';
import { addMember, openWard, renderRoutes, type Ward } from '../members/testing';
import { ReportsPage } from './ReportsPage';

let ward: Ward;
let platform: PlatformApi & { savePdf: ReturnType<typeof vi.fn>; print: ReturnType<typeof vi.fn> };

beforeEach(async () => {
  ward = await openWard();
  await addMember(ward.store, {
    fullName: 'Nguyễn Thị Hoa',
    sex: 'female',
    organizationId: ward.branchA.id,
    birthDate: '1970-03-02',
  });
  await addMember(ward.store, { fullName: 'Trần Văn Bình', organizationId: ward.branchB.id });
  await addMember(ward.store, { fullName: 'Vũ Đức An', organizationId: ward.branchB.id, status: 'deceased' });
  platform = {
    backups: createBrowserBackupStore(`reports-test-${crypto.randomUUID()}`),
    saveFile: vi.fn(),
    openFile: vi.fn(),
    appInfo: vi.fn(),
    print: vi.fn(() => Promise.resolve()),
    savePdf: vi.fn(() => Promise.resolve({ saved: true, path: 'D:\\Bao cao\\Danh-sach.pdf' })),
  };
  setPlatformForTests(platform);
});
afterEach(() => {
  setPlatformForTests(undefined);
  ward.store.close();
});

const page = (path = '/bao-cao') =>
  renderRoutes(ward.store, [{ path: '/bao-cao', element: <ReportsPage /> }], path);

describe('the reports page', () => {
  it('previews the member list of the ward on an A4 sheet in the Decree 30 layout', async () => {
    page();
    const sheet = await screen.findByTestId('a4-sheet');
    expect(sheet).toHaveTextContent('ĐẢNG ỦY PHƯỜNG PHÚC LỢI');
    expect(sheet).toHaveTextContent('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(sheet).toHaveTextContent(/Phúc Lợi, ngày \d{2} tháng \d{1,2} năm \d{4}/);
    expect(sheet).toHaveTextContent(/Số\s+-DS\/ĐU/);
    expect(sheet).toHaveTextContent('DANH SÁCH ĐẢNG VIÊN ĐẢNG BỘ PHƯỜNG PHÚC LỢI');
    expect(sheet).toHaveTextContent('T/M ĐẢNG ỦY');
    const table = within(sheet).getByTestId('member-list-table');
    await waitFor(() => expect(within(table).getByText('Nguyễn Thị Hoa')).toBeInTheDocument());
    expect(within(table).getByText('Trần Văn Bình')).toBeInTheDocument();
    expect(within(table).getByText('02/03/1970')).toBeInTheDocument();
    // Grouped by organization, in tree order; a member who has died is not on the list.
    expect(within(table).getByText('Chi bộ Tổ dân phố số 1 (1)')).toBeInTheDocument();
    expect(within(table).queryByText('Vũ Đức An')).toBeNull();
  });

  it('saves the sheet as a PDF through the platform and says where it went', async () => {
    const user = userEvent.setup();
    page();
    await screen.findByTestId('member-list-table');
    await user.type(screen.getByLabelText('Số báo cáo'), '12');
    expect(screen.getByTestId('a4-sheet')).toHaveTextContent('Số 12-DS/ĐU');
    await user.click(screen.getByRole('button', { name: /Lưu PDF/ }));
    await waitFor(() => expect(platform.savePdf).toHaveBeenCalledOnce());
    expect(platform.savePdf).toHaveBeenCalledWith({
      suggestedName: expect.stringMatching(/^Danh-sach-dang-vien-\d{4}-\d{2}-\d{2}\.pdf$/),
    });
    expect(await screen.findByText(/Đã lưu tệp PDF: D:\\Bao cao\\Danh-sach\.pdf/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /In$/ }));
    expect(platform.print).toHaveBeenCalledOnce();
  });

  it('says so in Vietnamese when the PDF cannot be saved', async () => {
    platform.savePdf.mockRejectedValueOnce(new Error('Không ghi được tệp "a.pdf".'));
    const user = userEvent.setup();
    page();
    await screen.findByTestId('member-list-table');
    await user.click(screen.getByRole('button', { name: /Lưu PDF/ }));
    expect(await screen.findByText(/Không lưu được tệp PDF: Không ghi được tệp/)).toBeInTheDocument();
  });

  it('opens the statistics report of an organization from the link of the statistics page', async () => {
    page(`/bao-cao?loai=statistics&to-chuc=${ward.branchB.id}&ngay=${todayIso()}`);
    const sheet = await screen.findByTestId('a4-sheet');
    expect(sheet).toHaveTextContent('BÁO CÁO THỐNG KÊ ĐẢNG VIÊN CHI BỘ TỔ DÂN PHỐ SỐ 2');
    expect(sheet).toHaveTextContent(`(tính đến ngày ${formatDateVi(todayIso())})`);
    await waitFor(() => expect(sheet).toHaveTextContent(/Chi bộ Tổ dân phố số 2 có tổng số 1 đảng viên/));
    expect(sheet).toHaveTextContent('-BC/ĐU');
  });

  it('prints the organization list with each organization’s members, and a member’s file sheet', async () => {
    const user = userEvent.setup();
    page('/bao-cao?loai=organizationList');
    const table = await screen.findByTestId('org-list-table');
    await waitFor(() =>
      expect(within(table).getByRole('row', { name: /Chi bộ Tổ dân phố số 1/ })).toHaveTextContent(/1$/),
    );
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    await user.click(screen.getByLabelText('Loại báo cáo'));
    await user.click(await screen.findByTitle('Phiếu đảng viên'));
    expect(screen.getByText('Hãy chọn một đảng viên để in phiếu.')).toBeInTheDocument();
    await user.click(screen.getByLabelText('Đảng viên'));
    await user.type(screen.getByLabelText('Đảng viên'), 'hoa');
    await user.click(await screen.findByTitle('Nguyễn Thị Hoa (02/03/1970)'));
    const fields = await screen.findByTestId('member-file-fields');
    expect(fields).toHaveTextContent('NGUYỄN THỊ HOA');
    expect(screen.getByTestId('a4-sheet')).toHaveTextContent('Kết nạp');
  });
});
