/**
 * The backup folder of the browser adapter (dev:web, e2e, bench): a separate IndexedDB database,
 * `qldv-backups`, so a restore that replaces the app's database never touches its own backups.
 * Same rules as the Electron folder: bare `.qldv` names, one file per name, newest name first.
 */
import Dexie, { type EntityTable } from 'dexie';
import { BACKUP_NAME_PATTERN } from '@shared/ipc/contract';
import type { BackupFileInfo, BackupStore } from '@shared/platform';

interface StoredBackup extends BackupFileInfo {
  bytes: Uint8Array;
}

class BackupDatabase extends Dexie {
  files!: EntityTable<StoredBackup, 'name'>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ files: 'name' });
  }
}

function checkName(name: string): void {
  if (!BACKUP_NAME_PATTERN.test(name) || name.length > 120) throw new Error('Tên bản sao lưu không hợp lệ.');
}

export function createBrowserBackupStore(databaseName = 'qldv-backups', now: () => Date = () => new Date()): BackupStore {
  let db: BackupDatabase | undefined;
  const open = () => (db ??= new BackupDatabase(databaseName));
  return {
    async write({ name, bytes }) {
      checkName(name);
      // A copy: the caller's view may sit on a larger buffer, and IndexedDB clones the whole buffer.
      await open().files.put({ name, bytes: bytes.slice(), size: bytes.length, modifiedAt: now().toISOString() });
    },
    async list() {
      const rows: BackupFileInfo[] = [];
      // Keys and sizes only: the bytes of every backup are not read to list them.
      await open()
        .files.toCollection()
        .each(({ name, size, modifiedAt }) => {
          rows.push({ name, size, modifiedAt });
        });
      return rows.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    },
    async read({ name }) {
      checkName(name);
      const row = await open().files.get(name);
      if (!row) throw new Error(`Không tìm thấy bản sao lưu "${name}" (có thể đã bị xóa).`);
      return row.bytes;
    },
    async remove({ name }) {
      checkName(name);
      await open().files.delete(name);
    },
  };
}
