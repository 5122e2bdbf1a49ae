/** The sync screens in tests: laptops on fake-indexeddb, cheap Argon2, and a platform that hands files over. */
import { vi as mock } from 'vitest';
import type { BackupStore, OpenedFile, SaveFileRequest, SaveFileResult } from '@shared/platform';
import { TEST_KDF } from '@shared/sync/bundle/testing';
import { openDataStore, type DataStore } from '../../db/store';
import { commit, upsert, type Draft } from '../../db/writePath';
import { setPlatformForTests } from '../../platform';
import { createBrowserBackupStore } from '../../platform/browserBackups';
import { wardRecord } from '../onboarding/setup';
import { renderRoutes } from '../members/testing';
import { SyncPage } from './SyncPage';
import { setOfficeKdfForTests } from './office';
import { SYNCED_TABLES } from '../../db/database';

export const GOOD_PASSPHRASE = 'Chi bộ họp ngày mùng 5 hằng tháng';

export interface FakeHost {
  saved: SaveFileRequest[];
  /** What `saveFile` answers (default: saved, nothing more known, like a bare host). */
  saveResult: SaveFileResult;
  /** The next files `openFile` returns, in order (null: the user cancelled). */
  toOpen: (OpenedFile | null)[];
  /** The backup folder (a fresh IndexedDB database per host). */
  backups: BackupStore;
}

/** Installs a platform whose dialogs are scripted, and the test Argon2 cost. */
export function fakeHost(): FakeHost {
  const host: FakeHost = {
    saved: [],
    saveResult: { saved: true },
    toOpen: [],
    backups: createBrowserBackupStore(`backups-${crypto.randomUUID()}`),
  };
  setOfficeKdfForTests(TEST_KDF);
  setPlatformForTests({
    backups: host.backups,
    saveFile: (request: SaveFileRequest) => {
      host.saved.push(request);
      return Promise.resolve(host.saveResult);
    },
    openFile: () => Promise.resolve(host.toOpen.shift() ?? null),
    print: mock.fn(() => Promise.resolve()),
    savePdf: mock.fn(() => Promise.resolve({ saved: false })),
    appInfo: () =>
      Promise.resolve({ version: '1.0.0-test', platform: 'web', dataFolder: '', host: 'browser' }),
  });
  return host;
}

export function resetHost(): void {
  setOfficeKdfForTests(undefined);
  setPlatformForTests(undefined);
}

/** A laptop after "Bắt đầu": only its ward committee record, untouched. */
export async function freshLaptop(deviceName: string): Promise<DataStore> {
  const store = await openDataStore({ name: `sync-ui-${crypto.randomUUID()}` });
  await commit(store, [upsert('organizations', [wardRecord('Đảng bộ phường Mới') as unknown as Draft])]);
  await store.setNames({ deviceName });
  await store.setMeta('setupCompletedAt', new Date().toISOString());
  return store;
}

export function renderSync(store: DataStore) {
  return renderRoutes(store, [{ path: '/dong-bo', element: <SyncPage /> }], '/dong-bo');
}

/** Every synced row, the meta entries and the conflicts: to check that a refusal changed nothing. */
export async function snapshot(store: DataStore): Promise<string> {
  const tables = await Promise.all(SYNCED_TABLES.map((t) => store.db.syncedTable(t).toArray()));
  const meta = (await store.db.meta.toArray()).filter((m) => m.key !== 'officeKey');
  const conflicts = await store.db.syncConflicts.toArray();
  const journal = await store.db.journal.count();
  return JSON.stringify({ tables, meta, conflicts, journal });
}
