/**
 * The register kept in memory: one row per member (not in the recycle bin), in register order,
 * so a search or a filter over 100,000 members is a scan of an array, not a database query.
 *
 * It loads once per open database and then follows the journal: every write, local or from a
 * sync file, adds journal lines, so the index re-reads only the members those lines name.
 */
import Dexie, { liveQuery, type Subscription } from 'dexie';
import { toRegisterRow, type RegisterRow } from '@shared/reports/register';
import type { Member } from '@shared/domain/types';
import type { StoredRecord } from '@shared/sync/record';
import type { QldvDatabase } from '../../../db/database';

function toRow(record: StoredRecord): RegisterRow {
  return toRegisterRow(record as unknown as Member & { _nameKey?: unknown });
}

/** The first rows of the register straight from the `[deleted+_nameKey]` index. */
export async function firstRegisterPage(db: QldvDatabase, limit: number): Promise<RegisterRow[]> {
  const records = await db.members.where('[deleted+_nameKey]').between([0, Dexie.minKey], [0, Dexie.maxKey]).limit(limit).toArray();
  return records.map(toRow);
}

function insertSorted(rows: RegisterRow[], row: RegisterRow): void {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (rows[mid]!.nameKey < row.nameKey || (rows[mid]!.nameKey === row.nameKey && rows[mid]!.id < row.id)) low = mid + 1;
    else high = mid;
  }
  rows.splice(low, 0, row);
}

export class RegisterIndex {
  /** Every member not in the recycle bin, in register order. Replaced, never mutated, on change. */
  rows: readonly RegisterRow[] = [];
  ready = false;
  private lastSeq = 0;
  private loading: Promise<void> | null = null;
  private subscription: Subscription | null = null;
  /** Catch-ups run one after another, each on the rows the previous one left. */
  private queue: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly db: QldvDatabase) {}

  /** Loads the whole register once; later calls wait for the same load. */
  load(): Promise<void> {
    this.loading ??= this.loadAll();
    return this.loading;
  }

  private async loadAll(): Promise<void> {
    const { db } = this;
    const { records, seq } = await db.transaction('r', db.members, db.journal, async () => ({
      records: await db.members.where('[deleted+_nameKey]').between([0, Dexie.minKey], [0, Dexie.maxKey]).toArray(),
      seq: ((await db.journal.orderBy('seq').lastKey()) as number | undefined) ?? 0,
    }));
    this.rows = records.map(toRow);
    this.lastSeq = seq;
    this.ready = true;
    this.notify();
    this.subscription = liveQuery(() => db.journal.orderBy('seq').lastKey()).subscribe({
      next: (last) => {
        if (typeof last === 'number' && last > this.lastSeq) this.queue = this.queue.then(() => this.catchUp());
      },
    });
  }

  /** Applies the writes made since the last look: re-reads the members they touched. */
  private async catchUp(): Promise<void> {
    const entries = await this.db.journal.where('seq').above(this.lastSeq).toArray();
    if (entries.length === 0) return;
    this.lastSeq = Math.max(this.lastSeq, ...entries.map((e) => e.seq ?? 0));
    const ids = [...new Set(entries.filter((e) => e.table === 'members').map((e) => e.recordId))];
    if (ids.length === 0) return;
    const records = await this.db.members.bulkGet(ids);
    const touched = new Set(ids);
    const rows = this.rows.filter((row) => !touched.has(row.id));
    for (const record of records) if (record && record.deleted === 0) insertSorted(rows, toRow(record));
    this.rows = rows;
    this.notify();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  close(): void {
    this.subscription?.unsubscribe();
    this.listeners.clear();
  }
}

const indexes = new WeakMap<QldvDatabase, RegisterIndex>();

/** The one register index of an open database, shared by every screen that lists members. */
export function registerIndexFor(db: QldvDatabase): RegisterIndex {
  let index = indexes.get(db);
  if (!index) {
    index = new RegisterIndex(db);
    indexes.set(db, index);
  }
  return index;
}
