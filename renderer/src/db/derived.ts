/**
 * Index helpers the write path derives from a record's business fields. They start with `_`, so
 * they are never diffed, stamped or carried in sync files; whoever writes a record (a local edit
 * or, later, a sync import) recomputes them.
 */
import { vietnameseNameSortKey } from '@shared/text/sortKey';
import type { StoredRecord } from '@shared/sync/record';
import type { SyncedTableName } from './database';

export function withDerivedFields(table: SyncedTableName, record: StoredRecord): StoredRecord {
  if (table === 'members') {
    // `_nameKey`: register order (given name, family name, middle name) as a plain string.
    return { ...record, _nameKey: vietnameseNameSortKey(typeof record.fullName === 'string' ? record.fullName : '') };
  }
  return record;
}
