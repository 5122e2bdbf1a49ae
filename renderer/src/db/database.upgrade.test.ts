/**
 * Database versions 4 and 5 drop the secondary indexes no query reads, and replace the events'
 * `type` index with a sparse one on temporary transfers; version 6 finds a bulk creation's journal
 * line by its records' creation stamps (`createdStamps`) instead of by every id it names
 * (`recordIds`). A version 3 database with data opens at version 6 with every row kept (bulk lines
 * gain their `createdStamps`), and every query the app makes answers exactly as before; a version 5
 * database's bulk lines, of one or several stamps, are found from each record they name.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { generateDemoWard, type DemoWard } from '@shared/demo/generator';
import { ACTIVE_MEMBER_STATUSES } from '@shared/domain/types';
import { stampEdit, type StoredRecord } from '@shared/sync/record';
import { HybridLogicalClock } from '@shared/sync/hlc';
import { QldvDatabase, SYNCED_TABLES, type JournalEntry } from './database';
import { withDerivedFields } from './derived';
import { creationLines } from './journalLookup';

/** A database with the schema as versions 1–3 declared it (database.ts before version 4), verbatim. */
function versionThree(name: string): Dexie {
  const db = new Dexie(name);
  db.version(1).stores({
    organizations: 'id, parentId, [deleted+type], _maxHlc',
    members:
      'id, organizationId, [deleted+status], [deleted+organizationId], [deleted+_nameKey], partyCardNumber, citizenId, dossierNumber, _maxHlc',
    memberEvents: 'id, memberId, [memberId+date], type, date, _maxHlc',
    memberPhotos: 'id, _maxHlc',
    settings: 'id, _maxHlc',
    meta: 'key',
    journal: '++seq, recordId',
  });
  db.version(2).stores({
    syncConflicts: '++seq, [table+recordId], resolved',
    memberEvents: 'id, memberId, [memberId+date], type, date, _maxHlc, [deleted+memberId]',
  });
  db.version(3).stores({ journal: '++seq, recordId, *recordIds' });
  return db;
}

/** Versions 1–5 as database.ts declared them before version 6 (a new database runs no upgrade). */
function versionFive(name: string): Dexie {
  const db = versionThree(name);
  db.version(4).stores({
    organizations: 'id, [deleted+type]',
    members: 'id, [deleted+status], [deleted+organizationId], [deleted+_nameKey], partyCardNumber, citizenId',
    memberEvents: 'id, type, [deleted+memberId], _temporaryTransfer',
    memberPhotos: 'id',
    settings: 'id',
  });
  db.version(5).stores({ memberEvents: 'id, [deleted+memberId], _temporaryTransfer' });
  return db;
}

const names: string[] = [];
afterEach(async () => {
  await Promise.all(names.splice(0).map((name) => Dexie.delete(name)));
});

/** A version 3 database holding a small demo ward, some of it in the recycle bin, a journal and conflicts. */
async function versionThreeWithData(): Promise<{ name: string; ward: DemoWard }> {
  const name = `upgrade-${crypto.randomUUID()}`;
  names.push(name);
  const ward = generateDemoWard({ seed: 20250701, memberCount: 300, asOf: '2025-11-26' });
  const stamp = new HybridLogicalClock('aaaaaaaaaaaaaaaa', undefined, () => Date.UTC(2026, 10, 26)).now();
  const stored = (table: (typeof SYNCED_TABLES)[number], records: readonly object[], deletedEvery: number) =>
    records.map((r, i) => {
      const record = stampEdit(undefined, r as StoredRecord, stamp)!.record;
      // Version 3 derived `_nameKey` only (events had no derived field then).
      const row = table === 'members' ? withDerivedFields(table, record) : record;
      return i % deletedEvery === deletedEvery - 1 ? { ...row, deleted: 1 as const } : row;
    });
  const old = versionThree(name);
  await old.open();
  const members = stored('members', ward.members, 17);
  await old.table('organizations').bulkAdd(stored('organizations', ward.organizations, 4));
  await old.table('members').bulkAdd(members);
  // The demo ward has no transfers: some events become temporary ones (the `type` index's query).
  const events = ward.events.map((e, i) =>
    i % 13 === 0
      ? { ...e, type: i % 2 ? 'transferIn' : 'transferOut', transferKind: i % 3 === 0 ? 'official' : 'temporary' }
      : e,
  );
  await old.table('memberEvents').bulkAdd(stored('memberEvents', events, 11));
  const journal: JournalEntry[] = [
    {
      at: '2026-11-26T08:00:00.000Z',
      hlc: stamp,
      table: 'members',
      recordId: members[0]!.id,
      recordIds: members.map((m) => m.id),
      kind: 'create',
      user: 'Lê Thị Hằng',
      deviceName: 'Máy Văn phòng 1',
      nodeId: 'aaaaaaaaaaaaaaaa',
      source: 'local',
    },
    {
      at: '2026-11-26T09:00:00.000Z',
      hlc: stamp,
      table: 'members',
      recordId: members[5]!.id,
      kind: 'update',
      fields: ['phone'],
      user: 'Lê Thị Hằng',
      deviceName: 'Máy Văn phòng 1',
      nodeId: 'aaaaaaaaaaaaaaaa',
      source: 'local',
    },
  ];
  await old.table('journal').bulkAdd(journal);
  await old.table('syncConflicts').bulkAdd([
    { table: 'members', recordId: members[5]!.id, field: 'phone', resolved: 0 },
    { table: 'members', recordId: members[6]!.id, field: 'notes', resolved: 1 },
  ]);
  await old.table('meta').put({ key: 'nodeId', value: 'aaaaaaaaaaaaaaaa' });
  old.close();
  return { name, ward };
}

