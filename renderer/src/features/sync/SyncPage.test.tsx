import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readBundle, unlockOfficeKey, type WrappedOfficeKey } from '@shared/sync/bundle';
import { SYNC_SCHEMA_VERSION } from '@shared/sync/mergeBundle';
import type { DataStore } from '../../db/store';
import { dataDigest, readSyncState } from '../../db/sync';
import { commit, upsert, type Draft } from '../../db/writePath';
import { openDataStore } from '../../db/store';
import { wardRecord } from '../onboarding/setup';
import { addMember, openWard, type Ward } from '../members/testing';
import { joinOffice, readOffice, setUpOffice } from './office';
import { exportSyncFile } from './transfer';
import {
  fakeHost,
  freshLaptop,
  GOOD_PASSPHRASE,
  renderSync,
  resetHost,
  snapshot,
  type FakeHost,
} from './testing';

let host: FakeHost;
let a: Ward;
const stores: DataStore[] = [];

beforeEach(async () => {
  host = fakeHost();
  a = await openWard();
  await a.store.setNames({ deviceName: 'Máy Văn phòng 1' });
  stores.push(a.store);
});
afterEach(() => {
  cleanup();
  resetHost();
  for (const s of stores.splice(0)) s.close();
});

async function laptop(deviceName: string): Promise<DataStore> {
  const store = await freshLaptop(deviceName);
  stores.push(store);
  return store;
}

async function fileFrom(store: DataStore, peerNodeId?: string): Promise<{ name: string; bytes: Uint8Array }> {
  const office = (await readOffice(store))!;
  const file = await exportSyncFile(store, office, {
    appVersion: 'test',
    ...(peerNodeId ? { peerNodeId } : {}),
  });
  return { name: file.fileName, bytes: file.bytes };
}

/** The ward on A with ten members, the office set up on A, and B joined from A's full file. */
async function office(): Promise<{ b: DataStore; members: string[] }> {
  const members: string[] = [];
  for (let i = 0; i < 10; i += 1) {
    const { member } = await addMember(a.store, {
      organizationId: a.branchA.id,
      fullName: `Trần Thị Mai ${i + 1}`,
    });
    members.push(member.id);
  }
  await setUpOffice(a.store, GOOD_PASSPHRASE, GOOD_PASSPHRASE);
  const b = await laptop('Máy Văn phòng 2');
  await joinOffice(b, (await fileFrom(a.store)).bytes, GOOD_PASSPHRASE);
  return { b, members };
}

async function openTab(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(await screen.findByRole('tab', { name: new RegExp(`^${name}`) }));
}

