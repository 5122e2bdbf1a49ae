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
}

export interface SaveFileResult {
  /** False when the user cancelled the dialog. */
  saved: boolean;
  /** Where it went, when the host knows (Electron); the browser adapter only knows the name. */
  path?: string;
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

export interface PlatformApi {
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  /** Opens the print dialog for the page on screen; print CSS decides what goes on paper. */
  print(): Promise<void>;
  /** The page on screen as an A4 PDF, saved where the user chooses (Electron printToPDF). */
  savePdf(request: SavePdfRequest): Promise<SavePdfResult>;
  /** Resolves to null when the user cancelled. */
  openFile(request?: OpenFileRequest): Promise<OpenedFile | null>;
  appInfo(): Promise<AppInfo>;
}
