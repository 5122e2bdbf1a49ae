/**
 * Every lifecycle event kept in memory, grouped by member, for counts as of a past date: the
 * events are read once per open database (2.5 s at 100,000 members) and then follow the journal
 * (db/journalFollower.ts), like the member register's index, so a second date costs only the replay.
 */
import type { MemberEvent } from '@shared/domain/types';
import type { QldvDatabase } from '../../db/database';
import {
  followJournal,
  lastJournalSeq,
  Listeners,
  perDatabase,
  type JournalFollower,
} from '../../db/journalFollower';

export class EventsIndex {
  /** Events not in the recycle bin, by member id. Replaced, never mutated, on change. */
  byMember: ReadonlyMap<string, readonly MemberEvent[]> = new Map();
  private loading: Promise<void> | null = null;
  private follower: JournalFollower | null = null;
  private readonly listeners = new Listeners();

  constructor(private readonly db: QldvDatabase) {}

  /** Loads every event once; later calls wait for the same load and any catch-up under way. */
  async load(): Promise<void> {
    this.loading ??= this.loadAll();
    await this.loading;
    await this.follower?.settled();
  }

  private async loadAll(): Promise<void> {
    const { db } = this;
    const { records, seq } = await db.transaction('r', db.memberEvents, db.journal, async () => ({
      records: await db.memberEvents.toArray(),
      seq: await lastJournalSeq(db),
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
    this.follower = followJournal(db, 'memberEvents', seq, (ids) => this.apply(ids));
  }

  /** Re-reads the events a write touched. */
  private async apply(ids: string[]): Promise<void> {
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

/** The one events index of an open database. */
export const eventsIndexFor = perDatabase((db) => new EventsIndex(db));