/**
 * Every query the app makes of the database (grep `where(` / `orderBy(`), answered as primary keys.
 * A member's events: through `memberId` and a filter on `deleted` in version 3, through
 * `[deleted+memberId]` from version 4; temporary transfers through `type` and a filter, then
 * through the sparse `_temporaryTransfer` index; a member's bulk creation line through `recordIds`,
 * then through its stored creation stamp (`creationLines`).
 */
async function answers(db: Dexie, ward: DemoWard, version: 3 | 6): Promise<Record<string, unknown>> {
  type Keys = { primaryKeys(): Promise<unknown> };
  const members = db.table('members');
  const events = db.table('memberEvents');
  const organizations = db.table('organizations');
  const journal = db.table('journal');
  const conflicts = db.table('syncConflicts');
  const someMember = ward.members[40]!;
  const someStamp = ((await members.get(someMember.id)) as StoredRecord)._h;
  const first50 = ward.members.slice(0, 50);
  const queries: Record<string, Keys> = {
    ward: organizations.where('[deleted+type]').equals([0, 'ward']),
    liveOrgs: organizations.where('[deleted+type]').between([0, ''], [0, '\uffff']),
    deletedOrgs: organizations.where('[deleted+type]').between([1, Dexie.minKey], [1, Dexie.maxKey]),
    deletedMembers: members.where('[deleted+status]').between([1, Dexie.minKey], [1, Dexie.maxKey]),
    liveMembers: members.where('[deleted+organizationId]').between([0, Dexie.minKey], [0, Dexie.maxKey]),
    register: members.where('[deleted+_nameKey]').between([0, ''], [0, '\uffff']),
    card: members.where('partyCardNumber').anyOf(first50.flatMap((m) => m.partyCardNumber ?? [])),
    citizen: members.where('citizenId').anyOf(first50.flatMap((m) => m.citizenId ?? [])),
    eventsOf:
      version === 3
        ? events.where('memberId').equals(someMember.id).filter((e) => e.deleted === 0)
        : events.where('[deleted+memberId]').equals([0, someMember.id]),
    eventsOfMany:
      version === 3
        ? events.where('memberId').anyOf(first50.map((m) => m.id)).filter((e) => e.deleted === 0)
        : events.where('[deleted+memberId]').anyOf(first50.map((m) => [0, m.id])),
    deletedEventsOf:
      version === 3
        ? events.where('memberId').anyOf(first50.map((m) => m.id)).filter((e) => e.deleted === 1)
        : events.where('[deleted+memberId]').anyOf(first50.map((m) => [1, m.id])),
    temporaryTransfers:
      version === 3
        ? events
            .where('type')
            .anyOf(['transferIn', 'transferInternal', 'transferOut'])
            .filter((e) => e.transferKind === 'temporary' && e.deleted === 0)
        : events
            .where('_temporaryTransfer')
            .equals(1)
            .filter((e) => e.deleted === 0),
    deletedEvents: events.where('[deleted+memberId]').between([1, Dexie.minKey], [1, Dexie.maxKey]),
    journalOwn: journal.where('recordId').equals(ward.members[5]!.id),
    journalBulk:
      version === 3
        ? journal.where('recordIds').equals(someMember.id)
        : creationLines(db as QldvDatabase, someMember.id, someStamp),
    journalAfter: journal.where('seq').above(1),
    conflictsOf: conflicts.where('[table+recordId]').equals(['members', ward.members[5]!.id]),
    openConflicts: conflicts.where('resolved').equals(0),
  };
  ACTIVE_MEMBER_STATUSES.forEach((s) => (queries[`status:${s}`] = members.where('[deleted+status]').equals([0, s])));
  ward.organizations.forEach(
    (o) => (queries[`org:${o.id}`] = members.where('[deleted+organizationId]').equals([0, o.id])),
  );
  SYNCED_TABLES.forEach((t) => (queries[`ids:${t}`] = db.table(t).orderBy(':id')));
  const out: Record<string, unknown> = {};
  for (const [name, query] of Object.entries(queries)) out[name] = await query.primaryKeys();
  // Today's counts take the members of these events as a set: their order is not part of the answer.
  out.temporaryTransfers = (out.temporaryTransfers as string[]).sort();
  out.journalLast = await journal.orderBy('seq').lastKey();
  return out;
}

