/**
 * IPC channel names, and nothing else. The preload bundle imports this file at run time, so it
 * must stay free of imports (zod especially): a sandboxed preload is one small CommonJS file.
 */
export const IpcChannel = {
  saveFile: 'file:save',
  openFile: 'file:open',
  appInfo: 'app:info',
  print: 'print:page',
  savePdf: 'print:pdf',
  backupWrite: 'backup:write',
  backupList: 'backup:list',
  backupRead: 'backup:read',
  backupRemove: 'backup:remove',
} as const;

export type IpcChannelName = (typeof IpcChannel)[keyof typeof IpcChannel];

/** The name under which the preload exposes PlatformApi to the page: `window.qldv`. */
export const PLATFORM_BRIDGE_KEY = 'qldv';
