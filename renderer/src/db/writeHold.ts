/**
 * Holding local edits while a sync export reads the database (docs/decisions.md "Export reads
 * twice"). The export picks and counts records in a first pass and reads them again in a second;
 * a record saved in between would carry a stamp above the file's manifest, and the file writer
 * would refuse the file. So an export waits for the saves already running, then runs alone: saves
 * started meanwhile wait (they are queued, not refused) and go through, in order, when its reading
 * is done. A second export waits for the first.
 *
 * It is a readers–writer lock in arrival order: saves share it, an export holds it alone, and a
 * save that arrives after a waiting export waits behind it, so a stream of saves (an Excel import
 * in batches) cannot keep an export waiting for ever.
 */
type Kind = 'edit' | 'export';

export class WriteHold {
  private editsRunning = 0;
  private exporting = false;
  private readonly queue: { kind: Kind; start: () => void; fail: (error: Error) => void }[] = [];
  private readonly listeners = new Set<() => void>();
  private holdingNow = false;
  private closedWith: Error | null = null;

  /**
   * No write may start any more: the ones queued and every later one fail with `error`. A restore
   * calls it inside its hold once the database holds the backup: the open store still carries the
   * old node id and clock until the app reloads, and a save that waited must not run with them.
   */
  close(error: Error): void {
    this.closedWith = error;
    for (const entry of this.queue.splice(0)) entry.fail(error);
    this.changed();
  }

  /** True while an export reads, or waits to read: saves made now wait for it. */
  get holding(): boolean {
    return this.holdingNow;
  }

  /** Saves waiting for an export to finish its reading. */
  get waitingEdits(): number {
    return this.queue.filter((entry) => entry.kind === 'edit').length;
  }

  /** Calls `listener` whenever `holding` changes (for useSyncExternalStore). */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Runs one save: at once, or after the export that holds or waits for the lock. */
  edit<T>(run: () => Promise<T>): Promise<T> {
    return this.with('edit', run);
  }

  /** Runs an export's reading alone: after the saves already running and any earlier export. */
  export<T>(read: () => Promise<T>): Promise<T> {
    return this.with('export', read);
  }

  private async with<T>(kind: Kind, run: () => Promise<T>): Promise<T> {
    await this.acquire(kind);
    try {
      return await run();
    } finally {
      this.release(kind);
    }
  }

  private canStart(kind: Kind): boolean {
    return !this.exporting && (kind === 'edit' || this.editsRunning === 0);
  }

  private start(kind: Kind): void {
    if (kind === 'edit') this.editsRunning += 1;
    else this.exporting = true;
  }

  private acquire(kind: Kind): Promise<void> {
    if (this.closedWith) return Promise.reject(this.closedWith);
    if (this.queue.length === 0 && this.canStart(kind)) {
      this.start(kind);
      this.changed();
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ kind, start: resolve, fail: reject });
      this.changed();
    });
  }

  private release(kind: Kind): void {
    if (kind === 'edit') this.editsRunning -= 1;
    else this.exporting = false;
    while (this.queue.length > 0 && this.canStart(this.queue[0]!.kind)) {
      const next = this.queue.shift()!;
      this.start(next.kind);
      next.start();
    }
    this.changed();
  }

  private changed(): void {
    const holding = this.exporting || this.queue.some((entry) => entry.kind === 'export');
    if (holding === this.holdingNow) return;
    this.holdingNow = holding;
    for (const listener of [...this.listeners]) listener();
  }
}
