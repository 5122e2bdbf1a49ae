/**
 * The sync engine on the app's Dexie database (shared/sync/mergeBundle.ts does the merging):
 * export a file's records, preview a file, apply it, the data digest and the conflicts list.
 *
 * - Sync facts live in `meta`: `syncVV` (held effects of other laptops; this laptop's own entry is
 *   its clock), `syncPeers` (each peer's vector from its newest file, and its device name),
 *   `syncImports` (file ids imported, with the time: "đã nhập trước đó").
 * - Conflicts go to the `syncConflicts` table.
 * - A merged record is stored as the write path stores records: `_maxHlc` and the derived index
 *   fields recomputed, checked by its table's schema, one journal line per record whose values
 *   changed (`source: 'sync'`, the laptop whose write it was), except creations: one line per table,
 *   batch and creating laptop names them all in `recordIds`, as the write path's bulk creation does,
 *   with their distinct creation stamps in `createdStamps` (how a record's history finds the line).
 *   A record the merge left unchanged is not written. A file holding a record its schema refuses is
 *   refused whole before any write (see docs/decisions.md "Sync").
 */
import Dexie, { type Table } from 'dexie';
import type { BundleManifest, BundleRecord, VersionVector } from '@shared/sync/bundleTypes';
import { toSyncRecord, type SyncRecord } from '@shared/sync/merge';
import {
  SYNC_SCHEMA_VERSION,
  applyBundle as applyWithEngine,
  emptySyncState,
  exportSelection,
  localVector,
  type AppliedRecord,
  type ApplyContext,
  type ApplyReport,
  type ImportedBundle,
  type PeerInfo,
  type SyncConflict,
  type SyncState,
  type SyncStore,
  type SyncTransaction,
  type ExportSelection,
} from '@shared/sync/mergeBundle';
import { previewImport, type ImportPreview } from '@shared/sync/preview';
import { DataDigest } from '@shared/sync/digest';
import { stampNode } from '@shared/sync/vectors';
import { computeMaxHlc, type StoredRecord } from '@shared/sync/record';
import type { DuplicateCandidate } from '@shared/domain/memberDuplicates';
import { SYNCED_TABLES, type JournalEntry, type StoredSyncConflict, type SyncedTableName } from './database';
import { chunksReadAhead, exportPass, type ExportFacts } from './exportPass';

export type { ExportFacts } from './exportPass';
import type { DataStore } from './store';
import { recordProblem } from './validation';
import { withDerivedFields } from './derived';
import { commit, type WriteOp } from './writePath';

/** Tables whose journal lines keep old → new values (as in the write path: photos name the field only). */
const JOURNAL_VALUES: Record<SyncedTableName, boolean> = {
  organizations: true,
  members: true,
  memberEvents: true,
  memberPhotos: false,
  settings: true,
};

const KIND = { new: 'create', updated: 'update', deleted: 'delete', restored: 'restore' } as const;

function isSyncedTable(table: string): table is SyncedTableName {
  return (SYNCED_TABLES as readonly string[]).includes(table);
}

/** Reads the sync facts from `meta` (inside or outside a transaction). */
export async function readSyncState(store: DataStore): Promise<SyncState> {
  const [vv, peers, imports] = await Promise.all([
    store.getMeta<VersionVector>('syncVV'),
    store.getMeta<Record<string, PeerInfo>>('syncPeers'),
    store.getMeta<ImportedBundle[]>('syncImports'),
  ]);
  return {
    ...emptySyncState(),
    ...(vv ? { vv } : {}),
    ...(peers ? { peers } : {}),
    ...(imports ? { imports } : {}),
  };
}

/** This laptop's vector: what it holds of every laptop's writes, its own up to its clock. */
export async function syncVector(store: DataStore): Promise<VersionVector> {
  return localVector(await readSyncState(store), store.identity.nodeId, store.clock.last);
}

export interface DexieSyncOptions {
  /** Test hook: called before each write of an import; a throw aborts the transaction. */
  beforeWrite?: () => void;
}

/** The engine's store interface on Dexie. */
export class DexieSyncStore implements SyncStore {
  readonly tables = SYNCED_TABLES;

  constructor(
    readonly store: DataStore,
    private readonly options: DexieSyncOptions = {},
  ) {}

  get nodeId(): string {
    return this.store.identity.nodeId;
  }

