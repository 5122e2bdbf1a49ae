import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isBundleError } from '@shared/sync/bundle';
import type { BackupStore } from '@shared/platform';
import { BackupError } from '../../db/backup';
import { openDataStore, type DataStore } from '../../db/store';
import { readSyncState } from '../../db/sync';
import { canonicalData } from '../../db/sync.testing';
import { commit, upsert } from '../../db/writePath';
import { createBrowserBackupStore } from '../../platform/browserBackups';
import { addMember, openWard, type Ward } from '../members/testing';
import { readOffice, setUpOffice, type OfficeState } from '../sync/office';
import { exportSyncFile, openSyncFile } from '../sync/transfer';
import { fakeHost, freshLaptop, GOOD_PASSPHRASE, resetHost, snapshot } from '../sync/testing';
import {
  backupFileName,
  backupKindOf,
  backupsToPrune,
  listBackups,
  openBackup,
  restoreFromBackup,
  takeBackup,
} from './backups';

vi.setConfig({ testTimeout: 30_000 });

let a: Ward;
let office: OfficeState;
let backups: BackupStore;
const stores: DataStore[] = [];

beforeEach(async () => {
  fakeHost();
  a = await openWard();
  stores.push(a.store);
  await a.store.setNames({ deviceName: 'Máy Văn phòng 1' });
  for (let i = 0; i < 5; i++) await addMember(a.store, { organizationId: a.branchA.id, fullName: `Lê Thị Hoa ${i + 1}` });
  office = await setUpOffice(a.store, GOOD_PASSPHRASE, GOOD_PASSPHRASE);
  backups = createBrowserBackupStore(`backups-${crypto.randomUUID()}`);
});
afterEach(() => {
  resetHost();
  for (const s of stores.splice(0)) s.close();
});

async function reopen(store: DataStore): Promise<DataStore> {
  store.close();
  const again = await openDataStore({ name: store.db.name });
  stores.push(again);
  return again;
}

async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    if (isBundleError(error)) return error.code;
    if (error instanceof BackupError) return 'BackupError';
    throw error;
  }
}

const manual = { reason: 'manual' as const, appVersion: 'test' };

describe('backup names', () => {
  const at = new Date(2026, 10, 26, 14, 30, 5);
  it.each([
    ['auto', new Set<string>(), 'QLDV-sao-luu-2026-11-26-143005-tu-dong.qldv'],
    ['manual', new Set<string>(), 'QLDV-sao-luu-2026-11-26-143005-thu-cong.qldv'],
    ['manual', new Set(['QLDV-sao-luu-2026-11-26-143005-thu-cong.qldv']), 'QLDV-sao-luu-2026-11-26-143005-2-thu-cong.qldv'],
  ] as const)('a %s backup taken with %o is named %s', (kind, taken, name) => {
    expect(backupFileName(at, kind, taken)).toBe(name);
    expect(backupKindOf(name)).toBe(kind);
  });

  it.each([
    ['an unknown name counts as manual, never pruned', 'ban-sao-luu-cua-toi.qldv', 'manual'],
    ['a numbered automatic one', 'QLDV-sao-luu-2026-11-26-143005-3-tu-dong.qldv', 'auto'],
  ] as const)('%s', (_label, name, kind) => {
    expect(backupKindOf(name)).toBe(kind);
  });

  it.each([
    [3, ['QLDV-sao-luu-2026-11-01-080000-tu-dong.qldv', 'QLDV-sao-luu-2026-11-02-080000-tu-dong.qldv'], []],
    [1, ['QLDV-sao-luu-2026-11-01-080000-tu-dong.qldv', 'QLDV-sao-luu-2026-11-02-080000-tu-dong.qldv'], ['QLDV-sao-luu-2026-11-01-080000-tu-dong.qldv']],
    [1, ['QLDV-sao-luu-2026-11-01-080000-thu-cong.qldv', 'QLDV-sao-luu-2026-11-02-080000-tu-dong.qldv', 'khac.qldv'], []],
  ])('keeping %i automatic backups of %o deletes %o', (keep, names, pruned) => {
    expect(backupsToPrune(names, keep)).toEqual(pruned);
  });
});

