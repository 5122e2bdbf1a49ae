/**
 * `print:page` and `print:pdf`: the page that asks is printed as it is on screen; its print CSS
 * decides what goes on paper (a report shows only its A4 sheet). The PDF is Chromium's own
 * (`webContents.printToPDF`), A4 with the page's @page margins, saved where the user chooses.
 */
import type { IpcMain, WebContents } from 'electron';
import { IpcChannel } from '@shared/ipc/channels';
import { handle } from './handle';
import type { FileDialogs, FileStore } from './files';
import { nodeFileStore } from './files';

export const PDF_FILTERS = [{ name: 'Tệp PDF', extensions: ['pdf'] }];

/** Opens the system print dialog; a cancelled dialog is not an error. */
export function printContents(contents: Pick<WebContents, 'print'>): Promise<void> {
  return new Promise((resolve, reject) => {
    contents.print({ printBackground: true }, (success, failureReason) => {
      if (success || /cancel/i.test(failureReason)) resolve();
      else reject(new Error(`Không in được (${failureReason}). Hãy kiểm tra máy in rồi thử lại.`));
    });
  });
}

export async function pdfOf(contents: Pick<WebContents, 'printToPDF'>): Promise<Uint8Array> {
  try {
    const buffer = await contents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
    });
    return new Uint8Array(buffer);
  } catch (error) {
    throw new Error('Không tạo được tệp PDF từ trang báo cáo. Hãy thử lại.', { cause: error });
  }
}

export function registerPrintHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  dialogs: Pick<FileDialogs, 'chooseSavePath'>,
  store: Pick<FileStore, 'writeAtomically'> = nodeFileStore,
): void {
  handle(ipcMain, IpcChannel.print, async (_input, event) => {
    await printContents(event.sender);
    return undefined;
  });

  handle(ipcMain, IpcChannel.savePdf, async ({ suggestedName }, event) => {
    // The PDF is made before the dialog opens: the page stays as the user saw it.
    const bytes = await pdfOf(event.sender);
    const target = await dialogs.chooseSavePath(suggestedName, PDF_FILTERS);
    if (target === null) return { saved: false };
    await store.writeAtomically(target, bytes);
    return { saved: true, path: target };
  });
}
