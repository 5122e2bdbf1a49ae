/**
 * The writes of the organizations register. Each function is one user action: it checks with the
 * shared rules, then writes everything the action changes in ONE commit through the write path
 * (organizations, members and events together), so a refusal or a failure leaves nothing half done.
 * A refusal throws an OrgActionRefused with the rule's Vietnamese sentence.
 */
import { todayIso } from '@shared/domain/dates';
import {
  indexOrganizations,
  moveProblem,
  organizationEditProblem,
  planDissolve,
  planMerge,
  type DissolvePlan,
  type MergePlan,
} from '@shared/domain/organizationChanges';
import { leadershipProblem, type Leadership } from '@shared/domain/organizationRules';
import { planReceipt, type ReceiptInput, type ReceiptPlan } from '@shared/domain/orgReceipt';
import {
  isActiveMemberStatus,
  type Id,
  type IsoDate,
  type Member,
  type Organization,
} from '@shared/domain/types';
import { commit, upsert, type Draft } from '../../db/writePath';
import type { DataStore } from '../../db/store';
import { liveOrganizations, membersOf } from './queries';

export class OrgActionRefused extends Error {
  override name = 'OrgActionRefused';
}

const asDraft = (record: object) => record as unknown as Draft;

async function organizationsById(store: DataStore): Promise<Map<Id, Organization>> {
  return indexOrganizations((await liveOrganizations(store.db)) as unknown as Organization[]);
}

async function activeMembersOf(store: DataStore, id: Id): Promise<Member[]> {
  const members = (await membersOf(store.db, [id])) as unknown as Member[];
  return members.filter((m) => isActiveMemberStatus(m.status));
}

/** The next position among the children of `parentId`, so a new one goes last. */
export function nextSortOrder(parentId: Id, orgs: ReadonlyMap<Id, Organization>): number {
  let max = 0;
  for (const org of orgs.values()) if (org.parentId === parentId) max = Math.max(max, org.sortOrder);
  return max + 1;
}

/** "Thêm tổ chức" (no `before`) or "Sửa": the whole record as the form has it. */
export async function saveOrganization(store: DataStore, org: Organization): Promise<{ changed: boolean }> {
  const orgs = await organizationsById(store);
  const before = orgs.get(org.id);
  const problem = organizationEditProblem(before, org, orgs);
  if (problem) throw new OrgActionRefused(problem);
  const result = await commit(store, [upsert('organizations', [asDraft(org)])]);
  return { changed: result.stamp !== null };
}

/** "Chuyển": the organization goes under another parent, with its members and sub-tree. */
export async function moveOrganization(store: DataStore, id: Id, newParentId: Id): Promise<void> {
  const orgs = await organizationsById(store);
  const org = orgs.get(id);
  if (!org) throw new OrgActionRefused('Không tìm thấy tổ chức cần chuyển.');
  const problem = moveProblem(org, newParentId, orgs);
  if (problem) throw new OrgActionRefused(problem);
  await commit(store, [
    upsert('organizations', [{ id, parentId: newParentId, sortOrder: nextSortOrder(newParentId, orgs) }]),
  ]);
}

/** What a merge would do, for the confirmation; refused merges throw. */
export async function previewMerge(
  store: DataStore,
  sourceId: Id,
  targetId: Id,
  on: IsoDate,
): Promise<MergePlan> {
  const orgs = await organizationsById(store);
  const source = orgs.get(sourceId);
  const target = orgs.get(targetId);
  if (!source || !target) throw new OrgActionRefused('Không tìm thấy tổ chức đã chọn.');
  const result = planMerge(source, target, await activeMembersOf(store, sourceId), {
    organizations: orgs,
    on,
    newId: () => crypto.randomUUID(),
  });
  if (!result.ok) throw new OrgActionRefused(result.reason);
  return result.plan;
}

/** "Hợp nhất": the source points to the target; its members and children follow; one commit. */
export async function mergeOrganization(
  store: DataStore,
  sourceId: Id,
  targetId: Id,
  on: IsoDate,
): Promise<MergePlan> {
  const plan = await previewMerge(store, sourceId, targetId, on);
  const orgs = await organizationsById(store);
  let order = nextSortOrder(targetId, orgs);
  await commit(store, [
    upsert('organizations', [
      asDraft(plan.source),
      ...plan.childMoves.map((move) => asDraft({ ...move, sortOrder: order++ })),
    ]),
    upsert('members', plan.memberMoves.map(asDraft)),
    upsert('memberEvents', plan.memberEvents.map(asDraft)),
  ]);
  return plan;
}

/** Whether the organization may be dissolved now, with the rule's reason if not. */
export async function checkDissolve(
  store: DataStore,
  id: Id,
  on: IsoDate = todayIso(),
): Promise<{ ok: true; plan: DissolvePlan } | { ok: false; reason: string }> {
  const orgs = await organizationsById(store);
  const org = orgs.get(id);
  if (!org) return { ok: false, reason: 'Không tìm thấy tổ chức cần giải thể.' };
  return planDissolve(org, (await activeMembersOf(store, id)).length, { organizations: orgs, on });
}

/** "Giải thể": refused while active members or active children remain. */
export async function dissolveOrganization(store: DataStore, id: Id, on: IsoDate): Promise<void> {
  const result = await checkDissolve(store, id, on);
  if (!result.ok) throw new OrgActionRefused(result.reason);
  await commit(store, [upsert('organizations', [asDraft(result.plan.organization)])]);
}

/** "Tiếp nhận tổ chức": the organization, its members and their transfer-in events in one commit. */
export async function receiveOrganization(
  store: DataStore,
  input: Omit<ReceiptInput, 'newId'>,
): Promise<{ ok: true; plan: ReceiptPlan } | { ok: false; problems: { row: number; message: string }[] }> {
  const orgs = await organizationsById(store);
  const problem = organizationEditProblem(undefined, input.organization, orgs);
  if (problem) throw new OrgActionRefused(problem);
  const result = planReceipt({ ...input, newId: () => crypto.randomUUID() });
  if (!result.ok) return result;
  const { organization, members, events } = result.plan;
  await commit(store, [
    upsert('organizations', [asDraft(organization)]),
    upsert('members', members.map(asDraft)),
    upsert('memberEvents', events.map(asDraft)),
  ]);
  return result;
}

/** "Bí thư, cấp ủy": leaders must be active members of the organization's sub-tree. */
export async function saveLeadership(
  store: DataStore,
  id: Id,
  leadership: Leadership,
  eligible: ReadonlyMap<Id, string>,
): Promise<void> {
  const problem = leadershipProblem(
    leadership,
    (memberId) => eligible.has(memberId),
    (memberId) => eligible.get(memberId) ?? 'Một người được chọn',
  );
  if (problem) throw new OrgActionRefused(problem);
  const list = (ids: Id[] | undefined) => (ids && ids.length > 0 ? ids : undefined);
  await commit(store, [
    upsert('organizations', [
      {
        id,
        secretaryId: leadership.secretaryId ?? undefined,
        deputySecretaryIds: list(leadership.deputySecretaryIds),
        standingCommitteeIds: list(leadership.standingCommitteeIds),
        committeeMemberIds: list(leadership.committeeMemberIds),
      },
    ]),
  ]);
}
