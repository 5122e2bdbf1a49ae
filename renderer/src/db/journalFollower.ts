/**
 * What in-memory indexes share: they read a table once, then follow the journal. Every write,
 * local or from a sync file, adds journal lines, so an index re-reads only the records the new
 * lines name. Catch-ups run one after another, each on what the previous one left.
 */
import { liveQuery, type Subscription } from 'dexie';
import type { QldvDatabase, SyncedTableName } from './database';

/** The journal's newest line number, read in the same transaction as the index's first load. */
export async function lastJournalSeq(db: QldvDatabase): Promise<number> {
  return ((await db.journal.orderBy('seq').lastKey()) as number | undefined) ?? 0;
}

export interface JournalFollower {
  /** Resolves once every catch-up started so far has finished. */
  settled(): Promise<void>;
  stop(): void;
}

/**
 * Calls `onChanged` with the ids of `table`'s records written after journal line `afterSeq`,
 * whenever new lines arrive.
 */
export function followJournal(
  db: QldvDatabase,
  table: SyncedTableName,
  afterSeq: number,
  onChanged: (ids: string[]) => Promise<void>,
): JournalFollower {
  let lastSeq = afterSeq;
  let queue: Promise<void> = Promise.resolve();
  const catchUp = async () => {
    const entries = await db.journal.where('seq').above(lastSeq).toArray();
    if (entries.length === 0) return;
    lastSeq = Math.max(lastSeq, ...entries.map((e) => e.seq ?? 0));
    // A bulk creation's one line names all its records in `recordIds`.
    const ids = [...new Set(entries.filter((e) => e.table === table).flatMap((e) => e.recordIds ?? [e.recordId]))];
    if (ids.length) await onChanged(ids);
  };
  const subscription: Subscription = liveQuery(() => db.journal.orderBy('seq').lastKey()).subscribe({
    next: (last) => {
      if (typeof last === 'number' && last > lastSeq) queue = queue.then(catchUp);
    },
  });
  return { settled: () => queue, stop: () => subscription.unsubscribe() };
}

/** One instance per open database, made on first use (the register, the events index…). */
export function perDatabase<T>(make: (db: QldvDatabase) => T): (db: QldvDatabase) => T {
  const instances = new WeakMap<QldvDatabase, T>();
  return (db) => {
    let instance = instances.get(db);
    if (!instance) {
      instance = make(db);
      instances.set(db, instance);
    }
    return instance;
  };
}

/** Listeners of an index, told when its data was replaced. */
export class Listeners {
  private readonly listeners = new Set<() => void>();
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  notify(): void {
    for (const listener of this.listeners) listener();
  }
  clear(): void {
    this.listeners.clear();
  }
}
