/**
 * The raw Dexie baseline of the benchmarks: rows already in their stored shape (derived fields
 * included) written with `bulkPut` or `bulkAdd` into a new database, in batches that are each their
 * own transaction. No diff, no stamp, no validation, no journal: what IndexedDB alone costs for the
 * same rows. Used by `load.raw_bulkput_ms` (bench.ts), `raw.import_bulkadd_ms` and the index audit
 * (syncBench.ts).
 */
import Dexie from 'dexie';
import type { StoredRecord } from '@shared/sync/record';
import { QldvDatabase } from '../db/database';

export interface RawTable {
  table: string;
  rows: readonly StoredRecord[];
}

export interface RawWriteOptions {
  /** Database to create (deleted before and after). */
  name: string;
  method: 'bulkPut' | 'bulkAdd';
  batchSize: number;
  /**
   * The tables' schema (Dexie `stores()` strings, one version); default the app's own database
   * with all its versions.
   */
  schema?: Record<string, string>;
}

/** Milliseconds of the writes alone (opening the database and preparing the rows are not timed). */
export async function rawWrite(tables: readonly RawTable[], options: RawWriteOptions): Promise<number> {
  await Dexie.delete(options.name);
  let db: Dexie;
  if (options.schema) {
    db = new Dexie(options.name);
    db.version(1).stores(options.schema);
  } else db = new QldvDatabase(options.name);
  await db.open();
  try {
    const t0 = performance.now();
    for (const { table, rows } of tables) {
      const t = db.table<StoredRecord, string>(table);
      for (let i = 0; i < rows.length; i += options.batchSize) {
        const batch = rows.slice(i, i + options.batchSize);
        await db.transaction('rw', t, () => (options.method === 'bulkAdd' ? t.bulkAdd(batch) : t.bulkPut(batch)));
      }
    }
    return performance.now() - t0;
  } finally {
    db.close();
    await Dexie.delete(options.name);
  }
}