describe('office set-up', () => {
  it('sets up the office under the ward name after the passphrase is typed twice, keeping a key nobody can read', async () => {
    const user = userEvent.setup({ delay: null });
    renderSync(a.store);
    expect(await screen.findByText('Đảng bộ phường Phúc Lợi')).toBeInTheDocument();

    await user.type(
      screen.getByLabelText('Mật khẩu văn phòng', { selector: '#officeSetUp_passphrase' }),
      GOOD_PASSPHRASE,
    );
    await user.type(screen.getByLabelText('Nhập lại mật khẩu'), `${GOOD_PASSPHRASE}!`);
    await user.click(await screen.findByRole('button', { name: 'Thiết lập văn phòng' }));
    expect(await screen.findByText('Hai lần nhập mật khẩu không giống nhau.')).toBeInTheDocument();
    expect(await readOffice(a.store)).toBeNull();

    await user.clear(screen.getByLabelText('Mật khẩu văn phòng', { selector: '#officeSetUp_passphrase' }));
    await user.type(
      screen.getByLabelText('Mật khẩu văn phòng', { selector: '#officeSetUp_passphrase' }),
      '1234567890',
    );
    await user.click(await screen.findByRole('button', { name: 'Thiết lập văn phòng' }));
    expect(
      await screen.findByText(/Mật khẩu văn phòng/, { selector: '.ant-alert-title' }),
    ).toBeInTheDocument();
    expect(await readOffice(a.store)).toBeNull();

    await user.clear(screen.getByLabelText('Mật khẩu văn phòng', { selector: '#officeSetUp_passphrase' }));
    await user.clear(screen.getByLabelText('Nhập lại mật khẩu'));
    await user.type(
      screen.getByLabelText('Mật khẩu văn phòng', { selector: '#officeSetUp_passphrase' }),
      GOOD_PASSPHRASE,
    );
    await user.type(screen.getByLabelText('Nhập lại mật khẩu'), GOOD_PASSPHRASE);
    await user.click(await screen.findByRole('button', { name: 'Thiết lập văn phòng' }));
    await waitFor(async () => expect(await readOffice(a.store)).not.toBeNull());
    const office = (await readOffice(a.store))!;
    expect(office.officeKey.extractable).toBe(false);
    expect(office.wrapped.keyId).toBe(office.keyId);
    expect(JSON.stringify(await a.store.db.meta.toArray())).not.toContain('mùng 5');
    // The page moves to the status of this laptop.
    expect(await screen.findByText(a.store.identity.nodeId)).toBeInTheDocument();
  });

  it('exports a full file named after the laptop, and a new laptop joins the office from it', async () => {
    for (let i = 0; i < 3; i += 1)
      await addMember(a.store, { organizationId: a.branchA.id, fullName: `Lê Văn Bình ${i}` });
    await setUpOffice(a.store, GOOD_PASSPHRASE, GOOD_PASSPHRASE);
    const user = userEvent.setup({ delay: null });
    renderSync(a.store);
    await openTab(user, 'Xuất tệp đồng bộ');
    await user.click(await screen.findByRole('button', { name: /Xuất tệp đồng bộ/ }));
    await waitFor(() => expect(host.saved).toHaveLength(1));
    const saved = host.saved[0]!;
    expect(saved.suggestedName).toMatch(/^QLDV-May-Van-phong-1-\d{4}-\d{2}-\d{2}\.qldv$/);
    expect(await screen.findByText(/Đã xuất tệp QLDV-May-Van-phong-1/)).toBeInTheDocument();
    cleanup();

    const b = await laptop('Máy Văn phòng 2');
    const before = await snapshot(b);
    const ownDataset = b.identity.datasetId;
    renderSync(b);
    host.toOpen.push({ name: saved.suggestedName, bytes: saved.bytes });
    await user.click(await screen.findByRole('button', { name: /Chọn tệp đồng bộ/ }));
    expect(await screen.findByText(`Tệp đã chọn: ${saved.suggestedName}`)).toBeInTheDocument();
    await user.type(
      screen.getByLabelText('Mật khẩu văn phòng', { selector: '#sync-join-passphrase' }),
      'Chi bộ họp ngày mùng 6',
    );
    await user.click(await screen.findByRole('button', { name: 'Tham gia văn phòng' }));
    expect(await screen.findByText('Mật khẩu văn phòng không đúng.')).toBeInTheDocument();
    expect(await snapshot(b)).toBe(before);
    expect(b.identity.datasetId).toBe(ownDataset);

    await user.clear(screen.getByLabelText('Mật khẩu văn phòng', { selector: '#sync-join-passphrase' }));
    await user.type(
      screen.getByLabelText('Mật khẩu văn phòng', { selector: '#sync-join-passphrase' }),
      GOOD_PASSPHRASE,
    );
    await user.click(await screen.findByRole('button', { name: 'Tham gia văn phòng' }));
    expect(await screen.findByText(/Đã tham gia văn phòng Đảng bộ phường Phúc Lợi/)).toBeInTheDocument();
    expect(b.identity.datasetId).toBe(a.store.identity.datasetId);
    expect(await b.getMeta('datasetId')).toBe(a.store.identity.datasetId);
    expect(await b.db.members.count()).toBe(3);
    // The untouched first-run ward of B gave way to the office's.
    expect((await b.db.organizations.toArray()).map((o) => o.name).sort()).toEqual(
      (await a.store.db.organizations.toArray()).map((o) => o.name).sort(),
    );
    expect((await readOffice(b))!.keyId).toBe((await readOffice(a.store))!.keyId);
    expect(await dataDigest(b)).toBe(await dataDigest(a.store));
  });

  it('does not let a laptop with its own members join, and says why', async () => {
    await addMember(a.store, { organizationId: a.branchA.id });
    const user = userEvent.setup({ delay: null });
    renderSync(a.store);
    expect(await screen.findByText('Máy này không thể tham gia văn phòng')).toBeInTheDocument();
    expect(screen.getByText(/Máy này đã có 1 đảng viên trong dữ liệu riêng/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Tham gia văn phòng' })).toBeNull();
    await openTab(user, 'Nhập tệp đồng bộ');
    expect(
      await screen.findByText('Hãy thiết lập hoặc tham gia văn phòng trước khi nhập tệp đồng bộ.'),
    ).toBeInTheDocument();
  });

  it('changes the passphrase: a wrong current one is refused, the key stays the same', async () => {
    await setUpOffice(a.store, GOOD_PASSPHRASE, GOOD_PASSPHRASE);
    const keyId = (await readOffice(a.store))!.keyId;
    const user = userEvent.setup({ delay: null });
    renderSync(a.store);
    await openTab(user, 'Văn phòng');
    const next = 'Họp chi bộ vào tối thứ Năm';
    await user.type(await screen.findByLabelText('Mật khẩu hiện tại'), 'Sai mật khẩu rồi nhé');
    await user.type(screen.getByLabelText('Mật khẩu mới'), next);
    await user.type(screen.getByLabelText('Nhập lại mật khẩu mới'), next);
    await user.click(await screen.findByRole('button', { name: 'Đổi mật khẩu' }));
    expect(await screen.findByText('Mật khẩu văn phòng không đúng.')).toBeInTheDocument();

    await user.clear(screen.getByLabelText('Mật khẩu hiện tại'));
    await user.type(screen.getByLabelText('Mật khẩu hiện tại'), GOOD_PASSPHRASE);
    await user.click(await screen.findByRole('button', { name: 'Đổi mật khẩu' }));
    expect(await screen.findByText('Đã đổi mật khẩu văn phòng.')).toBeInTheDocument();
    const wrapped = (await a.store.getMeta<WrappedOfficeKey>('officeKeyWrapped'))!;
    expect((await unlockOfficeKey(wrapped, next)).keyId).toBe(keyId);
    await expect(unlockOfficeKey(wrapped, GOOD_PASSPHRASE)).rejects.toThrow('Mật khẩu văn phòng không đúng.');
  });
});

describe('saving the exported file', () => {
  it('asks for the USB stick, then says where the file went and that it was read back; a download says only that', async () => {
    await setUpOffice(a.store, GOOD_PASSPHRASE, GOOD_PASSPHRASE);
    const user = userEvent.setup({ delay: null });
    renderSync(a.store);
    await openTab(user, 'Xuất tệp đồng bộ');
    const exportOnce = async () =>
      user.click(await screen.findByRole('button', { name: /Xuất tệp đồng bộ/ }));

    host.saveResult = { saved: true, path: 'E:\\QLDV-May-Van-phong-1-2026-11-26.qldv', verified: true };
    await exportOnce();
    expect(
      await screen.findByText('Đã ghi và kiểm tra tệp: E:\\QLDV-May-Van-phong-1-2026-11-26.qldv'),
    ).toBeInTheDocument();
    expect(host.saved[0]).toMatchObject({
      preferRemovableDrive: true,
      filters: [{ extensions: ['qldv'] }],
    });

    host.saveResult = { saved: true, viaDownload: true };
    await exportOnce();
    expect(await screen.findByText(/^Đã tải tệp xuống\./)).toBeInTheDocument();
    expect(screen.queryByText(/Đã ghi và kiểm tra tệp/)).toBeNull();

    host.saveResult = { saved: false };
    await exportOnce();
    expect(await screen.findByText('Đã hủy lưu tệp.')).toBeInTheDocument();
    expect(screen.queryByText(/Đã tải tệp xuống/)).toBeNull();
    expect(host.saved).toHaveLength(3);
  });
});

describe('import', () => {
  it('previews field changes, deletions and conflicts, asks for "XÓA", imports, and the conflict can be settled', async () => {
    const { b, members } = await office();
    const [first, second] = members as [string, string];
    await commit(a.store, [
      upsert('members', [{ id: first, phone: '0911111111', notes: 'Ghi chú của máy 1' }]),
    ]);
    await commit(a.store, [{ table: 'members', kind: 'delete', ids: [second] }]);
    await new Promise((r) => setTimeout(r, 5));
    await commit(b, [
      upsert('members', [{ id: first, workplace: 'Trường Tiểu học Phúc Lợi', notes: 'Ghi chú của máy 2' }]),
    ]);
    const file = await fileFrom(a.store);
    const before = await snapshot(b);

    const user = userEvent.setup({ delay: null });
    renderSync(b);
    await openTab(user, 'Nhập tệp đồng bộ');
    host.toOpen.push(file);
    await user.click(await screen.findByRole('button', { name: /Chọn tệp đồng bộ/ }));
    const preview = await screen.findByTestId('sync-preview', {}, { timeout: 10_000 });
    expect(within(preview).getByText('Máy Văn phòng 1')).toBeInTheDocument();
    // Changed field by field, with Vietnamese labels and old → new.
    expect(within(preview).getByText('Điện thoại')).toBeInTheDocument();
    expect(within(preview).getByText('0911111111')).toBeInTheDocument();
    expect(within(preview).getByText(/Sẽ bị xóa/)).toBeInTheDocument();
    expect(within(preview).getByText('Trần Thị Mai 2')).toBeInTheDocument();
    expect(within(preview).getByText('Xung đột (1)')).toBeInTheDocument();
    expect(await snapshot(b)).toBe(before);

    // One member of ten deleted (over 5%): the import waits for the typed word.
    const importButton = screen.getByRole('button', { name: 'Nhập' });
    expect(importButton).toBeDisabled();
    await user.type(screen.getByLabelText('Gõ chữ xác nhận'), 'xóa');
    expect(importButton).toBeEnabled();
    await user.click(importButton);
    expect(await screen.findByText('Đã nhập tệp đồng bộ', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByText(/xung đột 1/)).toBeInTheDocument();
    const merged = (await b.db.members.get(first))!;
    expect(merged.phone).toBe('0911111111');
    expect(merged.workplace).toBe('Trường Tiểu học Phúc Lợi');
    expect(merged.notes).toBe('Ghi chú của máy 2');
    expect((await b.db.members.get(second))!.deleted).toBe(1);

    await user.click(screen.getByRole('button', { name: 'Xem xung đột' }));
    const conflict = await screen.findByTestId('sync-conflict');
    expect(within(conflict).getByText('Đảng viên: Trần Thị Mai 1')).toBeInTheDocument();
    expect(within(conflict).getByText('Ghi chú')).toBeInTheDocument();
    expect(within(conflict).getByText('Ghi chú của máy 1')).toBeInTheDocument();
    expect(within(conflict).getByText('Ghi chú của máy 2')).toBeInTheDocument();
    expect(within(conflict).getByText(/^Máy Văn phòng 1, \d\d\/\d\d\/\d{4}/)).toBeInTheDocument();
    expect(within(conflict).getByText(/^Máy Văn phòng 2, \d\d\/\d\d\/\d{4}/)).toBeInTheDocument();
    await user.click(within(conflict).getByRole('button', { name: 'Giữ giá trị này' }));
    expect(await screen.findByText('Không có xung đột nào cần xem.')).toBeInTheDocument();
    expect((await b.db.members.get(first))!.notes).toBe('Ghi chú của máy 1');
    expect(await b.db.syncConflicts.where('resolved').equals(0).count()).toBe(0);
  });

  it('"Bỏ qua" keeps the value in use and closes the conflict', async () => {
    const { b, members } = await office();
    await commit(a.store, [upsert('members', [{ id: members[0]!, notes: 'Một' }])]);
    await new Promise((r) => setTimeout(r, 5));
    await commit(b, [upsert('members', [{ id: members[0]!, notes: 'Hai' }])]);
    const file = await fileFrom(a.store);
    const user = userEvent.setup({ delay: null });
    renderSync(b);
    await openTab(user, 'Nhập tệp đồng bộ');
    host.toOpen.push(file);
    await user.click(await screen.findByRole('button', { name: /Chọn tệp đồng bộ/ }));
    await user.click(await screen.findByRole('button', { name: 'Nhập' }, { timeout: 10_000 }));
    await user.click(await screen.findByRole('button', { name: 'Xem xung đột' }, { timeout: 10_000 }));
    await user.click(
      within(await screen.findByTestId('sync-conflict')).getByRole('button', { name: 'Bỏ qua' }),
    );
    expect(await screen.findByText('Không có xung đột nào cần xem.')).toBeInTheDocument();
    expect((await b.db.members.get(members[0]!))!.notes).toBe('Hai');
  });

  it('refuses a damaged file, a file of another office and a file that is not ours, changing nothing', async () => {
    const { b } = await office();
    await commit(a.store, [
      upsert('members', [{ id: (await a.store.db.members.toCollection().first())!.id, phone: '0900000000' }]),
    ]);
    const good = await fileFrom(a.store);
    const damaged = good.bytes.slice();
    damaged[Math.floor(damaged.length / 2)]! ^= 0x01;

    const other = await openWard();
    stores.push(other.store);
    await setUpOffice(other.store, GOOD_PASSPHRASE, GOOD_PASSPHRASE);
    const foreign = await fileFrom(other.store);

    const before = await snapshot(b);
    const user = userEvent.setup({ delay: null });
    renderSync(b);
    await openTab(user, 'Nhập tệp đồng bộ');
    const cases: [Uint8Array, RegExp][] = [
      [damaged, /Tệp đồng bộ bị hỏng hoặc đã bị sửa đổi/],
      [good.bytes.slice(0, good.bytes.length - 10), /Tệp chưa được chép hết/],
      [foreign.bytes, /Tệp này của một văn phòng khác/],
      [new TextEncoder().encode('Họ và tên;Ngày sinh\n'), /không phải tệp đồng bộ/],
    ];
    for (const [bytes, expected] of cases) {
      host.toOpen.push({ name: 'x.qldv', bytes });
      await user.click(await screen.findByRole('button', { name: /Chọn tệp đồng bộ/ }));
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent(expected);
      expect(alert).toHaveTextContent('Dữ liệu trên máy không thay đổi.');
      expect(await snapshot(b)).toBe(before);
    }
  });

  it('says a file was imported before, and importing it again changes nothing', async () => {
    const { b } = await office();
    const file = await fileFrom(a.store);
    const first = await readBundle(
      file.bytes,
      { officeKey: (await readOffice(b))!.officeKey },
      { maxSchema: SYNC_SCHEMA_VERSION, expectedDatasetId: b.identity.datasetId },
    );
    expect(first.manifest.sourceDeviceName).toBe('Máy Văn phòng 1');
    const user = userEvent.setup({ delay: null });
    renderSync(b);
    await openTab(user, 'Nhập tệp đồng bộ');
    host.toOpen.push(file);
    await user.click(await screen.findByRole('button', { name: /Chọn tệp đồng bộ/ }));
    expect(
      await screen.findByText('Tệp không có gì mới so với dữ liệu trên máy này.', {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Nhập' }));
    expect(await screen.findByText(/Mới 0, thay đổi 0, xóa 0/)).toBeInTheDocument();
    host.toOpen.push(file);
    await user.click(screen.getByRole('button', { name: 'Nhập tệp khác' }));
    await user.click(await screen.findByRole('button', { name: /Chọn tệp đồng bộ/ }));
    expect(await screen.findByText(/Tệp này đã nhập trước đó/, {}, { timeout: 10_000 })).toBeInTheDocument();
  });
});

describe('status and delta export', () => {
  it('shows this laptop, the digest, each known laptop and what it lacks; exports only what it lacks', async () => {
    const { b, members } = await office();
    await commit(b, [upsert('members', [{ id: members[3]!, phone: '0987654321' }])]);
    const user = userEvent.setup({ delay: null });
    renderSync(b);
    const digest = await dataDigest(b);
    expect(await screen.findByText(digest.slice(0, 8).toUpperCase())).toBeInTheDocument();
    expect(screen.getByText(b.identity.nodeId)).toBeInTheDocument();
    expect(await screen.findByText('Máy Văn phòng 1')).toBeInTheDocument();
    expect(screen.getByText('1 bản ghi')).toBeInTheDocument();

    await openTab(user, 'Xuất tệp đồng bộ');
    await user.click(await screen.findByRole('radio', { name: /Chỉ phần Máy Văn phòng 1 còn thiếu/ }));
    await user.click(screen.getByRole('button', { name: /Xuất tệp đồng bộ/ }));
    await waitFor(() => expect(host.saved).toHaveLength(1));
    const read = await readBundle(
      host.saved[0]!.bytes,
      { officeKey: (await readOffice(a.store))!.officeKey },
      { maxSchema: SYNC_SCHEMA_VERSION, expectedDatasetId: a.store.identity.datasetId },
    );
    expect(read.manifest.kind).toBe('delta');
    expect(read.records.map((r) => r.r.id)).toEqual([members[3]]);
    expect((await readSyncState(b)).peers[a.store.identity.nodeId]).toBeDefined();
  });

  it('joining with a wrong passphrase or a cut file leaves the new laptop as it was', async () => {
    const b = await laptop('Máy Văn phòng 3');
    await setUpOffice(a.store, GOOD_PASSPHRASE, GOOD_PASSPHRASE);
    const file = await fileFrom(a.store);
    const before = await snapshot(b);
    await expect(joinOffice(b, file.bytes, 'Một câu mật khẩu rất khác')).rejects.toThrow(
      'Mật khẩu văn phòng không đúng.',
    );
    await expect(joinOffice(b, file.bytes.slice(0, 100), GOOD_PASSPHRASE)).rejects.toThrow(
      /chưa được chép hết|bị hỏng/,
    );
    expect(await snapshot(b)).toBe(before);
    expect(await readOffice(b)).toBeNull();
  });

  it('a join whose import is refused after the file opened puts the new laptop back as it was', async () => {
    // A laptop whose clock runs 60 days ahead writes stamps the import refuses (over 30 days ahead).
    const ahead = await openDataStore({
      name: `sync-ahead-${crypto.randomUUID()}`,
      wallClock: () => Date.now() + 60 * 24 * 3600 * 1000,
    });
    stores.push(ahead);
    await commit(ahead, [
      upsert('organizations', [wardRecord('Đảng bộ phường Tương Lai') as unknown as Draft]),
    ]);
    await setUpOffice(ahead, GOOD_PASSPHRASE, GOOD_PASSPHRASE);
    const file = await fileFrom(ahead);
    const b = await laptop('Máy Văn phòng 4');
    const before = await snapshot(b);
    const dataset = b.identity.datasetId;
    await expect(joinOffice(b, file.bytes, GOOD_PASSPHRASE)).rejects.toThrow(/ngày giờ của máy này/);
    expect(await snapshot(b)).toBe(before);
    expect(b.identity.datasetId).toBe(dataset);
    expect(await readOffice(b)).toBeNull();
    expect(await b.db.journal.count()).toBe(1);
  });

  it('the office cannot be set up without a ward committee', async () => {
    const empty = await openDataStore({ name: `sync-empty-${crypto.randomUUID()}` });
    stores.push(empty);
    await expect(setUpOffice(empty, GOOD_PASSPHRASE, GOOD_PASSPHRASE)).rejects.toThrow(
      'Chưa có tổ chức Đảng ủy phường trong dữ liệu.',
    );
    expect(await readOffice(empty)).toBeNull();
  });
});
