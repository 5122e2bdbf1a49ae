/**
 * Opening and checking an import in a Web Worker (import.worker.ts), so the window stays responsive
 * and shows progress. Where there are no workers (tests) or the worker cannot start, the same pure
 * functions run on this thread, with the same result.
 */
import type { ImportPlan } from '@shared/excel/importRows';
import { openWorkbook, planRows, type ImportProgress, type OpenedImport, type PlanRequest } from './planning';
import { ExcelReadError } from './xlsx';
import { runInWorker } from '../../lib/runInWorker';

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
 * A worker started ahead of its request: a check always follows a read, so reading a file starts
 * the worker that will check it, and its start-up (loading and compiling the worker's script)
 * overlaps the read instead of following it. One that waits too long is let go.
 */
let spare: { worker: Worker; timer: ReturnType<typeof setTimeout> } | null = null;
const SPARE_KEPT_MS = 5 * 60_000;

function prewarm(): void {
  if (spare) return;
  const worker = startWorker();
  if (!worker) return;
  // One that fails to load before it is used is let go; once used, its job hears of a failure.
  worker.onerror = (event) => {
    event.preventDefault();
    if (spare?.worker !== worker) return;
    clearTimeout(spare.timer);
    spare = null;
    worker.terminate();
  };
  const timer = setTimeout(() => {
    if (spare?.worker !== worker) return;
    spare = null;
    worker.terminate();
  }, SPARE_KEPT_MS);
  spare = { worker, timer };
}

function takeWorker(): Worker | null {
  if (!spare) return startWorker();
  const { worker, timer } = spare;
  spare = null;
  clearTimeout(timer);
  return worker;
}

/** Runs one request in a fresh worker (`run` of sync/bundleWorker.ts is its twin for `.qldv` files). */
function run<T>(
  request: ImportWorkerRequest,
  take: (reply: ImportWorkerReply) => T | undefined,
  onProgress: ((progress: ImportProgress) => void) | undefined,
  fallback: () => Promise<T>,
  transfer: Transferable[] = [],
): Promise<T> {
  return runInWorker<ImportWorkerReply, T>({
    worker: takeWorker(),
    label: 'Excel',
    send: (worker) => worker.postMessage(request, transfer),
    take(reply) {
      if (reply.type === 'progress') return void onProgress?.(reply.progress);
      if (reply.type === 'error')
        return { error: reply.readError ? new ExcelReadError(reply.message) : new Error(reply.message) };
      const value = take(reply);
      return value === undefined ? undefined : { value };
    },
    fallback,
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
  const opened = run(
    { type: 'open', bytes: copy, fileName },
    (reply) => (reply.type === 'opened' ? reply.opened : undefined),
    onProgress,
    () => openWorkbook(bytes, fileName),
    [copy.buffer],
  );
  prewarm();
  return opened;
}

function withCells(plan: ImportPlan, rows: PlanRequest['rows']): ImportPlan {
  for (const row of plan.rows) row.cells = rows[row.row - 1] ?? [];
  return plan;
}

/** Checks every row, off the main thread, reporting progress. */
export function planOffThread(request: PlanRequest, onProgress?: (progress: ImportProgress) => void): Promise<ImportPlan> {
  return run(
    { type: 'plan', request },
    // The worker sends the rows without their cells (10,000 rows of them cost a copy each way).
    (reply) => (reply.type === 'planned' ? withCells(reply.plan, request.rows) : undefined),
    onProgress,
    () => Promise.resolve(planRows(request, (done, total) => onProgress?.({ phase: 'checking', done, total }))),
  );
}
