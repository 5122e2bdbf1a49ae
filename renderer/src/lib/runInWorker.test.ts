import { afterEach, describe, expect, it, vi } from 'vitest';
import { runInWorker, type WorkerJob } from './runInWorker';

type Reply = { type: 'progress'; done: number } | { type: 'done'; value: string } | { type: 'refused'; message: string };

/** A stand-in for a Worker: the test answers for it. */
class FakeWorker {
  onmessage: ((event: MessageEvent<Reply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  posted: unknown[] = [];
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  reply(data: Reply) {
    this.onmessage?.({ data } as MessageEvent<Reply>);
  }
  crash(message: string) {
    this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
  }
}

function job(worker: FakeWorker | null, overrides: Partial<WorkerJob<Reply, string>> = {}) {
  const progress: number[] = [];
  const fallback = vi.fn(() => Promise.resolve('on this thread'));
  const spec: WorkerJob<Reply, string> = {
    worker: worker as unknown as Worker | null,
    label: 'Test',
    send: (w) => w.postMessage('go'),
    take(reply) {
      if (reply.type === 'progress') return void progress.push(reply.done);
      if (reply.type === 'refused') return { error: new Error(reply.message) };
      return { value: reply.value };
    },
    fallback,
    ...overrides,
  };
  return { promise: runInWorker(spec), progress, fallback };
}

afterEach(() => vi.restoreAllMocks());

describe('runInWorker', () => {
  it('without workers, runs the fallback', async () => {
    const { promise, fallback } = job(null);
    expect(await promise).toBe('on this thread');
    expect(fallback).toHaveBeenCalledOnce();
  });

  it('passes progress on, resolves with the answer and ends the worker', async () => {
    const worker = new FakeWorker();
    const { promise, progress, fallback } = job(worker);
    expect(worker.posted).toEqual(['go']);
    worker.reply({ type: 'progress', done: 1 });
    worker.reply({ type: 'progress', done: 2 });
    worker.reply({ type: 'done', value: 'from the worker' });
    expect(await promise).toBe('from the worker');
    expect(progress).toEqual([1, 2]);
    expect(worker.terminated).toBe(true);
    expect(fallback).not.toHaveBeenCalled();
  });

  it('a refusal is the answer: rejected with it, no fallback', async () => {
    const worker = new FakeWorker();
    const { promise, fallback } = job(worker);
    worker.reply({ type: 'refused', message: 'Tệp bị hỏng.' });
    await expect(promise).rejects.toThrow('Tệp bị hỏng.');
    expect(worker.terminated).toBe(true);
    expect(fallback).not.toHaveBeenCalled();
  });

  it('a worker that crashes before answering: logged, and the work is done on this thread', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const worker = new FakeWorker();
    const { promise, fallback } = job(worker);
    worker.crash('script blocked');
    expect(await promise).toBe('on this thread');
    expect(fallback).toHaveBeenCalledOnce();
    expect(logged.mock.calls[0]![0]).toContain('Test worker failed');
    // A late reply changes nothing.
    worker.reply({ type: 'done', value: 'late' });
    expect(worker.terminated).toBe(true);
  });

  it('a failure while sending (thrown or rejected) ends the job with it', async () => {
    const thrown = new FakeWorker();
    await expect(
      job(thrown, {
        send: () => {
          throw new Error('cannot clone');
        },
      }).promise,
    ).rejects.toThrow('cannot clone');
    expect(thrown.terminated).toBe(true);
    const rejected = new FakeWorker();
    await expect(job(rejected, { send: () => Promise.reject(new Error('database closed')) }).promise).rejects.toThrow(
      'database closed',
    );
    expect(rejected.terminated).toBe(true);
  });
});
