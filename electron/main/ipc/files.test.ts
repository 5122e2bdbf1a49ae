import { mkdir, mkdtemp, open, readdir, readFile, rename, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { dialog, ipcMain, resetElectronMock } from '../../../tests/setup/electron-mock';
import {
  electronFileDialogs,
  MAX_OPEN_FILE_BYTES,
  nodeFileStore,
  partialPathFor,
  readFileBytes,
  registerFileHandlers,
  writeFileAtomically,
  type AtomicWriteFs,
  type FileDialogs,
} from './files';

const appEvent = { senderFrame: { url: 'app://qldv/index.html' } };
const fakeIpcMain = ipcMain as unknown as Parameters<typeof registerFileHandlers>[0];
const bytes = new TextEncoder().encode('Đảng bộ phường — tệp đồng bộ');

let dir: string;
beforeEach(async () => {
  resetElectronMock();
  dir = await mkdtemp(path.join(tmpdir(), 'qldv-files-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The real fs, with every call written to a log so the test can read the order of operations. */
function recordingFs(log: string[], failOn?: 'writeFile' | 'rename'): AtomicWriteFs {
  const name = (p: string) => path.basename(p);
  return {
    async open(file, flags) {
      log.push(`open ${name(file)}`);
      const handle = await open(file, flags);
      return {
        async writeFile(data) {
          log.push('write');
          if (failOn === 'writeFile') {
            await handle.writeFile('half a fi');
            throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
          }
          return handle.writeFile(data);
        },
        sync: () => (log.push('sync'), handle.sync()),
        close: () => (log.push('close'), handle.close()),
      };
    },
    async rename(from, to) {
      log.push(`rename ${name(from)} -> ${name(to)}`);
      if (failOn === 'rename') throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
      return rename(from, to);
    },
    rm: (file, options) => (log.push(`rm ${name(file)}`), rm(file, options)),
  };
}

describe('saving a file', () => {
  it('writes through <name>.partial, flushes it, then renames it onto the name, leaving no partial file', async () => {
    const target = path.join(dir, 'qldv-2025-07-15.qldv');
    const log: string[] = [];
    await writeFileAtomically(target, bytes, recordingFs(log));
    expect(log).toEqual([
      'open qldv-2025-07-15.qldv.partial',
      'write',
      'sync',
      'close',
      'rename qldv-2025-07-15.qldv.partial -> qldv-2025-07-15.qldv',
    ]);
    expect(new Uint8Array(await readFile(target))).toEqual(bytes);
    expect(await readdir(dir)).toEqual(['qldv-2025-07-15.qldv']);
  });

  it.each(['writeFile', 'rename'] as const)(
    'keeps the previous file and removes the partial one when %s fails (USB pulled, disk full)',
    async (failOn) => {
      const target = path.join(dir, 'qldv.qldv');
      await writeFile(target, 'the good old copy');
      const log: string[] = [];
      await expect(writeFileAtomically(target, bytes, recordingFs(log, failOn))).rejects.toThrow(
        /Không ghi được tệp "qldv\.qldv"\. Hãy kiểm tra ổ đĩa hoặc USB/,
      );
      expect(log).toContain('rm qldv.qldv.partial');
      expect(await readFile(target, 'utf8')).toBe('the good old copy');
      expect(await readdir(dir)).toEqual(['qldv.qldv']);
    },
  );

  it('overwrites an existing file and keeps the original error as the cause of a failure', async () => {
    const target = path.join(dir, 'a.qldv');
    await writeFile(target, 'old');
    await nodeFileStore.writeAtomically(target, bytes);
    expect(new Uint8Array(await readFile(target))).toEqual(bytes);

    const folderInTheWay = path.join(dir, 'folder.qldv');
    await mkdir(folderInTheWay);
    const failure = (await writeFileAtomically(folderInTheWay, bytes).then(
      () => undefined,
      (error: unknown) => error,
    )) as Error;
    expect(failure).toBeInstanceOf(Error);
    expect(failure.cause).toBeDefined();
    expect(await readdir(dir)).not.toContain(path.basename(partialPathFor(folderInTheWay)));
  });
});

describe('reading a file', () => {
  it('returns the bytes of a file', async () => {
    const file = path.join(dir, 'ds.xlsx');
    await writeFile(file, bytes);
    expect(new Uint8Array(await readFileBytes(file))).toEqual(bytes);
  });

  it('refuses a folder and a file too large to be ours', async () => {
    await expect(readFileBytes(dir)).rejects.toThrow('không phải là một tệp');
    const huge = path.join(dir, 'disk.img');
    await writeFile(huge, '');
    await truncate(huge, MAX_OPEN_FILE_BYTES + 1); // sparse: no real disk space used
    await expect(readFileBytes(huge)).rejects.toThrow('quá lớn');
  });
});

describe('file:save and file:open handlers', () => {
  function fakeDialogs(savePath: string | null, openPath: string | null) {
    return {
      chooseSavePath: vi.fn<FileDialogs['chooseSavePath']>(() => Promise.resolve(savePath)),
      chooseOpenPath: vi.fn<FileDialogs['chooseOpenPath']>(() => Promise.resolve(openPath)),
    };
  }
  const filters = [{ name: 'Tệp đồng bộ', extensions: ['qldv'] }];

  it('saves where the user chose and says where', async () => {
    const target = path.join(dir, 'chosen.qldv');
    const dialogs = fakeDialogs(target, null);
    registerFileHandlers(fakeIpcMain, dialogs);
    const result = await ipcMain.invoke('file:save', appEvent, {
      bytes,
      suggestedName: 'qldv.qldv',
      filters,
    });
    expect(result).toEqual({ saved: true, path: target });
    expect(dialogs.chooseSavePath).toHaveBeenCalledWith('qldv.qldv', filters);
    expect(new Uint8Array(await readFile(target))).toEqual(bytes);
    expect(await readdir(dir)).toEqual(['chosen.qldv']);
  });

  it('writes nothing when the user cancels the save dialog', async () => {
    registerFileHandlers(fakeIpcMain, fakeDialogs(null, null));
    await expect(
      ipcMain.invoke('file:save', appEvent, { bytes, suggestedName: 'qldv.qldv' }),
    ).resolves.toEqual({
      saved: false,
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it('opens the chosen file and returns its name and bytes', async () => {
    const source = path.join(dir, 'Danh sách đảng viên.xlsx');
    await writeFile(source, bytes);
    const dialogs = fakeDialogs(null, source);
    registerFileHandlers(fakeIpcMain, dialogs);
    const opened = (await ipcMain.invoke('file:open', appEvent, { filters })) as {
      name: string;
      bytes: Uint8Array;
    };
    expect(opened.name).toBe('Danh sách đảng viên.xlsx');
    expect(new Uint8Array(opened.bytes)).toEqual(bytes);
    expect(dialogs.chooseOpenPath).toHaveBeenCalledWith(filters);
  });

  it('answers null when the user cancels the open dialog', async () => {
    registerFileHandlers(fakeIpcMain, fakeDialogs(null, null));
    await expect(ipcMain.invoke('file:open', appEvent)).resolves.toBeNull();
  });
});

describe('the Electron dialogs', () => {
  const parent = { id: 1 } as unknown as BrowserWindow;
  const dialogs = () => electronFileDialogs(dialog, () => parent);

  it('offers the suggested name and filters, modal to the main window', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/media/usb/qldv.qldv' });
    const filters = [{ name: 'Tệp đồng bộ', extensions: ['qldv'] }];
    await expect(dialogs().chooseSavePath('qldv.qldv', filters)).resolves.toBe('/media/usb/qldv.qldv');
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(
      parent,
      expect.objectContaining({ defaultPath: 'qldv.qldv', filters }),
    );
  });

  it('turns a cancelled dialog into null', async () => {
    await expect(dialogs().chooseSavePath('a.qldv')).resolves.toBeNull();
    await expect(dialogs().chooseOpenPath()).resolves.toBeNull();
  });

  it('opens exactly one file', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/media/usb/ds.xlsx'] });
    await expect(dialogs().chooseOpenPath([{ name: 'Excel', extensions: ['xlsx'] }])).resolves.toBe(
      '/media/usb/ds.xlsx',
    );
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(
      parent,
      expect.objectContaining({ properties: ['openFile'] }),
    );
  });

  it('still works before the main window exists', async () => {
    await electronFileDialogs(dialog, () => null).chooseOpenPath();
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(expect.objectContaining({ filters: [] }));
  });
});