  get datasetId(): string {
    return this.store.identity.datasetId;
  }

  clockLast(): string {
    return this.store.clock.last;
  }

  async observeClock(stamp: string): Promise<void> {
    this.store.clock.observe(stamp);
    await this.store.setMeta('clock', this.store.clock.last);
  }

  /**
   * The table's schema check of an incoming record. A file's records are checked by the preview
   * and again by the import (the database may change between them, the file's records do not):
   * one found valid is remembered (by identity; nothing modifies a read file's records) and not
   * checked twice.
   */
  recordProblem(table: string, record: SyncRecord): string | null {
    if (!isSyncedTable(table)) return `Loại dữ liệu chưa biết: ${table}.`;
    if (checkedValid.has(record)) return null;
    const problem = recordProblem(table, record);
    if (problem === null) checkedValid.add(record);
    return problem;
  }

  async *scan(table: string): AsyncIterable<SyncRecord> {
    if (!isSyncedTable(table)) return;
    for await (const rows of chunksReadAhead(this.store.db, table)) for (const row of rows) yield toSyncRecord(row);
  }

  async transaction<T>(work: (tx: SyncTransaction) => Promise<T>): Promise<T> {
    const { db, identity } = this.store;
    const tables = SYNCED_TABLES.map((name) => db.syncedTable(name));
    return db.transaction('rw', [...tables, db.journal, db.meta, db.syncConflicts], async () => {
      const { peers } = await readSyncState(this.store);
      const deviceOf = (node: string, ctx: ApplyContext) =>
        node === ctx.manifest.sourceNodeId
          ? ctx.manifest.sourceDeviceName
          : (peers[node]?.deviceName ?? `Máy ${node.slice(0, 8)}`);
      const tx: SyncTransaction = {
        getRecords: async (table, ids) => {
          if (!isSyncedTable(table)) throw new Error(`Unknown table ${table}`);
          // Stored rows as they are: the merge reads the envelope and business fields only.
          return readByIds(db.syncedTable(table), ids);
        },
        putRecords: async (table, applied: readonly AppliedRecord[], ctx) => {
          if (!isSyncedTable(table)) throw new Error(`Unknown table ${table}`);
          const rows: StoredRecord[] = [];
          const journal: JournalEntry[] = [];
          // Records this batch creates, by the laptop that created them: one journal line each
          // (`recordIds`, as a bulk creation of the write path), stamped with the newest creation,
          // with the distinct creation stamps of its records (`createdStamps`, indexed: one per action
          // that created them on that laptop, so one for an Excel import there).
          const created = new Map<string, { ids: string[]; hlc: string; stamps: Set<string> }>();
          for (const { result } of applied) {
            // A record the merge left as it was is not written again (nor are its derived fields,
            // which depend only on business fields and stamps: see derived.ts).
            if (!result.changed) continue;
            this.options.beforeWrite?.();
            const stored = { ...result.record, _maxHlc: computeMaxHlc(result.record) } as StoredRecord;
            const problem = recordProblem(table, stored);
            if (problem) throw new Error(problem);
            rows.push(withDerivedFields(table, stored));
            if (result.outcome === 'new') {
              const hlc = result.record._h;
              const node = stampNode(hlc);
              const group = created.get(node);
              if (!group) created.set(node, { ids: [result.record.id], hlc, stamps: new Set([hlc]) });
              else {
                group.ids.push(result.record.id);
                group.stamps.add(hlc);
                if (hlc > group.hlc) group.hlc = hlc;
              }
              continue;
            }
            // A change of stamps only (the same values written elsewhere) is stored, not journaled.
            if (result.outcome === 'unchanged' || result.changes.length === 0) continue;
            const hlc = result.changes.reduce(
              (max, c) => (c.newStamp > max ? c.newStamp : max),
              result.changes[0]!.newStamp,
            );
            const node = stampNode(hlc);
            journal.push({
              at: ctx.at,
              hlc,
              table,
              recordId: result.record.id,
              kind: KIND[result.outcome],
              fields: result.changes.map((c) => c.field),
              ...(JOURNAL_VALUES[table]
                ? { changes: result.changes.map((c) => ({ field: c.field, old: c.old, new: c.new })) }
                : {}),
              user: identity.userName,
              deviceName: deviceOf(node, ctx),
              nodeId: node,
              source: 'sync',
            });
          }
          const creations: JournalEntry[] = [...created].map(([node, { ids, hlc, stamps }]) => ({
            at: ctx.at,
            hlc,
            table,
            recordId: ids[0]!,
            recordIds: ids,
            createdStamps: [...stamps],
            kind: 'create',
            user: identity.userName,
            deviceName: deviceOf(node, ctx),
            nodeId: node,
            source: 'sync',
          }));
          if (rows.length) await db.syncedTable(table).bulkPut(rows);
          if (creations.length || journal.length) await db.journal.bulkAdd([...creations, ...journal]);
        },
        addConflicts: async (conflicts: readonly SyncConflict[]) => {
          this.options.beforeWrite?.();
          // A conflict already listed (same field, same two stamps) is not listed twice.
          const fresh: SyncConflict[] = [];
          for (const c of conflicts) {
            const existing = await db.syncConflicts
              .where('[table+recordId]')
              .equals([c.table, c.recordId])
              .toArray();
            // Same record too: one save stamps many records alike, and each conflict is its own.
            const same = (e: StoredSyncConflict) =>
              e.table === c.table &&
              e.recordId === c.recordId &&
              e.field === c.field &&
              [e.localStamp, e.incomingStamp].sort().join() === [c.localStamp, c.incomingStamp].sort().join();
            if (!existing.some(same) && !fresh.some(same)) fresh.push(c);
          }
          if (fresh.length) await db.syncConflicts.bulkAdd(fresh);
        },
        getState: () => readSyncState(this.store),
        setState: async (state) => {
          this.options.beforeWrite?.();
          await db.meta.bulkPut([
            { key: 'syncVV', value: state.vv },
            { key: 'syncPeers', value: state.peers },
            { key: 'syncImports', value: state.imports },
          ]);
        },
      };
      return work(tx);
    });
  }
}

