import type { StoredRecord } from '@shared/sync/record';
import type { QldvDatabase } from '../../db/database';

/** The root of the tree (the ward committee), or undefined before the first run is finished. */
export function findWard(db: QldvDatabase): Promise<StoredRecord | undefined> {
  return db.organizations.where('[deleted+type]').equals([0, 'ward']).first();
}

/** Every organization that is not in the recycle bin. */
export function liveOrganizations(db: QldvDatabase): Promise<StoredRecord[]> {
  return db.organizations.where('[deleted+type]').between([0, ''], [0, '\uffff']).toArray();
}

/** Members not in the recycle bin whose organization is one of `organizationIds`. */
export function membersOf(db: QldvDatabase, organizationIds: readonly string[]): Promise<StoredRecord[]> {
  return db.members
    .where('[deleted+organizationId]')
    .anyOf(organizationIds.map((id) => [0, id]))
    .toArray();
}
