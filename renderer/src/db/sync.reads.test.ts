/**
 * How an import reads the local records a file names, and how an export reads the records it
 * carries: by key range when the file covers most of a range, by id otherwise. Whatever the way,
 * the merge must see every local record and nothing else, and the file must carry exactly the
 * picked records.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDemoWard } from '@shared/demo/generator';
import { canonicalRecord, type SyncRecord } from '@shared/sync/merge';
import type { DataStore } from './store';
import { applyBundle, dataDigest, exportRecords } from './sync';
import { canonicalData, exportFile, openSyncTestStore } from './sync.testing';
import { commit, upsert } from './writePath';
import { draft } from '../../../tests/fixtures/records';

let wall = Date.UTC(2026, 10, 26, 8);
const clock = () => wall;
let a: DataStore;
let b: DataStore;
const ward = generateDemoWard({ seed: 'sync-reads', memberCount: 400 });

beforeEach(async () => {
  a = await openSyncTestStore('aaaaaaaaaaaaaaaa', clock);
  b = await openSyncTestStore('bbbbbbbbbbbbbbbb', clock);
  await commit(a, [
    upsert('organizations', ward.organizations.map(draft)),
    upsert('members', ward.members.map(draft)),
    upsert('memberEvents', ward.events.map(draft)),
  ]);
  wall += 60_000;
});
afterEach(() => {
  a.close();
  b.close();
});

const ids = (store: DataStore) => store.db.members.orderBy(':id').primaryKeys();

async function send(from: DataStore, to: DataStore, peer?: string) {
  const file = await exportFile(from, crypto.randomUUID(), clock, peer);
  const report = await applyBundle(to, file.manifest, file.records, { now: wall });
  wall += 60_000;
  return { file, report };
}

describe('reading the records a file names', () => {
  it('a full file into an empty laptop, back into the full one, then edits spread thin and bunched', async () => {
    // Empty table: nothing held, every record new.
    const first = await send(a, b);
    expect(first.report.counts.new).toBe(first.file.records.length);
    expect(await canonicalData(b)).toBe(await canonicalData(a));

    // A full file against the same records: read by range, every record found, nothing changes.
    const back = await send(b, a);
    expect(back.report.counts.unchanged).toBe(back.file.records.length);

    // One member in four edited on B: a delta spread across A's whole key range (read by id).
    const members = await ids(b);
    const spread = members.filter((_, i) => i % 4 === 0);
    await commit(b, [upsert('members', spread.map((id) => ({ id, phone: `09${id.slice(0, 8)}` })))]);
    const thin = await send(b, a, a.identity.nodeId);
    expect(thin.file.records).toHaveLength(spread.length);
    expect(thin.report.counts.updated).toBe(spread.length);
    expect(await canonicalData(a)).toBe(await canonicalData(b));

    // A run of neighbouring members edited on A, plus members A creates, sent in a delta (spread:
    // read by id) and then in a full file (read by range, the new ones found held, none missing).
    const run = (await ids(a)).slice(100, 220);
    const created = generateDemoWard({ seed: 'sync-reads-new', memberCount: 80 }).members.map((m) => ({
      ...draft(m),
      organizationId: ward.members[0]!.organizationId,
    }));
    await commit(a, [
      upsert('members', [...run.map((id) => ({ id, notes: 'Đã cập nhật hồ sơ' })), ...created]),
    ]);
    const bunched = await send(a, b, b.identity.nodeId);
    expect(bunched.report.counts.updated).toBe(run.length);
    expect(bunched.report.counts.new).toBe(created.length);
    expect(await canonicalData(b)).toBe(await canonicalData(a));
    const more = generateDemoWard({ seed: 'sync-reads-more', memberCount: 30 }).members.map((m) => ({
      ...draft(m),
      organizationId: ward.members[0]!.organizationId,
    }));
    await commit(a, [upsert('members', more)]);
    // A full file whose range holds all of B's members and 30 it lacks: read by range.
    const full = await send(a, b);
    expect(full.report.counts.new).toBe(more.length);
    expect(full.report.counts.unchanged).toBe(full.file.records.length - more.length);
    expect(await dataDigest(a)).toBe(await dataDigest(b));
  });

  it('an export carries exactly the picked records, whether read by range or by id', async () => {
    await send(a, b);
    await send(b, a);
    const members = await ids(a);
    // More than half of the members changed: the delta reads the table by range and filters.
    const most = members.filter((_, i) => i % 3 !== 0);
    await commit(a, [upsert('members', most.map((id) => ({ id, workplace: 'Trường Tiểu học Phúc Lợi' })))]);
    const delta = await exportRecords(a, { peerNodeId: b.identity.nodeId });
    const lines = [];
    for await (const line of delta.records) lines.push(line);
    expect(delta.facts().counts.members).toBe(most.length);
    expect(lines.map((l) => l.r.id).sort()).toEqual([...most].sort());
    expect(lines.every((l) => l.r.workplace === 'Trường Tiểu học Phúc Lợi')).toBe(true);
  });

  it('a line is the stored row when its content is canonical, and the canonical record when not', async () => {
    const [first, second] = await a.db.members.orderBy(':id').limit(2).toArray();
    // A row as an older version might have left it: an empty value kept, a stamp equal to the creation.
    const odd = { ...second!, religion: null, _v: { ...second!._v, phone: second!._h } };
    await a.db.members.put(odd);
    const full = await exportRecords(a);
    const lines = new Map<string, SyncRecord>();
    for await (const line of full.records) lines.set(line.r.id, line.r);
    expect(lines.get(first!.id)).toEqual(first);
    expect(lines.get(odd.id)).toEqual(canonicalRecord(odd));
    expect(lines.get(odd.id)).not.toHaveProperty('religion');
    expect(lines.get(odd.id)!._v).not.toHaveProperty('phone');
  });
});
