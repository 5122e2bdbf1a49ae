import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BundleManifest, BundleRecord } from '@shared/sync/bundleTypes';
import { draft, makeMember, makeOrganization } from '../../../tests/fixtures/records';
import {
  BACKED_UP_META,
  BackupError,
  INSTALL_META,
  planBackup,
  readBackupContent,
  restoreBackupContent,
  restoredMeta,
  type BackupContent,
} from './backup';
import { SYNCED_TABLES, type JournalEntry } from './database';
import { creationLines } from './journalLookup';
import { openDataStore, type DataStore } from './store';
import { applyBundle, readSyncState } from './sync';
import { canonicalData, exportFile, openSyncTestStore } from './sync.testing';
import { commit, upsert } from './writePath';

const NODE_A = 'aaaaaaaaaaaaaaaa';
const NODE_B = 'bbbbbbbbbbbbbbbb';
const NEW_NODE = 'cccccccccccccccc';
let wall = Date.UTC(2026, 10, 26, 8);
const clock = () => wall;
let a: DataStore;
let b: DataStore;
let files = 0;

const org = draft(makeOrganization({ id: '11111111-1111-4111-8111-111111111111', name: 'Chi bộ Tổ dân phố số 1' }));
const an = draft(
  makeMember({ id: '33333333-3333-4333-8333-333333333333', organizationId: org.id, fullName: 'Nguyễn Văn An' }),
);

beforeEach(async () => {
  wall = Date.UTC(2026, 10, 26, 8);
  a = await openSyncTestStore(NODE_A, clock);
  b = await openSyncTestStore(NODE_B, clock);
  await commit(a, [upsert('organizations', [org]), upsert('members', [an])]);
});
afterEach(() => {
  a.close();
  b.close();
});

async function lines(store: DataStore): Promise<{ plan: Awaited<ReturnType<typeof planBackup>>; records: BundleRecord[] }> {
  const plan = await planBackup(store, new Date(wall));
  const records: BundleRecord[] = [];
  for await (const line of plan.records()) records.push(line);
  return { plan, records };
}

function manifestOf(store: DataStore): BundleManifest {
  return { datasetId: store.identity.datasetId, counts: {} } as BundleManifest;
}

async function backupOf(store: DataStore): Promise<BackupContent> {
  const { records } = await lines(store);
  return readBackupContent(manifestOf(store), records);
}

/** Everything in the database, to check that a refused restore changed nothing. */
async function everything(store: DataStore): Promise<string> {
  return JSON.stringify({
    data: await Promise.all(SYNCED_TABLES.map((t) => store.db.syncedTable(t).toArray())),
    meta: (await store.db.meta.toArray()).filter((e) => e.key !== 'officeKey'),
    journal: await store.db.journal.toArray(),
    conflicts: await store.db.syncConflicts.toArray(),
  });
}

async function reopen(store: DataStore): Promise<DataStore> {
  store.close();
  return openDataStore({ name: store.db.name, wallClock: clock });
}

