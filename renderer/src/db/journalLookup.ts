/**
 * Finding a record's lines in the audit journal. Its own lines carry its id in `recordId` (indexed).
 * A bulk creation (the write path's `create` operations, a sync import's creations) writes one line
 * naming every record it created in `recordIds`, which is not indexed: the line is found through
 * the creation stamps of its records (`createdStamps`, database version 6), then `recordIds` says
 * whether the record is one of them.
 */
import type { Collection, InsertType } from 'dexie';
import type { JournalEntry, QldvDatabase } from './database';

/**
 * The bulk creation line(s) that name `recordId`: lines whose `createdStamps` hold the record's
 * creation stamp (its `_h`) and whose `recordIds` include it. Usually one line, or none (a record
 * created on its own has its creation under `recordId`). The index narrows the lines to those of
 * one creation action (one Excel import, one laptop's records in one sync batch); the filter then
 * looks through their ids.
 */
export function creationLines(
  db: Pick<QldvDatabase, 'journal'>,
  recordId: string,
  createdStamp: string,
): Collection<JournalEntry, number | undefined, InsertType<JournalEntry, 'seq'>> {
  return db.journal
    .where('createdStamps')
    .equals(createdStamp)
    .filter((line) => line.recordIds?.includes(recordId) === true);
}
