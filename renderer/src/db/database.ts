/**
 * The one Dexie database of the app (Dexie's own advice: one subclass declares the schema and
 * its versions in one place). Screens read through `useLiveQuery`; every write goes through
 * `commit()` in writePath.ts, never through `table.put` directly.
 */
import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import type { StoredRecord, FieldChange, EditKind } from '@shared/sync/record';
import type { SyncConflict } from '@shared/sync/mergeBundle';
import { isTemporaryTransfer, TRANSFER_EVENT_TYPES } from './derived';

/** Tables whose records travel in sync files (UUID keys, sync envelope, per-field clocks). */
export const SYNCED_TABLES = ['organizations', 'members', 'memberEvents', 'memberPhotos', 'settings'] as const;
export type SyncedTableName = (typeof SYNCED_TABLES)[number];

/** Local key-value facts about this install: identity, clock, first-run state. Never synced. */
export interface MetaEntry {
  key: MetaKey;
  value: unknown;
}
export type MetaKey =
  | 'nodeId'
  | 'datasetId'
  | 'deviceName'
  | 'userName'
  | 'clock'
  // The clock guard (renderer/src/db/writeGuard.ts): the computer's clock (epoch ms) at the newest local save.
  | 'clockGuardLastSave'
  | 'createdAt'
  | 'setupCompletedAt'
  // Sync (renderer/src/db/sync.ts): held-effects vector, peers' known vectors, imported file ids.
  | 'syncVV'
  | 'syncPeers'
  | 'syncImports'
  // The office (renderer/src/features/sync/office.ts): the non-extractable office CryptoKey, its
  // passphrase wrapping, key id and set-up time; and the files this laptop sent (syncSent).
  | 'officeKey'
  | 'officeKeyWrapped'
  | 'officeKeyId'
  | 'officeJoinedAt'
  | 'syncSent'
  // Backups (renderer/src/db/backup.ts): what each backup file of this laptop holds, for the list.
  | 'backupCatalog';

/** One audit line per record a write touched: who, on which laptop, when, which fields, old → new. */
export interface JournalEntry {
  seq?: number;
  /** Wall-clock time of the write (ISO). */
  at: string;
  /** The HLC stamp the write gave to the fields it changed. */
  hlc: string;
  table: SyncedTableName;
  recordId: string;
  /**
   * A bulk creation's one line (writePath.ts, `create` operations: an Excel import; a sync import's
   * creations, sync.ts) names every record it created here; `recordId` is then the first of them.
   * Not indexed (database version 6): a record's history finds the line through `createdStamps`.
   */
  recordIds?: string[];
  /**
   * On a bulk creation's line only (with `recordIds`): the distinct creation stamps (`_h`) of the
   * records it names, indexed (multi-entry, sparse), so a record's history finds its creation line
   * from the record's own `_h` (journalLookup.ts `creationLines`). One value for a local bulk
   * creation (all its records have the action's stamp); a sync import's line groups the records one
   * laptop created, one value per action that created them there (one for an Excel import).
   */
  createdStamps?: string[];
  kind: EditKind;
  /**
   * The fields the write changed, and their old → new values. Left out for creations: every field
   * the record had at its creation stamp is new, and the values are the record itself.
   */
  fields?: string[];
  changes?: FieldChange[];
  user: string;
  deviceName: string;
  nodeId: string;
  /** `local` for edits made here; `sync` for edits applied from a sync file. */
  source: 'local' | 'sync';
}

/** A sync conflict as stored (shared/sync/mergeBundle.ts `SyncConflict`). */
export type StoredSyncConflict = SyncConflict & { seq?: number };

export class QldvDatabase extends Dexie {
  organizations!: Table<StoredRecord, string>;
  members!: Table<StoredRecord, string>;
  memberEvents!: Table<StoredRecord, string>;
  memberPhotos!: Table<StoredRecord, string>;
  settings!: Table<StoredRecord, string>;
  meta!: EntityTable<MetaEntry, 'key'>;
  journal!: EntityTable<JournalEntry, 'seq'>;
  /** Concurrent edits found by sync imports, for the office to review (sync.md "Model"). */
  syncConflicts!: EntityTable<StoredSyncConflict, 'seq'>;

