/**
 * The time of a backup and a restore at a given size, on fake-indexeddb (Node): run by hand,
 *   BACKUP_MEASURE=100000 npx vitest run --project renderer renderer/src/features/backup/backup.measure.test.ts
 * Skipped otherwise (it seeds the demo ward at that size, which takes minutes). It still checks
 * that the restored laptop holds exactly what was backed up.
 */
import { describe, expect, it } from 'vitest';
import { generateDemoWard } from '@shared/demo/generator';
import { HybridLogicalClock } from '@shared/sync/hlc';
import { stampEdit, type StoredRecord } from '@shared/sync/record';
import { setUpOfficeKey } from '@shared/sync/bundle';
import { TEST_KDF } from '@shared/sync/bundle/testing';
import { restoreBackupContent } from '../../db/backup';
import type { JournalEntry, SyncedTableName } from '../../db/database';
import { withDerivedFields } from '../../db/derived';
import { openDataStore } from '../../db/store';
import { createBrowserBackupStore } from '../../platform/browserBackups';
import { openBackup, takeBackup } from './backups';

const SIZE = Number(process.env.BACKUP_MEASURE ?? 0);

describe.skipIf(!SIZE)(`backup and restore of the demo ward at ${SIZE} members`, () => {
  it('measures', async () => {
    const store = await openDataStore({ name: `measure-${crypto.randomUUID()}` });
    const demo = generateDemoWard({ seed: 20250701, memberCount: SIZE, asOf: '2025-11-26' });
    const clock = new HybridLogicalClock(store.identity.nodeId, undefined);
    const stamp = clock.now();
    const t0 = performance.now();
    const tables: [SyncedTableName, object[]][] = [
      ['organizations', demo.organizations],
      ['members', demo.members],
      ['memberEvents', demo.events],
    ];
    let seq = 0;
    for (const [table, records] of tables) {
      for (let i = 0; i < records.length; i += 5000) {
        const rows: StoredRecord[] = records
          .slice(i, i + 5000)
          .map((r) => withDerivedFields(table, stampEdit(undefined, r as StoredRecord, stamp)!.record));
        const journal: JournalEntry[] = rows.map((r) => ({
          seq: ++seq,
          at: '2025-11-26T08:00:00.000Z',
          hlc: stamp,
          table,
          recordId: r.id,
          kind: 'create',
          user: 'Cán bộ văn phòng',
          deviceName: 'Máy Văn phòng 1',
          nodeId: store.identity.nodeId,
          source: 'local',
        }));
        await store.db.transaction('rw', store.db.syncedTable(table), store.db.journal, async () => {
          await store.db.syncedTable(table).bulkPut(rows);
          await store.db.journal.bulkPut(journal);
        });
      }
    }
    await store.setMeta('clock', stamp);
    const seedMs = performance.now() - t0;
    const key = await setUpOfficeKey('Chi bộ họp ngày mùng 5 hằng tháng', TEST_KDF);
    const backups = createBrowserBackupStore(`measure-backups-${crypto.randomUUID()}`);

    const t1 = performance.now();
    const entry = await takeBackup(store, key, { reason: 'manual', appVersion: 'measure', backups });
    const backupMs = performance.now() - t1;

    const bytes = await backups.read({ name: entry.name });
    const t2 = performance.now();
    const opened = await openBackup(bytes, { office: key });
    const openMs = performance.now() - t2;
    const t3 = performance.now();
    await restoreBackupContent(store, opened.content);
    const restoreMs = performance.now() - t3;

    expect(await store.db.members.count()).toBe(demo.members.length);
    expect(await store.db.memberEvents.count()).toBe(demo.events.length);
    expect(await store.db.journal.count()).toBe(seq);
    const figures = {
      members: demo.members.length,
      events: demo.events.length,
      journal: seq,
      seedMs: Math.round(seedMs),
      backupMs: Math.round(backupMs),
      fileBytes: entry.bytes,
      openMs: Math.round(openMs),
      restoreMs: Math.round(restoreMs),
    };
    console.log(`backup figures (fake-indexeddb): ${JSON.stringify(figures)}`);
    store.close();
  }, 3_600_000);
});
