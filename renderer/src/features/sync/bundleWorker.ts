/**
 * `readBundle` and `writeBundle` in a Web Worker (bundle.worker.ts), so the window stays responsive
 * while a file is sealed or opened. Where there are no workers (tests) or the worker cannot start,
 * the same functions run here: they are pure, so the result is the same.
 */
import {
  BundleError,
  readBundle,
  writeBundle,
  type BundleErrorCode,
  type BundleProgress,
  type BundleUnlock,
  type LateManifestFields,
  type ReadBundle,
  type ReadBundleOptions,
  type WriteBundleOptions,
  type WrittenBundle,
} from '@shared/sync/bundle';
import type { BundleRecord, VersionVector } from '@shared/sync/bundleTypes';
import { runInWorker } from '../../lib/runInWorker';

type ReadOptions = Omit<ReadBundleOptions, 'onProgress'>;
type WriteOptions = Omit<WriteBundleOptions, 'records' | 'batches' | 'lateManifest' | 'onProgress'>;

export type WorkerRequest =
  | { type: 'read'; bytes: Uint8Array; unlock: BundleUnlock; options: ReadOptions }
  | { type: 'write'; options: WriteOptions }
  /** A sync export read and written in the worker: the database's name, and the peer's vector for a delta. */
  | { type: 'export'; dbName: string; base: VersionVector | null; options: WriteOptions }
  | { type: 'records'; batch: BundleRecord[] }
  /** The records are all sent; `late` completes the manifest (the writer's `lateManifest`). */
  | { type: 'end'; late: LateManifestFields };

export type WorkerReply =
  | { type: 'progress'; progress: BundleProgress }
  | { type: 'read'; read: ReadBundle }
  | { type: 'written'; written: WrittenBundle }
  | { type: 'error'; error: { code?: BundleErrorCode; detail?: string | undefined; message: string } };


function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./bundle.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

function asError(error: { code?: BundleErrorCode; detail?: string | undefined; message: string }): Error {
  return error.code ? new BundleError(error.code, error.detail, error.message) : new Error(error.message);
}

/** Runs one request in a fresh worker; the records of a write stream to it from `send`. */
function run<T>(
  send: (worker: Worker) => void | Promise<void>,
  take: (reply: WorkerReply) => T | undefined,
  onProgress: ((p: BundleProgress) => void) | undefined,
  fallback: () => Promise<T>,
): Promise<T> {
  return runInWorker<WorkerReply, T>({
    worker: startWorker(),
    label: 'Sync',
    send,
    take(reply) {
      if (reply.type === 'progress') return void onProgress?.(reply.progress);
      if (reply.type === 'error') return { error: asError(reply.error) };
      const value = take(reply);
      return value === undefined ? undefined : { value };
    },
    fallback,
  });
}

export function readBundleOffThread(
  bytes: Uint8Array,
  unlock: BundleUnlock,
  options: ReadOptions & { onProgress?: (p: BundleProgress) => void },
): Promise<ReadBundle> {
  const { onProgress, ...plain } = options;
  return run<ReadBundle>(
    (worker) => worker.postMessage({ type: 'read', bytes, unlock, options: plain } satisfies WorkerRequest),
    (reply) => (reply.type === 'read' ? reply.read : undefined),
    onProgress,
    () => readBundle(bytes, unlock, options),
  );
}

/**
 * A sync export made in the worker: it opens the database itself and reads it once (exportPass.ts),
 * so the rows are not copied from this thread, and checks, compresses and seals them; progress is
 * the rows read of all rows. Where there is no worker, or it fails, `fallback` makes the file here.
 */
export function exportBundleOffThread(
  options: WriteOptions & { onProgress?: (p: BundleProgress) => void },
  read: { dbName: string; base?: VersionVector },
  fallback: () => Promise<WrittenBundle>,
): Promise<WrittenBundle> {
  const { onProgress, ...plain } = options;
  return run<WrittenBundle>(
    (worker) =>
      worker.postMessage({ type: 'export', dbName: read.dbName, base: read.base ?? null, options: plain } satisfies WorkerRequest),
    (reply) => (reply.type === 'written' ? reply.written : undefined),
    onProgress,
    fallback,
  );
}

/**
 * The records of one file, read once: their batches, then what completes the manifest once they
 * were all read (the data digest of that same pass).
 */
export interface RecordSource {
  batches: AsyncIterable<BundleRecord[]>;
  late?: () => LateManifestFields;
}

/**
 * Writes a file off the main thread. The records stream from the database here and go to the worker
 * batch by batch as they are read; a fallback (no worker, or it crashed) reads them again, so
 * `source` is a factory and each call is a new pass.
 */
export function writeBundleOffThread(
  options: WriteOptions & { onProgress?: (p: BundleProgress) => void },
  source: () => RecordSource | Promise<RecordSource>,
): Promise<WrittenBundle> {
  const { onProgress, ...plain } = options;
  return run<WrittenBundle>(
    async (worker) => {
      worker.postMessage({ type: 'write', options: plain } satisfies WorkerRequest);
      const { batches, late } = await source();
      for await (const batch of batches) worker.postMessage({ type: 'records', batch } satisfies WorkerRequest);
      worker.postMessage({ type: 'end', late: late?.() ?? {} } satisfies WorkerRequest);
    },
    (reply) => (reply.type === 'written' ? reply.written : undefined),
    onProgress,
    async () => {
      const { batches, late } = await source();
      return writeBundle({ ...options, batches, ...(late ? { lateManifest: late } : {}) });
    },
  );
}
