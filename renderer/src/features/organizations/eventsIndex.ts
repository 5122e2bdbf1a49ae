/**
 * Every lifecycle event kept in memory, grouped by member, for counts as of a past date: the
 * events are read once per open database (2.5 s at 100,000 members) and then follow the journal,
 * like the member register's index, so a second date costs only the replay.
 */
import { liveQuery, type Subscription } from 'dexie';
import type { MemberEvent } from '@shared/domain/types';
import type { QldvDatabase } from '../../db/database';

export class EventsIndex {
  /** Events not in the recycle bin, by member id. Replaced, never mutated, on change. */
  byMember: ReadonlyMap<string, readonly MemberEvent[]> = new Map();
  private lastSeq = 0;
  private loading: Promise<void> | null = null;
  private subscription: Subscription | null = null;
  private queue: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly db: QldvDatabase) {}

  /** Loads every event once; later calls wait for the same load and any catch-up under way. */
  async load(): Promise<void> {
    this.loading ??= this.loadAll();
    await this.loading;
    await this.queue;
  }

  private async loadAll(): Promise<void> {
    const { db } = this;
    const { records, seq } = await db.transaction('r', db.memberEvents, db.journal, async () => ({
      records: await db.memberEvents.toArray(),
      seq: ((await db.journal.orderBy('seq').lastKey()) as number | undefined) ?? 0,
    }));
    const byMember = new Map<string, MemberEvent[]>();
    for (const record of records) {
      if (record.deleted !== 0) continue;
      const event = record as unknown as MemberEvent;
      const list = byMember.get(event.memberId);
      if (list) list.push(event);
      else byMember.set(event.memberId, [event]);
    }
    this.byMember = byMember;
    this.lastSeq = seq;
    this.subscription = liveQuery(() => db.journal.orderBy('seq').lastKey()).subscribe({
      next: (last) => {
        if (typeof last === 'number' && last > this.lastSeq)
          this.queue = this.queue.then(() => this.catchUp());
      },
    });
  }

  /** Re-reads the events the journal names since the last look. */
  private async catchUp(): Promise<void> {
    const entries = await this.db.journal.where('seq').above(this.lastSeq).toArray();
    if (entries.length === 0) return;
    this.lastSeq = Math.max(this.lastSeq, ...entries.map((e) => e.seq ?? 0));
    const ids = [...new Set(entries.filter((e) => e.table === 'memberEvents').map((e) => e.recordId))];
    if (ids.length === 0) return;
    const records = (await this.db.memberEvents.bulkGet(ids)).filter((r) => r !== undefined);
    const touched = new Set(ids);
    const byMember = new Map(this.byMember);
    for (const [memberId, list] of byMember)
      if (list.some((e) => touched.has(e.id)))
        byMember.set(
          memberId,
          list.filter((e) => !touched.has(e.id)),
        );
    for (const record of records) {
      if (record.deleted !== 0) continue;
      const event = record as unknown as MemberEvent;
      byMember.set(event.memberId, [...(byMember.get(event.memberId) ?? []), event]);
    }
    this.byMember = byMember;
    for (const listener of this.listeners) listener();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.subscription?.unsubscribe();
    this.listeners.clear();
  }
}

const indexes = new WeakMap<QldvDatabase, EventsIndex>();

/** The one events index of an open database. */
export function eventsIndexFor(db: QldvDatabase): EventsIndex {
  let index = indexes.get(db);
  if (!index) {
    index = new EventsIndex(db);
    indexes.set(db, index);
  }
  return index;
}
