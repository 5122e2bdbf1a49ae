/**
 * The import and export engine over a small store interface, so it runs the same on the in-memory
 * store (tests) and on Dexie (renderer/src/db/sync.ts). sync.md "Import: verify, preview, commit".
 *
 * Import (`applyBundle`):
 * 1. Check every line before any write (`checkBundle`): known tables, well-formed envelopes and
 *    stamps, no record twice, dataset and reader schema, the clock guard (stamps more than 30 days
 *    ahead of this computer's clock are refused), and each record against its table's schema.
 * 2. Merge and write in batches of `batchSize` records (5,000 by default), each batch its own
 *    transaction; a file no larger than a batch is one transaction. The merge is recomputed here,
 *    never taken from a preview. The last transaction writes the vector, the peer's known vector
 *    and the bundle id. A crash between batches leaves merged records (each a valid join of old and
 *    new) and the old vector: re-importing the file completes it, and the old vector only makes the
 *    next files larger.
 * 3. Advance the local clock past the file's stamps only after the last commit.
 */
import type { BundleManifest, BundleRecord, VersionVector } from './bundleTypes';
import { isValidHlc, parseHlc } from './hlc';
import { mergeRecord, type FieldConflict, type MergeResult, type SyncRecord } from './merge';
import { mergeVectors, peerNeedsRecord, recordStamps, stampNode, vectorAfterImport } from './vectors';
import { canonicalRecord } from './merge';
import { computeMaxHlc } from './record';

/** The data schema this version writes and reads (synced fields are additive only). */
export const SYNC_SCHEMA_VERSION = 1;
export const DEFAULT_BATCH_SIZE = 5000;
/** Incoming stamps further ahead of this computer's clock than this are a warning (24 h)… */
export const CLOCK_WARNING_MS = 24 * 60 * 60 * 1000;
/** …and further than this (30 days) refuse the file. */
export const CLOCK_REFUSAL_MS = 30 * 24 * 60 * 60 * 1000;

export interface PeerInfo {
  /** The peer's vector from its newest file imported here: what it already holds. */
  knownVV: VersionVector;
  deviceName: string;
  /** When its last file was imported here (ISO). */
  lastImportAt: string;
}

export interface ImportedBundle {
  bundleId: string;
  /** When it was imported here (ISO). */
  at: string;
  sourceNodeId: string;
  sourceDeviceName: string;
  exportedAt: string;
}

/** One conflict as the office reviews it (sync.md: the losing value, both laptops and both times). */
export interface SyncConflict {
  table: string;
  recordId: string;
  field: string;
  winner: 'local' | 'incoming';
  localValue: unknown;
  localStamp: string;
  localNodeId: string;
  incomingValue: unknown;
  incomingStamp: string;
  incomingNodeId: string;
  /** The file that brought it, and when it was imported (ISO). */
  bundleId: string;
  detectedAt: string;
  /** 0 until someone reviews it ("Giữ giá trị này" writes a new edit and marks it 1). */
  resolved: 0 | 1;
}

/** Sync facts a laptop keeps about itself and its peers (never synced). */
export interface SyncState {
  /** Held effects, except the laptop's own entry, which is its clock (see `localVector`). */
  vv: VersionVector;
  peers: Record<string, PeerInfo>;
  imports: ImportedBundle[];
}

export function emptySyncState(): SyncState {
  return { vv: {}, peers: {}, imports: [] };
}

/** One merged record to write, with what the merge found. */
export interface AppliedRecord {
  table: string;
  result: MergeResult;
}

/** What a transaction of the engine may do. Everything in one `transaction` call commits or not. */
export interface SyncTransaction {
  getRecords(table: string, ids: readonly string[]): Promise<(SyncRecord | undefined)[]>;
  /** Writes merged records (the adapter adds derived index fields and audit lines). */
  putRecords(table: string, applied: readonly AppliedRecord[], context: ApplyContext): Promise<void>;
  addConflicts(conflicts: readonly SyncConflict[]): Promise<void>;
  getState(): Promise<SyncState>;
  setState(state: SyncState): Promise<void>;
}

export interface SyncStore {
  readonly nodeId: string;
  readonly datasetId: string;
  /** Synced tables in export order (organizations first). */
  readonly tables: readonly string[];
  transaction<T>(work: (tx: SyncTransaction) => Promise<T>): Promise<T>;
  /** The laptop's clock's last stamp (its own vector entry). */
  clockLast(): string;
  /** Takes in the newest incoming stamp; called after the import committed. */
  observeClock(stamp: string): Promise<void>;
  /** The table's schema check: a Vietnamese sentence, or null when the record may be stored. */
  recordProblem?(table: string, record: SyncRecord): string | null;
  /** Every record of a table (export). */
  scan(table: string): AsyncIterable<SyncRecord> | Iterable<SyncRecord>;
}

