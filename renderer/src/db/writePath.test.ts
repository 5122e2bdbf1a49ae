import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fieldStamp } from '@shared/sync/record';
import { parseHlc } from '@shared/sync/hlc';
import { commit, upsert } from './writePath';
import { openDataStore, type DataStore } from './store';
import { draft, makeMember, makeOrganization } from '../../../tests/fixtures/records';

let store: DataStore;
let dbName: string;
let wall = Date.UTC(2025, 6, 15, 8, 0);
const ID = '0b6f3c1e-6a0b-4c8e-9d3f-1e2d3c4b5a69';
const ORG = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const m = (over: Record<string, unknown>) => draft({ ...makeMember({ id: ID, organizationId: ORG }), ...over });
const ID2 = '7c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f';

beforeEach(async () => {
  dbName = `test-${crypto.randomUUID()}`;
  wall = Date.UTC(2025, 6, 15, 8, 0);
  store = await openDataStore({ name: dbName, wallClock: () => wall });
});
afterEach(() => store.close());

describe('first run identity', () => {
  it('creates a node id and a dataset id once, and keeps them when reopened', async () => {
    expect(store.identity.nodeId).toMatch(/^[0-9a-f]{16}$/);
    expect(store.identity.datasetId).toMatch(/^[0-9a-f-]{36}$/);
    const { nodeId, datasetId } = store.identity;
    store.close();
    store = await openDataStore({ name: dbName, wallClock: () => wall });
    expect(store.identity).toMatchObject({ nodeId, datasetId });
  });

  it('gives another install another node id', async () => {
    const other = await openDataStore({ name: `${dbName}-other` });
    expect(other.identity.nodeId).not.toBe(store.identity.nodeId);
    other.close();
  });
});

