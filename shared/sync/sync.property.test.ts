/**
 * The acceptance test of sync.md on the in-memory store: hundreds of random runs of 2–5 laptops
 * (see simulation.testing.ts). On failure fast-check prints the seed and the shrunk scenario.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyBundle, exportFromStore } from './mergeBundle';
import { MemorySyncStore, type MemorySnapshot } from './memoryStore';
import { SIM_DATASET, runScenario, scenarioArb, type SimFactory, type SimLaptop } from './simulation.testing';
import type { BundleManifest } from './bundleTypes';

const BATCH = 4;

function laptop(store: MemorySyncStore, wall: () => number): SimLaptop {
  return {
    nodeId: store.nodeId,
    act(actions) {
      const stamp = store.clock.now();
      let changed = false;
      for (const a of actions) {
        const result =
          a.kind === 'upsert'
            ? store.edit(a.table, a.patch, stamp)
            : store.setDeleted(a.table, a.id, a.kind === 'delete', stamp);
        changed ||= result !== null;
      }
      return Promise.resolve(changed ? stamp : null);
    },
    get: (table, id) => Promise.resolve(store.get(table, id)),
    all: (table) => Promise.resolve(store.all(table)),
    async exportFile(bundleId, peer) {
      const exported = await exportFromStore(store, peer);
      const manifest: BundleManifest = {
        formatVersion: 1,
        appVersion: 'test',
        schemaVersion: 1,
        minReaderSchema: 1,
        datasetId: SIM_DATASET,
        officeName: 'Đảng ủy phường',
        kind: exported.kind,
        bundleId,
        sourceNodeId: store.nodeId,
        sourceDeviceName: `Máy ${store.nodeId}`,
        exportedAt: new Date(wall()).toISOString(),
        hlcMin: exported.hlcMin,
        hlcMax: exported.hlcMax,
        baseVV: exported.baseVV,
        sourceVV: exported.sourceVV,
        ...(exported.targetNodeId ? { targetNodeId: exported.targetNodeId } : {}),
        counts: exported.counts,
      };
      return { manifest, records: exported.records };
    },
    async importFile(file, crashAfterWrites) {
      let writes = 0;
      store.beforeWrite =
        crashAfterWrites === undefined
          ? undefined
          : () => {
              if (writes++ >= crashAfterWrites) throw new Error('simulated crash');
            };
      try {
        await applyBundle(store, file.manifest, file.records, {
          schemaVersion: 1,
          now: wall(),
          batchSize: BATCH,
        });
      } finally {
        store.beforeWrite = undefined;
      }
    },
    canonicalData: () => Promise.resolve(store.canonicalData()),
    stateJson: async () => JSON.stringify(await store.syncState()) + store.clock.last,
    snapshot: () => Promise.resolve(store.snapshot()),
  };
}

const factory: SimFactory = {
  batchSize: BATCH,
  create(nodeId, wall) {
    return Promise.resolve(
      laptop(new MemorySyncStore({ nodeId, datasetId: SIM_DATASET, wallClock: wall }), wall),
    );
  },
  restore(snapshot, nodeId, wall) {
    return Promise.resolve(
      laptop(
        MemorySyncStore.restore(snapshot as MemorySnapshot, {
          datasetId: SIM_DATASET,
          wallClock: wall,
          nodeId,
        }),
        wall,
      ),
    );
  },
};

describe('sync simulation in memory (sync.md guarantees 1–5)', () => {
  it('converges to the newest write per field, whatever the order, repeats, crashes and restores', async () => {
    const totals = { files: 0, imports: 0, crashes: 0, restores: 0, writes: 0 };
    await fc.assert(
      fc.asyncProperty(scenarioArb(60), async (scenario) => {
        const outcome = await runScenario(factory, scenario);
        for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += outcome[key];
      }),
      { numRuns: 300, verbose: 1 },
    );
    console.info('sync simulation (memory):', totals);
    // The runs really exercised what they claim to. Scenarios are random: 300 runs make 19–34
    // crashes and as many restores, so the bounds sit well below that, not at its edge.
    expect(totals.crashes).toBeGreaterThan(5);
    expect(totals.restores).toBeGreaterThan(5);
    expect(totals.imports).toBeGreaterThan(1000);
  }, 120_000);
});
