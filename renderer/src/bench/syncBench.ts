/**
 * Sync figures, in the bench page (tests/bench/sync.run.ts drives it through window.qldvSyncBench).
 * Everything timed runs the app's own code paths: `exportSyncFile` (records read in chunks, sealed in
 * the Web Worker), `openSyncFile` (verified in full in the worker, then the preview) and
 * `importSyncFile` (checks, merge, batched writes with the journal). The peer is dexie-export-import
 * (`exportDB` / `importDB`) on the same database in the same page.
 *
 * Laptops are separate IndexedDB databases of one office (same dataset and office key):
 * - `qldv-sync-a`: the demo ward loaded through the write path, the office set up here;
 * - `qldv-sync-b`: an empty laptop that joined the office (dataset and key taken, no records);
 * - `qldv-sync-peer`: the database `importDB` creates from the peer's export.
 */
import Dexie from 'dexie';
import { exportDB, importDB } from 'dexie-export-import';
import { generateDemoWard } from '@shared/demo/generator';
import { SYNCED_TABLES, type MetaEntry } from '../db/database';
import { openDataStore, type DataStore } from '../db/store';
import { dataDigest } from '../db/sync';
import { commit, upsert, type Draft } from '../db/writePath';
import { DEMO_SEED, writeInBatches } from '../features/onboarding/setup';
import { readOffice, setUpOffice, type OfficeState } from '../features/sync/office';
import { exportSyncFile, importSyncFile, openSyncFile } from '../features/sync/transfer';
import { DEFAULT_BATCH_SIZE } from '@shared/sync/mergeBundle';
import type { StoredRecord } from '@shared/sync/record';
import { rawWrite, type RawTable } from './rawWrite';

const ASOF = '2025-11-26';
const PASSPHRASE = 'Văn phòng Đảng ủy đo hiệu năng đồng bộ';
const A = 'qldv-sync-a';
const B = 'qldv-sync-b';
const PEER = 'qldv-sync-peer';
/** Tables that are not data: the peer exports the synced tables only, what our file carries. */
const NOT_SYNCED = ['meta', 'journal', 'syncConflicts'];

let a: DataStore | undefined;
let b: DataStore | undefined;
let office: OfficeState | undefined;
let fullFile: Uint8Array | undefined;
let peerBlob: Blob | undefined;

function need<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`syncBench: ${what} first`);
  return value;
}

/** Laptop A: the demo ward of `memberCount` members through the write path, and the office set up. */
async function setup(memberCount: number): Promise<{ records: number; ms: number }> {
  a?.close();
  b?.close();
  a = b = undefined;
  fullFile = undefined;
  peerBlob = undefined;
  await Promise.all([A, B, PEER].map((name) => Dexie.delete(name)));
  const t0 = performance.now();
  a = await openDataStore({ name: A });
  const demo = generateDemoWard({ seed: DEMO_SEED, memberCount, asOf: ASOF });
  const tables = [
    { table: 'organizations' as const, records: demo.organizations as unknown as Draft[] },
    { table: 'members' as const, records: demo.members as unknown as Draft[] },
    { table: 'memberEvents' as const, records: demo.events as unknown as Draft[] },
  ];
  await writeInBatches(a, tables);
  await a.setNames({ deviceName: 'Máy Văn phòng 1' });
  office = await setUpOffice(a, PASSPHRASE, PASSPHRASE);
  return { records: tables.reduce((n, t) => n + t.records.length, 0), ms: performance.now() - t0 };
}

/** A laptop that joined the office and holds nothing yet: A's dataset and office key, no records. */
async function joinedEmptyLaptop(): Promise<DataStore> {
  b?.close();
  await Dexie.delete(B);
  const fresh = await openDataStore({ name: B });
  const source = need(office, 'setup');
  const meta: MetaEntry[] = [
    { key: 'datasetId', value: need(a, 'setup').identity.datasetId },
    { key: 'deviceName', value: 'Máy Văn phòng 2' },
    { key: 'officeKey', value: source.officeKey },
    { key: 'officeKeyWrapped', value: source.wrapped },
    { key: 'officeKeyId', value: source.keyId },
    { key: 'officeJoinedAt', value: new Date().toISOString() },
    { key: 'setupCompletedAt', value: new Date().toISOString() },
  ];
  await fresh.db.meta.bulkPut(meta);
  fresh.close();
  return openDataStore({ name: B });
}