/** What the importing laptop knows while it applies a file. */
export interface ApplyContext {
  manifest: BundleManifest;
  /** ISO time of the import. */
  at: string;
}

export class SyncImportError extends Error {
  override name = 'SyncImportError';
}

/** The laptop's vector: held effects plus its own clock. */
export function localVector(state: SyncState, nodeId: string, clockLast: string): VersionVector {
  return mergeVectors(state.vv, { [nodeId]: clockLast });
}

export interface BundleCheckOptions {
  knownTables: readonly string[];
  datasetId: string;
  /** The data schema this version reads. */
  schemaVersion: number;
  /** This computer's clock (ms). */
  now: number;
  recordProblem?: (table: string, record: SyncRecord) => string | null;
  /**
   * This laptop's vector. A line whose every stamp it covers brings nothing this laptop lacks (it
   * holds those writes or newer ones), so nothing of it is stored and its schema check is skipped:
   * re-importing a full file of 100,000 members then costs no validation.
   */
  localVV?: VersionVector;
  /** Stop collecting problems after this many (a broken file may have thousands). */
  maxProblems?: number;
}

export interface BundleCheck {
  /** Why the file must not be applied (the first reason), or null. */
  refusal: string | null;
  /** Every problem found with a record (capped). */
  problems: string[];
  /** The newest stamp the file carries, and how far it is ahead of this computer's clock (ms). */
  newestStamp: string | null;
  aheadMs: number;
  clockWarning: string | null;
}

const TABLE_NOUNS: Record<string, string> = {
  organizations: 'tổ chức đảng',
  members: 'đảng viên',
  memberEvents: 'sự kiện',
  memberPhotos: 'ảnh',
  settings: 'cài đặt',
};

function days(ms: number): number {
  return Math.floor(ms / (24 * 60 * 60 * 1000));
}

function hours(ms: number): number {
  return Math.floor(ms / (60 * 60 * 1000));
}

/** Structural problems of one record line (before any schema check). */
export function envelopeProblem(line: BundleRecord): string | null {
  const r = line.r as Record<string, unknown> | null;
  if (r === null || typeof r !== 'object' || Array.isArray(r)) return 'một dòng không phải bản ghi';
  if (typeof r.id !== 'string' || r.id.length === 0) return 'một bản ghi không có mã';
  if (r.deleted !== 0 && r.deleted !== 1) return `bản ghi ${r.id} có cờ xóa không hợp lệ`;
  if (typeof r._h !== 'string' || !isValidHlc(r._h))
    return `bản ghi ${r.id} có dấu thời gian tạo không hợp lệ`;
  const v = r._v as Record<string, unknown> | null;
  if (v === null || typeof v !== 'object' || Array.isArray(v))
    return `bản ghi ${r.id} thiếu dấu thời gian các trường`;
  for (const [field, stamp] of Object.entries(v)) {
    if (typeof stamp !== 'string' || !isValidHlc(stamp))
      return `bản ghi ${r.id} có dấu thời gian không hợp lệ (trường ${field})`;
    if (stamp < r._h) return `bản ghi ${r.id} có trường ${field} sửa trước khi tạo`;
  }
  return null;
}

