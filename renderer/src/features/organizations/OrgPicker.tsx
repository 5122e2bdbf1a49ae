/**
 * Choosing an organization in a dialog (the new parent of a move, the target of a merge): the
 * active tree in register order, search without diacritics, and the choices the rules refuse
 * greyed out so the structure stays readable.
 */
import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import type { Id, Organization } from '@shared/domain/types';
import { foldForSearch } from '@shared/text/vi';
import type { OrgIndex } from './useOrganizations';

interface PickerNode {
  value: Id;
  title: string;
  disabled: boolean;
  children: PickerNode[];
}

function pickerTree(index: OrgIndex, isAllowed: (org: Organization) => boolean): PickerNode[] {
  const seen = new Set<Id>();
  const build = (org: Organization): PickerNode => {
    seen.add(org.id);
    const children = (index.children.get(org.id) ?? [])
      .filter((child) => child.status === 'active' && !seen.has(child.id))
      .map(build);
    return { value: org.id, title: org.name, disabled: !isAllowed(org), children };
  };
  return index.root ? [build(index.root)] : [];
}

export function OrgPicker({
  index,
  isAllowed,
  value,
  onChange,
  ariaLabel,
  id,
}: {
  index: OrgIndex;
  isAllowed: (org: Organization) => boolean;
  value?: Id;
  onChange?: (id: Id) => void;
  ariaLabel: string;
  id?: string;
}) {
  const treeData = useMemo(() => pickerTree(index, isAllowed), [index, isAllowed]);
  return (
    <TreeSelect<Id>
      id={id}
      aria-label={ariaLabel}
      showSearch={{
        filterTreeNode: (input, node) =>
          foldForSearch(typeof node.title === 'string' ? node.title : '').includes(foldForSearch(input)),
      }}
      treeData={treeData}
      treeDefaultExpandedKeys={index.root ? [index.root.id] : []}
      value={value}
      onChange={(next) => onChange?.(next)}
      style={{ width: '100%' }}
      listHeight={360}
      popupMatchSelectWidth
      placeholder="Gõ tên để tìm…"
    />
  );
}