export interface ExportFigures {
  ms: number;
  /** Until this thread has read the last row (the worker may still be compressing). */
  readMs: number;
  bytes: number;
  records: number;
}

/** "Xuất tệp đồng bộ", full, on laptop A: from the click to the file's bytes in hand. */
async function exportFull(): Promise<ExportFigures> {
  const store = need(a, 'setup');
  const t0 = performance.now();
  let readAt = t0;
  const file = await exportSyncFile(store, need(office, 'setup'), {
    appVersion: 'bench',
    onProgress: () => {
      readAt = performance.now();
    },
  });
  const ms = performance.now() - t0;
  fullFile = file.bytes;
  return { ms, readMs: readAt - t0, bytes: file.bytes.length, records: file.sent.records };
}

/** The peer: `exportDB` of the same database's synced tables, to a Blob. */
async function peerExport(): Promise<{ ms: number; bytes: number }> {
  const store = need(a, 'setup');
  const t0 = performance.now();
  const blob = await exportDB(store.db, { skipTables: NOT_SYNCED });
  const ms = performance.now() - t0;
  peerBlob = blob;
  return { ms, bytes: blob.size };
}

/** The peer: `importDB` of that export into a new database, to committed. */
async function peerImport(): Promise<{ ms: number; records: number }> {
  const blob = need(peerBlob, 'peerExport');
  await Dexie.delete(PEER);
  const t0 = performance.now();
  const db = await importDB(blob, { name: PEER });
  const ms = performance.now() - t0;
  let records = 0;
  for (const table of SYNCED_TABLES) records += await db.table(table).count();
  db.close();
  await Dexie.delete(PEER);
  return { ms, records };
}

export interface ImportFigures {
  /** From the file's bytes to committed: verify (worker), preview, apply. */
  ms: number;
  readMs: number;
  previewMs: number;
  applyMs: number;
  records: number;
  /** Both laptops' digests agree after the import. */
  same: boolean;
}

/** Opens (verify + preview) and imports `bytes` into `store`, as the Nhập tệp đồng bộ screen does. */
async function importFile(store: DataStore, bytes: Uint8Array): Promise<Omit<ImportFigures, 'same'>> {
  const key = need(await readOffice(store), 'an office on the importing laptop');
  const t0 = performance.now();
  // The worker reports progress until the file is verified; the preview follows on this thread.
  let readAt = t0;
  const opened = await openSyncFile(store, key, bytes, () => {
    readAt = performance.now();
  });
  const t1 = performance.now();
  if (opened.preview.refusal) throw new Error(`the file was refused: ${opened.preview.refusal}`);
  const report = await importSyncFile(store, opened);
  const t2 = performance.now();
  return {
    ms: t2 - t0,
    readMs: readAt - t0,
    previewMs: t1 - readAt,
    applyMs: t2 - t1,
    records: Object.values(report.counts).reduce((x, y) => x + y, 0),
  };
}

/** A full file of A into the empty laptop B that joined the office (B is made anew each time). */
async function importEmpty(): Promise<ImportFigures> {
  const bytes = need(fullFile, 'exportFull');
  b = await joinedEmptyLaptop();
  const figures = await importFile(b, bytes);
  const same = (await dataDigest(b)) === (await dataDigest(need(a, 'setup')));
  return { ...figures, same };
}

/**
 * Laptop A's synced rows as stored: the file's records with the fields an import derives (`_maxHlc`,
 * `_nameKey`), i.e. exactly the rows a full import into an empty laptop writes.
 */
async function storedRowsOfA(): Promise<RawTable[]> {
  const store = need(a, 'setup');
  const out: RawTable[] = [];
  for (const table of SYNCED_TABLES) {
    const rows: StoredRecord[] = await store.db.syncedTable(table).toArray();
    if (rows.length) out.push({ table, rows });
  }
  return out;
}

/**
 * The floor of a full import: Dexie `bulkAdd` of exactly those rows into an empty database of the
 * app's schema, in the import's batches (each its own transaction); no journal, no check, no merge.
 */
