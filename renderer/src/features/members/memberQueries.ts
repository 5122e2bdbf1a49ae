/**
 * What the member screens read, live (useLiveQuery: a screen updates when a commit or a sync
 * changes the data). Stored rows are read back into the domain types through their business fields.
 */
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { StoredSettingVersions } from '@shared/domain/memberRules';
import type { Member, MemberEvent } from '@shared/domain/types';
import { vietnameseNameSortKey } from '@shared/text/sortKey';
import type { StoredRecord } from '@shared/sync/record';
import type { JournalEntry, QldvDatabase } from '../../db/database';
import { creationLines } from '../../db/journalLookup';
import { useStore } from '../../app/StoreContext';

/** A member as stored: `_h` is its creation stamp (shared/sync/record.ts). */
export type StoredMember = Member & { deleted: 0 | 1; _h: string; _v?: Record<string, string> };
export type StoredEvent = MemberEvent & { deleted: 0 | 1; _v?: Record<string, string> };

/** The member, `null` when there is no such record, `undefined` while reading. */
export function useMemberRecord(id: string | undefined): StoredMember | null | undefined {
  const { db } = useStore();
  return useLiveQuery(
    async () => (id ? (((await db.members.get(id)) as unknown as StoredMember | undefined) ?? null) : null),
    [db, id],
  );
}

/** The member's events that are not in the recycle bin, in stored order. */
export function memberEvents(db: QldvDatabase, memberId: string): Promise<StoredEvent[]> {
  return db.memberEvents.where('[deleted+memberId]').equals([0, memberId]).toArray() as unknown as Promise<StoredEvent[]>;
}

export function useMemberEvents(memberId: string | undefined): StoredEvent[] | undefined {
  const { db } = useStore();
  return useLiveQuery(async () => (memberId ? memberEvents(db, memberId) : []), [db, memberId]);
}

/**
 * The audit lines of one record, newest first: its own lines, and the line of a bulk creation (an
 * Excel import, a sync import's creations) that names it among many, found through the record's
 * creation stamp `createdStamp` (its stored `_h`; journalLookup.ts). `undefined` while reading, and
 * until the record's stamp is known, so a history is never shown without its creation.
 */
export function useJournal(
  recordId: string | undefined,
  createdStamp: string | undefined,
): JournalEntry[] | undefined {
  const { db } = useStore();
  const read = useLiveQuery(
    async () => {
      if (!recordId || !createdStamp) return { recordId, createdStamp, lines: [] };
      const [own, bulk] = await Promise.all([
        db.journal.where('recordId').equals(recordId).toArray(),
        creationLines(db, recordId, createdStamp).toArray(),
      ]);
      const bySeq = new Map([...own, ...bulk].map((entry) => [entry.seq, entry]));
      return { recordId, createdStamp, lines: [...bySeq.values()].sort((a, b) => (b.seq ?? 0) - (a.seq ?? 0)) };
    },
    [db, recordId, createdStamp],
  );
  // useLiveQuery keeps its last answer while it reads for new arguments: not an answer for these.
  if (!recordId || !createdStamp) return recordId ? undefined : [];
  return read && read.recordId === recordId && read.createdStamp === createdStamp ? read.lines : undefined;
}

/** The office's stored versions of every setting, by key, for the pure rules to resolve. */
export function useStoredSettingVersions(): StoredSettingVersions | undefined {
  const { db } = useStore();
  const records = useLiveQuery(() => db.settings.toArray(), [db]);
  return useMemo(() => {
    if (!records) return undefined;
    const out: Record<string, unknown[]> = {};
    for (const record of records)
      if (record.deleted === 0 && Array.isArray(record.versions))
        out[record.id] = record.versions as unknown[];
    return out;
  }, [records]);
}

/**
 * Members that may be the same person as the draft: same card number, same citizen id (both
 * indexed) or the same name (the register's name key). The pure rule decides which really match.
 */
export async function duplicateCandidates(
  db: QldvDatabase,
  draft: Pick<Member, 'fullName'> & Partial<Pick<Member, 'partyCardNumber' | 'citizenId'>>,
): Promise<StoredRecord[]> {
  const found = new Map<string, StoredRecord>();
  const add = (records: StoredRecord[]) => records.forEach((record) => found.set(record.id, record));
  if (draft.partyCardNumber)
    add(await db.members.where('partyCardNumber').equals(draft.partyCardNumber).toArray());
  if (draft.citizenId) add(await db.members.where('citizenId').equals(draft.citizenId).toArray());
  if (draft.fullName)
    add(
      await db.members
        .where('[deleted+_nameKey]')
        .equals([0, vietnameseNameSortKey(draft.fullName)])
        .toArray(),
    );
  return [...found.values()];
}