/** Checks a whole file before anything is written (sync.md guarantee 6, and the clock guard). */
export function checkBundle(
  manifest: BundleManifest,
  records: readonly BundleRecord[],
  options: BundleCheckOptions,
): BundleCheck {
  const problems: string[] = [];
  const max = options.maxProblems ?? 20;
  let refusal: string | null = null;
  const refuse = (reason: string) => {
    refusal ??= reason;
  };
  if (manifest.datasetId !== options.datasetId)
    refuse(
      `Tệp này thuộc dữ liệu của đơn vị khác (${manifest.officeName || manifest.datasetId}), không nhập được vào máy này.`,
    );
  if (manifest.minReaderSchema > options.schemaVersion)
    refuse('Tệp được tạo bởi phiên bản mới hơn. Hãy cập nhật phần mềm trước khi nhập tệp này.');
  const known = new Set(options.knownTables);
  const seen = new Set<string>();
  let newest: string | null = null;
  for (const line of records) {
    if (problems.length >= max) break;
    if (!known.has(line.t)) {
      refuse('Tệp có loại dữ liệu phiên bản này chưa biết. Hãy cập nhật phần mềm trước khi nhập tệp này.');
      problems.push(`Loại dữ liệu chưa biết: ${String(line.t)}.`);
      continue;
    }
    const structural = envelopeProblem(line);
    if (structural) {
      problems.push(`Bản ghi ${TABLE_NOUNS[line.t] ?? line.t}: ${structural}.`);
      continue;
    }
    const key = `${line.t}\u0000${line.r.id}`;
    if (seen.has(key)) {
      problems.push(`Bản ghi ${TABLE_NOUNS[line.t] ?? line.t} ${line.r.id} xuất hiện hai lần trong tệp.`);
      continue;
    }
    seen.add(key);
    for (const stamp of recordStamps(line.r)) if (newest === null || stamp > newest) newest = stamp;
    if (options.recordProblem && !(options.localVV && !peerNeedsRecord(line.r, options.localVV))) {
      const problem = options.recordProblem(line.t, line.r);
      if (problem) problems.push(problem);
    }
  }
  if (problems.length)
    refuse(
      `Tệp có ${problems.length >= max ? 'nhiều' : problems.length} bản ghi không hợp lệ, không nhập được: ${problems[0]}`,
    );
  const aheadMs = newest === null ? 0 : Math.max(0, parseHlc(newest).millis - options.now);
  let clockWarning: string | null = null;
  if (aheadMs > CLOCK_REFUSAL_MS)
    refuse(
      `Ngày giờ máy tính không đúng: tệp có dữ liệu sửa sau thời điểm hiện tại của máy này ${days(aheadMs)} ngày. ` +
        'Hãy kiểm tra ngày giờ của máy này và của máy đã xuất tệp.',
    );
  else if (aheadMs > CLOCK_WARNING_MS)
    clockWarning =
      `Tệp có dữ liệu sửa sau thời điểm hiện tại của máy này khoảng ${hours(aheadMs)} giờ. ` +
      'Có thể ngày giờ của một trong hai máy sai; hãy kiểm tra trước khi nhập.';
  return { refusal, problems, newestStamp: newest, aheadMs, clockWarning };
}

export interface ApplyOptions {
  schemaVersion: number;
  /** This computer's clock (ms); default Date.now(). */
  now?: number;
  batchSize?: number;
  /** Called after each committed batch (progress). */
  onBatch?: (done: number, total: number) => void;
}

export interface ApplyReport {
  counts: Record<'new' | 'updated' | 'deleted' | 'restored' | 'unchanged', number>;
  conflicts: number;
  /** Whether the vector took the file's (false when this laptop lacked what the file assumed). */
  vectorAdvanced: boolean;
  batches: number;
  alreadyImported: boolean;
}

function conflictEntries(
  table: string,
  id: string,
  list: readonly FieldConflict[],
  ctx: ApplyContext,
): SyncConflict[] {
  return list.map((c) => ({
    table,
    recordId: id,
    field: c.field,
    winner: c.winner,
    localValue: c.localValue,
    localStamp: c.localStamp,
    localNodeId: stampNode(c.localStamp),
    incomingValue: c.incomingValue,
    incomingStamp: c.incomingStamp,
    incomingNodeId: stampNode(c.incomingStamp),
    bundleId: ctx.manifest.bundleId,
    detectedAt: ctx.at,
    resolved: 0,
  }));
}

/** Merges one batch of lines against the stored records, inside a transaction. */
async function applyBatch(
  tx: SyncTransaction,
  lines: readonly BundleRecord[],
  vectors: { localVV: VersionVector; sourceVV: VersionVector },
  ctx: ApplyContext,
  report: ApplyReport,
): Promise<void> {
  const byTable = new Map<string, BundleRecord[]>();
  for (const line of lines) {
    const list = byTable.get(line.t) ?? [];
    list.push(line);
    byTable.set(line.t, list);
  }
  const conflicts: SyncConflict[] = [];
  for (const [table, list] of byTable) {
    const locals = await tx.getRecords(
      table,
      list.map((line) => line.r.id),
    );
    const applied: AppliedRecord[] = [];
    list.forEach((line, i) => {
      const result = mergeRecord(locals[i], line.r, vectors);
      report.counts[result.outcome]++;
      if (result.changed) applied.push({ table, result });
      conflicts.push(...conflictEntries(table, line.r.id, result.conflicts, ctx));
    });
    if (applied.length) await tx.putRecords(table, applied, ctx);
  }
  report.conflicts += conflicts.length;
  if (conflicts.length) await tx.addConflicts(conflicts);
}

