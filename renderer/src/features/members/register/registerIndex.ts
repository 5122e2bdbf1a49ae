/**
 * The register kept in memory: one row per member (not in the recycle bin), in register order,
 * so a search or a filter over 100,000 members is a scan of an array, not a database query.
 * It loads once per open database and then follows the journal (db/journalFollower.ts).
 */
import Dexie from 'dexie';
import { prepareSearch, toRegisterRow, type RegisterRow } from '@shared/reports/register';
import type { Member } from '@shared/domain/types';
import type { StoredRecord } from '@shared/sync/record';
import type { QldvDatabase } from '../../../db/database';
import {
  followJournal,
  lastJournalSeq,
  Listeners,
  perDatabase,
  type JournalFollower,
} from '../../../db/journalFollower';

function toRow(record: StoredRecord): RegisterRow {
  return toRegisterRow(record as unknown as Member & { _nameKey?: unknown });
}

/** The first rows of the register straight from the `[deleted+_nameKey]` index. */
export async function firstRegisterPage(db: QldvDatabase, limit: number): Promise<RegisterRow[]> {
  const records = await db.members
    .where('[deleted+_nameKey]')
    .between([0, Dexie.minKey], [0, Dexie.maxKey])
    .limit(limit)
    .toArray();
  return records.map(toRow);
}

function insertSorted(rows: RegisterRow[], row: RegisterRow): void {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (rows[mid]!.nameKey < row.nameKey || (rows[mid]!.nameKey === row.nameKey && rows[mid]!.id < row.id))
      low = mid + 1;
    else high = mid;
  }
  rows.splice(low, 0, row);
}

export class RegisterIndex {
  /** Every member not in the recycle bin, in register order. Replaced, never mutated, on change. */
  rows: readonly RegisterRow[] = [];
  ready = false;
  private loading: Promise<void> | null = null;
  private follower: JournalFollower | null = null;
  private readonly listeners = new Listeners();

  constructor(private readonly db: QldvDatabase) {}

  /** Loads the whole register once; later calls wait for the same load. */
  load(): Promise<void> {
    this.loading ??= this.loadAll();
    return this.loading;
  }

  private async loadAll(): Promise<void> {
    const { db } = this;
    const { records, seq } = await db.transaction('r', db.members, db.journal, async () => ({
      records: await db.members
        .where('[deleted+_nameKey]')
        .between([0, Dexie.minKey], [0, Dexie.maxKey])
        .toArray(),
      seq: await lastJournalSeq(db),
    }));
    this.rows = records.map(toRow);
    // The search's columns are built now, not on the first keystroke.
    prepareSearch(this.rows);
    this.ready = true;
    this.listeners.notify();
    this.follower = followJournal(db, 'members', seq, (ids) => this.apply(ids));
  }

  /** Re-reads the members a write touched and puts them back in register order. */
  private async apply(ids: string[]): Promise<void> {
    const records = await this.db.members.bulkGet(ids);
    const touched = new Set(ids);
    const rows = this.rows.filter((row) => !touched.has(row.id));
    for (const record of records) if (record && record.deleted === 0) insertSorted(rows, toRow(record));
    prepareSearch(rows);
    this.rows = rows;
    this.listeners.notify();
  }

  subscribe(listener: () => void): () => void {
    return this.listeners.subscribe(listener);
  }

  close(): void {
    this.follower?.stop();
    this.listeners.clear();
  }
}

/** The one register index of an open database, shared by every screen that lists members. */
export const registerIndexFor = perDatabase((db) => new RegisterIndex(db));
