/**
 * The organizations of the register, live, with what the screen derives from them once per change:
 * an index by id, children in register order (sortOrder, then Vietnamese name order), and the
 * thresholds of the rules in force on the date the figures are for.
 */
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { orgRuleThresholds, type OrgRuleThresholds } from '@shared/domain/organizationRules';
import type { Id, IsoDate, Organization } from '@shared/domain/types';
import { compareVietnamese } from '@shared/text/vi';
import { useStore } from '../../app/StoreContext';
import { liveOrganizations } from './queries';

export interface OrgIndex {
  list: Organization[];
  byId: Map<Id, Organization>;
  /** Children of each organization (all statuses), in register order. */
  children: Map<Id, Organization[]>;
  /** The root: the ward committee (the first root when a sync left two). */
  root: Organization | undefined;
}

export function compareSiblings(a: Organization, b: Organization): number {
  return (
    a.sortOrder - b.sortOrder || compareVietnamese(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export function indexTree(list: Organization[]): OrgIndex {
  const byId = new Map(list.map((org) => [org.id, org]));
  const children = new Map<Id, Organization[]>();
  const roots: Organization[] = [];
  for (const org of list) {
    if (org.parentId === null || !byId.has(org.parentId)) {
      roots.push(org);
      continue;
    }
    const siblings = children.get(org.parentId);
    if (siblings) siblings.push(org);
    else children.set(org.parentId, [org]);
  }
  for (const siblings of children.values()) siblings.sort(compareSiblings);
  roots.sort((a, b) => (a.type === 'ward' ? 0 : 1) - (b.type === 'ward' ? 0 : 1) || compareSiblings(a, b));
  return { list, byId, children, root: roots[0] };
}

export function useOrganizations(): OrgIndex | undefined {
  const { db } = useStore();
  const list = useLiveQuery(() => liveOrganizations(db), [db]);
  return useMemo(() => (list ? indexTree(list as unknown as Organization[]) : undefined), [list]);
}

/** The rule thresholds in force on `asOf`, following the office's stored settings live. */
export function useOrgThresholds(asOf: IsoDate): OrgRuleThresholds {
  const { db } = useStore();
  const records = useLiveQuery(() => db.settings.toArray(), [db]);
  return useMemo(() => {
    const versions = new Map<string, unknown[]>();
    for (const record of records ?? [])
      if (record.deleted === 0 && Array.isArray(record.versions))
        versions.set(record.id, record.versions as unknown[]);
    return orgRuleThresholds((key) => versions.get(key), asOf);
  }, [records, asOf]);
}
