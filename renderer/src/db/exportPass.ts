/**
 * The one read of an export (docs/sync-format.md, format 2): every synced row, a key range of 2,000
 * at a time, goes into the digest of all data, and the rows the file carries go out as lines while
 * their counts and stamp range are taken. Needs only the Dexie database, so it runs on the page
 * (`exportRecords` in sync.ts) or in the sync worker, which opens the database itself and so reads,
 * checks, compresses and seals in one thread without copying the rows to it.
 */
import type { BundleRecord, VersionVector } from '@shared/sync/bundleTypes';
import { DataDigest } from '@shared/sync/digest';
import { canonicalRecord, type SyncRecord } from '@shared/sync/merge';
import { computeMaxHlc, type StoredRecord } from '@shared/sync/record';
import { peerNeedsRecord } from '@shared/sync/vectors';
import { SYNCED_TABLES, type QldvDatabase, type SyncedTableName } from './database';

const CHUNK = 2000;

/** What an export's one pass found: known once its records were read to the end. */
export interface ExportFacts {
  counts: Record<string, number>;
  hlcMin: string | null;
  hlcMax: string | null;
  /** Digest of all this laptop's synced data (not only what the file carries). */
  dataDigest: string;
}

export interface ExportPass {
  /** Rows in the synced tables when the pass was made: the lines of a full file, at most those of a delta. */
  rows: number;
  /** The lines, organizations first, a chunk of the database at a time; read once. */
  batches: AsyncIterable<BundleRecord[]>;
  /** Counts, stamp range and digest, once `batches` was read to the end (throws before). */
  facts(): ExportFacts;
}

/**
 * The pass: a full file when `base` is left out, else the rows with a stamp `base` does not cover.
 * `onRows(read, rows)` after each chunk: the export's progress (a delta reads every row too).
 */
export async function exportPass(
  db: QldvDatabase,
  base: VersionVector | undefined,
  onRows?: (read: number, total: number) => void,
): Promise<ExportPass> {
  const tableRows = await Promise.all(SYNCED_TABLES.map((table) => db.syncedTable(table).count()));
  const rows = tableRows.reduce((sum, n) => sum + n, 0);
  let facts: ExportFacts | null = null;
  async function* batches(): AsyncIterable<BundleRecord[]> {
    const counts: Record<string, number> = {};
    const digest = new DataDigest();
    let hlcMin: string | null = null;
    let hlcMax: string | null = null;
    let read = 0;
    for (const table of SYNCED_TABLES) {
      let picked = 0;
      for await (const chunk of chunksReadAhead(db, table)) {
        const lines: BundleRecord[] = [];
        for (const row of chunk) {
          // The stored row as is: the digest, the vector test and the stamps ignore derived fields.
          const record = row as SyncRecord;
          digest.add(table, record);
          if (!peerNeedsRecord(record, base)) continue;
          const max = computeMaxHlc(record);
          if (hlcMin === null || record._h < hlcMin) hlcMin = record._h;
          if (hlcMax === null || max > hlcMax) hlcMax = max;
          lines.push({ t: table, r: travelling(row) });
        }
        picked += lines.length;
        read += chunk.length;
        onRows?.(read, rows);
        if (lines.length > 0) yield lines;
      }
      counts[table] = picked;
    }
    facts = { counts, hlcMin, hlcMax, dataDigest: digest.toString() };
  }
  return {
    rows,
    batches: batches(),
    facts: () => {
      if (!facts) throw new Error('exportPass: the records were not read to the end');
      return facts;
    },
  };
}

/**
 * A table's rows in primary-key order, a chunk at a time, with the next chunk's read already asked
 * for while the caller works on this one: IndexedDB reads on its own thread, so reading and the
 * export's work on the rows overlap (at most two chunks held). Outside transactions only.
 */
export async function* chunksReadAhead(db: QldvDatabase, table: SyncedTableName): AsyncIterable<StoredRecord[]> {
  const t = db.syncedTable(table);
  const read = (after: string | undefined) =>
    (after === undefined ? t.orderBy(':id') : t.where(':id').above(after)).limit(CHUNK).toArray();
  let next: Promise<StoredRecord[]> | null = read(undefined);
  try {
    while (next) {
      const rows: StoredRecord[] = await next;
      next = rows.length === CHUNK ? read(rows[rows.length - 1]!.id) : null;
      if (rows.length > 0) yield rows;
    }
  } finally {
    // A caller that stops early leaves a read in flight: its failure is nobody's to report.
    next?.catch(() => undefined);
  }
}

/**
 * Whether a stored row already has the canonical record's content (no empty values, a 0/1 deleted
 * flag, field stamps only where they differ from the creation, on business fields), apart from
 * derived `_` fields, which the file writer leaves out. Rows written by the write path and by
 * imports always do; checking is a loop, building the canonical copy costs maps and sorting.
 */
function hasCanonicalContent(row: StoredRecord): boolean {
  if (row.deleted !== 0 && row.deleted !== 1) return false;
  if (typeof row._v !== 'object' || row._v === null) return false;
  for (const key in row) if (row[key] === null || row[key] === undefined) return false;
  const h = row._h;
  for (const field in row._v) {
    const stamp = row._v[field];
    if (stamp === undefined || stamp === null || stamp === h || field === 'id' || field.startsWith('_')) return false;
  }
  return true;
}

/** A stored row as a file line: itself when its content is canonical already, else its canonical form. */
function travelling(row: StoredRecord): SyncRecord {
  return hasCanonicalContent(row) ? row : canonicalRecord(row);
}
