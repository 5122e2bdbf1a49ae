import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '@shared/csp';
import { ipcContract } from '@shared/ipc/contract';

import type * as ElectronMockModule from '../../tests/setup/electron-mock';

type ElectronMock = typeof ElectronMockModule;
const here = path.dirname(fileURLToPath(import.meta.url));

/** Loads the composition root against a fresh mock, as Electron would run dist/main/index.js. */
async function boot(setup?: (electron: ElectronMock) => void): Promise<ElectronMock> {
  vi.resetModules();
  const electron = await import('../../tests/setup/electron-mock');
  electron.resetElectronMock();
  setup?.(electron);
  await import('./index');
  return electron;
}

async function bootToWindow(setup?: (electron: ElectronMock) => void) {
  const electron = await boot(setup);
  await vi.waitFor(() => expect(electron.BrowserWindow.instances).toHaveLength(1));
  return { electron, window: electron.BrowserWindow.instances[0]! };
}

describe('the composition root', () => {
  it('registers the privileged app:// scheme and the sandbox before the app is ready', async () => {
    const { protocol, app } = await boot();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledOnce();
    const [registered] = protocol.registerSchemesAsPrivileged.mock.invocationCallOrder;
    expect(registered).toBeLessThan(app.whenReady.mock.invocationCallOrder[0]!);
    expect(app.enableSandbox).toHaveBeenCalledOnce();
  });

  it('loads app://qldv/index.html and no other URL', async () => {
    const { window } = await bootToWindow();
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith('app://qldv/index.html');
    expect(window.loadFile).not.toHaveBeenCalled();
  });

  it('creates the window with the hardened options and the built preload beside the built main', async () => {
    const { window } = await bootToWindow();
    expect(window.options).toMatchObject({
      show: false,
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, devTools: true },
    });
    // dist/main/index.js → dist/preload/index.cjs; here electron/main → electron/preload.
    expect((window.options.webPreferences as { preload: string }).preload).toBe(
      path.join(here, '..', 'preload', 'index.cjs'),
    );
  });

  it('turns developer tools off in the installed app', async () => {
    const { window } = await bootToWindow((electron) => {
      electron.app.isPackaged = true;
    });
    expect(window.options).toMatchObject({ webPreferences: { devTools: false } });
  });

  it('guards the window it creates and denies permissions on the default session', async () => {
    const { electron, window } = await bootToWindow();
    expect(window.webContents.setWindowOpenHandler).toHaveBeenCalledOnce();
    expect(electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(electron.session.defaultSession.setPermissionCheckHandler).toHaveBeenCalledOnce();
  });

  it('serves app:// with the CSP, from the renderer folder beside main', async () => {
    const { electron } = await bootToWindow();
    expect(electron.protocol.handle).toHaveBeenCalledExactlyOnceWith('app', expect.any(Function));
    const handler = electron.protocol.handle.mock.calls[0]![1] as (request: Request) => Promise<Response>;
    const response = await handler(new Request('app://qldv/no-such-file.js'));
    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers every contract channel, and only those', async () => {
    const { electron } = await bootToWindow();
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual(Object.keys(ipcContract).sort());
  });

  it('replaces the default menu with a Vietnamese one', async () => {
    const { electron } = await bootToWindow();
    const template = electron.Menu.buildFromTemplate.mock.calls[0]![0] as { label: string }[];
    expect(template.map((item) => item.label)).toEqual(['Tệp', 'Sửa', 'Xem']);
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledOnce();
  });

  it('shows the window on ready-to-show, maximized on a small screen', async () => {
    const { window } = await bootToWindow((electron) => {
      electron.screen.getPrimaryDisplay.mockReturnValue({ workAreaSize: { width: 1366, height: 728 } });
    });
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.maximize).toHaveBeenCalledOnce();
    expect(window.show).toHaveBeenCalledOnce();
  });

  it('quits when the last window closes (except on macOS)', async () => {
    const { electron } = await bootToWindow();
    electron.app.emit('window-all-closed');
    expect(electron.app.quit).toHaveBeenCalledTimes(process.platform === 'darwin' ? 0 : 1);
  });

  it('focuses the running copy instead of opening a second one', async () => {
    const { electron, window } = await bootToWindow();
    window.isMinimized.mockReturnValue(true);
    electron.app.emit('second-instance');
    expect(window.restore).toHaveBeenCalledOnce();
    expect(window.focus).toHaveBeenCalledOnce();
  });

  it('quits at once when another copy already holds the lock', async () => {
    const { app, BrowserWindow } = await boot((electron) => {
      electron.app.requestSingleInstanceLock.mockReturnValue(false);
    });
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(BrowserWindow.instances).toHaveLength(0);
  });
});
