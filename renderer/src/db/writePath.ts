/**
 * The one write path (sync.md, MUST). Every change to a synced table goes through `commit()`:
 * it reads the stored rows, diffs, stamps only the fields that really changed with one HLC stamp
 * for the whole user action, and writes rows, `_maxHlc`, the audit journal and the clock in the
 * same transaction. A re-save of unchanged data writes nothing; a record that its table's schema
 * refuses aborts the whole action, so nothing invalid is ever stored.
 */
import { stampCreate, stampDeleted, stampEdit, type StampedEdit, type StoredRecord } from '@shared/sync/record';
import type { JournalEntry, MetaEntry, SyncedTableName } from './database';
import Dexie, { type Table } from 'dexie';
import type { DataStore } from './store';
import { recordProblem } from './validation';
import { withDerivedFields } from './derived';

export type Draft = Record<string, unknown> & { id: string };

/**
 * `create` is the bulk-creation fast path (an import of new records): the records must not exist
 * yet, so no stored record is read (only the table's keys, to refuse an id that exists, which
 * aborts the whole action), and the journal gets one line for the operation naming every record it
 * created (`recordIds`), not one line per record, found from any of them by their one creation stamp
 * (`createdStamps`, journalLookup.ts). Each record is still stamped and validated.
 */
export type WriteOp =
  | { table: SyncedTableName; kind: 'upsert'; records: readonly Draft[] }
  | { table: SyncedTableName; kind: 'create'; records: readonly Draft[] }
  | { table: SyncedTableName; kind: 'delete' | 'restore'; ids: readonly string[] };

export interface WriteResult {
  /** The stamp given to this action, or null when nothing changed. */
  stamp: string | null;
  created: number;
  updated: number;
  deleted: number;
  restored: number;
  unchanged: number;
}

export class WriteError extends Error {
  override name = 'WriteError';
}

/** Tables whose journal lines keep old → new values; a photo's journal line names the field only. */
const JOURNAL_VALUES: Record<SyncedTableName, boolean> = {
  organizations: true,
  members: true,
  memberEvents: true,
  memberPhotos: false,
  settings: true,
};

function emptyResult(): WriteResult {
  return { stamp: null, created: 0, updated: 0, deleted: 0, restored: 0, unchanged: 0 };
}

function edits(op: WriteOp, existing: (StoredRecord | undefined)[], stamp: string): (StampedEdit | null)[] {
  if (op.kind === 'upsert') return op.records.map((draft, i) => stampEdit(existing[i], draft, stamp));
  // A bulk creation journals no field list: its records are stamped without one.
  if (op.kind === 'create') return op.records.map((draft) => ({ kind: 'create', record: stampCreate(draft, stamp), changes: [] }));
  return op.ids.map((id, i) => {
    const stored = existing[i];
    if (!stored) throw new WriteError(`Không tìm thấy bản ghi ${id} để ${op.kind === 'delete' ? 'xóa' : 'khôi phục'}.`);
    return stampDeleted(stored, op.kind === 'delete', stamp);
  });
}

/**
 * A `create` operation's records must be new. The table's keys are read in one request (a key
 * list, far cheaper than a `get` per record, and than `add`, which makes the store look each key
 * up), and one that exists aborts the whole action: nothing of it is stored.
 */
function refuseExisting(table: Table<StoredRecord, string>, ids: readonly string[]): Promise<void> {
  // A Dexie promise chain, not an async function: it is asked for alongside other requests of the
  // transaction, and only Dexie's own promises keep the transaction's zone across them.
  if (ids.length === 0) return Dexie.Promise.resolve();
  return table
    .toCollection()
    .primaryKeys()
    .then((keys) => {
      const stored = new Set(keys);
      const taken = ids.find((id) => stored.has(id));
      if (taken) throw new WriteError(`Không tạo được bản ghi mới: đã có bản ghi mã ${taken}. Không có gì được lưu.`);
    });
}

/**
 * Applies one user action (one or more operations, possibly on several tables) atomically. While a
 * sync export reads the database the action waits for it (writeHold.ts); while the computer's clock
 * is wrong it is refused with `ClockGuardError` and nothing is written (writeGuard.ts).
 */
