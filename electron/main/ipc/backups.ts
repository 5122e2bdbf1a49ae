/**
 * `backup:write`, `backup:list`, `backup:read`, `backup:remove`: the backup folder
 * `<userData>/backups/` (architecture.md: main does "backups to disk"). The renderer makes the
 * encrypted bytes (renderer/src/db/backup.ts); main only keeps them. Names are bare `.qldv` names
 * (the contract's pattern), and every path is checked again after resolving, so nothing reaches a
 * file outside the folder. Writes are atomic (`.partial`, flush, rename) and read back and compared,
 * like saved files: a backup the disk mangled is deleted and the backup fails, instead of a restore
 * finding it damaged later.
 */
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { IpcMain } from 'electron';
import { IpcChannel } from '@shared/ipc/channels';
import { BACKUP_NAME_PATTERN } from '@shared/ipc/contract';
import type { BackupFileInfo } from '@shared/platform';
import { handle } from './handle';
import { readFileBytes, writeAndVerify, type ReadBackFs } from './files';

export const BACKUP_FOLDER_NAME = 'backups';

/** The absolute path of a backup, or an error when the name could point anywhere else. */
export function backupPath(folder: string, name: string): string {
  const root = path.resolve(folder);
  const target = path.resolve(root, name);
  if (!BACKUP_NAME_PATTERN.test(name) || path.dirname(target) !== root || path.basename(target) !== name)
    throw new Error('Tên bản sao lưu không hợp lệ.');
  return target;
}

export interface BackupFolder {
  write(name: string, bytes: Uint8Array): Promise<void>;
  list(): Promise<BackupFileInfo[]>;
  read(name: string): Promise<Uint8Array>;
  remove(name: string): Promise<void>;
}

/** The backup folder on disk; created on the first write. `readBack` is for tests of a bad disk. */
export function backupFolder(folder: string, readBack?: ReadBackFs): BackupFolder {
  return {
    async write(name, bytes) {
      const target = backupPath(folder, name);
      await mkdir(folder, { recursive: true });
      await writeAndVerify(target, bytes, undefined, readBack);
    },
    async list() {
      let names: string[];
      try {
        names = await readdir(folder);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      const found: BackupFileInfo[] = [];
      for (const name of names) {
        // A `.partial` left by a write that died, or anything else put there by hand, is not a backup.
        if (!BACKUP_NAME_PATTERN.test(name)) continue;
        const info = await stat(path.join(folder, name)).catch(() => null);
        if (!info?.isFile()) continue;
        found.push({ name, size: info.size, modifiedAt: info.mtime.toISOString() });
      }
      return found.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    },
    async read(name) {
      const target = backupPath(folder, name);
      try {
        return await readFileBytes(target);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT')
          throw new Error(`Không tìm thấy bản sao lưu "${name}" (có thể đã bị xóa).`, { cause: error });
        throw error;
      }
    },
    async remove(name) {
      await rm(backupPath(folder, name), { force: true });
    },
  };
}

export function registerBackupHandlers(ipcMain: Pick<IpcMain, 'handle'>, folder: BackupFolder): void {
  handle(ipcMain, IpcChannel.backupWrite, async ({ name, bytes }) => {
    await folder.write(name, bytes);
    return undefined;
  });
  handle(ipcMain, IpcChannel.backupList, () => folder.list());
  handle(ipcMain, IpcChannel.backupRead, ({ name }) => folder.read(name));
  handle(ipcMain, IpcChannel.backupRemove, async ({ name }) => {
    await folder.remove(name);
    return undefined;
  });
}
