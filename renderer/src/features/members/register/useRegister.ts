import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { RegisterRow } from '@shared/reports/register';
import type { Organization } from '@shared/domain/types';
import { compareVietnamese } from '@shared/text/vi';
import type { QldvDatabase } from '../../../db/database';
import { liveOrganizations } from '../../organizations/queries';
import { firstRegisterPage, registerIndexFor } from './registerIndex';
import type { OrgTreeNode } from './RegisterFilters';

/** Rows shown before the whole register is in memory: enough to fill the first screen. */
const FIRST_PAGE = 60;

/**
 * The register's rows: the first page straight from the name index at once, then every member
 * when the in-memory index has loaded (and live after that).
 */
export function useRegisterRows(db: QldvDatabase): { rows: readonly RegisterRow[]; ready: boolean } {
  const index = registerIndexFor(db);
  const rows = useSyncExternalStore(
    (listener) => index.subscribe(listener),
    () => index.rows,
  );
  const firstPage = useLiveQuery(() => (index.ready ? undefined : firstRegisterPage(db, FIRST_PAGE)), [db, index]);
  // The whole register loads once the first page is on screen, so the two reads do not compete.
  const firstPageShown = firstPage !== undefined;
  useEffect(() => {
    if (firstPageShown || index.ready) void index.load();
  }, [index, firstPageShown]);
  if (index.ready) return { rows, ready: true };
  return { rows: firstPage ?? [], ready: false };
}

function byOrder(a: Organization, b: Organization): number {
  return a.sortOrder - b.sortOrder || compareVietnamese(a.name, b.name);
}

/** Active organizations as a tree for pickers, plus a name lookup for every organization. */
export function useOrganizationTree(db: QldvDatabase): { tree: OrgTreeNode[]; nameOf: (id: string) => string; all: Organization[] } {
  const records = useLiveQuery(() => liveOrganizations(db), [db]);
  return useMemo(() => {
    const all = (records ?? []) as unknown as Organization[];
    const names = new Map(all.map((o) => [o.id, o.name]));
    const children = new Map<string | null, Organization[]>();
    for (const org of all) {
      if (org.status !== 'active') continue;
      const key = org.parentId ?? null;
      const siblings = children.get(key);
      if (siblings) siblings.push(org);
      else children.set(key, [org]);
    }
    const build = (parent: string | null): OrgTreeNode[] =>
      (children.get(parent) ?? []).sort(byOrder).map((org) => {
        const kids = build(org.id);
        return { value: org.id, title: org.name, ...(kids.length ? { children: kids } : {}) };
      });
    return { tree: build(null), nameOf: (id: string) => names.get(id) ?? '', all };
  }, [records]);
}


const COLUMNS_KEY = 'qldv.register.columns';

/** The columns this user chose, remembered on this laptop. */
export function useChosenColumns<K extends string>(defaults: K[]): [K[], (keys: K[]) => void] {
  const [keys, setKeys] = useState<K[]>(() => {
    try {
      const saved = JSON.parse(localStorage.getItem(COLUMNS_KEY) ?? 'null') as unknown;
      return Array.isArray(saved) && saved.every((k) => typeof k === 'string') ? (saved as K[]) : defaults;
    } catch {
      return defaults;
    }
  });
  const choose = (next: K[]) => {
    setKeys(next);
    localStorage.setItem(COLUMNS_KEY, JSON.stringify(next));
  };
  return [keys, choose];
}

/** The table's height: the window less the header and filters above it. */
export function useTableHeight(offset: number): number {
  const [height, setHeight] = useState(() => Math.max(300, window.innerHeight - offset));
  useEffect(() => {
    const onResize = () => setHeight(Math.max(300, window.innerHeight - offset));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [offset]);
  return height;
}
