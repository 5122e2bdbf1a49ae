/**
 * The office key on this laptop (sync.md "Keys", docs/sync-format.md "The office key").
 *
 * - "Thiết lập văn phòng" (the first laptop): makes the office key under a passphrase typed twice.
 *   The office is this laptop's dataset (its `datasetId`, made at first run) and its ward committee.
 * - "Tham gia văn phòng" (every other laptop): opens the key carried in a file from the office with
 *   the passphrase, adopts the office's dataset and imports the file. Allowed only while this laptop
 *   holds nothing of its own but the untouched ward record that "Bắt đầu" creates (see `joinBlocker`).
 * - "Đổi mật khẩu văn phòng": re-wraps the same key; old files stay readable.
 *
 * In `meta`: `officeKey` (a non-extractable HKDF CryptoKey: IndexedDB keeps it by structured clone,
 * nobody can read its bytes), `officeKeyWrapped` (the passphrase wrapping, carried in every file),
 * `officeKeyId`, `officeJoinedAt`. The passphrase itself is never stored.
 */
import {
  BundleError,
  changePassphrase,
  checkNewPassphrase,
  checkPassphrase,
  DEFAULT_KDF,
  setUpOfficeKey,
  type BundleProgress,
  type KdfParams,
  type WrappedOfficeKey,
} from '@shared/sync/bundle';
import { SYNC_SCHEMA_VERSION, type ApplyReport } from '@shared/sync/mergeBundle';
import type { StoredRecord } from '@shared/sync/record';
import { SYNCED_TABLES, type JournalEntry, type MetaEntry, type SyncedTableName } from '../../db/database';
import type { DataStore } from '../../db/store';
import { applyBundle, readSyncState } from '../../db/sync';
import { readBundleOffThread } from './bundleWorker';
import { syncText as t } from '../../i18n/sync';

export interface OfficeState {
  officeKey: CryptoKey;
  keyId: string;
  wrapped: WrappedOfficeKey;
  /** When this laptop set up or joined the office (ISO). */
  joinedAt: string;
}

/** A refusal with its Vietnamese sentence (shown as is). */
export class OfficeError extends Error {
  override name = 'OfficeError';
}

let kdfForTests: KdfParams | undefined;
/** Tests use cheap Argon2 parameters; the app always uses DEFAULT_KDF (64 MiB, t=3). */
export function setOfficeKdfForTests(kdf: KdfParams | undefined): void {
  kdfForTests = kdf;
}
function kdf(): KdfParams {
  return kdfForTests ?? DEFAULT_KDF;
}

/** The office this laptop belongs to, or null before "Thiết lập" / "Tham gia". */
export async function readOffice(store: DataStore): Promise<OfficeState | null> {
  const [officeKey, wrapped, keyId, joinedAt] = await Promise.all([
    store.getMeta<CryptoKey>('officeKey'),
    store.getMeta<WrappedOfficeKey>('officeKeyWrapped'),
    store.getMeta<string>('officeKeyId'),
    store.getMeta<string>('officeJoinedAt'),
  ]);
  if (!officeKey || !wrapped || !keyId) return null;
  return { officeKey, wrapped, keyId, joinedAt: joinedAt ?? '' };
}

/** The ward committee (the root organization): its name is the office's name. */
export async function wardOrganization(store: DataStore): Promise<StoredRecord | undefined> {
  const wards = await store.db.organizations.where('[deleted+type]').equals([0, 'ward']).toArray();
  return wards.find((o) => o.parentId === null || o.parentId === undefined) ?? wards[0];
}

export async function officeName(store: DataStore): Promise<string> {
  const ward = await wardOrganization(store);
  return typeof ward?.name === 'string' ? ward.name : '';
}

/** The manifest fields that say who wrote a file and when: the same for a sync file and a backup. */
export async function writerManifestFields(store: DataStore, appVersion: string, at: Date) {
  return {
    appVersion,
    schemaVersion: SYNC_SCHEMA_VERSION,
    minReaderSchema: SYNC_SCHEMA_VERSION,
    datasetId: store.identity.datasetId,
    officeName: await officeName(store),
    sourceNodeId: store.identity.nodeId,
    sourceDeviceName: store.identity.deviceName,
    exportedAt: at.toISOString(),
  };
}

async function saveOffice(
  store: DataStore,
  key: { officeKey: CryptoKey; keyId: string; wrapped: WrappedOfficeKey },
  at: string,
) {
  await store.db.meta.bulkPut([
    { key: 'officeKey', value: key.officeKey },
    { key: 'officeKeyWrapped', value: key.wrapped },
    { key: 'officeKeyId', value: key.keyId },
    { key: 'officeJoinedAt', value: at },
  ]);
}

/** "Thiết lập văn phòng" on the first laptop. */
export async function setUpOffice(store: DataStore, passphrase: string, again: string): Promise<OfficeState> {
  if (await readOffice(store)) throw new OfficeError(t.errors.alreadyInOffice);
  if (!(await wardOrganization(store))) throw new OfficeError(t.errors.noWard);
  const problem = checkPassphrase(passphrase);
  if (problem) throw new OfficeError(problem);
  if (passphrase.normalize('NFC') !== again.normalize('NFC'))
    throw new OfficeError(t.errors.passphrasesDiffer);
  const key = await setUpOfficeKey(passphrase, kdf());
  const at = new Date().toISOString();
  await saveOffice(store, key, at);
  return { ...key, joinedAt: at };
}

