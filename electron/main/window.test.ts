import { describe, expect, it } from 'vitest';
import { MAIN_WINDOW_TITLE, mainWindowOptions, shouldStartMaximized } from './window';

const preload = '/app/dist/preload/index.cjs';

describe('main window options', () => {
  const options = mainWindowOptions(preload, { devTools: false });
  const prefs = options.webPreferences ?? {};

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['webviewTag', false],
    ['spellcheck', false],
  ] as const)('sets webPreferences.%s to %s', (flag, value) => {
    expect(prefs[flag]).toBe(value);
  });

  it('enables no Blink feature by name', () => {
    expect(prefs.enableBlinkFeatures).toBeUndefined();
  });

  it('loads the given preload script and nothing else from disk', () => {
    expect(prefs.preload).toBe(preload);
  });

  it('keeps developer tools off unless asked', () => {
    expect(prefs.devTools).toBe(false);
    expect(mainWindowOptions(preload, { devTools: true }).webPreferences?.devTools).toBe(true);
  });

  it('stays hidden until the first paint, with the app background and a Vietnamese title', () => {
    expect(options.show).toBe(false);
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
    expect(options.title).toBe(MAIN_WINDOW_TITLE);
    expect(MAIN_WINDOW_TITLE).toBe('Quản lý Đảng viên');
  });

  it('opens at an office-laptop size and cannot be squeezed below a usable width', () => {
    expect(options).toMatchObject({ width: 1366, height: 860, minWidth: 1100 });
  });
});

describe('starting maximized', () => {
  it.each([
    [{ width: 1366, height: 728 }, true],
    [{ width: 1280, height: 1000 }, true],
    [{ width: 1920, height: 1040 }, false],
    [{ width: 1366, height: 860 }, false],
  ])('work area %o → maximized: %s', (workArea, expected) => {
    expect(shouldStartMaximized(workArea)).toBe(expected);
  });
});
