/**
 * An in-memory laptop for the sync engine: records per table, sync state, conflicts and a hybrid
 * logical clock. It runs the engine without Dexie (tests, simulations). Transactions stage their
 * writes and apply them only when the work returns, so a throw leaves the store as it was.
 */
import type { VersionVector } from './bundleTypes';
import { HybridLogicalClock, randomNodeId } from './hlc';
import { canonicalRecord, toSyncRecord, type SyncRecord } from './merge';
import {
  emptySyncState,
  localVector,
  type AppliedRecord,
  type SyncConflict,
  type SyncState,
  type SyncStore,
  type SyncTransaction,
} from './mergeBundle';
import { withStamp } from './vectors';
import { canonicalJson, stampDeleted, stampEdit, type StoredRecord } from './record';

export const MEMORY_TABLES = [
  'organizations',
  'members',
  'memberEvents',
  'memberPhotos',
  'settings',
] as const;

export interface MemorySnapshot {
  tables: Map<string, Map<string, SyncRecord>>;
  state: SyncState;
  conflicts: SyncConflict[];
  clockLast: string;
}

function cloneTables(tables: Map<string, Map<string, SyncRecord>>): Map<string, Map<string, SyncRecord>> {
  return new Map([...tables].map(([name, rows]) => [name, new Map<string, SyncRecord>(rows)]));
}

function cloneState(state: SyncState): SyncState {
  return structuredClone(state);
}

export interface MemoryStoreOptions {
  nodeId?: string;
  datasetId: string;
  wallClock?: () => number;
  tables?: readonly string[];
  clockLast?: string;
  recordProblem?: (table: string, record: SyncRecord) => string | null;
}

export class MemorySyncStore implements SyncStore {
  readonly nodeId: string;
  readonly datasetId: string;
  readonly tables: readonly string[];
  clock: HybridLogicalClock;
  private data: Map<string, Map<string, SyncRecord>>;
  private state: SyncState = emptySyncState();
  conflicts: SyncConflict[] = [];
  /** Test hook: called before each staged write; a throw aborts the transaction. */
  beforeWrite?: () => void;
  readonly recordProblem?: (table: string, record: SyncRecord) => string | null;
  private readonly wallClock: () => number;

  constructor(options: MemoryStoreOptions) {
    this.nodeId = options.nodeId ?? randomNodeId();
    this.datasetId = options.datasetId;
    this.tables = options.tables ?? MEMORY_TABLES;
    this.wallClock = options.wallClock ?? Date.now;
    this.clock = new HybridLogicalClock(this.nodeId, options.clockLast, this.wallClock);
    this.data = new Map(this.tables.map((t) => [t, new Map<string, SyncRecord>()]));
    if (options.recordProblem) this.recordProblem = options.recordProblem;
  }

  clockLast(): string {
    return this.clock.last;
  }

  observeClock(stamp: string): Promise<void> {
    this.clock.observe(stamp);
    return Promise.resolve();
  }

  private rows(table: string): Map<string, SyncRecord> {
    const rows = this.data.get(table);
    if (!rows) throw new Error(`Unknown table ${table}`);
    return rows;
  }

  async transaction<T>(work: (tx: SyncTransaction) => Promise<T>): Promise<T> {
    const staged = new Map<string, Map<string, SyncRecord>>();
    let stagedState: SyncState | undefined;
    const stagedConflicts: SyncConflict[] = [];
    const get = (table: string, id: string) => staged.get(table)?.get(id) ?? this.rows(table).get(id);
    const tx: SyncTransaction = {
      getRecords: (table, ids) => Promise.resolve(ids.map((id) => get(table, id))),
      putRecords: (table, applied: readonly AppliedRecord[]) => {
        this.rows(table);
        const rows = staged.get(table) ?? new Map<string, SyncRecord>();
        for (const { result } of applied) {
          this.beforeWrite?.();
          rows.set(result.record.id, result.record);
        }
        staged.set(table, rows);
        return Promise.resolve();
      },
      addConflicts: (conflicts) => {
        this.beforeWrite?.();
        stagedConflicts.push(...conflicts);
        return Promise.resolve();
      },
      getState: () => Promise.resolve(cloneState(stagedState ?? this.state)),
      setState: (state) => {
        this.beforeWrite?.();
        stagedState = cloneState(state);
        return Promise.resolve();
      },
    };
    const result = await work(tx);
    for (const [table, rows] of staged) for (const [id, record] of rows) this.rows(table).set(id, record);
    if (stagedState) this.state = stagedState;
    this.conflicts.push(...stagedConflicts);
    return result;
  }