describe('what goes into a backup', () => {
  beforeEach(async () => {
    await a.db.meta.bulkPut([
      { key: 'deviceName', value: 'Máy Văn phòng 1' },
      { key: 'setupCompletedAt', value: '2026-11-01T08:00:00.000Z' },
      { key: 'syncPeers', value: { [NODE_B]: { deviceName: 'Máy Văn phòng 2', knownVV: {}, lastImportAt: '2026-11-20T08:00:00.000Z' } } },
      { key: 'officeKeyId', value: '0123456789abcdef' },
      { key: 'officeJoinedAt', value: '2026-11-01T08:00:00.000Z' },
      { key: 'backupCatalog', value: [] },
    ]);
    await a.db.syncConflicts.add({
      table: 'members',
      recordId: an.id,
      field: 'fullName',
      winner: 'incoming',
      localValue: 'Nguyễn Văn An',
      localStamp: '2026-11-26T08:00:00.000Z-0000-aaaaaaaaaaaaaaaa',
      localNodeId: NODE_A,
      incomingValue: 'Nguyễn Văn Ân',
      incomingStamp: '2026-11-26T08:00:01.000Z-0000-bbbbbbbbbbbbbbbb',
      incomingNodeId: NODE_B,
      bundleId: '9a1b2c3d-0000-4000-8000-000000000001',
      detectedAt: '2026-11-26T08:01:00.000Z',
      resolved: 0,
    });
  });

  it('holds every synced record, the journal with its seq, the conflicts, and counts that match the lines', async () => {
    const { plan, records } = await lines(a);
    const count = (t: string) => records.filter((r) => r.t === t).length;
    const { counts } = plan.facts();
    expect(Object.fromEntries(Object.keys(counts).map((t) => [t, count(t)]))).toEqual(counts);
    expect(plan.expectedRecords).toBe(records.length);
    expect(count('organizations')).toBe(1);
    expect(count('members')).toBe(1);
    expect(count('journal')).toBe(await a.db.journal.count());
    expect(count('syncConflicts')).toBe(1);
    expect(records.filter((r) => r.t === 'journal').map((r) => r.r.id)).toEqual(
      (await a.db.journal.toArray()).map((j) => String(j.seq)),
    );
    // Organizations first, local tables last.
    expect(records[0]!.t).toBe('organizations');
    expect(records.slice(-count('meta')).every((r) => r.t === 'meta')).toBe(true);
  });

  it.each([
    ...BACKED_UP_META.filter((k) => k !== 'syncVV' && k !== 'syncImports' && k !== 'syncSent').map((k) => [k, true] as const),
    ...INSTALL_META.map((k) => [k, false] as const),
  ])('meta %s is in the backup: %s', async (key, included) => {
    const { records } = await lines(a);
    const meta = records.filter((r) => r.t === 'meta').map((r) => r.r.id);
    expect(meta.includes(key)).toBe(included);
  });

  it('carries the clock as it is now, and stamps the local lines with the backup stamp inside the range', async () => {
    const { plan, records } = await lines(a);
    const clockLine = records.find((r) => r.t === 'meta' && r.r.id === 'clock')!;
    expect(clockLine.r.value).toBe(a.clock.last);
    for (const r of records.filter((x) => x.t === 'journal' || x.t === 'meta')) expect(r.r._h).toBe(plan.stamp);
    const { hlcMin, hlcMax } = plan.facts();
    expect(hlcMin! <= plan.stamp && plan.stamp <= hlcMax!).toBe(true);
  });

  it('leaves out journal lines written after it was planned', async () => {
    const plan = await planBackup(a, new Date(wall));
    await commit(a, [upsert('members', [{ id: an.id, fullName: 'Nguyễn Văn Anh' }])]);
    const journal: BundleRecord[] = [];
    for await (const line of plan.records()) if (line.t === 'journal') journal.push(line);
    expect(journal).toHaveLength(plan.localCounts.journal);
    expect(plan.facts().counts.journal).toBe(plan.localCounts.journal);
    expect(await a.db.journal.count()).toBe(plan.localCounts.journal + 1);
  });
});

