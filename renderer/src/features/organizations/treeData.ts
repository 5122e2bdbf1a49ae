/**
 * The nodes of the organization tree: active organizations in register order, merged and dissolved
 * ones only on request, and, while searching, the matches with the path down to them.
 */
import type { TreeDataNode } from 'antd';
import type { Id, Organization } from '@shared/domain/types';
import { foldForSearch } from '@shared/text/vi';
import type { OrgIndex } from './useOrganizations';

export interface OrgNode extends TreeDataNode {
  key: Id;
  org: Organization;
  children?: OrgNode[];
}

export interface TreeOptions {
  showInactive: boolean;
  query: string;
}

export interface BuiltTree {
  nodes: OrgNode[];
  /** While searching: every node on a path to a match, so all matches are visible. */
  expandedForSearch: Id[] | undefined;
  matches: number;
}

/** Roots first the ward, then whatever a damaged sync left without a known parent. */
function roots(index: OrgIndex): Organization[] {
  return index.list.filter((org) => org.parentId === null || !index.byId.has(org.parentId));
}

export function buildTree(index: OrgIndex, { showInactive, query }: TreeOptions): BuiltTree {
  const folded = foldForSearch(query);
  const expanded: Id[] = [];
  const seen = new Set<Id>();
  let matches = 0;
  const matchesQuery = (org: Organization) =>
    foldForSearch(org.name).includes(folded) ||
    (org.shortName !== undefined && foldForSearch(org.shortName).includes(folded));

  const build = (org: Organization): OrgNode | null => {
    if (seen.has(org.id)) return null;
    seen.add(org.id);
    const children: OrgNode[] = [];
    for (const child of index.children.get(org.id) ?? []) {
      const node = build(child);
      if (node) children.push(node);
    }
    const visible = showInactive || org.status === 'active' || children.length > 0;
    if (!visible) return null;
    const hit = folded !== '' && matchesQuery(org);
    if (hit) matches += 1;
    if (folded !== '' && !hit && children.length === 0) return null;
    if (folded !== '' && children.length > 0) expanded.push(org.id);
    return { key: org.id, org, title: org.name, ...(children.length > 0 ? { children } : { isLeaf: true }) };
  };

  const ordered = roots(index).sort((a, b) => (a.type === 'ward' ? -1 : b.type === 'ward' ? 1 : 0));
  const nodes = ordered.map(build).filter((node): node is OrgNode => node !== null);
  return { nodes, expandedForSearch: folded ? expanded : undefined, matches };
}

/** Ids of the ancestors of `id`, nearest last (to expand the path to a selected node). */
export function ancestorsOf(id: Id, index: OrgIndex): Id[] {
  const path: Id[] = [];
  const seen = new Set<Id>([id]);
  for (
    let parent = index.byId.get(id)?.parentId;
    parent && !seen.has(parent);
    parent = index.byId.get(parent)?.parentId
  ) {
    seen.add(parent);
    path.unshift(parent);
  }
  return path;
}

/** Ids of the organization and everything under it (cycle-guarded). */
export function subtreeIds(id: Id, index: OrgIndex): Id[] {
  const ids: Id[] = [];
  const seen = new Set<Id>();
  const stack = [id];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (seen.has(current)) continue;
    seen.add(current);
    ids.push(current);
    for (const child of index.children.get(current) ?? []) stack.push(child.id);
  }
  return ids;
}
