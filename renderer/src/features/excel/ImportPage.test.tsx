import { afterEach, beforeEach, describe, expect, it, vi as mock } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import readXlsxFile from 'read-excel-file/universal';
import writeXlsxFile from 'write-excel-file/universal';
import type { PlatformApi, SaveFileRequest } from '@shared/platform';
import { setPlatformForTests } from '../../platform';
import { addMember, findTreeOption, openWard, renderRoutes, type Ward } from '../members/testing';
import { ImportPage } from './ImportPage';
import { MESSY_EXPECT, messyWorkbook } from './messyWorkbook';

let w: Ward;
let saved: SaveFileRequest[];

function fakePlatform(file: { name: string; bytes: Uint8Array }): PlatformApi {
  return {
    openFile: () => Promise.resolve(file),
    saveFile: (request: SaveFileRequest) => {
      saved.push(request);
      return Promise.resolve({ saved: true });
    },
    appInfo: () => Promise.resolve({ version: '0', platform: 'web', dataFolder: '', host: 'browser' }),
    print: mock.fn(() => Promise.resolve()),
    savePdf: mock.fn(() => Promise.resolve({ saved: false })),
  } as unknown as PlatformApi;
}

beforeEach(async () => {
  w = await openWard();
  saved = [];
});
afterEach(() => {
  setPlatformForTests(undefined);
  w.store.close();
  localStorage.clear();
});

const routes = [{ path: '/dang-vien/nhap-excel', element: <ImportPage /> }];

/** Picks an option of a searchable select by typing its label (the option list is virtual). */
async function choose(user: ReturnType<typeof userEvent.setup>, label: string, option: string) {
  await user.click(screen.getByLabelText(label));
  if (!option.startsWith('—')) await user.keyboard(option);
  let found: HTMLElement | undefined;
  // Closed dropdowns stay in the document, hidden: take the option of the open one.
  await waitFor(() => {
    found = [...document.querySelectorAll<HTMLElement>('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')].find(
      (el) => el.title === option,
    );
    if (!found) throw new Error(`Không thấy lựa chọn ${option}.`);
  });
  await user.click(found!);
}

