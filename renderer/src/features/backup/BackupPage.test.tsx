import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DataStore } from '../../db/store';
import { commit, upsert } from '../../db/writePath';
import { renderRoutes, addMember, openWard, type Ward } from '../members/testing';
import { setUpOffice, type OfficeState } from '../sync/office';
import { exportSyncFile } from '../sync/transfer';
import { fakeHost, freshLaptop, GOOD_PASSPHRASE, resetHost, snapshot, type FakeHost } from '../sync/testing';
import { BackupPage } from './BackupPage';
import { takeBackup } from './backups';

vi.setConfig({ testTimeout: 30_000 });

let host: FakeHost;
let a: Ward;
let office: OfficeState;
const stores: DataStore[] = [];

beforeEach(async () => {
  host = fakeHost();
  a = await openWard();
  stores.push(a.store);
  await a.store.setNames({ deviceName: 'Máy Văn phòng 1' });
  for (let i = 0; i < 5; i++) await addMember(a.store, { organizationId: a.branchA.id, fullName: `Phạm Văn Đức ${i + 1}` });
  office = await setUpOffice(a.store, GOOD_PASSPHRASE, GOOD_PASSPHRASE);
});
afterEach(() => {
  cleanup();
  resetHost();
  for (const s of stores.splice(0)) s.close();
});

function renderPage(store: DataStore, onRestored = vi.fn()) {
  renderRoutes(store, [{ path: '/sao-luu', element: <BackupPage onRestored={onRestored} /> }], '/sao-luu');
  return onRestored;
}

const user = () => userEvent.setup({ delay: null });

