/**
 * End to end through the `.qldv` codec (shared/sync/bundle): a laptop streams its records into an
 * encrypted file, another reads it back and applies it. A damaged file is refused before any write.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBundle, writeBundle, isBundleError } from '@shared/sync/bundle';
import { joinParts, testOfficeKey } from '@shared/sync/bundle/testing';
import { SYNC_SCHEMA_VERSION } from '@shared/sync/mergeBundle';
import { generateDemoWard } from '@shared/demo/generator';
import { SYNCED_TABLES } from './database';
import type { DataStore } from './store';
import { applyBundle, dataDigest, exportRecords } from './sync';
import { canonicalData, openSyncTestStore } from './sync.testing';
import { commit, upsert } from './writePath';
import { draft } from '../../../tests/fixtures/records';

let wall = Date.UTC(2026, 10, 26, 8);
const clock = () => wall;
let a: DataStore;
let b: DataStore;

beforeEach(async () => {
  a = await openSyncTestStore('aaaaaaaaaaaaaaaa', clock);
  b = await openSyncTestStore('bbbbbbbbbbbbbbbb', clock);
  const ward = generateDemoWard({ seed: 'sync-e2e', memberCount: 300 });
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

async function fileFrom(store: DataStore, peerNodeId?: string) {
  const key = await testOfficeKey();
  const prepared = await exportRecords(store, peerNodeId ? { peerNodeId } : {});
  const written = await writeBundle({
    ...key,
    manifest: {
      appVersion: 'test',
      schemaVersion: SYNC_SCHEMA_VERSION,
      minReaderSchema: SYNC_SCHEMA_VERSION,
      datasetId: store.identity.datasetId,
      officeName: 'Đảng ủy phường',
      kind: prepared.kind,
      sourceNodeId: store.identity.nodeId,
      sourceDeviceName: store.identity.deviceName,
      exportedAt: new Date(wall).toISOString(),
      baseVV: prepared.baseVV,
      sourceVV: prepared.sourceVV,
      ...(prepared.targetNodeId ? { targetNodeId: prepared.targetNodeId } : {}),
    },
    batches: prepared.batches,
    lateManifest: () => ({ dataDigest: prepared.facts().dataDigest }),
  });
  return { key, bytes: joinParts(written.parts) };
}

async function open(
  file: { key: Awaited<ReturnType<typeof testOfficeKey>>; bytes: Uint8Array },
  into: DataStore,
) {
  return readBundle(
    file.bytes,
    { officeKey: file.key.officeKey, keyId: file.key.keyId },
    { maxSchema: SYNC_SCHEMA_VERSION, expectedDatasetId: into.identity.datasetId },
  );
}

describe('sync through a .qldv file', () => {
  it('a full file, then a delta back, make both laptops identical', async () => {
    const full = await open(await fileFrom(a), b);
    expect(full.records[0]!.t).toBe('organizations');
    await applyBundle(b, full.manifest, full.records, { now: wall });
    expect(await canonicalData(b)).toBe(await canonicalData(a));
    expect(await dataDigest(b)).toBe(full.manifest.dataDigest);

    const someone = (await b.db.members.limit(1).first())!;
    await commit(b, [upsert('members', [{ id: someone.id, phone: '0912345678' }])]);
    const fromB = await open(await fileFrom(b), a);
    await applyBundle(a, fromB.manifest, fromB.records, { now: wall });
    await commit(a, [upsert('members', [{ id: someone.id, notes: 'Đã chuyển sinh hoạt' }])]);
    const delta = await open(await fileFrom(a, b.identity.nodeId), b);
    expect(delta.manifest.kind).toBe('delta');
    expect(delta.records).toHaveLength(1);
    await applyBundle(b, delta.manifest, delta.records, { now: wall });
    expect(await canonicalData(b)).toBe(await canonicalData(a));
    expect(await dataDigest(a)).toBe(await dataDigest(b));
  });

  it('a file with one flipped bit is refused, and the database is unchanged', async () => {
    const file = await fileFrom(a);
    const damaged = file.bytes.slice();
    damaged[Math.floor(damaged.length / 2)]! ^= 0x10;
    const before = JSON.stringify(await Promise.all(SYNCED_TABLES.map((t) => b.db.syncedTable(t).toArray())));
    const error = await open({ ...file, bytes: damaged }, b).catch((e: unknown) => e);
    expect(isBundleError(error)).toBe(true);
    expect(JSON.stringify(await Promise.all(SYNCED_TABLES.map((t) => b.db.syncedTable(t).toArray())))).toBe(
      before,
    );
  });
});
