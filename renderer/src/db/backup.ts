/**
 * What a backup holds, and how a restore puts it back (sync.md "Identity and clocks";
 * docs/decisions.md "Backups"). The file itself is a `.qldv` container (shared/sync/bundle) whose
 * manifest carries `backup`; features/backup/backups.ts writes, stores and opens it.
 *
 * A backup holds everything this laptop holds that is data:
 * - every record of the synced tables, with its clocks (the lines of a full sync file);
 * - the local tables a restore needs: `journal` (the audit log, with its seq numbers),
 *   `syncConflicts`, and the `meta` entries listed in `BACKED_UP_META`.
 * It leaves out what belongs to this install: its node id, device and user names, when it was
 * installed, the office key (a non-extractable CryptoKey; the file's header carries the office's
 * wrapped key, so a restore on another laptop needs the office passphrase) and the list of backups.
 *
 * Local records travel in the container's record lines as `{t, r}` with an envelope whose `_h` is
 * the backup's own stamp and an empty `_v`: `r.entry` is a journal line or a conflict (without its
 * seq, which is `r.id`), `r.value` a meta value (its key is `r.id`).
 *
 * A restore replaces the whole database in one transaction and makes the install a new
 * incarnation: a new node id; the old incarnation's clock added to `syncVV` (it holds all its own
 * writes up to then); the clock continuing from the newer of the backup's and this laptop's with
 * the new node id. Peers then send it everything it lacks, its own old writes made after the
 * backup included.
 */
import '@shared/zodSetup';
import { z } from 'zod';
import type { Table } from 'dexie';
import type { BundleManifest, BundleRecord, VersionVector } from '@shared/sync/bundleTypes';
import { formatHlc, isValidHlc, maxHlc, parseHlc, randomNodeId } from '@shared/sync/hlc';
import { computeMaxHlc, type StoredRecord } from '@shared/sync/record';
import { withStamp } from '@shared/sync/vectors';
import { SYNCED_TABLES, type JournalEntry, type MetaEntry, type MetaKey, type StoredSyncConflict, type SyncedTableName } from './database';
import { withDerivedFields } from './derived';
import type { DataStore } from './store';
import { exportRecords, type ExportFacts, type PreparedExport } from './sync';
import { recordProblem } from './validation';

/** The meta entries that are data: carried in a backup, and replaced by a restore. */
export const BACKED_UP_META = [
  'datasetId',
  'clock',
  'setupCompletedAt',
  'syncVV',
  'syncPeers',
  'syncImports',
  'syncSent',
] as const satisfies readonly MetaKey[];
export type BackedUpMetaKey = (typeof BACKED_UP_META)[number];

/**
 * The meta entries of this install: never in a backup, kept by a restore as they are (the node id
 * is replaced by a new one). Any key in neither list is left alone by a restore.
 */
export const INSTALL_META = [
  'nodeId',
  'deviceName',
  'userName',
  'createdAt',
  'officeKey',
  'officeKeyWrapped',
  'officeKeyId',
  'officeJoinedAt',
  'backupCatalog',
  // The clock guard's memory of this computer's clock (writeGuard.ts): about the machine, not the data.
  'clockGuardLastSave',
] as const satisfies readonly MetaKey[];

/** The local tables as named in a backup's record lines (after the synced tables). */
export const LOCAL_TABLES = ['journal', 'syncConflicts', 'meta'] as const;
export type LocalTableName = (typeof LOCAL_TABLES)[number];

const CHUNK = 2000;

/** A refusal of a backup's content, with its Vietnamese sentence (shown as is). */
export class BackupError extends Error {
  override name = 'BackupError';
}

export const BACKUP_CONTENT_ERRORS = {
  unknownTable: (table: string) =>
    `Bản sao lưu có loại dữ liệu "${table}" mà phiên bản này chưa biết: nó được tạo bởi phiên bản phần mềm mới hơn. Hãy cập nhật phần mềm trước khi khôi phục.`,
  badRecord: (problem: string) =>
    `Bản sao lưu có dữ liệu không hợp lệ nên không khôi phục được. ${problem}`,
  badLocal: (table: LocalTableName, id: string) =>
    `Bản sao lưu có dữ liệu không hợp lệ nên không khôi phục được (${LOCAL_NOUNS[table]} ${id}).`,
  noDataset: 'Bản sao lưu không ghi mã bộ dữ liệu nên không khôi phục được.',
};

const LOCAL_NOUNS: Record<LocalTableName, string> = {
  journal: 'dòng nhật ký',
  syncConflicts: 'xung đột đồng bộ',
  meta: 'thông tin của máy',
};

