/**
 * Backups on this laptop: written with the `.qldv` codec under the office key (a manifest with
 * `backup`), kept in the host's backup folder (PlatformApi.backups), described in `meta.backupCatalog`
 * for the list, pruned (automatic ones only), opened and restored. What goes into a backup and how a
 * restore applies it: renderer/src/db/backup.ts.
 */
import { concatBytes } from '@shared/sync/bundle/bytes';
import { todayIso } from '@shared/domain/dates';
import { resolveSetting } from '@shared/domain/settings';
import { SETTINGS } from '@shared/domain/settingDefinitions';
import type { BundleProgress, WrappedOfficeKey } from '@shared/sync/bundle';
import type { BackupManifestInfo, BundleManifest } from '@shared/sync/bundleTypes';
import { SYNC_SCHEMA_VERSION } from '@shared/sync/mergeBundle';
import type { BackupFileInfo, BackupStore } from '@shared/platform';
import type { DataStore } from '../../db/store';
import { WriteError } from '../../db/writePath';
import { backupText } from '../../i18n/backup';
import { planBackup, readBackupContent, restoreBackupContent, type BackupContent } from '../../db/backup';
import { readBundleOffThread, writeBundleOffThread } from '../sync/bundleWorker';
import { writerManifestFields } from '../sync/office';

export type BackupReason = BackupManifestInfo['reason'];
export type BackupKind = 'auto' | 'manual';

/** What the list shows of a backup this laptop wrote (kept in `meta.backupCatalog`, newest first). */
export interface CatalogEntry {
  name: string;
  kind: BackupKind;
  reason: BackupReason;
  note?: string;
  /** When it was taken (ISO). */
  at: string;
  counts: Record<string, number>;
  bytes: number;
}

export interface BackupListItem extends BackupFileInfo {
  kind: BackupKind;
  /** Null for a file this laptop's catalog does not describe (copied in by hand). */
  entry: CatalogEntry | null;
}

/** The key a backup is sealed under: this laptop's office, or the one a restore just opened. */
export interface SealingKey {
  officeKey: CryptoKey;
  keyId: string;
  wrapped: WrappedOfficeKey;
}

const KIND_SUFFIX: Record<BackupKind, string> = { auto: 'tu-dong', manual: 'thu-cong' };
const NAME = /^QLDV-sao-luu-(\d{4})-(\d{2})-(\d{2})-(\d{2})(\d{2})(\d{2})(?:-\d+)?-(tu-dong|thu-cong)\.qldv$/;

/** `QLDV-sao-luu-2026-11-26-143005-tu-dong.qldv` (local time); `-2`, `-3` … when the name is taken. */
export function backupFileName(at: Date, kind: BackupKind, taken: ReadonlySet<string> = new Set()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const stem = `QLDV-sao-luu-${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}-${two(at.getHours())}${two(at.getMinutes())}${two(at.getSeconds())}`;
  let name = `${stem}-${KIND_SUFFIX[kind]}.qldv`;
  for (let n = 2; taken.has(name); n++) name = `${stem}-${n}-${KIND_SUFFIX[kind]}.qldv`;
  return name;
}

/** The kind a backup's name says; a name we did not make counts as manual (never pruned). */
export function backupKindOf(name: string): BackupKind {
  return NAME.exec(name)?.[7] === 'tu-dong' ? 'auto' : 'manual';
}

const KIND_OF_REASON: Record<BackupReason, BackupKind> = { manual: 'manual', beforeImport: 'auto', beforeRestore: 'auto' };

async function readCatalog(store: DataStore): Promise<CatalogEntry[]> {
  return (await store.getMeta<CatalogEntry[]>('backupCatalog')) ?? [];
}

/** The automatic backups to delete: all but the newest `keep` (by name, which sorts by time). */
export function backupsToPrune(names: readonly string[], keep: number): string[] {
  return names
    .filter((name) => backupKindOf(name) === 'auto')
    .sort()
    .reverse()
    .slice(Math.max(0, keep));
}

