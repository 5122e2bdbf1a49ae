/**
 * The two ways to start: an empty register under the committee's name, or the demo ward.
 * Both go through the one write path, so what they create travels by sync like any edit.
 */
import type { Organization } from '@shared/domain/types';
import { generateDemoWard } from '@shared/demo/generator';
import { todayIso } from '@shared/domain/dates';
import { normalizeText } from '@shared/text/vi';
import { commit, upsert, type Draft, type WriteResult } from '../../db/writePath';
import type { DataStore } from '../../db/store';
import type { SyncedTableName } from '../../db/database';

export const DEMO_SEED = 20250701;
/** Records per transaction when loading many: large enough to be fast, small enough to show progress. */
export const LOAD_BATCH_SIZE = 5000;

export function wardRecord(name: string, id: string = crypto.randomUUID()): Organization {
  return {
    id,
    name: normalizeText(name),
    type: 'ward',
    category: 'partyAgency',
    isGrassroots: false,
    parentId: null,
    origin: 'founded',
    status: 'active',
    term: '2025–2030',
    sortOrder: 0,
  };
}

async function finishSetup(store: DataStore, deviceName: string | undefined): Promise<void> {
  if (deviceName && normalizeText(deviceName)) await store.setNames({ deviceName: normalizeText(deviceName) });
  await store.setMeta('setupCompletedAt', new Date().toISOString());
}

/** "Bắt đầu": an empty register whose root is the committee. */
export async function startEmpty(store: DataStore, committeeName: string, deviceName?: string): Promise<void> {
  await commit(store, [upsert('organizations', [wardRecord(committeeName) as unknown as Draft])]);
  await finishSetup(store, deviceName);
}

export interface LoadProgress {
  done: number;
  total: number;
}

/** Writes records table by table in batches through the write path; returns the summed result. */
export async function writeInBatches(
  store: DataStore,
  tables: { table: SyncedTableName; records: readonly Draft[] }[],
  onProgress?: (progress: LoadProgress) => void,
  batchSize = LOAD_BATCH_SIZE,
): Promise<WriteResult> {
  const total = tables.reduce((sum, t) => sum + t.records.length, 0);
  const sum: WriteResult = { stamp: null, created: 0, updated: 0, deleted: 0, restored: 0, unchanged: 0 };
  let done = 0;
  onProgress?.({ done, total });
  for (const { table, records } of tables) {
    for (let start = 0; start < records.length; start += batchSize) {
      const batch = records.slice(start, start + batchSize);
      const result = await commit(store, [upsert(table, batch)]);
      sum.created += result.created;
      sum.updated += result.updated;
      sum.unchanged += result.unchanged;
      sum.stamp = result.stamp ?? sum.stamp;
      done += batch.length;
      onProgress?.({ done, total });
    }
  }
  return sum;
}

export interface DemoOptions {
  memberCount?: number;
  seed?: number;
  asOf?: string;
  onProgress?: (progress: LoadProgress) => void;
}

/** "Dùng dữ liệu mẫu": the demo ward, deterministic for a seed, every record marked as demo. */
export async function loadDemo(store: DataStore, options: DemoOptions = {}): Promise<WriteResult> {
  const demo = generateDemoWard({
    seed: options.seed ?? DEMO_SEED,
    memberCount: options.memberCount ?? 3882,
    asOf: options.asOf ?? todayIso(),
  });
  return writeInBatches(
    store,
    [
      { table: 'organizations', records: demo.organizations as unknown as Draft[] },
      { table: 'members', records: demo.members as unknown as Draft[] },
      { table: 'memberEvents', records: demo.events as unknown as Draft[] },
    ],
    options.onProgress,
  );
}

export async function startWithDemo(store: DataStore, options: DemoOptions & { deviceName?: string } = {}): Promise<void> {
  await loadDemo(store, options);
  await finishSetup(store, options.deviceName);
}
