import { beforeEach, describe, expect, it } from 'vitest';
import { app, ipcMain, resetElectronMock } from '../../../tests/setup/electron-mock';
import { appInfo, registerAppInfoHandler } from './app-info';

describe('app:info', () => {
  beforeEach(() => {
    resetElectronMock();
  });

  it('reports the version, the OS, the userData folder and the Electron host', () => {
    expect(appInfo(app as never, 'win32')).toEqual({
      version: '0.1.0-test',
      platform: 'win32',
      dataFolder: '/fake-electron/userData',
      host: 'electron',
    });
  });

  it('answers over IPC with the current platform', async () => {
    registerAppInfoHandler(ipcMain, app);
    await expect(ipcMain.invoke('app:info', { senderFrame: { url: 'app://qldv/' } })).resolves.toMatchObject({
      platform: process.platform,
      host: 'electron',
    });
  });
});