describe('the restore rules (restoredMeta)', () => {
  const old = (t: string) => `2026-11-${t}.000Z-0003-${NODE_A}`;
  const current = (t: string) => `2026-11-${t}.000Z-0001-${NODE_A}`;
  const now = new Date('2026-11-26T09:00:00.000Z');
  it.each([
    {
      name: 'the backup clock is newer: the clock continues from it with the new node id',
      backup: { datasetId: 'd', clock: old('20T10:00:00'), syncVV: { [NODE_B]: `2026-11-19T10:00:00.000Z-0000-${NODE_B}` } },
      currentClock: current('10T10:00:00'),
      clock: `2026-11-20T10:00:00.000Z-0003-${NEW_NODE}`,
      vv: { [NODE_B]: `2026-11-19T10:00:00.000Z-0000-${NODE_B}`, [NODE_A]: old('20T10:00:00') },
    },
    {
      name: "this laptop's clock is newer: the clock continues from it, the vector still takes the backup's",
      backup: { datasetId: 'd', clock: old('20T10:00:00') },
      currentClock: current('25T10:00:00'),
      clock: `2026-11-25T10:00:00.000Z-0001-${NEW_NODE}`,
      vv: { [NODE_A]: old('20T10:00:00') },
    },
    {
      name: 'a vector entry newer than the old clock is kept',
      backup: { datasetId: 'd', clock: old('20T10:00:00'), syncVV: { [NODE_A]: old('21T10:00:00') } },
      currentClock: current('10T10:00:00'),
      clock: `2026-11-20T10:00:00.000Z-0003-${NEW_NODE}`,
      vv: { [NODE_A]: old('21T10:00:00') },
    },
    {
      name: 'no clock in the backup: the vector stays, the clock is this laptop’s',
      backup: { datasetId: 'd' },
      currentClock: current('10T10:00:00'),
      clock: `2026-11-10T10:00:00.000Z-0001-${NEW_NODE}`,
      vv: {},
    },
  ])('$name', ({ backup, currentClock, clock: expectedClock, vv }) => {
    const meta = new Map(restoredMeta(backup, currentClock, NEW_NODE, now).map((e) => [e.key, e.value]));
    expect(meta.get('nodeId')).toBe(NEW_NODE);
    expect(meta.get('clock')).toBe(expectedClock);
    expect(meta.get('syncVV')).toEqual(vv);
    expect(meta.get('datasetId')).toBe('d');
  });

  it.each([
    [{ setupCompletedAt: '2026-01-01T00:00:00.000Z' }, '2026-01-01T00:00:00.000Z'],
    [{}, '2026-11-26T09:00:00.000Z'],
  ])('setupCompletedAt %o becomes %s (a restored laptop has finished its first run)', (extra, expected) => {
    const meta = new Map(restoredMeta({ datasetId: 'd', ...extra }, current('10T10:00:00'), NEW_NODE, now).map((e) => [e.key, e.value]));
    expect(meta.get('setupCompletedAt')).toBe(expected);
  });

  it('carries peers, imported files and sent files only when the backup has them', () => {
    const keys = (b: BackupContent['meta']) => restoredMeta(b, current('10T10:00:00'), NEW_NODE, now).map((e) => e.key).sort();
    expect(keys({ datasetId: 'd' })).toEqual(['clock', 'datasetId', 'nodeId', 'setupCompletedAt', 'syncVV']);
    expect(keys({ datasetId: 'd', syncPeers: {}, syncImports: [], syncSent: [] })).toContain('syncPeers');
  });
});

describe('reading a backup refuses bad content with a Vietnamese reason', () => {
  const stamp = '2026-11-26T08:00:00.000Z-0000-aaaaaaaaaaaaaaaa';
  const local = (t: string, id: string, body: Record<string, unknown>): BundleRecord => ({ t, r: { id, deleted: 0, _h: stamp, _v: {}, ...body } });
  it.each([
    ['a table this version does not know', [local('attachments', 'x', {})], /phiên bản phần mềm mới hơn/],
    ['a member that breaks its schema', [local('members', an.id, { fullName: '' })], /không hợp lệ/],
    ['a journal line without its fields', [local('journal', '1', { entry: { at: 'x' } })], /dòng nhật ký 1/],
    ['a journal line whose seq is not a number', [local('journal', 'abc', { entry: {} })], /dòng nhật ký abc/],
    ['a vector that is not one', [local('meta', 'syncVV', { value: { x: 'not a stamp' } })], /thông tin của máy syncVV/],
  ])('%s', (_label, records, message) => {
    expect(() => readBackupContent(manifestOf(a), records)).toThrow(BackupError);
    expect(() => readBackupContent(manifestOf(a), records)).toThrow(message);
  });

  it('leaves out a meta entry this version does not know (a newer version’s)', () => {
    const content = readBackupContent(manifestOf(a), [local('meta', 'somethingNew', { value: 1 })]);
    expect(content.meta).toEqual({ datasetId: a.identity.datasetId });
  });
});

