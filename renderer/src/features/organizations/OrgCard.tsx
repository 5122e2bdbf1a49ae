/** The right panel: one organization's sheet, its warnings, its counts as of the date, its actions. */
import { Alert, Button, Card, Flex, Skeleton, Space, Spin, Typography } from 'antd';
import {
  ApartmentOutlined,
  DeleteOutlined,
  EditOutlined,
  ImportOutlined,
  MergeCellsOutlined,
  PlusOutlined,
  SwapOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { compareIsoDates, formatDateVi } from '@shared/domain/dates';
import { childTypesOf } from '@shared/domain/organizationChanges';
import type { OrgWarning } from '@shared/domain/organizationRules';
import type { OrgCounts } from '@shared/domain/orgCounts';
import type { Id, Organization } from '@shared/domain/types';
import { vi } from '../../i18n/vi';
import { CountsTable } from './CountsTable';
import { OrgDetails, OrgStatusTag } from './OrgDetails';
import type { OrgIndex } from './useOrganizations';

const t = vi.organizations;

export type DialogKind = 'create' | 'edit' | 'move' | 'merge' | 'dissolve' | 'receive' | 'leadership';

interface Props {
  org: Organization;
  index: OrgIndex;
  own: OrgCounts | undefined;
  rolled: OrgCounts | undefined;
  asOf: string;
  /** The date the shown counts are for; differs from `asOf` while the new date is being counted. */
  countsAsOf: string | undefined;
  warnings: OrgWarning[];
  nameOf: (id: Id) => string | undefined;
  onOpen: (id: Id) => void;
  onAction: (kind: DialogKind) => void;
}

function Actions({ org, onAction }: { org: Organization; onAction: (kind: DialogKind) => void }) {
  const active = org.status === 'active';
  const isWard = org.type === 'ward';
  const hasChildTypes = childTypesOf(org.type).length > 0;
  return (
    <Space wrap size={8} data-testid="org-actions">
      <Button
        type="primary"
        icon={<PlusOutlined />}
        disabled={!active || !hasChildTypes}
        onClick={() => onAction('create')}
      >
        {t.actions.create}
      </Button>
      <Button
        icon={<ImportOutlined />}
        disabled={!active || !hasChildTypes}
        onClick={() => onAction('receive')}
      >
        {t.actions.receive}
      </Button>
      <Button icon={<EditOutlined />} onClick={() => onAction('edit')}>
        {t.actions.edit}
      </Button>
      <Button icon={<TeamOutlined />} disabled={!active} onClick={() => onAction('leadership')}>
        {t.actions.leadership}
      </Button>
      <Button icon={<SwapOutlined />} disabled={!active || isWard} onClick={() => onAction('move')}>
        {t.actions.move}
      </Button>
      <Button icon={<MergeCellsOutlined />} disabled={!active || isWard} onClick={() => onAction('merge')}>
        {t.actions.merge}
      </Button>
      <Button
        danger
        icon={<DeleteOutlined />}
        disabled={!active || isWard}
        onClick={() => onAction('dissolve')}
      >
        {t.actions.dissolve}
      </Button>
    </Space>
  );
}

export function OrgCard({
  org,
  index,
  own,
  rolled,
  asOf,
  countsAsOf,
  warnings,
  nameOf,
  onOpen,
  onAction,
}: Props) {
  const target = org.mergedInto ? index.byId.get(org.mergedInto) : undefined;
  const hasChildren = (index.children.get(org.id) ?? []).length > 0;
  return (
    <Card
      data-testid="org-card"
      title={
        <Flex align="center" gap={8} style={{ minWidth: 0 }}>
          <ApartmentOutlined style={{ color: '#b71c1c' }} />
          <span className="org-card-title" data-testid="org-card-title" title={org.name}>
            {org.name}
          </span>
          <OrgStatusTag org={org} />
        </Flex>
      }
    >
      <Flex vertical gap={16}>
        <Actions org={org} onAction={onAction} />
        {org.status === 'merged' && (
          <Alert
            type="info"
            showIcon
            title={t.mergedNotice(target?.name ?? '', formatDateVi(org.mergedOn))}
            action={
              target && (
                <Button size="small" onClick={() => onOpen(target.id)}>
                  {target.shortName ?? target.name}
                </Button>
              )
            }
          />
        )}
        {org.status === 'dissolved' && (
          <Alert type="info" showIcon title={t.dissolvedNotice(formatDateVi(org.dissolvedOn))} />
        )}
        {warnings.length > 0 && (
          <Flex vertical gap={8} data-testid="org-warnings">
            {warnings.map((warning, i) => (
              <Alert key={`${warning.kind}-${i}`} type="warning" showIcon title={warning.message} />
            ))}
          </Flex>
        )}
        <div>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t.counts.title} · {vi.dashboard.asOf(formatDateVi(asOf)).toLocaleLowerCase('vi')}
          </Typography.Title>
          {org.foundedOn && compareIsoDates(org.foundedOn, asOf) > 0 && (
            <Alert
              type="info"
              showIcon
              title={t.foundedAfter(formatDateVi(org.foundedOn))}
              style={{ marginBottom: 12 }}
            />
          )}
          {own && rolled ? (
            <Spin spinning={countsAsOf !== asOf} description={t.loading}>
              <CountsTable own={own} subtree={rolled} showSubtree={hasChildren} />
            </Spin>
          ) : (
            <Skeleton active paragraph={{ rows: 2 }} title={false} />
          )}
        </div>
        <OrgDetails org={org} index={index} nameOf={nameOf} onOpen={onOpen} />
      </Flex>
    </Card>
  );
}
