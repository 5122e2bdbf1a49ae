import { travellingRecord } from '@shared/sync/bundle/payload';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SyncImportError } from '@shared/sync/mergeBundle';
import { draft, makeMember, makeOrganization } from '../../../tests/fixtures/records';
import { openSyncTestStore, exportFile, canonicalData } from './sync.testing';
import type { DataStore } from './store';
import {
  applyBundle,
  dataDigest,
  exportRecords,
  keepConflictValue,
  openConflicts,
  previewBundle,
  readSyncState,
} from './sync';
import { commit, upsert } from './writePath';
import { SYNCED_TABLES } from './database';
import { creationLines } from './journalLookup';

const NODE_A = 'aaaaaaaaaaaaaaaa';
const NODE_B = 'bbbbbbbbbbbbbbbb';
let wall = Date.UTC(2026, 10, 26, 8);
const clock = () => wall;
let a: DataStore;
let b: DataStore;
let bundles = 0;
const file = (from: DataStore, peer?: string) => exportFile(from, `bundle-${++bundles}`, clock, peer);

const org = draft(
  makeOrganization({ id: '11111111-1111-4111-8111-111111111111', name: 'Chi bộ Tổ dân phố số 1' }),
);
const org2 = draft(
  makeOrganization({
    id: '22222222-2222-4222-8222-222222222222',
    name: 'Chi bộ Tổ dân phố số 2',
    sortOrder: 2,
  }),
);
const an = draft(
  makeMember({
    id: '33333333-3333-4333-8333-333333333333',
    organizationId: org.id,
    fullName: 'Nguyễn Văn An',
    partyCardNumber: '0101',
  }),
);

/** Everything in the database, to check a refused or crashed import changed nothing. */
async function everything(store: DataStore): Promise<string> {
  const meta = await store.db.meta.toArray();
  return JSON.stringify({
    data: await Promise.all(SYNCED_TABLES.map((t) => store.db.syncedTable(t).toArray())),
    meta,
    journal: await store.db.journal.toArray(),
    conflicts: await store.db.syncConflicts.toArray(),
  });
}

beforeEach(async () => {
  wall = Date.UTC(2026, 10, 26, 8);
  a = await openSyncTestStore(NODE_A, clock);
  b = await openSyncTestStore(NODE_B, clock);
  await commit(a, [upsert('organizations', [org, org2]), upsert('members', [an])]);
  wall += 60_000;
});
afterEach(() => {
  a.close();
  b.close();
});