const CHUNK = 2000;

/** Incoming records already found valid (see `DexieSyncStore.recordProblem`). */
const checkedValid = new WeakSet<object>();

/**
 * Rows by id, in the order asked (undefined where none). Dexie's `bulkGet` makes one IndexedDB
 * request per id; a file's lines come in id order, so when the ids asked fill most of their key
 * range (a full file against the same records, or against an empty table) the range is read in one
 * request instead: its keys first (cheap), then its rows only if most of them are wanted.
 */
async function readByIds(table: Table<StoredRecord, string>, ids: readonly string[]): Promise<(StoredRecord | undefined)[]> {
  if (ids.length < 64) return table.bulkGet(ids as string[]);
  let lo = ids[0]!;
  let hi = ids[0]!;
  for (const id of ids) {
    if (id < lo) lo = id;
    if (id > hi) hi = id;
  }
  const range = table.where(':id').between(lo, hi, true, true);
  const keys = await range.primaryKeys();
  if (keys.length === 0) return ids.map(() => undefined);
  const wanted = new Set(ids);
  let held = 0;
  for (const key of keys) if (wanted.has(key)) held++;
  if (held === 0) return ids.map(() => undefined);
  // Reading the range's rows costs about what reading the ones held does when most are wanted.
  if (keys.length > 2 * held) return table.bulkGet(ids as string[]);
  const byId = new Map<string, StoredRecord>();
  for (const row of await range.toArray()) byId.set(row.id, row);
  return ids.map((id) => byId.get(id));
}


export interface PreparedExport extends ExportSelection {
  /**
   * The file's lines, organizations first, a chunk of the database at a time (a record edited
   * meanwhile goes in its newer form). A line may be the stored row itself, derived `_` fields
   * included: the file writer (`travellingRecord`) leaves those out, off the main thread.
   * One pass: read either `batches` or `records`, once.
   */
  batches: AsyncIterable<BundleRecord[]>;
  /** The same lines one by one (from `batches`). */
  records: AsyncIterable<BundleRecord>;
  /** Rows in the synced tables when the export began: the lines of a full file, at most those of a delta. */
  rows: number;
  /** Counts, stamp range and digest, once the lines were read to the end (throws before). */
  facts(): ExportFacts;
}

export interface ExportRecordsOptions {
  peerNodeId?: string;
  /** Rows read so far and `rows`, after each chunk: the export's progress (a delta reads every row too). */
  onRows?: (read: number, total: number) => void;
}

