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

/**
 * Runs one request in a fresh worker. `fallback` runs on this thread when the worker fails to load
 * or crashes before answering (an old build, a blocked script), never after a refusal.
 */
function run<T>(
  send: (worker: Worker) => void | Promise<void>,
  take: (reply: WorkerReply) => T | undefined,
  onProgress: ((p: BundleProgress) => void) | undefined,
  fallback: () => Promise<T>,
): Promise<T> {
  const worker = startWorker();
  if (!worker) return fallback();
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = (work: () => void) => {
      if (settled) return;
      settled = true;
      worker.terminate();
      work();
    };
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') return onProgress?.(reply.progress);
      if (reply.type === 'error') return finish(() => reject(asError(reply.error)));
      const value = take(reply);
      if (value !== undefined) finish(() => resolve(value));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      // Logged (the end-to-end test fails on it): the work still gets done, on this thread.
      console.error(`Sync worker failed, working on the main thread instead: ${event.message}`);
      finish(() => resolve(fallback()));
    };
    Promise.resolve(send(worker)).catch((error: unknown) =>
      finish(() => reject(error instanceof Error ? error : new Error(String(error)))),
    );
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