describe('the "Sao lưu" screen', () => {
  it('backs up now and lists the backup with its time, kind, reason, contents and size', async () => {
    renderPage(a.store);
    expect(await screen.findByText('Chưa có bản sao lưu nào trên máy này.')).toBeInTheDocument();
    await user().click(screen.getByRole('button', { name: /Sao lưu ngay/ }));
    expect(await screen.findByText(/^Đã sao lưu: QLDV-sao-luu-.*-thu-cong\.qldv$/, {}, { timeout: 10_000 })).toBeInTheDocument();
    const row = (await screen.findByText('Sao lưu do người dùng tạo')).closest('tr')!;
    expect(within(row).getByText('Thủ công')).toBeInTheDocument();
    expect(within(row).getByText('5 đảng viên, 3 tổ chức, 10 sự kiện')).toBeInTheDocument();
    expect(within(row).getByText(/^\d\d\/\d\d\/\d{4} \d\d:\d\d$/)).toBeInTheDocument();
    expect(within(row).getByText(/KB$/)).toBeInTheDocument();
    expect(await host.backups.list()).toHaveLength(1);
  });

  it('shows an automatic backup before an import with the laptop it came from', async () => {
    await takeBackup(a.store, office, { reason: 'beforeImport', note: 'Máy Văn phòng 2', appVersion: 'test', backups: host.backups });
    renderPage(a.store);
    const row = (await screen.findByText('Trước khi nhập tệp từ Máy Văn phòng 2')).closest('tr')!;
    expect(within(row).getByText('Tự động')).toBeInTheDocument();
  });

  it('saves a backup to a file the user chooses (a USB stick)', async () => {
    const entry = await takeBackup(a.store, office, { reason: 'manual', appVersion: 'test', backups: host.backups });
    host.saveResult = { saved: true, path: 'E:\\QLDV-sao-luu.qldv' };
    renderPage(a.store);
    await user().click(await screen.findByRole('button', { name: /Lưu ra tệp/ }));
    expect(await screen.findByText('Đã lưu bản sao lưu ra E:\\QLDV-sao-luu.qldv.')).toBeInTheDocument();
    expect(host.saved).toHaveLength(1);
    expect(host.saved[0]!.suggestedName).toBe(entry.name);
    expect(host.saved[0]!.bytes).toEqual(await host.backups.read({ name: entry.name }));
  });

  it('deletes a backup after asking', async () => {
    await takeBackup(a.store, office, { reason: 'manual', appVersion: 'test', backups: host.backups });
    renderPage(a.store);
    const u = user();
    await u.click(await screen.findByRole('button', { name: 'Xóa' }));
    expect(await screen.findByText('Xóa bản sao lưu này khỏi máy?')).toBeInTheDocument();
    expect(await host.backups.list()).toHaveLength(1);
    const dialog = screen.getByText('Xóa bản sao lưu này khỏi máy?').closest<HTMLElement>('.ant-popover')!;
    await u.click(within(dialog).getByRole('button', { name: 'Xóa' }));
    expect(await screen.findByText('Chưa có bản sao lưu nào trên máy này.')).toBeInTheDocument();
    expect(await host.backups.list()).toHaveLength(0);
    expect(await a.store.getMeta('backupCatalog')).toEqual([]);
  });

  it('restores from the list after showing what the backup holds and the typed word, then reloads', async () => {
    await takeBackup(a.store, office, { reason: 'manual', appVersion: 'test', backups: host.backups });
    const [first] = await a.store.db.members.toArray();
    await commit(a.store, [upsert('members', [{ id: first!.id, fullName: 'Tên đã sửa sau sao lưu' }])]);
    const onRestored = renderPage(a.store);
    const u = user();
    await u.click(await screen.findByRole('button', { name: 'Khôi phục' }));
    expect(await screen.findByText(/Bản sao lưu này chứa/, {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByText('Máy Văn phòng 1')).toBeInTheDocument();
    expect(screen.getByText('Đảng bộ phường Phúc Lợi')).toBeInTheDocument();
    const start = screen.getByRole('button', { name: 'Khôi phục' });
    expect(start).toBeDisabled();
    await u.type(screen.getByLabelText('Ô xác nhận khôi phục'), 'khôi phục');
    expect(start).toBeEnabled();
    await u.click(start);
    await waitFor(() => expect(onRestored).toHaveBeenCalledOnce(), { timeout: 10_000 });
    expect((await a.store.db.members.get(first!.id))!.fullName).toBe(first!.fullName);
    // The state before the restore was backed up automatically.
    expect((await host.backups.list()).some((f) => f.name.endsWith('-tu-dong.qldv'))).toBe(true);
  });

  it('refuses a sync file chosen to restore from, with a Vietnamese reason, changing nothing', async () => {
    const file = await exportSyncFile(a.store, office, { appVersion: 'test' });
    host.toOpen.push({ name: file.fileName, bytes: file.bytes });
    const before = await snapshot(a.store);
    renderPage(a.store);
    await user().click(await screen.findByRole('button', { name: /Khôi phục từ tệp/ }));
    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
    expect(alert).toHaveTextContent('Không khôi phục được bản sao lưu này');
    expect(alert).toHaveTextContent('Tệp này là tệp đồng bộ, không phải bản sao lưu.');
    expect(alert).toHaveTextContent('Dữ liệu trên máy không thay đổi.');
    expect(await snapshot(a.store)).toBe(before);
  });

  it('on a laptop without the office key: cannot back up, but restores a backup file with the passphrase', async () => {
    const entry = await takeBackup(a.store, office, { reason: 'manual', appVersion: 'test', backups: host.backups });
    const bytes = await host.backups.read({ name: entry.name });
    const fresh = await freshLaptop('Máy mới');
    stores.push(fresh);
    host.toOpen.push({ name: entry.name, bytes });
    const onRestored = renderPage(fresh);
    const u = user();
    expect(await screen.findByText(/Hãy thiết lập hoặc tham gia văn phòng/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Sao lưu ngay/ })).toBeDisabled();
    await u.click(screen.getByRole('button', { name: /Khôi phục từ tệp/ }));
    await u.type(await screen.findByLabelText('Mật khẩu văn phòng', {}, { timeout: 10_000 }), 'không phải mật khẩu này');
    await u.click(screen.getByRole('button', { name: 'Mở bản sao lưu' }));
    expect(await screen.findByText('Mật khẩu văn phòng không đúng.', {}, { timeout: 10_000 })).toBeInTheDocument();
    await u.clear(screen.getByLabelText('Mật khẩu văn phòng'));
    await u.type(screen.getByLabelText('Mật khẩu văn phòng'), GOOD_PASSPHRASE);
    await u.click(screen.getByRole('button', { name: 'Mở bản sao lưu' }));
    await u.type(await screen.findByLabelText('Ô xác nhận khôi phục', {}, { timeout: 10_000 }), 'KHÔI PHỤC');
    await u.click(screen.getByRole('button', { name: 'Khôi phục' }));
    await waitFor(() => expect(onRestored).toHaveBeenCalledOnce(), { timeout: 10_000 });
    expect(await fresh.db.members.count()).toBe(5);
    expect(await fresh.getMeta('officeKeyId')).toBe(office.keyId);
  });
});
