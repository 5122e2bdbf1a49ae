import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { App, Session } from 'electron';
// The same module the `electron` alias resolves to, imported by path for its test helpers' types.
import {
  app,
  FakeWebContents,
  resetElectronMock,
  session,
  type FakeSession,
} from '../../tests/setup/electron-mock';
import { installSecurityHandlers } from './security';

// The fakes stand in for Electron's objects; the casts say "this is the shape main will get".
const asApp = (fake: unknown) => fake as Pick<App, 'on'>;
const asSession = (fake: unknown) => fake as Session;

function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

describe('security handlers', () => {
  let contents: FakeWebContents;
  let fakeSession: FakeSession;

  beforeEach(() => {
    resetElectronMock();
    fakeSession = session.defaultSession;
    installSecurityHandlers(asApp(app), asSession(fakeSession));
    contents = new FakeWebContents();
    // What Electron does for every page, window, devtools or webview it creates.
    app.emit('web-contents-created', { preventDefault: vi.fn() }, contents);
  });

  describe.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s', (eventName) => {
    it.each([
      'https://example.com/',
      'http://localhost:5173/',
      'file:///etc/passwd',
      'app://qldv.evil/index.html',
      'app://user@qldv/index.html',
      'javascript:alert(1)',
    ])('is prevented for %s', (url) => {
      const event = navigationEvent(url);
      contents.emit(eventName, event, url);
      expect(event.preventDefault).toHaveBeenCalledOnce();
    });

    it('is allowed inside the app', () => {
      const event = navigationEvent('app://qldv/index.html');
      contents.emit(eventName, event, event.url);
      expect(event.preventDefault).not.toHaveBeenCalled();
    });
  });

  it('denies every window.open, even to the app itself', () => {
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
    for (const url of ['https://example.com/', 'app://qldv/index.html']) {
      expect(
        contents.windowOpenHandler?.({ url, frameName: '', features: '', disposition: 'new-window' }),
      ).toEqual({
        action: 'deny',
      });
    }
  });

  it('prevents attaching a <webview>', () => {
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, { preload: '/evil.js' }, { src: 'https://example.com/' });
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it('guards every web contents created later, not just the first', () => {
    const later = new FakeWebContents();
    app.emit('web-contents-created', {}, later);
    const event = navigationEvent('https://example.com/');
    later.emit('will-navigate', event, event.url);
    expect(event.preventDefault).toHaveBeenCalledOnce();
    expect(later.setWindowOpenHandler).toHaveBeenCalledOnce();
  });

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'midi', 'pointerLock', 'fullscreen'])(
    'denies the permission request for %s',
    (permission) => {
      const callback = vi.fn();
      fakeSession.permissionRequestHandler?.(contents, permission, callback, {
        requestingUrl: 'app://qldv/',
      });
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    },
  );

  it('answers every permission check with false, even for the app origin', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-sanitized-write', 'hid']) {
      expect(fakeSession.permissionCheckHandler?.(contents, permission, 'app://qldv', {})).toBe(false);
    }
  });

  it('grants no USB, HID or serial device', () => {
    expect(
      fakeSession.devicePermissionHandler?.({ deviceType: 'usb', origin: 'app://qldv', device: {} }),
    ).toBe(false);
  });
});
