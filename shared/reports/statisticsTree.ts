/**
 * The two structures the statistics build once: the events grouped by member, and the set of
 * organizations under a root, with parents resolved through merges as the organization tree's
 * totals resolve them (orgCounts.ts `rollUp`).
 */
import type { Id, MemberEvent, Organization } from '../domain/types';

/** Events as a flat list, or already grouped by member (the renderer's events index). */
export type EventsInput = readonly MemberEvent[] | ReadonlyMap<Id, readonly MemberEvent[]>;

export function groupEventsByMember(events: EventsInput): ReadonlyMap<Id, readonly MemberEvent[]> {
  if (events instanceof Map) return events as ReadonlyMap<Id, readonly MemberEvent[]>;
  const byMember = new Map<Id, MemberEvent[]>();
  for (const event of events as readonly MemberEvent[]) {
    const list = byMember.get(event.memberId);
    if (list) list.push(event);
    else byMember.set(event.memberId, [event]);
  }
  return byMember;
}

type TreeOrg = Pick<Organization, 'id' | 'parentId'>;

/** Each organization's parent, followed through merges (`targets` from orgCounts `mergeTargets`). */
export function resolvedParents(
  organizations: readonly TreeOrg[],
  targets: ReadonlyMap<Id, Id>,
): Map<Id, Id> {
  const known = new Set(organizations.map((org) => org.id));
  const parents = new Map<Id, Id>();
  for (const org of organizations) {
    if (org.parentId === null || !known.has(org.parentId)) continue;
    const parent = targets.get(org.parentId) ?? org.parentId;
    if (parent !== org.id) parents.set(org.id, parent);
  }
  return parents;
}

/** The root and every organization below it. A cycle of parents (two laptops' moves) ends the walk. */
export function subtreeOf(
  rootId: Id,
  organizations: readonly TreeOrg[],
  targets: ReadonlyMap<Id, Id>,
): Set<Id> {
  const children = new Map<Id, Id[]>();
  for (const [child, parent] of resolvedParents(organizations, targets)) {
    const list = children.get(parent);
    if (list) list.push(child);
    else children.set(parent, [child]);
  }
  const root = targets.get(rootId) ?? rootId;
  const result = new Set<Id>([root]);
  const stack = [root];
  while (stack.length) {
    for (const child of children.get(stack.pop()!) ?? []) {
      if (result.has(child)) continue;
      result.add(child);
      stack.push(child);
    }
  }
  // A merged organization's own id belongs where its members are counted.
  for (const [id, target] of targets) if (result.has(target)) result.add(id);
  return result;
}
