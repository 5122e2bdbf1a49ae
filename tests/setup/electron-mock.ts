/**
 * Stand-in for the `electron` package in the `main` Vitest project (vite.config.ts aliases
 * `electron` here). Importing the real package in Node runs its installer, which tries to download
 * the binary; with this alias a forgotten vi.mock can never reach the network.
 *
 * Fakes are EventEmitters with vi.fn methods, so a test can capture listeners (`app.emit(...)`),
 * read what was registered (`ipcMain.handlers`, `contextBridge.exposed`) and assert calls.
 * Call `resetElectronMock()` in beforeEach: the fakes are module singletons, like Electron's.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/** Lets a test prove that `electron` resolved to this file. */
export const isElectronMock = true;

type Listener = (...args: unknown[]) => unknown;

export class FakeWebContents extends EventEmitter {
  private static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  windowOpenHandler: Listener | undefined;
  setWindowOpenHandler = vi.fn((handler: Listener) => {
    this.windowOpenHandler = handler;
  });
  loadURL = vi.fn((_url: string) => Promise.resolve());
  send = vi.fn();
  openDevTools = vi.fn();
  isDestroyed = vi.fn(() => false);
  getURL = vi.fn(() => '');
}

export class FakeSession extends EventEmitter {
  permissionRequestHandler: Listener | null = null;
  permissionCheckHandler: Listener | null = null;
  devicePermissionHandler: Listener | null = null;
  setPermissionRequestHandler = vi.fn((handler: Listener | null) => {
    this.permissionRequestHandler = handler;
  });
  setPermissionCheckHandler = vi.fn((handler: Listener | null) => {
    this.permissionCheckHandler = handler;
  });
  setDevicePermissionHandler = vi.fn((handler: Listener | null) => {
    this.devicePermissionHandler = handler;
  });
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  getVersion = vi.fn(() => '0.1.0-test');
  getName = vi.fn(() => 'qldv');
  getPath = vi.fn((name: string) => `/fake-electron/${name}`);
  whenReady = vi.fn(() => Promise.resolve());
  requestSingleInstanceLock = vi.fn(() => true);
  enableSandbox = vi.fn();
  quit = vi.fn();
  exit = vi.fn();
  focus = vi.fn();
}

export const app = new FakeApp();

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  static getAllWindows = vi.fn(() => [...BrowserWindow.instances]);
  static fromWebContents = vi.fn(
    (contents: unknown) => BrowserWindow.instances.find((window) => window.webContents === contents) ?? null,
  );

  readonly webContents = new FakeWebContents();
  loadURL = vi.fn((url: string) => this.webContents.loadURL(url));
  loadFile = vi.fn(() => Promise.resolve());
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  maximize = vi.fn();
  isMinimized = vi.fn(() => false);
  removeMenu = vi.fn();
  setMenu = vi.fn();
  close = vi.fn();
  destroy = vi.fn();

  constructor(readonly options: Record<string, unknown> = {}) {
    super();
    BrowserWindow.instances.push(this);
    // Real Electron announces every new web contents; security handlers hang off this event.
    app.emit('web-contents-created', { preventDefault: vi.fn() }, this.webContents);
  }
}

class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, Listener>();
  handle = vi.fn((channel: string, handler: Listener) => {
    // Electron throws on a second handler for one channel; so does the fake.
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  });
  handleOnce = vi.fn((channel: string, handler: Listener) => this.handle(channel, handler));
  removeHandler = vi.fn((channel: string) => {
    this.handlers.delete(channel);
  });

  /** Test helper: calls a registered handler as Electron would for `ipcRenderer.invoke`. */
  async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return await handler(event, ...args);
  }
}

export const ipcMain = new FakeIpcMain();

class FakeIpcRenderer extends EventEmitter {
  invoke = vi.fn((_channel: string, ..._args: unknown[]): Promise<unknown> => Promise.resolve(undefined));
  send = vi.fn();
  sendSync = vi.fn();
  postMessage = vi.fn();
}

export const ipcRenderer = new FakeIpcRenderer();

const exposed: Record<string, unknown> = {};
export const contextBridge = {
  /** What the preload exposed, by key. */
  exposed,
  exposeInMainWorld: vi.fn((key: string, api: unknown) => {
    exposed[key] = api;
  }),
};

export const protocol = {
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn(),
  unhandle: vi.fn(),
  isProtocolHandled: vi.fn(() => false),
};

export const session = {
  defaultSession: new FakeSession(),
  fromPartition: vi.fn(() => new FakeSession()),
};

export const dialog = {
  showSaveDialog: vi.fn((..._args: unknown[]) => Promise.resolve({ canceled: true, filePath: '' })),
  showOpenDialog: vi.fn((..._args: unknown[]) =>
    Promise.resolve({ canceled: true, filePaths: [] as string[] }),
  ),
  showMessageBox: vi.fn(() => Promise.resolve({ response: 0, checkboxChecked: false })),
  showErrorBox: vi.fn(),
};

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown[]) => ({ items: template })),
  setApplicationMenu: vi.fn(),
  getApplicationMenu: vi.fn(() => null),
};

export const screen = {
  getPrimaryDisplay: vi.fn(() => ({ workAreaSize: { width: 1920, height: 1040 } })),
};

export const net = {
  // The app is offline; a test that reaches for the network should fail loudly.
  fetch: vi.fn(() => Promise.reject(new Error('electron-mock: net.fetch is not available in tests'))),
};

export const shell = {
  openExternal: vi.fn(() => Promise.reject(new Error('electron-mock: the app never opens external links'))),
  openPath: vi.fn(() => Promise.resolve('')),
  showItemInFolder: vi.fn(),
};

export const webContents = {
  getAllWebContents: vi.fn(() => BrowserWindow.instances.map((window) => window.webContents)),
  getFocusedWebContents: vi.fn(() => null),
  fromId: vi.fn(
    (id: number) =>
      BrowserWindow.instances.find((window) => window.webContents.id === id)?.webContents ?? null,
  ),
};

const fakes: object[] = [
  app,
  ipcMain,
  ipcRenderer,
  contextBridge,
  protocol,
  session,
  dialog,
  Menu,
  screen,
  net,
  shell,
  webContents,
  BrowserWindow,
];

/**
 * Forgets registered handlers, listeners, windows and call history, and puts back each fake's
 * default behaviour (mockReset restores the implementation given to vi.fn).
 */
export function resetElectronMock(): void {
  for (const fake of fakes) {
    for (const value of Object.values(fake)) if (vi.isMockFunction(value)) value.mockReset();
  }
  app.removeAllListeners();
  app.isPackaged = false;
  ipcMain.removeAllListeners();
  ipcMain.handlers.clear();
  ipcRenderer.removeAllListeners();
  for (const key of Object.keys(exposed)) delete exposed[key];
  BrowserWindow.instances.length = 0;
  session.defaultSession = new FakeSession();
}

const electron = {
  app,
  BrowserWindow,
  ipcMain,
  ipcRenderer,
  contextBridge,
  protocol,
  session,
  dialog,
  Menu,
  screen,
  net,
  shell,
  webContents,
};
export default electron;
