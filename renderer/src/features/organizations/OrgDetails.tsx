import { Descriptions, Space, Tag, Typography } from 'antd';
import { formatDateVi } from '@shared/domain/dates';
import {
  ORG_CATEGORY_LABELS,
  ORG_ORIGIN_LABELS,
  ORG_STATUS_LABELS,
  ORG_TYPE_LABELS,
} from '@shared/domain/labels';
import { electsStandingCommittee } from '@shared/domain/organizationRules';
import type { Id, Organization } from '@shared/domain/types';
import { formatCount } from '@shared/reports/overview';
import { vi } from '../../i18n/vi';
import type { OrgIndex } from './useOrganizations';

const t = vi.organizations;
const f = t.fields;

const STATUS_COLORS = { active: 'green', merged: 'default', dissolved: 'default' } as const;

/** A member's name linked to their file in the register. */
export function MemberLink({ id, nameOf }: { id: Id; nameOf: (id: Id) => string | undefined }) {
  return <a href={`#/dang-vien/${id}`}>{nameOf(id) ?? 'Không tìm thấy đảng viên'}</a>;
}

function People({
  ids,
  nameOf,
  empty,
}: {
  ids: Id[];
  nameOf: (id: Id) => string | undefined;
  empty: string;
}) {
  if (ids.length === 0) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return (
    <Space size={[12, 4]} wrap>
      {ids.map((id) => (
        <MemberLink key={id} id={id} nameOf={nameOf} />
      ))}
    </Space>
  );
}

export function OrgStatusTag({ org }: { org: Organization }) {
  return <Tag color={STATUS_COLORS[org.status]}>{ORG_STATUS_LABELS[org.status]}</Tag>;
}

/** Everything the register holds about one organization, as a two-column sheet. */
export function OrgDetails({
  org,
  index,
  nameOf,
  onOpen,
}: {
  org: Organization;
  index: OrgIndex;
  nameOf: (id: Id) => string | undefined;
  onOpen: (id: Id) => void;
}) {
  const parent = org.parentId ? index.byId.get(org.parentId) : undefined;
  const activeChildren = (index.children.get(org.id) ?? []).filter(
    (child) => child.status === 'active',
  ).length;
  const byOffice = new Set([...(org.secretaryId ? [org.secretaryId] : []), ...(org.deputySecretaryIds ?? [])]);
  const standing = (org.standingCommitteeIds ?? []).filter((id) => !byOffice.has(id));
  const others = (org.committeeMemberIds ?? []).filter((id) => !byOffice.has(id) && !standing.includes(id));
  const text = (value: string | undefined) =>
    value || <Typography.Text type="secondary">{t.none}</Typography.Text>;
  const items = [
    { key: 'name', label: f.name, children: org.name, span: 2 },
    { key: 'shortName', label: f.shortName, children: text(org.shortName) },
    { key: 'type', label: f.type, children: ORG_TYPE_LABELS[org.type] },
    { key: 'category', label: f.category, children: ORG_CATEGORY_LABELS[org.category] },
    { key: 'isGrassroots', label: f.isGrassroots, children: org.isGrassroots ? t.yes : t.no },
    {
      key: 'parent',
      label: f.parent,
      children: parent ? (
        <Typography.Link onClick={() => onOpen(parent.id)}>{parent.name}</Typography.Link>
      ) : (
        text(undefined)
      ),
    },
    { key: 'children', label: f.children, children: formatCount(activeChildren) },
    { key: 'foundedOn', label: f.foundedOn, children: text(formatDateVi(org.foundedOn)) },
    { key: 'decision', label: f.foundingDecisionNumber, children: text(org.foundingDecisionNumber) },
    { key: 'origin', label: f.origin, children: ORG_ORIGIN_LABELS[org.origin] },
    { key: 'originNote', label: f.originNote, children: text(org.originNote) },
    { key: 'status', label: f.status, children: <OrgStatusTag org={org} /> },
    { key: 'term', label: f.term, children: text(org.term) },
    {
      key: 'secretary',
      label: f.secretary,
      children: <People ids={org.secretaryId ? [org.secretaryId] : []} nameOf={nameOf} empty={t.vacant} />,
    },
    {
      key: 'deputies',
      label: f.deputySecretaries,
      children: <People ids={org.deputySecretaryIds ?? []} nameOf={nameOf} empty={t.none} />,
    },
    ...(electsStandingCommittee(org.type)
      ? [
          {
            key: 'standing',
            label: f.standingCommittee,
            children: <People ids={standing} nameOf={nameOf} empty={t.none} />,
            span: 2,
          },
        ]
      : []),
    {
      key: 'committee',
      label: f.committeeMembers,
      children: <People ids={others} nameOf={nameOf} empty={t.none} />,
      span: 2,
    },
    ...(org.notes ? [{ key: 'notes', label: f.notes, children: org.notes, span: 2 }] : []),
  ];
  return (
    <Descriptions
      size="small"
      bordered
      column={2}
      items={items}
      styles={{ label: { width: 150, whiteSpace: 'nowrap' } }}
      data-testid="org-details"
    />
  );
}