/**
 * What to put in a file: a full file, or a delta for `peerNodeId` when this laptop knows that
 * peer's vector (from its last file). The vector is taken before any record is read. The records
 * are read once, in key ranges of 2,000 rows: each row goes into the digest of all data and, when
 * the file carries it, to the lines, while the counts and the stamp range are taken (the writer puts
 * the manifest first in the file once they are known; see docs/sync-format.md, format 2).
 */
export async function exportRecords(store: DataStore, options: ExportRecordsOptions = {}): Promise<PreparedExport> {
  const state = await readSyncState(store);
  const selection = exportSelection(state, store.identity.nodeId, store.clock.last, options.peerNodeId);
  const pass = await exportPass(store.db, selection.kind === 'delta' ? selection.baseVV : undefined, options.onRows);
  async function* records(): AsyncIterable<BundleRecord> {
    for await (const lines of pass.batches) yield* lines;
  }
  return { ...selection, rows: pass.rows, batches: pass.batches, records: records(), facts: () => pass.facts() };
}

/** The digest of all synced records (equal on two laptops that exchanged both ways). */
export async function dataDigest(store: DataStore): Promise<string> {
  const digest = new DataDigest();
  for (const table of SYNCED_TABLES)
    for await (const rows of chunksReadAhead(store.db, table)) for (const row of rows) digest.add(table, row);
  return digest.toString();
}

export interface ApplyBundleOptions extends DexieSyncOptions {
  batchSize?: number;
  now?: number;
  onBatch?: (done: number, total: number) => void;
}

/**
 * Applies a verified file: checks, then merges and writes in batches (one transaction when the file
 * is no larger than a batch), vectors last, clock after commit. Throws `SyncImportError` with a
 * Vietnamese reason, before any write, when the file is refused.
 */
export async function applyBundle(
  store: DataStore,
  manifest: BundleManifest,
  records: readonly BundleRecord[],
  options: ApplyBundleOptions = {},
): Promise<ApplyReport> {
  const engine = new DexieSyncStore(store, options.beforeWrite ? { beforeWrite: options.beforeWrite } : {});
  return applyWithEngine(engine, manifest, records, {
    schemaVersion: SYNC_SCHEMA_VERSION,
    ...(options.now !== undefined ? { now: options.now } : {}),
    ...(options.batchSize !== undefined ? { batchSize: options.batchSize } : {}),
    ...(options.onBatch ? { onBatch: options.onBatch } : {}),
  });
}

/** The import preview (nothing written). */
export async function previewBundle(
  store: DataStore,
  manifest: BundleManifest,
  records: readonly BundleRecord[],
  options: { now?: number } = {},
): Promise<ImportPreview> {
  const { db } = store;
  const state = await readSyncState(store);
  const locals = new Map<string, SyncRecord>();
  const idsByTable = new Map<SyncedTableName, string[]>();
  for (const line of records)
    if (isSyncedTable(line.t) && typeof line.r?.id === 'string') {
      const list = idsByTable.get(line.t) ?? [];
      list.push(line.r.id);
      idsByTable.set(line.t, list);
    }
  for (const [table, ids] of idsByTable)
    for (let i = 0; i < ids.length; i += CHUNK) {
      // Stored rows as they are: the preview's merge reads the envelope and business fields only.
      const rows = await readByIds(db.syncedTable(table), ids.slice(i, i + CHUNK));
      for (const row of rows) if (row) locals.set(`${table}\u0000${row.id}`, row);
    }
  const liveMemberCount = await db.members
    .where('[deleted+organizationId]')
    .between([0, Dexie.minKey], [0, Dexie.maxKey])
    .count();
  const candidates = await duplicateCandidates(
    store,
    records
      .filter((line) => line.t === 'members' && !locals.has(`members\u0000${line.r?.id}`))
      .map((line) => line.r),
  );
  const engine = new DexieSyncStore(store);
  return previewImport({
    manifest,
    records,
    local: (table, id) => locals.get(`${table}\u0000${id}`),
    localVV: localVector(state, store.identity.nodeId, store.clock.last),
    knownTables: SYNCED_TABLES,
    datasetId: store.identity.datasetId,
    schemaVersion: SYNC_SCHEMA_VERSION,
    now: options.now ?? Date.now(),
    imports: state.imports,
    liveMemberCount,
    duplicateCandidates: candidates,
    recordProblem: (table, record) => engine.recordProblem(table, record),
  });
}

