/**
 * Writing and reading `.qldv` files on this laptop: the codec (shared/sync/bundle) over the Dexie
 * adapter (renderer/src/db/sync.ts). Export: full, or a delta for a peer whose vector a previous file
 * told us. Import: verify the whole file (nothing written), then preview, then apply.
 */
import { concatBytes } from '@shared/sync/bundle/bytes';
import type { BundleProgress, ReadBundle } from '@shared/sync/bundle';
import { exportBundleOffThread, readBundleOffThread } from './bundleWorker';
import { writeBundle } from '@shared/sync/bundle';
import { exportSelection, SYNC_SCHEMA_VERSION, type ApplyReport } from '@shared/sync/mergeBundle';
import { DataDigest } from '@shared/sync/digest';
import { toSyncRecord } from '@shared/sync/merge';
import { peerNeedsRecord } from '@shared/sync/vectors';
import type { ImportPreview } from '@shared/sync/preview';
import type { StoredRecord } from '@shared/sync/record';
import { SYNCED_TABLES } from '../../db/database';
import type { DataStore } from '../../db/store';
import { applyBundle, exportRecords, previewBundle, readSyncState } from '../../db/sync';
import { writerManifestFields, type OfficeState } from './office';

/** A file this laptop wrote, kept in `meta.syncSent` (newest first) for the status screen. */
export interface SentFile {
  bundleId: string;
  at: string;
  kind: 'full' | 'delta';
  targetNodeId?: string;
  records: number;
  bytes: number;
  fileName: string;
}

const SENT_KEPT = 50;

/** `Máy Văn phòng 1`, 26/11/2026 → `QLDV-May-Van-phong-1-2026-11-26.qldv`: no diacritics, nothing personal. */
export function syncFileName(deviceName: string, at: Date): string {
  const plain = deviceName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  const day = [
    at.getFullYear(),
    String(at.getMonth() + 1).padStart(2, '0'),
    String(at.getDate()).padStart(2, '0'),
  ].join('-');
  return `QLDV-${plain || 'May'}-${day}.qldv`;
}

export interface ExportedFile {
  bytes: Uint8Array;
  fileName: string;
  sent: SentFile;
}

interface ExportOptions {
  peerNodeId?: string;
  appVersion: string;
  onProgress?: (p: BundleProgress) => void;
  now?: Date;
}

/**
 * Writes a sync file (full, or a delta for `peerNodeId`). The database is read once (format 2 of
 * docs/sync-format.md); saves made meanwhile wait until the file is written (writeHold.ts), so the
 * digest and the lines are of one state of the data. A second export waits for the first.
 */
export function exportSyncFile(store: DataStore, office: OfficeState, options: ExportOptions): Promise<ExportedFile> {
  return store.writeHold.export(() => writeSyncFile(store, office, options));
}

async function writeSyncFile(store: DataStore, office: OfficeState, options: ExportOptions): Promise<ExportedFile> {
  const { onProgress } = options;
  // Progress is the rows read, of all rows: a delta reads every row too, to pick what it carries.
  const exportOptions = {
    ...(options.peerNodeId ? { peerNodeId: options.peerNodeId } : {}),
    ...(onProgress ? { onRows: (read: number, total: number) => onProgress({ records: read, totalRecords: total, bytes: 0 }) } : {}),
  };
  const state = await readSyncState(store);
  const selection = exportSelection(state, store.identity.nodeId, store.clock.last, options.peerNodeId);
  const at = options.now ?? new Date();
  const writeOptions = {
    officeKey: office.officeKey,
    keyId: office.keyId,
    wrapped: office.wrapped,
    manifest: {
      ...(await writerManifestFields(store, options.appVersion, at)),
      kind: selection.kind,
      baseVV: selection.baseVV,
      sourceVV: selection.sourceVV,
      ...(selection.targetNodeId ? { targetNodeId: selection.targetNodeId } : {}),
    },
  };
  // The worker opens the database and reads it itself; here (no worker) the page reads it.
  const written = await exportBundleOffThread(
    { ...writeOptions, ...(onProgress ? { onProgress } : {}) },
    { dbName: store.db.name, ...(selection.kind === 'delta' ? { base: selection.baseVV } : {}) },
    async () => {
      const pass = await exportRecords(store, exportOptions);
      return writeBundle({ ...writeOptions, batches: pass.batches, lateManifest: () => ({ dataDigest: pass.facts().dataDigest }) });
    },
  );
  const fileName = syncFileName(store.identity.deviceName, at);
  const sent: SentFile = {
    bundleId: written.manifest.bundleId,
    at: at.toISOString(),
    kind: selection.kind,
    ...(selection.targetNodeId ? { targetNodeId: selection.targetNodeId } : {}),
    records: Object.values(written.manifest.counts).reduce((a, b) => a + b, 0),
    bytes: written.byteLength,
    fileName,
  };
  return { bytes: concatBytes(written.parts), fileName, sent };
}