  constructor(name = 'qldv') {
    super(name);
    // Version 1. Synced fields are additive only (sync.md "Schema changes"); a new index or table
    // is a new version below this one, never an edit of it.
    this.version(1).stores({
      organizations: 'id, parentId, [deleted+type], _maxHlc',
      // `_nameKey` is derived by the write path: the register's first page comes sorted from it.
      members:
        'id, organizationId, [deleted+status], [deleted+organizationId], [deleted+_nameKey], partyCardNumber, citizenId, dossierNumber, _maxHlc',
      memberEvents: 'id, memberId, [memberId+date], type, date, _maxHlc',
      // One photo per member, keyed by the member's id; apart so register reads stay light.
      memberPhotos: 'id, _maxHlc',
      settings: 'id, _maxHlc',
      meta: 'key',
      // Only what the history screens query: a record's lines, in write order (seq).
      journal: '++seq, recordId',
    });
    // Version 2: the sync conflicts list, newest first by seq, per record, and open ones by `resolved`;
    // deleted events by member.
    this.version(2).stores({
      syncConflicts: '++seq, [table+recordId], resolved',
      // Events deleted on their own, for the recycle bin, without reading every event.
      memberEvents: 'id, memberId, [memberId+date], type, date, _maxHlc, [deleted+memberId]',
    });
    // Version 3: a bulk creation's journal line found from any record it created (its `recordIds`;
    // version 6 replaces this index).
    this.version(3).stores({ journal: '++seq, recordId, *recordIds' });
    // Version 4: the secondary indexes no query reads are dropped (docs/decisions.md "Data core",
    // index audit): every index costs a write per record, and an import or a load writes them all.
    // Gone: organizations.parentId, members.organizationId and dossierNumber, memberEvents
    // [memberId+date] and date, and `_maxHlc` everywhere (the field stays: delta exports read every
    // record); memberEvents.memberId too: a member's events are read through [deleted+memberId]
    // (`deleted` is always 0 or 1). Kept: each index a query names (grep `where(`, `orderBy(`).
    // Temporary transfers (today's counts) get a sparse index on the derived `_temporaryTransfer`
    // (derived.ts), filled here through the `type` index, which version 5 then drops: an entry per
    // temporary transfer instead of one per event.
    this.version(4)
      .stores({
        organizations: 'id, [deleted+type]',
        members: 'id, [deleted+status], [deleted+organizationId], [deleted+_nameKey], partyCardNumber, citizenId',
        memberEvents: 'id, type, [deleted+memberId], _temporaryTransfer',
        memberPhotos: 'id',
        settings: 'id',
      })
      .upgrade((tx) =>
        tx
          .table<StoredRecord, string>('memberEvents')
          .where('type')
          .anyOf([...TRANSFER_EVENT_TYPES])
          .modify((event) => {
            if (isTemporaryTransfer(event)) event._temporaryTransfer = 1;
          }),
      );
    this.version(5).stores({ memberEvents: 'id, [deleted+memberId], _temporaryTransfer' });
    // Version 6: a bulk creation's line is found by its records' creation stamp (`createdStamps`,
    // usually one value a line) instead of by every id it names (`*recordIds`: 10,000–300,000
    // index keys a line, which an import paid for on the main thread; docs/decisions.md "Data
    // core"). The upgrade gives the existing bulk lines their records' stamps.
    this.version(6)
      .stores({ journal: '++seq, recordId, *createdStamps' })
      .upgrade((tx) => addCreatedStamps(tx));
  }

  syncedTable(name: SyncedTableName): Table<StoredRecord, string> {
    return this[name];
  }
}

/** Ids read per `bulkGet` by the version 6 upgrade: a sync import's line may name 300,000 records. */
const UPGRADE_CHUNK = 5_000;

/**
 * Version 6's upgrade: every journal line that names the records it created (`recordIds`) gets
 * the distinct creation stamps (`_h`) of those records, read from its table. Records no longer
 * stored are skipped; a line whose records are all gone gets no `createdStamps`.
 */
async function addCreatedStamps(tx: Transaction): Promise<void> {
  const journal = tx.table<JournalEntry, number>('journal');
  // The upgrade runs with version 6's schema: `recordIds` is no longer indexed, so a filter.
  const bulkLines = await journal.filter((line) => Array.isArray(line.recordIds)).toArray();
  for (const line of bulkLines) {
    const table = tx.table<StoredRecord, string>(line.table);
    const stamps = new Set<string>();
    const ids = line.recordIds!;
    for (let start = 0; start < ids.length; start += UPGRADE_CHUNK)
      for (const record of await table.bulkGet(ids.slice(start, start + UPGRADE_CHUNK)))
        if (record) stamps.add(record._h);
    if (stamps.size) await journal.update(line.seq!, { createdStamps: [...stamps] });
  }
}