/** "Đổi mật khẩu văn phòng": the same key under a new passphrase (same key id; old files stay readable). */
export async function changeOfficePassphrase(
  store: DataStore,
  oldPassphrase: string,
  newPassphrase: string,
  again: string,
): Promise<void> {
  const office = await readOffice(store);
  if (!office) throw new OfficeError(t.errors.noOffice);
  const problem = checkNewPassphrase(newPassphrase, oldPassphrase);
  if (problem) throw new OfficeError(problem);
  if (newPassphrase.normalize('NFC') !== again.normalize('NFC'))
    throw new OfficeError(t.errors.passphrasesDiffer);
  // Throws BundleError('wrongPassphrase') when the old passphrase does not open the key.
  const changed = await changePassphrase(office.wrapped, oldPassphrase, newPassphrase, kdf());
  if (changed.keyId !== office.keyId) throw new OfficeError(t.errors.otherKey);
  await store.setMeta('officeKeyWrapped', changed.wrapped);
}

/** What "Tham gia" would discard: the records this laptop holds, when they are only first-run data. */
interface FirstRunData {
  records: { table: SyncedTableName; row: StoredRecord }[];
}

/**
 * Why this laptop cannot join an office, or null. It may join while it holds no records of its own,
 * or only the ward committee record that "Bắt đầu" created, never edited: such records never left this
 * laptop (without the office key it cannot write a file), so joining replaces them with the office's.
 */
export async function joinBlocker(store: DataStore): Promise<string | null> {
  const found = await firstRunData(store);
  return typeof found === 'string' ? found : null;
}

async function firstRunData(store: DataStore): Promise<FirstRunData | string> {
  if (await readOffice(store)) return t.errors.alreadyInOffice;
  const { db } = store;
  const members = await db.members.count();
  if (members > 0) return t.errors.hasOwnData(members);
  const own = (await db.memberEvents.count()) + (await db.memberPhotos.count()) + (await db.settings.count());
  if (own > 0) return t.errors.hasOwnRecords;
  const orgs = await db.organizations.toArray();
  if (orgs.length > 1) return t.errors.hasOwnOrganizations(orgs.length);
  const untouched = orgs.every(
    (o) => o.type === 'ward' && o.deleted === 0 && Object.keys(o._v ?? {}).length === 0,
  );
  if (!untouched) return t.errors.wardEdited;
  const state = await readSyncState(store);
  if (state.imports.length > 0) return t.errors.alreadyImported;
  return { records: orgs.map((row) => ({ table: 'organizations' as const, row })) };
}

export interface JoinResult {
  report: ApplyReport;
  officeName: string;
  sourceDeviceName: string;
}

/**
 * "Tham gia văn phòng": verifies the file with the passphrase (nothing written when it fails), then,
 * in one transaction, drops the untouched first-run records, adopts the office's dataset and keeps
 * the key; then imports the file. If the import is refused, the laptop is put back as it was.
 */
export async function joinOffice(
  store: DataStore,
  bytes: Uint8Array,
  passphrase: string,
  progress: { onRead?: (p: BundleProgress) => void; onBatch?: (done: number, total: number) => void } = {},
): Promise<JoinResult> {
  const before = await firstRunData(store);
  if (typeof before === 'string') throw new OfficeError(before);
  if (!passphrase) throw new OfficeError(t.errors.passphraseRequired);
  const read = await readBundleOffThread(
    bytes,
    { wrappedKeyPassphrase: passphrase },
    { maxSchema: SYNC_SCHEMA_VERSION, ...(progress.onRead ? { onProgress: progress.onRead } : {}) },
  );
  if (!read.unlocked) throw new BundleError('wrongPassphrase', 'no key unlocked');
  const { db } = store;
  const previous = { datasetId: store.identity.datasetId };
  const removedJournal: JournalEntry[] = [];
  const at = new Date().toISOString();
  await db.transaction(
    'rw',
    [...SYNCED_TABLES.map((n) => db.syncedTable(n)), db.journal, db.meta],
    async () => {
      for (const { table, row } of before.records) {
        removedJournal.push(...(await db.journal.where('recordId').equals(row.id).toArray()));
        await db.journal.where('recordId').equals(row.id).delete();
        await db.syncedTable(table).delete(row.id);
      }
      await db.meta.put({ key: 'datasetId', value: read.manifest.datasetId });
      await saveOffice(store, { ...read.unlocked!, wrapped: read.header.officeKey }, at);
    },
  );
  store.identity = { ...store.identity, datasetId: read.manifest.datasetId };
  try {
    const report = await applyBundle(
      store,
      read.manifest,
      read.records,
      progress.onBatch ? { onBatch: progress.onBatch } : {},
    );
    return { report, officeName: read.manifest.officeName, sourceDeviceName: read.manifest.sourceDeviceName };
  } catch (error) {
    // Put the laptop back: its own dataset, no office key, its first-run records.
    const restore: MetaEntry[] = [{ key: 'datasetId', value: previous.datasetId }];
    await db.transaction(
      'rw',
      [...SYNCED_TABLES.map((n) => db.syncedTable(n)), db.journal, db.meta],
      async () => {
        await db.meta.bulkPut(restore);
        await db.meta.bulkDelete(['officeKey', 'officeKeyWrapped', 'officeKeyId', 'officeJoinedAt']);
        for (const { table, row } of before.records) await db.syncedTable(table).put(row);
        if (removedJournal.length) await db.journal.bulkPut(removedJournal);
      },
    );
    store.identity = { ...store.identity, datasetId: previous.datasetId };
    throw error;
  }
}
