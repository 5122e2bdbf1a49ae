/**
 * Writes a workbook off the main thread: write-excel-file spends about 50 µs per cell, so the
 * 7-HSĐV register of 100,000 members would freeze the window for a minute on the main thread.
 */
import type { SheetModel } from '@shared/excel/workbook';
import { writeWorkbook } from './xlsx';

export type WorkerReply = { bytes: Uint8Array } | { error: string };

self.onmessage = (event: MessageEvent<SheetModel[]>) => {
  writeWorkbook(event.data).then(
    (bytes) => self.postMessage({ bytes } satisfies WorkerReply, { transfer: [bytes.buffer] }),
    (error: unknown) =>
      self.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies WorkerReply),
  );
};
