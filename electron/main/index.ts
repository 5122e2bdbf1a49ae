/**
 * Composition root: wires the small modules beside it to Electron and does nothing else.
 * The UI always comes from app://qldv/ (the built renderer); no dev-server URL is ever loaded.
 */
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session } from 'electron';
import { APP_ENTRY_URL, APP_SCHEME } from './origin';
import { createAppProtocolHandler, registerAppScheme } from './protocol';
import { installSecurityHandlers } from './security';
import { mainWindowOptions, shouldStartMaximized } from './window';
import { appMenuTemplate } from './menu';
import { electronFileDialogs, registerFileHandlers } from './ipc/files';
import { registerAppInfoHandler } from './ipc/app-info';
import { registerPrintHandlers } from './ipc/print';
import { BACKUP_FOLDER_NAME, backupFolder, registerBackupHandlers } from './ipc/backups';

// Built layout: dist/main/index.js (this file), dist/preload/index.cjs, dist/renderer/.
const mainDir = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(mainDir, '..', 'renderer');
const preloadPath = path.join(mainDir, '..', 'preload', 'index.cjs');
const devTools = !app.isPackaged;

let mainWindow: BrowserWindow | null = null;

function createMainWindow(): void {
  const window = new BrowserWindow(mainWindowOptions(preloadPath, { devTools }));
  mainWindow = window;
  window.once('ready-to-show', () => {
    if (shouldStartMaximized(screen.getPrimaryDisplay().workAreaSize)) window.maximize();
    window.show();
  });
  window.on('closed', () => {
    mainWindow = null;
  });
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    dialog.showErrorBox(
      'Không mở được giao diện',
      `Ứng dụng không tải được trang chính. Hãy cài đặt lại ứng dụng.\n\n${String(error)}`,
    );
    app.quit();
  });
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

function onReady(): void {
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler(rendererDir, (file) => readFile(file)),
  );
  installSecurityHandlers(app, session.defaultSession);
  // One instance: the folder of the last save is remembered across sync files, Excel and PDF.
  const fileDialogs = electronFileDialogs(dialog, () => mainWindow, {
    documentsFolder: () => app.getPath('documents'),
  });
  registerFileHandlers(ipcMain, fileDialogs);
  registerAppInfoHandler(ipcMain, app);
  registerPrintHandlers(ipcMain, fileDialogs);
  registerBackupHandlers(ipcMain, backupFolder(path.join(app.getPath('userData'), BACKUP_FOLDER_NAME)));
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate({ devTools })));
  createMainWindow();
}

// Privileged schemes can only be registered before 'ready'.
registerAppScheme(protocol);
app.enableSandbox();

// Two copies would open the same IndexedDB at once; the second one hands over to the first.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });
  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      dialog.showErrorBox('Ứng dụng không khởi động được', String(error));
      app.quit();
    });
}
