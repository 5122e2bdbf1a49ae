import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcMain, resetElectronMock } from '../../../tests/setup/electron-mock';
import { handle, IpcRefusedError, PAYLOAD_REFUSED_MESSAGE, SENDER_REFUSED_MESSAGE } from './handle';

const fakeIpcMain = ipcMain as unknown as Parameters<typeof handle>[0];

/** An invoke event as Electron builds it; only senderFrame matters to the wrapper. */
function eventFrom(url: string | null | undefined) {
  return { senderFrame: url === null ? null : url === undefined ? undefined : { url }, sender: {} };
}

const validSave = { bytes: new Uint8Array([1, 2, 3]), suggestedName: 'qldv-2025-07-15.qldv' };

describe('the IPC handle() wrapper', () => {
  beforeEach(() => {
    resetElectronMock();
  });

  describe('sender origin', () => {
    it.each([
      'https://example.com/',
      'http://localhost:5173/',
      'file:///C:/qldv/index.html',
      'app://qldv.evil/index.html',
      'app://user@qldv/index.html',
      'app://qldv:1234/index.html',
      'app://QLDV/index.html',
      'devtools://devtools/bundled/inspector.html',
      'about:blank',
      'data:text/html,hi',
      '',
    ])('refuses a request from %s before the handler runs', async (url) => {
      const handler = vi.fn(() => ({ saved: true }));
      handle(fakeIpcMain, 'file:save', handler);
      const result = ipcMain.invoke('file:save', eventFrom(url), validSave);
      await expect(result).rejects.toThrow(SENDER_REFUSED_MESSAGE);
      await expect(result).rejects.toBeInstanceOf(IpcRefusedError);
      expect(handler).not.toHaveBeenCalled();
    });

    it.each([null, undefined])(
      'refuses a request whose sender frame is %s (gone, or unknown)',
      async (frame) => {
        const handler = vi.fn(() => ({ saved: true }));
        handle(fakeIpcMain, 'file:save', handler);
        await expect(ipcMain.invoke('file:save', eventFrom(frame), validSave)).rejects.toThrow(
          SENDER_REFUSED_MESSAGE,
        );
        expect(handler).not.toHaveBeenCalled();
      },
    );

    it('checks the origin before it looks at the payload', async () => {
      handle(
        fakeIpcMain,
        'file:save',
        vi.fn(() => ({ saved: true })),
      );
      await expect(ipcMain.invoke('file:save', eventFrom('https://example.com/'), 'garbage')).rejects.toThrow(
        SENDER_REFUSED_MESSAGE,
      );
    });
  });

  describe('payload', () => {
    const app = eventFrom('app://qldv/index.html');

    it.each([
      ['nothing', []],
      ['a string', ['qldv.qldv']],
      ['bytes as a plain array', [{ bytes: [1, 2, 3], suggestedName: 'a.qldv' }]],
      ['no name', [{ bytes: new Uint8Array(1) }]],
      ['an empty name', [{ bytes: new Uint8Array(1), suggestedName: '' }]],
      ['a path instead of a name', [{ bytes: new Uint8Array(1), suggestedName: '../../evil.qldv' }]],
      ['a Windows path', [{ bytes: new Uint8Array(1), suggestedName: 'C:\\Windows\\evil.dll' }]],
      ['an unknown key', [{ ...validSave, overwrite: true }]],
      [
        'a filter with a dotted extension',
        [{ ...validSave, filters: [{ name: 'x', extensions: ['.qldv'] }] }],
      ],
      ['two arguments', [validSave, validSave]],
    ])('refuses %s before the handler runs', async (_label, args) => {
      const handler = vi.fn(() => ({ saved: true }));
      handle(fakeIpcMain, 'file:save', handler);
      const result = ipcMain.invoke('file:save', app, ...args);
      await expect(result).rejects.toThrow(PAYLOAD_REFUSED_MESSAGE);
      await expect(result).rejects.toBeInstanceOf(IpcRefusedError);
      expect(handler).not.toHaveBeenCalled();
    });

    it('refuses any argument to a channel that takes none', async () => {
      const handler = vi.fn(() => ({
        version: '1',
        platform: 'linux',
        dataFolder: '/d',
        host: 'electron' as const,
      }));
      handle(fakeIpcMain, 'app:info', handler);
      await expect(ipcMain.invoke('app:info', app, { sneaky: true })).rejects.toThrow(
        PAYLOAD_REFUSED_MESSAGE,
      );
      expect(handler).not.toHaveBeenCalled();
    });

    it('hands a valid payload to the handler, parsed, with the event, and returns its answer', async () => {
      const handler = vi.fn(() => Promise.resolve({ saved: true, path: '/home/vp/qldv.qldv' }));
      handle(fakeIpcMain, 'file:save', handler);
      const payload = { ...validSave, filters: [{ name: 'Tệp đồng bộ', extensions: ['qldv'] }] };
      await expect(ipcMain.invoke('file:save', app, payload)).resolves.toEqual({
        saved: true,
        path: '/home/vp/qldv.qldv',
      });
      expect(handler).toHaveBeenCalledExactlyOnceWith(payload, app);
      const [received] = handler.mock.calls[0] as unknown as [typeof payload];
      expect(received.bytes).toBeInstanceOf(Uint8Array);
    });

    it('accepts an optional payload left out', async () => {
      const handler = vi.fn(() => null);
      handle(fakeIpcMain, 'file:open', handler);
      await expect(ipcMain.invoke('file:open', app)).resolves.toBeNull();
      await expect(ipcMain.invoke('file:open', app, undefined)).resolves.toBeNull();
      expect(handler).toHaveBeenCalledTimes(2);
    });

    it('lets a handler error through to the renderer unchanged', async () => {
      handle(fakeIpcMain, 'file:open', () => Promise.reject(new Error('Không đọc được tệp.')));
      await expect(ipcMain.invoke('file:open', app, {})).rejects.toThrow('Không đọc được tệp.');
    });
  });

  it('registers the handler under the channel name itself', () => {
    handle(fakeIpcMain, 'app:info', () => ({
      version: '1',
      platform: 'linux',
      dataFolder: '/d',
      host: 'electron',
    }));
    expect(ipcMain.handle).toHaveBeenCalledWith('app:info', expect.any(Function));
  });
});
