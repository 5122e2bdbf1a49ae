/**
 * Edits of the organization tree as pure checks and plans: where a type may sit, moving, merging,
 * dissolving. Each check returns a Vietnamese sentence (what is refused and what to do) or null;
 * each plan returns the exact field changes for the one write of the user's action.
 */
import { ORG_TYPE_LABELS } from './labels';
import { typeInSentence } from './organizationRules';
import {
  isActiveMemberStatus,
  type Id,
  type IsoDate,
  type Member,
  type MemberEvent,
  type Organization,
  type OrgType,
} from './types';

type Orgs = ReadonlyMap<Id, Organization>;

/** Where each type may sit (domain.md §1.1, §1.2). The ward is the root and sits nowhere. */
export const ALLOWED_PARENT_TYPES = {
  ward: [],
  grassrootsCommittee: ['ward'],
  grassrootsBranch: ['ward'],
  subCommittee: ['grassrootsCommittee'],
  branch: ['ward', 'grassrootsCommittee', 'subCommittee'],
  cell: ['branch', 'grassrootsBranch'],
} as const satisfies Record<OrgType, readonly OrgType[]>;

export function canSitUnder(type: OrgType, parentType: OrgType): boolean {
  return (ALLOWED_PARENT_TYPES[type] as readonly OrgType[]).includes(parentType);
}

/** Types that may be created under an organization of `parentType`, in the order of ORG_TYPE_LABELS. */
export function childTypesOf(parentType: OrgType): OrgType[] {
  return (Object.keys(ALLOWED_PARENT_TYPES) as OrgType[]).filter((type) => canSitUnder(type, parentType));
}

export function indexOrganizations(organizations: Iterable<Organization>): Map<Id, Organization> {
  const map = new Map<Id, Organization>();
  for (const org of organizations) map.set(org.id, org);
  return map;
}

/** Whether `id` is `ancestorId` or lies below it (cycle-guarded, for trees damaged by a bad sync). */
export function isWithin(id: Id, ancestorId: Id, orgs: Orgs): boolean {
  const seen = new Set<Id>();
  for (
    let current: Id | null | undefined = id;
    current && !seen.has(current);
    current = orgs.get(current)?.parentId
  ) {
    if (current === ancestorId) return true;
    seen.add(current);
  }
  return false;
}

const quoted = (org: Pick<Organization, 'name'>) => `“${org.name}”`;

/** Why an organization of `type` cannot be placed under `parent`, or null. */
export function placementProblem(type: OrgType, parent: Organization | undefined): string | null {
  if (type === 'ward')
    return parent ? 'Đảng bộ phường là gốc của cây tổ chức, không đặt dưới tổ chức nào.' : null;
  if (!parent) return 'Hãy chọn tổ chức cấp trên.';
  if (parent.status !== 'active')
    return `${quoted(parent)} đã ${parent.status === 'merged' ? 'hợp nhất' : 'giải thể'}; hãy chọn một tổ chức đang hoạt động làm cấp trên.`;
  if (parent.type === 'cell')
    return `Tổ đảng không có tổ chức trực thuộc; không thể đặt tổ chức dưới ${quoted(parent)}.`;
  if (!canSitUnder(type, parent.type)) {
    const allowed = ALLOWED_PARENT_TYPES[type].map(typeInSentence).join(', ');
    return `${ORG_TYPE_LABELS[type]} không thể trực thuộc ${typeInSentence(parent.type)} ${quoted(parent)}; ${typeInSentence(type)} chỉ trực thuộc ${allowed}.`;
  }
  return null;
}

/** Why `org` cannot move under `newParentId`, or null. */
export function moveProblem(org: Organization, newParentId: Id, orgs: Orgs): string | null {
  if (org.type === 'ward') return 'Đảng bộ phường là gốc của cây tổ chức, không chuyển được.';
  if (org.status !== 'active') return `${quoted(org)} không còn hoạt động nên không chuyển được.`;
  if (newParentId === org.id) return 'Không thể chuyển một tổ chức vào chính nó.';
  const parent = orgs.get(newParentId);
  if (!parent) return 'Không tìm thấy tổ chức cấp trên đã chọn.';
  if (isWithin(newParentId, org.id, orgs))
    return `${quoted(parent)} đang trực thuộc ${quoted(org)}; không thể chuyển một tổ chức vào tổ chức cấp dưới của nó.`;
  if (newParentId === org.parentId) return `${quoted(org)} đã trực thuộc ${quoted(parent)}.`;
  return placementProblem(org.type, parent);
}

/** The active organizations directly under `id`. */
export function activeChildren(id: Id, orgs: Orgs): Organization[] {
  return [...orgs.values()].filter((org) => org.parentId === id && org.status === 'active');
}

/**
 * Why a created (`before` undefined) or edited organization cannot be saved, or null: a name, a
 * place in the tree its type allows, a type its active children can still sit under.
 */
export function organizationEditProblem(
  before: Organization | undefined,
  after: Organization,
  orgs: Orgs,
): string | null {
  if (!after.name.trim()) return 'Hãy nhập tên tổ chức.';
  if (before?.type === 'ward' && after.type !== 'ward') return 'Không đổi được loại hình của Đảng bộ phường.';
  if (after.type === 'ward' && before?.type !== 'ward')
    return 'Mỗi Đảng bộ chỉ có một Đảng bộ phường ở gốc cây tổ chức.';
  if (before && after.parentId !== before.parentId) {
    if (after.parentId === null) return 'Hãy chọn tổ chức cấp trên.';
    const moved = moveProblem({ ...before, type: after.type }, after.parentId, orgs);
    if (moved) return moved;
  } else if (!before || after.type !== before.type) {
    const placed = placementProblem(
      after.type,
      after.parentId === null ? undefined : orgs.get(after.parentId),
    );
    if (placed) return placed;
  }
  if (before && after.type !== before.type) {
    const misfit = activeChildren(after.id, orgs).find((child) => !canSitUnder(child.type, after.type));
    if (misfit)
      return `Không đổi được thành ${typeInSentence(after.type)}: ${typeInSentence(misfit.type)} ${quoted(misfit)} đang trực thuộc và không thể trực thuộc ${typeInSentence(after.type)}; hãy chuyển nó đi trước.`;
  }
  return null;
}

