/**
 * Reads and writes `.qldv` files off the main thread (sync.md "Export and import run off the UI
 * thread"): Argon2id, AES-GCM, gzip and JSON of a whole register would freeze the window for seconds
 * at 3,882 members and for most of a minute at 100,000.
 *
 * - `read`: the file's bytes, the unlock (a CryptoKey crosses by structured clone) and the reader's
 *   options; answers progress, then the verified file or the refusal's code.
 * - `export`: a sync export read here: the database's name, the peer's vector for a delta, the key
 *   and the manifest; this worker opens the database, reads it once and writes the file (progress is
 *   the rows read), then answers the file's parts.
 * - `write`: the key and the manifest, then the records in batches (`records`) as the main thread
 *   reads them, then `end` with the manifest fields known only then (the data digest); answers
 *   progress, then the file's parts (transferred, not copied).
 */
import { isBundleError, readBundle, writeBundle, type BundleProgress, type LateManifestFields } from '@shared/sync/bundle';
import type { BundleRecord } from '@shared/sync/bundleTypes';
import { QldvDatabase } from '../../db/database';
import { exportPass } from '../../db/exportPass';
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
let late: LateManifestFields = {};
let wake: (() => void) | null = null;

async function* incoming(): AsyncIterable<BundleRecord[]> {
  for (;;) {
    const batch = queue.shift();
    if (batch) {
      yield batch;
      continue;
    }
    if (ended) return;
    await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
  }
}

/** Reads the database once in this worker and writes the file (the app's saves wait meanwhile). */
async function exportHere(request: Extract<WorkerRequest, { type: 'export' }>) {
  const db = new QldvDatabase(request.dbName);
  try {
    await db.open();
    const pass = await exportPass(db, request.base ?? undefined, (read, total) =>
      progress({ records: read, totalRecords: total, bytes: 0 }),
    );
    return await writeBundle({
      ...request.options,
      batches: pass.batches,
      lateManifest: () => ({ dataDigest: pass.facts().dataDigest }),
    });
  } finally {
    db.close();
  }
}

/** The written file's parts, transferred (not copied) to the page. */
function sendWritten(written: Awaited<ReturnType<typeof writeBundle>>) {
  scope.postMessage({ type: 'written', written }, { transfer: written.parts.map((part) => part.buffer) });
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
      writeBundle({ ...request.options, batches: incoming(), lateManifest: () => late, onProgress: progress }).then(
        sendWritten,
        fail,
      );
      break;
    case 'export':
      exportHere(request).then(sendWritten, fail);
      break;
    case 'records':
      queue.push(request.batch);
      wake?.();
      break;
    case 'end':
      late = request.late;
      ended = true;
      wake?.();
      break;
  }
};
