/**
 * Saving the member form: one user action = one commit. A new file is the member and its admission
 * event (and, for a member entered from a paper file who is already official, the madeOfficial event
 * too), replayed through the lifecycle first so that no history the machine would refuse is stored.
 * An edit is an upsert the write path diffs; when the admission or official dates change, the
 * matching events follow in the same commit.
 */
import { completeDate } from '@shared/domain/dates';
import { replayEvents, type LifecycleRules } from '@shared/domain/lifecycle';
import type { MemberDraft } from '@shared/domain/memberRules';
import type { Issue } from '@shared/domain/ruleIssues';
import type { IsoDate, Member, MemberEvent } from '@shared/domain/types';
import { commit, upsert, type Draft } from '../../db/writePath';
import type { DataStore } from '../../db/store';
import type { StoredEvent, StoredMember } from './memberQueries';

export interface NewMemberFile {
  member: Member;
  events: MemberEvent[];
}

const asDraft = <T extends { id: string }>(record: T) => record as unknown as Draft;

/** The member and its events for a new file; `status` follows from an official date in the past. */
export function newMemberFile(
  draft: MemberDraft,
  today: IsoDate,
  newId: () => string = () => crypto.randomUUID(),
): NewMemberFile {
  const id = draft.id ?? newId();
  const official = draft.officialOn !== undefined && completeDate(draft.officialOn, 'start') <= today;
  const member = { ...draft, id, status: official ? 'official' : 'probationary' } as Member;
  const events: MemberEvent[] = [
    {
      id: newId(),
      memberId: id,
      type: 'admission',
      date: member.joinedOn,
      organizationId: member.organizationId,
      ...(member.admissionDecisionNumber && { decisionNumber: member.admissionDecisionNumber }),
      ...(member.admissionDecisionDate && { decisionDate: member.admissionDecisionDate }),
    },
  ];
  if (official)
    events.push({
      id: newId(),
      memberId: id,
      type: 'madeOfficial',
      date: member.officialOn!,
      organizationId: member.organizationId,
      ...(member.officialDecisionNumber && { decisionNumber: member.officialDecisionNumber }),
    });
  return { member, events };
}

/** The lifecycle's refusal of the new file's history, on the field that caused it, or null. */
export function newFileRefusal(file: NewMemberFile, rules: LifecycleRules): Issue | null {
  const replay = replayEvents(file.events, file.member, rules);
  if (replay.ok) return null;
  return { field: replay.event.type === 'madeOfficial' ? 'officialOn' : 'joinedOn', message: replay.reason };
}

export async function createMember(store: DataStore, file: NewMemberFile): Promise<void> {
  await commit(store, [
    upsert('members', [asDraft(file.member)]),
    upsert('memberEvents', file.events.map(asDraft)),
  ]);
}

/** The admission and official events updated to the edited dates and decision numbers. */
export function followingEvents(draft: MemberDraft, events: readonly StoredEvent[]): Draft[] {
  const only = (type: MemberEvent['type']) => {
    const found = events.filter((event) => event.type === type);
    return found.length === 1 ? found[0] : undefined;
  };
  const out: Draft[] = [];
  const admission = only('admission');
  if (admission && draft.joinedOn)
    out.push({
      id: admission.id,
      date: draft.joinedOn,
      decisionNumber: draft.admissionDecisionNumber,
      decisionDate: draft.admissionDecisionDate,
    });
  const official = only('madeOfficial');
  if (official && draft.officialOn)
    out.push({ id: official.id, date: draft.officialOn, decisionNumber: draft.officialDecisionNumber });
  return out;
}

/** One commit: the member's changed fields and the events that follow them (unchanged ones write nothing). */
export async function updateMember(
  store: DataStore,
  stored: StoredMember,
  draft: MemberDraft,
  events: readonly StoredEvent[],
): Promise<boolean> {
  const result = await commit(store, [
    upsert('members', [{ ...draft, id: stored.id }]),
    upsert('memberEvents', followingEvents(draft, events)),
  ]);
  return result.stamp !== null;
}