// ---------------------------------------------------------------- merge and dissolve

export type Plan<T> = { ok: true; plan: T } | { ok: false; reason: string };

export interface MergePlan {
  /** New fields of the source: it stays, with a pointer that reads follow. */
  source: Pick<Organization, 'id' | 'status' | 'mergedInto' | 'mergedOn'>;
  /** Each active member of the source, now attending the target. */
  memberMoves: { id: Id; organizationId: Id }[];
  /** Active organizations under the source, now under the target. */
  childMoves: { id: Id; parentId: Id }[];
  /**
   * One 'transferInternal' per moved member, dated on the merge: the member's history shows the
   * move, and the lifecycle places the member in the source before that day (lifecycle.ts).
   */
  memberEvents: MemberEvent[];
}

/**
 * Hợp nhất `source` into `target` on `on`. `members` may be any members (e.g. all of the source's);
 * the plan moves the active ones of the source; `newId` names their events. Refuses merging into itself, into its own
 * sub-tree, into a merged or dissolved organization, and a target its children cannot sit under.
 */
export function planMerge(
  source: Organization,
  target: Organization,
  members: Iterable<Pick<Member, 'id' | 'organizationId' | 'status'>>,
  context: { organizations: Orgs; on: IsoDate; newId: () => Id },
): Plan<MergePlan> {
  const orgs = context.organizations;
  const refuse = (reason: string): Plan<MergePlan> => ({ ok: false, reason });
  if (source.type === 'ward') return refuse('Đảng bộ phường là gốc của cây tổ chức, không hợp nhất được.');
  if (source.status !== 'active')
    return refuse(`${quoted(source)} không còn hoạt động nên không hợp nhất được.`);
  if (target.id === source.id) return refuse('Không thể hợp nhất một tổ chức vào chính nó.');
  if (target.status !== 'active')
    return refuse(
      `${quoted(target)} đã ${target.status === 'merged' ? 'hợp nhất vào tổ chức khác' : 'giải thể'}; hãy chọn một tổ chức đang hoạt động.`,
    );
  if (isWithin(target.id, source.id, orgs))
    return refuse(
      `${quoted(target)} trực thuộc ${quoted(source)}; không thể hợp nhất một tổ chức vào tổ chức cấp dưới của nó.`,
    );
  if (target.type === 'ward')
    return refuse('Đảng viên phải sinh hoạt ở một chi bộ; hãy chọn chi bộ hoặc đảng bộ nhận hợp nhất.');
  const children = activeChildren(source.id, orgs);
  const misfit = children.find((child) => !canSitUnder(child.type, target.type));
  if (misfit)
    return refuse(
      `${ORG_TYPE_LABELS[misfit.type]} ${quoted(misfit)} của ${quoted(source)} không thể trực thuộc ${typeInSentence(target.type)} ${quoted(target)}; hãy chọn tổ chức nhận cùng cấp.`,
    );
  const memberMoves: MergePlan['memberMoves'] = [];
  const memberEvents: MemberEvent[] = [];
  for (const member of members) {
    if (member.organizationId !== source.id || !isActiveMemberStatus(member.status)) continue;
    memberMoves.push({ id: member.id, organizationId: target.id });
    memberEvents.push({
      id: context.newId(),
      memberId: member.id,
      type: 'transferInternal',
      date: context.on,
      transferKind: 'official',
      fromOrganizationId: source.id,
      toOrganizationId: target.id,
      organizationId: source.id,
      note: `Hợp nhất ${source.name} vào ${target.name}`,
    });
  }
  return {
    ok: true,
    plan: {
      source: { id: source.id, status: 'merged', mergedInto: target.id, mergedOn: context.on },
      memberMoves,
      childMoves: children.map((child) => ({ id: child.id, parentId: target.id })),
      memberEvents,
    },
  };
}

export interface DissolvePlan {
  organization: Pick<Organization, 'id' | 'status' | 'dissolvedOn'>;
}

/** Giải thể `org` on `on`: refused while active members or active organizations remain under it. */
export function planDissolve(
  org: Organization,
  activeMemberCount: number,
  context: { organizations: Orgs; on: IsoDate },
): Plan<DissolvePlan> {
  if (org.type === 'ward')
    return { ok: false, reason: 'Đảng bộ phường là gốc của cây tổ chức, không giải thể được.' };
  if (org.status !== 'active') return { ok: false, reason: `${quoted(org)} không còn hoạt động.` };
  if (activeMemberCount > 0)
    return {
      ok: false,
      reason: `${quoted(org)} còn ${activeMemberCount} đảng viên đang sinh hoạt; hãy chuyển sinh hoạt các đảng viên này hoặc hợp nhất tổ chức vào tổ chức khác trước khi giải thể.`,
    };
  const children = activeChildren(org.id, context.organizations);
  if (children.length > 0)
    return {
      ok: false,
      reason: `${quoted(org)} còn ${children.length} tổ chức trực thuộc đang hoạt động; hãy chuyển, hợp nhất hoặc giải thể các tổ chức đó trước.`,
    };
  return { ok: true, plan: { organization: { id: org.id, status: 'dissolved', dissolvedOn: context.on } } };
}