/** What a backup will hold and its lines (organizations first, local tables last). */
export interface BackupPlan {
  sourceVV: VersionVector;
  /** The stamp of the backup's local lines. */
  stamp: string;
  /** The local lines, counted when planned (journal lines and conflicts written later are left out). */
  localCounts: Record<LocalTableName, number>;
  /** Lines the backup will hold: the synced rows and the local lines (for progress). */
  expectedRecords: number;
  /** The lines in batches, the database read once; each call is a new pass (the file writer may need a second). */
  batches: () => AsyncIterable<BundleRecord[]>;
  /** The same lines one by one (a pass of `batches`). */
  records: () => AsyncIterable<BundleRecord>;
  /** Counts of every table, stamp range and data digest of the last pass read to the end (throws before). */
  facts(): ExportFacts;
}

/**
 * Plans a backup: the local lines are counted here, and the lines are read in chunks (never all in
 * memory) by each pass. Journal lines and conflicts written after this call are not included.
 */
export async function planBackup(store: DataStore, now: Date = new Date()): Promise<BackupPlan> {
  const { db } = store;
  let prepared: PreparedExport | null = await exportRecords(store);
  const { sourceVV } = prepared;
  const stamp = formatHlc({ millis: now.getTime(), counter: 0, node: store.identity.nodeId });
  const [journalUpTo, conflictsUpTo] = await Promise.all([lastSeq(db.journal as Table<{ seq?: number }, number>), lastSeq(db.syncConflicts as Table<{ seq?: number }, number>)]);
  const [journalCount, conflictCount] = await Promise.all([
    db.journal.where('seq').belowOrEqual(journalUpTo).count(),
    db.syncConflicts.where('seq').belowOrEqual(conflictsUpTo).count(),
  ]);
  const meta = await backedUpMeta(store);
  const localCounts = { journal: journalCount, syncConflicts: conflictCount, meta: meta.length };

  const local = (id: string, body: Record<string, unknown>): BundleRecord['r'] => ({ id, deleted: 0, _h: stamp, _v: {}, ...body });
  async function* localBatches(): AsyncIterable<BundleRecord[]> {
    for await (const rows of bySeq(db.journal as Table<JournalEntry, number>, journalUpTo))
      yield rows.map(({ seq, ...entry }) => ({ t: 'journal', r: local(String(seq), { entry }) }));
    for await (const rows of bySeq(db.syncConflicts as Table<StoredSyncConflict, number>, conflictsUpTo))
      yield rows.map(({ seq, ...entry }) => ({ t: 'syncConflicts', r: local(String(seq), { entry }) }));
    if (meta.length > 0) yield meta.map(({ key, value }) => ({ t: 'meta', r: local(key, { value }) }));
  }
  let facts: ExportFacts | null = null;
  const expectedRecords = prepared.rows + journalCount + conflictCount + meta.length;
  async function* batches(): AsyncIterable<BundleRecord[]> {
    const pass = prepared ?? (await exportRecords(store));
    prepared = null;
    yield* pass.batches;
    yield* localBatches();
    const synced = pass.facts();
    facts = {
      counts: { ...synced.counts, ...localCounts },
      hlcMin: synced.hlcMin === null || stamp < synced.hlcMin ? stamp : synced.hlcMin,
      hlcMax: synced.hlcMax === null ? stamp : maxHlc(synced.hlcMax, stamp),
      dataDigest: synced.dataDigest,
    };
  }
  async function* records(): AsyncIterable<BundleRecord> {
    for await (const lines of batches()) yield* lines;
  }
  return {
    sourceVV,
    stamp,
    localCounts,
    expectedRecords,
    batches,
    records,
    facts: () => {
      if (!facts) throw new Error('planBackup: the lines were not read to the end');
      return facts;
    },
  };
}

async function lastSeq(table: Table<{ seq?: number }, number>): Promise<number> {
  return (await table.orderBy('seq').last())?.seq ?? 0;
}

async function* bySeq<T extends { seq?: number }>(table: Table<T, number>, upTo: number): AsyncIterable<T[]> {
  let after = 0;
  while (after < upTo) {
    const rows = await table.where('seq').between(after, upTo, false, true).limit(CHUNK).toArray();
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!.seq!;
  }
}