describe('taking a backup', () => {
  it('writes it to the backup folder, lists it as manual with its counts, and opens it back', async () => {
    const entry = await takeBackup(a.store, office, { ...manual, backups });
    const [listed] = await listBackups(a.store, backups);
    expect(listed).toMatchObject({ name: entry.name, kind: 'manual', entry: { reason: 'manual' } });
    expect(listed!.entry!.counts).toMatchObject({ members: 5, organizations: 3 });
    expect(listed!.size).toBe(entry.bytes);
    const opened = await openBackup(await backups.read({ name: entry.name }), { office });
    expect(opened.manifest.backup).toEqual({ reason: 'manual' });
    expect(opened.content.tables.members).toHaveLength(5);
    expect(opened.content.journal).toHaveLength(await a.store.db.journal.count());
  });

  it('holds a save made while it reads the database, so the file stays consistent, and the save goes through after', async () => {
    const [member] = await a.store.db.members.toArray();
    const backingUp = takeBackup(a.store, office, { ...manual, backups });
    const saving = commit(a.store, [upsert('members', [{ id: member!.id, fullName: 'Sửa trong lúc sao lưu' }])]);
    const entry = await backingUp;
    await saving;
    const opened = await openBackup(await backups.read({ name: entry.name }), { office });
    expect(opened.content.tables.members.find((m) => m.id === member!.id)!.fullName).toBe(member!.fullName);
    expect((await a.store.db.members.get(member!.id))!.fullName).toBe('Sửa trong lúc sao lưu');
  });

  it('keeps only the newest automatic backups the setting allows, and never deletes manual ones', async () => {
    await commit(a.store, [
      upsert('settings', [{ id: 'backup.keepAutomatic', versions: [{ effectiveFrom: '1900-01-01', value: 2 }] }]),
    ]);
    const take = (reason: 'manual' | 'beforeImport', minute: number) =>
      takeBackup(a.store, office, { reason, appVersion: 'test', backups, now: new Date(2026, 10, 26, 9, minute) });
    await take('manual', 0);
    await take('beforeImport', 1);
    await take('beforeImport', 2);
    await take('beforeImport', 3);
    const names = (await listBackups(a.store, backups)).map((b) => b.name);
    expect(names).toEqual([
      'QLDV-sao-luu-2026-11-26-090300-tu-dong.qldv',
      'QLDV-sao-luu-2026-11-26-090200-tu-dong.qldv',
      'QLDV-sao-luu-2026-11-26-090000-thu-cong.qldv',
    ]);
    // The catalog forgets the deleted one too.
    const catalog = (await a.store.getMeta<{ name: string }[]>('backupCatalog'))!.map((e) => e.name);
    expect(catalog).not.toContain('QLDV-sao-luu-2026-11-26-090100-tu-dong.qldv');
  });

  it('never deletes the backup it has just written, even when a reset clock names it the oldest', async () => {
    await commit(a.store, [
      upsert('settings', [{ id: 'backup.keepAutomatic', versions: [{ effectiveFrom: '1900-01-01', value: 2 }] }]),
    ]);
    const take = (now: Date) => takeBackup(a.store, office, { reason: 'beforeImport', appVersion: 'test', backups, now });
    await take(new Date(2026, 10, 26, 9, 0));
    await take(new Date(2026, 10, 26, 9, 1));
    // The computer's battery went flat: its clock says 1 January 2000.
    const fresh = await take(new Date(2000, 0, 1, 0, 0));
    const names = (await listBackups(a.store, backups)).map((b) => b.name);
    expect(names).toContain(fresh.name);
    expect(names).toEqual(['QLDV-sao-luu-2026-11-26-090100-tu-dong.qldv', fresh.name]);
  });
});

