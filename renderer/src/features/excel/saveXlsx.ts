import type { SheetModel } from '@shared/excel/workbook';
import { getPlatform } from '../../platform';
import { vi } from '../../i18n/vi';
import { writeWorkbook } from './xlsx';
import type { WorkerReply } from './xlsx.worker';

/**
 * The workbook's bytes, written in a Web Worker so the window stays responsive on a large
 * register; on the main thread where there are no workers (tests) or the worker fails to start.
 */
export function writeWorkbookOffThread(models: readonly SheetModel[]): Promise<Uint8Array> {
  if (typeof Worker === 'undefined') return writeWorkbook(models);
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./xlsx.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      resolve(writeWorkbook(models));
      return;
    }
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      worker.terminate();
      if ('bytes' in event.data) resolve(event.data.bytes);
      else reject(new Error(event.data.error));
    };
    // The worker could not load (an old build, a blocked script): write here instead.
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      resolve(writeWorkbook(models));
    };
    worker.postMessage(models);
  });
}

/** Writes the sheets and hands the file to the host (Electron: save dialog; browser: download). */
export async function saveXlsx(models: readonly SheetModel[], suggestedName: string): Promise<boolean> {
  const bytes = await writeWorkbookOffThread(models);
  const result = await getPlatform().saveFile({
    bytes,
    suggestedName,
    filters: [{ name: vi.excel.import.fileFilter, extensions: ['xlsx'] }],
  });
  return result.saved;
}

/** A file name without diacritics or spaces, which every file system and e-mail client keeps intact. */
export function asciiFileName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