/**
 * Existing members that may be the same person as incoming new members: same party card number,
 * same citizen id (indexed), or the same name (through the `_nameKey` index, so the name must be
 * spelled the same; the comparison then ignores case and diacritics) with the same birth date.
 */
async function duplicateCandidates(
  store: DataStore,
  incoming: readonly SyncRecord[],
): Promise<(member: SyncRecord) => readonly DuplicateCandidate[]> {
  if (incoming.length === 0) return () => [];
  const { db } = store;
  const strings = (field: string) => [
    ...new Set(incoming.map((m) => m[field]).filter((v): v is string => typeof v === 'string' && v !== '')),
  ];
  const nameKeys = [
    ...new Set(
      incoming.map((m) => withDerivedFields('members', m as unknown as StoredRecord)._nameKey as string),
    ),
  ];
  const found = new Map<string, StoredRecord>();
  const add = (rows: StoredRecord[]) => rows.forEach((row) => row.deleted === 0 && found.set(row.id, row));
  add(await db.members.where('partyCardNumber').anyOf(strings('partyCardNumber')).toArray());
  add(await db.members.where('citizenId').anyOf(strings('citizenId')).toArray());
  add(
    await db.members
      .where('[deleted+_nameKey]')
      .anyOf(nameKeys.map((key) => [0, key]))
      .toArray(),
  );
  const byKey = new Map<string, DuplicateCandidate[]>();
  const index = (key: string, candidate: DuplicateCandidate) =>
    byKey.set(key, [...(byKey.get(key) ?? []), candidate]);
  for (const row of found.values()) {
    const candidate: DuplicateCandidate = {
      id: row.id,
      fullName: typeof row.fullName === 'string' ? row.fullName : '',
      birthDate: typeof row.birthDate === 'string' ? row.birthDate : '',
      ...(typeof row.partyCardNumber === 'string' ? { partyCardNumber: row.partyCardNumber } : {}),
      ...(typeof row.citizenId === 'string' ? { citizenId: row.citizenId } : {}),
      deleted: row.deleted,
    };
    if (candidate.partyCardNumber) index(`p:${candidate.partyCardNumber}`, candidate);
    if (candidate.citizenId) index(`c:${candidate.citizenId}`, candidate);
    index(`n:${String(row._nameKey)}`, candidate);
  }
  return (member) => {
    const keys = [
      typeof member.partyCardNumber === 'string' ? `p:${member.partyCardNumber}` : '',
      typeof member.citizenId === 'string' ? `c:${member.citizenId}` : '',
      `n:${String(withDerivedFields('members', member as unknown as StoredRecord)._nameKey)}`,
    ];
    const out = new Map<string, DuplicateCandidate>();
    for (const key of keys) for (const candidate of byKey.get(key) ?? []) out.set(candidate.id, candidate);
    return [...out.values()];
  };
}

// ---------------------------------------------------------------- conflicts

/** Conflicts not yet reviewed, newest first. */
export async function openConflicts(store: DataStore): Promise<StoredSyncConflict[]> {
  return (await store.db.syncConflicts.where('resolved').equals(0).toArray()).reverse();
}

/** Marks a conflict reviewed, keeping the value the merge chose. */
export async function dismissConflict(store: DataStore, seq: number): Promise<void> {
  await store.db.syncConflicts.update(seq, { resolved: 1 });
}

/**
 * "Giữ giá trị này": writes the chosen side's value as a new edit (through the write path, so it
 * travels to the other laptops and wins there), then marks the conflict reviewed.
 */
export async function keepConflictValue(
  store: DataStore,
  seq: number,
  side: 'local' | 'incoming',
): Promise<void> {
  const conflict = await store.db.syncConflicts.get(seq);
  if (!conflict) throw new Error('Không tìm thấy xung đột này.');
  if (!isSyncedTable(conflict.table)) throw new Error(`Loại dữ liệu chưa biết: ${conflict.table}.`);
  const value = side === 'local' ? conflict.localValue : conflict.incomingValue;
  const op: WriteOp =
    conflict.field === 'deleted'
      ? { table: conflict.table, kind: value === 1 ? 'delete' : 'restore', ids: [conflict.recordId] }
      : {
          table: conflict.table,
          kind: 'upsert',
          records: [{ id: conflict.recordId, [conflict.field]: value ?? null }],
        };
  await commit(store, [op]);
  await store.db.syncConflicts.update(seq, { resolved: 1 });
}
