import type { App, IpcMain } from 'electron';
import type { AppInfo } from '@shared/platform';
import { IpcChannel } from '@shared/ipc/channels';
import { handle } from './handle';

export function appInfo(
  app: Pick<App, 'getVersion' | 'getPath'>,
  platform: string = process.platform,
): AppInfo {
  return { version: app.getVersion(), platform, dataFolder: app.getPath('userData'), host: 'electron' };
}

export function registerAppInfoHandler(
  ipcMain: Pick<IpcMain, 'handle'>,
  app: Pick<App, 'getVersion' | 'getPath'>,
): void {
  handle(ipcMain, IpcChannel.appInfo, () => appInfo(app));
}