/** Applies a verified file (see the module comment). Throws SyncImportError before any write if refused. */
export async function applyBundle(
  store: SyncStore,
  manifest: BundleManifest,
  records: readonly BundleRecord[],
  options: ApplyOptions,
): Promise<ApplyReport> {
  const now = options.now ?? Date.now();
  const state = await store.transaction((tx) => tx.getState());
  const localVV = localVector(state, store.nodeId, store.clockLast());
  const check = checkBundle(manifest, records, {
    knownTables: store.tables,
    datasetId: store.datasetId,
    schemaVersion: options.schemaVersion,
    now,
    recordProblem: store.recordProblem?.bind(store),
    localVV,
  });
  if (check.refusal) throw new SyncImportError(check.refusal);
  const ctx: ApplyContext = { manifest, at: new Date(now).toISOString() };
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const vectors = {
    localVV,
    sourceVV: manifest.sourceVV,
  };
  const report: ApplyReport = {
    counts: { new: 0, updated: 0, deleted: 0, restored: 0, unchanged: 0 },
    conflicts: 0,
    vectorAdvanced: false,
    batches: 0,
    alreadyImported: state.imports.some((b) => b.bundleId === manifest.bundleId),
  };
  // Lines in file order (organizations first); the last batch may be empty for an empty file.
  const total = Math.max(1, Math.ceil(records.length / batchSize));
  for (let b = 0; b < total; b++) {
    const lines = records.slice(b * batchSize, (b + 1) * batchSize);
    const last = b === total - 1;
    await store.transaction(async (tx) => {
      await applyBatch(tx, lines, vectors, ctx, report);
      if (!last) return;
      const current = await tx.getState();
      const after = vectorAfterImport(current.vv, manifest.baseVV, manifest.sourceVV);
      report.vectorAdvanced = after.advanced;
      const peer = current.peers[manifest.sourceNodeId];
      const peers = {
        ...current.peers,
        [manifest.sourceNodeId]: {
          knownVV: mergeVectors(peer?.knownVV ?? {}, manifest.sourceVV),
          deviceName: manifest.sourceDeviceName,
          lastImportAt: ctx.at,
        },
      };
      const imports = current.imports.some((i) => i.bundleId === manifest.bundleId)
        ? current.imports
        : [
            ...current.imports,
            {
              bundleId: manifest.bundleId,
              at: ctx.at,
              sourceNodeId: manifest.sourceNodeId,
              sourceDeviceName: manifest.sourceDeviceName,
              exportedAt: manifest.exportedAt,
            },
          ];
      // The laptop's own entry stays its clock: never take a (possibly older) copy of it from a file.
      const { [store.nodeId]: _own, ...vv } = after.vv;
      await tx.setState({ vv, peers, imports });
    });
    report.batches++;
    options.onBatch?.(b + 1, total);
  }
  if (check.newestStamp) await store.observeClock(check.newestStamp);
  return report;
}

export interface ExportSelection {
  kind: 'full' | 'delta';
  /** The vector the file was made against (empty for a full file). */
  baseVV: VersionVector;
  /** The writer's vector, taken before any record is read. */
  sourceVV: VersionVector;
  targetNodeId?: string;
}

/**
 * Which file to make for a peer: a delta from the vector its last file carried, or a full file
 * when the peer is unknown or a full file is asked for.
 */
export function exportSelection(
  state: SyncState,
  nodeId: string,
  clockLast: string,
  peerNodeId?: string,
): ExportSelection {
  const sourceVV = localVector(state, nodeId, clockLast);
  const peer = peerNodeId ? state.peers[peerNodeId] : undefined;
  if (!peerNodeId || !peer) return { kind: 'full', baseVV: {}, sourceVV };
  return { kind: 'delta', baseVV: peer.knownVV, sourceVV, targetNodeId: peerNodeId };
}

export interface ExportedRecords extends ExportSelection {
  records: BundleRecord[];
  counts: Record<string, number>;
  hlcMin: string | null;
  hlcMax: string | null;
}

/** Collects a file's lines from a store (in-memory use; the Dexie adapter streams instead). */
export async function exportFromStore(store: SyncStore, peerNodeId?: string): Promise<ExportedRecords> {
  const state = await store.transaction((tx) => tx.getState());
  const selection = exportSelection(state, store.nodeId, store.clockLast(), peerNodeId);
  const base = selection.kind === 'delta' ? selection.baseVV : undefined;
  const records: BundleRecord[] = [];
  const counts: Record<string, number> = {};
  let hlcMin: string | null = null;
  let hlcMax: string | null = null;
  for (const table of store.tables) {
    counts[table] = 0;
    for await (const record of store.scan(table)) {
      if (!peerNeedsRecord(record, base)) continue;
      const r = canonicalRecord(record);
      records.push({ t: table, r });
      counts[table]++;
      const max = computeMaxHlc(r);
      if (hlcMin === null || r._h < hlcMin) hlcMin = r._h;
      if (hlcMax === null || max > hlcMax) hlcMax = max;
    }
  }
  return { ...selection, records, counts, hlcMin, hlcMax };
}
