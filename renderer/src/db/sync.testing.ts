/**
 * A laptop of the sync simulation (shared/sync/simulation.testing.ts) on the real Dexie database
 * with fake-indexeddb: the app's write path for local edits, and this folder's sync adapter.
 */
import type { BundleManifest } from '@shared/sync/bundleTypes';
import { canonicalRecord, toSyncRecord, type SyncRecord } from '@shared/sync/merge';
import { canonicalJson, type StoredRecord } from '@shared/sync/record';
import { withStamp } from '@shared/sync/vectors';
import { SIM_DATASET, type SimFactory, type SimLaptop } from '@shared/sync/simulation.testing';
import type { VersionVector } from '@shared/sync/bundleTypes';
import { QldvDatabase, SYNCED_TABLES, type MetaEntry, type StoredSyncConflict } from './database';
import { openDataStore, type DataStore } from './store';
import { applyBundle, exportRecords, readSyncState } from './sync';
import { commit, type WriteOp } from './writePath';

interface DexieSnapshot {
  tables: Record<string, StoredRecord[]>;
  meta: MetaEntry[];
  conflicts: StoredSyncConflict[];
}

/** Opens a store whose identity is given (node id, dataset), as if set up so. */
export async function openSyncTestStore(
  nodeId: string,
  wall: () => number,
  datasetId = SIM_DATASET,
  seed?: (db: QldvDatabase) => Promise<void>,
): Promise<DataStore> {
  const name = `sync-${nodeId}-${crypto.randomUUID()}`;
  const db = new QldvDatabase(name);
  await db.open();
  await db.meta.bulkPut([
    { key: 'nodeId', value: nodeId },
    { key: 'datasetId', value: datasetId },
    { key: 'deviceName', value: `Máy ${nodeId.slice(-4)}` },
  ]);
  await seed?.(db);
  db.close();
  return openDataStore({ name, wallClock: wall });
}

export async function canonicalData(store: DataStore): Promise<string> {
  const out: Record<string, SyncRecord[]> = {};
  for (const table of SYNCED_TABLES)
    out[table] = (await store.db.syncedTable(table).toArray())
      .map((row) => canonicalRecord(toSyncRecord(row)))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return canonicalJson(out);
}

export async function exportFile(
  store: DataStore,
  bundleId: string,
  wall: () => number,
  peerNodeId?: string,
) {
  const prepared = await exportRecords(store, peerNodeId ? { peerNodeId } : {});
  const records = [];
  for await (const line of prepared.records) records.push(line);
  const facts = prepared.facts();
  const manifest: BundleManifest = {
    formatVersion: 2,
    appVersion: 'test',
    schemaVersion: 1,
    minReaderSchema: 1,
    datasetId: store.identity.datasetId,
    officeName: 'Đảng ủy phường',
    kind: prepared.kind,
    bundleId,
    sourceNodeId: store.identity.nodeId,
    sourceDeviceName: store.identity.deviceName,
    exportedAt: new Date(wall()).toISOString(),
    hlcMin: facts.hlcMin,
    hlcMax: facts.hlcMax,
    baseVV: prepared.baseVV,
    sourceVV: prepared.sourceVV,
    ...(prepared.targetNodeId ? { targetNodeId: prepared.targetNodeId } : {}),
    counts: facts.counts,
    dataDigest: facts.dataDigest,
  };
  return { manifest, records };
}

function dexieLaptop(store: DataStore, wall: () => number, batchSize: number): SimLaptop {
  return {
    nodeId: store.identity.nodeId,
    async act(actions) {
      const ops: WriteOp[] = actions.map((a) =>
        a.kind === 'upsert'
          ? { table: a.table as WriteOp['table'], kind: 'upsert', records: [a.patch] }
          : { table: a.table as WriteOp['table'], kind: a.kind, ids: [a.id] },
      );
      return (await commit(store, ops)).stamp;
    },
    async get(table, id) {
      const row = await store.db.syncedTable(table as (typeof SYNCED_TABLES)[number]).get(id);
      return row ? toSyncRecord(row) : undefined;
    },
    async all(table) {
      return (await store.db.syncedTable(table as (typeof SYNCED_TABLES)[number]).toArray()).map(
        toSyncRecord,
      );
    },
    exportFile: (bundleId, peer) => exportFile(store, bundleId, wall, peer),
    async importFile(file, crashAfterWrites) {
      let writes = 0;
      await applyBundle(store, file.manifest, file.records, {
        batchSize,
        now: wall(),
        ...(crashAfterWrites === undefined
          ? {}
          : {
              beforeWrite: () => {
                if (writes++ >= crashAfterWrites) throw new Error('simulated crash');
              },
            }),
      });
    },
    canonicalData: () => canonicalData(store),
    stateJson: async () => JSON.stringify(await readSyncState(store)) + store.clock.last,
    async snapshot(): Promise<DexieSnapshot> {
      const tables: Record<string, StoredRecord[]> = {};
      for (const table of SYNCED_TABLES) tables[table] = await store.db.syncedTable(table).toArray();
      return structuredClone({
        tables,
        meta: await store.db.meta.toArray(),
        conflicts: await store.db.syncConflicts.toArray(),
      });
    },
    close() {
      store.close();
      return Promise.resolve();
    },
  };
}

/**
 * Restores a backup as the backup feature must: the backup's records, sync facts and conflicts, a
 * new node id (a new incarnation, so peers send it everything again), and the old incarnation's
 * clock added to the vector (it held all its own writes up to then).
 */
async function restoreSnapshot(
  snapshot: DexieSnapshot,
  nodeId: string,
  wall: () => number,
): Promise<DataStore> {
  const meta = new Map(snapshot.meta.map((e) => [e.key, e.value]));
  const oldClock = meta.get('clock') as string | undefined;
  const vv = (meta.get('syncVV') as VersionVector | undefined) ?? {};
  return openSyncTestStore(nodeId, wall, meta.get('datasetId') as string, async (db) => {
    for (const table of SYNCED_TABLES) await db.syncedTable(table).bulkPut(snapshot.tables[table]!);
    await db.syncConflicts.bulkPut(snapshot.conflicts);
    const carried = snapshot.meta.filter((e) => ['syncPeers', 'syncImports', 'userName'].includes(e.key));
    await db.meta.bulkPut([
      ...carried,
      { key: 'syncVV', value: oldClock ? withStamp(vv, oldClock) : vv },
      ...(oldClock ? [{ key: 'clock' as const, value: oldClock.slice(0, -16) + nodeId }] : []),
    ]);
  });
}

export function dexieSimFactory(batchSize: number): SimFactory {
  return {
    batchSize,
    async create(nodeId, wall) {
      return dexieLaptop(await openSyncTestStore(nodeId, wall), wall, batchSize);
    },
    async restore(snapshot, nodeId, wall) {
      return dexieLaptop(await restoreSnapshot(snapshot as DexieSnapshot, nodeId, wall), wall, batchSize);
    },
  };
}
