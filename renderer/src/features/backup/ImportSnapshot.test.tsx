/** "Nhập tệp đồng bộ" takes an automatic backup after the user confirms and before any write. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DataStore } from '../../db/store';
import { commit, upsert } from '../../db/writePath';
import { addMember, openWard, type Ward } from '../members/testing';
import { joinOffice, readOffice, setUpOffice } from '../sync/office';
import { exportSyncFile } from '../sync/transfer';
import { fakeHost, freshLaptop, GOOD_PASSPHRASE, renderSync, resetHost, snapshot, type FakeHost } from '../sync/testing';
import { listBackups, openBackup } from './backups';

vi.setConfig({ testTimeout: 30_000 });

let host: FakeHost;
let a: Ward;
let b: DataStore;
let memberId: string;
const stores: DataStore[] = [];

beforeEach(async () => {
  host = fakeHost();
  a = await openWard();
  stores.push(a.store);
  await a.store.setNames({ deviceName: 'Máy Văn phòng 1' });
  memberId = (await addMember(a.store, { organizationId: a.branchA.id, fullName: 'Hoàng Thị Lan' })).member.id;
  await setUpOffice(a.store, GOOD_PASSPHRASE, GOOD_PASSPHRASE);
  b = await freshLaptop('Máy Văn phòng 2');
  stores.push(b);
  const office = (await readOffice(a.store))!;
  await joinOffice(b, (await exportSyncFile(a.store, office, { appVersion: 'test' })).bytes, GOOD_PASSPHRASE);
  await commit(a.store, [upsert('members', [{ id: memberId, phone: '0912000111' }])]);
});
afterEach(() => {
  cleanup();
  resetHost();
  for (const s of stores.splice(0)) s.close();
});

async function chooseAndImport() {
  const office = (await readOffice(a.store))!;
  const file = await exportSyncFile(a.store, office, { appVersion: 'test' });
  host.toOpen.push({ name: file.fileName, bytes: file.bytes });
  const user = userEvent.setup({ delay: null });
  renderSync(b);
  await user.click(await screen.findByRole('tab', { name: /^Nhập tệp đồng bộ/ }));
  await user.click(await screen.findByRole('button', { name: /Chọn tệp đồng bộ/ }));
  expect(await screen.findByText(/phần mềm tự sao lưu dữ liệu hiện tại/, {}, { timeout: 10_000 })).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Nhập' }));
}

describe('import takes a snapshot first', () => {
  it('backs up the laptop as it was before the file, then imports', async () => {
    const officeB = (await readOffice(b))!;
    await chooseAndImport();
    expect(await screen.findByText('Đã nhập tệp đồng bộ', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect((await b.db.members.get(memberId))!.phone).toBe('0912000111');
    const [item] = await listBackups(b, host.backups);
    expect(item).toMatchObject({ kind: 'auto', entry: { reason: 'beforeImport', note: 'Máy Văn phòng 1' } });
    const opened = await openBackup(await host.backups.read({ name: item!.name }), { office: officeB });
    expect(opened.content.tables.members.find((m) => m.id === memberId)!.phone).toBeUndefined();
  });

  it('does not import when the backup fails, and says why', async () => {
    host.backups.write = () => Promise.reject(new Error('Không ghi được bản sao lưu: ổ đĩa đã đầy.'));
    const before = await snapshot(b);
    await chooseAndImport();
    const message = await screen.findByText(/^Không sao lưu được dữ liệu trước khi nhập, nên tệp chưa được nhập\./, {}, { timeout: 10_000 });
    expect(message).toHaveTextContent('Lý do: Không ghi được bản sao lưu: ổ đĩa đã đầy.');
    expect(screen.queryByText('Đã nhập tệp đồng bộ')).not.toBeInTheDocument();
    expect(await snapshot(b)).toBe(before);
    expect((await b.db.members.get(memberId))!.phone).toBeUndefined();
  });
});
