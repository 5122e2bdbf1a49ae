/**
 * Reads and writes `.qldv` files off the main thread (sync.md "Export and import run off the UI
 * thread"): Argon2id, AES-GCM, gzip and JSON of a whole register would freeze the window for seconds
 * at 3,882 members and for most of a minute at 100,000.
 *
 * - `read`: the file's bytes, the unlock (a CryptoKey crosses by structured clone) and the reader's
 *   options; answers progress, then the verified file or the refusal's code.
 * - `write`: the key and the manifest, then the records in batches (`records`), then `end`;
 *   answers progress, then the file's parts (transferred, not copied).
 */
import { isBundleError, readBundle, writeBundle, type BundleProgress } from '@shared/sync/bundle';
import type { BundleRecord } from '@shared/sync/bundleTypes';
import type { WorkerReply, WorkerRequest } from './bundleWorker';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply, options?: { transfer?: Transferable[] }): void;
};

const progress = (p: BundleProgress) => scope.postMessage({ type: 'progress', progress: p });

function fail(error: unknown) {
  if (isBundleError(error))
    scope.postMessage({
      type: 'error',
      error: { code: error.code, detail: error.detail, message: error.message },
    });
  else
    scope.postMessage({
      type: 'error',
      error: { message: error instanceof Error ? error.message : String(error) },
    });
}

/** Records posted by the main thread, handed to the writer as an async iterable. */
const queue: BundleRecord[][] = [];
let ended = false;
let wake: (() => void) | null = null;

async function* incoming(): AsyncIterable<BundleRecord> {
  for (;;) {
    const batch = queue.shift();
    if (batch) {
      yield* batch;
      continue;
    }
    if (ended) return;
    await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
  }
}

scope.onmessage = (event) => {
  const request = event.data;
  switch (request.type) {
    case 'read':
      readBundle(request.bytes, request.unlock, { ...request.options, onProgress: progress }).then(
        (read) => scope.postMessage({ type: 'read', read }),
        fail,
      );
      break;
    case 'write':
      writeBundle({ ...request.options, records: incoming(), onProgress: progress }).then(
        (written) =>
          scope.postMessage(
            { type: 'written', written },
            { transfer: written.parts.map((part) => part.buffer) },
          ),
        fail,
      );
      break;
    case 'records':
      queue.push(request.batch);
      wake?.();
      break;
    case 'end':
      ended = true;
      wake?.();
      break;
  }
};
