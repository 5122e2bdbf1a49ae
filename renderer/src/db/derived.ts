/**
 * Index helpers the write path derives from a record's business fields. They start with `_`, so
 * they are never diffed, stamped or carried in sync files; whoever writes a record (a local edit
 * or, later, a sync import) recomputes them.
 */
import { vietnameseNameSortKey } from '@shared/text/sortKey';
import type { StoredRecord } from '@shared/sync/record';
import type { SyncedTableName } from './database';

/**
 * Name keys made lately, by name. A key takes tens of microseconds (Unicode decomposition of every
 * letter), and a sync import derives each incoming member's key for the preview's duplicate check
 * and again when it stores the record. Emptied when full, so memory stays bounded.
 */
const nameKeys = new Map<string, string>();
const NAME_KEYS_KEPT = 200_000;

function nameKey(fullName: string): string {
  let key = nameKeys.get(fullName);
  if (key === undefined) {
    if (nameKeys.size >= NAME_KEYS_KEPT) nameKeys.clear();
    key = vietnameseNameSortKey(fullName);
    nameKeys.set(fullName, key);
  }
  return key;
}

/** Event types that move a member, temporarily or for good (`transferKind`). */
export const TRANSFER_EVENT_TYPES: readonly string[] = ['transferIn', 'transferInternal', 'transferOut'];

/** A temporary transfer event: today's counts need these without reading every event. */
export function isTemporaryTransfer(event: Record<string, unknown>): boolean {
  return event.transferKind === 'temporary' && TRANSFER_EVENT_TYPES.includes(event.type as string);
}

export function withDerivedFields(table: SyncedTableName, record: StoredRecord): StoredRecord {
  if (table === 'members') {
    // `_nameKey`: register order (given name, family name, middle name) as a plain string.
    return { ...record, _nameKey: nameKey(typeof record.fullName === 'string' ? record.fullName : '') };
  }
  if (table === 'memberEvents') {
    // `_temporaryTransfer`: 1 on temporary transfers only, absent elsewhere, so its index (database
    // version 4) holds a handful of entries instead of one per event. A record read back from the
    // store carries the old value: it is dropped when the event is no longer one.
    if (isTemporaryTransfer(record)) return record._temporaryTransfer === 1 ? record : { ...record, _temporaryTransfer: 1 };
    if (!('_temporaryTransfer' in record)) return record;
    const { _temporaryTransfer: _dropped, ...rest } = record;
    return rest;
  }
  return record;
}
