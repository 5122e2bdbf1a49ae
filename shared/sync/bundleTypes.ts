/**
 * The contract between the `.qldv` file codec (shared/sync/bundle/) and the merge engine
 * (shared/sync/merge*.ts): what one file carries once it is decrypted and verified.
 * sync.md, "What a file carries" and "File format".
 */

/** A version vector: for each laptop (node id), the newest stamp of its edits whose effects are held. */
export type VersionVector = Record<string, string>;

/** One synced record as it travels: the stored record without derived `_` index fields,
 * but with its envelope (`id`, `deleted`, `_h`, `_v`). `_maxHlc` is recomputed on arrival. */
export interface BundleRecord {
  /** The synced table (`organizations` first in a file, then members, memberEvents, memberPhotos, settings). */
  t: string;
  /** The record. */
  r: Record<string, unknown> & { id: string; deleted: 0 | 1; _h: string; _v: Record<string, string> };
}

/** The first line of the payload. Lives only inside the encrypted part. */
export interface BundleManifest {
  /** Format of the payload lines (not of the binary container, which the header versions). */
  formatVersion: number;
  appVersion: string;
  /** The data schema the writer knows, and the oldest reader schema able to apply this file. */
  schemaVersion: number;
  minReaderSchema: number;
  datasetId: string;
  /** The office (committee) name, for the preview. */
  officeName: string;
  kind: 'full' | 'delta';
  /** Random id of this file (also in the cleartext header, where it salts the content key). */
  bundleId: string;
  sourceNodeId: string;
  sourceDeviceName: string;
  /** Wall-clock time of the export (ISO). */
  exportedAt: string;
  /** Smallest and largest stamp of any field the file carries (null when it carries none). */
  hlcMin: string | null;
  hlcMax: string | null;
  /** For a delta: the vector of the peer it was made for (what it already had). Empty for a full file. */
  baseVV: VersionVector;
  /** The writer's own vector at export time. */
  sourceVV: VersionVector;
  /** The node id the delta was made for, when kind is `delta`. */
  targetNodeId?: string;
  /** Number of records per table. The trailer repeats them; a reader checks both against the lines. */
  counts: Record<string, number>;
  /** A short digest of the writer's whole data at export time (the sync status screen compares it). */
  dataDigest?: string;
  /**
   * Present only in a backup (renderer/src/db/backup.ts): a full copy of one laptop, local tables
   * included, for "Khôi phục". A sync reader refuses a file that has it, a restore one that has not.
   */
  backup?: BackupManifestInfo;
}

/** Why a backup was taken, and a note for the list ("Máy Văn phòng 2" for a backup before its file). */
export interface BackupManifestInfo {
  reason: 'manual' | 'beforeImport' | 'beforeRestore';
  note?: string;
}

/** The last line of the payload. */
export interface BundleTrailer {
  counts: Record<string, number>;
  /** Hex SHA-256 of every payload line before the trailer (manifest included), each followed by "\n". */
  sha256: string;
}
