import { describe, expect, it } from 'vitest';
import { WriteHold } from './writeHold';

/** A task whose end the test decides. */
function gate() {
  let open!: () => void;
  let fail!: (error: Error) => void;
  const done = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { done, open, fail };
}

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('WriteHold: saves wait while an export reads', () => {
  it('a save with no export runs at once, and saves run side by side', async () => {
    const hold = new WriteHold();
    const log: string[] = [];
    const first = gate();
    const a = hold.edit(async () => {
      log.push('a starts');
      await first.done;
      log.push('a ends');
    });
    const b = hold.edit(() => {
      log.push('b runs');
      return Promise.resolve(42);
    });
    await settle();
    expect(log).toEqual(['a starts', 'b runs']);
    expect(hold.holding).toBe(false);
    first.open();
    await a;
    expect(await b).toBe(42);
  });

  it('an export waits for the saves already running; saves started meanwhile wait for the export, in order', async () => {
    const hold = new WriteHold();
    const log: string[] = [];
    const save = gate();
    const reading = gate();
    const running = hold.edit(async () => {
      log.push('save 1 starts');
      await save.done;
      log.push('save 1 ends');
    });
    const exported = hold.export(async () => {
      log.push('export reads');
      await reading.done;
      log.push('export done');
      return 'file';
    });
    const later = [2, 3].map((n) => hold.edit(() => Promise.resolve(void log.push(`save ${n}`))));
    await settle();
    expect(log).toEqual(['save 1 starts']);
    expect(hold.holding).toBe(true);
    expect(hold.waitingEdits).toBe(2);
    save.open();
    await running;
    await settle();
    expect(log).toEqual(['save 1 starts', 'save 1 ends', 'export reads']);
    reading.open();
    expect(await exported).toBe('file');
    await Promise.all(later);
    expect(log).toEqual(['save 1 starts', 'save 1 ends', 'export reads', 'export done', 'save 2', 'save 3']);
    expect(hold.holding).toBe(false);
    expect(hold.waitingEdits).toBe(0);
  });

  it('a second export waits for the first', async () => {
    const hold = new WriteHold();
    const log: string[] = [];
    const first = gate();
    const one = hold.export(async () => {
      log.push('export 1 reads');
      await first.done;
      log.push('export 1 done');
    });
    const two = hold.export(() => Promise.resolve(void log.push('export 2 reads')));
    await settle();
    expect(log).toEqual(['export 1 reads']);
    first.open();
    await Promise.all([one, two]);
    expect(log).toEqual(['export 1 reads', 'export 1 done', 'export 2 reads']);
  });

  it('a failed export releases the hold: the waiting save goes through and the error reaches the caller', async () => {
    const hold = new WriteHold();
    const reading = gate();
    const exported = hold.export(() => reading.done);
    let saved = false;
    const save = hold.edit(() => {
      saved = true;
      return Promise.resolve();
    });
    await settle();
    expect(saved).toBe(false);
    reading.fail(new Error('đĩa đầy'));
    await expect(exported).rejects.toThrow('đĩa đầy');
    await save;
    expect(saved).toBe(true);
    expect(hold.holding).toBe(false);
  });

  it('a refused save releases its share: a later export is not kept waiting', async () => {
    const hold = new WriteHold();
    await expect(hold.edit(() => Promise.reject(new Error('không hợp lệ')))).rejects.toThrow('không hợp lệ');
    expect(await hold.export(() => Promise.resolve('ok'))).toBe('ok');
  });

  it('tells its listeners when holding starts and ends', async () => {
    const hold = new WriteHold();
    const seen: boolean[] = [];
    const stop = hold.subscribe(() => seen.push(hold.holding));
    const reading = gate();
    const exported = hold.export(() => reading.done);
    expect(seen).toEqual([true]);
    reading.open();
    await exported;
    expect(seen).toEqual([true, false]);
    stop();
    await hold.export(() => Promise.resolve());
    expect(seen).toEqual([true, false]);
  });

  it('once closed (after a restore), the saves and exports that waited and every later one fail; none runs', async () => {
    const hold = new WriteHold();
    const ran: string[] = [];
    const restore = gate();
    const restoring = hold.export(async () => {
      await restore.done;
      hold.close(new Error('tải lại'));
    });
    const waitingSave = hold.edit(() => Promise.resolve(void ran.push('save')));
    const waitingExport = hold.export(() => Promise.resolve(void ran.push('export')));
    await settle();
    restore.open();
    await restoring;
    await expect(waitingSave).rejects.toThrow('tải lại');
    await expect(waitingExport).rejects.toThrow('tải lại');
    await expect(hold.edit(() => Promise.resolve(void ran.push('later')))).rejects.toThrow('tải lại');
    expect(ran).toEqual([]);
    expect(hold.holding).toBe(false);
  });
});
