/**
 * The write path's bulk-creation fast path (`create` operations, used by the Excel import): every
 * record is stamped and validated as an upsert would be, an existing id aborts the whole action,
 * and the journal gets one line per operation that the register's follower and a record's history
 * still find.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commit, upsert, WriteError, type Draft, type WriteOp } from './writePath';
import { openDataStore, type DataStore } from './store';
import { followJournal, lastJournalSeq } from './journalFollower';
import { creationLines } from './journalLookup';
import { draft, makeEvent, makeMember } from '../../../tests/fixtures/records';

let store: DataStore;

beforeEach(async () => {
  store = await openDataStore({ name: `test-${crypto.randomUUID()}`, wallClock: () => Date.UTC(2025, 6, 15, 8, 0) });
});
afterEach(() => store.close());

const create = (table: 'members' | 'memberEvents', records: Draft[]): WriteOp => ({ table, kind: 'create', records });

function someMembers(n: number): Draft[] {
  return Array.from({ length: n }, (_, i) => draft(makeMember({ fullName: `Nguyễn Văn Số ${i + 1}` })));
}

describe('create operations', () => {
  it('stores every record with the action’s stamp, its derived fields, and one journal line naming them all', async () => {
    const members = someMembers(3);
    const events = members.map((m) => draft(makeEvent({ memberId: m.id })));
    const result = await commit(store, [create('members', members), create('memberEvents', events)]);
    expect(result).toMatchObject({ created: 6, updated: 0, unchanged: 0 });
    const stored = await store.db.members.bulkGet(members.map((m) => m.id));
    for (const row of stored) expect(row).toMatchObject({ deleted: 0, _h: result.stamp, _v: {}, _maxHlc: result.stamp });
    expect(stored.every((row) => typeof row?._nameKey === 'string' && row._nameKey.length > 0)).toBe(true);
    const journal = await store.db.journal.toArray();
    expect(journal).toHaveLength(2);
    expect(journal[0]).toMatchObject({
      table: 'members',
      kind: 'create',
      hlc: result.stamp,
      recordId: members[0]!.id,
      recordIds: members.map((m) => m.id),
      createdStamps: [result.stamp],
      user: store.identity.userName,
      source: 'local',
    });
    expect(journal[1]).toMatchObject({
      table: 'memberEvents',
      recordIds: events.map((e) => e.id),
      createdStamps: [result.stamp],
    });
    expect((await store.db.meta.get('clock'))?.value).toBe(result.stamp);
  });

  it('lets a record’s history find its creation by any id the line names, through the record’s stamp', async () => {
    const members = someMembers(4);
    const first = await commit(store, [create('members', members.slice(0, 3))]);
    // Another bulk creation, a later stamp: its line is not the first three's.
    const second = await commit(store, [create('members', members.slice(3))]);
    await commit(store, [upsert('members', [{ id: members[2]!.id, phone: '0912345678' }])]);
    const stored = (await store.db.members.get(members[2]!.id))!;
    expect(stored._h).toBe(first.stamp);
    const bulk = await creationLines(store.db, stored.id, stored._h).toArray();
    const own = await store.db.journal.where('recordId').equals(members[2]!.id).toArray();
    expect(bulk.map((line) => [line.kind, line.hlc])).toEqual([['create', first.stamp]]);
    expect(own.map((line) => line.kind)).toEqual(['update']);
    const last = (await store.db.members.get(members[3]!.id))!;
    expect((await creationLines(store.db, last.id, last._h).toArray()).map((line) => line.hlc)).toEqual([second.stamp]);
    // A record the line does not name is not given it, though the stamp matches.
    expect(await creationLines(store.db, members[3]!.id, first.stamp!).count()).toBe(0);
  });

  it('refuses an id that already exists and stores nothing of the action', async () => {
    const [first, ...rest] = someMembers(3);
    await commit(store, [upsert('members', [first!])]);
    const journalBefore = await store.db.journal.count();
    await expect(commit(store, [create('members', [...rest, { ...first!, fullName: 'Trần Văn Khác' }])])).rejects.toThrow(
      /đã có bản ghi mã/,
    );
    expect(await store.db.members.count()).toBe(1);
    expect((await store.db.members.get(first!.id))?.fullName).toBe(first!.fullName);
    expect(await store.db.journal.count()).toBe(journalBefore);
  });

  it('validates every record: one bad record refuses the whole action', async () => {
    const members = someMembers(3);
    members[1] = { ...members[1]!, birthDate: '12/04/1960' };
    await expect(commit(store, [create('members', members)])).rejects.toBeInstanceOf(WriteError);
    expect(await store.db.members.count()).toBe(0);
    expect(await store.db.journal.count()).toBe(0);
  });

  it('refuses the same id twice in one operation', async () => {
    const [one] = someMembers(1);
    await expect(commit(store, [create('members', [one!, one!])])).rejects.toThrow(/hai lần/);
    expect(await store.db.members.count()).toBe(0);
  });

  it('tells the journal’s followers (the register) about every record created', async () => {
    const follower = followJournal(store.db, 'members', await lastJournalSeq(store.db), (ids) => {
      seen.push(...ids);
      return Promise.resolve();
    });
    const seen: string[] = [];
    const members = someMembers(5);
    await commit(store, [create('members', members), create('memberEvents', [draft(makeEvent({ memberId: members[0]!.id }))])]);
    await expect.poll(() => seen.length).toBe(5);
    await follower.settled();
    expect(new Set(seen)).toEqual(new Set(members.map((m) => m.id)));
    follower.stop();
  });
});
