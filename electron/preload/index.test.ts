import { beforeAll, describe, expect, it } from 'vitest';
import { contextBridge, ipcRenderer, resetElectronMock } from '../../tests/setup/electron-mock';

const request = { bytes: new Uint8Array([1]), suggestedName: 'qldv.qldv' };

describe('the preload bridge', () => {
  let bridge: Record<string, unknown>;

  beforeAll(async () => {
    resetElectronMock();
    await import('./index');
    bridge = contextBridge.exposed.qldv as Record<string, unknown>;
  });

  it('exposes one object, under window.qldv, and nothing else', () => {
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect(Object.keys(contextBridge.exposed)).toEqual(['qldv']);
  });

  it('exposes exactly saveFile, openFile, appInfo, print, savePdf and backups: no ipcRenderer, no generic invoke', () => {
    expect(Object.keys(bridge).sort()).toEqual(['appInfo', 'backups', 'openFile', 'print', 'saveFile', 'savePdf']);
    const backups = bridge.backups as Record<string, unknown>;
    expect(Object.keys(backups).sort()).toEqual(['list', 'read', 'remove', 'write']);
    for (const value of [...Object.values(bridge).filter((v) => v !== backups), ...Object.values(backups)])
      expect(typeof value).toBe('function');
    expect(Object.values(backups)).not.toContain(ipcRenderer.invoke);
    expect(Object.values(bridge)).not.toContain(ipcRenderer);
    expect(Object.values(bridge)).not.toContain(ipcRenderer.invoke);
  });

  it.each([
    ['saveFile', [request], ['file:save', request]],
    ['openFile', [{ filters: [] }], ['file:open', { filters: [] }]],
    ['openFile', [], ['file:open', undefined]],
    ['appInfo', [], ['app:info']],
    ['print', [], ['print:page']],
    ['savePdf', [{ suggestedName: 'bao-cao.pdf' }], ['print:pdf', { suggestedName: 'bao-cao.pdf' }]],
  ])('%s invokes its own channel and passes the request through', async (name, args, expected) => {
    ipcRenderer.invoke.mockClear();
    ipcRenderer.invoke.mockResolvedValueOnce('answer');
    const call = bridge[name] as (...values: unknown[]) => Promise<unknown>;
    await expect(call(...args)).resolves.toBe('answer');
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(...expected);
  });

  it.each([
    ['write', [{ name: 'a.qldv', bytes: request.bytes }], ['backup:write', { name: 'a.qldv', bytes: request.bytes }]],
    ['list', [], ['backup:list']],
    ['read', [{ name: 'a.qldv' }], ['backup:read', { name: 'a.qldv' }]],
    ['remove', [{ name: 'a.qldv' }], ['backup:remove', { name: 'a.qldv' }]],
  ])('backups.%s invokes its own channel', async (name, args, expected) => {
    ipcRenderer.invoke.mockClear();
    ipcRenderer.invoke.mockResolvedValueOnce('answer');
    const call = (bridge.backups as Record<string, (...values: unknown[]) => Promise<unknown>>)[name]!;
    await expect(call(...args)).resolves.toBe('answer');
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(...expected);
  });

  it('ignores extra arguments a page script might add to appInfo', async () => {
    ipcRenderer.invoke.mockClear();
    await (bridge.appInfo as (...values: unknown[]) => Promise<unknown>)('sneaky');
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('app:info');
  });
});
