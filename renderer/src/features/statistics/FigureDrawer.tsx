/**
 * The drill-down: the members (or organizations) behind a figure, in register order, each a link
 * to its file.
 */
import { Drawer, Table } from 'antd';
import { Link } from 'react-router';
import { formatDateVi } from '@shared/domain/dates';
import { ORG_TYPE_LABELS } from '@shared/domain/labels';
import type { Id, Organization } from '@shared/domain/types';
import type { RegisterRow } from '@shared/reports/register';
import type { Figure } from '@shared/reports/statistics';
import { formatCount } from '@shared/reports/overview';
import { vi } from '../../i18n/vi';

const t = vi.statistics;

export interface OpenFigure {
  figure: Figure;
  kind: 'members' | 'organizations';
}

export function FigureDrawer({
  open,
  onClose,
  rows,
  organizations,
  organizationOf,
}: {
  open: OpenFigure | undefined;
  onClose: () => void;
  rows: ReadonlyMap<Id, RegisterRow>;
  organizations: ReadonlyMap<Id, Organization>;
  /** Where the member belonged on the date of the figures (the file says where they are now). */
  organizationOf: (row: RegisterRow) => Id | undefined;
}) {
  const figure = open?.figure;
  const orgName = (id: Id | undefined) => (id ? (organizations.get(id)?.name ?? '') : '');
  return (
    <Drawer
      open={open !== undefined}
      onClose={onClose}
      size={760}
      title={figure ? t.drawerTitle(figure.label, formatCount(figure.count)) : ''}
      destroyOnHidden
    >
      {open?.kind === 'members' && figure ? (
        <Table<RegisterRow>
          size="small"
          rowKey="id"
          data-testid="figure-members"
          pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
          dataSource={[...new Set(figure.ids)]
            .map((id) => rows.get(id))
            .filter((row): row is RegisterRow => row !== undefined)
            .sort((a, b) => (a.nameKey < b.nameKey ? -1 : a.nameKey > b.nameKey ? 1 : 0))}
          columns={[
            { title: t.drawerColumns.index, key: 'index', width: 56, render: (_, __, i) => i + 1 },
            {
              title: t.drawerColumns.name,
              dataIndex: 'fullName',
              render: (name: string, row) => <Link to={`/dang-vien/${row.id}`}>{name}</Link>,
            },
            { title: t.drawerColumns.birthDate, dataIndex: 'birthDate', width: 110, render: formatDateVi },
            { title: t.drawerColumns.joinedOn, dataIndex: 'joinedOn', width: 120, render: formatDateVi },
            {
              title: t.drawerColumns.organization,
              key: 'org',
              render: (_, row) => orgName(organizationOf(row)),
            },
          ]}
        />
      ) : null}
      {open?.kind === 'organizations' && figure ? (
        <Table<Organization>
          size="small"
          rowKey="id"
          data-testid="figure-organizations"
          pagination={false}
          dataSource={figure.ids.map((id) => organizations.get(id)).filter((o): o is Organization => !!o)}
          columns={[
            { title: t.drawerColumns.index, key: 'index', width: 56, render: (_, __, i) => i + 1 },
            {
              title: t.drawerColumns.orgName,
              dataIndex: 'name',
              render: (name: string, org) => <Link to={`/to-chuc/${org.id}`}>{name}</Link>,
            },
            {
              title: t.drawerColumns.orgType,
              dataIndex: 'type',
              render: (type: Organization['type']) => ORG_TYPE_LABELS[type],
            },
          ]}
        />
      ) : null}
    </Drawer>
  );
}