/** The meta entries a backup carries; `clock` is the clock as it is now (newer than the stored one). */
async function backedUpMeta(store: DataStore): Promise<MetaEntry[]> {
  const entries = await store.db.meta.bulkGet([...BACKED_UP_META]);
  const out: MetaEntry[] = [];
  for (const [i, key] of BACKED_UP_META.entries()) {
    const value = key === 'clock' ? newerClock(entries[i]?.value, store.clock.last) : entries[i]?.value;
    if (value !== undefined) out.push({ key, value });
  }
  return out;
}

function newerClock(stored: unknown, current: string): string {
  return typeof stored === 'string' && isValidHlc(stored) && stampTime(stored) > stampTime(current) ? stored : current;
}

/** A stamp without its node id: the part that orders clocks of different nodes. */
function stampTime(stamp: string): string {
  return stamp.slice(0, -17);
}

// ---- Reading a backup --------------------------------------------------------------------------

/** A backup's content, checked, ready to restore. */
export interface BackupContent {
  tables: Record<SyncedTableName, StoredRecord[]>;
  journal: JournalEntry[];
  conflicts: StoredSyncConflict[];
  meta: Partial<Record<BackedUpMetaKey, unknown>>;
}

const journalSchema = z.object({
  at: z.string(),
  hlc: z.string().refine(isValidHlc),
  table: z.enum(SYNCED_TABLES),
  recordId: z.string().min(1),
  kind: z.string().min(1),
  fields: z.array(z.string()).optional(),
  changes: z.array(z.object({ field: z.string() }).loose()).optional(),
  user: z.string(),
  deviceName: z.string(),
  nodeId: z.string(),
  source: z.enum(['local', 'sync']),
}).loose();

const conflictSchema = z.object({
  table: z.string(),
  recordId: z.string(),
  field: z.string(),
  winner: z.enum(['local', 'incoming']),
  localStamp: z.string(),
  localNodeId: z.string(),
  incomingStamp: z.string(),
  incomingNodeId: z.string(),
  bundleId: z.string(),
  detectedAt: z.string(),
  resolved: z.union([z.literal(0), z.literal(1)]),
}).loose();

const vectorSchema = z.record(z.string(), z.string().refine(isValidHlc));
const META_SCHEMAS: Record<BackedUpMetaKey, z.ZodType> = {
  datasetId: z.string().min(1),
  clock: z.string().refine(isValidHlc),
  setupCompletedAt: z.string(),
  syncVV: vectorSchema,
  syncPeers: z.record(z.string(), z.unknown()),
  syncImports: z.array(z.unknown()),
  syncSent: z.array(z.unknown()),
};

const SEQ = /^[1-9]\d{0,15}$/;

/**
 * Checks every line of a verified backup file and sorts it into tables. Every synced record must
 * pass its table's schema, every local line its shape; a meta key this version does not know (from
 * a newer version) is left out. Throws `BackupError`; nothing is written.
 */
export function readBackupContent(manifest: BundleManifest, records: readonly BundleRecord[]): BackupContent {
  const synced = new Set<string>(SYNCED_TABLES);
  const tables = Object.fromEntries(SYNCED_TABLES.map((t) => [t, [] as StoredRecord[]])) as Record<SyncedTableName, StoredRecord[]>;
  const journal: JournalEntry[] = [];
  const conflicts: StoredSyncConflict[] = [];
  const meta: Partial<Record<BackedUpMetaKey, unknown>> = {};
  for (const { t, r } of records) {
    if (synced.has(t)) {
      const table = t as SyncedTableName;
      const row = withDerivedFields(table, { ...r, _maxHlc: computeMaxHlc(r) });
      const problem = recordProblem(table, row);
      if (problem) throw new BackupError(BACKUP_CONTENT_ERRORS.badRecord(problem));
      tables[table].push(row);
    } else if (t === 'journal' || t === 'syncConflicts') {
      const parsed = (t === 'journal' ? journalSchema : conflictSchema).safeParse(r.entry);
      if (!SEQ.test(r.id) || !parsed.success) throw new BackupError(BACKUP_CONTENT_ERRORS.badLocal(t, r.id));
      const line = { ...(parsed.data as object), seq: Number(r.id) };
      if (t === 'journal') journal.push(line as JournalEntry);
      else conflicts.push(line as StoredSyncConflict);
    } else if (t === 'meta') {
      if (!(BACKED_UP_META as readonly string[]).includes(r.id)) continue;
      const key = r.id as BackedUpMetaKey;
      if (!META_SCHEMAS[key].safeParse(r.value).success) throw new BackupError(BACKUP_CONTENT_ERRORS.badLocal('meta', key));
      meta[key] = r.value;
    } else throw new BackupError(BACKUP_CONTENT_ERRORS.unknownTable(t));
  }
  meta.datasetId ??= manifest.datasetId;
  if (typeof meta.datasetId !== 'string' || !meta.datasetId) throw new BackupError(BACKUP_CONTENT_ERRORS.noDataset);
  addCreatedStamps(journal, tables);
  return { tables, journal, conflicts, meta };
}

