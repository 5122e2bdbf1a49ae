/**
 * The one interface between the renderer and its host. Two adapters implement it:
 * the Electron one (preload bridge → ipcMain.handle) and the browser one (download link,
 * file input, window.print), so every feature works under `npm start` and `npm run dev:web` alike.
 */

/** A file type filter for the save and open dialogs (extensions without the dot). */
export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface SaveFileRequest {
  /** The file's content. */
  bytes: Uint8Array;
  /** File name offered to the user, e.g. `qldv-May-Van-phong-1-2025-07-15.qldv`. */
  suggestedName: string;
  filters?: FileFilter[];
  /** Electron: open the save dialog on the first plugged-in USB stick, if any (sync files). */
  preferRemovableDrive?: boolean;
}

export interface SaveFileResult {
  /** False when the user cancelled the dialog. */
  saved: boolean;
  /** Where it went, when the host knows (Electron); the browser adapter only knows the name. */
  path?: string;
  /** Electron: the file was read back from the disk after writing and matched the bytes sent. */
  verified?: boolean;
  /** Browser: handed to the browser as a download; where it lands is the browser's business. */
  viaDownload?: boolean;
}

export interface OpenFileRequest {
  filters?: FileFilter[];
}

export interface OpenedFile {
  name: string;
  bytes: Uint8Array;
}

export interface AppInfo {
  version: string;
  /** `win32`, `linux`, `darwin` under Electron; `web` in the browser. */
  platform: string;
  /** The folder holding the app's data (Electron userData); a description in the browser. */
  dataFolder: string;
  /** `electron` or `browser`: which adapter answered. */
  host: 'electron' | 'browser';
}

/** Saving the page on screen (a report's A4 sheet) as a PDF. */
export interface SavePdfRequest {
  /** File name offered to the user, e.g. `Danh-sach-dang-vien-2026-11-26.pdf`. */
  suggestedName: string;
}

export interface SavePdfResult {
  /** False when the user cancelled, or when the browser's print dialog stood in. */
  saved: boolean;
  path?: string;
  /** The browser has no silent PDF: it opened its print dialog, where "Save as PDF" is a choice. */
  viaPrintDialog?: boolean;
}

/** A backup file in this laptop's backup folder (Electron: `<userData>/backups/`). */
export interface BackupFileInfo {
  /** A bare file name such as `QLDV-sao-luu-2026-11-26-143005-thu-cong.qldv`. */
  name: string;
  size: number;
  /** Last written (ISO). */
  modifiedAt: string;
}

export interface BackupFileRequest {
  name: string;
}

export interface WriteBackupRequest {
  name: string;
  bytes: Uint8Array;
}

/**
 * The backup folder: written atomically, listed, read back, pruned. Names are bare `.qldv` file
 * names; the host refuses anything that could point outside the folder.
 */
export interface BackupStore {
  write(request: WriteBackupRequest): Promise<void>;
  list(): Promise<BackupFileInfo[]>;
  /** Rejects with a Vietnamese message when there is no such backup. */
  read(request: BackupFileRequest): Promise<Uint8Array>;
  remove(request: BackupFileRequest): Promise<void>;
}

export interface PlatformApi {
  /** This laptop's backups (renderer/src/db/backup.ts writes and reads them). */
  backups: BackupStore;
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  /** Opens the print dialog for the page on screen; print CSS decides what goes on paper. */
  print(): Promise<void>;
  /** The page on screen as an A4 PDF, saved where the user chooses (Electron printToPDF). */
  savePdf(request: SavePdfRequest): Promise<SavePdfResult>;
  /** Resolves to null when the user cancelled. */
  openFile(request?: OpenFileRequest): Promise<OpenedFile | null>;
  appInfo(): Promise<AppInfo>;
}