describe('applyBundle on Dexie', () => {
  it('stores a new laptop’s records as the write path would, with journal, vectors and clock', async () => {
    const full = await file(a);
    expect(full.records.map((l) => l.t)).toEqual(['organizations', 'organizations', 'members']);
    // A line may be the stored row, derived fields and all; the file writer leaves those out.
    expect(Object.keys(travellingRecord(full.records[2]!).r).some((k) => k === '_nameKey' || k === '_maxHlc')).toBe(false);
    const report = await applyBundle(b, full.manifest, full.records, { now: wall });
    expect(report.counts.new).toBe(3);
    const row = (await b.db.members.get(an.id))!;
    expect(row).toMatchObject({
      fullName: 'Nguyễn Văn An',
      _h: full.records[2]!.r._h,
      _maxHlc: full.records[2]!.r._h,
    });
    expect(typeof row._nameKey).toBe('string');
    // Creations: one line per table (and creating laptop) naming its records, as a bulk creation.
    const journal = await b.db.journal.toArray();
    expect(journal).toHaveLength(2);
    // A's one commit created the organizations and the member: one creation stamp.
    expect(journal[0]).toMatchObject({
      table: 'organizations',
      kind: 'create',
      recordIds: [org.id, org2.id],
      createdStamps: [full.records[0]!.r._h],
    });
    expect(journal[1]).toMatchObject({
      table: 'members',
      recordId: an.id,
      recordIds: [an.id],
      createdStamps: [full.records[2]!.r._h],
      kind: 'create',
      hlc: full.records[2]!.r._h,
      source: 'sync',
      nodeId: NODE_A,
      deviceName: a.identity.deviceName,
      user: b.identity.userName,
    });
    expect(journal[1]!.fields).toBeUndefined();
    const state = await readSyncState(b);
    expect(state.vv[NODE_A]).toBe(full.manifest.sourceVV[NODE_A]);
    expect(state.peers[NODE_A]!.knownVV).toEqual(full.manifest.sourceVV);
    expect(state.imports.map((i) => i.bundleId)).toEqual([full.manifest.bundleId]);
    expect(b.clock.last > full.manifest.hlcMax!).toBe(true);
    expect((await b.db.meta.get('clock'))!.value).toBe(b.clock.last);
    // The same file again: nothing changes.
    const before = await canonicalData(b);
    const again = await applyBundle(b, full.manifest, full.records, { now: wall });
    expect(again).toMatchObject({ alreadyImported: true, counts: { unchanged: 3 } });
    expect(await canonicalData(b)).toBe(before);
    expect(await b.db.journal.count()).toBe(2);
  });

  it('journals an update old → new with the laptop whose edit it was', async () => {
    const first = await file(a);
    await applyBundle(b, first.manifest, first.records, { now: wall });
    await commit(a, [upsert('members', [{ id: an.id, phone: '0912345678' }])]);
    const second = await file(a);
    await applyBundle(b, second.manifest, second.records, { now: wall });
    const last = (await b.db.journal.orderBy('seq').last())!;
    expect(last).toMatchObject({
      kind: 'update',
      fields: ['phone'],
      changes: [{ field: 'phone', old: undefined, new: '0912345678' }],
      nodeId: NODE_A,
      source: 'sync',
    });
  });

  it('groups creations per table and per laptop that created them; later changes stay one line each', async () => {
    // A record made on a third laptop C reaches B through A's file, with A's own records.
    const c = await openSyncTestStore('cccccccccccccccc', clock);
    const fromC = draft(makeMember({ organizationId: org.id, fullName: 'Lê Thị Cúc' }));
    await commit(c, [upsert('members', [fromC])]);
    wall += 60_000;
    const cFile = await exportFile(c, 'bundle-c', clock);
    await applyBundle(a, cFile.manifest, cFile.records, { now: wall });
    c.close();
    const fromA = draft(makeMember({ organizationId: org.id, fullName: 'Đỗ Văn Bắc' }));
    await commit(a, [upsert('members', [fromA])]);
    const full = await file(a);
    await applyBundle(b, full.manifest, full.records, { now: wall });
    const lines = (await b.db.journal.toArray()).filter((j) => j.table === 'members');
    expect(lines).toHaveLength(2);
    const byNode = new Map(lines.map((line) => [line.nodeId, line]));
    expect([...byNode.get(NODE_A)!.recordIds!].sort()).toEqual([an.id, fromA.id].sort());
    expect(byNode.get(NODE_A)).toMatchObject({ kind: 'create', deviceName: a.identity.deviceName, source: 'sync' });
    // The newest creation stamp of the group.
    const stampOf = (id: string) => full.records.find((l) => l.r.id === id)!.r._h;
    expect(byNode.get(NODE_A)!.hlc).toBe([stampOf(an.id), stampOf(fromA.id)].sort().at(-1));
    // Its records were created by two commits of A: both creation stamps, once each.
    expect([...byNode.get(NODE_A)!.createdStamps!].sort()).toEqual([stampOf(an.id), stampOf(fromA.id)].sort());
    expect(stampOf(an.id)).not.toBe(stampOf(fromA.id));
    // Laptop C never sent B a file: its name is not known here, its id is shown.
    expect(byNode.get('cccccccccccccccc')).toMatchObject({
      recordIds: [fromC.id],
      createdStamps: [stampOf(fromC.id)],
      deviceName: 'Máy cccccccc',
    });
    // Every record finds its creation line, the one of its laptop, through its stored stamp.
    for (const [id, node] of [[an.id, NODE_A], [fromA.id, NODE_A], [fromC.id, 'cccccccccccccccc']] as const) {
      const stored = (await b.db.members.get(id))!;
      const found = await creationLines(b.db, id, stored._h).toArray();
      expect(found.map((line) => line.seq)).toEqual([byNode.get(node)!.seq]);
    }
    // A later change of two records: one line each, old → new.
    wall += 60_000;
    await commit(a, [upsert('members', [{ id: an.id, phone: '0911111111' }, { id: fromC.id, phone: '0922222222' }])]);
    const next = await file(a);
    const seqBefore = (await b.db.journal.orderBy('seq').last())!.seq!;
    await applyBundle(b, next.manifest, next.records, { now: wall });
    const after = await b.db.journal.where('seq').above(seqBefore).toArray();
    expect(after.map((j) => [j.recordId, j.kind, j.changes])).toEqual(
      [an.id, fromC.id]
        .sort()
        .map((id) => [id, 'update', [{ field: 'phone', old: undefined, new: id === an.id ? '0911111111' : '0922222222' }]]),
    );
    expect(after.every((j) => j.recordIds === undefined && j.createdStamps === undefined && j.nodeId === NODE_A)).toBe(
      true,
    );
  });

  it('writes no row for a record the merge leaves as it is (a full file imported twice, or a peer’s full file)', async () => {
    const members = Array.from({ length: 20 }, (_, i) =>
      draft(makeMember({ organizationId: org.id, fullName: `Đảng viên ${i}` })),
    );
    await commit(a, [upsert('members', members)]);
    const full = await file(a);
    await applyBundle(b, full.manifest, full.records, { now: wall });
    const written: string[] = [];
    for (const table of SYNCED_TABLES) {
      const t = b.db.syncedTable(table);
      const put = t.bulkPut.bind(t);
      t.bulkPut = (rows: readonly { id: string }[]) => {
        written.push(...rows.map((r) => `${table}:${r.id}`));
        return put(rows as never);
      };
    }
    const journal = await b.db.journal.count();
    await applyBundle(b, full.manifest, full.records, { now: wall });
    expect(written).toEqual([]);
    expect(await b.db.journal.count()).toBe(journal);
    // A's full file after one edit there: only that record is written.
    wall += 60_000;
    await commit(a, [upsert('members', [{ id: members[7]!.id, phone: '0933333333' }])]);
    const again = await file(a);
    const report = await applyBundle(b, again.manifest, again.records, { now: wall });
    expect(report.counts).toMatchObject({ updated: 1, unchanged: full.records.length - 1 });
    expect(written).toEqual([`members:${members[7]!.id}`]);
    expect(await b.db.journal.count()).toBe(journal + 1);
  });

  it('refuses a file with a record its schema refuses, before any write', async () => {
    const full = await file(a);
    const broken = structuredClone(full.records);
    delete (broken[2]!.r as Record<string, unknown>).fullName;
    const before = await everything(b);
    await expect(applyBundle(b, full.manifest, broken, { now: wall })).rejects.toThrow(SyncImportError);
    await expect(applyBundle(b, full.manifest, broken, { now: wall })).rejects.toThrow(/fullName/);
    expect(await everything(b)).toBe(before);
  });

  it('a crash inside the one transaction leaves the database exactly as it was', async () => {
    await commit(b, [upsert('organizations', [draft(makeOrganization({ name: 'Chi bộ Trường Tiểu học' }))])]);
    const full = await file(a);
    const before = await everything(b);
    let writes = 0;
    const crash = () => {
      if (writes++ === 2) throw new Error('simulated crash');
    };
    await expect(
      applyBundle(b, full.manifest, full.records, { now: wall, beforeWrite: crash }),
    ).rejects.toThrow('simulated crash');
    expect(await everything(b)).toBe(before);
  });

  it('a crash between batches leaves merged records and the old vectors; re-importing completes', async () => {
    const members = Array.from({ length: 9 }, (_, i) =>
      makeMember({ organizationId: org.id, fullName: `Đảng viên ${i}` }),
    );
    const drafts = members.map(draft);
    await commit(a, [upsert('members', drafts)]);
    const full = await file(a);
    let batches = 0;
    const crash = () => {
      if (batches === 2) throw new Error('simulated crash');
    };
    await expect(
      applyBundle(b, full.manifest, full.records, {
        now: wall,
        batchSize: 4,
        beforeWrite: crash,
        onBatch: () => batches++,
      }),
    ).rejects.toThrow('simulated crash');
    expect(await b.db.members.count()).toBe(6);
    expect(await readSyncState(b)).toEqual({ vv: {}, peers: {}, imports: [] });
    const report = await applyBundle(b, full.manifest, full.records, { now: wall, batchSize: 4 });
    expect(report.counts).toMatchObject({ new: 4, unchanged: 8 });
    expect(await canonicalData(b)).toBe(await canonicalData(a));
  });
});