/** The office's setting "backup.keepAutomatic" in force today. */
export async function automaticBackupsKept(store: DataStore): Promise<number> {
  const stored = await store.db.settings.get(SETTINGS.backupKeepAutomatic.key);
  const versions = stored && stored.deleted === 0 ? (stored.versions as unknown[]) : undefined;
  return resolveSetting(SETTINGS.backupKeepAutomatic, versions, todayIso());
}

export interface TakeBackupOptions {
  reason: BackupReason;
  note?: string;
  appVersion: string;
  backups: BackupStore;
  onProgress?: (progress: BundleProgress) => void;
  now?: Date;
}

/**
 * Writes a backup of this laptop into the backup folder and describes it in the catalog; after an
 * automatic one, deletes the automatic backups beyond the office's setting. Throws when the backup
 * could not be written (the caller then does not go on with what needed it).
 */
export function takeBackup(store: DataStore, key: SealingKey, options: TakeBackupOptions): Promise<CatalogEntry> {
  // Saves wait while the backup reads the database (writeHold.ts), as for a sync export: the
  // digest, the lines and the local tables are then of one state of the data.
  return store.writeHold.export(() => writeBackup(store, key, options));
}

/** `takeBackup` without the hold, for callers that already hold it. */
async function writeBackup(store: DataStore, key: SealingKey, options: TakeBackupOptions): Promise<CatalogEntry> {
  const at = options.now ?? new Date();
  const plan = await planBackup(store, at);
  const backup: BackupManifestInfo = { reason: options.reason, ...(options.note ? { note: options.note } : {}) };
  const written = await writeBundleOffThread(
    {
      officeKey: key.officeKey,
      keyId: key.keyId,
      wrapped: key.wrapped,
      manifest: {
        ...(await writerManifestFields(store, options.appVersion, at)),
        kind: 'full',
        baseVV: {},
        sourceVV: plan.sourceVV,
        backup,
      },
      expectedRecords: plan.expectedRecords,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    },
    () => ({ batches: plan.batches(), late: () => ({ dataDigest: plan.facts().dataDigest }) }),
  );
  const kind = KIND_OF_REASON[options.reason];
  const existing = await options.backups.list();
  const name = backupFileName(at, kind, new Set(existing.map((f) => f.name)));
  await options.backups.write({ name, bytes: concatBytes(written.parts) });
  const entry: CatalogEntry = {
    name,
    kind,
    reason: options.reason,
    ...(options.note ? { note: options.note } : {}),
    at: at.toISOString(),
    counts: written.manifest.counts,
    bytes: written.byteLength,
  };
  let removed: string[] = [];
  if (kind === 'auto') {
    // The one just written is kept whatever its name: a computer whose clock was reset would
    // otherwise name it the oldest and delete it before the import it protects.
    removed = backupsToPrune(
      existing.map((f) => f.name),
      Math.max(0, (await automaticBackupsKept(store)) - 1),
    );
    for (const old of removed) await options.backups.remove({ name: old });
  }
  // The catalog describes the files that are there: ones deleted by hand are forgotten here too.
  const present = new Set(existing.map((f) => f.name).filter((n) => !removed.includes(n)));
  const catalog = await readCatalog(store);
  await store.setMeta('backupCatalog', [entry, ...catalog.filter((e) => e.name !== name && present.has(e.name))]);
  return entry;
}

/** The backups in the folder, newest first, with what the catalog knows of each. */
export async function listBackups(store: DataStore, backups: BackupStore): Promise<BackupListItem[]> {
  const [files, catalog] = await Promise.all([backups.list(), readCatalog(store)]);
  const byName = new Map(catalog.map((e) => [e.name, e]));
  return files
    .map((file) => ({ ...file, kind: byName.get(file.name)?.kind ?? backupKindOf(file.name), entry: byName.get(file.name) ?? null }))
    .sort((a, b) => {
      const at = (x: BackupListItem) => x.entry?.at ?? x.modifiedAt;
      return at(a) < at(b) ? 1 : at(a) > at(b) ? -1 : 0;
    });
}