describe('the import wizard', () => {
  it('reads a messy list, shows each problem on its row, imports the good rows and gives back the bad ones', async () => {
    const bytes = await messyWorkbook({ branches: [w.branchA.name, w.branchB.name] });
    setPlatformForTests(fakePlatform({ name: 'Danh sách chi bộ.xlsx', bytes }));
    const user = userEvent.setup({ delay: null });
    renderRoutes(w.store, routes, '/dang-vien/nhap-excel');

    await user.click(await screen.findByRole('button', { name: /Chọn tệp Excel/ }));
    expect(await screen.findByTestId('import-file')).toHaveTextContent('dòng tiêu đề là dòng 5');
    expect(screen.getByText('Ngày sinh – Nam')).toBeInTheDocument();
    // Rows whose “Chi bộ” cell is empty go to the branch chosen here.
    await user.click(screen.getByLabelText('Chi bộ nhận đảng viên'));
    await user.click(await findTreeOption(w.branchA.name));
    await user.click(screen.getByRole('button', { name: /Kiểm tra và xem trước/ }));

    expect(await screen.findByTestId('import-summary')).toHaveTextContent(
      '8 dòng đảng viên: 4 dòng sẽ được nhập, 3 dòng có lỗi, 1 dòng trùng.',
    );
    expect(screen.getByText(/Ngày sinh 31\/02\/1980 không hợp lệ/)).toBeInTheDocument();
    expect(screen.getByText(/Trùng số thẻ đảng viên với dòng 8 của tệp/)).toBeInTheDocument();
    expect(screen.getByText('Đã bỏ qua 4 dòng tổng cộng và chữ ký ở cuối bảng.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /Tải tệp các dòng lỗi/ }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.suggestedName).toBe('Danh-sach-chi-bo-dong-loi.xlsx');
    const [errors] = await readXlsxFile(saved[0]!.bytes.slice().buffer);
    expect(errors!.data.slice(1).map((row) => row[1])).toEqual(['Phạm Thị Hoa', 'Hoàng Văn Minh', 'Vũ Thị Mai']);

    await user.click(screen.getByRole('button', { name: /Nhập 4 đảng viên/ }));
    expect(await screen.findByTestId('import-done')).toHaveTextContent('Đã nhập 4 đảng viên');
    const stored = (await w.store.db.members.toArray()).map((m) => m.fullName as string).sort();
    expect(stored).toEqual([...MESSY_EXPECT.good].sort());
  });

  it('refuses an old .xls with advice and imports nothing', async () => {
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    setPlatformForTests(fakePlatform({ name: 'danh-sach.xls', bytes: xls }));
    const user = userEvent.setup({ delay: null });
    renderRoutes(w.store, routes, '/dang-vien/nhap-excel');
    await user.click(await screen.findByRole('button', { name: /Chọn tệp Excel/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Excel 97–2003 (.xls)');
    expect(screen.getByRole('alert')).toHaveTextContent('Lưu thành');
    expect(await w.store.db.members.count()).toBe(0);
  });

  it('lets the user correct the column mapping; the check waits for a name column and a branch', async () => {
    const blob = await writeXlsxFile([
      ['Họ và tên', 'Ngày sinh', 'Giới tính', 'Năm vào Đảng', 'Số máy'],
      ['Ngô Văn Tài', '12/03/1970', 'Nam', '1995', '0912345678'],
    ]).toBlob();
    setPlatformForTests(fakePlatform({ name: 'ds.xlsx', bytes: new Uint8Array(await blob.arrayBuffer()) }));
    const user = userEvent.setup({ delay: null });
    renderRoutes(w.store, routes, '/dang-vien/nhap-excel');
    await user.click(await screen.findByRole('button', { name: /Chọn tệp Excel/ }));
    const check = () => screen.getByRole('button', { name: /Kiểm tra và xem trước/ });
    // No “Chi bộ” column and no branch chosen: nowhere to put the members yet.
    expect(await screen.findByRole('button', { name: /Kiểm tra và xem trước/ })).toBeDisabled();
    await user.click(screen.getByLabelText('Chi bộ nhận đảng viên'));
    await user.click(await findTreeOption(w.branchB.name));
    expect(check()).toBeEnabled();

    // “Năm vào Đảng” is read as the date of admission; “Số máy” is not a heading it knows.
    expect(screen.getByLabelText('Nhập vào D').closest('.ant-select')).toHaveTextContent('Ngày vào Đảng');
    await choose(user, 'Nhập vào E', 'Điện thoại');
    // Taking the name column away stops the check with a sentence saying why.
    await choose(user, 'Nhập vào A', '— Không nhập —');
    expect(await screen.findByText(/Chưa chọn cột “Họ và tên”/)).toBeInTheDocument();
    expect(check()).toBeDisabled();
    await choose(user, 'Nhập vào A', 'Họ và tên');

    await user.click(check());
    expect(await screen.findByTestId('import-summary')).toHaveTextContent('1 dòng đảng viên: 1 dòng sẽ được nhập');
    await user.click(screen.getByRole('button', { name: /Nhập 1 đảng viên/ }));
    await screen.findByTestId('import-done');
    const [member] = await w.store.db.members.toArray();
    expect(member).toMatchObject({ fullName: 'Ngô Văn Tài', joinedOn: '1995', phone: '0912345678', organizationId: w.branchB.id });
  });

  it('previews what an update changes on each matched member and updates only the rows chosen', async () => {
    const { member: hung } = await addMember(w.store, {
      fullName: 'Nguyễn Văn Hùng',
      partyCardNumber: '10000001',
      organizationId: w.branchA.id,
      birthDate: '1968-03-12',
      joinedOn: '1995-05-19',
      officialOn: '1996-05-19',
      phone: '0912345678',
      occupation: 'Hưu trí',
    });
    const { member: lan } = await addMember(w.store, {
      fullName: 'Trần Thị Lan',
      sex: 'female',
      partyCardNumber: '10000002',
      organizationId: w.branchA.id,
      birthDate: '1975-09-05',
      joinedOn: '2000-02-03',
      officialOn: '2001-02-03',
      occupation: 'Giáo viên',
    });
    const blob = await writeXlsxFile([
      ['Họ và tên', 'Số thẻ ĐV', 'Điện thoại', 'Nghề nghiệp'],
      ['Nguyễn Văn Hùng', '10000001', null, 'Kỹ sư'],
      ['Trần Thị Lan', '10000002', '0987654321', 'Giáo viên'],
    ]).toBlob();
    setPlatformForTests(fakePlatform({ name: 'cap-nhat.xlsx', bytes: new Uint8Array(await blob.arrayBuffer()) }));
    const user = userEvent.setup({ delay: null });
    renderRoutes(w.store, routes, '/dang-vien/nhap-excel');
    await user.click(await screen.findByRole('button', { name: /Chọn tệp Excel/ }));
    await user.click(screen.getByLabelText('Chi bộ nhận đảng viên'));
    await user.click(await findTreeOption(w.branchA.name));
    await user.click(screen.getByRole('button', { name: /Kiểm tra và xem trước/ }));

    // Both rows match a member by card number; by default nothing is imported.
    expect(await screen.findByTestId('import-summary')).toHaveTextContent('2 dòng đảng viên: 0 dòng sẽ được nhập, 0 dòng có lỗi, 2 dòng trùng.');
    expect(screen.getByRole('button', { name: /Nhập 0 đảng viên/ })).toBeDisabled();
    // The change list of the first row: occupation old → new; the empty phone cell keeps the stored number.
    await user.click(screen.getAllByRole('button', { name: /Expand row|Mở rộng/ })[0]!);
    const changes = await screen.findByTestId('changes-2');
    expect(changes).toHaveTextContent('Nghề nghiệp');
    expect(changes).toHaveTextContent('Hưu trí');
    expect(changes).toHaveTextContent('Kỹ sư');
    expect(changes).toHaveTextContent('0912345678');
    expect(changes).toHaveTextContent('(để trống — giữ nguyên)');

    // Update every matched row, then keep the second one out.
    await user.click(screen.getByRole('button', { name: 'Cập nhật tất cả' }));
    expect(screen.getByTestId('import-summary')).toHaveTextContent('2 dòng sẽ được nhập');
    expect(screen.getByRole('button', { name: 'Cập nhật 2 hồ sơ' })).toBeEnabled();
    await choose(user, 'Xử lý 3', 'Bỏ qua');
    expect(screen.getByTestId('import-summary')).toHaveTextContent('1 dòng sẽ được nhập');
    await user.click(screen.getByRole('button', { name: 'Cập nhật 1 hồ sơ' }));
    expect(await screen.findByTestId('import-done')).toHaveTextContent('Đã cập nhật 1 hồ sơ đảng viên');
    expect(screen.getByText(/Cập nhật 1 hồ sơ đã có, bỏ qua 1 dòng trùng/)).toBeInTheDocument();

    expect(await w.store.db.members.get(hung.id)).toMatchObject({ occupation: 'Kỹ sư', phone: '0912345678' });
    expect(await w.store.db.members.get(lan.id)).not.toHaveProperty('phone');
    expect(await w.store.db.members.count()).toBe(2);
  });

  it('offers the other sheets that hold a member list', async () => {
    const blob = await writeXlsxFile([
      { sheet: 'Ghi chú', data: [['Danh sách gửi kèm công văn']] },
      { sheet: 'Chi bộ 1', data: [['Họ và tên', 'Ngày sinh'], ['Ngô Văn Tài', '1970']] },
      { sheet: 'Chi bộ 2', data: [['STT', 'Họ tên', 'NS', 'Ngày vào Đảng'], [1, 'Lê Thị Hà', '1980', '2005']] },
    ]).toBlob();
    setPlatformForTests(fakePlatform({ name: 'ds.xlsx', bytes: new Uint8Array(await blob.arrayBuffer()) }));
    const user = userEvent.setup({ delay: null });
    renderRoutes(w.store, routes, '/dang-vien/nhap-excel');
    await user.click(await screen.findByRole('button', { name: /Chọn tệp Excel/ }));
    expect(await screen.findByTestId('import-file')).toHaveTextContent('trang “Chi bộ 1”');
    await choose(user, 'Trang tính', 'Chi bộ 2');
    expect(await screen.findByTestId('import-file')).toHaveTextContent('trang “Chi bộ 2”');
    expect(screen.getByText('Lê Thị Hà')).toBeInTheDocument();
  });
});
