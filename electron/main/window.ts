import type { BrowserWindowConstructorOptions } from 'electron';

export const MAIN_WINDOW_TITLE = 'Quản lý Đảng viên';
export const MAIN_WINDOW_SIZE = { width: 1366, height: 860, minWidth: 1100, minHeight: 640 } as const;
/** Matches the UI's page background so the window does not flash white before the first paint. */
export const MAIN_WINDOW_BACKGROUND = '#f5f5f5';

export interface MainWindowFlags {
  /** Developer tools: on for `npm start`, off in the installed app. */
  devTools: boolean;
}

/**
 * The main window's options, as a pure function so one unit test can check every security flag
 * (Electron security checklist items 2–4, 8–10, 12) without launching Electron.
 */
export function mainWindowOptions(
  preloadPath: string,
  { devTools }: MainWindowFlags,
): BrowserWindowConstructorOptions {
  return {
    ...MAIN_WINDOW_SIZE,
    title: MAIN_WINDOW_TITLE,
    // Shown on 'ready-to-show', so the user never sees a blank window.
    show: false,
    backgroundColor: MAIN_WINDOW_BACKGROUND,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // The office works in Vietnamese; an English spell checker would underline every word.
      spellcheck: false,
      devTools,
    },
  };
}

/**
 * Office laptops are often 1366×768: a window taller than the work area would hide its bottom
 * edge under the taskbar, so start maximized there instead.
 */
export function shouldStartMaximized(workArea: { width: number; height: number }): boolean {
  return workArea.width < MAIN_WINDOW_SIZE.width || workArea.height < MAIN_WINDOW_SIZE.height;
}
