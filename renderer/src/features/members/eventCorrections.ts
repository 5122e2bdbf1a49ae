/**
 * Correcting a member's history: an event entered by mistake goes to the recycle bin, an event's
 * date, decision and note can be corrected, and a deleted event can be restored. Each is judged by
 * the shared rules on the whole history it leaves (lifecycle.ts `judgeHistoryChange`) and written as
 * ONE commit of the event and the member's state fields that change with it. A refusal is a
 * Vietnamese sentence and writes nothing.
 */
import { checkEvent } from '@shared/domain/eventRules';
import { judgeHistoryChange, type LifecycleRules } from '@shared/domain/lifecycle';
import type { IsoDate, MemberEvent } from '@shared/domain/types';
import { commit, upsert, type Draft, type WriteOp } from '../../db/writePath';
import type { DataStore } from '../../db/store';
import type { StoredEvent, StoredMember } from './memberQueries';

export class CorrectionRefused extends Error {
  override name = 'CorrectionRefused';
}

function memberOps(member: StoredMember, changes: Record<string, unknown>): WriteOp[] {
  return Object.keys(changes).length ? [upsert('members', [{ ...changes, id: member.id }])] : [];
}

function judged(member: StoredMember, before: readonly MemberEvent[], after: readonly MemberEvent[], rules: LifecycleRules) {
  const verdict = judgeHistoryChange(member, before, after, rules);
  if (!verdict.ok) throw new CorrectionRefused(verdict.reason);
  return verdict.changes as Record<string, unknown>;
}

/** "Xóa (nhập nhầm)": the event to the recycle bin, the member's state recomputed without it. */
export async function deleteEvent(
  store: DataStore,
  member: StoredMember,
  events: readonly StoredEvent[],
  eventId: string,
  rules: LifecycleRules,
): Promise<void> {
  const changes = judged(member, events, events.filter((e) => e.id !== eventId), rules);
  await commit(store, [{ table: 'memberEvents', kind: 'delete', ids: [eventId] }, ...memberOps(member, changes)]);
}

/** The fields of an event that a correction may change: what the paper says, not what happened. */
export interface EventCorrection {
  date: IsoDate;
  decisionNumber?: string;
  issuedBy?: string;
  note?: string;
}

/** "Sửa": the event's date, decision number, issuing body and note corrected. */
export async function correctEvent(
  store: DataStore,
  member: StoredMember,
  events: readonly StoredEvent[],
  eventId: string,
  correction: EventCorrection,
  rules: LifecycleRules,
  context: { today: IsoDate; badgeMilestones: readonly number[] },
): Promise<void> {
  const original = events.find((e) => e.id === eventId);
  if (!original) throw new CorrectionRefused('Không tìm thấy sự kiện này; có thể nó vừa bị xóa.');
  const corrected: MemberEvent = { ...original, ...correction };
  for (const key of ['decisionNumber', 'issuedBy', 'note'] as const) if (!corrected[key]) delete corrected[key];
  const { errors } = checkEvent(corrected, context);
  if (errors.length) throw new CorrectionRefused(errors.map((e) => e.message).join(' '));
  const changes = judged(member, events, events.map((e) => (e.id === eventId ? corrected : e)), rules);
  const patch: Draft = {
    id: eventId,
    date: corrected.date,
    decisionNumber: corrected.decisionNumber,
    issuedBy: corrected.issuedBy,
    note: corrected.note,
  };
  await commit(store, [upsert('memberEvents', [patch]), ...memberOps(member, changes)]);
}

/** "Khôi phục" of an event deleted on its own: back in the history if the history allows it. */
export async function restoreEvent(
  store: DataStore,
  eventId: string,
  rulesFor: (member: StoredMember) => LifecycleRules,
): Promise<void> {
  const event = (await store.db.memberEvents.get(eventId)) as unknown as StoredEvent | undefined;
  if (!event) throw new CorrectionRefused('Không tìm thấy sự kiện này.');
  const member = (await store.db.members.get(event.memberId)) as unknown as StoredMember | undefined;
  if (!member || member.deleted === 1)
    throw new CorrectionRefused('Hồ sơ của đảng viên này đang ở Thùng rác; hãy khôi phục hồ sơ trước.');
  const events = (await store.db.memberEvents
    .where('[deleted+memberId]')
    .equals([0, member.id])
    .toArray()) as unknown as StoredEvent[];
  const changes = judged(member, events, [...events, event], rulesFor(member));
  await commit(store, [{ table: 'memberEvents', kind: 'restore', ids: [eventId] }, ...memberOps(member, changes)]);
}
