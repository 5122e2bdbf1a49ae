import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ipcMain, resetElectronMock } from '../../../tests/setup/electron-mock';
import { backupFolder, backupPath, registerBackupHandlers } from './backups';

const appEvent = { senderFrame: { url: 'app://qldv/index.html' } };
const foreignEvent = { senderFrame: { url: 'https://example.com/' } };
const fakeIpcMain = ipcMain as unknown as Parameters<typeof registerBackupHandlers>[0];
const bytes = new TextEncoder().encode('bản sao lưu đã mã hóa');
const NAME = 'QLDV-sao-luu-2026-11-26-143005-thu-cong.qldv';

let root: string;
let folder: string;
beforeEach(async () => {
  resetElectronMock();
  root = await mkdtemp(path.join(tmpdir(), 'qldv-backups-'));
  folder = path.join(root, 'userData', 'backups');
  registerBackupHandlers(fakeIpcMain, backupFolder(folder));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the backup folder over IPC', () => {
  it('writes a backup into <userData>/backups (creating it), lists it, reads it back and removes it', async () => {
    expect(await ipcMain.invoke('backup:list', appEvent)).toEqual([]);
    await ipcMain.invoke('backup:write', appEvent, { name: NAME, bytes });
    expect(await readdir(folder)).toEqual([NAME]);
    const [listed] = (await ipcMain.invoke('backup:list', appEvent)) as { name: string; size: number; modifiedAt: string }[];
    expect(listed).toMatchObject({ name: NAME, size: bytes.length });
    expect(Number.isNaN(Date.parse(listed!.modifiedAt))).toBe(false);
    expect(new Uint8Array((await ipcMain.invoke('backup:read', appEvent, { name: NAME })) as Uint8Array)).toEqual(bytes);
    await ipcMain.invoke('backup:remove', appEvent, { name: NAME });
    expect(await readdir(folder)).toEqual([]);
  });

  it('lists newest name first and skips partial files and anything else in the folder', async () => {
    await mkdir(folder, { recursive: true });
    const older = 'QLDV-sao-luu-2026-11-20-080000-tu-dong.qldv';
    await writeFile(path.join(folder, older), bytes);
    await writeFile(path.join(folder, NAME), bytes);
    await writeFile(path.join(folder, `${NAME}.partial`), bytes);
    await writeFile(path.join(folder, 'ghi chu.txt'), 'x');
    await mkdir(path.join(folder, 'thu-muc.qldv'));
    const names = ((await ipcMain.invoke('backup:list', appEvent)) as { name: string }[]).map((f) => f.name);
    expect(names).toEqual([NAME, older]);
  });

  it('replaces a backup of the same name whole, leaving no partial file', async () => {
    await ipcMain.invoke('backup:write', appEvent, { name: NAME, bytes: new Uint8Array([1, 2, 3, 4, 5, 6]) });
    await ipcMain.invoke('backup:write', appEvent, { name: NAME, bytes });
    expect(new Uint8Array(await readFile(path.join(folder, NAME)))).toEqual(bytes);
    expect(await readdir(folder)).toEqual([NAME]);
  });

  it('deletes a backup the disk gives back different and says so, so no damaged backup is listed', async () => {
    const mangling = backupFolder(folder, {
      readFile: async (p) => {
        const written = new Uint8Array(await readFile(p));
        written[3] = written[3]! ^ 0x01;
        return written;
      },
      rm: (p, options) => rm(p, options),
    });
    await expect(mangling.write(NAME, bytes)).rejects.toThrow(/bị lỗi khi đọc lại để kiểm tra/);
    expect(await readdir(folder)).toEqual([]);
    expect(await mangling.list()).toEqual([]);
  });

  it('says in Vietnamese when a backup is gone', async () => {
    await expect(ipcMain.invoke('backup:read', appEvent, { name: NAME })).rejects.toThrow(/Không tìm thấy bản sao lưu/);
  });

  it.each([
    ['a parent folder', '../evil.qldv'],
    ['an absolute path', path.join(tmpdir(), 'evil.qldv')],
    ['a sub-folder', 'x/evil.qldv'],
    ['a Windows separator', '..\\evil.qldv'],
    ['another extension', 'evil.exe'],
  ])('refuses %s before touching the disk', async (_label, name) => {
    await expect(ipcMain.invoke('backup:write', appEvent, { name, bytes })).rejects.toThrow();
    await expect(ipcMain.invoke('backup:read', appEvent, { name })).rejects.toThrow();
    await expect(ipcMain.invoke('backup:remove', appEvent, { name })).rejects.toThrow();
    // Nothing was written anywhere: not even the backup folder was made.
    expect(await readdir(root)).toEqual([]);
  });

  it('refuses a sender that is not the app', async () => {
    await expect(ipcMain.invoke('backup:list', foreignEvent)).rejects.toThrow(/nguồn gửi/);
  });
});

describe('backupPath', () => {
  it.each(['..', '.', '', 'a/../../b.qldv', 'C:\\x.qldv'])('refuses %j', (name) => {
    expect(() => backupPath('/data/backups', name)).toThrow('Tên bản sao lưu không hợp lệ.');
  });
  it('resolves a good name inside the folder', () => {
    expect(backupPath('/data/backups', NAME)).toBe(path.resolve('/data/backups', NAME));
  });
});