async function rawImport(): Promise<{ ms: number; records: number }> {
  const tables = await storedRowsOfA();
  const ms = await rawWrite(tables, { name: 'qldv-sync-raw', method: 'bulkAdd', batchSize: DEFAULT_BATCH_SIZE });
  return { ms, records: tables.reduce((n, t) => n + t.rows.length, 0) };
}

/** The schema of database version 3 (before the index audit), for the index audit's comparison. */
const SCHEMA_V3: Record<string, string> = {
  organizations: 'id, parentId, [deleted+type], _maxHlc',
  members:
    'id, organizationId, [deleted+status], [deleted+organizationId], [deleted+_nameKey], partyCardNumber, citizenId, dossierNumber, _maxHlc',
  memberEvents: 'id, memberId, [memberId+date], type, date, _maxHlc, [deleted+memberId]',
  memberPhotos: 'id, _maxHlc',
  settings: 'id, _maxHlc',
};

/**
 * Indexes of version 3 that versions 4–5 drop (docs/decisions.md "Data core"): no query reads them,
 * or their queries moved (memberEvents.memberId to `[deleted+memberId]`, type to a sparse index).
 */
const UNREAD_V3: [table: string, index: string][] = [
  ['memberEvents', 'memberId'],
  // Replaced by the sparse `_temporaryTransfer` (a few entries; not in these variants).
  ['memberEvents', 'type'],
  ['organizations', 'parentId'],
  ['organizations', '_maxHlc'],
  ['members', 'organizationId'],
  ['members', 'dossierNumber'],
  ['members', '_maxHlc'],
  ['memberEvents', '[memberId+date]'],
  ['memberEvents', 'date'],
  ['memberEvents', '_maxHlc'],
  ['memberPhotos', '_maxHlc'],
  ['settings', '_maxHlc'],
];

function withoutIndexes(schema: Record<string, string>, drop: readonly [string, string][]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [table, spec] of Object.entries(schema))
    out[table] = spec
      .split(',')
      .map((s) => s.trim())
      .filter((index) => !drop.some(([t, i]) => t === table && i === index))
      .join(', ');
  return out;
}

/**
 * The index audit: `bulkAdd` of A's rows (as rawImport) into databases that differ only in their
 * secondary indexes: version 3's schema, the same without each unread index, without all of them
 * (`lean`), the app's current schema (`app`), and primary keys only (`bare`: the floor of any
 * schema). The whole-schema variants alternate `reps` times (median); single drops run once each,
 * paired with a version 3 run.
 */
async function indexAudit(reps: number): Promise<{ records: number; ms: Record<string, number> }> {
  const tables = await storedRowsOfA();
  const records = tables.reduce((n, t) => n + t.rows.length, 0);
  const run = (schema?: Record<string, string>) =>
    rawWrite(tables, {
      name: 'qldv-sync-index-audit',
      method: 'bulkAdd',
      batchSize: DEFAULT_BATCH_SIZE,
      ...(schema ? { schema } : {}),
    });
  const bare = Object.fromEntries(Object.keys(SCHEMA_V3).map((t) => [t, 'id']));
  const lean = withoutIndexes(SCHEMA_V3, UNREAD_V3);
  const samples: Record<string, number[]> = { v3: [], lean: [], app: [], bare: [] };
  for (let i = 0; i < reps; i++) {
    samples.v3!.push(await run(SCHEMA_V3));
    samples.lean!.push(await run(lean));
    samples.app!.push(await run());
    samples.bare!.push(await run(bare));
  }
  const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
  const ms: Record<string, number> = {};
  for (const [name, values] of Object.entries(samples)) ms[name] = median(values);
  // Each single drop against a version 3 run just before it: successive runs in one Chromium
  // profile slow down (the origin's store keeps what deleted databases held until it compacts), so
  // only neighbours compare. Reported as the saving in percent of the version 3 run.
  for (const drop of UNREAD_V3) {
    const before = await run(SCHEMA_V3);
    const without = await run(withoutIndexes(SCHEMA_V3, [drop]));
    ms[`saving_pct_without_${drop[0]}.${drop[1]}`] = (100 * (before - without)) / before;
  }
  return { records, ms };
}

/**
 * 1% of the members edited on each laptop (every hundredth member on A, the hundredth plus fifty on
 * B; every tenth of B's edits is instead the same field of a member A edited, a conflict).
 */
