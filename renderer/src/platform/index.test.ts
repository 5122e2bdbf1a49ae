import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlatformApi } from '@shared/platform';
import { getPlatform, setPlatformForTests } from './index';
import { cleanIpcError } from './electron';
import { createBrowserBackupStore } from './browserBackups';

function fakeBridge(): PlatformApi {
  return {
    backups: createBrowserBackupStore(`fake-bridge-${crypto.randomUUID()}`),
    saveFile: vi.fn(() => Promise.resolve({ saved: true, path: 'D:\\qldv.qldv' })),
    openFile: vi.fn(() => Promise.resolve(null)),
    print: vi.fn(() => Promise.resolve()),
    savePdf: vi.fn(() => Promise.resolve({ saved: true, path: 'D:\\bao-cao.pdf' })),
    appInfo: vi.fn(() =>
      Promise.resolve({
        version: '1.0.0',
        platform: 'win32',
        dataFolder: 'C:\\qldv',
        host: 'electron' as const,
      }),
    ),
  };
}

afterEach(() => {
  delete window.qldv;
  setPlatformForTests(undefined);
});

describe('choosing the platform adapter', () => {
  it('uses the browser adapter when there is no Electron bridge', async () => {
    await expect(getPlatform().appInfo()).resolves.toMatchObject({ host: 'browser' });
  });

  it('uses the Electron bridge when the preload put one on window.qldv', async () => {
    const bridge = fakeBridge();
    window.qldv = bridge;
    await expect(getPlatform().appInfo()).resolves.toMatchObject({ host: 'electron' });
    await getPlatform().openFile({ filters: [] });
    expect(bridge.openFile).toHaveBeenCalledWith({ filters: [] });
  });

  it('decides once and keeps its choice', () => {
    const first = getPlatform();
    window.qldv = fakeBridge();
    expect(getPlatform()).toBe(first);
  });

  it('lets a test install its own host', () => {
    const fake = fakeBridge();
    setPlatformForTests(fake);
    expect(getPlatform()).toBe(fake);
  });
});

describe('errors from the Electron host', () => {
  it('reach the user without Electron’s technical prefix', async () => {
    const bridge = fakeBridge();
    vi.mocked(bridge.saveFile).mockRejectedValue(
      new Error("Error invoking remote method 'file:save': IpcRefusedError: Dữ liệu gửi kèm không hợp lệ."),
    );
    window.qldv = bridge;
    await expect(getPlatform().saveFile({ bytes: new Uint8Array(), suggestedName: 'a' })).rejects.toThrow(
      /^Dữ liệu gửi kèm không hợp lệ\.$/,
    );
  });

  it('from saving a PDF reach the user as the main process wrote them', async () => {
    const bridge = fakeBridge();
    vi.mocked(bridge.savePdf).mockRejectedValue(
      new Error(
        "Error invoking remote method 'print:pdf': Error: Không tạo được tệp PDF từ trang báo cáo. Hãy thử lại.",
      ),
    );
    window.qldv = bridge;
    await expect(getPlatform().savePdf({ suggestedName: 'a.pdf' })).rejects.toThrow(
      /^Không tạo được tệp PDF từ trang báo cáo\. Hãy thử lại\.$/,
    );
    await getPlatform().print();
    expect(bridge.print).toHaveBeenCalledOnce();
  });

  it('are left alone when they are not IPC errors', () => {
    const plain = new Error('Không ghi được tệp.');
    expect(cleanIpcError(plain)).toBe(plain);
    expect(cleanIpcError('text')).toBe('text');
  });
});
