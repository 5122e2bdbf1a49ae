/**
 * The bridge between the sandboxed page and main: one named function per IPC channel and
 * nothing else. Never expose ipcRenderer or a generic invoke; a page script that gets one could
 * call any channel with any payload. Validation lives in main, so this file stays tiny (no zod)
 * and is built as CommonJS, the only format a sandboxed preload can load.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IpcChannel, PLATFORM_BRIDGE_KEY } from '@shared/ipc/channels';
import type {
  AppInfo,
  BackupFileInfo,
  BackupFileRequest,
  OpenedFile,
  OpenFileRequest,
  PlatformApi,
  SaveFileRequest,
  SaveFileResult,
  SavePdfRequest,
  SavePdfResult,
  WriteBackupRequest,
} from '@shared/platform';

const api = {
  saveFile: (request: SaveFileRequest) =>
    ipcRenderer.invoke(IpcChannel.saveFile, request) as Promise<SaveFileResult>,
  openFile: (request?: OpenFileRequest) =>
    ipcRenderer.invoke(IpcChannel.openFile, request) as Promise<OpenedFile | null>,
  appInfo: () => ipcRenderer.invoke(IpcChannel.appInfo) as Promise<AppInfo>,
  print: () => ipcRenderer.invoke(IpcChannel.print) as Promise<void>,
  savePdf: (request: SavePdfRequest) =>
    ipcRenderer.invoke(IpcChannel.savePdf, request) as Promise<SavePdfResult>,
  backups: {
    write: (request: WriteBackupRequest) => ipcRenderer.invoke(IpcChannel.backupWrite, request) as Promise<void>,
    list: () => ipcRenderer.invoke(IpcChannel.backupList) as Promise<BackupFileInfo[]>,
    read: (request: BackupFileRequest) => ipcRenderer.invoke(IpcChannel.backupRead, request) as Promise<Uint8Array>,
    remove: (request: BackupFileRequest) => ipcRenderer.invoke(IpcChannel.backupRemove, request) as Promise<void>,
  },
} satisfies PlatformApi;

contextBridge.exposeInMainWorld(PLATFORM_BRIDGE_KEY, api);