async function divergeOnePercent(round: number): Promise<{ editsA: number; editsB: number }> {
  const storeA = need(a, 'setup');
  const storeB = need(b, 'importEmpty');
  const ids = await storeA.db.members.orderBy(':id').primaryKeys();
  const onA: Draft[] = [];
  const onB: Draft[] = [];
  for (let i = 0; i + 50 < ids.length; i += 100) {
    const k = i / 100;
    onA.push({ id: ids[i]!, phone: `09${String(round).padStart(2, '0')}${String(k).padStart(6, '0')}` });
    if (k % 10 === 9) onB.push({ id: ids[i]!, phone: `08${String(round).padStart(2, '0')}${String(k).padStart(6, '0')}` });
    else onB.push({ id: ids[i + 50]!, notes: `Sửa lần ${round} trên máy 2 (${k})` });
  }
  await commit(storeA, [upsert('members', onA)]);
  await commit(storeB, [upsert('members', onB)]);
  return { editsA: onA.length, editsB: onB.length };
}

export interface MergeFigures {
  /** Export on A + export on B + import of A's file into B + import of B's file into A. */
  ms: number;
  exportMs: number;
  importMs: number;
  bytes: number;
  edits: number;
  conflicts: number;
  same: boolean;
}

async function exchange(peerFiles: boolean): Promise<MergeFigures> {
  const storeA = need(a, 'setup');
  const storeB = need(b, 'importEmpty');
  const officeA = need(await readOffice(storeA), 'setup');
  const officeB = need(await readOffice(storeB), 'importEmpty');
  const t0 = performance.now();
  const fromA = await exportSyncFile(storeA, officeA, {
    appVersion: 'bench',
    ...(peerFiles ? { peerNodeId: storeB.identity.nodeId } : {}),
  });
  const fromB = await exportSyncFile(storeB, officeB, {
    appVersion: 'bench',
    ...(peerFiles ? { peerNodeId: storeA.identity.nodeId } : {}),
  });
  const t1 = performance.now();
  await importFile(storeB, fromA.bytes);
  await importFile(storeA, fromB.bytes);
  const t2 = performance.now();
  const conflicts = (await storeA.db.syncConflicts.count()) + (await storeB.db.syncConflicts.count());
  const same = (await dataDigest(storeA)) === (await dataDigest(storeB));
  return {
    ms: t2 - t0,
    exportMs: t1 - t0,
    importMs: t2 - t1,
    bytes: fromA.bytes.length + fromB.bytes.length,
    edits: 0,
    conflicts,
    same,
  };
}

/**
 * Two laptops that diverged by 1% edits each, exchanging files both ways. First (untimed) B sends a
 * full file back, so each laptop knows the other (as after any first exchange). Then each edits 1%
 * of the members, and the timed exchange runs: `full` with full files (the screen's default),
 * `delta` with files of what the other laptop lacks.
 */
async function merge(kind: 'full' | 'delta', round: number): Promise<MergeFigures> {
  if (round === 1) {
    const storeA = need(a, 'setup');
    const storeB = need(b, 'importEmpty');
    const back = await exportSyncFile(storeB, need(await readOffice(storeB), 'importEmpty'), { appVersion: 'bench' });
    await importFile(storeA, back.bytes);
  }
  const { editsA, editsB } = await divergeOnePercent(round);
  const figures = await exchange(kind === 'delta');
  return { ...figures, edits: editsA + editsB };
}

declare global {
  interface Window {
    qldvSyncBench: {
      setup: typeof setup;
      exportFull: typeof exportFull;
      peerExport: typeof peerExport;
      peerImport: typeof peerImport;
      importEmpty: typeof importEmpty;
      rawImport: typeof rawImport;
      indexAudit: typeof indexAudit;
      merge: typeof merge;
    };
  }
}

/** Errors cross to the test process as text only: name, message and stack, so a failure says where. */
function explained<A extends unknown[], R>(run: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await run(...args);
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      throw new Error(`${e.name}: ${e.message}\n${e.stack ?? ''}`, { cause: error });
    }
  };
}

window.qldvSyncBench = {
  setup: explained(setup),
  exportFull: explained(exportFull),
  peerExport: explained(peerExport),
  peerImport: explained(peerImport),
  importEmpty: explained(importEmpty),
  rawImport: explained(rawImport),
  indexAudit: explained(indexAudit),
  merge: explained(merge),
};
