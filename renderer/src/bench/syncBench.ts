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
  bytes: number;
  records: number;
}

/** "Xuất tệp đồng bộ", full, on laptop A: from the click to the file's bytes in hand. */
async function exportFull(): Promise<ExportFigures> {
  const store = need(a, 'setup');
  const t0 = performance.now();
  const file = await exportSyncFile(store, need(office, 'setup'), { appVersion: 'bench' });
  const ms = performance.now() - t0;
  fullFile = file.bytes;
  return { ms, bytes: file.bytes.length, records: file.sent.records };
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
  merge: explained(merge),
};
