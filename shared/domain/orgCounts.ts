/**
 * Member counts per party organization, from member states that are ALREADY resolved for a date
 * (by the lifecycle rules, or from the members' current fields for today). Counting does not know
 * how a state was found, so the same two functions serve today's screen, an as-of date and reports.
 *
 * - Only active statuses (official, probationary, exempted) count; the total is their sum.
 * - Temporary attendance (sinh hoạt tạm thời) is shown at the host organization but never added to
 *   a total: the member is counted where they officially belong (domain.md §3.2, §7 rule 10).
 * - A merged organization keeps a `mergedInto` pointer that reads follow (sync.md "Model"): its
 *   members count in the organization at the end of the chain.
 *
 * Both functions are O(members + organizations): one pass over the states, one over the tree.
 */
import { compareIsoDates } from './dates';
import type { Id, IsoDate, MemberStatus, Organization } from './types';

/** A member's standing on one date, as lifecycle resolution returns it. */
export interface MemberState {
  status: MemberStatus;
  organizationId?: Id;
  /** Where the member attends temporarily on that date, if anywhere. */
  temporaryOrganizationId?: Id;
}

export interface OrgCounts {
  official: number;
  probationary: number;
  exempted: number;
  /** official + probationary + exempted. */
  total: number;
  /** Members from elsewhere attending temporarily; never part of `total`. */
  temporary: number;
}

/** What counting needs to know about an organization. */
export type OrgLink = Pick<Organization, 'id' | 'parentId' | 'status' | 'mergedInto'> &
  Partial<Pick<Organization, 'mergedOn'>>;

export interface CountOptions {
  /**
   * The date the states are for. A merge dated after it is not followed: on that date the merged
   * organization still existed and counted its own members. Without it every merge is followed.
   */
  asOf?: IsoDate;
}

type Organizations = Iterable<OrgLink> | ReadonlyMap<Id, OrgLink>;

/** Whether reads on `asOf` follow this organization's `mergedInto` pointer. */
function follows(
  org: OrgLink | undefined,
  byId: ReadonlyMap<Id, OrgLink>,
  asOf: IsoDate | undefined,
): boolean {
  if (!org || org.status !== 'merged' || !org.mergedInto || !byId.has(org.mergedInto)) return false;
  return asOf === undefined || !org.mergedOn || compareIsoDates(org.mergedOn, asOf) <= 0;
}

export function emptyCounts(): OrgCounts {
  return { official: 0, probationary: 0, exempted: 0, total: 0, temporary: 0 };
}

export function addCounts(into: OrgCounts, from: OrgCounts): void {
  into.official += from.official;
  into.probationary += from.probationary;
  into.exempted += from.exempted;
  into.total += from.total;
  into.temporary += from.temporary;
}

/** Full members (đảng viên chính thức, incl. exempted) for the "≥ 3" and "≥ 9" rules. */
export function fullMembers(counts: OrgCounts): number {
  return counts.official + counts.exempted;
}

function byIdOf(organizations: Organizations): ReadonlyMap<Id, OrgLink> {
  if (organizations instanceof Map) return organizations as ReadonlyMap<Id, OrgLink>;
  const map = new Map<Id, OrgLink>();
  for (const org of organizations as Iterable<OrgLink>) map.set(org.id, org);
  return map;
}

/**
 * Where the members of `id` count: follows `mergedInto` while the organization is merged (on
 * `asOf`, if given). The chain stops at an unknown target, at the last known organization. Two
 * laptops can merge A into B and B into A before they sync; such a cycle resolves to its smallest
 * id, so every member of the cycle counts in one place and every laptop picks the same one.
 */
export function resolveMergedInto(id: Id, organizations: Organizations, options: CountOptions = {}): Id {
  const byId = byIdOf(organizations);
  const seen: Id[] = [];
  let current = id;
  while (follows(byId.get(current), byId, options.asOf)) {
    seen.push(current);
    current = byId.get(current)!.mergedInto!;
    const loopStart = seen.indexOf(current);
    if (loopStart >= 0) return seen.slice(loopStart).reduce((min, x) => (x < min ? x : min));
  }
  return current;
}

