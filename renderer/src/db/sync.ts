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
 *   changed (`source: 'sync'`, the laptop whose write it was). A file holding a record its schema
 *   refuses is refused whole before any write (see docs/decisions.md "Sync").
 */
import Dexie, { type Table } from 'dexie';
import type { BundleManifest, BundleRecord, VersionVector } from '@shared/sync/bundleTypes';
import { canonicalRecord, toSyncRecord, type SyncRecord } from '@shared/sync/merge';
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
import { peerNeedsRecord, stampNode } from '@shared/sync/vectors';
import { computeMaxHlc, type StoredRecord } from '@shared/sync/record';
import type { DuplicateCandidate } from '@shared/domain/memberDuplicates';
import { SYNCED_TABLES, type JournalEntry, type StoredSyncConflict, type SyncedTableName } from './database';
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
    for await (const rows of chunks(this.store, table)) for (const row of rows) yield toSyncRecord(row);
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
          for (const { result } of applied) {
            this.options.beforeWrite?.();
            const stored = { ...result.record, _maxHlc: computeMaxHlc(result.record) } as StoredRecord;
            const problem = recordProblem(table, stored);
            if (problem) throw new Error(problem);
            rows.push(withDerivedFields(table, stored));
            if (
              result.outcome === 'unchanged' ||
              (result.outcome === 'updated' && result.changes.length === 0)
            )
              continue;
            const hlc =
              result.outcome === 'new'
                ? result.record._h
                : result.changes.reduce(
                    (max, c) => (c.newStamp > max ? c.newStamp : max),
                    result.changes[0]!.newStamp,
                  );
            const kind = KIND[result.outcome];
            const node = stampNode(hlc);
            journal.push({
              at: ctx.at,
              hlc,
              table,
              recordId: result.record.id,
              kind,
              ...(kind === 'create' ? {} : { fields: result.changes.map((c) => c.field) }),
              ...(kind === 'create' || !JOURNAL_VALUES[table]
                ? {}
                : { changes: result.changes.map((c) => ({ field: c.field, old: c.old, new: c.new })) }),
              user: identity.userName,
              deviceName: deviceOf(node, ctx),
              nodeId: node,
              source: 'sync',
            });
          }
          await db.syncedTable(table).bulkPut(rows);
          if (journal.length) await db.journal.bulkAdd(journal);
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

/** A table's rows in primary-key order, a chunk at a time (bounded memory at 100,000 members). */
async function* chunks(store: DataStore, table: SyncedTableName): AsyncIterable<StoredRecord[]> {
  const t = store.db.syncedTable(table);
  let last: string | undefined;
  for (;;) {
    const rows = await (last === undefined ? t.orderBy(':id') : t.where(':id').above(last))
      .limit(CHUNK)
      .toArray();
    if (rows.length === 0) return;
    yield rows;
    last = rows[rows.length - 1]!.id;
    if (rows.length < CHUNK) return;
  }
}

/**
 * Whether a stored row already has the canonical record's content (no empty values, a 0/1 deleted
 * flag, field stamps only where they differ from the creation, on business fields), apart from
 * derived `_` fields, which the file writer leaves out. Rows written by the write path and by
 * imports always do; checking is a loop, building the canonical copy costs maps and sorting.
 */
function hasCanonicalContent(row: StoredRecord): boolean {
  if (row.deleted !== 0 && row.deleted !== 1) return false;
  if (typeof row._v !== 'object' || row._v === null) return false;
  for (const key in row) if (row[key] === null || row[key] === undefined) return false;
  const h = row._h;
  for (const field in row._v) {
    const stamp = row._v[field];
    if (stamp === undefined || stamp === null || stamp === h || field === 'id' || field.startsWith('_')) return false;
  }
  return true;
}

/** A stored row as a file line: itself when its content is canonical already, else its canonical form. */
function travelling(row: StoredRecord): SyncRecord {
  return hasCanonicalContent(row) ? row : canonicalRecord(row);
}

export interface PreparedExport extends ExportSelection {
  counts: Record<string, number>;
  hlcMin: string | null;
  hlcMax: string | null;
  /** Digest of all this laptop's synced data (not only what the file carries). */
  dataDigest: string;
  /**
   * The file's lines, organizations first, read in chunks (a record edited meanwhile goes in its
   * newer form). A line may be the stored row itself, derived `_` fields included: the file writer
   * (`travellingRecord`) leaves those out, off the main thread.
   */
  records: AsyncIterable<BundleRecord>;
}

/**
 * What to put in a file: a full file, or a delta for `peerNodeId` when this laptop knows that
 * peer's vector (from its last file). The vector is taken before any record is read. A first pass
 * picks the records and counts them (the manifest comes first in the file), the second reads them.
 */
export async function exportRecords(
  store: DataStore,
  options: { peerNodeId?: string } = {},
): Promise<PreparedExport> {
  const state = await readSyncState(store);
  const selection = exportSelection(state, store.identity.nodeId, store.clock.last, options.peerNodeId);
  const base = selection.kind === 'delta' ? selection.baseVV : undefined;
  const picked = new Map<SyncedTableName, string[]>();
  const counts: Record<string, number> = {};
  const digest = new DataDigest();
  let hlcMin: string | null = null;
  let hlcMax: string | null = null;
  const seen = new Map<SyncedTableName, number>();
  for (const table of SYNCED_TABLES) {
    const ids: string[] = [];
    let rowsSeen = 0;
    for await (const rows of chunks(store, table))
      for (const row of rows) {
        rowsSeen++;
        // The stored row as is: the digest, the vector test and the stamps ignore derived fields.
        const record = row as SyncRecord;
        digest.add(table, record);
        if (!peerNeedsRecord(record, base)) continue;
        ids.push(record.id);
        const max = computeMaxHlc(record);
        if (hlcMin === null || record._h < hlcMin) hlcMin = record._h;
        if (hlcMax === null || max > hlcMax) hlcMax = max;
      }
    picked.set(table, ids);
    seen.set(table, rowsSeen);
    counts[table] = ids.length;
  }
  async function* records(): AsyncIterable<BundleRecord> {
    for (const table of SYNCED_TABLES) {
      const ids = picked.get(table)!;
      if (ids.length === 0) continue;
      if (ids.length * 2 >= (seen.get(table) ?? 0)) {
        // Most of the table (a full file): read it in key ranges, one request per chunk, and keep
        // the picked ones (a record created since the first pass is not in the manifest's counts).
        const wanted = new Set(ids);
        for await (const rows of chunks(store, table))
          for (const row of rows) if (wanted.has(row.id)) yield { t: table, r: travelling(row) };
        continue;
      }
      for (let i = 0; i < ids.length; i += CHUNK) {
        const rows = await store.db.syncedTable(table).bulkGet(ids.slice(i, i + CHUNK));
        for (const row of rows) if (row) yield { t: table, r: travelling(row) };
      }
    }
  }
  return { ...selection, counts, hlcMin, hlcMax, dataDigest: digest.toString(), records: records() };
}

/** The digest of all synced records (equal on two laptops that exchanged both ways). */
export async function dataDigest(store: DataStore): Promise<string> {
  const digest = new DataDigest();
  for (const table of SYNCED_TABLES)
    for await (const rows of chunks(store, table)) for (const row of rows) digest.add(table, row);
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
