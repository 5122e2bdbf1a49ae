/**
 * Size and speed against the app's other way of carrying data, a dexie-export-import JSON backup
 * of the same records (task: the sync file must be well under a third of it).
 * `QLDV_BUNDLE_MEMBERS=100000 npx vitest run --project node shared/sync/bundle/size.test.ts`
 * measures the design size; the default is the ward's real size.
 */
import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { expect, test } from 'vitest';
import type { BundleRecord } from '../bundleTypes';
import { computeMaxHlc } from '../record';
import { readBundle } from './reader';
import { demoRecords, SCHEMA, testManifest, testOfficeKey } from './testing';
import { writeBundle } from './writer';

const MEMBERS = Number(process.env.QLDV_BUNDLE_MEMBERS ?? 3882);

async function dexieExportSize(records: BundleRecord[]): Promise<number> {
  const db = new Dexie(`size-${MEMBERS}-${Math.random()}`, { indexedDB, IDBKeyRange });
  // The app's schema for these tables (renderer/src/db/database.ts, version 1).
  db.version(1).stores({
    organizations: 'id, parentId, [deleted+type], _maxHlc',
    members: 'id, organizationId, [deleted+status], [deleted+organizationId], partyCardNumber, citizenId, dossierNumber, _maxHlc',
    memberEvents: 'id, memberId, [memberId+date], type, date, _maxHlc',
  });
  await db.open();
  const byTable = new Map<string, Record<string, unknown>[]>();
  for (const { t, r } of records) {
    if (!byTable.has(t)) byTable.set(t, []);
    byTable.get(t)!.push({ ...r, _maxHlc: computeMaxHlc(r) });
  }
  for (const [table, rows] of byTable) await db.table(table).bulkAdd(rows);
  // dexie-export-import expects a browser: `self` when it loads, FileReader when it finalizes.
  (globalThis as { self?: unknown }).self ??= globalThis;
  (globalThis as { FileReader?: unknown }).FileReader ??= class {
    onload: ((event: { target: { result: ArrayBuffer } }) => void) | null = null;
    onerror: ((event: unknown) => void) | null = null;
    onabort: (() => void) | null = null;
    readAsArrayBuffer(blob: Blob): void {
      void blob.arrayBuffer().then((result) => this.onload?.({ target: { result } }), (error: unknown) => this.onerror?.({ target: { error } }));
    }
  };
  const { exportDB } = await import('dexie-export-import');
  const blob = await exportDB(db);
  db.close();
  await db.delete();
  return blob.size;
}

/** JSON of the stored rows alone: a lower bound of a Dexie export, which wraps them in more JSON. */
function rowsJsonSize(records: BundleRecord[]): number {
  let size = 0;
  for (const { r } of records) size += utf8Length(JSON.stringify({ ...r, _maxHlc: computeMaxHlc(r) })) + 1;
  return size;
}

const encoder = new TextEncoder();
const utf8Length = (text: string): number => encoder.encode(text).length;

test(`a sync file of ${MEMBERS.toLocaleString('en')} members is well under a third of a Dexie JSON export`, async () => {
  const key = await testOfficeKey();
  const records = demoRecords(MEMBERS);
  const rowsSize = rowsJsonSize(records);
  // fake-indexeddb takes minutes to load 300,000 rows, so at the design size the rows' JSON (a
  // lower bound of the export) stands in for the export itself.
  const exportSize = MEMBERS <= 10_000 ? await dexieExportSize(records) : undefined;
  if (exportSize !== undefined) expect(exportSize).toBeGreaterThanOrEqual(rowsSize);

  const t0 = performance.now();
  const written = await writeBundle({ ...key, manifest: testManifest(), records });
  const t1 = performance.now();
  const bytes = new Uint8Array(await new Blob(written.parts).arrayBuffer());
  const t2 = performance.now();
  const read = await readBundle(bytes, { officeKey: key.officeKey }, { maxSchema: SCHEMA });
  const t3 = performance.now();

  const ratio = bytes.length / (exportSize ?? rowsSize);
  console.log(
    `${MEMBERS} members, ${records.length} records: sync file ${(bytes.length / 1e6).toFixed(2)} MB, ` +
      `rows JSON ${(rowsSize / 1e6).toFixed(2)} MB` +
      (exportSize === undefined ? '' : `, Dexie export ${(exportSize / 1e6).toFixed(2)} MB`) +
      ` (ratio ${ratio.toFixed(3)}); write ${(t1 - t0).toFixed(0)} ms, read + verify ${(t3 - t2).toFixed(0)} ms`,
  );
  expect(read.records.length).toBe(records.length);
  expect(ratio).toBeLessThan(0.2);
}, 600_000);