/** `resolveMergedInto` for every organization at once, memoized: O(organizations). */
export function mergeTargets(organizations: Organizations, options: CountOptions = {}): Map<Id, Id> {
  const byId = byIdOf(organizations);
  const targets = new Map<Id, Id>();
  for (const id of byId.keys()) {
    // Walk until a known answer or the end of the chain; everything walked shares the answer.
    const path: Id[] = [];
    let current = id;
    while (
      !targets.has(current) &&
      follows(byId.get(current), byId, options.asOf) &&
      !path.includes(current)
    ) {
      path.push(current);
      current = byId.get(current)!.mergedInto!;
    }
    const answer =
      targets.get(current) ?? (path.includes(current) ? resolveMergedInto(current, byId, options) : current);
    for (const walked of path) targets.set(walked, answer);
    targets.set(current, targets.get(current) ?? answer);
  }
  return targets;
}

/**
 * Counts per organization: every known organization gets an entry (zeros included); a member whose
 * organization is unknown (e.g. deleted) is counted under that id, so nothing vanishes unseen.
 * `null` states (not a member on that date) are skipped.
 */
export function countByOrganization(
  states: Iterable<MemberState | null | undefined>,
  organizations: Organizations,
  options: CountOptions = {},
): Map<Id, OrgCounts> {
  const byId = byIdOf(organizations);
  const targets = mergeTargets(byId, options);
  const counts = new Map<Id, OrgCounts>();
  for (const id of byId.keys()) counts.set(id, emptyCounts());
  const entry = (id: Id) => {
    const target = targets.get(id) ?? id;
    let found = counts.get(target);
    if (!found) counts.set(target, (found = emptyCounts()));
    return found;
  };
  for (const state of states) {
    if (!state) continue;
    const { status } = state;
    if (status !== 'official' && status !== 'probationary' && status !== 'exempted') continue;
    if (state.organizationId !== undefined) {
      const own = entry(state.organizationId);
      own[status] += 1;
      own.total += 1;
    }
    if (state.temporaryOrganizationId !== undefined) entry(state.temporaryOrganizationId).temporary += 1;
  }
  return counts;
}

/**
 * Each organization's counts with its whole sub-tree added, up to the ward. A parent that was merged
 * is followed to its target, like members are. Children are added before their parents (a queue of
 * organizations whose children are all done), so a cycle of parents left by concurrent moves on two
 * laptops cannot loop: its members stay counted in their own organizations and go no higher.
 * Ids that are not organizations (see `countByOrganization`) are kept as they are and not rolled.
 */
export function rollUp(
  counts: ReadonlyMap<Id, OrgCounts>,
  organizations: Organizations,
  options: CountOptions = {},
): Map<Id, OrgCounts> {
  const byId = byIdOf(organizations);
  const targets = mergeTargets(byId, options);
  const rolled = new Map<Id, OrgCounts>();
  for (const [id, own] of counts) rolled.set(id, { ...own });
  const parentOf = new Map<Id, Id>();
  const pending = new Map<Id, number>();
  for (const org of byId.values()) {
    if (!rolled.has(org.id)) rolled.set(org.id, emptyCounts());
    if (org.parentId === null || !byId.has(org.parentId)) continue;
    const parent = targets.get(org.parentId) ?? org.parentId;
    if (parent === org.id) continue;
    parentOf.set(org.id, parent);
    pending.set(parent, (pending.get(parent) ?? 0) + 1);
  }
  const ready: Id[] = [];
  for (const id of byId.keys()) if (!pending.get(id)) ready.push(id);
  for (let i = 0; i < ready.length; i += 1) {
    const id = ready[i]!;
    const parent = parentOf.get(id);
    if (parent === undefined) continue;
    addCounts(rolled.get(parent)!, rolled.get(id)!);
    const left = pending.get(parent)! - 1;
    pending.set(parent, left);
    if (left === 0) ready.push(parent);
  }
  return rolled;
}