describe('files from a newer version, and the clock guard, on Dexie', () => {
  it('keeps fields this version does not know, with their stamps, and exports them unchanged', async () => {
    const full = await file(a);
    const newer = structuredClone(full.records);
    const member = newer[2]!.r;
    const stamp = `${full.manifest.hlcMax!.slice(0, -16)}${NODE_A}`.replace(/-0000-/, '-0001-');
    Object.assign(member, { partyBranchRank: { level: 2 }, _v: { ...member._v, partyBranchRank: stamp } });
    await applyBundle(b, full.manifest, newer, { now: wall });
    expect((await b.db.members.get(an.id))!).toMatchObject({
      partyBranchRank: { level: 2 },
      _v: { partyBranchRank: stamp },
    });
    await commit(b, [upsert('members', [{ id: an.id, phone: '0912345678' }])]);
    const back = await file(b);
    expect(back.records.find((l) => l.r.id === an.id)!.r).toMatchObject({
      partyBranchRank: { level: 2 },
      phone: '0912345678',
      _v: { partyBranchRank: stamp },
    });
  });

  it('refuses a file stamped more than 30 days ahead of this computer, writing nothing', async () => {
    wall += 31 * 24 * 60 * 60 * 1000;
    await commit(a, [upsert('members', [{ id: an.id, phone: '0912345678' }])]);
    wall -= 31 * 24 * 60 * 60 * 1000;
    const ahead = await file(a);
    const before = await everything(b);
    await expect(applyBundle(b, ahead.manifest, ahead.records, { now: wall })).rejects.toThrow(
      /Ngày giờ máy tính không đúng/,
    );
    expect(await everything(b)).toBe(before);
    const preview = await previewBundle(b, ahead.manifest, ahead.records, { now: wall });
    expect(preview.refusal).toMatch(/31 ngày/);
  });
});