async function allRows(db: Dexie): Promise<unknown[][]> {
  const out: unknown[][] = [];
  for (const table of [...SYNCED_TABLES, 'journal', 'syncConflicts', 'meta']) out.push(await db.table(table).toArray());
  return out;
}

describe('database versions 4 to 6', () => {
  it('open a version 3 database with data, keep every row, and every query answers the same', async () => {
    const { name, ward } = await versionThreeWithData();
    const old = versionThree(name);
    await old.open();
    const before = await answers(old, ward, 3);
    const rowsBefore = await allRows(old);
    old.close();

    const db = new QldvDatabase(name);
    await db.open();
    expect(db.verno).toBe(6);
    expect(await answers(db, ward, 6)).toEqual(before);
    // Every row as it was, but temporary transfers, which gained their derived index field.
    const rowsAfter = await allRows(db);
    const marked = (rowsAfter[SYNCED_TABLES.indexOf('memberEvents')] as Record<string, unknown>[]).filter(
      (e) => '_temporaryTransfer' in e,
    );
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.every((e) => e._temporaryTransfer === 1 && e.transferKind === 'temporary')).toBe(true);
    const temporaryBefore = (rowsBefore[SYNCED_TABLES.indexOf('memberEvents')] as Record<string, unknown>[]).filter(
      (e) => e.transferKind === 'temporary',
    );
    expect(marked.map((e) => e.id)).toEqual(temporaryBefore.map((e) => e.id));
    for (const e of marked) delete e._temporaryTransfer;
    // And the bulk creation line, which gained its records' one creation stamp.
    const journalAfter = rowsAfter[SYNCED_TABLES.length] as JournalEntry[];
    const members = rowsBefore[SYNCED_TABLES.indexOf('members')] as StoredRecord[];
    expect(journalAfter.map((line) => line.createdStamps)).toEqual([[members[0]!._h], undefined]);
    for (const line of journalAfter) delete line.createdStamps;
    expect(rowsAfter).toEqual(rowsBefore);
    // The answers are not empty: the comparison means something.
    const count = (name: string) => (before[name] as unknown[]).length;
    expect(ACTIVE_MEMBER_STATUSES.reduce((n, s) => n + count(`status:${s}`), 0)).toBeGreaterThan(200);
    for (const name of ['deletedOrgs', 'deletedMembers', 'card', 'citizen', 'eventsOf', 'eventsOfMany', 'deletedEventsOf', 'temporaryTransfers', 'deletedEvents', 'openConflicts'])
      expect(count(name), name).toBeGreaterThan(0);
    expect(count('journalBulk')).toBe(1);
    db.close();
  });

  it('keeps only the secondary indexes a query reads', async () => {
    const { name } = await versionThreeWithData();
    const db = new QldvDatabase(name);
    await db.open();
    const indexes = (table: string) => db.table(table).schema.indexes.map((i) => i.name).sort();
    expect(indexes('organizations')).toEqual(['[deleted+type]']);
    expect(indexes('members')).toEqual(
      ['[deleted+_nameKey]', '[deleted+organizationId]', '[deleted+status]', 'citizenId', 'partyCardNumber'].sort(),
    );
    expect(indexes('memberEvents')).toEqual(['[deleted+memberId]', '_temporaryTransfer']);
    expect(indexes('memberPhotos')).toEqual([]);
    expect(indexes('settings')).toEqual([]);
    expect(indexes('journal')).toEqual(['createdStamps', 'recordId']);
    // Dropped for real in IndexedDB, not only in Dexie's view of it.
    const native = (table: string) => [...db.backendDB().transaction(table).objectStore(table).indexNames].sort();
    expect(native('members')).toEqual(indexes('members'));
    expect(native('journal')).toEqual(['createdStamps', 'recordId']);
    expect(db.journal.schema.idxByName.createdStamps?.multi).toBe(true);
    db.close();
  });

  it('gives a version 5 database’s bulk creation lines their records’ creation stamps, and finds them by record', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    names.push(name);
    const ward = generateDemoWard({ seed: 20250702, memberCount: 120, asOf: '2025-11-26' });
    const clock = new HybridLogicalClock('aaaaaaaaaaaaaaaa', undefined, () => Date.UTC(2026, 10, 26));
    const [a, b, c] = [clock.now(), clock.now(), clock.now()];
    const stamped = (records: readonly object[], stampOf: (i: number) => string) =>
      records.map((r, i) => stampEdit(undefined, r as StoredRecord, stampOf(i))!.record);
    // Members 0–79 from one Excel import (stamp a); 80–119 arrived by a sync file, created on the
    // other laptop by two actions (b, c); the events by the import (a); organizations by b.
    const members = stamped(ward.members, (i) => (i < 80 ? a : i < 100 ? b : c)).map((m) =>
      withDerivedFields('members', m),
    );
    const events = stamped(ward.events, () => a);
    const organizations = stamped(ward.organizations, () => b);
    // Ids no longer stored (a line keeps naming what it created): skipped. 12,000 of them before the
    // organizations, so these are read by a later chunk than the first.
    const gone = Array.from({ length: 12_000 }, () => crypto.randomUUID());
    const line = (table: JournalEntry['table'], recordIds: string[], hlc: string): JournalEntry => ({
      at: '2026-11-26T08:00:00.000Z',
      hlc,
      table,
      recordId: recordIds[0]!,
      recordIds,
      kind: 'create',
      user: 'Lê Thị Hằng',
      deviceName: 'Máy Văn phòng 1',
      nodeId: 'aaaaaaaaaaaaaaaa',
      source: 'local',
    });
    const ids = (records: readonly StoredRecord[]) => records.map((r) => r.id);
    const old = versionFive(name);
    await old.open();
    await old.table('members').bulkAdd(members);
    await old.table('memberEvents').bulkAdd(events);
    await old.table('organizations').bulkAdd(organizations);
    await old.table('journal').bulkAdd([
      line('members', ids(members.slice(0, 80)), a),
      line('memberEvents', ids(events), a),
      { ...line('members', ids(members.slice(80)), c), source: 'sync' },
      line('organizations', [...gone, ...ids(organizations)], b),
      line('members', gone.slice(0, 3), a),
      {
        at: '2026-11-26T09:00:00.000Z',
        hlc: c,
        table: 'members',
        recordId: members[5]!.id,
        kind: 'update',
        fields: ['phone'],
        user: 'Lê Thị Hằng',
        deviceName: 'Máy Văn phòng 1',
        nodeId: 'aaaaaaaaaaaaaaaa',
        source: 'local',
      },
    ]);
    old.close();

    const db = new QldvDatabase(name);
    await db.open();
    expect(db.verno).toBe(6);
    const lines = await db.journal.orderBy('seq').toArray();
    expect(lines.map((l) => (l.createdStamps ? [...l.createdStamps].sort() : undefined))).toEqual([
      [a],
      [a],
      [b, c],
      [b],
      undefined, // every record it names is gone
      undefined, // not a bulk line
    ]);
    // Each line keeps the ids it names.
    expect(lines[3]!.recordIds).toHaveLength(12_000 + organizations.length);
    const seqs = lines.map((l) => l.seq!);
    const found = async (table: 'members' | 'memberEvents' | 'organizations', id: string) => {
      const stored = (await db.syncedTable(table).get(id))!;
      return (await creationLines(db, id, stored._h).toArray()).map((l) => l.seq);
    };
    expect(await found('members', members[5]!.id)).toEqual([seqs[0]]);
    expect(await found('members', members[79]!.id)).toEqual([seqs[0]]);
    expect(await found('members', members[85]!.id)).toEqual([seqs[2]]);
    expect(await found('members', members[110]!.id)).toEqual([seqs[2]]);
    expect(await found('memberEvents', events[7]!.id)).toEqual([seqs[1]]);
    expect(await found('organizations', organizations.at(-1)!.id)).toEqual([seqs[3]]);
    // The stamp alone does not name a record: the events' line shares the members' stamp a.
    expect(await creationLines(db, members[5]!.id, a).count()).toBe(1);
    expect(await creationLines(db, members[85]!.id, a).count()).toBe(0);
    // Only bulk lines are in the index: the update stamped c is not.
    expect(await db.journal.where('createdStamps').equals(c).count()).toBe(1);
    db.close();
  });
});
