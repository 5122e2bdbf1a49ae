/**
 * The browser adapter: the same PlatformApi without Electron, for `npm run dev:web`, the e2e
 * tests and the benchmark. Saving is a download link, opening is a file input.
 */
import type { AppInfo, FileFilter, OpenedFile, PlatformApi, SaveFileRequest } from '@shared/platform';
import { createBrowserBackupStore } from './browserBackups';

/** Long enough for the browser to start reading the blob, short enough not to hoard memory. */
const REVOKE_URL_AFTER_MS = 30_000;

/** `accept` for a file input: `.qldv,.xlsx`; empty (anything) when a filter allows `*`. */
export function acceptFromFilters(filters: FileFilter[] | undefined): string {
  const extensions = (filters ?? []).flatMap((filter) => filter.extensions);
  if (extensions.includes('*')) return '';
  return [...new Set(extensions.map((extension) => `.${extension.toLowerCase()}`))].join(',');
}

export function downloadBytes(doc: Document, { bytes, suggestedName }: SaveFileRequest): void {
  // slice() copies into a plain ArrayBuffer, which Blob accepts (a view may sit on a shared buffer).
  const url = URL.createObjectURL(new Blob([bytes.slice()], { type: 'application/octet-stream' }));
  const anchor = doc.createElement('a');
  anchor.href = url;
  anchor.download = suggestedName;
  anchor.style.display = 'none';
  doc.body.append(anchor);
  try {
    anchor.click();
  } finally {
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_URL_AFTER_MS);
  }
}

/** Shows the browser's file picker; resolves null when the user closes it without a file. */
export function pickFile(doc: Document, filters?: FileFilter[]): Promise<OpenedFile | null> {
  return new Promise((resolve, reject) => {
    const input = doc.createElement('input');
    input.type = 'file';
    input.accept = acceptFromFilters(filters);
    input.style.display = 'none';
    input.addEventListener(
      'change',
      () => {
        const file = input.files?.[0];
        input.remove();
        if (!file) {
          resolve(null);
          return;
        }
        file.arrayBuffer().then(
          (buffer) => resolve({ name: file.name, bytes: new Uint8Array(buffer) }),
          (error: unknown) =>
            reject(new Error(`Không đọc được tệp "${file.name}". Hãy thử lại.`, { cause: error })),
        );
      },
      { once: true },
    );
    input.addEventListener(
      'cancel',
      () => {
        input.remove();
        resolve(null);
      },
      { once: true },
    );
    // Some browsers ignore click() on an input that is not in the document.
    doc.body.append(input);
    input.click();
  });
}

export const BROWSER_APP_INFO: AppInfo = {
  version: __APP_VERSION__,
  platform: 'web',
  dataFolder: 'IndexedDB của trình duyệt',
  host: 'browser',
};

export function createBrowserPlatform(doc: Document = document): PlatformApi {
  return {
    backups: createBrowserBackupStore(),
    saveFile(request) {
      downloadBytes(doc, request);
      // The browser gives no word on where (or whether) the download landed: nothing to verify.
      return Promise.resolve({ saved: true, viaDownload: true });
    },
    openFile: (request) => pickFile(doc, request?.filters),
    appInfo: () => Promise.resolve({ ...BROWSER_APP_INFO }),
    print() {
      doc.defaultView?.print();
      return Promise.resolve();
    },
    savePdf() {
      // No silent PDF in a browser: its print dialog offers "Save as PDF".
      doc.defaultView?.print();
      return Promise.resolve({ saved: false, viaPrintDialog: true });
    },
  };
}
