/**
 * Opening and checking an import in a Web Worker (import.worker.ts), so the window stays responsive
 * and shows progress. Where there are no workers (tests) or the worker cannot start, the same pure
 * functions run on this thread, with the same result.
 */
import type { ImportPlan } from '@shared/excel/importRows';
import { openWorkbook, planRows, type ImportProgress, type OpenedImport, type PlanRequest } from './planning';
import { ExcelReadError } from './xlsx';

export type ImportWorkerRequest =
  | { type: 'open'; bytes: Uint8Array; fileName: string }
  | { type: 'plan'; request: PlanRequest };

export type ImportWorkerReply =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'opened'; opened: OpenedImport }
  | { type: 'planned'; plan: ImportPlan }
  | { type: 'error'; message: string; readError: boolean };

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

/**
 * Runs one request in a fresh worker. `fallback` runs here when the worker fails to load or crashes
 * before answering, never after a refusal (a refusal is the answer).
 */
function run<T>(
  request: ImportWorkerRequest,
  take: (reply: ImportWorkerReply) => T | undefined,
  onProgress: ((progress: ImportProgress) => void) | undefined,
  fallback: () => Promise<T>,
  transfer: Transferable[] = [],
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
    worker.onmessage = (event: MessageEvent<ImportWorkerReply>): void => {
      const reply = event.data;
      if (reply.type === 'progress') return onProgress?.(reply.progress);
      if (reply.type === 'error')
        return finish(() => reject(reply.readError ? new ExcelReadError(reply.message) : new Error(reply.message)));
      const value = take(reply);
      if (value !== undefined) finish(() => resolve(value));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      console.error(`Excel worker failed, working on the main thread instead: ${event.message}`);
      finish(() => void fallback().then(resolve, reject));
    };
    worker.postMessage(request, transfer);
  });
}

/** Reads the file's sheets and finds the member list's header, off the main thread. */
export function openImportOffThread(
  bytes: Uint8Array,
  fileName: string,
  onProgress?: (progress: ImportProgress) => void,
): Promise<OpenedImport> {
  // The worker gets its own copy: the caller's bytes stay usable for the fallback.
  const copy = bytes.slice();
  return run(
    { type: 'open', bytes: copy, fileName },
    (reply) => (reply.type === 'opened' ? reply.opened : undefined),
    onProgress,
    () => openWorkbook(bytes, fileName),
    [copy.buffer],
  );
}

/** Checks every row, off the main thread, reporting progress. */
export function planOffThread(request: PlanRequest, onProgress?: (progress: ImportProgress) => void): Promise<ImportPlan> {
  return run(
    { type: 'plan', request },
    (reply) => (reply.type === 'planned' ? reply.plan : undefined),
    onProgress,
    () => Promise.resolve(planRows(request, (done, total) => onProgress?.({ phase: 'checking', done, total }))),
  );
}
