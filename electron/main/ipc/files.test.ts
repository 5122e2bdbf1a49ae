import { mkdir, mkdtemp, open, readdir, readFile, rename, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { dialog, ipcMain, resetElectronMock } from '../../../tests/setup/electron-mock';
import {
  chooseDefaultPath,
  electronFileDialogs,
  MAX_OPEN_FILE_BYTES,
  nodeFileStore,
  partialPathFor,
  readBackFailedMessage,
  readFileBytes,
  registerFileHandlers,
  writeAndVerify,
  writeFileAtomically,
  type AtomicWriteFs,
  type DefaultPathChoice,
  type FileDialogs,
  type ReadBackFs,
  type SaveLocations,
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

describe('reading the file back after writing it', () => {
  /** The real disk, except that what comes back is changed by `alter`. */
  function stick(alter: (written: Uint8Array) => Uint8Array | Promise<Uint8Array>): ReadBackFs {
    return {
      readFile: async (file) => alter(new Uint8Array(await readFile(file))),
      rm: (file, options) => rm(file, options),
    };
  }
  const flipOneBit = (b: Uint8Array) => {
    const copy = b.slice();
    copy[copy.length >> 1]! ^= 0x01;
    return copy;
  };

  it('keeps a file that reads back exactly as sent', async () => {
    const target = path.join(dir, 'tot.qldv');
    await writeAndVerify(target, bytes);
    expect(new Uint8Array(await readFile(target))).toEqual(bytes);
    expect(await readdir(dir)).toEqual(['tot.qldv']);
  });

  it.each([
    ['a byte short', (b: Uint8Array) => b.subarray(0, b.length - 1)],
    ['empty', () => new Uint8Array(0)],
    ['one bit flipped (same length)', flipOneBit],
    ['a byte too many', (b: Uint8Array) => new Uint8Array([...b, 0])],
    ['unreadable', () => Promise.reject(Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' }))],
  ])('deletes the file and says so when it reads back %s', async (_label, alter) => {
    const target = path.join(dir, 'QLDV-May-1.qldv');
    await writeFile(target, 'the old copy');
    const failure = (await writeAndVerify(target, bytes, undefined, stick(alter)).then(
      () => undefined,
      (error: unknown) => error,
    )) as Error;
    expect(failure).toBeInstanceOf(Error);
    expect(failure.message).toBe(readBackFailedMessage(target));
    expect(failure.message).toMatch(/^Tệp "QLDV-May-1\.qldv" ghi ra USB hoặc ổ đĩa bị lỗi khi đọc lại/);
    expect(failure.message).toContain('hãy thử USB khác');
    expect(await readdir(dir)).toEqual([]);
  });

  it('keeps the read error as the cause', async () => {
    const failure = (await writeAndVerify(
      path.join(dir, 'a.qldv'),
      bytes,
      undefined,
      stick(() => Promise.reject(new Error('EIO'))),
    ).catch((error: unknown) => error)) as Error;
    expect((failure.cause as Error).message).toBe('EIO');
  });

  it('is what the real file store does', async () => {
    const target = path.join(dir, 'that.xlsx');
    await nodeFileStore.writeAtomically(target, bytes);
    expect(new Uint8Array(await readFile(target))).toEqual(bytes);
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
    expect(result).toEqual({ saved: true, path: target, verified: true });
    expect(dialogs.chooseSavePath).toHaveBeenCalledWith('qldv.qldv', filters, {
      preferRemovableDrive: false,
    });
    expect(new Uint8Array(await readFile(target))).toEqual(bytes);
    expect(await readdir(dir)).toEqual(['chosen.qldv']);
  });

  it('asks the dialog for the USB stick when the request prefers it', async () => {
    const dialogs = fakeDialogs(path.join(dir, 'usb.qldv'), null);
    registerFileHandlers(fakeIpcMain, dialogs);
    await ipcMain.invoke('file:save', appEvent, {
      bytes,
      suggestedName: 'usb.qldv',
      preferRemovableDrive: true,
    });
    expect(dialogs.chooseSavePath).toHaveBeenCalledWith('usb.qldv', undefined, {
      preferRemovableDrive: true,
    });
  });

  it('fails with the read-back message and leaves no file when the stick gives back other bytes', async () => {
    const target = path.join(dir, 'hong.qldv');
    const failingStick: ReadBackFs = {
      readFile: async (file) => (await readFile(file)).subarray(1),
      rm: (file, options) => rm(file, options),
    };
    registerFileHandlers(fakeIpcMain, fakeDialogs(target, null), {
      ...nodeFileStore,
      writeAtomically: (file, data) => writeAndVerify(file, data, undefined, failingStick),
    });
    await expect(
      ipcMain.invoke('file:save', appEvent, { bytes, suggestedName: 'hong.qldv' }),
    ).rejects.toThrow('bị lỗi khi đọc lại để kiểm tra, nên đã bị xóa');
    expect(await readdir(dir)).toEqual([]);
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
    await expect(
      electronFileDialogs(dialog, () => parent, {
        removableDrives: () => Promise.resolve([]),
      }).chooseSavePath('qldv.qldv', filters),
    ).resolves.toBe('/media/usb/qldv.qldv');
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

describe('where the save dialog opens', () => {
  const base: DefaultPathChoice = {
    suggestedName: 'QLDV-May-1.qldv',
    preferRemovableDrive: true,
    drives: [],
    lastFolder: null,
    documents: null,
    pathApi: path.win32,
  };
  const documents = 'C:\\Users\\vp\\Documents';

  it.each<[string, Partial<DefaultPathChoice>, string]>([
    ['a stick plugged in', { drives: ['E:\\', 'F:\\'], documents }, 'E:\\QLDV-May-1.qldv'],
    [
      'a stick, the last folder elsewhere',
      { drives: ['E:\\'], lastFolder: 'C:\\Sao luu', documents },
      'E:\\QLDV-May-1.qldv',
    ],
    [
      'a stick, the last folder on it (any case)',
      { drives: ['E:\\', 'F:\\'], lastFolder: 'f:\\Dong bo' },
      'f:\\Dong bo\\QLDV-May-1.qldv',
    ],
    ['no stick: Documents', { documents }, 'C:\\Users\\vp\\Documents\\QLDV-May-1.qldv'],
    ['no stick: the last folder first', { lastFolder: 'D:\\QLDV', documents }, 'D:\\QLDV\\QLDV-May-1.qldv'],
    [
      'not a sync file: a stick is ignored',
      { preferRemovableDrive: false, drives: ['E:\\'], documents },
      'C:\\Users\\vp\\Documents\\QLDV-May-1.qldv',
    ],
    ['nothing known: just the name', {}, 'QLDV-May-1.qldv'],
    [
      'Linux stick',
      { pathApi: path.posix, drives: ['/media/vp/KINGSTON'], documents: '/home/vp/Documents' },
      '/media/vp/KINGSTON/QLDV-May-1.qldv',
    ],
    [
      'Linux: a folder named like the stick is not on it',
      { pathApi: path.posix, drives: ['/media/vp/A'], lastFolder: '/media/vp/AB' },
      '/media/vp/A/QLDV-May-1.qldv',
    ],
  ])('%s', (_label, change, expected) => {
    expect(chooseDefaultPath({ ...base, ...change })).toBe(expected);
  });

  function locations(change: Partial<SaveLocations> = {}) {
    return {
      removableDrives: vi.fn(() => Promise.resolve(['E:\\'])),
      documentsFolder: vi.fn((): string | null => documents),
      isFolder: vi.fn(() => Promise.resolve(true)),
      pathApi: path.win32,
      ...change,
    };
  }
  const defaultPathOfCall = (n: number) =>
    (dialog.showSaveDialog.mock.calls[n]![1] as { defaultPath: string }).defaultPath;
  const parent = { id: 1 } as unknown as BrowserWindow;

  it('opens on the stick for a sync file and looks for sticks only then', async () => {
    const where = locations();
    const dialogs = electronFileDialogs(dialog, () => parent, where);
    await dialogs.chooseSavePath('a.qldv', undefined, { preferRemovableDrive: true });
    expect(defaultPathOfCall(0)).toBe('E:\\a.qldv');
    await dialogs.chooseSavePath('Danh sach.xlsx');
    expect(defaultPathOfCall(1)).toBe('C:\\Users\\vp\\Documents\\Danh sach.xlsx');
    expect(where.removableDrives).toHaveBeenCalledTimes(1);
  });

  it('remembers the folder of the last save for the session, while it exists', async () => {
    const isFolder = vi.fn((_folder: string) => Promise.resolve(true));
    const dialogs = electronFileDialogs(dialog, () => parent, locations({ isFolder }));
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: 'D:\\Bao cao\\a.pdf' });
    await dialogs.chooseSavePath('a.pdf');
    await dialogs.chooseSavePath('b.xlsx');
    expect(defaultPathOfCall(1)).toBe('D:\\Bao cao\\b.xlsx');
    expect(isFolder).toHaveBeenCalledWith('D:\\Bao cao');

    isFolder.mockResolvedValue(false); // the folder was on a stick that has been pulled
    await dialogs.chooseSavePath('c.xlsx');
    expect(defaultPathOfCall(2)).toBe('C:\\Users\\vp\\Documents\\c.xlsx');
  });

  it('a cancelled dialog changes no memory', async () => {
    const dialogs = electronFileDialogs(dialog, () => parent, locations());
    await dialogs.chooseSavePath('a.xlsx');
    await dialogs.chooseSavePath('b.xlsx');
    expect(defaultPathOfCall(1)).toBe('C:\\Users\\vp\\Documents\\b.xlsx');
  });

  it('still opens the dialog when detection or Documents fail', async () => {
    const dialogs = electronFileDialogs(
      dialog,
      () => parent,
      locations({
        removableDrives: () => Promise.reject(new Error('powershell crashed')),
        documentsFolder: () => {
          throw new Error('no documents');
        },
      }),
    );
    await dialogs.chooseSavePath('a.qldv', undefined, { preferRemovableDrive: true });
    expect(defaultPathOfCall(0)).toBe('a.qldv');
  });
});
