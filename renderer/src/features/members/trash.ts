/**
 * "Xóa (nhập nhầm)" and "Khôi phục": a file entered by mistake goes to the recycle bin with its
 * events, in one commit (tombstones that travel by sync); a restore brings back the member and the
 * events deleted in that same action — events deleted on their own stay deleted. A member leaving
 * the Party is never deleted: that is a lifecycle event.
 */
import type { StoredRecord } from '@shared/sync/record';
import { commit } from '../../db/writePath';
import type { DataStore } from '../../db/store';

const deletedStamp = (record: StoredRecord) => record._v.deleted;

export async function deleteMember(store: DataStore, memberId: string): Promise<void> {
  const events = await store.db.memberEvents.where('[deleted+memberId]').equals([0, memberId]).toArray();
  await commit(store, [
    { table: 'members', kind: 'delete', ids: [memberId] },
    { table: 'memberEvents', kind: 'delete', ids: events.map((e) => e.id) },
  ]);
}

export async function restoreMember(store: DataStore, memberId: string): Promise<void> {
  const member = await store.db.members.get(memberId);
  if (!member) return;
  const stamp = deletedStamp(member);
  const events = await store.db.memberEvents
    .where('[deleted+memberId]')
    .equals([1, memberId])
    .filter((e) => deletedStamp(e) === stamp)
    .toArray();
  await commit(store, [
    { table: 'members', kind: 'restore', ids: [memberId] },
    { table: 'memberEvents', kind: 'restore', ids: events.map((e) => e.id) },
  ]);
}
