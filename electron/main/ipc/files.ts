/**
 * `file:save` and `file:open`: main only moves bytes between the renderer and a file the user
 * chose in the OS dialog. The dialogs and the disk are injected so tests run on temp folders.
 */
import { createHash } from 'node:crypto';
import { open, readFile, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserWindow, Dialog, IpcMain } from 'electron';
import { IpcChannel } from '@shared/ipc/channels';
import type { FileFilter } from '@shared/platform';
import { findRemovableDrives } from '../drives';
import { handle } from './handle';

/** Larger than any bundle or workbook the office makes; stops a mis-click on a disk image. */
export const MAX_OPEN_FILE_BYTES = 512 * 1024 * 1024;

export interface SaveDialogOptions {
  /** Open the dialog on the first plugged-in USB stick (sync files). */
  preferRemovableDrive?: boolean;
}

export interface FileDialogs {
  /** The chosen path, or null when the user cancelled. */
  chooseSavePath(
    suggestedName: string,
    filters?: FileFilter[],
    options?: SaveDialogOptions,
  ): Promise<string | null>;
  chooseOpenPath(filters?: FileFilter[]): Promise<string | null>;
}

export interface FileStore {
  /**
   * Writes through `.partial`, flushes, renames, then reads the file back and compares it with
   * `bytes`; rejects (leaving no bad file) when any step fails. `file:save` reports `verified`
   * on the strength of this contract.
   */
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

/** What the read-back check needs from the disk. */
export interface ReadBackFs {
  readFile(path: string): Promise<Uint8Array>;
  rm(path: string, options: { force: true }): Promise<void>;
}

const nodeReadBackFs: ReadBackFs = { readFile, rm };

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function readBackFailedMessage(targetPath: string): string {
  return `Tệp "${path.basename(targetPath)}" ghi ra USB hoặc ổ đĩa bị lỗi khi đọc lại để kiểm tra, nên đã bị xóa. USB hoặc ổ đĩa này có thể bị hỏng: hãy thử USB khác hoặc chọn nơi lưu khác.`;
}

/**
 * The atomic write, then the file is read back from the disk and compared with what was sent
 * (length and SHA-256). A stick that loses or mangles data fails here, while the user still has
 * the stick in hand, instead of on the other laptop; the bad file is deleted so nobody imports it.
 * The read-back goes through the OS file cache: it catches a short or failed write and a file
 * the drive will not give back, not every fault of the flash itself.
 */
export async function writeAndVerify(
  targetPath: string,
  bytes: Uint8Array,
  fs: AtomicWriteFs = nodeAtomicWriteFs,
  readBack: ReadBackFs = nodeReadBackFs,
): Promise<void> {
  await writeFileAtomically(targetPath, bytes, fs);
  let cause: unknown;
  let matches = false;
  try {
    const written = await readBack.readFile(targetPath);
    matches = written.length === bytes.length && sha256(written) === sha256(bytes);
  } catch (error) {
    cause = error;
  }
  if (matches) return;
  await readBack.rm(targetPath, { force: true }).catch(() => undefined);
  throw new Error(readBackFailedMessage(targetPath), cause === undefined ? undefined : { cause });
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
  writeAtomically: (targetPath, bytes) => writeAndVerify(targetPath, bytes),
  readBytes: readFileBytes,
};

/** Where the save dialog may open; injectable so tests choose the drives and the folders. */
export interface SaveLocations {
  /** Plugged-in USB sticks, first one first; never rejects (see drives.ts). */
  removableDrives(): Promise<string[]>;
  /** The user's Documents folder, or null when unknown. */
  documentsFolder(): string | null;
  /** Whether a folder still exists (the stick used last may have been pulled). */
  isFolder(folder: string): Promise<boolean>;
  /** path.win32 on Windows, path.posix elsewhere. */
  pathApi: path.PlatformPath;
}

export const nodeSaveLocations: SaveLocations = {
  removableDrives: () => findRemovableDrives(),
  documentsFolder: () => null,
  isFolder: (folder) =>
    stat(folder).then(
      (info) => info.isDirectory(),
      () => false,
    ),
  pathApi: path,
};

function isInside(folder: string, root: string, pathApi: path.PlatformPath): boolean {
  const relative = pathApi.relative(root, folder);
  return relative === '' || (!relative.startsWith('..') && !pathApi.isAbsolute(relative));
}

export interface DefaultPathChoice {
  suggestedName: string;
  preferRemovableDrive: boolean;
  /** Plugged-in removable drives (looked up only when preferred). */
  drives: string[];
  /** The folder of the last save this session, if it still exists. */
  lastFolder: string | null;
  documents: string | null;
  pathApi: path.PlatformPath;
}

/**
 * The save dialog's `defaultPath`: for a sync file, the USB stick when one is plugged in (the
 * folder used last if it is on a plugged-in stick, else the first stick's top folder); otherwise
 * the folder used last this session, else Documents, else just the name (the OS picks the folder).
 */
export function chooseDefaultPath(choice: DefaultPathChoice): string {
  const { suggestedName, lastFolder, pathApi } = choice;
  const [firstDrive] = choice.drives;
  if (choice.preferRemovableDrive && firstDrive !== undefined) {
    const onAStick = lastFolder !== null && choice.drives.some((d) => isInside(lastFolder, d, pathApi));
    return pathApi.join(onAStick ? lastFolder : firstDrive, suggestedName);
  }
  const folder = lastFolder ?? choice.documents;
  return folder ? pathApi.join(folder, suggestedName) : suggestedName;
}

/**
 * The Electron dialogs, attached to the main window when there is one (modal, not behind it).
 * One instance remembers the folder of its last save for the session: share it between handlers.
 */
export function electronFileDialogs(
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>,
  parentWindow: () => BrowserWindow | null,
  locations: Partial<SaveLocations> = {},
): FileDialogs {
  const where: SaveLocations = { ...nodeSaveLocations, ...locations };
  let lastFolder: string | null = null;
  return {
    async chooseSavePath(suggestedName, filters, saveOptions) {
      const preferRemovableDrive = saveOptions?.preferRemovableDrive === true;
      const [drives, lastStillThere] = await Promise.all([
        preferRemovableDrive ? where.removableDrives().catch(() => []) : Promise.resolve([]),
        lastFolder === null ? Promise.resolve(false) : where.isFolder(lastFolder).catch(() => false),
      ]);
      let documents: string | null = null;
      try {
        documents = where.documentsFolder();
      } catch {
        // Documents unknown: the dialog falls back to the OS's own choice of folder.
      }
      const options = {
        defaultPath: chooseDefaultPath({
          suggestedName,
          preferRemovableDrive,
          drives,
          lastFolder: lastStillThere ? lastFolder : null,
          documents,
          pathApi: where.pathApi,
        }),
        filters: filters ?? [],
        properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const],
      };
      const parent = parentWindow();
      const result = parent
        ? await dialog.showSaveDialog(parent, options)
        : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      lastFolder = where.pathApi.dirname(result.filePath);
      return result.filePath;
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
  handle(ipcMain, IpcChannel.saveFile, async ({ bytes, suggestedName, filters, preferRemovableDrive }) => {
    const target = await dialogs.chooseSavePath(suggestedName, filters, {
      preferRemovableDrive: preferRemovableDrive === true,
    });
    if (target === null) return { saved: false };
    // Written, flushed, renamed and read back (the FileStore contract): only then "verified".
    await store.writeAtomically(target, bytes);
    return { saved: true, path: target, verified: true };
  });

  handle(ipcMain, IpcChannel.openFile, async (request) => {
    const source = await dialogs.chooseOpenPath(request?.filters);
    if (source === null) return null;
    return { name: path.basename(source), bytes: await store.readBytes(source) };
  });
}