describe('restoring', () => {
  it('restores the data and journal of the backup under a new node id, after backing up the current state', async () => {
    const entry = await takeBackup(a.store, office, { ...manual, backups });
    const dataThen = await canonicalData(a.store);
    const journalThen = await a.store.db.journal.toArray();
    const oldNode = a.store.identity.nodeId;
    const oldClock = a.store.clock.last;
    const [first] = await a.store.db.members.toArray();
    await commit(a.store, [upsert('members', [{ id: first!.id, fullName: 'Lê Thị Hoa Đã Sửa' }])]);

    const opened = await openBackup(await backups.read({ name: entry.name }), { office });
    const { nodeId, snapshot: before } = await restoreFromBackup(a.store, opened, { office, appVersion: 'test', backups });
    expect(before.reason).toBe('beforeRestore');
    a.store = await reopen(a.store);
    expect(a.store.identity.nodeId).toBe(nodeId);
    expect(nodeId).not.toBe(oldNode);
    expect(await canonicalData(a.store)).toBe(dataThen);
    expect(await a.store.db.journal.toArray()).toEqual(journalThen);
    expect((await readSyncState(a.store)).vv[oldNode]).toBe(oldClock);
    // The office key stays; the snapshot of the edited state is there to go back to.
    expect((await readOffice(a.store))!.keyId).toBe(office.keyId);
    const snap = await openBackup(await backups.read({ name: before.name }), { office });
    expect(snap.content.tables.members.find((m) => m.id === first!.id)!.fullName).toBe('Lê Thị Hoa Đã Sửa');
  });

  it('refuses a save that waited for the restore, instead of stamping it with the retired node id', async () => {
    const entry = await takeBackup(a.store, office, { ...manual, backups });
    const [first] = await a.store.db.members.toArray();
    const opened = await openBackup(await backups.read({ name: entry.name }), { office });
    const restoring = restoreFromBackup(a.store, opened, { office, appVersion: 'test', backups });
    const waiting = commit(a.store, [upsert('members', [{ id: first!.id, fullName: 'Sửa trong lúc khôi phục' }])]);
    await restoring;
    await expect(waiting).rejects.toThrow('phần mềm đang tải lại');
    await expect(commit(a.store, [upsert('members', [{ id: first!.id, fullName: 'Sửa sau khi khôi phục' }])])).rejects.toThrow(
      'Thay đổi này chưa được lưu',
    );
    a.store = await reopen(a.store);
    expect((await a.store.db.members.get(first!.id))!.fullName).toBe(first!.fullName);
  });

  it('does not restore when the backup of the current state cannot be written', async () => {
    const entry = await takeBackup(a.store, office, { ...manual, backups });
    await commit(a.store, [upsert('members', [{ id: (await a.store.db.members.toArray())[0]!.id, fullName: 'Đã sửa' }])]);
    const opened = await openBackup(await backups.read({ name: entry.name }), { office });
    const before = await snapshot(a.store);
    const full: BackupStore = { ...backups, write: () => Promise.reject(new Error('Ổ đĩa đã đầy.')) };
    await expect(restoreFromBackup(a.store, opened, { office, appVersion: 'test', backups: full })).rejects.toThrow('Ổ đĩa đã đầy.');
    expect(await snapshot(a.store)).toBe(before);
  });

  it('on a new laptop without the office key: asks for the passphrase, refuses a wrong one, then keeps the office key', async () => {
    const entry = await takeBackup(a.store, office, { ...manual, backups });
    const bytes = await backups.read({ name: entry.name });
    const fresh = await freshLaptop('Máy mới');
    stores.push(fresh);
    expect(await errorCode(openBackup(bytes, { office: null }))).toBe('needsPassphrase');
    expect(await errorCode(openBackup(bytes, { office: null, passphrase: 'mật khẩu sai rồi nhé' }))).toBe('wrongPassphrase');
    const opened = await openBackup(bytes, { office: null, passphrase: GOOD_PASSPHRASE });
    expect(opened.unlocked?.keyId).toBe(office.keyId);
    const restoredBackups = createBrowserBackupStore(`backups-${crypto.randomUUID()}`);
    await restoreFromBackup(fresh, opened, { office: null, appVersion: 'test', backups: restoredBackups });
    const again = await reopen(fresh);
    expect(await canonicalData(again)).toBe(await canonicalData(a.store));
    expect(again.identity.datasetId).toBe(a.store.identity.datasetId);
    expect((await readOffice(again))!.keyId).toBe(office.keyId);
    // Its own first-run state was backed up first, under the office key it just opened.
    expect((await restoredBackups.list()).map((f) => backupKindOf(f.name))).toEqual(['auto']);
  });
});

describe('refusals change nothing', () => {
  it.each([
    ['a damaged backup', 'damaged'],
    ['a backup cut short', 'truncated'],
    ['a sync file opened as a backup', 'notBackup'],
    ['a backup of another office', 'otherOffice'],
    ['a file that is not ours', 'notSyncFile'],
  ] as const)('%s is refused (%s)', async (label, code) => {
    const entry = await takeBackup(a.store, office, { ...manual, backups });
    const good = await backups.read({ name: entry.name });
    const bytes = await (async (): Promise<Uint8Array> => {
      if (label === 'a damaged backup') {
        const flipped = good.slice();
        flipped[Math.floor(flipped.length / 2)]! ^= 0x01;
        return flipped;
      }
      if (label === 'a backup cut short') return good.slice(0, good.length - 100);
      if (label === 'a sync file opened as a backup') return (await exportSyncFile(a.store, office, { appVersion: 'test' })).bytes;
      if (label === 'a file that is not ours') return new TextEncoder().encode('Danh sách đảng viên');
      const other = await openWard();
      stores.push(other.store);
      const otherOffice = await setUpOffice(other.store, `${GOOD_PASSPHRASE} khác`, `${GOOD_PASSPHRASE} khác`);
      return backups.read({ name: (await takeBackup(other.store, otherOffice, { ...manual, backups })).name });
    })();
    const before = await snapshot(a.store);
    expect(await errorCode(openBackup(bytes, { office }))).toBe(code);
    expect(await snapshot(a.store)).toBe(before);
  });

  it('a backup opened as a sync file is refused with a pointer to "Khôi phục"', async () => {
    const entry = await takeBackup(a.store, office, { ...manual, backups });
    const before = await snapshot(a.store);
    await expect(openSyncFile(a.store, office, await backups.read({ name: entry.name }))).rejects.toThrow(/Khôi phục/);
    expect(await snapshot(a.store)).toBe(before);
  });
});
