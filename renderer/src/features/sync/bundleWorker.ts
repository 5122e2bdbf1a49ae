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
  type ReadBundle,
  type ReadBundleOptions,
  type WriteBundleOptions,
  type WrittenBundle,
} from '@shared/sync/bundle';
import type { BundleRecord } from '@shared/sync/bundleTypes';
import { runInWorker } from '../../lib/runInWorker';

type ReadOptions = Omit<ReadBundleOptions, 'onProgress'>;
type WriteOptions = Omit<WriteBundleOptions, 'records' | 'onProgress'>;

export type WorkerRequest =
  | { type: 'read'; bytes: Uint8Array; unlock: BundleUnlock; options: ReadOptions }
  | { type: 'write'; options: WriteOptions }
  | { type: 'records'; batch: BundleRecord[] }
  | { type: 'end' };

export type WorkerReply =
  | { type: 'progress'; progress: BundleProgress }
  | { type: 'read'; read: ReadBundle }
  | { type: 'written'; written: WrittenBundle }
  | { type: 'error'; error: { code?: BundleErrorCode; detail?: string | undefined; message: string } };

const BATCH = 2000;

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
 * Writes a file off the main thread. The records stream from the database here and go to the worker
 * in batches; a fallback (no worker) needs them again, so `records` is a factory.
 */
export function writeBundleOffThread(
  options: WriteOptions & { onProgress?: (p: BundleProgress) => void },
  records: () => AsyncIterable<BundleRecord>,
): Promise<WrittenBundle> {
  const { onProgress, ...plain } = options;
  return run<WrittenBundle>(
    async (worker) => {
      worker.postMessage({ type: 'write', options: plain } satisfies WorkerRequest);
      let batch: BundleRecord[] = [];
      for await (const record of records()) {
        batch.push(record);
        if (batch.length >= BATCH) {
          worker.postMessage({ type: 'records', batch } satisfies WorkerRequest);
          batch = [];
        }
      }
      if (batch.length) worker.postMessage({ type: 'records', batch } satisfies WorkerRequest);
      worker.postMessage({ type: 'end' } satisfies WorkerRequest);
    },
    (reply) => (reply.type === 'written' ? reply.written : undefined),
    onProgress,
    () => writeBundle({ ...options, records: records() }),
  );
}