describe('the write path', () => {
  it('creates a record with one stamp, an audit line and the persisted clock', async () => {
    const result = await commit(store, [upsert('members', [m({ fullName: 'Nguyễn Văn An', sex: 'male' })])]);
    expect(result).toMatchObject({ created: 1, updated: 0, unchanged: 0 });
    const row = await store.db.members.get(ID);
    expect(row).toMatchObject({ id: ID, fullName: 'Nguyễn Văn An', deleted: 0, _h: result.stamp, _v: {}, _maxHlc: result.stamp });
    const journal = await store.db.journal.toArray();
    expect(journal).toHaveLength(1);
    expect(journal[0]!.fields).toBeUndefined();
    expect(journal[0]).toMatchObject({
      table: 'members',
      recordId: ID,
      kind: 'create',
      user: store.identity.userName,
      deviceName: store.identity.deviceName,
      nodeId: store.identity.nodeId,
      source: 'local',
    });
    expect((await store.db.meta.get('clock'))?.value).toBe(result.stamp);
  });

  it('a re-save of an unchanged record writes nothing', async () => {
    await commit(store, [upsert('members', [m({ fullName: 'Nguyễn Văn An', sex: 'male' })])]);
    const before = await store.db.members.get(ID);
    wall += 60_000;
    const result = await commit(store, [upsert('members', [m({ fullName: 'Nguyễn Văn An', sex: 'male', notes: undefined })])]);
    expect(result).toMatchObject({ stamp: null, unchanged: 1, updated: 0 });
    expect(await store.db.members.get(ID)).toEqual(before);
    expect(await store.db.journal.count()).toBe(1);
  });

  it('stamps only the changed fields and journals old → new', async () => {
    const first = await commit(store, [upsert('members', [m({ fullName: 'Nguyễn Văn An', phone: '0912' })])]);
    wall += 60_000;
    const second = await commit(store, [upsert('members', [m({ fullName: 'Nguyễn Văn An', phone: '0988' })])]);
    const row = (await store.db.members.get(ID))!;
    expect(fieldStamp(row, 'fullName')).toBe(first.stamp);
    expect(fieldStamp(row, 'phone')).toBe(second.stamp);
    expect(row._maxHlc).toBe(second.stamp);
    const last = (await store.db.journal.orderBy('seq').last())!;
    expect(last).toMatchObject({ kind: 'update', fields: ['phone'], changes: [{ field: 'phone', old: '0912', new: '0988' }] });
  });

  it('derives the register sort key of a member and keeps it out of the stamped fields', async () => {
    await commit(store, [upsert('members', [m({ fullName: 'Nguyễn Văn An' })])]);
    const first = (await store.db.members.get(ID))!;
    expect(typeof first._nameKey).toBe('string');
    await commit(store, [upsert('members', [m({ fullName: 'Trần Thị Bình' })])]);
    const renamed = (await store.db.members.get(ID))!;
    expect(renamed._nameKey).not.toBe(first._nameKey);
    expect(Object.keys(renamed._v)).toEqual(['fullName']);
    const page = await store.db.members.where('[deleted+_nameKey]').between([0, ''], [0, '\uffff']).toArray();
    expect(page.map((r) => r.fullName)).toEqual(['Trần Thị Bình']);
  });

  it('one action spanning several tables shares one stamp', async () => {
    const result = await commit(store, [
      upsert('organizations', [draft(makeOrganization({ id: ID2 }))]),
      upsert('members', [m({ fullName: 'Trần Thị Bình', organizationId: ID2 })]),
    ]);
    expect((await store.db.organizations.get(ID2))!._h).toBe(result.stamp);
    expect((await store.db.members.get(ID))!._h).toBe(result.stamp);
  });

  it('every action gets a later stamp, even when the computer clock goes back', async () => {
    const a = await commit(store, [upsert('members', [m({ fullName: 'A' })])]);
    wall -= 3_600_000;
    const b = await commit(store, [upsert('members', [m({ fullName: 'B' })])]);
    expect(b.stamp! > a.stamp!).toBe(true);
    expect(parseHlc(b.stamp!).millis).toBe(parseHlc(a.stamp!).millis);
  });

  it('the clock resumes after its persisted stamp when the app restarts', async () => {
    const a = await commit(store, [upsert('members', [m({ fullName: 'A' })])]);
    store.close();
    wall -= 86_400_000;
    store = await openDataStore({ name: dbName, wallClock: () => wall });
    const b = await commit(store, [upsert('members', [m({ fullName: 'B' })])]);
    expect(b.stamp! > a.stamp!).toBe(true);
  });

  it('deletes with a tombstone and restores', async () => {
    await commit(store, [upsert('members', [m({ fullName: 'A' })])]);
    const del = await commit(store, [{ table: 'members', kind: 'delete', ids: [ID] }]);
    expect(del.deleted).toBe(1);
    expect((await store.db.members.get(ID))!.deleted).toBe(1);
    const res = await commit(store, [{ table: 'members', kind: 'restore', ids: [ID] }]);
    expect(res.restored).toBe(1);
    expect((await store.db.members.get(ID))!.deleted).toBe(0);
    expect((await store.db.journal.toArray()).map((j) => j.kind)).toEqual(['create', 'delete', 'restore']);
  });

  it('a failing action changes nothing at all', async () => {
    await commit(store, [upsert('members', [m({ fullName: 'A' })])]);
    const clockBefore = (await store.db.meta.get('clock'))?.value;
    await expect(
      commit(store, [
        upsert('members', [m({ fullName: 'B' })]),
        { table: 'organizations', kind: 'delete', ids: ['no-such-id'] },
      ]),
    ).rejects.toThrow(/Không tìm thấy bản ghi/);
    expect((await store.db.members.get(ID))!.fullName).toBe('A');
    expect(await store.db.journal.count()).toBe(1);
    expect((await store.db.meta.get('clock'))?.value).toBe(clockBefore);
  });

  it('a later operation on the same table sees what an earlier one of the same action wrote', async () => {
    const result = await commit(store, [
      upsert('members', [m({ fullName: 'A' })]),
      upsert('members', [m({ fullName: 'A', phone: '0912' })]),
      { table: 'members', kind: 'delete', ids: [ID] },
    ]);
    expect(result).toMatchObject({ created: 1, updated: 1, deleted: 1 });
    expect(await store.db.members.get(ID)).toMatchObject({ fullName: 'A', phone: '0912', deleted: 1 });
    expect((await store.db.journal.toArray()).map((j) => j.kind)).toEqual(['create', 'update', 'delete']);
  });

  it('a refused record in a later operation undoes the writes of the earlier ones', async () => {
    await expect(
      commit(store, [
        { table: 'organizations', kind: 'create', records: [draft(makeOrganization({ id: ID2 }))] },
        upsert('members', [m({ fullName: 'A', birthDate: '1960-02-30' })]),
      ]),
    ).rejects.toThrow(/Ngày không hợp lệ/);
    expect(await store.db.organizations.count()).toBe(0);
    expect(await store.db.members.count()).toBe(0);
    expect(await store.db.journal.count()).toBe(0);
    expect(await store.db.meta.get('clock')).toBeUndefined();
  });

  it.each([
    ['a wrong date', { birthDate: '1960-02-30' }, /Ngày không hợp lệ/],
    ['an empty name', { fullName: '' }, /Không lưu được đảng viên/],
    ['an unknown status', { status: 'retired' }, /Không lưu được đảng viên/],
  ])('refuses %s with a Vietnamese message and saves nothing', async (_label, over, message) => {
    await commit(store, [upsert('members', [m({ fullName: 'A' })])]);
    await expect(commit(store, [upsert('members', [m(over)])])).rejects.toThrow(message);
    expect((await store.db.members.get(ID))!.fullName).toBe('A');
    expect(await store.db.journal.count()).toBe(1);
  });

  it('refuses an action that names the same record twice', async () => {
    await expect(commit(store, [upsert('members', [m({ fullName: 'A' }), m({ fullName: 'B' })])])).rejects.toThrow(
      /hai lần/,
    );
    expect(await store.db.members.count()).toBe(0);
  });
});
