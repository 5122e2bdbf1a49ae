/** Saves made while a sync export reads the database wait for it (docs/decisions.md "Export reads twice"). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBundle } from '@shared/sync/bundle';
import { TEST_KDF } from '@shared/sync/bundle/testing';
import { SYNC_SCHEMA_VERSION } from '@shared/sync/mergeBundle';
import { commit, upsert } from '../../db/writePath';
import { addMember, openWard, type Ward } from '../members/testing';
import { readOffice, setOfficeKdfForTests, setUpOffice, type OfficeState } from './office';
import { exportSyncFile, importSyncFile, openSyncFile } from './transfer';
import { openDataStore, type DataStore } from '../../db/store';
import { joinOffice } from './office';

const PASSPHRASE = 'Chi bộ họp ngày mùng 5 hằng tháng';

let w: Ward;
let office: OfficeState;
let memberIds: string[];
const others: DataStore[] = [];

beforeEach(async () => {
  setOfficeKdfForTests(TEST_KDF);
  w = await openWard();
  memberIds = [];
  for (let i = 0; i < 30; i += 1)
    memberIds.push((await addMember(w.store, { organizationId: w.branchA.id, fullName: `Lê Văn Hùng ${i + 1}` })).member.id);
  await setUpOffice(w.store, PASSPHRASE, PASSPHRASE);
  office = (await readOffice(w.store))!;
});
afterEach(() => {
  setOfficeKdfForTests(undefined);
  for (const s of others.splice(0)) s.close();
  w.store.close();
});

async function phoneIn(bytes: Uint8Array, id: string): Promise<unknown> {
  const read = await readBundle(
    bytes,
    { officeKey: office.officeKey },
    { maxSchema: SYNC_SCHEMA_VERSION, expectedDatasetId: w.store.identity.datasetId },
  );
  return read.records.find((r) => r.t === 'members' && r.r.id === id)?.r.phone;
}

describe('saving during a sync export', () => {
  it('a save started during an export waits for it: the file is whole and without the edit, the next file has it', async () => {
    const target = memberIds[17]!;
    const order: string[] = [];
    const exporting = exportSyncFile(w.store, office, { appVersion: 'test' }).then((file) => {
      order.push('export');
      return file;
    });
    expect(w.store.writeHold.holding).toBe(true);
    const saving = commit(w.store, [upsert('members', [{ id: target, phone: '0912345678' }])]).then((result) => {
      order.push('save');
      return result;
    });
    const [file, saved] = await Promise.all([exporting, saving]);

    expect(order).toEqual(['export', 'save']);
    expect(saved.updated).toBe(1);
    expect((await w.store.db.members.get(target))?.phone).toBe('0912345678');
    // The file was not refused and does not carry the edit made while it was read.
    expect(await phoneIn(file.bytes, target)).toBeUndefined();
    expect(file.sent.records).toBe(93); // 3 organizations, 30 members, 60 events
    expect(w.store.writeHold.holding).toBe(false);

    const next = await exportSyncFile(w.store, office, { appVersion: 'test' });
    expect(await phoneIn(next.bytes, target)).toBe('0912345678');
  });

  it('a second export waits for the first; the save between them goes into the second only', async () => {
    const target = memberIds[3]!;
    const order: string[] = [];
    const first = exportSyncFile(w.store, office, { appVersion: 'test' }).then((f) => (order.push('export 1'), f));
    const saving = commit(w.store, [upsert('members', [{ id: target, phone: '0987000111' }])]).then(() => order.push('save'));
    const second = exportSyncFile(w.store, office, { appVersion: 'test' }).then((f) => (order.push('export 2'), f));
    const [one, , two] = await Promise.all([first, saving, second]);
    expect(order).toEqual(['export 1', 'save', 'export 2']);
    expect(await phoneIn(one.bytes, target)).toBeUndefined();
    expect(await phoneIn(two.bytes, target)).toBe('0987000111');
  });

  it('a failed export releases the hold: the waiting save is written', async () => {
    const broken: OfficeState = { ...office, officeKey: null as unknown as CryptoKey };
    const failing = exportSyncFile(w.store, broken, { appVersion: 'test' });
    const saving = commit(w.store, [upsert('members', [{ id: memberIds[0]!, phone: '0900000000' }])]);
    await expect(failing).rejects.toThrow();
    expect((await saving).updated).toBe(1);
    expect(w.store.writeHold.holding).toBe(false);
  });

  it('an import started during an export waits for it too', async () => {
    const b = await openDataStore({ name: `hold-b-${crypto.randomUUID()}` });
    others.push(b);
    await joinOffice(b, (await exportSyncFile(w.store, office, { appVersion: 'test' })).bytes, PASSPHRASE);
    const bOffice = (await readOffice(b))!;
    await commit(b, [upsert('members', [{ id: memberIds[5]!, phone: '0911222333' }])]);
    const opened = await openSyncFile(w.store, office, (await exportSyncFile(b, bOffice, { appVersion: 'test' })).bytes);

    const order: string[] = [];
    const exporting = exportSyncFile(w.store, office, { appVersion: 'test' }).then((f) => (order.push('export'), f));
    const importing = importSyncFile(w.store, opened).then(() => order.push('import'));
    const [file] = await Promise.all([exporting, importing]);
    expect(order).toEqual(['export', 'import']);
    expect(await phoneIn(file.bytes, memberIds[5]!)).toBeUndefined();
    expect((await w.store.db.members.get(memberIds[5]!))?.phone).toBe('0911222333');
  });
});