describe('conflicts on Dexie', () => {
  it('lists concurrent edits once, and "Giữ giá trị này" writes a new edit that travels', async () => {
    const first = await file(a);
    await applyBundle(b, first.manifest, first.records, { now: wall });
    await commit(a, [upsert('members', [{ id: an.id, phone: '0912000000' }])]);
    wall += 1000;
    await commit(b, [upsert('members', [{ id: an.id, phone: '0988000000' }])]);
    const fromB = await file(b);
    await applyBundle(a, fromB.manifest, fromB.records, { now: wall });
    await applyBundle(a, fromB.manifest, fromB.records, { now: wall });
    const open = await openConflicts(a);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({
      field: 'phone',
      winner: 'incoming',
      localValue: '0912000000',
      incomingValue: '0988000000',
      localNodeId: NODE_A,
      incomingNodeId: NODE_B,
    });
    expect((await a.db.members.get(an.id))!.phone).toBe('0988000000');
    wall += 1000;
    await keepConflictValue(a, open[0]!.seq!, 'local');
    expect(await openConflicts(a)).toEqual([]);
    expect((await a.db.members.get(an.id))!.phone).toBe('0912000000');
    const back = await file(a, NODE_B);
    expect(back.manifest.kind).toBe('delta');
    await applyBundle(b, back.manifest, back.records, { now: wall });
    expect((await b.db.members.get(an.id))!.phone).toBe('0912000000');
    expect(await openConflicts(b)).toEqual([]);
  });
});

describe('export and digest on Dexie', () => {
  it('a delta for a known peer carries only the records it lacks; digests match after both ways', async () => {
    const first = await file(a);
    await applyBundle(b, first.manifest, first.records, { now: wall });
    const fromB = await file(b);
    await applyBundle(a, fromB.manifest, fromB.records, { now: wall });
    expect(await dataDigest(a)).toBe(await dataDigest(b));
    await commit(b, [upsert('members', [{ id: an.id, organizationId: org2.id }])]);
    expect(await dataDigest(a)).not.toBe(await dataDigest(b));
    const prepared = await exportRecords(b, { peerNodeId: NODE_A });
    expect(prepared).toMatchObject({ kind: 'delta', targetNodeId: NODE_A });
    for await (const _line of prepared.records);
    expect(prepared.facts()).toMatchObject({ counts: { organizations: 0, members: 1 } });
    expect(prepared.facts().dataDigest).toBe(await dataDigest(b));
    const delta = await file(b, NODE_A);
    expect(delta.records.map((l) => l.r.id)).toEqual([an.id]);
    await applyBundle(a, delta.manifest, delta.records, { now: wall });
    expect(await dataDigest(a)).toBe(await dataDigest(b));
    expect(await canonicalData(a)).toBe(await canonicalData(b));
  });
});

describe('previewBundle on Dexie', () => {
  it('shows moves and likely duplicates found through the indexes, and writes nothing', async () => {
    await commit(b, [upsert('organizations', [org, org2])]);
    const twin = draft(
      makeMember({ organizationId: org.id, fullName: 'Trần Thị Bình', partyCardNumber: '0101' }),
    );
    await commit(b, [upsert('members', [twin])]);
    const full = await file(a);
    const before = await everything(b);
    const preview = await previewBundle(b, full.manifest, full.records, { now: wall });
    expect(preview.refusal).toBeNull();
    expect(preview.created.map((c) => c.id)).toEqual([an.id]);
    expect(preview.duplicates).toHaveLength(1);
    expect(preview.duplicates[0]!.existing.id).toBe(twin.id);
    expect(preview.duplicates[0]!.messages[0]).toMatch(
      /Số thẻ đảng viên 0101 trùng với đồng chí Trần Thị Bình/,
    );
    expect(await everything(b)).toBe(before);

    await applyBundle(b, full.manifest, full.records, { now: wall });
    await commit(a, [upsert('members', [{ id: an.id, organizationId: org2.id }])]);
    const move = await file(a);
    const moved = await previewBundle(b, move.manifest, move.records, { now: wall });
    expect(moved.moves).toEqual([{ memberId: an.id, fullName: 'Nguyễn Văn An', from: org.id, to: org2.id }]);
    expect(moved.importedBefore).toBeNull();
    const again = await previewBundle(b, full.manifest, full.records, { now: wall });
    expect(again.importedBefore?.bundleId).toBe(full.manifest.bundleId);
  });
});
