/**
 * Opens the database and this install's identity: node id and dataset id (created on first run),
 * device and user names, and the hybrid logical clock resumed from its last persisted stamp.
 */
import { HybridLogicalClock, randomNodeId } from '@shared/sync/hlc';
import { QldvDatabase, type MetaKey } from './database';
import { WriteHold } from './writeHold';
import type { ClockGuard } from './writeGuard';

export interface Identity {
  nodeId: string;
  datasetId: string;
  deviceName: string;
  userName: string;
}

export const DEFAULT_DEVICE_NAME = 'Máy văn phòng';
export const DEFAULT_USER_NAME = 'Cán bộ văn phòng';

export class DataStore {
  /**
   * The clock guard asked by `commit()` before every save (writeGuard.ts), installed by the app at
   * boot. Null in tests, simulations and benchmarks, whose virtual clocks jump on purpose.
   */
  clockGuard: ClockGuard | null = null;
  /** Holds saves while a sync export reads the database (writeHold.ts). */
  readonly writeHold = new WriteHold();

  constructor(
    readonly db: QldvDatabase,
    readonly clock: HybridLogicalClock,
    public identity: Identity,
  ) {}

  async setMeta(key: MetaKey, value: unknown): Promise<void> {
    await this.db.meta.put({ key, value });
  }

  async getMeta<T>(key: MetaKey): Promise<T | undefined> {
    return (await this.db.meta.get(key))?.value as T | undefined;
  }

  /** Renames this laptop or its user; the names go into every journal line written after. */
  async setNames(names: Partial<Pick<Identity, 'deviceName' | 'userName'>>): Promise<void> {
    await this.db.transaction('rw', this.db.meta, async () => {
      if (names.deviceName !== undefined) await this.setMeta('deviceName', names.deviceName);
      if (names.userName !== undefined) await this.setMeta('userName', names.userName);
    });
    this.identity = { ...this.identity, ...names };
  }

  close(): void {
    this.db.close();
  }
}

export interface OpenOptions {
  name?: string;
  wallClock?: () => number;
}

export async function openDataStore({ name = 'qldv', wallClock = Date.now }: OpenOptions = {}): Promise<DataStore> {
  const db = new QldvDatabase(name);
  await db.open();
  const identity = await db.transaction('rw', db.meta, async () => {
    const entries = new Map((await db.meta.toArray()).map((e) => [e.key, e.value]));
    const ensure = async (key: MetaKey, make: () => string): Promise<string> => {
      const existing = entries.get(key);
      if (typeof existing === 'string' && existing) return existing;
      const value = make();
      await db.meta.put({ key, value });
      entries.set(key, value);
      return value;
    };
    await ensure('createdAt', () => new Date(wallClock()).toISOString());
    return {
      nodeId: await ensure('nodeId', () => randomNodeId()),
      datasetId: await ensure('datasetId', () => crypto.randomUUID()),
      deviceName: await ensure('deviceName', () => DEFAULT_DEVICE_NAME),
      userName: await ensure('userName', () => DEFAULT_USER_NAME),
      clockLast: entries.get('clock') as string | undefined,
    };
  });
  const { clockLast, ...rest } = identity;
  const clock = new HybridLogicalClock(rest.nodeId, clockLast, wallClock);
  return new DataStore(db, clock, rest);
}
