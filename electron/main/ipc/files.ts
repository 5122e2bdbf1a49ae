/**
 * `file:save` and `file:open`: main only moves bytes between the renderer and a file the user
 * chose in the OS dialog. The dialogs and the disk are injected so tests run on temp folders.
 */
import { open, readFile, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserWindow, Dialog, IpcMain } from 'electron';
import { IpcChannel } from '@shared/ipc/channels';
import type { FileFilter } from '@shared/platform';
import { handle } from './handle';

/** Larger than any bundle or workbook the office makes; stops a mis-click on a disk image. */
export const MAX_OPEN_FILE_BYTES = 512 * 1024 * 1024;

export interface FileDialogs {
  /** The chosen path, or null when the user cancelled. */
  chooseSavePath(suggestedName: string, filters?: FileFilter[]): Promise<string | null>;
  chooseOpenPath(filters?: FileFilter[]): Promise<string | null>;
}

export interface FileStore {
  writeAtomically(targetPath: string, bytes: Uint8Array): Promise<void>;
  readBytes(filePath: string): Promise<Uint8Array>;
}

/** The partial file's name while the bytes are on their way to `targetPath`. */
export function partialPathFor(targetPath: string): string {
  return `${targetPath}.partial`;
}

/** The few fs calls an atomic write needs; injectable so a test can watch the order. */
export interface AtomicWriteFs {
  open(path: string, flags: 'w'): Promise<Pick<FileHandle, 'writeFile' | 'sync' | 'close'>>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options: { force: true }): Promise<void>;
}

const nodeAtomicWriteFs: AtomicWriteFs = { open, rename, rm };

/**
 * Writes `<target>.partial`, flushes it to the device, then renames it onto the target. A USB
 * stick pulled halfway leaves at worst a `.partial` file, never a half file under the real name
 * that a later import would trust; and a failed save leaves the previous file untouched.
 */
export async function writeFileAtomically(
  targetPath: string,
  bytes: Uint8Array,
  fs: AtomicWriteFs = nodeAtomicWriteFs,
): Promise<void> {
  const partialPath = partialPathFor(targetPath);
  try {
    const file = await fs.open(partialPath, 'w');
    try {
      await file.writeFile(bytes);
      await file.sync();
    } finally {
      await file.close();
    }
    await fs.rename(partialPath, targetPath);
  } catch (error) {
    await fs.rm(partialPath, { force: true }).catch(() => undefined);
    throw new Error(
      `Không ghi được tệp "${path.basename(targetPath)}". Hãy kiểm tra ổ đĩa hoặc USB còn cắm và còn chỗ trống, rồi thử lại.`,
      { cause: error },
    );
  }
}

export async function readFileBytes(filePath: string): Promise<Uint8Array> {
  const info = await stat(filePath);
  if (!info.isFile()) throw new Error(`"${path.basename(filePath)}" không phải là một tệp.`);
  if (info.size > MAX_OPEN_FILE_BYTES) {
    throw new Error(`Tệp "${path.basename(filePath)}" quá lớn (trên 512 MB), không phải tệp của ứng dụng.`);
  }
  return readFile(filePath);
}

export const nodeFileStore: FileStore = {
  writeAtomically: (targetPath, bytes) => writeFileAtomically(targetPath, bytes),
  readBytes: readFileBytes,
};

/** The Electron dialogs, attached to the main window when there is one (modal, not behind it). */
export function electronFileDialogs(
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>,
  parentWindow: () => BrowserWindow | null,
): FileDialogs {
  return {
    async chooseSavePath(suggestedName, filters) {
      const options = {
        defaultPath: suggestedName,
        filters: filters ?? [],
        properties: ['showOverwriteConfirmation' as const],
      };
      const parent = parentWindow();
      const result = parent
        ? await dialog.showSaveDialog(parent, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseOpenPath(filters) {
      const options = { filters: filters ?? [], properties: ['openFile' as const] };
      const parent = parentWindow();
      const result = parent
        ? await dialog.showOpenDialog(parent, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}

export function registerFileHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  dialogs: FileDialogs,
  store: FileStore = nodeFileStore,
): void {
  handle(ipcMain, IpcChannel.saveFile, async ({ bytes, suggestedName, filters }) => {
    const target = await dialogs.chooseSavePath(suggestedName, filters);
    if (target === null) return { saved: false };
    await store.writeAtomically(target, bytes);
    return { saved: true, path: target };
  });

  handle(ipcMain, IpcChannel.openFile, async (request) => {
    const source = await dialogs.chooseOpenPath(request?.filters);
    if (source === null) return null;
    return { name: path.basename(source), bytes: await store.readBytes(source) };
  });
}
