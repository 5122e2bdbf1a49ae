/**
 * Conflicts listed by an import: one save stamps all its records with one stamp, so two laptops'
 * saves of the same field of several members make as many conflicts, each listed once.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { generateDemoWard } from '@shared/demo/generator';
import type { DataStore } from './store';
import { applyBundle, openConflicts } from './sync';
import { exportFile, openSyncTestStore } from './sync.testing';
import { commit, upsert } from './writePath';
import { draft } from '../../../tests/fixtures/records';

let wall = Date.UTC(2026, 10, 26, 8);
const clock = () => wall;
let a: DataStore;
let b: DataStore;

beforeEach(async () => {
  a = await openSyncTestStore('aaaaaaaaaaaaaaaa', clock);
  b = await openSyncTestStore('bbbbbbbbbbbbbbbb', clock);
  const ward = generateDemoWard({ seed: 'sync-conflicts', memberCount: 40 });
  await commit(a, [upsert('organizations', ward.organizations.map(draft)), upsert('members', ward.members.map(draft))]);
  wall += 1000;
});
afterEach(() => {
  a.close();
  b.close();
});

async function fileOf(from: DataStore) {
  const file = await exportFile(from, crypto.randomUUID(), clock);
  wall += 1000;
  return file;
}

it('three members whose phone both laptops changed in one save each: three conflicts on each laptop', async () => {
  const first = await fileOf(a);
  await applyBundle(b, first.manifest, first.records, { now: wall });
  const back = await fileOf(b);
  await applyBundle(a, back.manifest, back.records, { now: wall });
  const three = (await a.db.members.orderBy(':id').primaryKeys()).slice(0, 3);
  await commit(a, [upsert('members', three.map((id, i) => ({ id, phone: `091234567${i}` })))]);
  await commit(b, [upsert('members', three.map((id, i) => ({ id, phone: `098765432${i}` })))]);
  wall += 1000;
  const fromA = await fileOf(a);
  const fromB = await fileOf(b);
  const intoB = await applyBundle(b, fromA.manifest, fromA.records, { now: wall });
  const intoA = await applyBundle(a, fromB.manifest, fromB.records, { now: wall });
  expect(intoB.conflicts).toBe(3);
  expect(intoA.conflicts).toBe(3);
  for (const store of [a, b]) {
    const listed = await openConflicts(store);
    expect(listed.map((c) => c.recordId).sort()).toEqual([...three].sort());
    expect(listed.every((c) => c.field === 'phone')).toBe(true);
  }
  // The same file again lists nothing new.
  await applyBundle(b, fromA.manifest, fromA.records, { now: wall });
  expect(await openConflicts(b)).toHaveLength(3);
});