/**
 * A backup made before database version 6 holds bulk creation lines (`recordIds`) without the
 * creation stamps a record's history finds them by: they get them from the backup's records, as
 * the version 6 upgrade does (database.ts); records the backup does not hold are skipped.
 */
function addCreatedStamps(journal: JournalEntry[], tables: Record<SyncedTableName, StoredRecord[]>): void {
  const stampsById = new Map<SyncedTableName, Map<string, string>>();
  for (const line of journal) {
    if (!Array.isArray(line.recordIds) || line.createdStamps) continue;
    let byId = stampsById.get(line.table);
    if (!byId) stampsById.set(line.table, (byId = new Map(tables[line.table].map((r) => [r.id, r._h]))));
    const stamps = new Set<string>();
    for (const id of line.recordIds) {
      const stamp = byId.get(id);
      if (stamp !== undefined) stamps.add(stamp);
    }
    if (stamps.size) line.createdStamps = [...stamps];
  }
}

// ---- Restoring ---------------------------------------------------------------------------------

/**
 * The meta entries a restore writes (sync.md "Identity and clocks"): the backup's data entries, a
 * new node id, the old incarnation's clock in the vector, and the clock continuing from the newer
 * of the backup's and this laptop's, under the new node id.
 */
export function restoredMeta(
  backup: BackupContent['meta'],
  currentClock: string,
  newNodeId: string,
  now: Date,
): MetaEntry[] {
  const oldClock = typeof backup.clock === 'string' ? backup.clock : undefined;
  const vv = (backup.syncVV as VersionVector | undefined) ?? {};
  const newest = oldClock && stampTime(oldClock) > stampTime(currentClock) ? oldClock : currentClock;
  const { millis, counter } = parseHlc(newest);
  const entries: MetaEntry[] = [
    { key: 'nodeId', value: newNodeId },
    { key: 'datasetId', value: backup.datasetId },
    { key: 'clock', value: formatHlc({ millis, counter, node: newNodeId }) },
    { key: 'syncVV', value: oldClock ? withStamp(vv, oldClock) : vv },
    { key: 'setupCompletedAt', value: backup.setupCompletedAt ?? now.toISOString() },
  ];
  for (const key of ['syncPeers', 'syncImports', 'syncSent'] as const)
    if (backup[key] !== undefined) entries.push({ key, value: backup[key] });
  return entries;
}

export interface RestoreOptions {
  /** The office key to keep, when the restore opened the file with the passphrase (a new laptop). */
  office?: { officeKey: CryptoKey; keyId: string; wrapped: unknown; joinedAt: string };
  newNodeId?: string;
  now?: Date;
}

/**
 * Replaces every table with the backup's content in one transaction (a failure leaves the
 * database as it was) and makes this install a new incarnation. The open DataStore still carries
 * the old node id and clock: the app reloads after a restore (tests open the store again).
 */
export async function restoreBackupContent(store: DataStore, content: BackupContent, options: RestoreOptions = {}): Promise<{ nodeId: string }> {
  const { db } = store;
  const nodeId = options.newNodeId ?? randomNodeId();
  const now = options.now ?? new Date();
  const meta = restoredMeta(content.meta, store.clock.last, nodeId, now);
  const dropped = BACKED_UP_META.filter((key) => !meta.some((e) => e.key === key));
  await db.transaction('rw', [...SYNCED_TABLES.map((t) => db.syncedTable(t)), db.journal, db.syncConflicts, db.meta], async () => {
    for (const table of SYNCED_TABLES) {
      await db.syncedTable(table).clear();
      await db.syncedTable(table).bulkAdd(content.tables[table]);
    }
    await db.journal.clear();
    await db.journal.bulkAdd(content.journal);
    await db.syncConflicts.clear();
    await db.syncConflicts.bulkAdd(content.conflicts);
    await db.meta.bulkDelete(dropped);
    await db.meta.bulkPut(meta);
    if (options.office)
      await db.meta.bulkPut([
        { key: 'officeKey', value: options.office.officeKey },
        { key: 'officeKeyWrapped', value: options.office.wrapped },
        { key: 'officeKeyId', value: options.office.keyId },
        { key: 'officeJoinedAt', value: options.office.joinedAt },
      ]);
  });
  return { nodeId };
}
