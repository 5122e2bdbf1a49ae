import { Table, Typography } from 'antd';
import type { OrgCounts } from '@shared/domain/orgCounts';
import { formatCount } from '@shared/reports/overview';
import { vi } from '../../i18n/vi';

const t = vi.organizations.counts;

interface Row extends OrgCounts {
  key: 'own' | 'subtree';
  label: string;
}

const COLUMNS = ['official', 'probationary', 'exempted', 'total', 'temporary'] as const;

/** Chính thức / Dự bị / Miễn sinh hoạt / Tổng số / Sinh hoạt tạm thời, for the organization and its sub-tree. */
export function CountsTable({
  own,
  subtree,
  showSubtree,
}: {
  own: OrgCounts;
  subtree: OrgCounts;
  showSubtree: boolean;
}) {
  const rows: Row[] = [{ key: 'own', label: t.own, ...own }];
  if (showSubtree) rows.push({ key: 'subtree', label: t.subtree, ...subtree });
  return (
    <>
      <Table<Row>
        size="small"
        bordered
        pagination={false}
        rowKey="key"
        dataSource={rows}
        data-testid="org-counts"
        columns={[
          {
            title: t.row,
            dataIndex: 'label',
            render: (label: string, row) => <span data-testid={`counts-${row.key}`}>{label}</span>,
          },
          ...COLUMNS.map((column) => ({
            title: t[column],
            dataIndex: column,
            align: 'right' as const,
            width: column === 'temporary' ? 132 : 92,
            onCell: (row: Row) =>
              ({ 'data-testid': `count-${row.key}-${column}` }) as React.HTMLAttributes<HTMLElement>,
            render: (value: number) =>
              column === 'total' ? <strong>{formatCount(value)}</strong> : formatCount(value),
          })),
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
        {t.note}
      </Typography.Paragraph>
    </>
  );
}