/** Remembers a file as sent once the user saved it. */
export async function rememberSent(store: DataStore, sent: SentFile): Promise<void> {
  const list = (await store.getMeta<SentFile[]>('syncSent')) ?? [];
  await store.setMeta('syncSent', [sent, ...list].slice(0, SENT_KEPT));
}

export async function sentFiles(store: DataStore): Promise<SentFile[]> {
  return (await store.getMeta<SentFile[]>('syncSent')) ?? [];
}

export interface OpenedSyncFile {
  read: ReadBundle;
  preview: ImportPreview;
}

/** Verifies a file in full with the office key (BundleError when refused; nothing written) and previews it. */
export async function openSyncFile(
  store: DataStore,
  office: OfficeState,
  bytes: Uint8Array,
  onProgress?: (p: BundleProgress) => void,
): Promise<OpenedSyncFile> {
  const read = await readBundleOffThread(
    bytes,
    { officeKey: office.officeKey, keyId: office.keyId },
    {
      maxSchema: SYNC_SCHEMA_VERSION,
      expectedDatasetId: store.identity.datasetId,
      ...(onProgress ? { onProgress } : {}),
    },
  );
  const preview = await previewBundle(store, read.manifest, read.records);
  return { read, preview };
}

/**
 * Applies an opened file. It writes like a save: it waits while an export reads, and an export
 * started meanwhile waits for it (writeHold.ts; nothing inside may call `commit()`).
 */
export function importSyncFile(
  store: DataStore,
  opened: OpenedSyncFile,
  onBatch?: (done: number, total: number) => void,
): Promise<ApplyReport> {
  return store.writeHold.edit(() =>
    applyBundle(store, opened.read.manifest, opened.read.records, onBatch ? { onBatch } : {}),
  );
}

export interface PeerStatus {
  nodeId: string;
  deviceName: string;
  /** When its last file was imported here (ISO). */
  lastReceivedAt: string;
  /** When this laptop last wrote a file for it (a delta), or any full file, if any. */
  lastSentAt: string | null;
  lastSentKind: 'full' | 'delta' | null;
  /** Records it lacks, judged by the vector of its last file (what a delta for it would carry). */
  lacking: number;
}

export interface SyncStatus {
  digest: string;
  records: number;
  peers: PeerStatus[];
}

const CHUNK = 2000;

/** One pass over every synced record: the data digest, and for each known laptop how many records it lacks. */
export async function syncStatus(store: DataStore): Promise<SyncStatus> {
  const state = await readSyncState(store);
  const sent = await sentFiles(store);
  const peers = Object.entries(state.peers);
  const lacking = new Map(peers.map(([id]) => [id, 0]));
  const digest = new DataDigest();
  let records = 0;
  for (const table of SYNCED_TABLES) {
    const t = store.db.syncedTable(table);
    let last: string | undefined;
    for (;;) {
      const rows: StoredRecord[] = await (last === undefined ? t.orderBy(':id') : t.where(':id').above(last))
        .limit(CHUNK)
        .toArray();
      for (const row of rows) {
        const record = toSyncRecord(row);
        digest.add(table, record);
        records += 1;
        for (const [id, peer] of peers)
          if (peerNeedsRecord(record, peer.knownVV)) lacking.set(id, lacking.get(id)! + 1);
      }
      if (rows.length < CHUNK) break;
      last = rows[rows.length - 1]!.id;
    }
  }
  return {
    digest: digest.toString(),
    records,
    peers: peers.map(([nodeId, peer]) => {
      const lastSent = sent.find((s) => s.targetNodeId === nodeId || s.kind === 'full') ?? null;
      return {
        nodeId,
        deviceName: peer.deviceName,
        lastReceivedAt: peer.lastImportAt,
        lastSentAt: lastSent?.at ?? null,
        lastSentKind: lastSent?.kind ?? null,
        lacking: lacking.get(nodeId)!,
      };
    }),
  };
}
