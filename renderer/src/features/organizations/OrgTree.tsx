/**
 * The left panel: the organization tree (virtual, so 2,500 nodes scroll smoothly), a search box that
 * ignores diacritics, and a switch to show merged and dissolved organizations greyed out.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Card, Empty, Input, Switch, Tree, Typography, type GetRef } from 'antd';
import { SearchOutlined, WarningFilled } from '@ant-design/icons';
import type { OrgCounts } from '@shared/domain/orgCounts';
import type { Id } from '@shared/domain/types';
import { formatCount } from '@shared/reports/overview';
import { vi } from '../../i18n/vi';
import { ancestorsOf, buildTree, type OrgNode } from './treeData';
import type { OrgIndex } from './useOrganizations';

const t = vi.organizations;

interface Props {
  index: OrgIndex;
  rolled: Map<Id, OrgCounts> | undefined;
  /** The counts are for another date than the one chosen (being recounted). */
  stale: boolean;
  /** Organizations with at least one warning on the date, marked in the tree. */
  warned: ReadonlySet<Id>;
  selectedId: Id | undefined;
  onSelect: (id: Id) => void;
  height: number;
}

function NodeTitle({
  node,
  index,
  counts,
  warned,
}: {
  node: OrgNode;
  index: OrgIndex;
  counts: OrgCounts | undefined;
  warned: boolean;
}) {
  const { org } = node;
  const inactive = org.status !== 'active';
  const target = org.mergedInto ? index.byId.get(org.mergedInto) : undefined;
  return (
    <span className={`org-node${inactive ? ' org-node-inactive' : ''}`} data-testid={`org-node-${org.id}`}>
      <span className="org-node-name" title={org.name}>
        {org.name}
        {org.status === 'merged' && target && (
          <span className="org-node-note"> {t.mergedInto(target.shortName ?? target.name)}</span>
        )}
        {org.status === 'dissolved' && <span className="org-node-note"> ({t.dissolvedTag})</span>}
      </span>
      {warned && !inactive && <WarningFilled className="org-node-warning" aria-label="Có cảnh báo" />}
      {!inactive && (
        <span className="org-node-count" title={counts ? t.treeCount(formatCount(counts.total)) : undefined}>
          {counts ? formatCount(counts.total) : '…'}
        </span>
      )}
    </span>
  );
}

export function OrgTree({ index, rolled, stale, warned, selectedId, onSelect, height }: Props) {
  const [query, setQuery] = useState('');
  const [showInactive, setShowInactive] = useState(false);
  const [expanded, setExpanded] = useState<Id[]>(() => (index.root ? [index.root.id] : []));
  const treeRef = useRef<GetRef<typeof Tree>>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const built = useMemo(() => buildTree(index, { showInactive, query }), [index, showInactive, query]);

  // Open the path to the selected organization (chosen by a link or after a create), once per
  // selection, so the user can still fold it afterwards.
  const [openedFor, setOpenedFor] = useState<Id | undefined>();
  if (selectedId && openedFor !== selectedId) {
    setOpenedFor(selectedId);
    const path = ancestorsOf(selectedId, index);
    if (!path.every((id) => expanded.includes(id))) setExpanded([...new Set([...expanded, ...path])]);
  }
  const searching = built.expandedForSearch !== undefined;
  useEffect(() => {
    if (!selectedId || searching) return;
    // Only once laid out: the virtual list measures rows before it can scroll to one.
    const timer = setTimeout(() => {
      if ((boxRef.current?.offsetHeight ?? 0) > 0)
        treeRef.current?.scrollTo({ key: selectedId, align: 'auto' });
    }, 0);
    return () => clearTimeout(timer);
  }, [selectedId, index, searching]);

  return (
    <Card className={`org-tree-card${stale ? ' org-tree-stale' : ''}`} styles={{ body: { padding: 12 } }}>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t.searchPlaceholder}
        aria-label={t.searchPlaceholder}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <label className="org-tree-toggle">
        <Switch size="small" checked={showInactive} onChange={setShowInactive} aria-label={t.showInactive} />
        <Typography.Text type="secondary">{t.showInactive}</Typography.Text>
      </label>
      {built.nodes.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={searching ? t.noMatch : t.empty} />
      ) : (
        <div ref={boxRef}>
          <Tree<OrgNode>
            ref={treeRef}
            blockNode
            virtual
            height={height}
            treeData={built.nodes}
            expandedKeys={searching ? built.expandedForSearch : expanded}
            onExpand={(keys) => {
              if (!searching) setExpanded(keys as Id[]);
            }}
            selectedKeys={selectedId ? [selectedId] : []}
            onSelect={(_, info) => onSelect(info.node.key)}
            titleRender={(node) => (
              <NodeTitle
                node={node}
                index={index}
                counts={rolled?.get(node.key)}
                warned={warned.has(node.key)}
              />
            )}
          />
        </div>
      )}
    </Card>
  );
}
