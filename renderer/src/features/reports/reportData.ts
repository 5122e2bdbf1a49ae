/** What the report sheets share: organizations in tree order, and members' states on the date. */
import { completeDate } from '@shared/domain/dates';
import type { LifecycleState } from '@shared/domain/lifecycleMachine';
import type { Id, IsoDate, Organization } from '@shared/domain/types';
import type { PreparedMembers } from '@shared/reports/statisticsPrepared';
import { dayKeyOf } from '@shared/reports/statisticsDates';
import { stateAt } from '@shared/reports/statisticsTimeline';
import type { RegisterRow } from '@shared/reports/register';
import type { OrgIndex } from '../organizations/useOrganizations';

/** The organization and its sub-tree, depth first in register order, with each one's depth. */
export function treeOrder(index: OrgIndex, rootId: Id): { org: Organization; depth: number }[] {
  const out: { org: Organization; depth: number }[] = [];
  const seen = new Set<Id>();
  const walk = (org: Organization, depth: number) => {
    if (seen.has(org.id)) return;
    seen.add(org.id);
    out.push({ org, depth });
    for (const child of index.children.get(org.id) ?? []) walk(child, depth + 1);
  };
  const root = index.byId.get(rootId);
  if (root) walk(root, 0);
  return out;
}

/** Each member's state on the date: the record itself for today or later, else the replay. */
export function statesOn(
  prepared: PreparedMembers<RegisterRow>,
  ids: readonly Id[],
  asOf: IsoDate,
  today: IsoDate,
): Map<Id, { row: RegisterRow; state: Pick<LifecycleState, 'status' | 'organizationId'> }> {
  const day = dayKeyOf(completeDate(asOf, 'end'))!;
  const out = new Map<Id, { row: RegisterRow; state: Pick<LifecycleState, 'status' | 'organizationId'> }>();
  for (const id of ids) {
    const p = prepared.byId.get(id);
    if (!p) continue;
    const state = asOf >= today ? p.member : stateAt(p.timeline, day);
    if (state) out.set(id, { row: p.member, state });
  }
  return out;
}