describe('restoring', () => {
  it('brings back the data and journal of the backup under a new node id whose vector covers the old clock', async () => {
    const backup = await backupOf(a);
    const dataThen = await canonicalData(a);
    const journalThen = await a.db.journal.toArray();
    const clockThen = a.clock.last;
    wall += 60_000;
    await commit(a, [upsert('members', [{ id: an.id, fullName: 'Nguyễn Văn Anh' }])]);
    expect(await canonicalData(a)).not.toBe(dataThen);

    const { nodeId } = await restoreBackupContent(a, backup, { newNodeId: NEW_NODE, now: new Date(wall) });
    a = await reopen(a);
    expect(nodeId).toBe(NEW_NODE);
    expect(a.identity.nodeId).toBe(NEW_NODE);
    expect(await canonicalData(a)).toBe(dataThen);
    expect(await a.db.journal.toArray()).toEqual(journalThen);
    expect((await readSyncState(a)).vv[NODE_A]).toBe(clockThen);
    // The clock continues past everything this laptop wrote, before or after the backup.
    expect(a.clock.last.slice(0, -17) >= clockThen.slice(0, -17)).toBe(true);
    expect(a.clock.last.endsWith(NEW_NODE)).toBe(true);
    // The names of this install stay.
    expect(a.identity.deviceName).toBe(`Máy ${NODE_A.slice(-4)}`);
  });

  it('gives the bulk creation lines of a backup made before database version 6 their creation stamps', async () => {
    const members = [1, 2, 3].map((i) => draft(makeMember({ organizationId: org.id, fullName: `Trần Văn Số ${i}` })));
    const imported = await commit(a, [{ table: 'members', kind: 'create', records: members }]);
    const { records } = await lines(a);
    // As an older version wrote it: the line names its records, with no `createdStamps`.
    const old = records.map((line) => {
      if (line.t !== 'journal' || !(line.r.entry as JournalEntry).recordIds) return line;
      const { createdStamps, ...entry } = line.r.entry as JournalEntry;
      expect(createdStamps).toEqual([imported.stamp]);
      return { ...line, r: { ...line.r, entry } };
    });
    const backup = readBackupContent(manifestOf(a), old);
    expect(backup.journal.filter((line) => line.recordIds).map((line) => line.createdStamps)).toEqual([[imported.stamp]]);
    await restoreBackupContent(a, backup, { newNodeId: NEW_NODE });
    a = await reopen(a);
    const found = await creationLines(a.db, members[2]!.id, (await a.db.members.get(members[2]!.id))!._h).toArray();
    expect(found.map((line) => line.recordIds)).toEqual([members.map((m) => m.id)]);
  });

  it('then converges with another laptop that received the edit made after the backup', async () => {
    const backup = await backupOf(a);
    wall += 60_000;
    await commit(a, [upsert('members', [{ id: an.id, fullName: 'Nguyễn Văn Anh' }])]);
    const sent = await exportFile(a, `f-${++files}`, clock);
    await applyBundle(b, sent.manifest, sent.records, { now: wall });
    await restoreBackupContent(a, backup, { newNodeId: NEW_NODE });
    a = await reopen(a);
    expect((await a.db.members.get(an.id))!.fullName).toBe('Nguyễn Văn An');

    wall += 60_000;
    await commit(a, [upsert('organizations', [{ id: org.id, name: 'Chi bộ Tổ dân phố số 1A' }])]);
    const fromB = await exportFile(b, `f-${++files}`, clock);
    await applyBundle(a, fromB.manifest, fromB.records, { now: wall });
    const fromA = await exportFile(a, `f-${++files}`, clock);
    await applyBundle(b, fromA.manifest, fromA.records, { now: wall });
    expect(await canonicalData(a)).toBe(await canonicalData(b));
    expect((await a.db.members.get(an.id))!.fullName).toBe('Nguyễn Văn Anh');
    expect((await b.db.organizations.get(org.id))!.name).toBe('Chi bộ Tổ dân phố số 1A');
  });

  it('changes nothing when the transaction fails (two records with one id)', async () => {
    const backup = await backupOf(a);
    backup.tables.members.push({ ...backup.tables.members[0]! });
    const before = await everything(a);
    await expect(restoreBackupContent(a, backup, { newNodeId: NEW_NODE })).rejects.toThrow();
    expect(await everything(a)).toBe(before);
  });
});
