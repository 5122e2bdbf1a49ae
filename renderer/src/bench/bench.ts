/**
 * In-page benchmark entry (built only with `--mode bench`). tests/bench/run.mjs drives it in
 * Chromium: each function runs the app's real code on the real IndexedDB and returns figures.
 */
import { generateDemoWard } from '@shared/demo/generator';
import { stampEdit } from '@shared/sync/record';
import { HybridLogicalClock, randomNodeId } from '@shared/sync/hlc';
import Dexie from 'dexie';
import type { SyncedTableName } from '../db/database';
import { withDerivedFields } from '../db/derived';
import { openDataStore, type DataStore } from '../db/store';
import { DEMO_SEED, LOAD_BATCH_SIZE, writeInBatches } from '../features/onboarding/setup';
import type { Draft } from '../db/writePath';
import type { Organization } from '@shared/domain/types';
import { countByOrganization, rollUp } from '@shared/domain/orgCounts';
import { liveOrganizations } from '../features/organizations/queries';
import { loadMemberStates } from '../features/organizations/useOrgCounts';
import { excelExport, excelImport } from '../features/excel/excelBench';
import { statisticsCompute } from '../features/statistics/statisticsBench';
import { rawWrite } from './rawWrite';
import './syncBench';

const ASOF = '2025-11-26';

function demoTables(memberCount: number): { table: SyncedTableName; records: Draft[] }[] {
  const demo = generateDemoWard({ seed: DEMO_SEED, memberCount, asOf: ASOF });
  return [
    { table: 'organizations', records: demo.organizations as unknown as Draft[] },
    { table: 'members', records: demo.members as unknown as Draft[] },
    { table: 'memberEvents', records: demo.events as unknown as Draft[] },
  ];
}

/** Dexie `bulkPut` of the same records, already in their stored shape, in the same batches. */
async function rawBulkPut(tables: { table: SyncedTableName; records: Draft[] }[]): Promise<number> {
  const clock = new HybridLogicalClock(randomNodeId(), undefined);
  const stamp = clock.now();
  const stored = tables.map(({ table, records }) => ({
    table,
    // Stored exactly as the write path stores them, derived index fields included.
    rows: records.map((r) => withDerivedFields(table, stampEdit(undefined, r, stamp)!.record)),
  }));
  return rawWrite(stored, { name: 'qldv-bench-raw', method: 'bulkPut', batchSize: LOAD_BATCH_SIZE });
}

export interface LoadFigures {
  bulkMs: number;
  rawBulkPutMs: number;
  records: number;
}

/** Loads the demo of `memberCount` members into the app's own database, ready for the dashboard. */
async function load(memberCount: number): Promise<LoadFigures> {
  await Dexie.delete('qldv');
  const tables = demoTables(memberCount);
  const records = tables.reduce((n, t) => n + t.records.length, 0);
  // The baseline runs first, so any warm-up (JIT, IndexedDB start-up) favours it, not us.
  const rawBulkPutMs = await rawBulkPut(tables);
  const store = await openDataStore();
  const t0 = performance.now();
  await writeInBatches(store, tables);
  const bulkMs = performance.now() - t0;
  await store.setMeta('setupCompletedAt', new Date().toISOString());
  store.close();
  return { bulkMs, rawBulkPutMs, records };
}

/** One open database for successive counts, as in the app: its in-memory indexes stay loaded. */
let countsStore: Promise<DataStore> | undefined;

/**
 * Counts for the whole organization tree as of a date: read members (and for a past date their
 * events and timelines, the first time), resolve every member's state, count per organization and
 * roll up the tree.
 */
async function orgTreeCounts(asOf: string): Promise<{ ms: number; organizations: number; total: number }> {
  countsStore ??= openDataStore();
  const store = await countsStore;
  const organizations = (await liveOrganizations(store.db)) as unknown as Organization[];
  const t0 = performance.now();
  const { states } = await loadMemberStates(store.db, asOf);
  const own = countByOrganization(states.values(), organizations, { asOf });
  const rolled = rollUp(own, organizations, { asOf });
  const ms = performance.now() - t0;
  const root = organizations.find((o) => o.type === 'ward');
  return { ms, organizations: organizations.length, total: (root && rolled.get(root.id)?.total) ?? 0 };
}

declare global {
  interface Window {
    qldvBench: {
      load: typeof load;
      orgTreeCounts: typeof orgTreeCounts;
      excelImport: typeof excelImport;
      excelExport: typeof excelExport;
      statisticsCompute: typeof statisticsCompute;
    };
  }
}

window.qldvBench = { load, orgTreeCounts, excelImport, excelExport, statisticsCompute };
document.getElementById('status')!.textContent = 'bench-ready';
