/**
 * One request in a fresh Web Worker, with the same work on this thread as the fallback: where there
 * are no workers (Testing Library) the caller passes `worker: null`, and when the worker fails to
 * load or crashes before answering (an old build, a blocked script) the fallback runs instead. A
 * refusal from the worker is an answer, never a reason to fall back. The worker is terminated as
 * soon as the job ends.
 */
export interface WorkerJob<Reply, T> {
  /** A new worker for this job, or null where workers do not exist. */
  worker: Worker | null;
  /** Names the worker in the console line logged when it fails ("Sync", "Excel"). */
  label: string;
  /** Posts the request (and, for a stream, its parts). A throw or rejection ends the job with it. */
  send(worker: Worker): void | Promise<void>;
  /** What a reply means: the result, a refusal, or nothing yet (progress: the caller shows it). */
  take(reply: Reply): { value: T } | { error: Error } | undefined;
  /** The same work on this thread. */
  fallback(): Promise<T>;
}

export function runInWorker<Reply, T>(job: WorkerJob<Reply, T>): Promise<T> {
  const { worker } = job;
  if (!worker) return job.fallback();
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = (work: () => void) => {
      if (settled) return;
      settled = true;
      worker.terminate();
      work();
    };
    const fail = (error: unknown) => finish(() => reject(error instanceof Error ? error : new Error(String(error))));
    worker.onmessage = (event: MessageEvent<Reply>) => {
      const outcome = job.take(event.data);
      if (!outcome) return;
      if ('error' in outcome) finish(() => reject(outcome.error));
      else finish(() => resolve(outcome.value));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      // Logged (the end-to-end tests fail on it): the work still gets done, on this thread.
      console.error(`${job.label} worker failed, working on the main thread instead: ${event.message}`);
      finish(() => void job.fallback().then(resolve, reject));
    };
    try {
      Promise.resolve(job.send(worker)).catch(fail);
    } catch (error) {
      fail(error);
    }
  });
}