export function commit(store: DataStore, ops: readonly WriteOp[]): Promise<WriteResult> {
  return store.writeHold.edit(async () => commitNow(store, ops, await store.clockGuard?.beforeCommit()));
}

async function commitNow(store: DataStore, ops: readonly WriteOp[], guardMark: MetaEntry | undefined): Promise<WriteResult> {
  const { db, clock, identity } = store;
  const tables = [...new Set(ops.map((op) => op.table))].map((name) => db.syncedTable(name));
  const result = emptyResult();
  await db.transaction('rw', [...tables, db.journal, db.meta], async () => {
    const stamp = clock.now();
    const at = new Date().toISOString();
    const journal: JournalEntry[] = [];
    const opIds = ops.map((op) => (op.kind === 'upsert' || op.kind === 'create' ? op.records.map((r) => r.id) : op.ids));
    for (const ids of opIds)
      if (new Set(ids).size !== ids.length) throw new WriteError('Một thao tác không được ghi cùng một bản ghi hai lần.');
    // Reads are asked for up front and writes without waiting for them, so the store writes one
    // operation's records while this thread stamps, checks and clones the next one's (an import of
    // 10,000 members waited ~0.6 s for its members before its events). The store runs a
    // transaction's requests in the order they were made, so an operation on a table an earlier
    // one writes asks for its read after that write and sees it. A refusal below throws, which
    // aborts the transaction and with it the writes already asked for.
    const read = (i: number): Promise<(StoredRecord | undefined)[]> => {
      const table = db.syncedTable(ops[i]!.table);
      const ids = opIds[i]!;
      const request = ops[i]!.kind === 'create' ? refuseExisting(table, ids).then(() => []) : table.bulkGet(ids as string[]);
      request.catch(() => undefined); // awaited below
      return request;
    };
    const written = new Set<string>();
    const reads = ops.map((op, i) => {
      const early = written.has(op.table) ? null : read(i);
      written.add(op.table);
      return early;
    });
    const writes: Promise<unknown>[] = [];
    for (const [i, op] of ops.entries()) {
      const ids = opIds[i]!;
      const table = db.syncedTable(op.table);
      const existing = await (reads[i] ?? read(i));
      const changed: StoredRecord[] = [];
      for (const edit of edits(op, existing, stamp)) {
        if (!edit) {
          result.unchanged++;
          continue;
        }
        const problem = recordProblem(op.table, edit.record);
        if (problem) throw new WriteError(problem);
        changed.push(withDerivedFields(op.table, edit.record));
        result[edit.kind === 'create' ? 'created' : edit.kind === 'update' ? 'updated' : edit.kind === 'delete' ? 'deleted' : 'restored']++;
        if (op.kind === 'create') continue;
        journal.push({
          at,
          hlc: stamp,
          table: op.table,
          recordId: edit.record.id,
          kind: edit.kind,
          ...(edit.kind === 'create' ? {} : { fields: edit.changes.map((c) => c.field) }),
          ...(edit.kind === 'create' || !JOURNAL_VALUES[op.table] ? {} : { changes: edit.changes }),
          user: identity.userName,
          deviceName: identity.deviceName,
          nodeId: identity.nodeId,
          source: 'local',
        });
      }
      if (op.kind === 'create' && changed.length)
        journal.push({
          at,
          hlc: stamp,
          table: op.table,
          recordId: ids[0]!,
          recordIds: [...ids],
          // Every record of the operation has the action's stamp as its `_h`.
          createdStamps: [stamp],
          kind: 'create',
          user: identity.userName,
          deviceName: identity.deviceName,
          nodeId: identity.nodeId,
          source: 'local',
        });
      if (changed.length) {
        const write = table.bulkPut(changed);
        write.catch(() => undefined); // awaited below; a refusal meanwhile aborts it
        writes.push(write);
      }
    }
    if (journal.length > 0)
      writes.push(
        db.journal.bulkAdd(journal),
        db.meta.put({ key: 'clock', value: clock.last }),
        ...(guardMark ? [db.meta.put(guardMark)] : []),
      );
    await Dexie.Promise.all(writes);
    if (journal.length > 0) result.stamp = stamp;
  });
  return result;
}

export function upsert(table: SyncedTableName, records: readonly Draft[]): WriteOp {
  return { table, kind: 'upsert', records };
}