  scan(table: string): SyncRecord[] {
    return [...this.rows(table).values()];
  }

  // ------------------------------------------------------------ local edits (the write path's rules)

  get(table: string, id: string): SyncRecord | undefined {
    return this.rows(table).get(id);
  }

  all(table: string): SyncRecord[] {
    return [...this.rows(table).values()];
  }

  /** Creates or edits a record with one new stamp, or the action's stamp (patch semantics); returns it, or null. */
  edit(
    table: string,
    patch: Record<string, unknown> & { id: string },
    stamp = this.clock.now(),
  ): string | null {
    const stored = this.rows(table).get(patch.id);
    const edit = stampEdit(stored ? this.asStored(stored) : undefined, patch, stamp);
    if (!edit) return null;
    this.rows(table).set(patch.id, toSyncRecord(edit.record));
    return stamp;
  }

  /** Deletes (a tombstone) or restores a record; returns the stamp or null when already so. */
  setDeleted(table: string, id: string, deleted: boolean, stamp = this.clock.now()): string | null {
    const stored = this.rows(table).get(id);
    if (!stored) throw new Error(`No record ${id}`);
    const edit = stampDeleted(this.asStored(stored), deleted, stamp);
    if (!edit) return null;
    this.rows(table).set(id, toSyncRecord(edit.record));
    return stamp;
  }

  private asStored(record: SyncRecord): StoredRecord {
    const stored: StoredRecord = { ...record, _v: { ...record._v }, _maxHlc: '' };
    return stored;
  }

  // ------------------------------------------------------------ state, snapshots

  syncState(): Promise<SyncState> {
    return Promise.resolve(cloneState(this.state));
  }

  vector(): VersionVector {
    return localVector(this.state, this.nodeId, this.clock.last);
  }

  /** A backup of everything (records, sync state, conflicts, clock). */
  snapshot(): MemorySnapshot {
    return {
      tables: cloneTables(this.data),
      state: cloneState(this.state),
      conflicts: [...this.conflicts],
      clockLast: this.clock.last,
    };
  }

  /**
   * Restores a backup as a new install would (sync.md "Identity and clocks"): the data and vectors
   * of the backup, and a new node id, so peers send this laptop everything again.
   */
  static restore(snapshot: MemorySnapshot, options: Omit<MemoryStoreOptions, 'clockLast'>): MemorySyncStore {
    const nodeId = options.nodeId ?? randomNodeId();
    if (snapshot.clockLast.endsWith(nodeId)) throw new Error('A restored laptop needs a new node id');
    const parts = snapshot.clockLast.slice(0, -16) + nodeId;
    const store = new MemorySyncStore({ ...options, nodeId, clockLast: parts });
    store.data = cloneTables(snapshot.tables);
    // The backup held every write of the old incarnation up to its clock.
    store.state = { ...cloneState(snapshot.state), vv: withStamp(snapshot.state.vv, snapshot.clockLast) };
    store.conflicts = [...snapshot.conflicts];
    return store;
  }

  /** Canonical JSON of every record, table by table in id order: equal on converged laptops. */
  canonicalData(): string {
    const out: Record<string, SyncRecord[]> = {};
    for (const table of this.tables)
      out[table] = [...this.rows(table).values()]
        .map(canonicalRecord)
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return canonicalJson(out);
  }
}