export async function removeBackup(store: DataStore, backups: BackupStore, name: string): Promise<void> {
  await backups.remove({ name });
  await store.setMeta('backupCatalog', (await readCatalog(store)).filter((e) => e.name !== name));
}

export interface OpenedBackup {
  manifest: BundleManifest & { backup: BackupManifestInfo };
  content: BackupContent;
  /** The office key opened with the passphrase (a laptop without the office key). */
  unlocked?: SealingKey;
  fileBytes: number;
}

/**
 * Verifies a whole backup file (every chunk, the trailer, every record's schema) and reads it; a
 * refusal is a BundleError or BackupError with its Vietnamese sentence, and nothing is written.
 * A laptop in an office opens only its office's backups; one without opens the key carried in
 * the file with the passphrase.
 */
export async function openBackup(
  bytes: Uint8Array,
  unlock: { office: SealingKey | null; passphrase?: string },
  onProgress?: (progress: BundleProgress) => void,
): Promise<OpenedBackup> {
  const read = await readBundleOffThread(
    bytes,
    unlock.office
      ? { officeKey: unlock.office.officeKey, keyId: unlock.office.keyId }
      : unlock.passphrase !== undefined
        ? { wrappedKeyPassphrase: unlock.passphrase }
        : {},
    { maxSchema: SYNC_SCHEMA_VERSION, purpose: 'backup', ...(onProgress ? { onProgress } : {}) },
  );
  const content = readBackupContent(read.manifest, read.records);
  return {
    manifest: read.manifest as OpenedBackup['manifest'],
    content,
    ...(read.unlocked ? { unlocked: { ...read.unlocked, wrapped: read.header.officeKey } } : {}),
    fileBytes: bytes.length,
  };
}

export interface RestoreStage {
  stage: 'snapshot' | 'restoring';
  progress?: BundleProgress;
}

/**
 * "Khôi phục": an automatic backup of the current state first (if it fails, nothing is restored),
 * then the whole database replaced in one transaction under a new node id (db/backup.ts). The
 * caller reloads the app afterwards: the open store still has the old identity.
 */
export async function restoreFromBackup(
  store: DataStore,
  opened: OpenedBackup,
  options: { office: SealingKey | null; appVersion: string; backups: BackupStore; onStage?: (stage: RestoreStage) => void; now?: Date },
): Promise<{ nodeId: string; snapshot: CatalogEntry }> {
  const key = options.office ?? opened.unlocked;
  if (!key) throw new Error('restoreFromBackup: no office key to seal the snapshot with');
  // One hold for both steps: no save slips in between the snapshot and the replacement.
  return store.writeHold.export(async () => {
    options.onStage?.({ stage: 'snapshot' });
    const snapshot = await writeBackup(store, key, {
      reason: 'beforeRestore',
      appVersion: options.appVersion,
      backups: options.backups,
      onProgress: (progress) => options.onStage?.({ stage: 'snapshot', progress }),
      ...(options.now ? { now: options.now } : {}),
    });
    options.onStage?.({ stage: 'restoring' });
    const now = options.now ?? new Date();
    const { nodeId } = await restoreBackupContent(store, opened.content, {
      now,
      ...(!options.office && opened.unlocked ? { office: { ...opened.unlocked, joinedAt: now.toISOString() } } : {}),
    });
    // Until the app reloads, this store has the old node id and clock: saves that waited for the
    // restore, and any later one, are refused instead of being stamped by a retired incarnation.
    store.writeHold.close(new WriteError(backupText.restoreFlow.reloading));
    return { nodeId, snapshot };
  });
}
